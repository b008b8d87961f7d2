"""Economic figures: money amounts with their currency, scale, what they measure and a stated ratio.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.numbers import parse_digits
from helpers.extract.patterns import _DIGIT, tables


@lru_cache(maxsize=1)
def _money_regex() -> re.Pattern:
    rows = tables().currencies
    before = sorted((r["pattern"] for r in rows if r["position"] == "before"), key=len, reverse=True)
    after = sorted((r["pattern"] for r in rows if r["position"] == "after"), key=len, reverse=True)
    num = r"(?P<num{i}>\d+(?:[.,]\d+)*)"
    scale = r"(?:\s*(?P<scale{i}>trillion|billion|million|thousand|bn|mln|tn|m)\b)?"
    alt_b = "|".join(re.escape(p) for p in before)
    alt_a = "|".join(re.escape(p) for p in after)
    return re.compile(
        rf"(?P<cur0>{alt_b})\s?{num.format(i=0)}{scale.format(i=0)}"
        rf"|{num.format(i=1)}{scale.format(i=1)}\s+(?P<cur1>{alt_a})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _currency_marks() -> tuple[str, ...]:
    """The currency spellings of ``currencies.csv``, lower case, less those holding a shorter one
    ("euros" holds "euro"): a sentence holding none of them holds no amount, and a substring test
    says so faster than the amount regex."""
    marks = {r["pattern"].lower() for r in tables().currencies}
    return tuple(sorted(m for m in marks if not any(o != m and o in m for o in marks)))


def may_hold_money(text: str, low: str) -> bool:
    """Whether ``text`` (``low``: its lower case) may hold a money amount: a digit and a currency."""
    return _DIGIT.search(text) is not None and any(m in low for m in _currency_marks())


_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}


_MEASURE = re.compile(
    r"\b(?:(?:military|humanitarian|financial|economic|total|direct|indirect|reconstruction|budget|defence|defense|"
    r"energy|macro-financial|estimated)\s+)?(?:cost|costs|price|damage|damages|losses|aid|assistance|package|budget|"
    r"funding|loan|loans|grant|grants|reconstruction|recovery|spending|revenue|revenues|assets|debt|needs|bill)\b"
    r"(?:\s+(?:of|for|to)\s+[^,;.$€£]+?)?(?=\s+(?:will|would|could|may|might|is|was|are|were|has|have|had|totals?|"
    r"amounts?|reached|stood|came|at|to|worth|estimated|of|reach)\b|\s*[,:]|$)",
    re.IGNORECASE,
)


_WHAT_AFTER = re.compile(
    r"^\s*(?:(?:in|of|for|worth\s+of)\s+(?P<what>[^,;.]+)"
    r"|(?P<noun>(?:(?!(?:from|to|by|with|at|on|into|the|a|an)\b)[\w-]+\s+){0,2}"
    r"(?:aid|package|loan|grant|budget|assistance|tranche|fund|deal|facility))\b)",
    re.IGNORECASE,
)


_RATIO = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s+times\s+(?P<of>[^,;.]+?)\s*(?:[,;.]|\s+for\b|\s+in\b|$)", re.IGNORECASE)


def _economic_figures(text: str) -> list[dict]:
    out = []
    cur_rows = {r["pattern"].lower(): r["currency"] for r in tables().currencies}
    ratio = _RATIO.search(text)
    amounts = list(_money_regex().finditer(text))
    for n, m in enumerate(amounts):
        i = "0" if m.group("cur0") else "1"
        value = parse_digits(m.group(f"num{i}"))
        if value is None:
            continue
        scale = (m.group(f"scale{i}") or "").lower() or None
        amount = value * _SCALES.get(scale or "", 1.0)
        # what it measures: the nearest measure noun before the amount ("the cost of rebuilding
        # Ukraine will be $411 billion"), else the phrase after it ("$1 billion in military aid").
        # Each amount reads only up to the next one, and the words between two amounts that name
        # what the first measures are not the second's: "$8.5bn in economic aid to Kyiv and $3bn in
        # humanitarian relief" is economic aid, then humanitarian relief
        prev_end = amounts[n - 1].end() if n else 0
        next_start = amounts[n + 1].start() if n + 1 < len(amounts) else len(text)
        owned = n > 0 and _WHAT_AFTER.match(text[prev_end:m.start()]) is not None
        before = [] if owned else list(_MEASURE.finditer(text[:m.start()]))
        after = _WHAT_AFTER.match(text[m.end():next_start])
        what = before[-1].group(0) if before else (after.group("what") or after.group("noun") if after else None)
        if what:
            what = re.sub(r"^(?:the|a|an)\s+", "", what.strip(), flags=re.IGNORECASE)
            what = re.sub(r"\s+(?:and|or|plus|as well as)$", "", what, flags=re.IGNORECASE) or None
        rec = {
            "char_start": m.start(), "char_end": m.end(),
            "amount": amount, "currency": cur_rows[m.group(f"cur{i}").lower()],
            "scale": {"m": "million", "mln": "million", "bn": "billion", "tn": "trillion"}.get(scale, scale),
            "what": what, "ratio": None, "ratio_of": None,
        }
        if ratio and not out:
            rec["ratio"] = parse_digits(ratio.group("num"))
            rec["ratio_of"] = ratio.group("of").strip()
        out.append(rec)
    return out
