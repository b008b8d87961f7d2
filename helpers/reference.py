"""Reference: the Ukrainian Air Force bulletin tables, and matching extracted events against them.

Reads the raw copies in ``data/raw/reference/`` (see its README for provenance and licence):
``missile_attacks_daily.csv`` (one row = one reporting window x one weapon model x one bulletin)
and ``missiles_and_uavs.csv`` (weapon lookup keyed on ``model``).

Rules applied throughout (each is the answer to a quirk of the reference):

- National figures use only rows whose source account is ``kpszsu`` (the Air Force's own
  Facebook or Telegram post). Regional commands (``PvKPivden``, ``pvkshid``, ``PvkZahid``,
  ``PvkCenter``) report parts of the same nights and would be counted twice.
- A *night* is the calendar date of ``time_end``: the morning the bulletin closed, which is
  the date an article gives for "overnight" attacks.
- ``rate`` = destroyed / launched. ``not_reach_goal`` (drones lost to electronic warfare) is
  NOT in ``destroyed`` and is always reported in its own column, never added to the rate.
- Rows where destroyed > launched (the 2026-02-07 ``3M22 Zircon`` row) are kept as reported and
  flagged; rows with no ``launched`` are flagged and left out of every rate.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import columns

REFERENCE_REQUIRED = ["time_start", "time_end", "model", "launched", "destroyed", "not_reach_goal", "source"]
WEAPONS_REQUIRED = ["model", "category"]

# Columns of load_reference(): the reference as Frontline uses it.
REFERENCE_COLUMNS = [
    "line",            # int: line number in missile_attacks_daily.csv (header = line 1)
    "time_start",      # datetime: start of the reporting window (local time)
    "time_end",        # datetime: end of the reporting window
    "night",           # datetime (midnight): calendar date of time_end
    "model",           # str: weapon model as written in the file
    "weapon_class",    # str: drone / cruise missile / ballistic missile / missile / guided bomb / other
    "launched",        # float | NaN
    "destroyed",       # float | NaN: shot down
    "not_reach_goal",  # float | NaN: lost to EW, not included in destroyed
    "target",          # str | None
    "source",          # str: bulletin post path or URL
    "source_account",  # str: account that posted it, e.g. 'kpszsu', 'PvKPivden'
    "source_scope",    # str: 'national' | 'regional' | 'other'
    "flag",            # str: '' | 'destroyed > launched' | 'launched missing' | 'destroyed missing'
]

# Columns of nightly_totals(by="weapon_family"), written to processed_dir/reference_nightly.parquet
# (with another `by` the second column is named after it).
NIGHTLY_COLUMNS = columns.REFERENCE_NIGHTLY

# Columns of match_interceptions(), written to processed_dir/validation.parquet.
VALIDATION_COLUMNS = columns.VALIDATION

NATIONAL_ACCOUNTS = {"kpszsu"}
REGIONAL_ACCOUNTS = {"pvkpivden", "pvkshid", "pvkzahid", "pvkcenter"}

# Lookup category -> Frontline weapon class. 'missile' is the suite's class for a missile of no
# single class; S-300/S-400 fired at ground targets are reported by the Air Force as missiles.
CATEGORY_CLASS = {
    "uav": "drone",
    "cruise missile": "cruise missile",
    "ballistic missile": "ballistic missile",
    "guided bomb": "guided bomb",
    "surface-to-air missile": "missile",
    "surface-to-air and ballistic": "missile",
}

# Models whose class the lookup gets wrong or lacks. Key: model as in the daily file (any case).
MODEL_CLASS_OVERRIDES = {
    # The lookup says 'cruise missile', but it classes both parts as ballistic.
    "x-47 kinzhal and iskander-m/kn-23": "ballistic missile",
    # The lookup says 'cruise missile'; the bulletin did not know the type.
    "unknown missile": "missile",
    # Absent from the lookup: air-dropped bombs, the nearest class in the suite's vocabulary.
    "aerial bomb": "guided bomb",
    # Absent from the lookup: Russian reconnaissance / loitering drones named in Cyrillic.
    "картограф": "drone",
    "привет-82": "drone",
    "фенікс": "drone",
}

# Which reference classes an extracted weapon class may match. A generic 'missile' in the text
# ("12 missiles") is compared with every missile row of the night.
CLASS_MATCHES = {
    "drone": {"drone"},
    "cruise missile": {"cruise missile"},
    "ballistic missile": {"ballistic missile"},
    "missile": {"cruise missile", "ballistic missile", "missile"},
    "guided bomb": {"guided bomb"},
}
# Families for the drones-versus-missiles chart.
CLASS_FAMILY = {
    "drone": "drone",
    "cruise missile": "missile",
    "ballistic missile": "missile",
    "missile": "missile",
    "guided bomb": "guided bomb",
}

# Weapon words in news text -> the reference model they name (lower case; 'kh-' read as 'x-').
# A word not listed here is compared with the reference model names as written.
EVENT_MODEL_ALIASES = {
    "shahed": "Shahed-136/131",
    "shaheds": "Shahed-136/131",
    "shahed-136": "Shahed-136/131",
    "shahed-131": "Shahed-136/131",
    "geran": "Shahed-136/131",
    "geran-2": "Shahed-136/131",
    "kalibr": "Kalibr",
    "kinzhal": "X-47 Kinzhal",
    "x-47": "X-47 Kinzhal",
    "iskander": "Iskander-M",
    "iskander-m": "Iskander-M",
    "iskander-k": "Iskander-K",
    "x-101": "X-101/X-555",
    "x-555": "X-101/X-555",
    "x-59": "X-59",
    "x-22": "X-22",
    "x-31": "X-31",
    "zircon": "3M22 Zircon",
    "lancet": "Lancet",
    "orlan": "Orlan-10",
    "orlan-10": "Orlan-10",
    "s-300": "C-300",
}


# --- loading -----------------------------------------------------------------------------------


def _require(df: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} lacks column(s) {missing}; expected at least {columns}. "
            "Use the byte-identical copy described in data/raw/reference/README.md."
        )


def load_weapons_table(path: str | Path) -> pd.DataFrame:
    """Read ``missiles_and_uavs.csv`` (needs ``model`` and ``category``); error names the file."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: copy missiles_and_uavs.csv into data/raw/reference/.")
    table = pd.read_csv(path, dtype=str)
    _require(table, WEAPONS_REQUIRED, str(path))
    return table


