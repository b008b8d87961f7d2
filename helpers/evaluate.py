"""Evaluate: score the extractor against a gold file, figure by figure.

Input: lines of ``{"id", "text", "date"?, "events": [...]}`` (events in the CLI's shape).
Output: per kind, precision, recall and F1 over figures, where a figure is
``(kind, field, value)`` for the count fields below, matched as a multiset within each line;
location accuracy over gold casualty events that name a place and that the extractor found
(same line, at least one shared figure); and the false figures on distractor lines (gold events
empty). The rule: a figure counts once; a right number in the wrong field is both a false and a
missed figure.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from helpers.extract import extract_events

FIGURE_FIELDS = {
    "casualty": ("killed", "injured"),
    "interception": ("launched", "intercepted", "not_reached"),
}


def iter_jsonl(lines: Iterable[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """``(line number, record, error)`` for each non-blank line: a record is a JSON object with a
    "text" string (its "id" defaults to 'lineN'); otherwise error says why, and record is the
    object when the line was one (so its id can still be reported), else None."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield n, None, f"not valid JSON ({err.msg})"
            continue
        if not isinstance(rec, dict):
            yield n, None, 'not a JSON object with "id" and a "text" string'
            continue
        rec.setdefault("id", f"line{n}")
        if not isinstance(rec.get("text"), str):
            yield n, rec, 'not a JSON object with "id" and a "text" string'
            continue
        yield n, rec, None


def read_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSONL file; a bad line raises an error naming the file and line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, rec, error in iter_jsonl(fh):
            if error:
                raise ValueError(f"{path}:{n}: {error}; fix or remove the line")
            out.append(rec)
    return out


def _num(v):
    return None if v is None else round(float(v), 6)


def figures(events: list[dict]) -> Counter:
    """The multiset of ``(kind, field, value)`` figures stated in a list of events."""
    out: Counter = Counter()
    for ev in events:
        for f in FIGURE_FIELDS.get(ev.get("kind"), ()):
            if ev.get(f) is not None:
                out[(ev["kind"], f, _num(ev[f]))] += 1
    return out


def _norm_place(p) -> str | None:
    return p.strip().lower() if isinstance(p, str) and p.strip() else None


def score(gold: list[dict], predicted: dict[str, list[dict]]) -> dict:
    """Counts and rates per kind, location accuracy, and distractor false figures.

    ``predicted`` maps each gold ``id`` to the extractor's events for that line.
    """
    tp, fp, fn = Counter(), Counter(), Counter()
    loc_right = loc_total = 0
    distractor_false, distractor_lines = 0, 0
    for rec in gold:
        g_events = rec.get("events") or []
        p_events = predicted.get(rec["id"], [])
        g, p = figures(g_events), figures(p_events)
        for key in g | p:
            kind = key[0]
            tp[kind] += min(g[key], p[key])
            fp[kind] += max(0, p[key] - g[key])
            fn[kind] += max(0, g[key] - p[key])
        if not g_events:
            distractor_lines += 1
            distractor_false += sum(p.values())
        for ge in g_events:
            if ge.get("kind") != "casualty" or not _norm_place(ge.get("location")):
                continue
            gf = figures([ge])
            match = next((pe for pe in p_events if pe.get("kind") == "casualty" and gf & figures([pe])), None)
            if match is not None:
                loc_total += 1
                loc_right += _norm_place(match.get("location")) == _norm_place(ge["location"])
    result = {}
    for kind in FIGURE_FIELDS:
        prec = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        rec_ = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
        result[kind] = {"tp": tp[kind], "fp": fp[kind], "fn": fn[kind], "precision": prec, "recall": rec_, "f1": f1}
    result["location"] = {"right": loc_right, "total": loc_total,
                          "accuracy": loc_right / loc_total if loc_total else None}
    result["distractors"] = {"lines": distractor_lines, "false_figures": distractor_false}
    return result


def mismatches(gold: list[dict], predicted: dict[str, list[dict]]) -> list[dict]:
    """Lines where the extractor's figures differ from gold: id, text, missed and false figures."""
    out = []
    for rec in gold:
        g, p = figures(rec.get("events") or []), figures(predicted.get(rec["id"], []))
        if g != p:
            out.append({"id": rec["id"], "text": rec["text"],
                        "missed": sorted((g - p).elements()), "false": sorted((p - g).elements())})
    return out


def evaluate_file(path: str | Path, with_errors: bool = False) -> dict:
    """Run the extractor on every line of a gold file and score it (see :func:`score`)."""
    gold = read_jsonl(path)
    predicted = {rec["id"]: extract_events(rec["text"], rec.get("date")) for rec in gold}
    result = score(gold, predicted)
    if with_errors:
        result["errors"] = mismatches(gold, predicted)
    return result


def format_report(result: dict) -> str:
    """The printed table: one line per kind, then location accuracy and distractors."""
    lines = [f"{'kind':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for kind in FIGURE_FIELDS:
        r = result[kind]
        lines.append(f"{kind:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}")
    loc = result["location"]
    acc = "n/a" if loc["accuracy"] is None else f"{loc['accuracy']:.3f}"
    lines.append(f"location accuracy: {acc} ({loc['right']} of {loc['total']} found casualty events with a gold place)")
    d = result["distractors"]
    lines.append(f"distractors: {d['false_figures']} false figures on {d['lines']} lines without events")
    for err in result.get("errors", []):
        lines.append(f"{err['id']}: missed {err['missed']} false {err['false']}\n    {err['text']}")
    return "\n".join(lines)
