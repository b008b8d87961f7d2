"""Execute every numbered notebook in order, in place, from a fresh kernel (``make run``).

Usage: python scripts/run_notebooks.py [--corpus DIR] [--manifest CSV] [--processed DIR]
Paths are taken from the repository root. Only values that differ from the notebooks' own
defaults are passed to their parameters cells, so the committed notebooks show no machine paths.
"""

import argparse
import os
import sys
from pathlib import Path

from helpers.publish import NOTEBOOKS, REPO, execute_all

DEFAULTS = {"corpus_dir": "data/raw/articles", "manifest": "data/raw/articles.csv", "processed_dir": "data/processed"}


def as_parameter(path: str) -> str:
    """A path as a notebook (run from notebooks/) should see it: relative inside the repo, else absolute."""
    if not path:
        return ""
    full = (REPO / path).resolve()
    return os.path.relpath(full, NOTEBOOKS) if full.is_relative_to(REPO) else str(full)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULTS["corpus_dir"], help="folder of articles")
    parser.add_argument("--manifest", default=DEFAULTS["manifest"], help="metadata CSV, or '' for none")
    parser.add_argument("--processed", default=DEFAULTS["processed_dir"], help="folder for the derived tables")
    args = parser.parse_args(argv)
    if not (REPO / args.corpus).is_dir():
        print(f"error: corpus folder {args.corpus} does not exist (CORPUS=path/to/folder)", file=sys.stderr)
        return 2
    if args.manifest and not (REPO / args.manifest).is_file():
        print(f"error: manifest {args.manifest} does not exist (MANIFEST=path/to/file.csv, or MANIFEST= for none)",
              file=sys.stderr)
        return 2
    given = {"corpus_dir": args.corpus, "manifest": args.manifest, "processed_dir": args.processed}
    changed = {k: as_parameter(v) for k, v in given.items() if as_parameter(v) != as_parameter(DEFAULTS[k])}
    execute_all(changed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
