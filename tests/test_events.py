"""Events, not reports: the fixture corpus tests/data/events_corpus (written for these tests) run
through the real ingest and extractor, then helpers.events.build_events.

The corpus: one missile strike on an Odesa apartment building reported by four articles on
14 May 2024 with a toll rising 3 -> 7 -> 9 (one of them placing it "in the Odesa region"), and
repeated on the 15th (once with no day named); one night's Shahed drones told by two outlets as 25 and 24 of 31; a Russian
claim about the same night; Kharkiv on 16 May with a glide bomb on a supermarket (two reports), a
morning and an evening drone strike on residential buildings, and a summary of the day that could
be any of them; an undated drone strike on Sumy; a cumulative total kept apart.
"""

import shutil

import pandas as pd
import pytest

from helpers.columns import EVENT_REPORTS, EVENTS
from helpers.events import build_events, time_of_day
from helpers.extract import extract_casualties, extract_interceptions
from helpers.ingest import ingest_corpus
from helpers.pipeline import run_events, run_extraction, run_ingest
from tests.conftest import REPO

EVENTS_CORPUS = REPO / "tests/data/events_corpus"
UNDATED = "undated: no date phrase, the publication date stands in"
AMBIGUOUS = "ambiguous: agrees with more than one event"
ODESA_HISTORY = ("killed: 3 (Black Sea Wire, 2024-05-14) -> 7 (Harbour Times, 2024-05-14) -> "
                 "9 (Black Sea Wire, 2024-05-14); injured: 12 (Black Sea Wire, 2024-05-14) -> "
                 "20 (Kyiv Ledger, 2024-05-14)")


def extracted(corpus_dir):
    articles, sentences, report = ingest_corpus(corpus_dir)
    assert report.empty
    return extract_casualties(sentences, articles), extract_interceptions(sentences, articles), articles


@pytest.fixture(scope="module")
def tables():
    return extracted(EVENTS_CORPUS)


@pytest.fixture(scope="module")
def built(tables):
    return build_events(*tables)


def summary(events: pd.DataFrame) -> list[tuple]:
    cols = ["kind", "date", "location", "weapon_class", "time_of_day", "claimant", "killed", "injured",
            "launched", "intercepted", "n_reports", "n_outlets", "first_report", "last_report", "status", "flag"]
    return [tuple(None if pd.isna(v) else v for v in row) for row in events[cols].itertuples(index=False)]


def test_fixture_corpus_gives_exactly_the_expected_events(built):
    events, _ = built
    assert list(events.columns) == EVENTS
    assert summary(events) == [
        ("air defence", "2024-05-15", None, "drone", "night", "Russian Ministry of Defence", None, None,
         None, 40, 1, 1, "2024-05-15", "2024-05-15", "consistent", None),
        ("air defence", "2024-05-15", None, "drone", "night", "Ukrainian Air Force", None, None,
         31, 24, 2, 2, "2024-05-15", "2024-05-15", "conflicting", None),
        ("strike", "2024-05-14", "Odesa", "missile", "morning", None, 9, 20,
         None, None, 5, 3, "2024-05-14", "2024-05-15", "revised", None),
        ("strike", "2024-05-15", "Odesa", "missile", None, None, 9, None,
         None, None, 1, 1, "2024-05-15", "2024-05-15", "consistent", UNDATED),
        ("strike", "2024-05-16", "Kharkiv", None, None, None, 2, 8,
         None, None, 1, 1, "2024-05-16", "2024-05-16", "consistent", AMBIGUOUS),
        ("strike", "2024-05-16", "Kharkiv", "drone", "morning", None, None, 5,
         None, None, 1, 1, "2024-05-16", "2024-05-16", "consistent", None),
        ("strike", "2024-05-16", "Kharkiv", "drone", "evening", None, None, 3,
         None, None, 1, 1, "2024-05-16", "2024-05-16", "consistent", None),
        ("strike", "2024-05-16", "Kharkiv", "guided bomb", "afternoon", None, 2, None,
         None, None, 2, 2, "2024-05-16", "2024-05-16", "consistent", None),
        ("strike", "2024-05-17", "Sumy", "drone", None, None, 1, None,
         None, None, 1, 1, "2024-05-17", "2024-05-17", "consistent", UNDATED),
    ]


