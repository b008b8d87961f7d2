"""Dates: resolve the date of an event from a sentence and the article's publication date.

News text dates events relative to publication ("during Wednesday night", "on Monday",
"last week", "13 months ago"). :func:`resolve_event_date` finds such a phrase, resolves it against
the publication date and keeps both the phrase and the resolved day or window.

The phrases are data: ``helpers/resources/date_phrases.csv`` (columns rule, pattern, example,
note). Rows are tried in file order at each position, so longer phrases come first ("Wednesday
night" before "Wednesday"). Patterns are case-insensitive regexes with placeholders {WD}
(a capitalised weekday), {MON} (a capitalised month or its abbreviation: "May" the verb and
"march" the noun never match), {DAY}, {DAY2}, {YEAR} and {NUM} ("13", "a", "two" ... "twelve");
a regex quantifier's braces are doubled ("[0-9]{{2}}").
The weekday and calendar arithmetic is our own (below), not dateparser's, so every rule is
written down here and tested.

Rules (publication day P; weeks run Monday-Sunday):

- news reports past events: a weekday names the latest such day ON OR BEFORE P ("on Monday" in
  an article of Wednesday 2023-03-22 -> 2023-03-20; "Wednesday" -> P itself); "last Monday" the
  latest one strictly before P.
- nights: ``date`` is the day the night ENDED (the morning), to match Air Force bulletins that are
  grouped by report end date; ``date_start`` is the evening before.
  "overnight", "last night", "during the night" -> the night ending on the morning of P.
  "overnight into/on Wednesday", "in the early hours of Wednesday" -> the night ending on that
  Wednesday's morning.
  "Tuesday night" -> the night starting on Tuesday evening (ending Wednesday); but when the
  weekday is P itself that night has not happened when the article is written, so the phrase
  means the night leading into P: "During Wednesday night" in an article of Wednesday
  2023-03-22 -> 2023-03-21 to 2023-03-22, date 2023-03-22.
  "the night of 21-22 March" -> 21 to 22 March; "on the night of 22 March" -> the night ENDING
  on 22 March, as the Ukrainian Air Force writes it (a translation of "v nich na 22 bereznia").
- "yesterday" P-1, "the day before yesterday" P-2, "today"/"this morning" P, "tomorrow" P+1,
  "N days ago" P-N.
- explicit dates ("21 March", "March 21, 2023"): without a year, the latest such date no more
  than 7 days after P (so "31 December" in a January article is last year's; a date a few days
  ahead is an announced event).
- windows (``date`` None, since no single day is known): "this week"/"earlier this week" Monday
  of P's week to P; "last week" the Monday-Sunday week before; "over the weekend" the latest
  Saturday-Sunday starting on or before P; "this month"/"earlier this month" 1st to P;
  "last month"; "in February" the latest February that began on or before P; "March 2022";
  "this year", "last year", "in 2022".
- durations ago are low precision: "N weeks ago" -> the Monday-Sunday week holding P-7N;
  "13 months ago" -> the whole calendar month 13 months before P's month (2022-02 for P in
  2023-03); "N years ago" -> the calendar year.
- several phrases in one sentence: the narrowest resolved window wins (a night counts as one
  day), then the leftmost: "Overnight, Russia launched 21 drones, the air force said on
  Wednesday" is dated by "Overnight".
- no phrase: ``date_resolved`` False and the publication day stands in as date/start/end
  (None when there is no publication date). A phrase that cannot be resolved (no publication
  date for a relative phrase, "31 April") keeps ``date_phrase`` with dates None and
  ``date_resolved`` False.
- a publication date known only to the month ("2026-01") or the year ("2026"), its
  ``date_precision`` (see :func:`parse_date_precision`): a phrase is resolved against every day
  the publication could have been. When every day gives the same answer ("last year", "in
  February 2025") that answer stands; when the answers differ but all lie inside the publication
  month (or year), the phrase resolves to the window they span, with ``date`` None ("this month"
  in an article of 2026-01 -> 2026-01-01 to 2026-01-31); otherwise ("on Monday", "overnight",
  "yesterday" could fall in the month before) it is not resolved at all. With no phrase, the
  publication month (or year) stands in as date_start/date_end and ``date`` is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

import pandas as pd

from helpers.numbers import number_words, read_resource_csv

PHRASES_FILE = "date_phrases.csv"  # in helpers/resources/

# Columns added by add_event_dates (with the default prefix "event_"); the prefix keeps the
# articles table's own 'date' (publication date) from being overwritten.
DATE_KEYS = ["date_phrase", "date", "date_start", "date_end", "date_resolved"]
DATE_COLUMNS = [f"event_{k}" for k in DATE_KEYS]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
# Number words a date phrase may use ("three days ago"): the units and teens of the suite's one
# number-word table (helpers/resources/number_words.csv), plus the articles that mean one.
NUMBER_WORDS = {w: int(v) for w, (v, kind) in number_words().items() if kind == "unit" and v > 0}
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2})
# How many days after publication an explicit date without a year may lie (announced events).
FUTURE_TOLERANCE_DAYS = 7


def _placeholders(prefix: str) -> dict[str, str]:
    # Abbreviations may carry their dot ("Feb. 24"); a full name never takes the sentence's full stop.
    months = "|".join(m if len(m) > 4 else rf"{m}\.?" for m in sorted(MONTHS, key=len, reverse=True))
    numbers = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in NUMBER_WORDS),
                              key=len, reverse=True))
    return {
        "WD": rf"(?-i:(?P<{prefix}wd>{'|'.join(WEEKDAYS)}))",
        "MON": rf"(?-i:(?P<{prefix}mon>{months}))",
        "DAY": rf"(?P<{prefix}day>[0-3]?\d)(?!\d)",
        "DAY2": rf"(?P<{prefix}day2>[0-3]?\d)(?!\d)",
        "YEAR": rf"(?P<{prefix}year>(?:19|20)\d\d)(?!\d)",
        "NUM": rf"(?P<{prefix}num>\d{{1,3}}|{numbers})",
    }


@lru_cache(maxsize=1)
def phrase_table() -> tuple[tuple[str, str, str], ...]:
    """The rows of ``date_phrases.csv`` as (rule, pattern, example), in priority order."""
    rows = []
    for line_no, row in enumerate(read_resource_csv(PHRASES_FILE), start=2):
        rule, pattern = (row.get("rule") or "").strip(), (row.get("pattern") or "").strip()
        if not rule or not pattern:
            raise ValueError(f"helpers/resources/{PHRASES_FILE} line {line_no}: empty rule or pattern; "
                             "fill both columns or delete the row")
        if _rule_name(rule) not in _RULES:
            raise ValueError(f"helpers/resources/{PHRASES_FILE} line {line_no}: unknown rule {rule!r}; "
                             f"use one of {sorted(_RULES)} (day_offset_N for N days from publication)")
        rows.append((rule, pattern, row.get("example") or ""))
    return tuple(rows)


@lru_cache(maxsize=2)
def _matcher(filtered: bool = True) -> tuple[re.Pattern, tuple[str, ...]]:
    """One compiled alternation over every row (group r<i> is row i) and the row rules; without
    ``filtered`` (for the tests) it is tried at every word, as the filter must not change."""
    parts, rules = [], []
    for i, (rule, pattern, _) in enumerate(phrase_table()):
        prefix = f"r{i}_"
        try:
            body = pattern.format(**_placeholders(prefix))
            re.compile(body, re.IGNORECASE)
        except (KeyError, IndexError, re.error) as exc:
            raise ValueError(f"helpers/resources/{PHRASES_FILE} row {i + 2} ({rule}): bad pattern {pattern!r}: "
                             f"{exc}. Placeholders are {{WD}} {{MON}} {{DAY}} {{DAY2}} {{YEAR}} {{NUM}}; "
                             "write a regex quantifier's braces doubled: [0-9]{{2}}") from exc
        parts.append(rf"(?P<r{i}>{body})")
        rules.append(rule)
    # Trailing letter guard instead of \b: "Feb." ends in a dot. The lookahead is only a filter:
    # the alternation is tried where a word of the table starts, not at every word of the sentence.
    starts = rf"(?={_spelled_words()})" if filtered else ""
    regex = re.compile(rf"\b{starts}(?:{'|'.join(parts)})(?![A-Za-z])", re.IGNORECASE)
    return regex, tuple(rules)


def _spelled_words() -> str:
    """A regex for where a date phrase can begin: a digit, or the start of any word the table's
    patterns spell out in letters or its placeholders stand for (weekdays, months, number words).
    Every phrase begins with one of them, so the filter never drops a match; a pattern must spell
    its words as plain letters ("last", not "[Ll]ast"), which the rows' examples test."""
    words = set()
    for _, pattern, _ in phrase_table():
        bare = re.sub(r"\\.|\{[A-Z0-9]*\}|\(\?[-a-zA-Z]*:|\(\?P<\w+>|\(\?<?[=!]", " ", pattern)
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", bare))
    words.update(w.lower() for w in [*WEEKDAYS, *MONTHS])
    words.update(w.split()[0] for w in NUMBER_WORDS)
    return rf"\d|{'|'.join(sorted(words, key=len, reverse=True))}"


