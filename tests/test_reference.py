"""helpers.reference: loading the Air Force reference, its quirks, and the seed night's match."""

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import reference as R

REPO = Path(__file__).resolve().parents[1]
REF_DIR = REPO / "data/raw/reference"
DAILY = REF_DIR / "missile_attacks_daily.csv"
WEAPONS = REF_DIR / "missiles_and_uavs.csv"
OUTLINE = REPO / "data/raw/geo/ukraine_outline.geojson"

HEADER = ("time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,"
          "still_attacking,source\n")


@pytest.fixture(scope="module")
def ref():
    return R.load_reference(DAILY)


@pytest.fixture(scope="module")
def weapons():
    return R.load_weapons_table(WEAPONS)


def seed_event(**changes):
    row = dict(article_id="d80befd21902f2fe", sentence_idx=9, char_start=1484, char_end=1566,
               date="2023-03-22", date_start="2023-03-21", date_end="2023-03-22", weapon="Shahed",
               weapon_class="drone", launched=21.0, intercepted=16.0, not_reached=np.nan, rate=0.762,
               sentence="the military said it had shot down 16 of 21 Shahed suicide drones")
    row.update(changes)
    return pd.DataFrame([row])


def write_csv(tmp_path, body):
    path = tmp_path / "missile_attacks_daily.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# --- the raw copies ---------------------------------------------------------------------------


@pytest.mark.parametrize("path, digest", [
    (DAILY, "72c04869f85383b239c34a76a27d5ee2cf7c175777e1eda244755787d11f2e6d"),
    (WEAPONS, "d85bdf56bcbf71b04959a44f14cba3675ccce84e1c5d3de26850f7a37120046b"),
    (OUTLINE, "55a5bb4b21f8229db05eccaabe12a8225cab94a940336cdc8c443b52909fc8dd"),
])
def test_raw_copies_are_byte_identical(path, digest):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_readmes_carry_provenance_and_credit():
    ref_readme = (REF_DIR / "README.md").read_text(encoding="utf-8")
    assert "72c04869f85383b239c34a76a27d5ee2cf7c175777e1eda244755787d11f2e6d" in ref_readme
    assert "piterfm/massive-missile-attacks-on-ukraine" in ref_readme
    assert "not stated in the mirror" in ref_readme
    assert "Made with Natural Earth" in (REPO / "data/raw/geo/README.md").read_text(encoding="utf-8")


# --- loading ------------------------------------------------------------------------------------


def test_load_reference_counts(ref):
    assert len(ref) == 3378
    assert list(ref.columns) == R.REFERENCE_COLUMNS
    assert len(R.national_rows(ref)) == 1978  # 1,974 Facebook + 4 Telegram kpszsu posts
    assert ref["source_scope"].value_counts().to_dict() == {"national": 1978, "regional": 1372, "other": 28}
    assert ref["time_end"].notna().all()


def test_load_reference_seed_row(ref):
    row = ref[ref["line"] == 3222].iloc[0]
    assert row["time_start"] == pd.Timestamp("2023-03-21 23:30")
    assert row["time_end"] == pd.Timestamp("2023-03-22 04:00")
    assert row["night"] == pd.Timestamp("2023-03-22")
    assert (row["model"], row["weapon_class"], row["launched"], row["destroyed"]) == ("Shahed-136/131", "drone", 21.0, 16.0)
    assert np.isnan(row["not_reach_goal"])
    assert row["source_account"] == "kpszsu" and row["flag"] == ""


def test_load_reference_parses_odd_times(tmp_path):
    path = write_csv(tmp_path, "2023-05-16 3:30,2023-05-16 07:00,X-59,,,,2.0,2.0,,,kpszsu/posts/a\n"
                               "2024-05-16,2024-05-16 ,Kalibr,,,,1.0,1.0,,,kpszsu/posts/b\n")
    out = R.load_reference(path, weapons=WEAPONS)
    assert out["time_start"].tolist() == [pd.Timestamp("2023-05-16 03:30"), pd.Timestamp("2024-05-16")]
    assert out["night"].tolist() == [pd.Timestamp("2023-05-16"), pd.Timestamp("2024-05-16")]


