"""Event dates resolved against the publication date: the seed article and hand-written cases."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from helpers.dates import (
    DATE_COLUMNS,
    add_event_dates,
    find_date_phrases,
    _matcher,
    phrase_table,
    resolve_event_date,
)
from helpers.ingest import split_sentences

SEED = Path(__file__).resolve().parents[1] / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt"
PUB = "2023-03-22"  # a Wednesday


def window(phrase, date, start, end, resolved=True):
    return {"date_phrase": phrase, "date": date, "date_start": start, "date_end": end,
            "date_resolved": resolved}


@pytest.fixture(scope="module")
def seed_sentences():
    sentences = [s for _, _, s in split_sentences(SEED.read_text(encoding="utf-8"))]
    assert len(sentences) == 32
    return sentences


# --- the seed article ------------------------------------------------------------------------

def test_seed_shahed_attack_is_the_night_of_21_22_march(seed_sentences):
    sentence = seed_sentences[9]
    assert sentence.startswith("During Wednesday night, air raid sirens")
    assert resolve_event_date(sentence, PUB) == window(
        "During Wednesday night", "2023-03-22", "2023-03-21", "2023-03-22")


def test_seed_on_wednesday_is_the_publication_day(seed_sentences):
    assert resolve_event_date(seed_sentences[1], PUB) == window(
        "on Wednesday", "2023-03-22", "2023-03-22", "2023-03-22")


def test_seed_zaporizhzhia_strike_has_no_phrase_and_falls_back(seed_sentences):
    sentence = seed_sentences[10]
    assert "Zaporizhzhya" in sentence
    assert resolve_event_date(sentence, PUB) == window(None, PUB, PUB, PUB, resolved=False)


def test_seed_this_week_beats_13_months_ago_as_narrower(seed_sentences):
    sentence = seed_sentences[21]
    assert "13 months ago" in sentence and "this week" in sentence
    assert resolve_event_date(sentence, PUB) == window("this week", None, "2023-03-20", "2023-03-22")


def test_seed_may_the_verb_is_not_a_month(seed_sentences):
    assert "may have gained" in seed_sentences[8]
    assert resolve_event_date(seed_sentences[8], PUB)["date_phrase"] is None


def test_seed_resolved_phrases(seed_sentences):
    found = {i: resolve_event_date(s, PUB)["date_phrase"] for i, s in enumerate(seed_sentences)
             if resolve_event_date(s, PUB)["date_resolved"]}
    assert found == {1: "on Wednesday", 3: "Wednesday", 9: "During Wednesday night", 12: "Today",
                     21: "this week", 23: "Today"}


# --- weekdays ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("A missile hit Odesa on Monday.", "2023-03-20"),        # weekday before publication
    ("A missile hit Odesa on Friday.", "2023-03-17"),        # weekday after it: the previous Friday
    ("A missile hit Odesa on Wednesday.", "2023-03-22"),     # the publication day itself
    ("A missile hit Odesa last Wednesday.", "2023-03-15"),   # 'last': strictly before
    ("A missile hit Odesa last Monday.", "2023-03-20"),
    ("Late on Tuesday evening a missile hit Odesa.", "2023-03-21"),
])
def test_weekday_is_latest_on_or_before_publication(sentence, expected):
    result = resolve_event_date(sentence, PUB)
    assert (result["date"], result["date_start"], result["date_end"], result["date_resolved"]) == (
        expected, expected, expected, True)


# --- nights ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, start, end", [
    ("Drones attacked Kyiv overnight.", "overnight", "2023-03-21", "2023-03-22"),
    ("Sirens sounded last night in Lviv.", "last night", "2023-03-21", "2023-03-22"),
    ("Russia struck overnight into Monday.", "overnight into Monday", "2023-03-19", "2023-03-20"),
    ("Russia struck on Monday night.", "on Monday night", "2023-03-20", "2023-03-21"),
    ("Russia struck on Tuesday night.", "on Tuesday night", "2023-03-21", "2023-03-22"),
    ("Russia struck on Thursday night.", "on Thursday night", "2023-03-16", "2023-03-17"),
    ("Russia struck on the night of 21-22 March.", "on the night of 21-22 March", "2023-03-21", "2023-03-22"),
    ("Russia attacked on the night of March 22, 2023.", "on the night of March 22, 2023", "2023-03-21", "2023-03-22"),
    ("In the early hours of Wednesday drones hit Kyiv.", "In the early hours of Wednesday", "2023-03-21", "2023-03-22"),
])
def test_night_window_dated_by_its_morning(sentence, phrase, start, end):
    assert resolve_event_date(sentence, PUB) == window(phrase, end, start, end)


# --- other days and windows --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, date, start, end", [
    ("Two people died yesterday.", "yesterday", "2023-03-21", "2023-03-21", "2023-03-21"),
    ("Two people died today.", "today", "2023-03-22", "2023-03-22", "2023-03-22"),
    ("Two people died three days ago.", "three days ago", "2023-03-19", "2023-03-19", "2023-03-19"),
    ("Two people died on 21 March.", "on 21 March", "2023-03-21", "2023-03-21", "2023-03-21"),
    ("Two people died on March 21, 2023.", "on March 21, 2023", "2023-03-21", "2023-03-21", "2023-03-21"),
    ("Two people died on Feb. 24.", "on Feb. 24", "2023-02-24", "2023-02-24", "2023-02-24"),
    ("Talks resume on March 25.", "on March 25", "2023-03-25", "2023-03-25", "2023-03-25"),
    ("Two people died on 30 March.", "on 30 March", "2022-03-30", "2022-03-30", "2022-03-30"),
    ("Shelling killed five last week.", "last week", None, "2023-03-13", "2023-03-19"),
    ("Shelling killed five earlier this month.", "earlier this month", None, "2023-03-01", "2023-03-22"),
    ("Shelling killed five over the weekend.", "over the weekend", None, "2023-03-18", "2023-03-19"),
    ("Shelling killed five last month.", "last month", None, "2023-02-01", "2023-02-28"),
    ("Shelling killed five in December.", "in December", None, "2022-12-01", "2022-12-31"),
    ("Shelling killed five in March 2022.", "in March 2022", None, "2022-03-01", "2022-03-31"),
    ("The invasion began 13 months ago.", "13 months ago", None, "2022-02-01", "2022-02-28"),
    ("The invasion began a year ago.", "a year ago", None, "2022-01-01", "2022-12-31"),
])
def test_days_and_windows(sentence, phrase, date, start, end):
    assert resolve_event_date(sentence, PUB) == window(phrase, date, start, end)


def test_explicit_date_without_year_wraps_to_last_year():
    assert resolve_event_date("It happened on 31 December.", "2023-01-03")["date"] == "2022-12-31"


def test_narrowest_phrase_wins_over_leftmost():
    result = resolve_event_date("Last year's offensive stalled, and on Monday a drone hit Sumy.", PUB)
    assert result == window("on Monday", "2023-03-20", "2023-03-20", "2023-03-20")


def test_a_night_is_as_precise_as_a_day_so_the_leftmost_wins():
    result = resolve_event_date("Overnight, Russia launched 21 drones, the air force said on Wednesday.", PUB)
    assert result == window("Overnight", "2023-03-22", "2023-03-21", "2023-03-22")


def test_lower_case_march_and_may_are_not_months():
    assert resolve_event_date("Troops march on; it may rain in 2 may.", PUB)["date_phrase"] is None


# --- missing or bad publication dates ---------------------------------------------------------

def test_no_publication_date():
    assert resolve_event_date("Drones hit Kyiv overnight.", None) == window("overnight", None, None, None, False)
    assert resolve_event_date("No date here.", None) == window(None, None, None, None, False)
    # an explicit date with a year needs no publication date
    assert resolve_event_date("Drones hit Kyiv on 21 March 2023.", None) == window(
        "on 21 March 2023", "2023-03-21", "2023-03-21", "2023-03-21")


def test_impossible_date_is_kept_but_unresolved():
    assert resolve_event_date("Shelling on 31 April.", PUB) == window("on 31 April", None, None, None, False)


def test_publication_date_types():
    expected = resolve_event_date("yesterday", PUB)
    assert resolve_event_date("yesterday", dt.date(2023, 3, 22)) == expected
    assert resolve_event_date("yesterday", dt.datetime(2023, 3, 22, 18, 5)) == expected
    assert resolve_event_date("yesterday", "2023-03-22T18:05:00Z") == expected
    assert resolve_event_date("yesterday", pd.Timestamp("2023-03-22")) == expected
    assert resolve_event_date("yesterday", float("nan"))["date_resolved"] is False


def test_bad_publication_date_names_the_value():
    with pytest.raises(ValueError, match="'22/03/2023' is not 'YYYY-MM-DD'"):
        resolve_event_date("yesterday", "22/03/2023")


# --- the phrase table and the DataFrame helper ------------------------------------------------

def test_every_phrase_table_example_matches_its_own_row():
    for rule, _, example in phrase_table():
        found = find_date_phrases(f"X {example} Y")
        assert [(f[2], f"X {example} Y"[f[0]:f[1]]) for f in found] == [(rule, example)], example


def test_the_word_filter_finds_what_the_whole_alternation_finds():
    # the filter lets the alternation start only at a digit or a word the table spells out
    sentences = [f"X {example} Y" for _, _, example in phrase_table()] + [
        "Late on Monday evening, during the night of 21-22 March 2023, drones hit Kyiv.",
        "A couple of days ago and three weeks ago; mid-March, in late February, Feb. 24.",
        "The attack came overnight into Wednesday, in the early hours of Sunday, last weekend.",
        "Earlier this year, and the previous month, over the weekend 12 people died on 3rd of May.",
    ]
    for text in sentences:
        spans = [m.span() for m in _matcher()[0].finditer(text)]
        assert spans == [m.span() for m in _matcher(filtered=False)[0].finditer(text)], text
        assert spans, text


def test_add_event_dates():
    df = pd.DataFrame({"sentence": ["Drones hit Kyiv overnight.", "No date.", "On Monday."],
                       "published": [PUB, PUB, None]}, index=[10, 11, 12])
    out = add_event_dates(df)
    assert list(out.columns) == ["sentence", "published", *DATE_COLUMNS]
    assert list(out.index) == [10, 11, 12]
    assert out["event_date"].tolist() == ["2023-03-22", PUB, None]
    assert out["event_date_start"].tolist() == ["2023-03-21", PUB, None]
    assert out["event_date_phrase"].tolist() == ["overnight", None, "On Monday"]
    assert out["event_date_resolved"].tolist() == [True, False, False]


def test_add_event_dates_errors_name_column_and_row():
    with pytest.raises(KeyError, match="'published'"):
        add_event_dates(pd.DataFrame({"sentence": ["x"]}))
    df = pd.DataFrame({"sentence": ["x"], "published": ["March 22"]}, index=["d80b:3"])
    with pytest.raises(ValueError, match="row 'd80b:3'"):
        add_event_dates(df)


# --- publication dates of lower precision (a month, a year) -------------------------------------

from helpers.dates import parse_date_precision, publication_day, publication_window  # noqa: E402


@pytest.mark.parametrize("value, expected", [
    ("2026-01-05", ("2026-01-05", "day")),
    ("2023-03-22T23:30:00+02:00", ("2023-03-22", "day")),  # taken in UTC, as before
    ("Tue, 21 Mar 2023 10:00:00 GMT", ("2023-03-21", "day")),
    (dt.date(2024, 2, 29), ("2024-02-29", "day")),
    ("2026-01", ("2026-01", "month")),
    ("2026/1", ("2026-01", "month")),
    ("January 2026", ("2026-01", "month")),
    ("Jan. 2026", ("2026-01", "month")),
    ("2026", ("2026", "year")),
    ("22 March", (None, None)),   # no year: any year would be a guess
    ("2026-13", (None, None)),
    ("2023-02-30", (None, None)),
    ("the day after", (None, None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_parse_date_precision(value, expected):
    assert parse_date_precision(value) == expected


def test_publication_window():
    assert publication_window("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28), "month")
    assert publication_window("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
    assert publication_window("2023-03-22") == (dt.date(2023, 3, 22), dt.date(2023, 3, 22), "day")
    assert publication_window(None) is None


@pytest.mark.parametrize("sentence, expected", [
    # the same answer for every day of January 2026
    ("It happened last month.", window("last month", None, "2025-12-01", "2025-12-31")),
    ("In February the lines held.", window("In February", None, "2025-02-01", "2025-02-28")),
    ("On 21 March 2023 it rained.", window("On 21 March 2023", "2023-03-21", "2023-03-21", "2023-03-21")),
    # answers that differ but stay inside the month: the window they span
    ("It happened earlier this month.", window("earlier this month", None, "2026-01-01", "2026-01-31")),
    # answers that could fall in December: not resolved at all
    ("Drones attacked overnight.", window("overnight", None, None, None, resolved=False)),
    ("It happened on Monday.", window("on Monday", None, None, None, resolved=False)),
    ("It happened yesterday.", window("yesterday", None, None, None, resolved=False)),
    ("It happened last week.", window("last week", None, None, None, resolved=False)),
    # no phrase: the month stands in, no day is invented
    ("Two people were killed.", window(None, None, "2026-01-01", "2026-01-31", resolved=False)),
])
def test_a_month_only_publication_resolves_within_that_month_or_not_at_all(sentence, expected):
    assert resolve_event_date(sentence, "2026-01") == expected


def test_a_year_only_publication():
    assert resolve_event_date("It happened last year.", "2026") == window("last year", None, "2025-01-01", "2025-12-31")
    assert resolve_event_date("It happened this month.", "2026") == window("this month", None, "2026-01-01", "2026-12-31")
    assert resolve_event_date("In February it rained.", "2026") == window("In February", None, None, None, resolved=False)
    assert resolve_event_date("Nothing dated.", "2026") == window(None, None, "2026-01-01", "2026-12-31", resolved=False)


def test_add_event_dates_takes_month_only_rows():
    df = pd.DataFrame({"sentence": ["Drones attacked overnight.", "It happened last month."],
                       "published": ["2026-01", "2026-01"]})
    out = add_event_dates(df)
    assert out["event_date_resolved"].tolist() == [False, True]
    assert out["event_date_start"].tolist() == [None, "2025-12-01"]


def test_publication_day_is_unchanged():
    """The CLI's reading of a record's date stays as it was: day only, a warning otherwise."""
    assert publication_day("2026-01-05") == ("2026-01-05", None)
    date, warning = publication_day("2026-01")
    assert date is None and "gives no day" in warning
    date, warning = publication_day("soon")
    assert date is None and "not YYYY-MM-DD" in warning
    assert publication_day(None) == (None, None)


def test_a_date_in_words_is_as_precise_as_its_source():
    from helpers.dates import date_in_words, date_span

    assert [date_in_words(v) for v in ("2023-03-22", "2026-01", "2025", None, "22 March")] == \
        ["22 March 2023", "January 2026", "2025", None, None]
    assert date_span(["2026-01-05", None, "2025", "2026-01"]) == ("2025", "2026-01-05")
    assert date_span([None, "soon"]) is None
