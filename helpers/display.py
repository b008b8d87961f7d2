"""Display: the tables a reader sees in the notebooks, formatted for reading.

``show(df)`` is what a notebook's display cell returns: a pandas ``Styler`` over
``format_table(df)``, a copy of the table with every cell turned into the text a reader should
see. The tables written to ``data/processed/`` are never touched; only what is displayed is.

Each column is formatted by its *kind*, looked up by name in ``COLUMN_KINDS`` (every column of
every table in :mod:`helpers.columns` has one, and the derived columns the notebooks show), else
guessed from its values (whole numbers are counts, floats decimals, timestamps dates):

- counts: integers with thousands separators ('1,234'); a missing count is '–'
- rates and shares (0..1): percentages with one decimal ('76.2%')
- money: ``amount`` in a readable unit with the row's ``currency`` ('$411.0 bn', 'UAH 2.5 m')
- dates: 'YYYY-MM-DD', with the time ('2023-03-21 23:30') only when there is one
- coordinates: degrees with the hemisphere ('47.838° N', '35.139° E')
- yes/no flags, lists joined with commas; text kept whole (long text wraps in its cell)

A missing number or date shows as '–', missing text as an empty cell.
"""

from __future__ import annotations

import hashlib
import html
import math
from datetime import date, datetime

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from helpers import columns as C
from helpers.reference import SIDE_BY_SIDE

MISSING = "–"          # en dash: a number or date the source did not give
MAX_ROWS = 60          # rows shown at most (pandas' own display.max_rows); the caption says how many more
LONG_TEXT = 60         # characters: a text column holding a longer value wraps within a set width
SCALES = [(1e12, "tn"), (1e9, "bn"), (1e6, "m")]
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}   # others are written as their ISO code

# --- the kind of every column a notebook shows -----------------------------------------------

_IDS = ["article_id", "sentence_idx", "event_id", "topic_id", "token_idx", "typical_article_id",
        "typical_sentence_idx", "k", "sha256", "ref_lines"]
_COUNTS = ["n_sentences", "start", "end", "char_start", "char_end", "killed", "injured", "launched",
           "intercepted", "not_reached", "n_units", "n_reports", "n_outlets", "ref_n_rows", "ref_launched",
           "ref_destroyed", "ref_not_reach_goal", "n_rows", "destroyed", "not_reach_goal", "n_flagged",
           "total", "articles", "sentences", "undated_articles", "skipped", "duplicates", "warnings",
           "events", "reports", "updated", "left_out", "rows", "nights", "rows_flagged", "n_events",
           "n_articles", "of_articles", "smallest_topic"]
_PERCENTS = ["rate", "ref_rate", "share", "share_negative", "share_positive", "share_negative_war",
             "pos", "neu", "neg"]
# VADER rounds its compound to 4 decimals: fewer would hide the differences notebook 02 shows
_DECIMALS = {**dict.fromkeys(["compound", "compound_war", "mean_compound", "min_compound", "max_compound",
                              "mean_compound_war", "compound_nltk", "compound_reference"], 4),
             **dict.fromkeys(["coherence", "diversity", "quality", "stability", "weight"], 3),
             **dict.fromkeys(["valence", "lexicon_valence", "rule_valence", "but_factor"], 2)}
_DATES = ["date", "date_start", "date_end", "first_report", "last_report", "published", "night",
          "ref_time_start", "ref_time_end", "first_date", "last_date", "first_night", "last_night"]
_FLAGS = ["date_resolved", "vague", "aggregate", "update", "superseded", "chosen", "agree"]
_TEXT = ["title", "source", "url", "language", "path", "text", "date_precision", "action", "reason",
         "label", "label_war", "date_phrase", "location", "admin1", "event_type", "weapon", "target", "who",
         "killed_qualifier", "injured_qualifier", "figure_type", "figure_cue", "sentence", "weapon_class",
         "flag", "claimant", "region", "currency", "scale", "what", "ratio_of", "ref_model", "ref_windows",
         "ref_source", "ref_scope", "ref_flag", "status", "note", "weapon_family", "location", "kind",
         "time_of_day", "history", "role", "outlet", "typical_sentence", "figures", "languages",
         "source_scope", "which", "token", "rule", "term"]