def test_load_reference_missing_column_names_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("time_start,time_end,model\n2023-01-01,2023-01-01,X-59\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.csv.*\['launched', 'destroyed', 'not_reach_goal', 'source'\]"):
        R.load_reference(path, weapons=WEAPONS)


def test_load_reference_missing_file_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        R.load_reference(tmp_path / "nowhere.csv")


def test_bad_time_names_the_line(tmp_path):
    path = write_csv(tmp_path, "2023-01-01,2023-01-01,X-59,,,,1,1,,,kpszsu/posts/a\n"
                               "yesterday,2023-01-02,X-59,,,,1,1,,,kpszsu/posts/b\n")
    with pytest.raises(ValueError, match="line 3: cannot read time_start='yesterday'"):
        R.load_reference(path, weapons=WEAPONS)


@pytest.mark.parametrize("source, account, scope", [
    ("kpszsu/posts/pfbid024iAX", "kpszsu", "national"),
    ("https://t.me/kpszsu/44624", "kpszsu", "national"),
    ("PvKPivden/posts/pfbid0f4Z", "PvKPivden", "regional"),
    ("pvkshid/posts/x", "pvkshid", "regional"),
    ("PvkZahid/posts/x", "PvkZahid", "regional"),
    ("GeneralStaff.ua/posts/x", "GeneralStaff.ua", "other"),
    ("https://t.me/war_monitor/27083", "war_monitor", "other"),
    (None, "", "other"),
])
def test_source_account_and_scope(source, account, scope):
    assert R.source_account(source) == account
    assert R.source_scope(R.source_account(source)) == scope


# --- weapon classes -----------------------------------------------------------------------------


@pytest.mark.parametrize("model, expected", [
    ("Shahed-136/131", "drone"),
    ("Молнія", "drone"),                         # Cyrillic, in the lookup as UAV
    ("Фенікс", "drone"),                         # Cyrillic, absent from the lookup: override
    ("X-22 and X-32", "cruise missile"),         # combined name in the lookup
    ("Iskander-M and Iskander-K", "missile"),    # combined, absent: ballistic + cruise
    ("Iskander-M/KN-23 and Iskander-K and Kalibr", "missile"),
    ("X-47 Kinzhal and Iskander-M/KN-23", "ballistic missile"),  # lookup says cruise: override
    ("X-47 Kinzhal", "ballistic missile"),
    ("3M22 Zircon", "cruise missile"),
    ("C-300", "missile"),
    ("C-300 and Iskander-M", "missile"),
    ("Unknown Missile", "missile"),
    ("GBU", "guided bomb"),
    ("Aerial Bomb", "guided bomb"),
    ("shahed-136/131", "drone"),                 # case-insensitive
    ("Shahed-136/131 and Kalibr", "other"),      # a drone and a missile share no class
    ("Banana", "other"),
    (None, "other"),
])
def test_weapon_class_of(model, expected, weapons):
    assert R.weapon_class_of(model, weapons) == expected


def test_every_reference_model_gets_a_class(ref):
    assert ref["weapon_class"].value_counts().to_dict() == {
        "drone": 2178, "cruise missile": 637, "ballistic missile": 403, "missile": 154, "guided bomb": 6}


# --- quirks -------------------------------------------------------------------------------------


def test_destroyed_more_than_launched_is_flagged(ref):
    flagged = ref[ref["flag"] == "destroyed > launched"]
    assert flagged[["model", "launched", "destroyed"]].values.tolist() == [["3M22 Zircon", 2.0, 4.0]]
    assert flagged["time_end"].dt.strftime("%Y-%m-%d").tolist() == ["2026-02-07"]


def test_empty_launched_is_flagged_and_left_out_of_rates(ref):
    assert (ref["flag"] == "launched missing").sum() == 3
    assert ref["launched"].isna().sum() == 3
    nights = R.nightly_totals(ref)
    night = nights[(nights["night"] == "2024-02-28") & (nights["weapon_class"] == "missile")].iloc[0]
    # the C-300 row has no launched: counted as a row, not in the rate
    assert night["n_flagged"] == 1 and night["n_rows"] >= 1
    assert np.isnan(night["launched"]) and np.isnan(night["rate"])


