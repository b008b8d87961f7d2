"""Linking across the sentences of one article, and the tables.

:func:`_article_records` walks an article's sentences in order: a cheap prefilter passes over
sentences that cannot hold a figure, the sentence before lends its place, weapon and launch counts,
a later revision supersedes an earlier toll, and a national total absorbs the regional part before
it. The public functions build the contract tables (``helpers.columns``) and the CLI's events.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

import pandas as pd

from helpers.figure_types import _ATTACK_WORDS, _NIGHT, classify as classify_figure
from helpers.extract.patterns import (
    CASUALTY_COLUMNS, ECONOMIC_COLUMNS, INTERCEPTION_COLUMNS, _IN_ALL, _WORD, _dates,
    _parse, _shares, tables,
)
from helpers.extract.casualties import _ADDS, _RESTATE_REACH, SCENE_REACH, _casualty_events, _restate, _supersede
from helpers.extract.interceptions import _finish_interception, _interception_events, _same_class
from helpers.extract.economic import _economic_figures, _money_regex, may_hold_money
from helpers.extract.losses import is_loss_report, loss_report_figures


def _date_fields(sentence: str, published: str | None) -> dict:
    if _dates is None:
        return {"date": published, "date_phrase": None, "date_start": None, "date_end": None, "date_resolved": False}
    got = _dates.resolve_event_date(sentence, published)
    return {
        "date": got.get("date"),  # None for a window ("last week"): date_start..date_end holds it
        "date_phrase": got.get("date_phrase"),
        "date_start": got.get("date_start"),
        "date_end": got.get("date_end"),
        "date_resolved": bool(got.get("date_resolved")),
    }


def _published_dates(articles: pd.DataFrame | None) -> dict:
    if articles is None or len(articles) == 0 or "date" not in articles:
        return {}
    return dict(zip(articles["article_id"], articles["date"]))


def _check_sentences(sentences: pd.DataFrame) -> None:
    missing = {"article_id", "sentence_idx", "start", "text"} - set(sentences.columns)
    if missing:
        raise ValueError(
            f"sentences table lacks columns {sorted(missing)}: pass the table written by 01_ingest "
            "(data/processed/sentences.parquet) or build one with helpers.ingest.split_sentences"
        )


@lru_cache(maxsize=50_000)
def _prefilter(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """What a sentence may hold, decided cheaply once for all three extractors: (a casualty word,
    the first word of an interception verb, a weapon word, a money amount, a number). A figure
    needs an event word and a number; most sentences have neither. A set test of the sentence's
    words against the first words of the pattern tables passes over most sentences before any
    regular expression runs; the interception verb itself (:func:`_intercept_verb`) is looked for
    only in a sentence that names a weapon or follows counts of one."""
    t = tables()
    low = text.lower()
    words = frozenset(_WORD.findall(low))
    casualty = _shares(words, t.casualty_words) and t.casualty_re.search(low) is not None
    verb = _shares(words, t.intercept_words)
    weapon = _shares(words, t.weapon_words)
    money = may_hold_money(text, low) and _money_regex().search(text) is not None
    number = (casualty or money) and t.number_re.search(low) is not None
    return casualty, verb, weapon, money, number


@lru_cache(maxsize=50_000)
def _intercept_verb(text: str) -> bool:
    """Whether ``text`` holds an interception verb of the pattern table ("shot down", "destroyed")."""
    return tables().intercept_re.search(text.lower()) is not None


_TOTAL_OPENERS = re.compile(r"(?:^|;\s*)(?:in all|in total|overall|altogether|of (?:these|them|those)|the total)\b")
# "At least eleven journalists have been killed in recent weeks. Another 11 have been wounded":
# a sentence that opens by adding to the one before counts over the same period
_ADDING_OPENERS = re.compile(r"^(?:another|a further|further|also)\s+(?:[a-z]+\s+)?\d|^(?:another|a further)\b")


def _bare(text: str, low: str, kind: str) -> bool:
    """A sentence that states counts and nothing that would make them one strike's: no attack or
    weapon word (for a casualty), no night, no date, and no capitalised word but its first (no
    place, actor or name): "The occupiers killed 108 children.", "113 cruise missiles were fired." """
    if any(w[:1].isupper() for w in text.split()[1:]) or (kind == "casualty" and _ATTACK_WORDS.search(low)):
        return False
    return not (_NIGHT.search(low) or (_dates is not None and _dates.find_date_phrases(text)))


def _carry_total_type(ev: dict, text: str, low: str, prev_text: str | None, kind: str) -> None:
    """'WHO has verified 26 attacks between 24 Feb and 9 Mar. In total, 12 people died': a sentence
    that opens by totalling ("In total", "Of them") or by adding ("Another 11 were wounded") takes
    the period or running total the sentence before states; so does a bare sentence (:func:`_bare`)
    after one: "In five days of invasion, 56 missile strikes have been carried out. 113 cruise
    missiles were fired." """
    if ev["figure_type"] != "event" or not prev_text:
        return
    opening = low.lstrip()
    if not (_TOTAL_OPENERS.search(opening) or _ADDING_OPENERS.search(opening) or _bare(text, low, kind)):
        return
    figure_type, cue = classify_figure(prev_text, (0, len(prev_text)), (0, len(prev_text)), kind, [])
    if figure_type != "event" and cue != "(size)":
        ev.update(figure_type=figure_type, figure_cue=cue, aggregate=True)


