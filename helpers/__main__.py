"""Command line: ``python -m helpers extract INPUT.jsonl``, ``evaluate GOLD.jsonl`` and ``pipeline RAW_DIR OUT_DIR``.

extract   reads lines of {"id", "text", "date"?} and prints one line per input:
          {"id": ..., "events": [...]} (events as helpers.extract.extract_events returns them).
          A line that is not a JSON object with a "text" string still gets its output line,
          {"id": ..., "events": [], "error": "..."}, and a message on standard error naming the
          file and line, so outputs stay aligned with inputs and one bad line stops nothing.
evaluate  runs the extractor on a gold file (each line also carries the true "events") and
          prints precision, recall and F1 per kind, figure by figure, and location accuracy.
pipeline  runs ingest, sentiment, extraction and topics over every article of RAW_DIR and writes
          the notebooks' tables to OUT_DIR (helpers.pipeline.run_pipeline), with a progress bar
          and a summary; exits 0 when at least one article was processed, 1 when none could be
          read, 2 on an error (one line; --verbose adds the trace).
"""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_ex = sub.add_parser("extract", help="print casualty and interception events for each JSONL line")
    p_ex.add_argument("input", help='JSONL file of {"id", "text", "date"?}; "-" reads standard input')
    p_ev = sub.add_parser("evaluate", help="score the extractor against a gold JSONL file")
    p_ev.add_argument("gold", help='JSONL file of {"id", "text", "date"?, "events"}')
    p_ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    p_ev.add_argument("--errors", action="store_true", help="also list every line whose figures differ from gold")
    p_ev.add_argument("--by", help='also score each group of lines sharing this field (e.g. "part", "source_kind")')
    p_pl = sub.add_parser("pipeline", help="run every stage over a corpus folder and write the tables")
    p_pl.add_argument("raw_dir", help="folder of .txt/.md/.html/.jsonl/.csv articles")
    p_pl.add_argument("out_dir", help="folder for the tables (created if missing)")
    p_pl.add_argument("--manifest", help="metadata CSV with a 'file' column (see README)")
    p_pl.add_argument("--engine", choices=("local", "dask"), default="local",
                      help="local: batches in this process; dask: batches on Dask (default local)")
    p_pl.add_argument("--workers", type=int, default=1, help="Dask worker processes (default 1)")
    p_pl.add_argument("--scheduler", help="address of a dask.distributed scheduler (tcp://host:8786)")
    p_pl.add_argument("--verbose", action="store_true", help="log each stage and show the trace of an error")
    args = parser.parse_args(argv)
    if args.command == "pipeline":
        return _pipeline(args)

    from helpers.evaluate import evaluate_file, format_report, read_jsonl
    from helpers.extract import extract_events

    try:
        if args.command == "extract":
            return _extract(args.input, extract_events)
        else:
            result = evaluate_file(args.gold, with_errors=args.errors, by=args.by)
            print(json.dumps(result, indent=2) if args.json else format_report(result))
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def _pipeline(args) -> int:
    """Run :func:`helpers.pipeline.run_pipeline` and print its summary (see the module doc)."""
    import logging
    import traceback

    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    from helpers.pipeline import run_pipeline

    try:
        summary = run_pipeline(args.raw_dir, args.out_dir, manifest=args.manifest, engine=args.engine,
                               workers=args.workers, scheduler=args.scheduler)
    except KeyboardInterrupt:
        print("error: interrupted; no table was written half (earlier tables are unchanged)", file=sys.stderr)
        return 130
    except Exception as err:  # one line for the user; the trace with --verbose
        if args.verbose:
            traceback.print_exc()
        print(f"error: {type(err).__name__}: {err}" if not isinstance(err, (OSError, ValueError))
              else f"error: {err}", file=sys.stderr)
        return 2
    if summary.articles == 0:
        reasons = "; ".join(f"{p}: {r}" for p, _, r in summary.skipped[:3]) or "the folder holds no file"
        more = f" (and {len(summary.skipped) - 3} more)" if len(summary.skipped) > 3 else ""
        print(f"error: no article could be read from {args.raw_dir}: {reasons}{more}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0


def _extract(path: str, extract_events) -> int:
    """Stream a JSONL file line by line and print each line's events (see the module doc)."""
    from helpers.dates import publication_day
    from helpers.evaluate import iter_jsonl

    name = "<stdin>" if path == "-" else path
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for lineno, rec, error in iter_jsonl(stream):
            if error:
                print(f"{name}:{lineno}: skipped: {error}", file=sys.stderr)
                rid = rec["id"] if rec else f"line{lineno}"
                print(json.dumps({"id": rid, "events": [], "error": error}, ensure_ascii=False))
                continue
            date, warning = publication_day(rec.get("date"))
            try:
                events = extract_events(rec["text"], date)
            except ValueError as err:  # one record never stops the run
                print(f"{name}:{lineno}: skipped: {err}", file=sys.stderr)
                print(json.dumps({"id": rec["id"], "events": [], "error": str(err)}, ensure_ascii=False))
                continue
            for ev in events:
                ev.pop("sentence", None)
            out = {"id": rec["id"], "events": events}
            if warning:
                print(f"{name}:{lineno}: warning: {warning}", file=sys.stderr)
                out["warning"] = warning
            print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