def test_regional_rows_are_not_double_counted(tmp_path):
    path = write_csv(tmp_path,
                     "2023-03-21 23:30,2023-03-22 04:00,Shahed-136/131,,,,21.0,16.0,,,kpszsu/posts/a\n"
                     "2023-03-21 23:30,2023-03-22 04:00,Shahed-136/131,,,,6.0,6.0,,,PvKPivden/posts/b\n"
                     "2023-03-21 22:00,2023-03-22 05:00,Shahed-136/131,,,,3.0,2.0,,,pvkshid/posts/c\n")
    ref = R.load_reference(path, weapons=WEAPONS)
    nights = R.nightly_totals(ref)
    assert nights[["launched", "destroyed", "n_rows"]].values.tolist() == [[21.0, 16.0, 1]]
    everything = R.nightly_totals(ref, national_only=False)
    assert everything[["launched", "destroyed"]].values.tolist() == [[30.0, 24.0]]
    match = R.match_interceptions(seed_event(), ref).iloc[0]
    assert (match["ref_launched"], match["ref_destroyed"], match["ref_source"], match["status"]) == (21.0, 16.0, "kpszsu", "agree")


def test_regional_row_used_only_when_no_national_one(tmp_path):
    path = write_csv(tmp_path, "2023-03-22,2023-03-22,Shahed-136/131,,,,6.0,6.0,,,PvKPivden/posts/b\n")
    match = R.match_interceptions(seed_event(), R.load_reference(path, weapons=WEAPONS)).iloc[0]
    assert (match["ref_scope"], match["status"]) == ("regional", "disagree")
    assert match["note"] == ("launched 21 vs 6; intercepted/destroyed 16 vs 6; "
                             "only a regional command reported this night: a partial count")


# --- nightly totals and rates -------------------------------------------------------------------


def test_nightly_totals_seed_night(ref):
    nights = R.nightly_totals(ref, by="weapon_family")
    assert list(nights.columns) == R.NIGHTLY_COLUMNS
    night = nights[nights["night"] == "2023-03-22"]
    assert night[["weapon_family", "n_rows", "launched", "destroyed"]].values.tolist() == [["drone", 1, 21.0, 16.0]]
    assert night["rate"].iloc[0] == pytest.approx(16 / 21)


def test_nightly_totals_keeps_not_reach_goal_apart(tmp_path):
    path = write_csv(tmp_path, "2025-01-01 20:00,2025-01-02 08:00,Shahed-136/131,,,,100.0,60.0,30.0,,kpszsu/posts/a\n"
                               "2025-01-01 20:00,2025-01-02 08:00,Kalibr,,,,10.0,8.0,,,kpszsu/posts/a\n")
    nights = R.nightly_totals(R.load_reference(path, weapons=WEAPONS), by="weapon_family")
    assert nights[["weapon_family", "launched", "destroyed", "rate"]].values.tolist() == [
        ["drone", 100.0, 60.0, 0.6], ["missile", 10.0, 8.0, 0.8]]
    assert nights["not_reach_goal"].iloc[0] == 30.0 and np.isnan(nights["not_reach_goal"].iloc[1])


def test_whole_period_median_rates(ref):
    nights = R.nightly_totals(ref, by="weapon_family")
    medians = nights.groupby("weapon_family")["rate"].median()
    assert medians["drone"] == pytest.approx(0.766499, abs=1e-6)
    assert medians["missile"] == pytest.approx(0.307692, abs=1e-6)
    big = nights[nights["launched"] >= 5].groupby("weapon_family")["rate"].median()
    assert big["drone"] == pytest.approx(0.75) and big["missile"] == pytest.approx(0.598077, abs=1e-6)


