"""Summaries of the extraction tables: which figures may be added up, and totals per place or weapon.

The events table (``helpers.events``) is the corpus-level view; these row-level totals remain for
one article's tables and for the tests that pin the incident rule.
"""

from __future__ import annotations

import pandas as pd


NO_PLACE = "place not stated"


REPORTED_TOTALS = {"period": "period total", "cumulative": "cumulative total", "estimate": "estimate",
                   "historical": "historical", "other": "other (average, rate, hypothetical)"}


FIGURE_KINDS = ("per event", "vague (ACLED rule)", *REPORTED_TOTALS.values())


def figure_kind(casualties: pd.DataFrame) -> pd.Series:
    """Which total a casualty row belongs to: its figure type when that is not 'event' (a row
    without one but marked aggregate is a 'cumulative total'), then vague, else 'per event'."""
    agg = casualties["aggregate"].fillna(False).astype(bool)
    vague = casualties["vague"].fillna(False).astype(bool)
    types = casualties["figure_type"] if "figure_type" in casualties else pd.Series(None, index=casualties.index)
    out = []
    for a, v, t in zip(agg, vague, types):
        if isinstance(t, str) and t in REPORTED_TOTALS:
            out.append(REPORTED_TOTALS[t])
        elif a:
            out.append(REPORTED_TOTALS["cumulative"])
        else:
            out.append(FIGURE_KINDS[1] if v else FIGURE_KINDS[0])
    return pd.Series(out, index=casualties.index, dtype="object")


def incident_keys(casualties: pd.DataFrame) -> pd.Series:
    """Which casualty rows report the same incident, as a key such as '2023-03-22|Rzhyshchiv|drone'.

    Rule: per-event rows (not vague, not aggregate) are one incident when they share the event day
    (the resolved ``date``, else the end of its window ``date_end``), the place and the weapon
    (an unstated weapon matches only another unstated one). The same strike reported by several
    articles, or twice in one article, is then counted once. A row without a place or a day, and
    every vague or aggregate row, is an incident of its own (key ``row:<index>``): nothing says
    which strike it belongs to.
    """
    if casualties is None or len(casualties) == 0:
        return pd.Series([], dtype="object")
    day = casualties["date"].where(casualties["date"].notna(), casualties["date_end"])
    per_event = figure_kind(casualties) == FIGURE_KINDS[0]
    keyed = per_event & day.notna() & casualties["location"].notna()
    weapon = casualties["weapon"].fillna("weapon not stated")
    keys = day.astype(str) + "|" + casualties["location"].astype(str) + "|" + weapon.astype(str)
    return keys.where(keyed, "row:" + casualties.index.astype(str)).rename("incident")


def casualty_totals(casualties: pd.DataFrame, by: str = "location") -> pd.DataFrame:
    """Killed and injured summed by ``by`` (location, weapon, event_type ...) over incidents, with
    per-event, vague and aggregate figures in separate rows so a cumulative total never adds to a
    strike's toll.

    Rule: rows reporting the same incident (:func:`incident_keys`) count once, with the largest
    killed and injured figures any report gives (tolls are revised upwards as the day goes on).
    Columns: ``by``, figures, events (incidents), reports (rows), killed, injured, updated
    (incidents whose toll was revised). A missing place or weapon is 'place not stated' / 'not stated'.
    """
    columns = [by, "figures", "events", "reports", "killed", "injured", "updated"]
    if casualties is not None and "superseded" in casualties:
        casualties = casualties[~casualties["superseded"].fillna(False).astype(bool)]
    if casualties is None or len(casualties) == 0:
        return pd.DataFrame(columns=columns)
    df = casualties.assign(figures=figure_kind(casualties), incident=incident_keys(casualties))
    df[by] = df[by].fillna(NO_PLACE if by == "location" else "not stated")
    incidents = (
        df.groupby("incident", sort=False)
        .agg(**{by: (by, "first")}, figures=("figures", "first"), reports=("killed", "size"),
             killed=("killed", "max"), injured=("injured", "max"), updated=("update", "max"))
        .reset_index(drop=True)
    )
    out = (
        incidents.groupby([by, "figures"], sort=False)
        .agg(events=("reports", "size"), reports=("reports", "sum"),
             killed=("killed", lambda s: s.sum(min_count=1)), injured=("injured", lambda s: s.sum(min_count=1)),
             updated=("updated", "sum"))
        .reset_index()
    )
    out["figures"] = pd.Categorical(out["figures"], categories=FIGURE_KINDS, ordered=True)
    out = out.sort_values(["figures", "killed", "injured"], ascending=[True, False, False])
    out["figures"] = out["figures"].astype(str)
    return out[columns].reset_index(drop=True)