# A cheap prefilter: most sentences carry none of these words and skip the big regex. A new row
# in date_phrases.csv must contain one of them (tests run every row's example through it).
_TRIGGER = re.compile(
    r"day|night|week|month|year|ago|yesterday|today|tonight|tomorrow|morning|evening|"
    r"afternoon|overnight|early hours|\b(?:" + "|".join(MONTHS) + r")\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# --- date arithmetic --------------------------------------------------------------------------

def _most_recent(weekday: int, pub: dt.date) -> dt.date:
    """The latest day with this weekday on or before ``pub``."""
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months_back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - months_back
    return index // 12, index % 12 + 1


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _explicit(day: int, month: int, year: int | None, pub: dt.date | None) -> dt.date | None:
    """A calendar date; without a year, the latest one no more than a week after ``pub``."""
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if pub is None:
        return None
    limit = pub + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1, pub.year - 2):
        try:
            candidate = dt.date(y, month, day)
        except ValueError:  # 29 February in a common year, or "31 April"
            continue
        if candidate <= limit:
            return candidate
    return None


def _num(text: str) -> int:
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


# --- rules: (groups, pub) -> (start, end, is_single_day_or_night) or None ----------------------
# groups holds the placeholder values of the matched row (wd, mon, day, day2, year, num).