COLUMN_KINDS: dict[str, str] = {
    **dict.fromkeys(_TEXT, "text"),
    **dict.fromkeys(_IDS, "id"),
    **dict.fromkeys(_COUNTS, "count"),
    **dict.fromkeys(_PERCENTS, "percent"),
    **dict.fromkeys(_DECIMALS, "decimal"),
    **dict.fromkeys(_DATES, "date"),
    **dict.fromkeys(_FLAGS, "flag"),
    "amount": "money", "ratio": "ratio", "latitude": "latitude", "longitude": "longitude",
    "top_terms": "list", "top_weights": "list",
}
# notebook 06's side-by-side renames validation columns for a reader; each keeps its column's kind
COLUMN_KINDS.update({shown: COLUMN_KINDS[name] for name, shown in SIDE_BY_SIDE.items() if shown not in COLUMN_KINDS})
# the processed tables whose every column must have a kind (tests/test_display.py checks)
WRITTEN_TABLES = {name: getattr(C, name) for name in dir(C) if name.isupper() and isinstance(getattr(C, name), list)}


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    return False


def column_kind(name, values: pd.Series | None = None) -> str:
    """The kind of a column: by name from ``COLUMN_KINDS``, else from the values' dtype."""
    kind = COLUMN_KINDS.get(name)
    if values is None:
        return kind or "text"
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if kind is not None and not (kind == "text" and numeric):   # 'sentence' is text, or its number
        return kind
    if pd.api.types.is_bool_dtype(values):
        return "flag"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "date"
    if pd.api.types.is_integer_dtype(values):
        return "count"
    if pd.api.types.is_float_dtype(values):
        present = values.dropna()
        return "count" if len(present) and bool((present == present.round()).all()) else "decimal"
    return "text"


# --- one value -------------------------------------------------------------------------------

def format_count(value) -> str:
    """'1,234' (a whole number, even stored as a float); '1,234.5' when it is not whole; '–' when missing."""
    if _missing(value):
        return MISSING
    v = float(value)
    return f"{int(v):,}" if v.is_integer() else f"{v:,.1f}"


def format_percent(value, decimals: int = 1) -> str:
    """A share 0..1 as a percentage: 0.761905 -> '76.2%'; '–' when missing."""
    return MISSING if _missing(value) else f"{float(value) * 100:.{decimals}f}%"


def format_decimal(value, decimals: int = 3) -> str:
    """A float with ``decimals`` places and thousands separators; '–' when missing."""
    return MISSING if _missing(value) else f"{float(value):,.{decimals}f}"


def format_money(amount, currency: str | None = None) -> str:
    """An amount in a readable unit with its currency: (4.11e11, 'USD') -> '$411.0 bn',
    (2.5e6, 'UAH') -> 'UAH 2.5 m', (12500, 'EUR') -> '€12,500'; '–' when missing."""
    if _missing(amount):
        return MISSING
    amount = float(amount)
    number = f"{amount:,.0f}"
    for size, unit in SCALES:
        if abs(amount) >= size:
            number = f"{amount / size:,.1f} {unit}"
            break
    code = "" if _missing(currency) else str(currency).strip()
    symbol = CURRENCY_SYMBOLS.get(code.upper())
    if symbol:
        return f"-{symbol}{number[1:]}" if number.startswith("-") else f"{symbol}{number}"
    return f"{code} {number}" if code else number


def format_date(value) -> str:
    """'2023-03-22' for a date or midnight timestamp, '2023-03-21 23:30' when it has a time; a
    string is kept as written ('2026-01' is a month); '–' when missing."""
    if _missing(value):
        return MISSING
    if isinstance(value, str):
        return value.strip() or MISSING
    if isinstance(value, datetime | pd.Timestamp | np.datetime64):
        ts = pd.Timestamp(value)
        if ts is pd.NaT:
            return MISSING
        return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def format_coordinate(value, axis: str) -> str:
    """Degrees with the hemisphere: (47.8388, 'latitude') -> '47.839° N'; '–' when missing."""
    if _missing(value):
        return MISSING
    v = float(value)
    sides = ("N", "S") if axis == "latitude" else ("E", "W")
    return f"{abs(v):.3f}° {sides[0] if v >= 0 else sides[1]}"


def format_value(column, value, kind: str | None = None) -> str:
    """The text a reader sees for one cell of column ``column`` (its kind from ``COLUMN_KINDS``
    unless given). Money needs the row's currency: see :func:`format_money`."""
    kind = kind or column_kind(column)
    if kind == "list":   # top_terms, top_weights: a list, tuple or (from parquet) an array
        if not isinstance(value, list | tuple | np.ndarray):
            return "" if _missing(value) else str(value)
        return ", ".join(f"{v:.3f}" if isinstance(v, float | np.floating) else str(v) for v in value)
    if kind == "text":
        return "" if _missing(value) else str(value)
    if kind == "id":
        if _missing(value):
            return ""
        return str(int(value)) if isinstance(value, int | np.integer | float | np.floating) else str(value)
    if kind == "count":
        return format_count(value)
    if kind == "percent":
        return format_percent(value)
    if kind == "decimal":
        return format_decimal(value, _DECIMALS.get(column, 3))
    if kind == "money":
        return format_money(value)
    if kind == "ratio":
        return MISSING if _missing(value) else f"{float(value):g}×"
    if kind in ("latitude", "longitude"):
        return format_coordinate(value, kind)
    if kind == "date":
        return format_date(value)
    if kind == "flag":
        return "" if _missing(value) else ("yes" if bool(value) else "no")
    raise ValueError(f"unknown display kind {kind!r} for column {column!r}")