def claim_keys(interceptions: pd.DataFrame) -> pd.Series:
    """Which interception rows report the same claim, as a key such as '2023-03-22|drone|military'.

    Rule: rows are one claim when they share the night (the resolved ``date``, else ``date_end``),
    the weapon class and the claimant: the same Air Force bulletin quoted by several articles.
    A row without a night or weapon class is a claim of its own (key ``row:<index>``).
    """
    if interceptions is None or len(interceptions) == 0:
        return pd.Series([], dtype="object")
    night = interceptions["date"].where(interceptions["date"].notna(), interceptions["date_end"])
    keyed = night.notna() & interceptions["weapon_class"].notna()
    keys = (night.astype(str) + "|" + interceptions["weapon_class"].astype(str) + "|"
            + interceptions["claimant"].fillna("claimant not stated").astype(str))
    return keys.where(keyed, "row:" + interceptions.index.astype(str)).rename("claim")


def interception_totals(interceptions: pd.DataFrame, by: str = "weapon") -> pd.DataFrame:
    """Launched, intercepted and not-reached summed by ``by`` over claims that state both launched
    and intercepted and are not flagged inconsistent; rate = intercepted / launched, with a label
    such as '16 of 21 = 76.2%'.

    Rule: rows reporting the same claim (:func:`claim_keys`) count once, as the row with the
    largest launched figure (the fullest version of the bulletin). Columns: ``by``, events
    (claims), launched, intercepted, not_reached, rate, label, left_out (rows of that weapon
    without a usable pair, flagged, cumulative totals, or repeats of a claim already counted).
    """
    columns = [by, "events", "launched", "intercepted", "not_reached", "rate", "label", "left_out"]
    if interceptions is None or len(interceptions) == 0:
        return pd.DataFrame(columns=columns)
    df = interceptions.assign(**{by: interceptions[by].fillna("not stated")}, claim=claim_keys(interceptions))
    usable = (df["launched"].notna() & df["intercepted"].notna() & df["flag"].isna()
              & ~df["aggregate"].fillna(False).astype(bool))
    fullest = df[usable].sort_values("launched", ascending=False, kind="stable").drop_duplicates("claim").index
    usable &= df.index.isin(fullest)
    out = (
        df[usable].groupby(by, sort=False)
        .agg(events=("launched", "size"), launched=("launched", "sum"), intercepted=("intercepted", "sum"),
             not_reached=("not_reached", "sum"))
        .reset_index()
    )
    left = df[~usable].groupby(by).size().rename("left_out")
    out = out.merge(left, how="outer", left_on=by, right_index=True).fillna({"events": 0, "left_out": 0})
    for c in ("events", "launched", "intercepted", "not_reached", "left_out"):
        out[c] = out[c].astype("Int64")
    out["rate"] = (out["intercepted"] / out["launched"]).astype("float64")
    out["label"] = [
        f"{i} of {n} = {r:.1%}" if pd.notna(r) else "no launched/intercepted pair"
        for i, n, r in zip(out["intercepted"], out["launched"], out["rate"])
    ]
    return out.sort_values("launched", ascending=False, na_position="last")[columns].reset_index(drop=True)
