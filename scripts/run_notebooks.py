"""Execute every numbered notebook in order, in place, from a fresh kernel (``make run``).

Usage: python scripts/run_notebooks.py [--corpus DIR] [--manifest CSV] [--processed DIR]
Relative paths are taken from the repository root and passed to the notebooks' parameters cells.
"""

import argparse
import sys
from pathlib import Path

from helpers.publish import REPO, execute_all


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="data/raw/articles", help="folder of articles")
    parser.add_argument("--manifest", default="data/raw/articles.csv", help="metadata CSV, or '' for none")
    parser.add_argument("--processed", default="data/processed", help="folder for the derived tables")
    args = parser.parse_args(argv)

    def absolute(p: str) -> str:
        return str((REPO / p).resolve()) if p and not Path(p).is_absolute() else p

    corpus = absolute(args.corpus)
    if not Path(corpus).is_dir():
        print(f"error: corpus folder {corpus} does not exist", file=sys.stderr)
        return 2
    execute_all({"corpus_dir": corpus, "manifest": absolute(args.manifest), "processed_dir": absolute(args.processed)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