def test_rolling_rate_median_and_min_launched():
    nights = pd.DataFrame({
        "night": pd.to_datetime(["2023-01-01", "2023-01-02", "2023-01-03", "2023-01-04", "2023-03-01"]),
        "weapon_family": "drone",
        "launched": [10.0, 1.0, 10.0, 10.0, 10.0],
        "destroyed": [5.0, 0.0, 7.0, 9.0, 10.0],
        "rate": [0.5, 0.0, 0.7, 0.9, 1.0],
    })
    out = R.rolling_rate(nights, window="30D", min_nights=2)
    assert out["rate_rolling_median"].tolist()[1:4] == [0.25, 0.5, 0.6]
    assert out["rate_rolling_median"].iloc[4] != out["rate_rolling_median"].iloc[4]  # alone in its window: NaN
    kept = R.rolling_rate(nights, window="30D", min_nights=2, min_launched=5)
    assert kept["night"].dt.day.tolist() == [1, 3, 4, 1]
    assert kept["rate_rolling_median"].tolist()[1:3] == [0.6, 0.7]


# --- matching -----------------------------------------------------------------------------------


def test_seed_event_matches_reference_row(ref):
    out = R.match_interceptions(seed_event(), ref)
    assert list(out.columns) == R.VALIDATION_COLUMNS
    row = out.iloc[0]
    assert row["ref_time_start"] == pd.Timestamp("2023-03-21 23:30")
    assert row["ref_time_end"] == pd.Timestamp("2023-03-22 04:00")
    assert row["ref_windows"] == "2023-03-21 23:30 -> 2023-03-22 04:00"
    assert row["ref_model"] == "Shahed-136/131"
    assert (row["ref_launched"], row["ref_destroyed"], row["ref_n_rows"], row["ref_lines"]) == (21.0, 16.0, 1, "3222")
    assert np.isnan(row["ref_not_reach_goal"])
    assert row["ref_rate"] == pytest.approx(16 / 21)
    assert (row["launched"], row["intercepted"]) == (21.0, 16.0)
    assert (row["ref_source"], row["ref_scope"], row["ref_flag"]) == ("kpszsu", "national", "")
    assert (row["status"], row["note"]) == ("agree", "")


def test_seed_event_x59_rows_of_the_same_dates_are_not_taken(ref):
    # The X-59 rows of 21 and 23 March are cruise missiles: a drone event never sees them.
    row = R.match_interceptions(seed_event(date_start="2023-03-21", date_end="2023-03-23"), ref).iloc[0]
    assert row["ref_lines"] == "3222"


def test_missile_event_takes_every_missile_class(ref):
    row = R.match_interceptions(seed_event(weapon="missiles", weapon_class="missile", launched=2.0,
                                           intercepted=2.0, date="2023-03-21", date_start="2023-03-21",
                                           date_end="2023-03-21"), ref).iloc[0]
    assert (row["ref_model"], row["ref_launched"], row["ref_destroyed"], row["status"]) == ("X-59", 2.0, 2.0, "agree")
    assert row["ref_windows"] == "2023-03-21 19:40 -> 2023-03-21 19:40"


def test_disagreement_shows_both_figures(ref):
    row = R.match_interceptions(seed_event(intercepted=17.0), ref).iloc[0]
    assert (row["status"], row["note"]) == ("disagree", "intercepted/destroyed 17 vs 16")


def test_event_without_launched_is_compared_on_intercepted(ref):
    row = R.match_interceptions(seed_event(launched=np.nan), ref).iloc[0]
    assert row["status"] == "agree"


def test_no_reference_row(ref):
    row = R.match_interceptions(seed_event(weapon_class="guided bomb"), ref).iloc[0]
    assert (row["status"], row["ref_n_rows"]) == ("no reference row", 0)
    assert row["note"] == "no guided bomb row with a night in 2023-03-21..2023-03-22"
    row = R.match_interceptions(seed_event(date=None, date_start=None, date_end=None), ref).iloc[0]
    assert (row["status"], row["note"]) == ("no reference row", "event has no resolved date")
    row = R.match_interceptions(seed_event(weapon_class="artillery"), ref).iloc[0]
    assert row["status"] == "no reference row"


