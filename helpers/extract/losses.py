"""Loss reports: the Ukrainian General Staff's daily table of the enemy's combat losses.

    "The total combat losses of the enemy from 24.02 to 18.07 were approximately: personnel ‒
    about 38450 (+150) persons were liquidated, tanks ‒ 1687 (+3), ..., UAV operational-tactical
    level ‒ 690 (+2), cruise missiles ‒ 166 (+0), ..."

Each item of the table names a category, its running total since the invasion and, in brackets,
the change since the last report. The rows of ``resources/loss_report_items.csv`` say which
categories are figures: personnel stated as liquidated or killed are deaths; drones and cruise
missiles destroyed are ones shot down. The running total is typed ``cumulative``, the bracketed
change ``period`` (the day since the last report); neither is ever one strike, so nothing adds
them to events. Tanks, aircraft, vehicles and other equipment are no figures here.

The sentence's ordinary rules would read nothing from such a table (a count followed by "persons
were liquidated" is no phrasing they know), so a sentence holding a report is read by this
module alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.numbers import read_resource_csv

_REPORT = re.compile(r"\b(?:total )?combat losses of the (?:enemy|russian (?:army|armed forces|federation))\b"
                     r"|\benemy['’]s (?:total )?combat losses\b", re.I)
# "personnel ‒ about 38450 (+150) persons were liquidated": label, dash, qualifier, total, (+change)
_ITEM = re.compile(r"(?P<label>[A-Za-z][^‒–—:;,()\d]*?)\s*[‒–—-]+\s*(?P<qual>about|approximately|around|almost|nearly)?\s*"
                   r"(?P<total>\d{1,3}(?:[ ,]\d{3})+|\d+)\s*(?:\(\s*\+\s*(?P<change>\d+)\s*\))?(?P<rest>[^,;]*)")
_PERIOD_CUE = "(+N) since the last report"


@lru_cache(maxsize=1)
def _items() -> tuple[tuple[re.Pattern, dict, re.Pattern | None], ...]:
    """``loss_report_items.csv``: label pattern, what the figure is, and the words the item must hold."""
    out = []
    for row in read_resource_csv("loss_report_items.csv"):
        needs = re.compile(row["requires"], re.I) if row["requires"] else None
        out.append((re.compile(row["label"], re.I), row, needs))
    return tuple(out)


def is_loss_report(text: str) -> bool:
    """Whether a sentence holds the General Staff's table of the enemy's combat losses."""
    return "losses" in text and _REPORT.search(text) is not None


def loss_report_figures(text: str) -> list[dict]:
    """The figures of a loss-report sentence, in reading order: dicts with ``kind`` (casualty or
    interception), ``role`` (killed or intercepted), ``value``, ``qualifier``, ``figure_type``
    (cumulative or period), ``figure_cue``, ``weapon``, ``weapon_class`` and the character span
    (``char_start``, ``char_end``) of the number in ``text``. Empty when ``text`` is no report."""
    head = _REPORT.search(text) if isinstance(text, str) else None
    if head is None:
        return []
    colon = text.find(":", head.end())
    body_start = colon + 1 if colon >= 0 else head.end()
    cue = text[head.start():colon if colon >= 0 else head.end()].strip()
    out = []
    for m in _ITEM.finditer(text, body_start):
        label = m.group("label").strip()
        for pattern, row, needs in _items():
            if not pattern.fullmatch(label):
                continue
            if needs is not None and not needs.search(m.group("rest")):
                break
            common = {"kind": row["kind"], "role": row["role"], "weapon": row["weapon"] or None,
                      "weapon_class": row["weapon_class"] or None}
            out.append({**common, "value": int(re.sub(r"[ ,]", "", m.group("total"))),
                        "qualifier": m.group("qual") and m.group("qual").lower(),
                        "figure_type": "cumulative", "figure_cue": cue,
                        "char_start": m.start("total"), "char_end": m.end("total")})
            if m.group("change") is not None:
                out.append({**common, "value": int(m.group("change")), "qualifier": None,
                            "figure_type": "period", "figure_cue": _PERIOD_CUE,
                            "char_start": m.start("change"), "char_end": m.end("change")})
            break
    return out