def source_account(source: object) -> str:
    """The account that posted a bulletin: 'kpszsu/posts/pfbid…' -> 'kpszsu',
    'https://t.me/kpszsu/44624' -> 'kpszsu', 'kharkivoda.gov.ua/news/1' -> 'kharkivoda.gov.ua'."""
    if not isinstance(source, str) or not source.strip():
        return ""
    s = re.sub(r"^https?://", "", source.strip())
    parts = [p for p in s.split("/") if p]
    if not parts:
        return ""
    host = parts[0].lower().removeprefix("www.")
    if host in {"t.me", "facebook.com", "m.facebook.com"} and len(parts) > 1:
        return parts[1]
    return parts[0]


def source_scope(account: str) -> str:
    """'national' for the Air Force's own account, 'regional' for a regional air command, else 'other'."""
    a = (account or "").lower()
    if a in NATIONAL_ACCOUNTS:
        return "national"
    if a in REGIONAL_ACCOUNTS:
        return "regional"
    return "other"


def _lookup(weapons_table: pd.DataFrame | None) -> dict[str, str]:
    if weapons_table is None or len(weapons_table) == 0:
        return {}
    return {
        str(m).strip().lower(): str(c).strip().lower()
        for m, c in zip(weapons_table["model"], weapons_table["category"])
        if isinstance(m, str)
    }


def _class_of(model: str, lookup: dict[str, str]) -> str:
    key = model.strip().lower()
    if key in MODEL_CLASS_OVERRIDES:
        return MODEL_CLASS_OVERRIDES[key]
    if key in lookup:
        return CATEGORY_CLASS.get(lookup[key], "other")
    if " and " in key:
        parts = {_class_of(p, lookup) for p in key.split(" and ") if p.strip()}
        if len(parts) == 1:
            return parts.pop()
        if parts and all(CLASS_FAMILY.get(p) == "missile" for p in parts):
            return "missile"
    return "other"