def test_zircon_night_flag_reaches_the_match(ref):
    row = R.match_interceptions(seed_event(weapon="Zircon", weapon_class="cruise missile", launched=2.0,
                                           intercepted=4.0, date="2026-02-07", date_start="2026-02-06",
                                           date_end="2026-02-07"), ref).iloc[0]
    assert (row["ref_model"], row["ref_launched"], row["ref_destroyed"]) == ("3M22 Zircon", 2.0, 4.0)
    assert row["ref_flag"] == "destroyed > launched"
    assert row["ref_rate"] == 2.0 and row["status"] == "agree"


def test_ew_losses_counted_as_downed_are_noted(tmp_path):
    path = write_csv(tmp_path, "2025-01-01 20:00,2025-01-02 08:00,Shahed-136/131,,,,100.0,60.0,30.0,,kpszsu/posts/a\n")
    row = R.match_interceptions(seed_event(launched=100.0, intercepted=90.0, date="2025-01-02",
                                           date_start="2025-01-01", date_end="2025-01-02"),
                                R.load_reference(path, weapons=WEAPONS)).iloc[0]
    assert row["status"] == "disagree"
    assert row["note"].startswith("intercepted/destroyed 90 vs 60 (intercepted equals destroyed + not_reach_goal")
    assert row["ref_not_reach_goal"] == 30.0


def test_tie_rule_prefers_the_events_own_night(tmp_path):
    path = write_csv(tmp_path, "2025-01-01 20:00,2025-01-02 08:00,Shahed-136/131,,,,50.0,40.0,,,kpszsu/posts/a\n"
                               "2025-01-02 20:00,2025-01-03 08:00,Shahed-136/131,,,,30.0,20.0,,,kpszsu/posts/b\n"
                               "2025-01-02 20:00,2025-01-03 08:00,Lancet,,,,2.0,1.0,,,kpszsu/posts/b\n")
    ref = R.load_reference(path, weapons=WEAPONS)
    row = R.match_interceptions(seed_event(launched=50.0, intercepted=40.0, date="2025-01-02",
                                           date_start="2025-01-02", date_end="2025-01-03"), ref).iloc[0]
    assert (row["ref_launched"], row["status"]) == (50.0, "agree")
    # no `date`: the latest night; a generic 'drones' word takes the class total of that night
    row = R.match_interceptions(seed_event(weapon="drones", launched=32.0, intercepted=21.0, date=None,
                                           date_start="2025-01-02", date_end="2025-01-03"), ref).iloc[0]
    assert (row["ref_model"], row["ref_launched"], row["ref_destroyed"], row["ref_n_rows"]) == (
        "Shahed-136/131 + Lancet", 32.0, 21.0, 2)
    # the extractor's weapon label 'Shahed drone' names the model: the Lancet row is left out
    row = R.match_interceptions(seed_event(weapon="Shahed drone", launched=30.0, intercepted=20.0, date="2025-01-03",
                                           date_start="2025-01-02", date_end="2025-01-03"), ref).iloc[0]
    assert (row["ref_model"], row["ref_launched"], row["status"]) == ("Shahed-136/131", 30.0, "agree")


@pytest.mark.parametrize("word, model", [
    ("Shahed", "Shahed-136/131"), ("Shahed drone", "Shahed-136/131"), ("Kh-101 cruise missile", "X-101/X-555"),
    ("Kalibr cruise missile", "Kalibr"), ("Iskander-K", "Iskander-K"), ("X-59", "X-59"), ("drones", None), (None, None),
])
def test_model_named_by_a_weapon_word(word, model):
    assert R._model_of_word(word, {"X-59", "Kalibr"}) == model


def test_match_requires_columns():
    with pytest.raises(ValueError, match="interception events table lacks column"):
        R.match_interceptions(pd.DataFrame({"weapon": ["Shahed"]}), pd.DataFrame())


def test_match_empty_events(ref):
    out = R.match_interceptions(seed_event().iloc[:0], ref)
    assert out.empty and list(out.columns) == R.VALIDATION_COLUMNS