def _loss_report_events(text: str, start: int) -> list[tuple[str, dict]]:
    """``(kind, record)`` for each figure of a loss-report sentence (``losses.py``), in the shape of
    the casualty and interception records, offsets made article-relative with ``start``."""
    out = []
    for f in loss_report_figures(text):
        common = {"char_start": start + f["char_start"], "char_end": start + f["char_end"],
                  "figure_type": f["figure_type"], "figure_cue": f["figure_cue"], "aggregate": True}
        if f["kind"] == "casualty":
            out.append(("casualty", {
                **dict.fromkeys(("location", "latitude", "longitude", "admin1", "event_type", "weapon",
                                 "target", "injured", "injured_qualifier")),
                **common, "who": "soldiers", "killed": f["value"], "killed_qualifier": f["qualifier"],
                "vague": False, "update": False, "superseded": False}))
        else:
            ev = {**common, "weapon": f["weapon"], "weapon_class": f["weapon_class"], "launched": None,
                  "intercepted": f["value"], "not_reached": None, "claimant": "Ukrainian General Staff",
                  "region": None}
            _finish_interception(ev)
            out.append(("interception", ev))
    return out


def _article_records(rows: list[tuple[int, int, str]], kinds: tuple[str, ...]) -> dict[str, list[dict]]:
    """Events of one article's sentences ``(sentence_idx, start, text)`` in order, keyed by kind.

    Character offsets in the records are made article-relative with each sentence's ``start``.
    """
    out: dict[str, list[dict]] = {k: [] for k in kinds}
    texts = [text if isinstance(text, str) else "" for _, _, text in rows]
    prev_inter: list[dict] = []
    for k, (idx, start, _) in enumerate(rows):
        text = texts[k]
        prev_text = texts[k - 1] if k else None
        cas_ok, verb_ok, weapon_ok, money_ok, number_ok = _prefilter(text)
        # the General Staff's table of the enemy's losses is read by its own rules, and by no other
        report = is_loss_report(text)
        wants_casualty = "casualty" in kinds and cas_ok and number_ok and not report
        wants_interception = ("interception" in kinds and verb_ok and (weapon_ok or bool(prev_inter)) and not report
                              and _intercept_verb(text))
        wants_economic = "economic" in kinds and money_ok
        if not (report or wants_casualty or wants_interception or wants_economic):
            prev_inter = []  # most sentences: nothing to read, and nothing for the next one to complete
            continue
        s = low = None
        # an interception sentence may count nothing itself ("All the drones were shot down");
        # money amounts are read from the text itself, with no tokens
        if wants_interception or wants_casualty:
            s, low = _parse(text), text.lower()
        base = {"sentence_idx": int(idx), "sentence": text}
        events: list[dict] = []
        if report:
            for kind, ev in _loss_report_events(text, start):
                if kind in kinds:
                    out[kind].append({**base, **ev})
        if s is not None and wants_casualty:
            # the sentences before prev_text, nearest first (SCENE_REACH)
            earlier = tuple(texts[max(0, k - SCENE_REACH):max(0, k - 1)][::-1])
            for ev in _casualty_events(s, prev_text, earlier):
                revises, outdated = ev.pop("_revises"), ev.pop("_outdated")
                ev = {**base, **ev, "char_start": start + ev["char_start"], "char_end": start + ev["char_end"],
                      "superseded": outdated}
                if revises:
                    _supersede(out["casualty"], ev)
                else:
                    _restate(out["casualty"], ev, low, start)
                _carry_total_type(ev, text, low, prev_text, "casualty")
                out["casualty"].append(ev)
        if s is not None and wants_interception:
            events = _interception_events(s, prev_inter)
            for ev in events:
                ev.update(base, char_start=start + ev["char_start"], char_end=start + ev["char_end"])
                _carry_total_type(ev, text, low, prev_text, "interception")
            if events and _IN_ALL.match(low.lstrip()) and prev_inter:
                # "More than 40 drones were shot down over Kyiv. In all, Ukraine intercepted 52 of
                # 54": the count before was a part of the whole stated now
                parts = [p for p in prev_inter if any(
                    _same_class(p, e) and e["intercepted"] is not None and p["launched"] is None
                    and p["intercepted"] is not None and p["intercepted"] < e["intercepted"] for e in events)]
                out["interception"] = [e for e in out["interception"] if not any(e is p for p in parts)]
            out["interception"].extend(events)
        # only a sentence that named counts can be completed by the next one
        prev_inter = [e for e in events if e["weapon"] is not None]
        if wants_economic:
            for ev in _economic_figures(text):
                out["economic"].append({**base, **ev, "char_start": start + ev["char_start"], "char_end": start + ev["char_end"]})
    if out.get("interception"):
        out["interception"] = _one_row_per_claim(out["interception"])
    return out