def test_a_rising_toll_keeps_its_history_and_the_latest_figure(built):
    events, reports = built
    odesa = events[(events["location"] == "Odesa") & events["flag"].isna()].iloc[0]
    assert odesa["history"] == ODESA_HISTORY
    assert odesa["admin1"] == "Odesa Oblast"
    members = reports[reports["event_id"] == odesa["event_id"]]
    # The report placing it "in the Odesa region" joined the Odesa strike; the next day's repeat too.
    assert sorted(zip(members["article_id"], members["location"], members["killed"])) == [
        ("2024-05-14_odesa-a", "Odesa", 3), ("2024-05-14_odesa-b", "Odesa", 7),
        ("2024-05-14_odesa-c", "Odesa Oblast", 7), ("2024-05-14_odesa-d", "Odesa", 9),
        ("2024-05-15_odesa-repeat", "Odesa", 9)]


def test_differing_counts_of_one_night_are_conflicting_and_both_shown(built):
    events, _ = built
    night = events[events["claimant"] == "Ukrainian Air Force"].iloc[0]
    assert night["history"] == "intercepted: 24 (Harbour Times, 2024-05-15) vs 25 (Kyiv Ledger, 2024-05-15)"
    assert events["history"].notna().sum() == 2  # only the Odesa toll and this night have more than one figure


def test_every_extracted_row_is_in_event_reports_and_totals_are_kept_apart(tables, built):
    casualties, interceptions, articles = tables
    _, reports = built
    assert list(reports.columns) == EVENT_REPORTS
    assert len(reports) == len(casualties) + len(interceptions) == 16
    apart = reports[reports["event_id"].isna()]
    assert list(zip(apart["article_id"], apart["role"], apart["killed"])) == [
        ("2024-05-14_odesa-d", "kept apart: cumulative total", 100)]
    assert set(reports.loc[reports["event_id"].notna(), "role"]) == {"counted"}
    # Provenance holds: every report's span points into its article's text and its sentence.
    text = dict(zip(articles["article_id"], articles["text"]))
    for r in reports.itertuples():
        assert text[r.article_id][r.char_start:r.char_end] in r.sentence


def test_claims_of_different_sides_are_never_merged(tables):
    casualties, interceptions, articles = tables
    # Even with the Russian claim's weapon and figures made identical to the Air Force's.
    same = interceptions.copy()
    ru = same["claimant"] == "Russian Ministry of Defence"
    same.loc[ru, ["weapon", "launched", "intercepted"]] = ["Shahed drone", 31, 25]
    events, _ = build_events(casualties, same, articles)
    air = events[events["kind"] == "air defence"]
    assert sorted(air["claimant"]) == ["Russian Ministry of Defence", "Ukrainian Air Force"]


def test_partition_invariance_halves_processed_apart_then_combined(tables, tmp_path):
    casualties, interceptions, articles = tables
    files = sorted(EVENTS_CORPUS.iterdir())
    halves = [files[::2], files[1::2]]  # each story is split across the two halves
    parts = []
    for n, half in enumerate(halves):
        folder = tmp_path / f"half{n}"
        folder.mkdir()
        for f in half:
            shutil.copy(f, folder / f.name)
        parts.append(extracted(folder))
    combined = [pd.concat([p[k] for p in parts], ignore_index=True) for k in range(3)]
    whole_events, whole_reports = build_events(casualties, interceptions, articles)
    events, reports = build_events(*combined)
    pd.testing.assert_frame_equal(events, whole_events)
    pd.testing.assert_frame_equal(reports, whole_reports)
    # Row order does not matter either.
    shuffled = build_events(casualties.sample(frac=1, random_state=1), interceptions.iloc[::-1], articles)
    pd.testing.assert_frame_equal(shuffled[0], whole_events)


def test_publication_time_orders_reports_and_a_falling_toll_conflicts(tables):
    casualties, interceptions, articles = tables
    # Had the nine-dead report come out first, the 3 and 7 after it contradict it.
    timed = articles.assign(published=articles["date"] + " 12:00")
    timed.loc[timed["article_id"] == "2024-05-14_odesa-d", "published"] = "2024-05-14 06:00"
    events, _ = build_events(casualties, interceptions, timed)
    odesa = events[(events["location"] == "Odesa") & events["flag"].isna()].iloc[0]
    assert (odesa["status"], odesa["killed"], odesa["first_report"]) == ("conflicting", 3, "2024-05-14 06:00")
    assert odesa["history"].startswith("killed: 9 (Black Sea Wire, 2024-05-14 06:00) vs 3 (Black Sea Wire, ")


