"""Events, not reports: one row per strike and per night of attacks, with every report behind it.

Twenty articles about one strike are one strike. :func:`build_events` takes the casualty and
interception rows of a corpus (``helpers.extract``) and the articles table (for the outlet and
the publication date) and returns two tables:

- ``events``: one row per strike (kind ``'strike'``, from casualty rows) or per night's
  air-defence claim (kind ``'air defence'``, from interception rows), with the reconciled
  figures, how many reports and outlets stand behind it, when it was first and last reported,
  and a ``status``;
- ``event_reports``: every extracted row with the ``event_id`` it fed, so each figure of an
  event can be traced to its sentence. Rows that are not per-event figures are listed too,
  with no ``event_id`` and a ``role`` saying why they were kept apart.

Matching (only rows whose ``figure_type`` is ``'event'`` take part, and no vague count: "scores
of civilians were killed", read as 20 by ACLED's rule, is kept apart, so it is never a strike's
toll, a key figure or a bar):

- casualty rows are one strike when they give the same day (or, for a window, their windows
  overlap), their places agree (the same place in the same region, or a place inside the
  other's region: "Odesa" within "Odesa Oblast"), and their weapon class, target and time of day
  ('on Thursday morning', from ``resources/times_of_day.csv``) do not differ (an unstated one
  agrees with any; "missile" agrees with "cruise missile");
- interception rows are one claim when they are about the same night, the same weapon class
  and the same region (or both name none), and their claimants agree. Claimants that name a side
  never merge with another claimant; an unnamed claimant ('the military') agrees with any;
- a row that cannot be placed in time (no date phrase, so only the publication date stands in
  for the event's day) or, for a strike, in space (no place) is an event of its own, flagged.
  With ``undated_window_days=N`` a row without a date phrase may instead be any day from N days
  before its publication to that day, and joins the event it agrees with there;
- agreement is not transitive: a report that states no weapon could be either of two strikes in
  one city. Such a report joins a strike only when every fuller report it agrees with agrees
  with the others; otherwise it stays an event of its own, flagged ``ambiguous``. Two strikes in
  one city on one day thus stay two events when the text tells them apart.

Reconciliation (one report = one article's rows in the event; a toll superseded later in the
same article is listed but not used):

- reports are ordered by publication time (``articles.published`` when the table has it, else
  the publication ``date``), then by their figures;
- a figure that only rises along that order is ``revised``: the latest (largest) figure stands
  and the earlier ones are its ``history``. A later report that repeats an earlier figure
  ("yesterday's nine dead") is a repeat, not a revision;
- a death toll still being counted rises during a day, so tolls of one publication day are read
  in rising order; a night's air-defence count is one morning bulletin, so two different counts
  of the same night from different outlets on the same day are ``conflicting``, as is any figure
  that falls to a value not reported before. A conflicting figure takes the lowest value
  reported (ACLED's conservative rule) and ``history`` shows every value with its outlet;
- an event whose reports all agree is ``consistent``.

Event ids are content hashes of the rows behind an event (article, sentence, span), so the
same rows give the same events whatever order or partition they came in: events from a corpus
equal events from its halves' row tables concatenated.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import pandas as pd

from helpers.columns import EVENT_REPORTS, EVENTS
from helpers.numbers import read_resource_csv

KIND_STRIKE = "strike"
KIND_AIR_DEFENCE = "air defence"
STATUSES = ("consistent", "revised", "conflicting")

CASUALTY_FIGURES = ("killed", "injured")
INTERCEPTION_FIGURES = ("launched", "intercepted", "not_reached")

# A generic class agrees with the classes it covers ("a missile" may be the cruise missile).
_COVERS = {"missile": {"cruise missile", "ballistic missile"}}
# Claimants that name no side: they may be quoting either of the named ones.
_UNNAMED_CLAIMANTS = {"military"}

ROLE_COUNTED = "counted"
ROLE_SUPERSEDED = "superseded in its article"
_KEPT_APART = {
    "period": "kept apart: period total",
    "cumulative": "kept apart: cumulative total",
    "estimate": "kept apart: estimate",
    "historical": "kept apart: historical figure",
    "other": "kept apart: other (average, rate, hypothetical)",
}
# a vague word read by ACLED's rule ("dozens" = 12) is no stated count: never a strike's toll
KEPT_APART_VAGUE = "kept apart: vague count (ACLED rule)"
FLAG_UNDATED = "undated: no date phrase, the publication date stands in"
FLAG_PUBLICATION_WINDOW = "undated: matched within the days before publication"
FLAG_NO_PLACE = "no place stated"
FLAG_AMBIGUOUS = "ambiguous: agrees with more than one event"


@lru_cache(maxsize=1)
def weapon_classes() -> dict[str, str]:
    """Weapon name -> weapon class, from ``helpers/resources/weapons.csv`` (casualty rows carry
    only the weapon name)."""
    return {row["weapon"]: row["weapon_class"] for row in read_resource_csv("weapons.csv")}


@lru_cache(maxsize=1)
def _time_of_day_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    rows = read_resource_csv("times_of_day.csv")
    return tuple((re.compile(rf"\b{re.escape(r['pattern'])}\b", re.I), r["time_of_day"]) for r in rows)


def time_of_day(date_phrase: str | None) -> str | None:
    """'morning' | 'afternoon' | 'evening' | 'night' named in a date phrase ('on Thursday
    afternoon'), from ``helpers/resources/times_of_day.csv``; None when it names none."""
    if not date_phrase:
        return None
    for pattern, value in _time_of_day_patterns():
        if pattern.search(date_phrase):
            return value
    return None


def _value(x):
    """None for every kind of missing value (None, NaN, pd.NA), else the value itself."""
    if x is None:
        return None
    try:
        return None if pd.isna(x) else x
    except (TypeError, ValueError):
        return x


def _classes_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in _COVERS.get(a, ()) or a in _COVERS.get(b, ())


def _claimants_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a in _UNNAMED_CLAIMANTS or b in _UNNAMED_CLAIMANTS:
        return True
    return a == b


def _places_agree(a: dict, b: dict) -> bool:
    if a["location"] == b["location"]:
        return True
    # A region-wide row ("Odesa Oblast") agrees with a place inside it.
    return a["location"] == b["admin1"] or b["location"] == a["admin1"]


def _windows_overlap(a: dict, b: dict) -> bool:
    if a["date"] is not None and b["date"] is not None:
        return a["date"] == b["date"]  # a day or a night (dated by its morning): the same one
    return a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"]


def _agree(a: dict, b: dict) -> bool:
    """Can rows ``a`` and ``b`` (same kind) report the same event?"""
    if _block(a) != _block(b) or not _windows_overlap(a, b) or not _classes_agree(a["weapon_class"], b["weapon_class"]):
        return False
    if a["kind"] == KIND_STRIKE:
        return _places_agree(a, b) and all(a[k] is None or b[k] is None or a[k] == b[k]
                                           for k in ("target", "time_of_day"))
    return a["region"] == b["region"] and _claimants_agree(a["claimant"], b["claimant"])


def _block(r: dict):
    """Rows of different blocks never agree: a strike's region (its place when it has none), an
    air-defence claim's region (None = the whole country)."""
    return r["admin1"] or r["location"] if r["kind"] == KIND_STRIKE else r["region"]


def _components(rows: list[dict]) -> list[list[int]]:
    """Connected components of the agreement graph over ``rows`` (order does not matter).

    Only rows of one block whose date windows overlap are compared (a sweep over each block
    sorted by window start), so a season of reports is not compared pair by pair.
    """
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[object, list[int]] = {}
    for i, r in enumerate(rows):
        blocks.setdefault(_block(r), []).append(i)
    for members in blocks.values():
        members.sort(key=lambda i: rows[i]["date_start"])
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if rows[j]["date_start"] > rows[i]["date_end"]:
                    break
                if _agree(rows[i], rows[j]):
                    parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _split(rows: list[dict], members: list[int]) -> list[tuple[list[int], str | None]]:
    """Split a component whose rows do not all agree with each other into events.

    A row joins the rows it agrees with only when those all agree with each other; a row that
    agrees with rows that disagree among themselves (a report stating no weapon, in a city hit
    twice that day) is an event of its own, flagged ambiguous.
    """
    if all(_agree(rows[i], rows[j]) for i in members for j in members if i < j):
        return [(members, None)]
    parent = {i: i for i in members}

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def friends(i, among):
        return [j for j in among if j != i and _agree(rows[i], rows[j])]

    ambiguous = [i for i in members
                 if not all(_agree(rows[j], rows[k]) for j in friends(i, members) for k in friends(i, members) if j < k)]
    # Among the other rows agreement is transitive (each one's friends agree), so joining is safe.
    clear = [i for i in members if i not in ambiguous]
    for i in clear:
        for j in friends(i, clear):
            parent[find(i)] = find(j)
    out: dict[int, list[int]] = {}
    for i in members:
        if i not in ambiguous:
            out.setdefault(find(i), []).append(i)
    return [(g, None) for g in out.values()] + [([i], FLAG_AMBIGUOUS) for i in ambiguous]


def _report_rows(casualties: pd.DataFrame | None, interceptions: pd.DataFrame | None,
                 articles: pd.DataFrame | None) -> list[dict]:
    """Every casualty and interception row as a plain dict with the fields matching needs."""
    sources, times = {}, {}
    if articles is not None and len(articles):
        time_col = "published" if "published" in articles else "date"
        sources = dict(zip(articles["article_id"], articles["source"]))
        times = dict(zip(articles["article_id"], articles[time_col]))
    rows = []
    for kind, df in ((KIND_STRIKE, casualties), (KIND_AIR_DEFENCE, interceptions)):
        if df is None or len(df) == 0:
            continue
        for rec in df.to_dict("records"):
            rec = {k: _value(v) for k, v in rec.items()}
            weapon_class = rec.get("weapon_class") if kind == KIND_AIR_DEFENCE else \
                weapon_classes().get(rec.get("weapon"))
            date = rec.get("date")
            rows.append({
                **{k: rec.get(k) for k in ("article_id", "sentence_idx", "char_start", "char_end",
                                           "date", "location", "admin1", "region", "weapon", "target",
                                           "claimant", "figure_type", "sentence", "killed_qualifier",
                                           "injured_qualifier", *CASUALTY_FIGURES, *INTERCEPTION_FIGURES)},
                "kind": kind,
                "weapon_class": weapon_class,
                "time_of_day": time_of_day(rec.get("date_phrase")),
                "date_start": rec.get("date_start") or date,
                "date_end": rec.get("date_end") or date,
                "dated": bool(rec.get("date_resolved")) and (rec.get("date_start") or date) is not None,
                "update": bool(rec.get("update") or False),
                "superseded": bool(rec.get("superseded") or False),
                "vague": bool(rec.get("vague") or False),
                "source": _value(sources.get(rec.get("article_id"))),
                "report_time": _value(times.get(rec.get("article_id"))),
            })
    rows.sort(key=lambda r: (r["kind"], str(r["article_id"]), r["sentence_idx"], r["char_start"] or 0))
    return rows


def _event_id(kind: str, members: list[dict]) -> str:
    keys = sorted(f"{m['article_id']}|{m['sentence_idx']}|{m['char_start']}|{m['char_end']}" for m in members)
    return "ev-" + hashlib.sha1("\n".join([kind, *keys]).encode("utf-8")).hexdigest()[:12]


def _most_common(values) -> object:
    """The most frequent stated value (ties: the first in sorted order), None when none is stated."""
    stated = [v for v in values if v is not None]
    if not stated:
        return None
    return sorted(set(stated), key=lambda v: (-stated.count(v), str(v)))[0]


def _reports(members: list[dict], figures: tuple[str, ...]) -> list[dict]:
    """One report per article: its figures (the largest stated per figure, superseded rows left
    out), outlet and time, ordered by time, then figures."""
    by_article: dict[str, list[dict]] = {}
    for m in members:
        if not m["superseded"]:
            by_article.setdefault(m["article_id"], []).append(m)
    reports = []
    for article_id, rows in by_article.items():
        values = {f: max((r[f] for r in rows if r[f] is not None), default=None) for f in figures}
        reports.append({"article_id": article_id, "source": rows[0]["source"],
                        "time": rows[0]["report_time"], **values})
    return sorted(reports, key=lambda r: (str(r["time"]), *[-1 if r[f] is None else r[f] for f in figures],
                                          str(r["article_id"])))


def _reconcile(reports: list[dict], figures: tuple[str, ...], kind: str) -> tuple[dict, str, str]:
    """Reconciled figures, status and history of an event's ordered reports (rules: module doc)."""
    values, history, statuses = {}, [], []
    for f in figures:
        seq = [(r["time"], r[f], r["source"] or r["article_id"]) for r in reports if r[f] is not None]
        if not seq:
            values[f] = None
            continue
        conflict = False
        if kind == KIND_AIR_DEFENCE:
            # One bulletin per night: different outlets stating different counts the same day disagree.
            for t in {t for t, _, _ in seq}:
                same_day = [(v, o) for tt, v, o in seq if tt == t]
                if len({v for v, _ in same_day}) > 1 and len({o for _, o in same_day}) > 1:
                    conflict = True
        seen, highest, first_seen = set(), None, []
        for t, v, outlet in seq:
            if v in seen:
                continue  # a repeat of an earlier figure
            if highest is not None and v < highest:
                conflict = True
            seen.add(v)
            highest = v if highest is None else max(highest, v)
            first_seen.append((t, v, outlet))
        if len(first_seen) == 1:
            values[f] = seq[0][1]
            continue
        statuses.append("conflicting" if conflict else "revised")
        values[f] = min(v for _, v, _ in first_seen) if conflict else highest
        entries = [f"{v} ({outlet}, {t})" for t, v, outlet in first_seen]
        history.append(f"{f}: " + (" vs " if conflict else " -> ").join(entries))
    status = "conflicting" if "conflicting" in statuses else "revised" if statuses else "consistent"
    return values, status, "; ".join(history) or None


def _one_date(members: list[dict], start, end):
    """The day (or night) every report gives, else the window's single day, else None."""
    dates = {m["date"] for m in members}
    if len(dates) == 1 and None not in dates:
        return dates.pop()
    return start if start is not None and start == end else None


def _event_row(kind: str, members: list[dict], flag: str | None) -> dict:
    figures = CASUALTY_FIGURES if kind == KIND_STRIKE else INTERCEPTION_FIGURES
    reports = _reports(members, figures)
    values, status, history = _reconcile(reports, figures, kind)
    start = max(m["date_start"] for m in members if m["date_start"] is not None) \
        if any(m["date_start"] for m in members) else None
    end = min(m["date_end"] for m in members if m["date_end"] is not None) \
        if any(m["date_end"] for m in members) else None
    # A city is more precise than its region: prefer rows whose place is not the region itself.
    cities = [m["location"] for m in members if m["location"] is not None and m["location"] != m["admin1"]]
    times = [str(r["time"]) for r in reports if r["time"] is not None]
    outlets = {r["source"] or f"article {r['article_id']}" for r in reports}
    classes = [m["weapon_class"] for m in members if m["weapon_class"] is not None]
    # The most specific class stated ("cruise missile" over "missile").
    weapon_class = _most_common([c for c in classes if c not in _COVERS] or classes)
    return {
        "event_id": _event_id(kind, members),
        "kind": kind,
        "date": _one_date(members, start, end),
        "date_start": start,
        "date_end": end,
        "location": _most_common(cities) or _most_common([m["location"] for m in members]),
        "admin1": _most_common([m["admin1"] for m in members]),
        "region": _most_common([m["region"] for m in members]),
        "weapon_class": weapon_class,
        "weapon": _most_common([m["weapon"] for m in members]),
        "target": _most_common([m["target"] for m in members]),
        "time_of_day": _most_common([m["time_of_day"] for m in members]),
        "claimant": _most_common([m["claimant"] for m in members if m["claimant"] not in _UNNAMED_CLAIMANTS])
        or _most_common([m["claimant"] for m in members]),
        **{f: values.get(f) for f in (*CASUALTY_FIGURES, *INTERCEPTION_FIGURES)},
        "n_reports": len(reports),
        "n_outlets": len(outlets),
        "first_report": min(times) if times else None,
        "last_report": max(times) if times else None,
        "status": status,
        "history": history,
        "flag": flag,
    }


def _typed(df: pd.DataFrame, columns: list[str], ints: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(df, columns=columns).astype(object)
    df = df.where(df.notna(), None)
    for col in ints:
        df[col] = df[col].astype("Int64")
    for col in ("update", "superseded"):
        if col in df:
            df[col] = df[col].astype(bool)
    return df


def _publication_window(r: dict, days: int) -> dict:
    """Matching fields of an undated row: any day from ``days`` before its publication to it."""
    published = pd.Timestamp(r["date"])
    start = (published - pd.Timedelta(days=days)).strftime("%Y-%m-%d")
    return {**r, "date": None, "date_start": start, "date_end": published.strftime("%Y-%m-%d")}


def build_events(casualties: pd.DataFrame | None, interceptions: pd.DataFrame | None,
                 articles: pd.DataFrame | None = None, undated_window_days: int | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Casualty and interception rows (+ articles for outlet and time) -> ``(events, event_reports)``.

    ``events`` has the ``EVENTS`` columns, one row per strike or night's claim, sorted by kind,
    date and place; ``event_reports`` has the ``EVENT_REPORTS`` columns, one row per input row
    (rules: module doc). The result depends only on the rows, not their order.

    ``undated_window_days``: None (the default) keeps every row without a date phrase an event
    of its own; N lets such a row match events from N days before its publication date to that
    date (the strike a report of the day tells), flagging the events made only of such rows.
    """
    rows = _report_rows(casualties, interceptions, articles)
    matched = list(rows)  # the fields matching reads; event_reports keeps the rows as extracted
    if undated_window_days is not None:
        matched = [_publication_window(r, undated_window_days) if not r["dated"] and r["date"] else r
                   for r in rows]
    events, role_of, event_of = [], {}, {}
    for kind in (KIND_STRIKE, KIND_AIR_DEFENCE):
        pool = []
        for i, r in enumerate(rows):
            if r["kind"] != kind:
                continue
            if r["figure_type"] not in (None, "event"):
                role_of[i] = _KEPT_APART.get(r["figure_type"], f"kept apart: {r['figure_type']}")
            elif r["vague"]:
                role_of[i] = KEPT_APART_VAGUE  # "scores of civilians were killed": no count to add up
            elif not r["dated"] and (undated_window_days is None or not r["date"]):
                events.append((kind, [i], FLAG_UNDATED))
            elif kind == KIND_STRIKE and r["location"] is None:
                events.append((kind, [i], FLAG_NO_PLACE))
            else:
                pool.append(i)
        subset = [matched[i] for i in pool]
        for comp in _components(subset):
            for members, flag in _split(subset, comp):
                events.append((kind, [pool[m] for m in members], flag))
    out = []
    for kind, idx, flag in events:
        if flag is None and not any(rows[i]["dated"] for i in idx):
            flag = FLAG_PUBLICATION_WINDOW
        row = _event_row(kind, [matched[i] for i in idx], flag)
        out.append(row)
        for i in idx:
            event_of[i] = row["event_id"]
            role_of[i] = ROLE_SUPERSEDED if rows[i]["superseded"] else ROLE_COUNTED
    figures = (*CASUALTY_FIGURES, *INTERCEPTION_FIGURES)
    events_df = _typed(pd.DataFrame(out, columns=EVENTS), EVENTS, (*figures, "n_reports", "n_outlets"))
    if len(events_df):
        order = events_df.assign(_d=events_df["date_end"].fillna(""), _l=events_df["location"].fillna(""))
        events_df = events_df.loc[order.sort_values(["kind", "_d", "_l", "weapon_class", "event_id"],
                                                    na_position="first").index].reset_index(drop=True)
    reports = [{**r, "event_id": event_of.get(i), "role": role_of[i],
                "published": r["report_time"]} for i, r in enumerate(rows)]
    reports_df = _typed(pd.DataFrame(reports, columns=EVENT_REPORTS), EVENT_REPORTS,
                        (*figures, "sentence_idx", "char_start", "char_end"))
    return events_df, reports_df


# --------------------------------------------------------------------------- views of the events

NO_PLACE = "place not stated"


def strike_totals(events: pd.DataFrame | None, by: str = "location") -> pd.DataFrame:
    """Killed and injured summed over strike events by ``by`` (location, admin1, weapon_class ...):
    columns ``by``, figures ('per event'), events, reports (articles behind them), killed,
    injured, updated (events whose toll was revised), largest first by killed + injured. Each
    strike counts once however many articles reported it; totals of other kinds are never here
    (see :func:`reported_totals`)."""
    columns = [by, "figures", "events", "reports", "killed", "injured", "updated"]
    if events is None or len(events) == 0 or not (events["kind"] == KIND_STRIKE).any():
        return pd.DataFrame(columns=columns)
    df = events[events["kind"] == KIND_STRIKE].copy()
    df[by] = df[by].fillna(NO_PLACE if by == "location" else "not stated")
    out = (df.assign(updated=df["status"].eq("revised"))
           .groupby(by, sort=False)
           .agg(events=("event_id", "size"), reports=("n_reports", "sum"),
                killed=("killed", lambda s: s.sum(min_count=1)), injured=("injured", lambda s: s.sum(min_count=1)),
                updated=("updated", "sum"))
           .reset_index())
    out["figures"] = "per event"
    for c in ("events", "reports", "killed", "injured", "updated"):
        out[c] = out[c].astype("Int64")
    out = out.assign(_t=out["killed"].fillna(0) + out["injured"].fillna(0))
    return out.sort_values(["_t", "killed"], ascending=False, kind="stable")[columns].reset_index(drop=True)


def air_defence_totals(events: pd.DataFrame | None, by: str = "weapon_class") -> pd.DataFrame:
    """Launched, intercepted and not-reached summed over air-defence events (one per night,
    weapon class and claimant) that state both launched and intercepted, by ``by``; rate =
    intercepted / launched with a label such as '16 of 21 = 76.2%'. Columns: ``by``, events,
    reports, launched, intercepted, not_reached, rate, label, left_out (events without a pair,
    or with more intercepted than launched)."""
    columns = [by, "events", "reports", "launched", "intercepted", "not_reached", "rate", "label", "left_out"]
    if events is None or len(events) == 0 or not (events["kind"] == KIND_AIR_DEFENCE).any():
        return pd.DataFrame(columns=columns)
    df = events[events["kind"] == KIND_AIR_DEFENCE].copy()
    df[by] = df[by].fillna("not stated")
    usable = df["launched"].notna() & df["intercepted"].notna() & (df["intercepted"] <= df["launched"])
    out = (df[usable].groupby(by, sort=False)
           .agg(events=("event_id", "size"), reports=("n_reports", "sum"), launched=("launched", "sum"),
                intercepted=("intercepted", "sum"), not_reached=("not_reached", lambda s: s.sum(min_count=1)))
           .reset_index())
    left = df[~usable].groupby(by).size().rename("left_out")
    out = out.merge(left, how="outer", left_on=by, right_index=True)
    for c in ("events", "reports", "launched", "intercepted", "not_reached", "left_out"):
        out[c] = out[c].astype("Int64")
    out[["events", "reports", "left_out"]] = out[["events", "reports", "left_out"]].fillna(0)
    out["rate"] = (out["intercepted"].astype("Float64") / out["launched"].astype("Float64")).astype("float64")
    out["label"] = [f"{i:,} of {n:,} = {r:.1%}" if pd.notna(r) else "no launched/intercepted pair"
                    for i, n, r in zip(out["intercepted"], out["launched"], out["rate"])]
    return out.sort_values("launched", ascending=False, na_position="last")[columns].reset_index(drop=True)


def reported_totals(event_reports: pd.DataFrame | None) -> pd.DataFrame:
    """The figures that are not one strike or one night (period, cumulative, estimate,
    historical, other), each as reported, never added up: figure_type, kind, the figures,
    source, published, location/region, and the sentence. Columns as ``REPORTED_TOTAL_COLUMNS``."""
    if event_reports is None or len(event_reports) == 0:
        return pd.DataFrame(columns=REPORTED_TOTAL_COLUMNS)
    df = event_reports[event_reports["event_id"].isna() & event_reports["figure_type"].notna()
                       & event_reports["figure_type"].ne("event")]
    return df[REPORTED_TOTAL_COLUMNS].reset_index(drop=True)


REPORTED_TOTAL_COLUMNS = ["figure_type", "kind", "killed", "injured", "launched", "intercepted", "source",
                          "published", "location", "region", "weapon_class", "article_id", "sentence_idx",
                          "char_start", "char_end", "sentence"]


def largest_strikes(events: pd.DataFrame | None, n: int = 10) -> pd.DataFrame:
    """The ``n`` strike events with the largest killed + injured, with their number of reports."""
    cols = ["date", "location", "admin1", "weapon_class", "killed", "injured", "n_reports", "n_outlets",
            "status", "history", "event_id"]
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=cols)
    df = events[events["kind"] == KIND_STRIKE]
    df = df.assign(_t=df["killed"].fillna(0) + df["injured"].fillna(0))
    return df.sort_values(["_t", "killed"], ascending=False, kind="stable").head(n)[cols].reset_index(drop=True)


def strike_points(events: pd.DataFrame | None) -> pd.DataFrame:
    """Strike events summed per place and weapon class, with the place's coordinates from the
    gazetteer, in the shape ``helpers.charts.locator_points`` reads (location, latitude, longitude,
    weapon_class, killed, injured, events, reports): each strike counts once on the map, and a
    place's circle is the sum of its strikes, as in :func:`strike_totals`."""
    cols = ["location", "latitude", "longitude", "weapon_class", "killed", "injured", "events", "reports"]
    if events is None or len(events) == 0 or not (events["kind"] == KIND_STRIKE).any():
        return pd.DataFrame(columns=cols)
    from helpers import places

    df = events[(events["kind"] == KIND_STRIKE) & events["location"].notna()].copy()
    if df.empty:
        return pd.DataFrame(columns=cols)
    gaz = places.gazetteer()
    df["latitude"] = [gaz[p].latitude if p in gaz else None for p in df["location"]]
    df["longitude"] = [gaz[p].longitude if p in gaz else None for p in df["location"]]
    df["weapon_class"] = df["weapon_class"].fillna("unknown")
    out = (df.groupby(["location", "weapon_class"], sort=False)
           .agg(latitude=("latitude", "first"), longitude=("longitude", "first"),
                killed=("killed", lambda s: s.sum(min_count=1)), injured=("injured", lambda s: s.sum(min_count=1)),
                events=("event_id", "size"), reports=("n_reports", "sum"))
           .reset_index())
    return out[cols]


def evidence_row(event_reports: pd.DataFrame, event_id: str, figures: tuple[str, ...]) -> dict | None:
    """The report row that states an event's figures best: counted, largest ``figures``, latest
    publication (the sentence a reader should check). None when no counted row is left."""
    rows = event_reports[(event_reports["event_id"] == event_id) & (event_reports["role"] == ROLE_COUNTED)]
    if rows.empty:
        return None
    size = sum(pd.to_numeric(rows[f], errors="coerce").fillna(0) for f in figures)
    rows = rows.assign(_s=size, _p=rows["published"].astype(str))
    return rows.sort_values(["_s", "_p"], ascending=False, kind="stable").iloc[0].to_dict()


AIR_DEFENCE_CLAIM_COLUMNS = ["article_id", "sentence_idx", "char_start", "char_end", "date", "date_start",
                             "date_end", "weapon", "weapon_class", "launched", "intercepted", "not_reached",
                             "rate", "claimant", "n_reports", "event_id", "sentence"]


def air_defence_claims(events: pd.DataFrame | None, event_reports: pd.DataFrame | None) -> pd.DataFrame:
    """One row per air-defence event (a night's claim for one weapon class by one claimant) with
    its reconciled figures and the provenance of the sentence that states them best, in the shape
    ``helpers.reference.match_interceptions`` reads: the validation then checks each claim once,
    however many articles quote it."""
    if events is None or len(events) == 0 or event_reports is None or len(event_reports) == 0:
        return pd.DataFrame(columns=AIR_DEFENCE_CLAIM_COLUMNS)
    rows = []
    for ev in events[events["kind"] == KIND_AIR_DEFENCE].to_dict("records"):
        src = evidence_row(event_reports, ev["event_id"], ("launched", "intercepted"))
        if src is None:
            continue
        launched, intercepted = ev.get("launched"), ev.get("intercepted")
        rate = (float(intercepted) / float(launched)
                if pd.notna(launched) and pd.notna(intercepted) and launched and intercepted <= launched else None)
        rows.append({**{k: src.get(k) for k in ("article_id", "sentence_idx", "char_start", "char_end", "sentence")},
                     **{k: ev.get(k) for k in ("date", "date_start", "date_end", "weapon", "weapon_class", "launched",
                                               "intercepted", "not_reached", "claimant", "n_reports", "event_id")},
                     "rate": rate})
    return _typed(pd.DataFrame(rows, columns=AIR_DEFENCE_CLAIM_COLUMNS), AIR_DEFENCE_CLAIM_COLUMNS,
                  ("launched", "intercepted", "not_reached", "n_reports", "sentence_idx", "char_start", "char_end"))