def _night_weekday(g, pub):
    day = _most_recent(WEEKDAYS.index(g["wd"]), pub)
    if day == pub:  # tonight has not happened yet: the night leading into the publication day
        return pub - dt.timedelta(days=1), pub, True
    return day, day + dt.timedelta(days=1), True


def _night_into_weekday(g, pub):
    day = _most_recent(WEEKDAYS.index(g["wd"]), pub)
    return day - dt.timedelta(days=1), day, True


def _night_range(g, pub):
    year = int(g["year"]) if g.get("year") else None
    end = _explicit(int(g["day2"]), MONTHS[g["mon"].rstrip(".")], year, pub)
    if end is None or int(g["day"]) > int(g["day2"]):
        return None
    try:
        start = end.replace(day=int(g["day"]))
    except ValueError:
        return None
    return start, end, end - start <= dt.timedelta(days=1)


def _night_into_date(g, pub):
    day = _explicit(int(g["day"]), MONTHS[g["mon"].rstrip(".")], int(g["year"]) if g.get("year") else None, pub)
    return None if day is None else (day - dt.timedelta(days=1), day, True)


def _explicit_date(g, pub):
    day = _explicit(int(g["day"]), MONTHS[g["mon"].rstrip(".")], int(g["year"]) if g.get("year") else None, pub)
    return None if day is None else (day, day, True)


def _month(g, pub):
    month = MONTHS[g["mon"].rstrip(".")]
    if g.get("year"):
        return (*_month_window(int(g["year"]), month), False)
    if pub is None:
        return None
    year = pub.year if month <= pub.month else pub.year - 1
    return (*_month_window(year, month), False)