def test_agreement_summary(ref):
    out = R.match_interceptions(pd.concat([seed_event(), seed_event(intercepted=3.0)]), ref)
    assert R.agreement_summary(out).values.tolist() == [["agree", 1], ["disagree", 1], ["no reference row", 0],
                                                        ["no reference for this claimant", 0]]


def test_a_russian_claim_is_not_checked_against_the_ukrainian_record(ref):
    """Issue 10: another side's claim has no reference here; it is no disagreement."""
    out = R.match_interceptions(seed_event(claimant="Russian Ministry of Defence", intercepted=3.0), ref)
    assert out["status"].tolist() == ["no reference for this claimant"]
    assert out["ref_n_rows"].tolist() == [0]


# --- weapon words of casualty events ------------------------------------------------------------


@pytest.mark.parametrize("word, expected", [
    ("drone", "drone"), ("Shahed drone", "drone"), ("double missile attack", "missile"),
    ("Kalibr cruise missile", "cruise missile"), ("", "unknown"), (None, "unknown"), ("tank", "unknown"),
])
def test_weapon_class_of_word(word, expected):
    assert R.weapon_class_of_word(word, R.weapon_word_classes()) == expected


def test_weapon_words_fall_back_without_the_table(tmp_path):
    words = R.weapon_word_classes(tmp_path / "absent.csv")
    assert words == R.FALLBACK_WEAPON_WORDS


# --- charts of issue 5 (helpers.charts, 'validation, timeline & map' section) ------------------------


def cas_rows():
    return pd.DataFrame([
        dict(location="Rzhyshchiv", latitude=49.97, longitude=31.05, weapon="drone", killed=3.0, injured=7.0, aggregate=False),
        dict(location="Rzhyshchiv", latitude=49.97, longitude=31.05, weapon="Shahed drone", killed=8.0, injured=7.0, aggregate=False),
        dict(location="Zaporizhzhia", latitude=47.84, longitude=35.14, weapon="double missile attack", killed=1.0,
             injured=33.0, aggregate=False),
        dict(location="Ukraine", latitude=49.0, longitude=32.0, weapon="missile", killed=50.0, injured=0.0, aggregate=True),
        dict(location="Nowhere", latitude=None, longitude=None, weapon="drone", killed=1.0, injured=0.0, aggregate=False),
    ])


def test_locator_points_take_the_largest_toll_per_place():
    from helpers.charts import locator_points

    points = locator_points(cas_rows())
    assert points[["location", "weapon_class", "killed", "injured", "total"]].values.tolist() == [
        ["Zaporizhzhia", "missile", 1.0, 33.0, 34.0], ["Rzhyshchiv", "drone", 8.0, 7.0, 15.0]]
    assert locator_points(None).empty and locator_points(cas_rows().iloc[:0]).empty


def test_locator_map_titles():
    import matplotlib.pyplot as plt

    from helpers.charts import plot_locator_map

    fig = plot_locator_map(cas_rows(), OUTLINE)
    ax = fig.axes[0]
    assert ax.get_title() == "2 places with casualties; most killed and injured: Zaporizhzhia (1 killed, 33 injured)"
    assert ax.get_xlabel() == "Longitude (degrees east)" and len(ax.patches) == 1
    assert any("Made with Natural Earth" in t.get_text() for t in fig.texts)
    empty = plot_locator_map(None, OUTLINE)
    assert empty.axes[0].get_title() == "No casualty event could be placed on the map"
    # a place whose killed figure is not stated is labelled with what is stated, not with "0 killed"
    injured_only = pd.DataFrame([dict(location="Kyiv", latitude=50.45, longitude=30.52, weapon="drone",
                                      killed=None, injured=10.0, aggregate=False)])
    fig = plot_locator_map(injured_only, OUTLINE)
    assert fig.axes[0].get_title() == "1 place with casualties; most killed and injured: Kyiv (10 injured)"
    assert [t.get_text() for t in fig.axes[0].texts] == ["Kyiv (10 injured)"]
    # one place struck by a missile and by a drone is two points and one place
    two = pd.concat([cas_rows(), pd.DataFrame([dict(location="Zaporizhzhia", latitude=47.84, longitude=35.14,
                                                    weapon="drone", killed=2.0, injured=0.0, aggregate=False)])])
    assert plot_locator_map(two, OUTLINE).axes[0].get_title() == (
        "2 places with casualties; most killed and injured: Zaporizhzhia (1 killed, 33 injured)")
    plt.close("all")