# --- a whole table ---------------------------------------------------------------------------

def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """The table with its index as columns when the index means something (named), else dropped."""
    named = any(n is not None for n in df.index.names)
    return df.reset_index() if named else df.reset_index(drop=True)


def format_table(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every cell the string a reader should see (see the module docstring),
    the index dropped (or made columns when it is named). ``df`` itself is not changed."""
    df = _plain(df)
    out = pd.DataFrame(index=df.index)
    for i, name in enumerate(df.columns):
        values = df.iloc[:, i]
        kind = column_kind(name, values)
        if kind == "money" and "currency" in df.columns:
            cells = [format_money(a, c) for a, c in zip(values, df["currency"])]
        else:
            cells = [format_value(name, v, kind) for v in values]
        out[i] = pd.Series(cells, index=df.index, dtype=object)
    out.columns = [str(c) for c in df.columns]
    return out


class ReaderTable(Styler):
    """A Styler over a formatted copy; its plain-text form is that copy, so a notebook's text
    output is readable (and the same on every run) rather than '<Styler at 0x...>'."""

    def __repr__(self) -> str:
        caption = f"\n{self.caption}" if self.caption else ""
        width = pd.get_option("display.max_colwidth")
        table = self.data.to_string(index=False, max_colwidth=width) if len(self.data) else "  ".join(self.data.columns)
        return table + caption


def show(df: pd.DataFrame, max_rows: int = MAX_ROWS, caption: str | None = None) -> ReaderTable:
    """``df`` as a reader should see it: :func:`format_table` values, numbers right-aligned, text
    left-aligned, long text wrapped in a column of bounded width, no index, at most ``max_rows``
    rows (the caption says how many there are). Every value is HTML-escaped: article text is data.
    """
    total = len(df)
    shown = format_table(df.head(max_rows))
    raw = _plain(df.head(max_rows))
    notes = [caption] if caption else []
    if total > max_rows:
        notes.append(f"The first {max_rows:,} of {total:,} rows.")
    elif total == 0:
        notes.append("No rows.")
    # a stable id, so re-running a notebook leaves its output unchanged, distinct per table
    digest = hashlib.sha1(pd.util.hash_pandas_object(shown, index=False).values.tobytes()
                          + "\x1f".join(shown.columns).encode("utf-8")).hexdigest()[:10]
    styler = ReaderTable(shown, uuid=f"fl{digest}", cell_ids=False, caption=" ".join(notes) or None)
    # a long header may break after an underscore ('mean_compound_<wbr>war'): its text is unchanged
    styler.format(escape="html").hide(axis="index")
    styler.format_index(lambda name: html.escape(str(name)).replace("_", "_<wbr>"), axis=1)
    numeric, unbroken, wrapped = [], [], []   # right-aligned; never broken ('2024-05-14'); long text
    for i in range(shown.shape[1]):
        kind = column_kind(raw.columns[i], raw.iloc[:, i])
        if kind not in ("text", "list", "id", "date", "flag"):
            numeric.append(i)
        elif kind in ("id", "date", "flag"):
            unbroken.append(i)
        elif len(shown) and shown.iloc[:, i].str.len().max() > LONG_TEXT:
            wrapped.append(i)

    def cells(columns, tags=("td",)):  # Styler scopes each comma-separated part to this table
        return ", ".join(f"{tag}.col{i}" for i in columns for tag in tags)

    styles = [{"selector": "td, th", "props": "padding: 3px 8px; vertical-align: top; text-align: left;"},
              {"selector": "caption", "props": "caption-side: bottom; text-align: left; color: #555;"}]
    if numeric:   # a header may wrap ('launched (Air Force)'); a number never does
        styles.append({"selector": cells(numeric, ("th",)), "props": "text-align: right;"})
        styles.append({"selector": cells(numeric),
                       "props": "text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;"})
    if unbroken:
        styles.append({"selector": cells(unbroken), "props": "white-space: nowrap;"})
    if wrapped:
        styles.append({"selector": cells(wrapped),
                       "props": "white-space: normal; min-width: 22em; max-width: 44em;"})
    styler.set_table_styles(styles)
    return styler
