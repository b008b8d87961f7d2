"""Evaluate: score the extractor against a gold file, figure by figure.

Input: lines of ``{"id", "text", "date"?, "events": [...]}`` (events in the CLI's shape).
Output: per kind, precision, recall and F1 over figures, where a figure is
``(kind, field, value)`` for the count fields below, matched as a multiset within each line;
location accuracy over gold casualty events that name a place and that the extractor found
(same line, at least one shared figure); and the false figures on distractor lines (gold events
empty). The rule: a figure counts once; a right number in the wrong field is both a false and a
missed figure. A predicted event flagged ``vague`` ("dozens" read as 12 by ACLED's rule) is not
scored: gold never fills a vague word.

Two measures read the figure type (``../shared/ANNOTATION.md``): ``figure_type`` accuracy over
gold events the extractor found (same kind, one shared figure), and strict ``event`` F1, which
scores only the figures of events typed ``event`` on both sides, so a total the extractor did not
type as one is a false event figure, and a strike typed as a total a missed one. Gold without a
``figure_type`` is typed from its ``aggregate`` flag (``event`` when false or absent).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from helpers.dates import publication_day
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


def figure_type_of(ev: dict) -> str:
    """An event's figure type; older gold states only ``aggregate`` (a total of unknown type)."""
    ft = ev.get("figure_type")
    if isinstance(ft, str) and ft:
        return ft
    return "total" if ev.get("aggregate") else "event"


def scored_figures(gold_events: list[dict], predicted: list[dict]) -> tuple[Counter, Counter]:
    """Gold and predicted figures as scored: a vague predicted figure counts only where gold
    states the same figure (older self-written gold reads "dozens" as 12), and is never false."""
    g = figures(gold_events)
    firm = figures([ev for ev in predicted if not ev.get("vague")])
    vague = figures([ev for ev in predicted if ev.get("vague")])
    return g, firm + (vague & (g - firm))


def _prf(tp: int, fp: int, fn: int) -> dict:
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1}


def _norm_place(p) -> str | None:
    return p.strip().lower() if isinstance(p, str) and p.strip() else None


def _resolve(name: str):
    from helpers import places

    hit = places.gazetteer().get(name.strip())
    if hit is None:
        found = places.locate(name.strip())
        hit = places.gazetteer().get(found["location"]) if found else None
    return hit


def same_place(gold, predicted) -> bool:
    """Whether the extractor's place is the gold place. Gold writes a place as the text does, so
    spellings are compared through the gazetteer ("Nikolaev" is Mykolaiv, "Kursk region" is Kursk
    Oblast), and a region counts as the city it is named after ("the Odesa region" annotated
    "Odesa"): the reader is sent to the right place either way."""
    g, p = _norm_place(gold), _norm_place(predicted)
    if g is None or p is None:
        return g == p
    if g == p:
        return True
    gp, pp = _resolve(gold), _resolve(predicted)
    if gp is None or pp is None:
        return False
    if gp.name == pp.name:
        return True
    city, region = (gp, pp) if gp.kind == "city" else (pp, gp)
    return city.kind == "city" and region.kind == "region" and city.admin1 == region.name \
        and region.name.lower().startswith(city.name.lower())


def _best_match(ge: dict, gf: Counter, p_events: list[dict]) -> dict | None:
    """The predicted event that gold event ``ge`` (figures ``gf``) is compared with for figure type
    and place: of the same kind, sharing the most figures, then in the same place, then the first.
    ("killing at least one and wounding six" in Kyiv and "one person died" in Cherkasy: the gold
    Cherkasy toll is the second event, not the first that also has a 1.)"""
    best, best_key = None, None
    for i, pe in enumerate(p_events):
        if pe.get("kind") != ge.get("kind"):
            continue
        shared = sum((gf & figures([pe])).values())
        if not shared:
            continue
        key = (shared, same_place(ge.get("location"), pe.get("location")), -i)
        if best_key is None or key > best_key:
            best, best_key = pe, key
    return best


