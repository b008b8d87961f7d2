"""Command line: ``python -m helpers extract INPUT.jsonl`` and ``python -m helpers evaluate GOLD.jsonl``.

extract   reads lines of {"id", "text", "date"?} and prints one line per input:
          {"id": ..., "events": [...]} (events as helpers.extract.extract_events returns them).
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
    args = parser.parse_args(argv)

    from helpers.evaluate import evaluate_file, format_report, read_jsonl
    from helpers.extract import extract_events

    try:
        if args.command == "extract":
            records = read_jsonl("/dev/stdin" if args.input == "-" else args.input)
            for rec in records:
                events = extract_events(rec.get("text") or "", rec.get("date"))
                for ev in events:
                    ev.pop("sentence", None)
                print(json.dumps({"id": rec["id"], "events": events}, ensure_ascii=False))
        else:
            result = evaluate_file(args.gold, with_errors=args.errors)
            print(json.dumps(result, indent=2) if args.json else format_report(result))
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