def weapon_class_of(model: object, weapons_table: pd.DataFrame | None) -> str:
    """Weapon class of a reference model: drone / cruise missile / ballistic missile / missile /
    guided bomb / other.

    Rule, first that applies: MODEL_CLASS_OVERRIDES; the lookup's ``category`` (CATEGORY_CLASS);
    for a combined name 'A and B' absent from the lookup, the parts' class when they share one,
    'missile' when they are different missiles; else 'other'. Case-insensitive.
    """
    if not isinstance(model, str) or not model.strip():
        return "other"
    return _class_of(model, _lookup(weapons_table))


def _parse_times(values: pd.Series, path: Path, column: str) -> pd.Series:
    # Times come as '2023-03-21 23:30', '2024-02-28', '2023-05-16 3:30' and with trailing spaces.
    parsed = pd.to_datetime(values.astype("string").str.strip(), format="mixed", errors="coerce")
    bad = parsed.isna() & values.notna()
    if bad.any():
        first = bad.idxmax()
        raise ValueError(
            f"{path}, line {first + 2}: cannot read {column}={values[first]!r} as a date-time; "
            "fix the copy or restore it from data/raw/reference/README.md."
        )
    return parsed


def load_reference(path: str | Path, weapons: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Read ``missile_attacks_daily.csv`` into REFERENCE_COLUMNS.

    Times parsed, counts as floats (NaN when empty), ``source`` kept with its account and scope,
    each row given a weapon class through ``weapons`` (the lookup table or its path; by default
    ``missiles_and_uavs.csv`` beside ``path``) and a ``flag`` for its quirks. Raises a clear error
    naming the file when it is missing or lacks a column.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: copy missile_attacks_daily.csv into data/raw/reference/.")
    raw = pd.read_csv(path, dtype={"model": str, "source": str, "target": str})
    _require(raw, REFERENCE_REQUIRED, str(path))
    if weapons is None and (path.parent / "missiles_and_uavs.csv").exists():
        weapons = path.parent / "missiles_and_uavs.csv"
    table = load_weapons_table(weapons) if isinstance(weapons, (str, Path)) else weapons
    lookup = _lookup(table)

    ref = pd.DataFrame({"line": raw.index + 2})
    ref["time_start"] = _parse_times(raw["time_start"], path, "time_start")
    ref["time_end"] = _parse_times(raw["time_end"], path, "time_end")
    ref["night"] = ref["time_end"].dt.normalize()
    ref["model"] = raw["model"].astype("string").str.strip()
    classes = {m: _class_of(m, lookup) for m in ref["model"].dropna().unique()}
    ref["weapon_class"] = ref["model"].map(classes).fillna("other").astype(str)
    for col in ["launched", "destroyed", "not_reach_goal"]:
        ref[col] = pd.to_numeric(raw[col], errors="coerce").astype(float)
    ref["target"] = raw["target"] if "target" in raw.columns else None
    ref["source"] = raw["source"]
    ref["source_account"] = raw["source"].map(source_account)
    ref["source_scope"] = ref["source_account"].map(source_scope)
    ref["flag"] = np.select(
        [ref["launched"].isna(), ref["destroyed"].isna(), ref["destroyed"] > ref["launched"]],
        ["launched missing", "destroyed missing", "destroyed > launched"],
        default="",
    )
    return ref[REFERENCE_COLUMNS]


def national_rows(ref: pd.DataFrame) -> pd.DataFrame:
    """Only the Air Force's national bulletins (account ``kpszsu``), so regional commands'
    reports of the same nights are not counted twice."""
    return ref[ref["source_scope"] == "national"]


# --- nightly totals and rates -----------------------------------------------------------------


def weapon_family(weapon_class: pd.Series) -> pd.Series:
    """drone / missile (cruise, ballistic or unspecified) / guided bomb / other."""
    return weapon_class.map(CLASS_FAMILY).fillna("other")


def nightly_totals(ref: pd.DataFrame, by: str = "weapon_class", national_only: bool = True) -> pd.DataFrame:
    """Per night and per ``by`` (a column, or 'weapon_family'): n_rows, launched, destroyed,
    not_reach_goal, rate = destroyed / launched, n_flagged.

    A night is the date of ``time_end``. Only national rows unless ``national_only=False``.
    Rows without ``launched`` count in n_rows and n_flagged but not in launched/destroyed/rate, so
    a rate always compares figures from the same rows. Zero launched gives rate NaN.
    """
    rows = national_rows(ref) if national_only else ref
    rows = rows.assign(weapon_family=weapon_family(rows["weapon_class"]))
    rated = rows["launched"].notna() & rows["destroyed"].notna()
    rows = rows.assign(
        _l=rows["launched"].where(rated),
        _d=rows["destroyed"].where(rated),
        _f=(rows["flag"] != "").astype(int),
    )
    out = (
        rows.groupby(["night", by], sort=True)
        .agg(
            n_rows=("line", "size"),
            launched=("_l", lambda s: s.sum(min_count=1)),
            destroyed=("_d", lambda s: s.sum(min_count=1)),
            not_reach_goal=("not_reach_goal", lambda s: s.sum(min_count=1)),
            n_flagged=("_f", "sum"),
        )
        .reset_index()
    )
    out["rate"] = (out["destroyed"] / out["launched"].where(out["launched"] > 0)).astype(float)
    return out[["night", by, "n_rows", "launched", "destroyed", "not_reach_goal", "rate", "n_flagged"]]


def rolling_rate(nightly: pd.DataFrame, by: str = "weapon_family", window: str = "30D",
                 min_nights: int = 3, min_launched: int = 1) -> pd.DataFrame:
    """Add ``rate_rolling_median``: per ``by`` group, the median nightly rate over the nights in
    the trailing ``window`` (calendar time, so quiet spells do not stretch it), NaN until
    ``min_nights`` nights are in the window.

    Only nights with a rate and at least ``min_launched`` launched count: with
    ``min_launched=5`` a lone ballistic missile nobody could stop does not set the median.
    """
    cols = list(nightly.columns) + ["rate_rolling_median"]
    rated = nightly[nightly["rate"].notna() & (nightly["launched"] >= min_launched)].sort_values("night")
    if rated.empty:
        return pd.DataFrame(columns=cols)
    parts = []
    for _, group in rated.groupby(by, sort=True):
        series = group.set_index("night")["rate"]
        med = series.rolling(window, min_periods=min_nights).median()
        parts.append(group.assign(rate_rolling_median=med.to_numpy()))
    return pd.concat(parts, ignore_index=True)[cols]


# --- matching extracted events ----------------------------------------------------------------


def _model_of_word(word: object, models: set[str]) -> str | None:
    """Reference model a weapon word names: the word itself, else the longest alias or model name
    inside it ('Shahed drone' -> 'Shahed-136/131', 'Kh-101 cruise missile' -> 'X-101/X-555')."""
    if not isinstance(word, str) or not word.strip():
        return None
    w = re.sub(r"\bkh-", "x-", word.strip().lower())
    known = {**{m.lower(): m for m in models}, **EVENT_MODEL_ALIASES}
    if w in known:
        return known[w]
    inside = [k for k in known if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", w)]
    return known[max(inside, key=len)] if inside else None


def _fmt_window(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"{start:%Y-%m-%d %H:%M} -> {end:%Y-%m-%d %H:%M}"


def _num(value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return float("nan")
    return v


def _compare(event: pd.Series, launched: float, destroyed: float, not_reach: float) -> tuple[str, str]:
    pairs = [
        ("launched", _num(event.get("launched")), launched),
        ("intercepted/destroyed", _num(event.get("intercepted")), destroyed),
        ("not_reached/not_reach_goal", _num(event.get("not_reached")), not_reach),
    ]
    compared = [(name, a, b) for name, a, b in pairs if not (np.isnan(a) or np.isnan(b))]
    if not compared:
        return "disagree", "no figure present on both sides to compare"
    diffs = [f"{name} {a:g} vs {b:g}" for name, a, b in compared if a != b]
    if not diffs:
        return "agree", ""
    note = "; ".join(diffs)
    intercepted = _num(event.get("intercepted"))
    if not np.isnan(intercepted) and not np.isnan(not_reach) and intercepted == destroyed + not_reach:
        note += " (intercepted equals destroyed + not_reach_goal: the text counts EW losses as downed)"
    return "disagree", note


NO_CLAIMANT_REFERENCE = "no reference for this claimant"


def _match_one(event: pd.Series, ref: pd.DataFrame) -> dict:
    out = {c: None for c in VALIDATION_COLUMNS if c.startswith("ref_")}
    out.update(ref_n_rows=0, ref_flag="", ref_launched=np.nan, ref_destroyed=np.nan,
               ref_not_reach_goal=np.nan, ref_rate=np.nan)
    claimant = event.get("claimant")
    if isinstance(claimant, str) and claimant.lower().startswith("russia"):
        # the reference is the Ukrainian Air Force's record: another side's claim is no disagreement
        return {**out, "status": NO_CLAIMANT_REFERENCE, "note": f"the reference holds Ukrainian Air Force "
                f"bulletins only; this is a claim of the {claimant}"}
    start = pd.to_datetime(event.get("date_start"), errors="coerce")
    end = pd.to_datetime(event.get("date_end"), errors="coerce")
    day = pd.to_datetime(event.get("date"), errors="coerce")
    if pd.isna(start) or pd.isna(end):
        start = end = day
    if pd.isna(start):
        return {**out, "status": "no reference row", "note": "event has no resolved date"}
    cls = event.get("weapon_class")
    classes = CLASS_MATCHES.get(cls) if isinstance(cls, str) else None
    if not classes:
        return {**out, "status": "no reference row", "note": f"weapon class {cls!r} has no reference rows"}
    rows = ref[ref["weapon_class"].isin(classes) & ref["night"].between(start.normalize(), end.normalize())]
    if rows.empty:
        return {**out, "status": "no reference row",
                "note": f"no {cls} row with a night in {start:%Y-%m-%d}..{end:%Y-%m-%d}"}
    notes = []
    # Tie rule 1: the national bulletin wins; else other national-level posts; regional last.
    for scope in ("national", "other", "regional"):
        if (rows["source_scope"] == scope).any():
            rows = rows[rows["source_scope"] == scope]
            break
    if scope == "regional":
        notes.append("only a regional command reported this night: a partial count")
    # Tie rule 2: the night the event ended (`date`) wins; else the latest night in the window.
    night = day.normalize() if pd.notna(day) and (rows["night"] == day.normalize()).any() else rows["night"].max()
    rows = rows[rows["night"] == night]
    # Tie rule 3: a model named in the text is compared with that model's rows, else the class total.
    model = _model_of_word(event.get("weapon"), set(rows["model"].dropna()))
    if model is not None and (rows["model"] == model).any():
        rows = rows[rows["model"] == model]
    elif model is not None:
        notes.append(f"no {model} row that night: compared with the {cls} total")
    # Rows left (several bulletins or windows of one night) are summed.
    rated = rows["launched"].notna()
    launched = rows.loc[rated, "launched"].sum(min_count=1)
    destroyed = rows.loc[rated, "destroyed"].sum(min_count=1)
    if not rated.any():
        destroyed = rows["destroyed"].sum(min_count=1)
    not_reach = rows["not_reach_goal"].sum(min_count=1)
    windows = rows[["time_start", "time_end"]].drop_duplicates().sort_values("time_start")
    out.update(
        ref_model=" + ".join(dict.fromkeys(rows["model"].dropna())),
        ref_time_start=rows["time_start"].min(),
        ref_time_end=rows["time_end"].max(),
        ref_windows="; ".join(_fmt_window(s, e) for s, e in windows.itertuples(index=False)),
        ref_source=", ".join(dict.fromkeys(rows["source_account"])),
        ref_scope=scope,
        ref_lines=", ".join(str(n) for n in rows["line"]),
        ref_n_rows=len(rows),
        ref_launched=launched,
        ref_destroyed=destroyed,
        ref_not_reach_goal=not_reach,
        ref_rate=destroyed / launched if launched and launched > 0 else np.nan,
        ref_flag="; ".join(dict.fromkeys(f for f in rows["flag"] if f)),
    )
    status, note = _compare(event, launched, destroyed, not_reach)
    return {**out, "status": status, "note": "; ".join([n for n in [note, *notes] if n])}


def match_interceptions(events: pd.DataFrame | None, ref: pd.DataFrame) -> pd.DataFrame:
    """Match extracted interception events to the reference; one output row per event, in
    VALIDATION_COLUMNS, with both figures side by side and a status
    'agree' / 'disagree' / 'no reference row' / 'no reference for this claimant' (a claim of the
    Russian side: the reference holds only the Ukrainian Air Force's bulletins).

    Candidate rows: same weapon class (CLASS_MATCHES: a generic 'missile' takes every missile row)
    and a night (date of time_end) inside the event's inclusive window [date_start, date_end]
    (``date`` alone when the window is missing). Tie rules, in order: national rows over other
    posts over regional commands; the night equal to the event's ``date``, else the latest night;
    a model the text names (EVENT_MODEL_ALIASES) over the class total; rows still left are summed.
    'agree' = every figure present on both sides is equal: launched, intercepted vs destroyed,
    not_reached vs not_reach_goal (never destroyed + not_reach_goal). No events (None or empty)
    gives an empty table with the same columns.
    """
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=VALIDATION_COLUMNS)
    _require(events, ["weapon_class", "date_start", "date_end"], "interception events table")
    matched = pd.DataFrame([_match_one(ev, ref) for _, ev in events.iterrows()], index=events.index)
    out = pd.concat([events.drop(columns=[c for c in matched.columns if c in events.columns]), matched], axis=1)
    for col in VALIDATION_COLUMNS:
        if col not in out.columns:
            out[col] = None
    out = out[VALIDATION_COLUMNS].reset_index(drop=True)
    out["ref_n_rows"] = out["ref_n_rows"].astype(int)
    for col in ["ref_launched", "ref_destroyed", "ref_not_reach_goal", "ref_rate"]:
        out[col] = out[col].astype(float)
    for col in ["ref_time_start", "ref_time_end"]:
        out[col] = pd.to_datetime(out[col])
    return out


def agreement_summary(matches: pd.DataFrame) -> pd.DataFrame:
    """Count of matched events per status (columns status, n_events), every status listed."""
    order = ["agree", "disagree", "no reference row", NO_CLAIMANT_REFERENCE]
    counts = matches["status"].value_counts() if len(matches) else pd.Series(dtype=int)
    return pd.DataFrame({"status": order, "n_events": [int(counts.get(s, 0)) for s in order]})


# --- weapon words of extracted events -------------------------------------------------------------

# Used only when helpers/resources/weapons.csv (the extractor's table) is missing.
FALLBACK_WEAPON_WORDS = {
    "shahed": "drone", "drone": "drone", "drones": "drone", "uav": "drone",
    "cruise missile": "cruise missile", "kalibr": "cruise missile", "kh-101": "cruise missile",
    "ballistic missile": "ballistic missile", "iskander": "ballistic missile", "kinzhal": "ballistic missile",
    "missile": "missile", "missiles": "missile", "rocket": "missile", "s-300": "missile",
    "guided bomb": "guided bomb", "glide bomb": "guided bomb", "kab": "guided bomb",
    "shelling": "artillery", "artillery": "artillery",
}


def weapon_word_classes(path: str | Path | None = None) -> dict[str, str]:
    """Weapon word (lower case) -> weapon class, from the extractor's ``weapons.csv`` (its
    ``pattern`` and ``weapon`` columns both map to ``weapon_class``); FALLBACK_WEAPON_WORDS when
    the file is missing or lacks those columns."""
    if path is None:
        path = Path(__file__).parent / "resources" / "weapons.csv"
    path = Path(path)
    if not path.exists():
        return dict(FALLBACK_WEAPON_WORDS)
    table = pd.read_csv(path, dtype=str)
    if "weapon_class" not in table.columns:
        return dict(FALLBACK_WEAPON_WORDS)
    words = dict(FALLBACK_WEAPON_WORDS)
    for col in ("weapon", "pattern"):  # patterns last: the more specific word wins
        if col in table.columns:
            words.update({str(w).strip().lower(): str(c).strip()
                          for w, c in zip(table[col], table["weapon_class"])
                          if isinstance(w, str) and isinstance(c, str)})
    return words


def weapon_class_of_word(word: object, words: dict[str, str]) -> str:
    """Class of a weapon word from an extracted event ('Shahed drone' -> 'drone'): exact match,
    else the class of the longest known word inside it, else 'unknown'."""
    if not isinstance(word, str) or not word.strip():
        return "unknown"
    w = word.strip().lower()
    if w in words:
        return words[w]
    inside = [k for k in words if re.search(rf"\b{re.escape(k)}\b", w)]
    return words[max(inside, key=len)] if inside else "unknown"


# --- tables for the validation notebook -------------------------------------------------------------


def reference_summary(ref: pd.DataFrame) -> pd.DataFrame:
    """What the reference holds, one row per source scope (and a total): rows, nights, first and
    last night, rows flagged."""
    def one(scope: str, rows: pd.DataFrame) -> dict:
        return {"source_scope": scope, "rows": len(rows), "nights": rows["night"].nunique(),
                "first_night": rows["night"].min(), "last_night": rows["night"].max(),
                "rows_flagged": int((rows["flag"] != "").sum())}
    parts = [one(s, ref[ref["source_scope"] == s]) for s in ("national", "regional", "other")
             if (ref["source_scope"] == s).any()]
    return pd.DataFrame(parts + [one("all", ref)])


SIDE_BY_SIDE = {
    "article_id": "article", "sentence_idx": "sentence", "date": "night ended", "weapon": "weapon",
    "launched": "launched (text)", "ref_launched": "launched (Air Force)",
    "intercepted": "shot down (text)", "ref_destroyed": "destroyed (Air Force)",
    "ref_not_reach_goal": "lost to EW (Air Force)", "ref_windows": "Air Force window",
    "ref_model": "Air Force model", "status": "status", "note": "note",
}


def side_by_side(matches: pd.DataFrame) -> pd.DataFrame:
    """The match table for a reader: text and Air Force figures next to each other, renamed
    (SIDE_BY_SIDE), disagreements first."""
    order = {"disagree": 0, "no reference row": 1, "agree": 2}
    out = matches.sort_values("status", key=lambda s: s.map(order), kind="stable")
    return out[list(SIDE_BY_SIDE)].rename(columns=SIDE_BY_SIDE).reset_index(drop=True)


def night_marks(events: pd.DataFrame) -> pd.DataFrame:
    """Marks for the reference-rate chart, one per extracted interception event with a date:
    night, weapon_family, rate (intercepted / launched, NaN without launched) and a label
    such as '16 of 21 Shahed, 22 Mar 2023'."""
    cols = ["night", "weapon_family", "rate", "label"]
    if events is None or len(events) == 0 or "date" not in events.columns:
        return pd.DataFrame(columns=cols)
    ev = events[pd.to_datetime(events["date"], errors="coerce").notna()]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    night = pd.to_datetime(ev["date"])
    launched = pd.to_numeric(ev.get("launched"), errors="coerce")
    intercepted = pd.to_numeric(ev.get("intercepted"), errors="coerce")
    of = launched.map(lambda v: "" if pd.isna(v) else f" of {v:g}")
    label = [f"{i:g}{o} {w}, {n:%-d %b %Y}" for i, o, w, n in zip(intercepted, of, ev["weapon"].fillna(""), night)]
    return pd.DataFrame({
        "night": night.to_numpy(),
        "weapon_family": weapon_family(ev["weapon_class"]).to_numpy(),
        "rate": (intercepted / launched.where(launched > 0)).to_numpy(),
        "label": label,
    })