def score(gold: list[dict], predicted: dict[str, list[dict]]) -> dict:
    """Counts and rates per kind, strict event F1, figure-type and location accuracy, and
    distractor false figures.

    ``predicted`` maps each gold ``id`` to the extractor's events for that line.
    """
    tp, fp, fn = Counter(), Counter(), Counter()
    strict = Counter()
    loc_right = loc_total = type_right = type_total = 0
    type_confusion: Counter = Counter()
    distractor_false, distractor_lines = 0, 0
    for rec in gold:
        g_events = rec.get("events") or []
        p_events = predicted.get(rec["id"], [])
        g, p = scored_figures(g_events, p_events)
        for key in g | p:
            kind = key[0]
            tp[kind] += min(g[key], p[key])
            fp[kind] += max(0, p[key] - g[key])
            fn[kind] += max(0, g[key] - p[key])
        ge_strict, pe_strict = scored_figures([e for e in g_events if figure_type_of(e) == "event"],
                                              [e for e in p_events if figure_type_of(e) == "event"])
        for key in ge_strict | pe_strict:
            strict["tp"] += min(ge_strict[key], pe_strict[key])
            strict["fp"] += max(0, pe_strict[key] - ge_strict[key])
            strict["fn"] += max(0, ge_strict[key] - pe_strict[key])
        if not g_events:
            distractor_lines += 1
            distractor_false += sum(p.values())
        for ge in g_events:
            gf = figures([ge])
            match = _best_match(ge, gf, p_events)
            if match is None:
                continue
            if figure_type_of(ge) != "total":
                type_total += 1
                type_right += figure_type_of(ge) == figure_type_of(match)
                type_confusion[(figure_type_of(ge), figure_type_of(match))] += 1
            if ge.get("kind") == "casualty" and _norm_place(ge.get("location")):
                loc_total += 1
                loc_right += same_place(ge["location"], match.get("location"))
    result = {kind: _prf(tp[kind], fp[kind], fn[kind]) for kind in FIGURE_FIELDS}
    result["event_strict"] = _prf(strict["tp"], strict["fp"], strict["fn"])
    result["figure_type"] = {"right": type_right, "total": type_total,
                             "accuracy": type_right / type_total if type_total else None,
                             "confusion": {f"{g}->{p}": n for (g, p), n in sorted(type_confusion.items())}}
    result["location"] = {"right": loc_right, "total": loc_total,
                          "accuracy": loc_right / loc_total if loc_total else None}
    result["distractors"] = {"lines": distractor_lines, "false_figures": distractor_false}
    return result


def mismatches(gold: list[dict], predicted: dict[str, list[dict]]) -> list[dict]:
    """Lines where the extractor's figures differ from gold: id, text, missed and false figures."""
    out = []
    for rec in gold:
        g_events, p_events = rec.get("events") or [], predicted.get(rec["id"], [])
        g, p = scored_figures(g_events, p_events)
        g_types = sorted(figure_type_of(e) for e in g_events)
        p_types = sorted(figure_type_of(e) for e in p_events)
        if g != p or ("total" not in g_types and g_types != p_types):
            out.append({"id": rec["id"], "text": rec["text"],
                        "missed": sorted((g - p).elements()), "false": sorted((p - g).elements()),
                        "types": f"gold {g_types} predicted {p_types}" if g_types != p_types else ""})
    return out


def evaluate_records(gold: list[dict], with_errors: bool = False) -> dict:
    """Run the extractor on every gold record and score it (see :func:`score`)."""
    predicted = {rec["id"]: extract_events(rec["text"], publication_day(rec.get("date"))[0]) for rec in gold}
    result = score(gold, predicted)
    if with_errors:
        result["errors"] = mismatches(gold, predicted)
    return result


def evaluate_file(path: str | Path, with_errors: bool = False, by: str | None = None) -> dict:
    """Score a gold file; with ``by`` (a field of the records, such as "part"), also each group of
    records sharing a value of it, under ``result["groups"][value]``."""
    gold = read_jsonl(path)
    result = evaluate_records(gold, with_errors)
    if by:
        values = sorted({str(rec.get(by)) for rec in gold})
        result["groups"] = {v: evaluate_records([r for r in gold if str(r.get(by)) == v]) for v in values}
        result["by"] = by
    return result


def _report_lines(result: dict) -> list[str]:
    lines = [f"{'kind':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for kind in (*FIGURE_FIELDS, "event_strict"):
        r = result[kind]
        lines.append(f"{kind:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}")
    ft = result["figure_type"]
    acc = "n/a" if ft["accuracy"] is None else f"{ft['accuracy']:.3f}"
    wrong = ", ".join(f"{k} {n}" for k, n in ft["confusion"].items() if k.split("->")[0] != k.split("->")[1])
    lines.append(f"figure-type accuracy: {acc} ({ft['right']} of {ft['total']} found events)"
                 + (f"; wrong: {wrong}" if wrong else ""))
    loc = result["location"]
    acc = "n/a" if loc["accuracy"] is None else f"{loc['accuracy']:.3f}"
    lines.append(f"location accuracy: {acc} ({loc['right']} of {loc['total']} found casualty events with a gold place)")
    d = result["distractors"]
    lines.append(f"distractors: {d['false_figures']} false figures on {d['lines']} lines without events")
    return lines


def format_report(result: dict) -> str:
    """The printed table: one line per kind and for strict events, then figure-type and location
    accuracy and distractors; then the same for each group, and the mismatching lines."""
    lines = _report_lines(result)
    for value, sub in result.get("groups", {}).items():
        lines.append("")
        lines.append(f"{result['by']} = {value}")
        lines.extend(_report_lines(sub))
    for err in result.get("errors", []):
        lines.append(f"{err['id']}: missed {err['missed']} false {err['false']} {err['types']}\n    {err['text']}")
    return "\n".join(lines)