def test_tolls_of_one_day_that_cross_are_conflicting(tables):
    casualties, interceptions, articles = tables
    crossed = casualties.copy()
    crossed.loc[crossed["article_id"] == "2024-05-14_odesa-a", "injured"] = 30  # 3 killed 30 hurt, then 7 and 20
    events, _ = build_events(crossed, interceptions, articles)
    odesa = events[(events["location"] == "Odesa") & events["flag"].isna()].iloc[0]
    assert (odesa["status"], odesa["killed"], odesa["injured"]) == ("conflicting", 9, 20)
    assert odesa["history"].endswith("injured: 30 (Black Sea Wire, 2024-05-14) vs 20 (Kyiv Ledger, 2024-05-14)")


def test_a_toll_superseded_in_its_article_is_listed_but_not_counted(tables):
    casualties, interceptions, articles = tables
    marked = casualties.copy()
    marked.loc[marked["article_id"] == "2024-05-14_odesa-a", "superseded"] = True
    events, reports = build_events(marked, interceptions, articles)
    odesa = events[(events["location"] == "Odesa") & events["flag"].isna()].iloc[0]
    assert (odesa["n_reports"], odesa["killed"], odesa["injured"]) == (4, 9, 20)
    assert odesa["history"] == ("killed: 7 (Harbour Times, 2024-05-14) -> 9 (Black Sea Wire, 2024-05-14)")
    row = reports[reports["article_id"] == "2024-05-14_odesa-a"].iloc[0]
    assert (row["event_id"], row["role"]) == (odesa["event_id"], "superseded in its article")


def test_undated_rows_stay_events_of_their_own(tables):
    casualties, interceptions, articles = tables
    sumy = casualties[casualties["location"] == "Sumy"]
    twice = pd.concat([casualties, sumy.assign(article_id="sumy-copy")], ignore_index=True)
    events, _ = build_events(twice, interceptions, articles)
    assert (events["flag"] == UNDATED).sum() == 3


def test_undated_rows_may_match_within_the_days_before_publication(tables, built):
    events, _ = build_events(*tables, undated_window_days=1)
    odesa = events[events["location"] == "Odesa"]
    # The undated nine-dead report of the 15th joins the strike of the 14th, which keeps its day.
    assert summary(odesa) == [("strike", "2024-05-14", "Odesa", "missile", "morning", None, 9, 20, None, None,
                               6, 3, "2024-05-14", "2024-05-15", "revised", None)]
    assert odesa.iloc[0]["history"] == ODESA_HISTORY
    # Sumy has no other report: alone, dated only by the window, flagged.
    sumy = events[events["location"] == "Sumy"].iloc[0]
    assert (sumy["date"], sumy["date_start"], sumy["date_end"], sumy["flag"]) == (
        None, "2024-05-16", "2024-05-17", "undated: matched within the days before publication")
    # Everything else is as without the window.
    others = built[0][~built[0]["location"].isin(["Odesa", "Sumy"])]
    assert summary(events[~events["location"].isin(["Odesa", "Sumy"])]) == summary(others)


def test_run_events_writes_both_tables(tmp_path):
    shutil.copytree(EVENTS_CORPUS, tmp_path / "corpus")
    run_ingest(tmp_path / "corpus", tmp_path / "processed")
    run_extraction(tmp_path / "processed")
    # the default window of one day lets the undated Odesa report join its strike (8 events);
    # without the window it stays an event of its own (9)
    events, reports = run_events(tmp_path / "processed")
    assert len(events) == 8 and len(reports) == 16
    assert len(run_events(tmp_path / "processed", undated_window_days=None)[0]) == 9
    events, reports = run_events(tmp_path / "processed")
    on_disk = pd.read_parquet(tmp_path / "processed/events.parquet")
    assert list(on_disk.columns) == EVENTS
    assert summary(on_disk) == summary(events)
    assert list(pd.read_parquet(tmp_path / "processed/event_reports.parquet").columns) == EVENT_REPORTS