def _one_row_per_claim(rows: list[dict]) -> list[dict]:
    """An article's interception rows with a claim stated twice kept once: a lead and the quoted
    bulletin after it ("Ukraine's border guards downed a Russian loitering munition overnight ...
    Quote: 'servicemen ... destroyed a Shahed drone'"). A one-strike row restates one before it
    within ``_RESTATE_REACH`` sentences (not in its own sentence) when the weapon class and the
    intercepted count are the same, the launch counts agree or one is unstated, the regions agree
    or one is unnamed, and its sentence has no word that adds ("another", "also", "elsewhere").
    The row that states less goes: the earlier one when only the later states the launch count or
    names the weapon more closely ("Eight missiles destroyed over Ukrainian capital ... shot down
    eight ballistic missiles targeting Kyiv"), else the later one."""
    kept: list[dict] = []
    for ev in rows:
        same = None
        if ev["figure_type"] == "event" and ev["intercepted"] is not None and not _ADDS.search(ev["sentence"].lower()):
            same = next((p for p in reversed(kept)
                         if 0 < ev["sentence_idx"] - p["sentence_idx"] <= _RESTATE_REACH and p["figure_type"] == "event"
                         and p["intercepted"] == ev["intercepted"] and _same_class(p, ev)
                         and (p["launched"] is None or ev["launched"] is None or p["launched"] == ev["launched"])
                         and (not p["region"] or not ev["region"] or p["region"] == ev["region"])), None)
        if same is None:
            kept.append(ev)
        elif same["launched"] is None and ev["launched"] is not None \
                or same["launched"] == ev["launched"] and _named(ev) > _named(same):
            kept.remove(same)  # the later row also states the launch count, or names the weapon
            kept.append(ev)
    return kept


def _named(row: dict) -> int:
    """How closely a row names its weapon: a type ("Shahed drone"), then a class narrower than
    "missile" ("ballistic missile"), above a bare "missile"."""
    return (row["weapon"] != row["weapon_class"]) + (row["weapon_class"] not in ("missile", "mixed"))


_DTYPES = {
    "sentence_idx": "Int64", "char_start": "Int64", "char_end": "Int64",
    "killed": "Int64", "injured": "Int64", "launched": "Int64", "intercepted": "Int64", "not_reached": "Int64",
    "latitude": "float64", "longitude": "float64", "rate": "float64", "amount": "float64", "ratio": "float64",
    "vague": "boolean", "aggregate": "boolean", "update": "boolean", "superseded": "boolean", "date_resolved": "boolean",
}


