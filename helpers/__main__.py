"""Command line: ``python -m helpers extract INPUT.jsonl`` and ``python -m helpers evaluate GOLD.jsonl``.

extract   reads lines of {"id", "text", "date"?} and prints one line per input:
          {"id": ..., "events": [...]} (events as helpers.extract.extract_events returns them).
          A line that is not a JSON object with a "text" string still gets its output line,
          {"id": ..., "events": [], "error": "..."}, and a message on standard error naming the
          file and line, so outputs stay aligned with inputs and one bad line stops nothing.
evaluate  runs the extractor on a gold file (each line also carries the true "events") and
          prints precision, recall and F1 per kind, figure by figure, and location accuracy.
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
    args = parser.parse_args(argv)

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