def _year(g, pub):
    year = int(g["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), False


def _weekday(g, pub):
    day = _most_recent(WEEKDAYS.index(g["wd"]), pub)
    return day, day, True


def _last_weekday(g, pub):
    day = _most_recent(WEEKDAYS.index(g["wd"]), pub - dt.timedelta(days=1))
    return day, day, True


def _days_ago(g, pub):
    day = pub - dt.timedelta(days=_num(g["num"]))
    return day, day, True


def _weeks_ago(g, pub):
    return (*_week_of(pub - dt.timedelta(days=7 * _num(g["num"]))), False)


def _months_ago(g, pub):
    return (*_month_window(*_shift_month(pub.year, pub.month, _num(g["num"]))), False)


def _years_ago(g, pub):
    year = pub.year - _num(g["num"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), False


def _this_week(g, pub):
    return _week_of(pub)[0], pub, False


def _last_week(g, pub):
    return (*_week_of(pub - dt.timedelta(days=7)), False)


def _weekend(g, pub):
    saturday = _most_recent(5, pub)
    return saturday, min(saturday + dt.timedelta(days=1), pub), False


def _this_month(g, pub):
    return pub.replace(day=1), pub, False


def _last_month(g, pub):
    return (*_month_window(*_shift_month(pub.year, pub.month, 1)), False)


def _this_year(g, pub):
    return dt.date(pub.year, 1, 1), pub, False


def _last_year(g, pub):
    return dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), False


def _night_last(g, pub):
    return pub - dt.timedelta(days=1), pub, True


def _night_tonight(g, pub):
    return pub, pub + dt.timedelta(days=1), True


def _day_offset(g, pub, offset=0):
    day = pub + dt.timedelta(days=offset)
    return day, day, True


_RULES = {
    "night_weekday": _night_weekday, "night_into_weekday": _night_into_weekday,
    "night_range": _night_range, "night_into_date": _night_into_date, "night_last": _night_last, "night_tonight": _night_tonight,
    "day_offset": _day_offset, "explicit_date": _explicit_date, "month_year": _month,
    "month": _month, "year": _year, "weekday": _weekday, "last_weekday": _last_weekday,
    "days_ago": _days_ago, "weeks_ago": _weeks_ago, "months_ago": _months_ago,
    "years_ago": _years_ago, "this_week": _this_week, "last_week": _last_week,
    "weekend": _weekend, "this_month": _this_month, "last_month": _last_month,
    "this_year": _this_year, "last_year": _last_year,
}
# Rules that need no publication date when the phrase carries a year.
_ABSOLUTE = {"explicit_date", "night_range", "night_into_date", "month_year", "year"}


def _rule_name(rule: str) -> str:
    return "day_offset" if rule.startswith("day_offset_") else rule


def _apply(rule: str, groups: dict, pub: dt.date | None):
    name = _rule_name(rule)
    if pub is None and not (name in _ABSOLUTE and groups.get("year")):
        return None
    if name == "day_offset":
        return _day_offset(groups, pub, int(rule[len("day_offset_"):]))
    return _RULES[name](groups, pub)


# --- public API -------------------------------------------------------------------------------

PRECISIONS = ("day", "month", "year")
_YEAR_ONLY = re.compile(r"((?:1[89]|2\d)\d\d)")
_YEAR_MONTH = re.compile(r"((?:1[89]|2\d)\d\d)[-/.](0?[1-9]|1[0-2])")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"(?P<mon>{_MONTH_NAMES})\.?,?\s+(?P<year>(?:1[89]|2\d)\d\d)", re.IGNORECASE)
_YEAR_MONTH_NAME = re.compile(rf"(?P<year>(?:1[89]|2\d)\d\d)\s+(?P<mon>{_MONTH_NAMES})\.?", re.IGNORECASE)


def parse_date_precision(value) -> tuple[str | None, str | None]:
    """A publication date as written -> ``(date, precision)``, keeping only what the source gave.

    ``precision`` is 'day' (date 'YYYY-MM-DD'), 'month' ('YYYY-MM': "2026-01", "January 2026",
    "2026/1") or 'year' ('YYYY'); ``(None, None)`` for a missing value, a date without a year
    ("22 March") and anything that is not a date. A full timestamp with a time zone is taken in
    UTC. A missing day is never filled in with the 1st.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    if not text:
        return None, None
    if _YEAR_ONLY.fullmatch(text):
        return text, "year"
    found = _YEAR_MONTH.fullmatch(text)
    if found:
        return f"{found.group(1)}-{int(found.group(2)):02d}", "month"
    found = _MONTH_YEAR.fullmatch(text) or _YEAR_MONTH_NAME.fullmatch(text)
    if found:
        month = MONTHS[next(m for m in MONTHS if m.lower() == found.group("mon").lower())]
        return f"{found.group('year')}-{month:02d}", "month"
    from dateutil import parser as dateutil_parser

    try:  # parsed twice with different defaults: a part that changes was not in the text
        a = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        b = dateutil_parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None, None
    if a.year != b.year:
        return None, None
    if a.month != b.month:
        return f"{a.year:04d}", "year"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}", "month"
    if a.tzinfo is not None:
        a = a.astimezone(dt.timezone.utc)
    return a.date().isoformat(), "day"


def date_in_words(value) -> str | None:
    """A date as a reader writes it, no more precise than its source gave it: '22 March 2023',
    'January 2026' (never '1 January 2026'), '2025'; None when ``value`` is no date (see
    :func:`parse_date_precision`)."""
    date, precision = parse_date_precision(value)
    if date is None:
        return None
    if precision == "year":
        return date
    month = dt.date(int(date[:4]), int(date[5:7]), 1)
    return f"{month:%B %Y}" if precision == "month" else f"{int(date[8:10])} {month:%B %Y}"


def date_span(values) -> tuple[str, str] | None:
    """The first and last of ``values`` that are dates, as :func:`parse_date_precision` writes them
    ('2025' sorts before '2026-01', which sorts before '2026-01-05'), or None when none is."""
    dated = sorted(d for d in (parse_date_precision(v)[0] for v in values) if d is not None)
    return (dated[0], dated[-1]) if dated else None


def publication_window(published) -> tuple[dt.date, dt.date, str] | None:
    """The days a publication date allows: ``(first, last, precision)``, or None when unknown.

    'YYYY-MM-DD' (or a longer ISO string, a date, a datetime) is one day; 'YYYY-MM' the whole
    month; 'YYYY' the whole year. Anything else is an error (see :func:`parse_published`).
    """
    if isinstance(published, str):
        text = published.strip()
        if _YEAR_ONLY.fullmatch(text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), "year"
        found = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if found and 1 <= int(found.group(2)) <= 12:
            return (*_month_window(int(found.group(1)), int(found.group(2))), "month")
    day = parse_published(published)
    return None if day is None else (day, day, "day")


def publication_day(value) -> tuple[str | None, str | None]:
    """The record's date as extraction takes it, and a warning when it cannot be used whole: a
    month-only ("2026-01") or year-only date gives no day to resolve "on Monday" or "overnight"
    against, so relative dates stay unresolved rather than pinned to the first of the month."""
    if value in (None, ""):
        return None, None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, None
    if re.fullmatch(r"\d{4}(-\d{2})?", text):
        return None, f"date {text!r} gives no day: relative dates (\"overnight\", \"on Monday\") are left unresolved"
    return None, f"date {text!r} is not YYYY-MM-DD: it was ignored, and relative dates are left unresolved"


def parse_published(published) -> dt.date | None:
    """A publication date from 'YYYY-MM-DD' (or a longer ISO string), a date/datetime, or None/NaN."""
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return None if pd.isna(published) else published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        text = published.strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"publication date {published!r} is not 'YYYY-MM-DD': fix the "
                             "article's date (articles.date) or pass None") from None
    try:
        if pd.isna(published):
            return None
    except (TypeError, ValueError):
        pass
    raise ValueError(f"publication date {published!r} ({type(published).__name__}) is not a date: "
                     "pass 'YYYY-MM-DD', a datetime.date or None")


def find_date_phrases(sentence: str) -> list[tuple[int, int, str, dict]]:
    """Every date phrase in ``sentence``: (start, end, rule, placeholder values), left to right."""
    if not isinstance(sentence, str) or not _TRIGGER.search(sentence):
        return []
    regex, rules = _matcher()
    found = []
    for m in regex.finditer(sentence):
        row = m.lastgroup  # the outer r<i> group closes last
        i = int(row[1:])
        prefix = f"r{i}_"
        groups = {k[len(prefix):]: v for k, v in m.groupdict().items() if k.startswith(prefix) and v}
        start, end = m.span()
        found.append((start, end, rules[i], groups))
    return found


def _resolve_over(rule: str, groups: dict, days: list[dt.date], first: dt.date, last: dt.date):
    """Resolve a phrase for every possible publication day: one answer when all agree, the
    window they span when it lies inside [first, last], else None (see the module doc)."""
    answers = {_apply(rule, groups, day) for day in days}
    if None in answers or not answers:
        return None
    if len(answers) == 1:
        return answers.pop()
    lo, hi = min(a[0] for a in answers), max(a[1] for a in answers)
    if first <= lo and hi <= last:
        return lo, hi, False
    return None


def resolve_event_date(sentence: str, published: str | dt.date | None) -> dict:
    """Resolve the event date of ``sentence`` against its article's publication date.

    Returns {date_phrase, date, date_start, date_end, date_resolved}: the phrase as written
    (e.g. "During Wednesday night") or None; 'YYYY-MM-DD' strings for the event day (a night's
    END day; None for a window wider than one day or night) and the inclusive window; and
    whether a phrase was found and resolved. ``published`` may be a day, a month ('YYYY-MM')
    or a year ('YYYY'). The rules are in the module docstring.
    """
    window = publication_window(published)
    pub = window[0] if window and window[2] == "day" else None
    days: list[dt.date] = []
    if window and window[2] != "day":
        days = [window[0] + dt.timedelta(days=n) for n in range((window[1] - window[0]).days + 1)]
    candidates = []
    for start, end, rule, groups in find_date_phrases(sentence):
        if days:
            resolved = _resolve_over(rule, groups, days, window[0], window[1])
        else:
            resolved = _apply(rule, groups, pub)
        phrase = sentence[start:end].strip()
        if resolved is None:
            candidates.append(((1, 0, start), phrase, None))
        else:
            first, last, single = resolved
            width = 0 if single else (last - first).days  # a night is as precise as a day
            candidates.append(((0, width, start), phrase, resolved))
    if not candidates:
        if window and window[2] != "day":  # the month (or year) stands in; no single day is known
            return {"date_phrase": None, "date": None, "date_start": window[0].isoformat(),
                    "date_end": window[1].isoformat(), "date_resolved": False}
        iso = pub.isoformat() if pub else None
        return {"date_phrase": None, "date": iso, "date_start": iso, "date_end": iso,
                "date_resolved": False}
    _, phrase, resolved = min(candidates, key=lambda c: c[0])
    if resolved is None:
        return {"date_phrase": phrase, "date": None, "date_start": None, "date_end": None,
                "date_resolved": False}
    first, last, single = resolved
    return {"date_phrase": phrase, "date": last.isoformat() if single else None,
            "date_start": first.isoformat(), "date_end": last.isoformat(), "date_resolved": True}


def add_event_dates(df: pd.DataFrame, published_col: str = "published", text_col: str = "sentence",
                    prefix: str = "event_") -> pd.DataFrame:
    """A copy of ``df`` with the event-date columns (``DATE_COLUMNS``: event_date_phrase,
    event_date, event_date_start, event_date_end, event_date_resolved) from
    :func:`resolve_event_date` applied to each row's text and publication date."""
    missing = [c for c in (published_col, text_col) if c not in df.columns]
    if missing:
        raise KeyError(f"add_event_dates: column(s) {missing} not in the table (columns: "
                       f"{list(df.columns)}); pass published_col= / text_col=")
    rows = []
    for idx, text, published in zip(df.index, df[text_col], df[published_col]):
        try:
            rows.append(resolve_event_date(text, published))
        except ValueError as exc:
            raise ValueError(f"add_event_dates: row {idx!r}: {exc}") from None
    out = df.copy()
    for key in DATE_KEYS:
        values = [r[key] for r in rows]
        out[f"{prefix}{key}"] = pd.Series(values, index=df.index, dtype="bool" if key == "date_resolved" else "object")
    return out
