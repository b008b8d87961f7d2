"""Render the executed notebooks to offline HTML pages (``make reports``).

Usage: python scripts/render_reports.py [--run DIR]
Without ``--run``: notebooks/ to reports/NN_name.html and reports/index.html (the overview).
With ``--run runs/NAME``: runs/NAME/notebooks/ to runs/NAME/reports/.
"""

import argparse
import sys

from helpers.publish import NOTEBOOKS, REPO, REPORTS, numbered_notebooks, render_reports


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", default="", help="folder of a run (runs/NAME); '' renders notebooks/")
    args = parser.parse_args(argv)
    notebooks = REPO / args.run / "notebooks" if args.run else NOTEBOOKS
    out_dir = REPO / args.run / "reports" if args.run else REPORTS
    executed = numbered_notebooks(notebooks)
    if not executed:
        print(f"error: no executed notebook in {notebooks}: run `make notebooks` first", file=sys.stderr)
        return 2
    for path in render_reports(executed, out_dir):
        print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