def _typed(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Fixed dtypes whatever the rows hold, so tables built per article or per partition
    concatenate to the table built on the whole corpus: the typed columns above, and every
    other column text as Python objects with None where nothing was stated."""
    df = df.astype({c: t for c, t in _DTYPES.items() if c in columns})
    for c in columns:
        if c not in _DTYPES:
            df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def _empty(columns: list[str]) -> pd.DataFrame:
    return _typed(pd.DataFrame({c: pd.Series(dtype="object") for c in columns}), columns)


def _extract(sentences: pd.DataFrame, articles: pd.DataFrame | None, kind: str, columns: list[str]) -> pd.DataFrame:
    if sentences is None or len(sentences) == 0:
        return _empty(columns)
    _check_sentences(sentences)
    published = _published_dates(articles)
    records = []
    ordered = sentences[sentences["article_id"].notna()].sort_values(["article_id", "sentence_idx"], kind="stable")
    # plain lists, grouped by article in one pass: a pandas groupby costs more than the rules on
    # a corpus where most sentences hold no figure
    cols = (ordered[c].tolist() for c in ("article_id", "sentence_idx", "start", "text"))
    for article_id, group in groupby(zip(*cols), key=itemgetter(0)):
        rows = [(idx, start, text) for _, idx, start, text in group]
        pub = published.get(article_id)
        pub = None if pd.isna(pub) else pub
        for rec in _article_records(rows, (kind,))[kind]:
            dates = _date_fields(rec["sentence"], pub) if "date_resolved" in columns else {"date": pub}
            records.append({"article_id": article_id, **rec, **dates})
    if not records:
        return _empty(columns)
    return _typed(pd.DataFrame.from_records(records)[columns].reset_index(drop=True), columns)


def extract_casualties(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Casualty events of a sentences table -> DataFrame with ``CASUALTY_COLUMNS`` (rules: module doc)."""
    return _extract(sentences, articles, "casualty", CASUALTY_COLUMNS)


def extract_interceptions(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Interception events of a sentences table -> DataFrame with ``INTERCEPTION_COLUMNS``."""
    return _extract(sentences, articles, "interception", INTERCEPTION_COLUMNS)


def extract_economic_figures(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Money amounts (with currency, scale, what they measure, stated ratio) -> ``ECONOMIC_COLUMNS``."""
    return _extract(sentences, articles, "economic", ECONOMIC_COLUMNS)


def sentences_from_text(text: str, article_id: str = "input") -> pd.DataFrame:
    """A contract sentences table for one text, split with ``helpers.ingest.split_sentences``."""
    from helpers.ingest import split_sentences

    rows = [(article_id, i, a, b, s) for i, (a, b, s) in enumerate(split_sentences(text))]
    return pd.DataFrame(rows, columns=["article_id", "sentence_idx", "start", "end", "text"])


_CLI_CASUALTY = ["location", "killed", "injured", "killed_qualifier", "injured_qualifier", "weapon",
                 "event_type", "target", "who", "vague", "figure_type", "figure_cue", "aggregate", "update"]


_CLI_INTERCEPTION = ["weapon", "weapon_class", "launched", "intercepted", "not_reached", "rate", "flag",
                     "claimant", "region", "figure_type", "figure_cue", "aggregate"]


def extract_events(text: str, date: str | None = None) -> list[dict]:
    """Casualty and interception events of one text, in the CLI's shape, in reading order.

    Each event: ``{"kind": "casualty"|"interception", <fields, None where not stated>,
    "sentence_idx", "char_start", "char_end", "sentence"}``; ``date`` is the publication date.
    """
    from helpers.ingest import split_sentences

    rows = [(i, a, s) for i, (a, _, s) in enumerate(split_sentences(text or ""))]
    found = _article_records(rows, ("casualty", "interception"))
    events = []
    for kind, fields in (("casualty", _CLI_CASUALTY), ("interception", _CLI_INTERCEPTION)):
        for rec in found[kind]:
            if rec.get("superseded"):
                continue  # a toll the text revises later: its latest figure stands for it
            ev = {"kind": kind, **{f: rec.get(f) for f in fields}}
            ev.update({k: rec[k] for k in ("sentence_idx", "char_start", "char_end", "sentence")})
            ev["date"] = _date_fields(rec["sentence"], date)["date"]
            events.append(ev)
    return sorted(events, key=lambda e: (e["sentence_idx"], e["char_start"]))