def test_no_rows_give_empty_tables_with_their_columns():
    events, reports = build_events(None, None, None)
    assert (list(events.columns), len(events)) == (EVENTS, 0)
    assert (list(reports.columns), len(reports)) == (EVENT_REPORTS, 0)


@pytest.mark.parametrize("phrase, expected", [
    ("on Thursday afternoon", "afternoon"), ("overnight", "night"), ("During Wednesday night", "night"),
    ("in the early hours of Wednesday", "night"), ("this morning", "morning"), ("on Tuesday", None), (None, None)])
def test_time_of_day(phrase, expected):
    assert time_of_day(phrase) == expected


# --- views the notebooks draw from the events --------------------------------------------------

def test_strike_totals_count_each_strike_once_with_its_reports(tables):
    from helpers.events import strike_totals

    events, _ = build_events(*tables, undated_window_days=1)
    totals = strike_totals(events).set_index("location")
    # Odesa: one strike told by six articles (the undated one joins it), its latest toll 9 killed, 20 injured
    assert (totals.loc["Odesa", "events"], totals.loc["Odesa", "killed"], totals.loc["Odesa", "injured"]) == (1, 9, 20)
    assert totals.loc["Odesa", "reports"] == 6 and totals.loc["Odesa", "updated"] == 1
    assert list(totals.index)[0] == "Odesa"  # largest killed + injured first


def test_air_defence_totals_rate_over_events_and_leave_the_conflict_low(built):
    from helpers.events import air_defence_totals

    events, _ = built
    totals = air_defence_totals(events)
    row = totals[totals["weapon_class"] == "drone"].iloc[0]
    # the Ukrainian night (24 vs 25 of 31, conflicting: the lowest stands) and the Russian claim,
    # which states no launched count and is left out of the rate
    assert (row["launched"], row["intercepted"], row["label"], row["left_out"]) == (31, 24, "24 of 31 = 77.4%", 1)


def test_reported_totals_are_shown_apart_and_never_added(built):
    from helpers.events import reported_totals

    _, reports = built
    kept = reported_totals(reports)
    assert kept[["figure_type", "kind", "killed"]].values.tolist() == [["cumulative", "strike", 100]]
    assert kept["sentence"].str.contains("100").all()


def test_the_map_counts_each_strike_once(tables):
    from helpers.charts import locator_points
    from helpers.events import strike_points

    events, _ = build_events(*tables, undated_window_days=1)
    points = locator_points(strike_points(events)).set_index(["location", "weapon_class"])
    # six reports of the Odesa strike make one circle of its latest toll, not six
    assert points.loc[("Odesa", "missile"), "total"] == 29
    assert points.loc[("Kharkiv", "drone"), "total"] == 8  # two drone strikes that day, summed


def test_validation_checks_each_claim_once_and_never_the_other_side(built):
    from helpers.events import air_defence_claims
    from helpers.reference import load_reference, match_interceptions

    events, reports = built
    claims = air_defence_claims(events, reports)
    # the Ukrainian night told by two outlets is one claim, with its lowest (conflicting) count
    got = [[c, None if pd.isna(n) else n, i, r] for c, n, i, r in
           claims[["claimant", "launched", "intercepted", "n_reports"]].itertuples(index=False)]
    assert got == [["Russian Ministry of Defence", None, 40, 1], ["Ukrainian Air Force", 31, 24, 2]]
    ref = load_reference(REPO / "data/raw/reference/missile_attacks_daily.csv")
    assert match_interceptions(claims, ref)["status"].tolist()[0] == "no reference for this claimant"


def test_a_vague_count_is_kept_apart_and_never_a_strike(tables):
    # "scores of civilians were killed in Bucha" reads 20 by ACLED's rule: no stated count to add up
    casualties, interceptions, articles = tables
    marked = casualties.copy()
    sumy = marked["location"] == "Sumy"
    marked["vague"] = marked.get("vague", False)
    marked.loc[sumy, "vague"] = True
    events, reports = build_events(marked, interceptions, articles)
    plain, _ = build_events(casualties, interceptions, articles)
    assert (plain["location"] == "Sumy").sum() >= 1 and (events["location"] == "Sumy").sum() == 0
    kept = reports[reports["location"] == "Sumy"]
    assert len(kept) == sumy.sum() and kept["event_id"].isna().all()
    assert set(kept["role"]) == {"kept apart: vague count (ACLED rule)"}