def test_casualties_by_place_title_says_when_a_bar_sums_strikes():
    import matplotlib.pyplot as plt

    from helpers.charts import plot_casualties_by_place

    totals = pd.DataFrame([dict(location="Ukraine", figures="per event", events=4, reports=4, killed=32, injured=4),
                           dict(location="Kyiv", figures="per event", events=1, reports=1, killed=None, injured=10)])
    assert plot_casualties_by_place(totals).axes[0].get_title() == (
        "Ukraine: the most killed and injured, over 4 strikes, 32 killed and 4 injured (4 reports)")
    assert plot_casualties_by_place(totals.iloc[1:]).axes[0].get_title() == (
        "Kyiv: the largest reported toll, 10 injured (1 report)")  # no killed figure is stated, so none is named
    bars = plot_casualties_by_place(totals).axes[0].texts
    assert [t.get_text().strip() for t in bars] == ["10 injured", "32 killed, 4 injured"]
    plt.close("all")


def test_locator_map_bad_outline_names_the_file(tmp_path):
    from helpers.charts import plot_locator_map

    bad = tmp_path / "outline.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="outline.geojson: cannot read the outline GeoJSON"):
        plot_locator_map(None, bad)


def test_reference_rate_chart(ref):
    import matplotlib.pyplot as plt

    from helpers.charts import plot_reference_rate

    rolling = R.rolling_rate(R.nightly_totals(ref, by="weapon_family"), min_launched=5)
    marks = R.night_marks(seed_event())
    assert marks[["label", "weapon_family"]].values.tolist() == [["16 of 21 Shahed, 22 Mar 2023", "drone"]]
    fig = plot_reference_rate(rolling, marks)
    ax = fig.axes[0]
    assert ax.get_title() == ("On a median night Ukraine reports downing 75% of drones and 60% of missiles\n"
                              "The one night the corpus reports (76% of drones downed) was typical: the rolling median then was 77%")
    two = pd.concat([marks, marks.assign(night=pd.Timestamp("2025-06-01"))])
    assert plot_reference_rate(rolling, two).axes[0].get_title() == (
        "On a median night Ukraine reports downing 75% of drones and 60% of missiles")
    assert ax.get_ylabel() == "Shot down per night (% of launched)"
    assert any("Massive Missile Attacks on Ukraine" in t.get_text() for t in fig.texts)
    empty = plot_reference_rate(rolling.iloc[:0]).axes[0]   # one sentence, no empty frame
    assert empty.get_title(loc="left") == "The reference holds no night with enough launches to chart a rate."
    assert not empty.axison
    plt.close("all")


def test_side_by_side_puts_disagreements_first(ref):
    out = R.side_by_side(R.match_interceptions(pd.concat([seed_event(), seed_event(intercepted=3.0)]), ref))
    assert out[["shot down (text)", "destroyed (Air Force)", "status"]].values.tolist() == [
        [3.0, 16.0, "disagree"], [16.0, 16.0, "agree"]]


def test_seed_article_extracted_then_matched(seed_tables, ref):
    """End to end: the extractor's event from the seed article meets the reference row of line 3222."""
    from helpers.extract import extract_interceptions

    articles, sentences, _ = seed_tables
    seed = sentences[sentences["article_id"] == "d80befd21902f2fe"]
    events = extract_interceptions(seed, articles)
    out = R.match_interceptions(events, ref)
    assert out[["sentence_idx", "launched", "intercepted", "ref_launched", "ref_destroyed", "ref_lines", "status"]
               ].values.tolist() == [[9, 21, 16, 21.0, 16.0, "3222", "agree"]]
    assert (out["ref_time_start"].iloc[0], out["ref_time_end"].iloc[0]) == (
        pd.Timestamp("2023-03-21 23:30"), pd.Timestamp("2023-03-22 04:00"))
