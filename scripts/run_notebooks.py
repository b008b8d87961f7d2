"""Execute every numbered notebook in order from a fresh kernel (``make run``).

Usage: python scripts/run_notebooks.py [--corpus DIR] [--manifest CSV] [--processed DIR] [--run DIR]

Without ``--run`` the notebooks are executed in place on the bundled corpus, passing only the
values that differ from their defaults, so the committed notebooks show no machine paths. With
``--run runs/NAME`` (what ``make run CORPUS=...`` does) the executed notebooks go to
``runs/NAME/notebooks/`` and the tables to ``runs/NAME/processed/`` (unless ``--processed``
says otherwise); the committed notebooks, ``data/processed/`` and ``reports/`` are not touched.
Paths are taken from the repository root. An empty or unreadable corpus stops with one line.
"""

import argparse
import os
import sys

from helpers.publish import NOTEBOOKS, REPO, CorpusError, corpus_problem, execute_all

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
    parser.add_argument("--processed", default=None,
                        help="folder for the derived tables (default: data/processed, or RUN/processed)")
    parser.add_argument("--run", default="", help="folder of this run (runs/NAME); '' executes in place")
    args = parser.parse_args(argv)
    problem = corpus_problem(REPO / args.corpus)
    if problem:
        print(f"error: {problem.replace(str(REPO / args.corpus), args.corpus)}", file=sys.stderr)
        return 2
    if args.manifest and not (REPO / args.manifest).is_file():
        print(f"error: manifest {args.manifest} does not exist (MANIFEST=path/to/file.csv, or MANIFEST= for none)",
              file=sys.stderr)
        return 2
    processed = args.processed or (f"{args.run}/processed" if args.run else DEFAULTS["processed_dir"])
    given = {"corpus_dir": args.corpus, "manifest": args.manifest, "processed_dir": processed}
    if args.run:
        parameters = {k: as_parameter(v) for k, v in given.items()}
        output_dir = REPO / args.run / "notebooks"
    else:
        parameters = {k: as_parameter(v) for k, v in given.items() if as_parameter(v) != as_parameter(DEFAULTS[k])}
        output_dir = None
    try:
        execute_all(parameters, output_dir=output_dir)
    except CorpusError as error:
        print(f"error: {error}".replace(os.path.normpath(NOTEBOOKS / parameters["corpus_dir"]), args.corpus),
              file=sys.stderr)
        return 2
    if args.run:
        print(f"wrote {args.run}/notebooks/ and {processed}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
