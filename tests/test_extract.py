"""Casualty, interception and economic-figure extraction: the seed article exactly, then phrasings."""

import importlib.util

import pandas as pd
import pytest

from helpers.extract import (
    CASUALTY_COLUMNS,
    ECONOMIC_COLUMNS,
    INTERCEPTION_COLUMNS,
    extract_casualties,
    extract_economic_figures,
    extract_events,
    extract_interceptions,
    sentences_from_text,
)

SEED_ID = "d80befd21902f2fe"
HAS_PLACES = importlib.util.find_spec("helpers.places") is not None


@pytest.fixture(scope="module")
def seed(seed_text):
    sentences = sentences_from_text(seed_text, SEED_ID)
    articles = pd.DataFrame({"article_id": [SEED_ID], "date": ["2023-03-22"]})
    return seed_text, sentences, articles


def one(text, kind=None):
    events = [e for e in extract_events(text) if kind is None or e["kind"] == kind]
    return events


def figures(text):
    """(kind, killed, injured) or (kind, weapon_class, launched, intercepted, not_reached) per event."""
    out = []
    for e in extract_events(text):
        if e["kind"] == "casualty":
            out.append(("casualty", e["killed"], e["injured"]))
        else:
            out.append(("interception", e["weapon_class"], e["launched"], e["intercepted"], e["not_reached"]))
    return out


# --- the seed article ------------------------------------------------------------------------

def test_seed_casualties_exactly(seed):
    text, sentences, articles = seed
    assert len(sentences) == 32
    cas = extract_casualties(sentences, articles)
    assert list(cas.columns) == CASUALTY_COLUMNS
    got = cas[["sentence_idx", "killed", "killed_qualifier", "injured", "injured_qualifier", "weapon",
               "event_type", "target", "aggregate", "update"]].to_dict("records")
    assert got == [
        {"sentence_idx": 10, "killed": 1, "killed_qualifier": "at least", "injured": 33, "injured_qualifier": None,
         "weapon": "missile", "event_type": "Shelling/artillery/missile attack", "target": "residential building",
         "aggregate": False, "update": False},
        {"sentence_idx": 11, "killed": 8, "killed_qualifier": "at least", "injured": 7, "injured_qualifier": None,
         "weapon": "drone", "event_type": "Air/drone strike", "target": "dormitory",
         "aggregate": False, "update": False},
    ]
    # provenance: offsets point into the article text at the figures
    assert [text[a:b] for a, b in zip(cas.char_start, cas.char_end)] == [
        "at least one fatality and 33", "At least eight people were killed, and seven"]
    assert list(cas.article_id) == [SEED_ID, SEED_ID]
    assert cas.sentence.iloc[1].startswith("At least eight people were killed")


@pytest.mark.skipif(not HAS_PLACES, reason="helpers/places.py has not landed yet")
def test_seed_casualty_places(seed):
    _, sentences, articles = seed
    cas = extract_casualties(sentences, articles)
    assert list(cas.location) == ["Zaporizhzhia", "Rzhyshchiv"]


def test_seed_interception_exactly(seed):
    text, sentences, articles = seed
    got = extract_interceptions(sentences, articles)
    assert list(got.columns) == INTERCEPTION_COLUMNS
    assert len(got) == 1
    row = got.iloc[0]
    assert (row.weapon, row.weapon_class, row.launched, row.intercepted) == ("Shahed drone", "drone", 21, 16)
    assert pd.isna(row.not_reached) and row.flag is None
    assert round(row.rate * 100, 1) == 76.2
    assert row.sentence_idx == 9 and text[row.char_start:row.char_end] == "16 of 21 Shahed suicide drones"
    assert row.date == "2023-03-22" and row.date_resolved


def test_seed_economic_figure_exactly(seed):
    text, sentences, articles = seed
    eco = extract_economic_figures(sentences, articles)
    assert list(eco.columns) == ECONOMIC_COLUMNS
    assert eco[["amount", "currency", "scale", "what", "ratio", "ratio_of"]].to_dict("records") == [
        {"amount": 411e9, "currency": "USD", "scale": "billion", "what": "cost of rebuilding Ukraine",
         "ratio": 2.6, "ratio_of": "Ukraine's gross domestic product"}]
    assert text[eco.char_start.iloc[0]:eco.char_end.iloc[0]] == "$411 billion"


def test_seed_cli_events_are_the_three_figures(seed_text):
    assert figures(seed_text) == [
        ("interception", "drone", 21, 16, None),
        ("casualty", 1, 33),
        ("casualty", 8, 7),
    ]


# --- empty and malformed input -----------------------------------------------------------------

@pytest.mark.parametrize("fn, columns", [
    (extract_casualties, CASUALTY_COLUMNS), (extract_interceptions, INTERCEPTION_COLUMNS),
    (extract_economic_figures, ECONOMIC_COLUMNS)])
def test_empty_input_gives_empty_table_with_columns(fn, columns):
    empty = pd.DataFrame(columns=["article_id", "sentence_idx", "start", "end", "text"])
    assert list(fn(empty).columns) == columns and len(fn(empty)) == 0
    no_events = sentences_from_text("Sirens sounded in 12 regions for three hours.")
    assert list(fn(no_events).columns) == columns and len(fn(no_events)) == 0


def test_missing_columns_name_the_problem():
    with pytest.raises(ValueError, match="sentences table lacks columns"):
        extract_casualties(pd.DataFrame({"text": ["Two people were killed."]}))


def test_batch_of_two_articles_keeps_offsets_per_article():
    a = sentences_from_text("Intro sentence. Two people were killed in Kharkiv.", "a")
    b = sentences_from_text("Five people were injured.", "b")
    cas = extract_casualties(pd.concat([b, a], ignore_index=True))
    got = cas[["article_id", "sentence_idx", "char_start", "killed", "injured"]].astype(object)
    assert got.where(got.notna(), None).to_dict("records") == [
        {"article_id": "a", "sentence_idx": 1, "char_start": 16, "killed": 2, "injured": None},
        {"article_id": "b", "sentence_idx": 0, "char_start": 0, "killed": None, "injured": 5},
    ]
    assert str(cas.killed.dtype) == "Int64"


# --- casualty phrasings ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Russian drones attacked Odesa, killing two people and wounding 14.", [("casualty", 2, 14)]),
    ("A 62-year-old man was killed in the shelling.", [("casualty", 1, None)]),
    ("Two people died and at least 20 were wounded after a glide bomb hit Kharkiv.", [("casualty", 2, 20)]),
    ("Eleven people, including three children, were injured.", [("casualty", None, 11)]),
    ("One person was killed and another injured.", [("casualty", 1, 1)]),
    ("The strike killed two and wounded eight.", [("casualty", 2, 8)]),
    ("A rocket attack left 4 dead and 12 wounded.", [("casualty", 4, 12)]),
    ("Two emergency workers were killed and four were wounded.", [("casualty", 2, 4)]),
    ("The Russian strike claimed the lives of 11 people.", [("casualty", 11, None)]),
    ("Authorities said two dozen people were injured.", [("casualty", None, 24)]),
    ("On April 14 the attack killed 15 people.", [("casualty", 15, None)]),
])
def test_casualty_phrasings(text, expected):
    assert figures(text) == expected


def test_qualifiers_stay_with_their_own_count():
    ev = one("The strike killed more than 50 people, including five children, and wounded about 100.")[0]
    assert (ev["killed"], ev["killed_qualifier"], ev["injured"], ev["injured_qualifier"]) == (50, "more than", 100, "about")


def test_a_hedge_after_the_count_qualifies_it():
    # "or more" between the count and its verb used to hide the verb, and the toll was lost
    evs = extract_events("At least 8,000 civilians have been killed since the invasion began. "
                         "Another 13,000 or more have been injured, the UN said.")
    assert [(e["killed"], e["injured"], e["injured_qualifier"]) for e in evs] == [
        (8000, None, None), (None, 13000, "at least")]
    ev = one("Five or more people were killed in the strike on Kharkiv.")[0]
    assert (ev["killed"], ev["killed_qualifier"], ev["location"]) == (5, "at least", "Kharkiv")


def test_death_toll_update_and_aggregate_flags():
    upd = one("The death toll from the missile strike on Dnipro's apartment block reached 46, including 11 children.")[0]
    assert (upd["killed"], upd["update"], upd["aggregate"]) == (46, True, False)
    agg = one("Since the start of the full-scale invasion, at least 10,000 civilians have been killed.")[0]
    assert (agg["killed"], agg["killed_qualifier"], agg["aggregate"], agg["who"]) == (10000, "at least", True, "civilians")


def test_vague_counts_are_flagged():
    ev = one("Dozens of people were injured when a missile struck a shopping centre.")[0]
    assert (ev["injured"], ev["vague"], ev["weapon"]) == (12, True, "missile")


@pytest.mark.parametrize("text", [
    '"There was destruction," said Ivan Nalyvaiko, 24.',
    "Ukraine received the bodies of 757 soldiers killed in action.",
    "The bodies of 500 fallen soldiers were repatriated.",
    "At least 20 people died in a road accident in the Lviv region.",
    # deaths from an illness are no strike's casualties
    "An outbreak of Legionnaires' disease has killed seven people and infected more than 100 near the border with Ukraine.",
    "The cholera epidemic has killed 1,500 people since last March.",
    "Russian losses reached 300,000 personnel, according to the General Staff.",
    "The General Staff said Russian forces lost 1,180 soldiers killed and wounded over the past day.",
    "The fighting is the bloodiest in Europe since World War II.",
    "They may have gained a few hundred meters north of the city.",
    "Ukraine destroyed 12 Russian tanks and 30 armored vehicles.",
    "Russian forces fired 120 artillery shells at the Sumy region.",
    "The 47th Mechanized Brigade said it had repelled 25 assaults near Avdiivka.",
    "Russia launched the invasion 13 months ago.",
])
def test_distractors_give_no_events(text):
    assert extract_events(text) == []


# --- interception phrasings --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Russia launched 138 drones overnight; air defences shot down or suppressed 110.",
     [("interception", "drone", 138, 110, None)]),
    ("Ukraine's air force said it destroyed 34 of the 43 missiles and 20 of 27 drones.",
     [("interception", "missile", 43, 34, None), ("interception", "drone", 27, 20, None)]),
    ("Air defence forces destroyed all 15 drones.", [("interception", "drone", 15, 15, None)]),
    ("Ukrainian air defences intercepted 34 out of 43 missiles.", [("interception", "missile", 43, 34, None)]),
    ("Russia launched 51 drones; 31 were shot down and 18 were locally lost.",
     [("interception", "drone", 51, 31, 18)]),
    ("Russia attacked with 65 drones, 51 of which were shot down, and 11 were lost to electronic warfare.",
     [("interception", "drone", 65, 51, 11)]),
    ("Russia launched 24 Shahed drones, and all of them were destroyed.",
     [("interception", "drone", 24, 24, None)]),
    ("Russia launched 138 drones overnight. Air defences shot down 110 of them.",
     [("interception", "drone", 138, 110, None)]),
])
def test_interception_phrasings(text, expected):
    assert figures(text) == expected


def test_inconsistent_pair_is_flagged_not_rated():
    ev = one("The Air Force said two Zircon missiles were launched and four were destroyed.")[0]
    assert (ev["launched"], ev["intercepted"], ev["rate"]) == (2, 4, None)
    assert ev["flag"] == "inconsistent: 4 intercepted + 0 not reached > 2 launched"


def test_claimant_and_weapon_class():
    ev = one("Russia's defence ministry said its air defences destroyed 27 Ukrainian drones overnight.")[0]
    assert (ev["claimant"], ev["weapon_class"], ev["intercepted"], ev["launched"]) == (
        "Russian Ministry of Defence", "drone", 27, None)
    ev = one("Russia fired 10 Kh-101 cruise missiles; nine were intercepted.")[0]
    assert (ev["weapon"], ev["weapon_class"], ev["launched"], ev["intercepted"]) == (
        "Kh-101 cruise missile", "cruise missile", 10, 9)


def test_economic_figures_read_aid_and_amounts():
    eco = extract_economic_figures(sentences_from_text("The EU approved €50 billion in financial aid for Ukraine."))
    assert eco[["amount", "currency", "what"]].to_dict("records") == [
        {"amount": 50e9, "currency": "EUR", "what": "financial aid for Ukraine"}]


@pytest.mark.parametrize("text, expected", [
    # a bare participle describes the weapon; the later verb gives the role
    ("Russia launched 17 drones overnight. It said 15 of the Shahed drones launched from Kursk were shot down.",
     [("interception", "drone", 17, 15, None)]),
    # "both missiles" = all of the missiles launched
    ("Russia fired 31 drones and 2 missiles, with air defences destroying 28 drones and both missiles.",
     [("interception", "drone", 31, 28, None), ("interception", "missile", 2, 2, None)]),
    # the sentence after a total that splits it by region adds no event
    ("Air defences destroyed 56 Ukrainian drones overnight. It said 11 drones were shot down over the Belgorod region.",
     [("interception", "drone", None, 56, None)]),
    # a second sentence completes the first one's counts weapon by weapon
    ("Russia launched 35 Shahed drones and 10 cruise missiles. Air defences shot down 30 of the drones and 8 of the missiles.",
     [("interception", "drone", 35, 30, None), ("interception", "cruise missile", 10, 8, None)]),
    ("The US delivered 500 Stinger missiles to Ukraine.", []),
    ("Germany sent 100 missiles to Ukraine as part of a military aid package.", []),
])
def test_interception_context_rules(text, expected):
    assert figures(text) == expected


def test_weekly_launch_totals_are_aggregate_and_left_out_of_rates():
    from helpers.extract import interception_totals

    sentences = sentences_from_text("Russia has launched more than 500 drones at Ukraine over the past week. "
                                    "Russia launched 21 drones overnight; 16 were shot down.")
    got = extract_interceptions(sentences)
    assert list(got["aggregate"]) == [True, False]
    totals = interception_totals(got)
    assert totals[["weapon", "events", "launched", "intercepted", "label", "left_out"]].to_dict("records") == [
        {"weapon": "drone", "events": 1, "launched": 21, "intercepted": 16, "label": "16 of 21 = 76.2%", "left_out": 1}]


def test_one_bulletin_quoted_by_two_articles_counts_once():
    from helpers.extract import claim_keys, interception_totals

    articles = pd.DataFrame({"article_id": ["a", "b"], "date": ["2023-03-22", "2023-03-22"]})
    sentences = pd.concat([
        sentences_from_text("Overnight, the military said it had shot down 16 of 21 Shahed drones.", "a"),
        sentences_from_text("Overnight, the military said it had shot down 16 of 21 Shahed drones launched "
                            "from Bryansk.", "b"),
    ], ignore_index=True)
    got = extract_interceptions(sentences, articles)
    assert claim_keys(got).nunique() == 1
    totals = interception_totals(got, "weapon_class")
    assert totals[["weapon_class", "events", "launched", "intercepted", "label", "left_out"]].to_dict("records") == [
        {"weapon_class": "drone", "events": 1, "launched": 21, "intercepted": 16, "label": "16 of 21 = 76.2%",
         "left_out": 1}]


def test_casualty_totals_keep_vague_and_aggregate_apart():
    from helpers.extract import casualty_totals

    sentences = sentences_from_text(
        "Two people were killed and 14 wounded in Kherson. Dozens of people were injured in Kherson. "
        "Since the start of the full-scale invasion, at least 10,000 civilians have been killed in Ukraine.")
    totals = casualty_totals(extract_casualties(sentences), "location")
    assert totals.astype(object).where(totals.notna(), None).to_dict("records") == [
        {"location": "Kherson", "figures": "per event", "events": 1, "reports": 1, "killed": 2, "injured": 14,
         "updated": 0},
        {"location": "Kherson", "figures": "vague (ACLED rule)", "events": 1, "reports": 1, "killed": None,
         "injured": 12, "updated": 0},  # a figure no row states stays missing, not 0
        {"location": "Ukraine", "figures": "cumulative total", "events": 1, "reports": 1, "killed": 10000,
         "injured": None, "updated": 0},
    ]


def test_one_strike_reported_by_several_articles_counts_once():
    from helpers.extract import casualty_totals, incident_keys

    articles = pd.DataFrame({"article_id": ["early", "late", "other"],
                             "date": ["2023-03-22", "2023-03-22", "2023-03-22"]})
    rows = [
        ("early", "At least three people were killed and seven injured after a drone struck a dormitory in Rzhyshchiv."),
        ("late", "The death toll from the drone strike in Rzhyshchiv rose to eight, with seven injured."),
        ("other", "A missile strike killed one person in Rzhyshchiv."),
    ]
    sentences = pd.concat([sentences_from_text(t, a) for a, t in rows], ignore_index=True)
    cas = extract_casualties(sentences, articles)
    assert list(incident_keys(cas)) == ["2023-03-22|Rzhyshchiv|drone"] * 2 + ["2023-03-22|Rzhyshchiv|missile"]
    totals = casualty_totals(cas, "location")
    assert totals[["location", "events", "reports", "killed", "injured", "updated"]].to_dict("records") == [
        {"location": "Rzhyshchiv", "events": 2, "reports": 3, "killed": 9, "injured": 7, "updated": 1}]


@pytest.mark.parametrize("text, expected", [
    ("One person has lost his life and there are three wounded.", [("casualty", 1, 3)]),
    ("The service reported the death of a 77-year-old man, and at least five people were also injured.",
     [("casualty", 1, 5)]),
    ("An 83-year-old woman sustained minor injuries.", [("casualty", None, 1)]),
    ("A drone attack killed two men and injured eight other people, four of whom were hospitalised.",
     [("casualty", 2, 8)]),
    ("OHCHR recorded 21,793 civilian casualties: 8,173 killed and 13,620 injured.", [("casualty", 8173, 13620)]),
])
def test_more_casualty_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The package is worth $1,5 billion.", [(1.5e9, "USD", "billion", "package")]),
    ("Damage reached 411 billion dollars.", [(411e9, "USD", "billion", "Damage")]),
    ("The US announced a $1.2bn military aid package.", [(1.2e9, "USD", "billion", "military aid package")]),
    ("Ukraine received UAH 100 million from the fund.", [(1e8, "UAH", "million", None)]),
    ("Ukraine's GDP shrank by 29% in 2022.", []),
])
def test_economic_amounts(text, expected):
    eco = extract_economic_figures(sentences_from_text(text))
    got = [(a, c, s, None if pd.isna(w) else w) for a, c, s, w in zip(eco.amount, eco.currency, eco.scale, eco.what)]
    assert got == expected


def test_two_sentence_bulletin_with_decoys_and_electronic_warfare():
    text = ("Russian forces launched 155 Shahed-type and decoy drones and seven Iskander-M ballistic missiles "
            "overnight. Ukrainian forces downed 84 drones and one missile, and 58 decoy drones were 'lost' "
            "due to electronic warfare.")
    assert figures(text) == [("interception", "drone", 155, 84, 58), ("interception", "ballistic missile", 7, 1, None)]


@pytest.mark.skipif(not HAS_PLACES, reason="helpers/places.py has not landed yet")
def test_each_toll_keeps_the_place_of_its_own_clause():
    events = one("Russian attacks killed 2 and injured 8 in Kharkiv Oblast, while in Kherson Oblast 1 person was killed.")
    assert [(e["location"], e["killed"], e["injured"]) for e in events] == [
        ("Kharkiv Oblast", 2, 8), ("Kherson Oblast", 1, None)]


# --- asides, "number of" tolls, interception verbs, victim lists, nationwide tolls, period totals ---

@pytest.mark.parametrize("text, expected", [
    # an aside naming part of the count is a subset, not a second count
    ("Twenty people, six of them children, were injured in the attack.", [("casualty", None, 20)]),
    ("Seven people, most of them women, were killed when the shell hit a bus stop.", [("casualty", 7, None)]),
    ("Fifteen soldiers, two of whom were officers, died in the strike.", [("casualty", 15, None)]),
    ("The missile killed 30 people, half of them pensioners, and wounded 70.", [("casualty", 30, 70)]),
])
def test_aside_naming_part_of_the_count_is_a_subset(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, role, value", [
    ("The number of people killed in the strike on the Dnipro apartment block has risen to 45.", "killed", 45),
    ("The number of residents injured in Friday's attack climbed to 18.", "injured", 18),
    ("The number of those who died rose to 9, officials said.", "killed", 9),
])
def test_number_of_killed_or_injured_is_a_toll_update(text, role, value):
    ev = one(text)
    assert len(ev) == 1
    assert (ev[0][role], ev[0]["update"], ev[0]["aggregate"]) == (value, True, False)


@pytest.mark.parametrize("text", [
    "The number of drones launched at Ukraine rose to 40 a night.",
    "The number of people evacuated from the town rose to 500.",
])
def test_number_of_without_a_casualty_word_is_no_toll(text):
    assert extract_events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russia launched 60 missiles and 50 drones, and air defences managed to down 48 missiles and 41 drones.",
     [("interception", "missile", 60, 48, None), ("interception", "drone", 50, 41, None)]),
    ("Russia sent 30 drones overnight; mobile fire groups took out 25 of them.",
     [("interception", "drone", 30, 25, None)]),
    ("Air defence crews brought down 9 of the 12 cruise missiles.", [("interception", "cruise missile", 12, 9, None)]),
    ("Of the 20 drones launched, 17 were brought down.", [("interception", "drone", 20, 17, None)]),
    ("Ukrainian units were able to neutralise 33 drones overnight.", [("interception", "drone", None, 33, None)]),
])
def test_more_interception_verbs(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Drone attacks were down 30 from last week.",
    "Ukrainian troops took out 30 Russian tanks near Pokrovsk.",
])
def test_down_and_took_out_need_an_air_weapon(text):
    assert extract_events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("A 9-year-old boy and a 70-year-old man were injured in the shelling.", [("casualty", None, 2)]),
    ("Two women and a child were wounded.", [("casualty", None, 3)]),
    ("The drone strike killed a man and two women.", [("casualty", 3, None)]),
    ("Two men, a woman and a teenager were killed.", [("casualty", 4, None)]),
    ("A drone hit a minibus, injuring the driver and four passengers.", [("casualty", None, 5)]),
    ("The blast wounded the driver, a passenger and two pedestrians.", [("casualty", None, 4)]),
    ("The shelling killed a man and wounded a woman.", [("casualty", 1, 1)]),
    # the last phrase is the subject of its own clause: no list
    ("Russian forces killed two people, and a child was injured.", [("casualty", 2, 1)]),
    # the object of another verb is no list of victims
    ("Police detained a man and a woman, and two people were injured in the blast.", [("casualty", None, 2)]),
])
def test_coordinated_victims_add_up(text, expected):
    assert figures(text) == expected


@pytest.mark.skipif(not HAS_PLACES, reason="helpers/places.py has not landed yet")
@pytest.mark.parametrize("text, place", [
    ("Four people were killed and 60 wounded across Ukraine as missiles hit Lviv and Odesa.", "Ukraine"),
    ("Russian strikes killed six civilians nationwide, two of them in Kherson.", "Ukraine"),
    ("Russian attacks across the country killed nine people, including three in Odesa.", "Ukraine"),
    ("Across Ukraine, at least five people were injured in overnight strikes.", "Ukraine"),
    # the toll has a place of its own after the figures
    ("Missiles struck across Ukraine, killing three people in Lviv.", "Lviv"),
])
def test_nationwide_tolls_are_placed_in_the_country(text, place):
    events = one(text, "casualty")
    assert [e["location"] for e in events] == [place]


def test_period_totals_of_soldiers_are_aggregate():
    from helpers.extract import casualty_totals

    sentences = sentences_from_text(
        "The General Staff said Ukrainian forces killed 1,100 Russian soldiers over the past 24 hours. "
        "Moscow said its troops had killed 350 Ukrainian servicemen in the past day. "
        "Russian shelling killed 2 civilians and wounded 6 in the Kherson region over the past day. "
        "Russia has lost 600,000 soldiers killed in total, Kyiv claims.")
    cas = extract_casualties(sentences)
    # a regional toll "over the past day" is a period total too (ANNOTATION.md: "a total over a
    # stated day"); the 600,000 has no cue but no strike kills 1,000: a cumulative total
    assert list(zip(cas["killed"], cas["who"], cas["figure_type"], cas["aggregate"])) == [
        (1100, "soldiers", "period", True), (350, "soldiers", "period", True), (2, "civilians", "period", True),
        (600000, "soldiers", "cumulative", True)]
    totals = casualty_totals(cas, "who")
    assert totals[["who", "figures", "events", "killed", "injured"]].astype(object).where(totals.notna(), None).to_dict("records") == [  # no injured figure is stated for the soldiers: missing, not 0
        {"who": "soldiers", "figures": "period total", "events": 2, "killed": 1450, "injured": None},
        {"who": "civilians", "figures": "period total", "events": 1, "killed": 2, "injured": 6},
        {"who": "soldiers", "figures": "cumulative total", "events": 1, "killed": 600000, "injured": None}]


def test_a_tally_over_the_past_day_is_a_period_total_but_a_named_night_is_one_event():
    # ANNOTATION.md: "a total over a stated day" is a period total; real-text annotators read
    # "shot down ... over the past 24 hours" so, while a bulletin naming its night is one attack
    ev = one("Over the past day, air defences shot down 50 of 60 drones.")[0]
    assert (ev["launched"], ev["intercepted"], ev["figure_type"], ev["aggregate"]) == (60, 50, "period", True)
    ev = one("Overnight, air defences shot down 50 of 60 drones, the air force said in its report for the past day.")[0]
    assert (ev["launched"], ev["intercepted"], ev["figure_type"]) == (60, 50, "event")


# --- "managed to destroy N of them", "N of M <weapon>" pairs, continued lists, launch cues --------

@pytest.mark.parametrize("text, expected", [
    ("Russia sent 45 drones overnight, and air defence managed to destroy 38 of them.",
     [("interception", "drone", 45, 38, None)]),
    ("Russia launched 30 missiles; air defences were able to shoot down 22 of them.",
     [("interception", "missile", 30, 22, None)]),
    ("Moscow fired 19 drones, and the units managed to neutralise 17 of them.",
     [("interception", "drone", 19, 17, None)]),
])
def test_managed_or_able_to_intercept_n_of_them(text, expected):
    assert figures(text) == expected


def test_a_stated_pair_wins_over_a_wider_class_total():
    # the 30 missiles are broken down into pairs (12 + 10 <= 30): one event per pair, no class total
    assert figures("Russia fired 200 drones and 30 missiles; air defences downed 180 drones, "
                   "9 of 12 Kalibr missiles and 6 of 10 Kh-59 missiles.") == [
        ("interception", "drone", 200, 180, None),
        ("interception", "cruise missile", 12, 9, None),
        ("interception", "cruise missile", 10, 6, None),
    ]
    # a pair that restates the total still joins it
    assert figures("Russia launched 43 missiles; air defences shot down 30 of the 43 missiles.") == [
        ("interception", "missile", 43, 30, None)]


def test_a_pair_larger_than_the_class_total_keeps_both():
    # 43 Kh-101 cannot be part of 40 missiles: the total is not a header of the pair
    assert figures("Russia launched 40 missiles; air defences shot down 30 of 43 Kh-101 missiles.") == [
        ("interception", "missile", 40, None, None), ("interception", "cruise missile", 43, 30, None)]


@pytest.mark.parametrize("text, expected", [
    ("Russia launched 300 drones overnight, one of the heaviest barrages, as well as five Kinzhal missiles.",
     [("interception", "drone", 300, None, None), ("interception", "ballistic missile", 5, None, None)]),
    ("Russia fired 80 drones overnight, along with two Iskander-M missiles and four Kh-101 cruise missiles.",
     [("interception", "drone", 80, None, None), ("interception", "ballistic missile", 2, None, None),
      ("interception", "cruise missile", 4, None, None)]),
    ("Russia fired 120 drones, together with three Kh-59 missiles, at the north.",
     [("interception", "drone", 120, None, None), ("interception", "cruise missile", 3, None, None)]),
    # "including" names part of the total: no second event
    ("Russia launched 90 drones overnight, including around 60 Shahed-type drones.",
     [("interception", "drone", 90, None, None)]),
    # an interception verb in the aside starts a new clause: the list does not run on over it
    ("Russia fired 60 drones, of which 45 were shot down overnight, along with 3 artillery shells.",
     [("interception", "drone", 60, 45, None)]),
])
def test_launch_list_continues_after_along_with(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The strike involved 20 missiles and 90 drones; air defences shot down 15 missiles and 85 drones.",
     [("interception", "missile", 20, 15, None), ("interception", "drone", 90, 85, None)]),
    ("Russia attacked the Kharkiv region overnight with 37 drones.", [("interception", "drone", 37, None, None)]),
    ("In a combined attack using 15 cruise missiles and 98 drones, Russia hit the west.",
     [("interception", "cruise missile", 15, None, None), ("interception", "drone", 98, None, None)]),
    ("Russian forces used 127 missiles and 109 drones.",
     [("interception", "missile", 127, None, None), ("interception", "drone", 109, None, None)]),
])
def test_involved_and_attacked_with_are_launch_cues(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "The offensive involved 3,000 troops and 60 armoured vehicles.",
    "Russia plans to destroy 50 power plants this winter.",
    "Russian troops attacked the village with 200 soldiers.",
])
def test_new_launch_and_interception_cues_need_an_air_weapon(text):
    assert extract_events(text) == []


def test_a_strike_with_missiles_in_a_casualty_report_is_no_launch_claim():
    assert figures("Five people were killed in a Russian strike with two ballistic missiles on Poltava.") == [
        ("casualty", 5, None)]


# --- possessive victims, "among the dead", generic targets, passive launches over a period -------

@pytest.mark.parametrize("text, expected", [
    ("A man and his wife were injured in the shelling.", [("casualty", None, 2)]),
    ("The strike killed a father and his two sons.", [("casualty", 3, None)]),
    ("The man, his wife and their daughter were killed.", [("casualty", 3, None)]),
    ("A woman was killed and her husband injured.", [("casualty", 1, 1)]),
    # inside an aside the list is a part of the total
    ("Three people, including a mother and her son, were killed.", [("casualty", 3, None)]),
    # "their children" states no count
    ("A woman and her children were killed.", []),
    ("A mother and her two children were evacuated.", []),
    ("His wife said the strike was terrible.", []),
])
def test_possessive_victims_add_up(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A teenager was among the dead.", [("casualty", 1, None)]),
    ("Three children were among the dead.", [("casualty", 3, None)]),
    ("Two rescuers were among those injured in the strike.", [("casualty", None, 2)]),
    ("A 70-year-old man was among the victims.", [("casualty", 1, None)]),
    ("Among the dead was a 12-year-old boy.", [("casualty", 1, None)]),
    # a group with its own count is the total; what is among it is a part
    ("Among the 20 dead were three children.", [("casualty", 20, None)]),
    ("Three children were among the 20 dead.", [("casualty", 20, None)]),
    ("A police officer was among the 14 people injured.", [("casualty", None, 14)]),
    # a toll of that role stated in the sentence, or the one before, holds the group
    ("Twenty people were killed; among the dead were three children.", [("casualty", 20, None)]),
    ("Twenty people were killed in Odesa. Among the dead were three children.", [("casualty", 20, None)]),
    ("A woman was among the dead, and 12 people were injured.", [("casualty", 1, 12)]),
    ("Zelensky was among the leaders at the summit.", []),
])
def test_among_the_dead_counts_only_alone(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian air defences shot down 90 of the targets.", [("interception", "mixed", None, 90, None)]),
    ("Of the 150 aerial targets, 131 were shot down.", [("interception", "mixed", 150, 131, None)]),
    ("Of the 43 missiles, 34 were destroyed.", [("interception", "missile", 43, 34, None)]),
    ("Air defences destroyed 40 of 52 targets overnight.", [("interception", "mixed", 52, 40, None)]),
    # a generic count takes the one class counted before it
    ("Russia launched 50 drones; 45 targets were shot down.", [("interception", "drone", 50, 45, None)]),
    ("Russia launched 100 drones and 10 missiles; 90 of the targets were shot down.",
     [("interception", "drone", 100, None, None), ("interception", "missile", 10, None, None),
      ("interception", "mixed", None, 90, None)]),
    ("Russia launched 138 drones overnight. Air defences shot down 110 of the targets.",
     [("interception", "drone", 138, 110, None)]),
    # targets of a strike, not of air defence
    ("Ukrainian naval drones destroyed 14 targets in Crimea.", []),
    ("Russian forces struck 20 targets, the defence ministry said.", []),
])
def test_generic_targets_are_interceptable(text, expected):
    assert figures(text) == expected


def test_passive_launches_over_a_period_are_aggregate():
    from helpers.extract import interception_totals

    text = ("Nearly 400 drones, about 30 missiles and 20 glide bombs were used against Ukraine over the past week. "
            "More than 1,200 drones have been launched at Ukraine this month. "
            "Russia launched 40 drones overnight, the fifth such attack this month; 35 were shot down.")
    got = [(e["weapon_class"], e["launched"], e["intercepted"], e["aggregate"]) for e in one(text, "interception")]
    assert got == [("drone", 400, None, True), ("missile", 30, None, True), ("guided bomb", 20, None, True),
                   ("drone", 1200, None, True), ("drone", 40, 35, False)]
    totals = interception_totals(extract_interceptions(sentences_from_text(text)))
    assert totals[["weapon", "events", "launched", "intercepted", "left_out"]].to_dict("records")[0] == {
        "weapon": "drone", "events": 1, "launched": 40, "intercepted": 35, "left_out": 2}


def test_a_strike_earlier_this_month_stays_one_event():
    ev = one("Five people were killed in a missile strike on Odesa earlier this month.")[0]
    assert (ev["killed"], ev["aggregate"]) == (5, False)


@pytest.mark.skipif(not HAS_PLACES, reason="helpers/places.py has not landed yet")
def test_a_toll_in_a_city_district_is_the_city_s():
    ev = one("Kyiv's military administration said three people died when debris fell on the "
             "Shevchenkivskyi district.")[0]
    assert (ev["killed"], ev["location"]) == (3, "Kyiv")


@pytest.mark.parametrize("text, expected", [
    ("Ukraine's air force said 59 of 78 missiles and 54 of 106 drones were shot down in the Christmas attack.",
     [("interception", "missile", 78, 59, None), ("interception", "drone", 106, 54, None)]),
    ("The military said 20 of 25 cruise missiles, 3 of 4 Kinzhal missiles and 80 of 90 Shahed drones were destroyed.",
     [("interception", "cruise missile", 25, 20, None), ("interception", "ballistic missile", 4, 3, None),
      ("interception", "drone", 90, 80, None)]),
    ("According to the Air Force, 40 out of 45 Shahed drones and two of the three Kh-59 missiles were intercepted.",
     [("interception", "drone", 45, 40, None), ("interception", "cruise missile", 3, 2, None)]),
])
def test_a_list_of_pairs_takes_the_passive_verb_after_it(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In total, the air attack involved 145 air attack assets: 3 Iskander-M ballistic missiles and 142 UAVs.",
     [("interception", "ballistic missile", 3, None, None), ("interception", "drone", 142, None, None)]),
    ("Russia launched 96 means of air attack: 6 Kh-101 cruise missiles, 2 Kinzhal missiles and 88 Shahed drones.",
     [("interception", "cruise missile", 6, None, None), ("interception", "ballistic missile", 2, None, None),
      ("interception", "drone", 88, None, None)]),
    ("Air defence shot down 80 of the 96 air attack assets.", [("interception", "mixed", 96, 80, None)]),
])
def test_a_total_broken_down_after_a_colon_gives_its_parts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, killed, injured, update", [
    ("A 45-year-old man who was wounded in Sunday's strike on Poltava died of his injuries in hospital, "
     "bringing the death toll to 14.", 14, None, True),
    ("A teenage girl who was injured in the drone attack on Sumy succumbed to her wounds, raising the toll to 9.",
     9, None, True),
    ("Two more people died in hospital, bringing the death toll to 14.", 14, None, True),
    ("A woman who was injured in the attack on Kharkiv died of her injuries.", 1, None, False),
    ("A man succumbed to his injuries in hospital.", 1, None, False),
    ("Three people who were injured in the attack were taken to hospital.", None, 3, False),
])
def test_a_wounded_victim_who_died_is_a_death_within_the_running_toll(text, killed, injured, update):
    (ev,) = one(text)
    assert (ev["killed"], ev["injured"], ev["update"]) == (killed, injured, update)


@pytest.mark.parametrize("text, expected", [
    ("Emergency workers pulled 15 bodies from the rubble of the apartment block in Poltava, where 17 people were "
     "also injured.", [("casualty", 15, 17)]),
    ("Rescuers recovered 12 bodies from the debris in Dnipro.", [("casualty", 12, None)]),
    ("Nine more bodies were pulled out of the ruins in Kyiv overnight.", [("casualty", 9, None)]),
    # a mass grave is counted, as the real-text gold counts it, but typed cumulative: never summed as a strike
    ("Investigators found 440 bodies in a mass grave in Izium.", [("casualty", 440, None)]),
    ("The bodies of 500 fallen soldiers were repatriated to Ukraine on Friday.", []),
    ("Russia returned 757 bodies in the latest exchange.", []),
])
def test_bodies_recovered_at_a_strike_site_are_deaths(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Air defense neutralized 107 UAVs, while all three Iskander-M missiles reached their targets.",
     [("interception", "drone", None, 107, None), ("interception", "ballistic missile", 3, 0, None)]),
    ("The Air Force said 183 Shahed drones were launched; 156 were neutralized, while 27 hit their targets.",
     [("interception", "drone", 183, 156, None)]),
])
def test_all_missiles_reaching_their_targets_were_none_intercepted(text, expected):
    assert figures(text) == expected


# --- superlative comparisons, "N of the <weapon>"/"both <weapon>", groups, appositives, radar ----

@pytest.mark.parametrize("text, kind, aggregate", [
    # a superlative compares one event with others: the period cue after it is no cumulative total
    ("Air defences shot down 70 of the 90 drones, the largest attack on Odesa since the war began.",
     "interception", False),
    ("The strike killed 12 people, the deadliest strike on the town since 2022.", "casualty", False),
    ("Russia fired 300 drones on Sunday, the most in a single night this week.", "interception", False),
    # without the comparison, or with a count between them, the cue still marks a total
    ("Russia has launched 5,000 drones since the war began.", "interception", True),
    ("It was the worst week, and 10,000 civilians have been killed since the start of the invasion.",
     "casualty", True),
])
def test_a_superlative_comparison_is_not_a_cumulative_total(text, kind, aggregate):
    events = one(text, kind)
    assert len(events) == 1 and events[0]["aggregate"] is aggregate


@pytest.mark.parametrize("text, expected", [
    ("Moscow fired 30 missiles and four drones at Lviv, adding that 26 of the missiles and both drones "
     "had been intercepted.",
     [("interception", "missile", 30, 26, None), ("interception", "drone", 4, 4, None)]),
    ("Russia launched 12 drones and 2 Kinzhal missiles; both missiles were shot down.",
     [("interception", "drone", 12, None, None), ("interception", "ballistic missile", 2, 2, None)]),
    ("Russia sent 18 drones at Odesa, and all of the drones were destroyed.",
     [("interception", "drone", 18, 18, None)]),
    # "both" without an interception verb of its own states nothing
    ("Russia fired 6 missiles and 20 drones; both sides traded blame.",
     [("interception", "missile", 6, None, None), ("interception", "drone", 20, None, None)]),
])
def test_n_of_the_weapon_and_both_weapon_refer_back_to_the_launch_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected, who", [
    ("The missile killed a family of five in Odesa.", [("casualty", 5, None)], "people"),
    ("An entire family of six died when the shell hit their house.", [("casualty", 6, None)], "people"),
    ("The strike killed an elderly couple.", [("casualty", 2, None)], "people"),
    ("A couple and their son were injured.", [("casualty", None, 3)], "people"),
])
def test_a_family_of_n_and_a_couple_are_counted(text, expected, who):
    assert figures(text) == expected
    assert one(text)[0]["who"] == who


@pytest.mark.parametrize("text", [
    "A family of three was evacuated from the building.",
    "The family thanked the rescuers.",
])
def test_families_without_a_casualty_word_and_no_one_give_nothing(text):
    assert extract_events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The minister said 59 people, one-sixth of the village's population, had been killed.", [("casualty", 59, None)]),
    ("Twelve workers, a third of the night shift, were injured.", [("casualty", None, 12)]),
    ("Two people, the governor said, were killed.", [("casualty", 2, None)]),
    # the aside states its own casualties: no appositive
    ("Police evacuated 200 people, the governor said, and two were killed.", [("casualty", 2, None)]),
])
def test_an_appositive_between_the_victims_and_the_casualty_word(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Air defences downed 40 of 70 drones, and another 25 vanished from radars.",
     [("interception", "drone", 70, 40, 25)]),
    ("Russia launched 60 drones; 40 were destroyed and 15 disappeared from radar.",
     [("interception", "drone", 60, 40, 15)]),
    ("Of the 90 drones, 61 were shot down and 26 were lost locationally.",
     [("interception", "drone", 90, 61, 26)]),
    ("Russia launched 50 drones; 30 were downed and 12 were lost from radar.",
     [("interception", "drone", 50, 30, 12)]),
])
def test_drones_vanishing_from_radar_did_not_reach_their_targets(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ukraine's Air Force said 81 drones had been shot down and 80 more were 'lost locally', out of a total "
     "of 287 launched, along with 93 missiles, 81 of which were destroyed.",
     [("interception", "drone", 287, 81, 80), ("interception", "missile", 93, 81, None)]),
    ("Russia struck with 64 drones overnight, as well as 6 Iskander-M missiles, 4 of which were intercepted.",
     [("interception", "drone", 64, None, None), ("interception", "ballistic missile", 6, 4, None)]),
    # the antecedent of "M of them were shot down" is the whole, whatever verb names it
    ("The air force counted 40 Shahed drones, 35 of them were downed.", [("interception", "drone", 40, 35, None)]),
    # a part without a verb of its own is neither the list's next item nor a figure
    ("Air defences destroyed 70 drones, 20 of which over the capital.", [("interception", "drone", None, 70, None)]),
])
def test_a_count_before_m_of_which_were_destroyed_is_the_launched_whole(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected, update", [
    ("The death toll in Kryvyi Rih has climbed to 18, including nine children, and 61 people are being treated "
     "for injuries, officials said.", [("casualty", 18, 61)], True),
    ("Three people were killed and 27 were hospitalised after the attack on Dnipro.", [("casualty", 3, 27)], False),
    ("Twelve residents received medical care after the drone strike on Sumy.", [("casualty", None, 12)], False),
    ("A 40-year-old woman sought medical help after the shelling of Kherson.", [("casualty", None, 1)], False),
    ("The number of people who sought medical help has risen to 40 in Odesa.", [("casualty", None, 40)], True),
    # treating the wounded, or no one seeking help, reports no strike's injured
    ("Doctors treated 1,000 wounded soldiers at the clinic.", [], None),
    ("No one sought medical help after the attack.", [], None),
])
def test_people_treated_for_injuries_or_seeking_medical_help_are_injured(text, expected, update):
    assert figures(text) == expected
    assert [e["update"] for e in extract_events(text)] == ([update] if expected else [])


@pytest.mark.parametrize("text, killed, injured", [
    # explicit zeros are figures (ANNOTATION.md): analysts count the strikes that harmed nobody
    ("No one was killed or injured in the attack on Odesa.", 0, 0),
    ("There were no casualties in the region, the governor said.", 0, 0),
    ("No casualties were reported.", 0, 0),
    ("Luckily no one is killed, informed the mayor of Lviv.", 0, None),
    ("It was a quiet night, and no one was hurt.", None, 0),
    ("Two people were killed in Kharkiv, but no one was injured.", 2, 0),
    # an adjective between "no" and the noun still states the zero
    ("Drones hit central Kyiv, and officials reported no immediate casualties.", 0, 0),
    ("The strike caused no reported casualties.", 0, 0),
    ("There were no civilian casualties in Odesa, the governor said.", 0, 0),
    ("No immediate deaths were reported after the shelling.", 0, None),
])
def test_explicit_zeros_are_figures(text, killed, injured):
    ev = one(text)
    assert [(e["killed"], e["injured"]) for e in ev] == [(killed, injured)]


def test_no_reports_of_casualties_states_no_figure():
    assert extract_events("There were no immediate reports of casualties.") == []


@pytest.mark.parametrize("text, killed", [
    ("More than 200 Ukrainian athletes and coaches have been killed since the invasion.", 200),
    ("The service says 91 of its rescuers have been killed.", 91),
    # a count before "forces" names the victims; "Russian forces killed five civilians" names the killers
    ("US says more than 20,000 Russian forces killed since December in Ukraine", 20000),
])
def test_unlisted_victim_nouns_before_a_passive_casualty_verb(text, killed):
    assert [e["killed"] for e in one(text)] == [killed]


def test_forces_before_a_casualty_verb_and_its_count_are_the_killers():
    assert [(e["killed"], e["who"]) for e in one("Russian forces killed five civilians in Kherson.")] == [(5, "civilians")]


@pytest.mark.parametrize("text", [
    "Two Ukrainian tanks were destroyed and three civilian houses were damaged.",
    "Three bridges and two depots have been hit.",
])
def test_unlisted_nouns_without_a_casualty_verb_give_nothing(text):
    assert extract_events(text) == []


def test_a_toll_revised_in_the_same_text_is_one_event_at_its_latest_figure():
    text = ("A Russian attack on Lviv killed seven people and injured 64, the governor said; "
            "he later raised the toll to seven dead and 66 wounded.")
    assert [(e["killed"], e["injured"], e["update"]) for e in one(text)] == [(7, 66, True)]
    cas = extract_casualties(sentences_from_text(
        "A Russian missile killed three people in Kyiv on Monday. By evening the death toll had risen to nine."))
    assert list(zip(cas["killed"], cas["superseded"])) == [(3, True), (9, False)]


# --- issue 8's kinds of phrasing (our own wording in the shapes found in real reporting) -------

def pairs(text, date="2025-06-01"):
    return [(e["weapon_class"] if "weapon_class" in e else e["weapon"], e["launched"], e["intercepted"])
            for e in extract_events(text, date) if e["kind"] == "interception"]


def test_an_air_force_bulletin_with_a_type_list_and_hits_is_one_event():
    text = ("Russian forces launched 120 Shahed-, Gerbera-, Italmas-type and other drones, of which about 80 "
            "were Shaheds, from the directions of Kursk, Oryol and occupied Crimea. Ukrainian forces downed "
            "108 drones, and one missile and 13 drones struck 11 locations.")
    assert pairs(text) == [("drone", 120, 108)]


@pytest.mark.parametrize("text, expected", [
    ("The strike came after a night in which Russia attacked Ukraine, deploying 71 missiles and 450 drones.",
     [("missile", 71, None), ("drone", 450, None)]),
    ("Zelensky said Russia had launched \u201cmore than 400 drones and around 40 missiles\u201d overnight.",
     [("drone", 400, None), ("missile", 40, None)]),
    ("The Russian army launch nearly 600 drones and more than 30 missiles at Kyiv.",
     [("drone", 600, None), ("missile", 30, None)]),
    ("Sunday's attack on Kyiv consisted of 68 missiles and 351 strike drones, the president said.",
     [("missile", 68, None), ("drone", 351, None)]),
    ("Russia attacked the capital and three other cities with 90 drones.", [("drone", 90, None)]),
])
def test_launch_counts_in_participles_quotations_and_present_tense(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Air defence shot down a cruise missile over Kyiv.", [("cruise missile", None, 1)]),
    ("Russia attacked the region with an X-59 missile, which Ukraine said it also shot down.",
     [("cruise missile", 1, 1)]),
    ("Russia launched 12 drones and a cruise missile overnight; air defence destroyed 10 drones.",
     [("drone", 12, 10), ("cruise missile", 1, None)]),
    ("Some 24 drones and a cruise missile were intercepted.", [("drone", None, 24), ("cruise missile", None, 1)]),
    ("Russia launched a major drone and missile attack on the capital.", []),
    ("Russian military launched a barrage of airstrikes in the north.", []),
])
def test_singular_weapons_count_one(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The air force said all 89 drones fired were shot down.", [("drone", 89, 89)]),
    ("Russia fired two missiles at Odesa, neither of which was intercepted.", [("missile", 2, 0)]),
    ("Russia launched 12 Shahed drones overnight, 10 of which Ukrainian air defence shot down.", [("drone", 12, 10)]),
    ("The mayor said that 21 of the 31 missiles targeting Kyiv were intercepted.", [("missile", 31, 21)]),
])
def test_all_none_and_relative_parts(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, killed", [
    ("A blast killed Olena Koval, a 56-year-old paramedic, in Kharkiv.", 1),
    ("Petro Marchenko, 50, was killed when a shell hit his yard in Nikopol.", 1),
    ("A British citizen has been killed, the Foreign Office said.", 1),
])
def test_named_and_single_victims(text, killed):
    assert [e["killed"] for e in one(text)] == [killed]


def test_a_pronoun_victim_after_the_sentence_naming_him():
    ev = one("Taras Hnatiuk lived in Kherson. On Tuesday a bomb hit his house and killed him.")
    assert [(e["killed"], e["location"]) for e in ev] == [(1, "Kherson")]


def test_coordinated_victims_with_ages_add_up():
    assert [e["injured"] for e in one("The strike injured a 6-year-old girl and an 18-month-old toddler in Sumy.")] == [2]


def test_a_toll_raised_in_the_same_sentence_is_its_latest_figure():
    ev = one("The ministry initially acknowledged 63 dead, raising the figure two days later to 89.")
    assert [(e["killed"], e["update"]) for e in ev] == [(89, True)]


@pytest.mark.parametrize("text", [
    "The family of a soldier killed in action is paid 15 million hryvnias.",
    "The government pays compensation for injuries suffered in shelling.",
])
def test_payments_for_casualties_are_not_casualties(text):
    assert one(text) == []


def test_a_sub_count_after_its_toll_adds_nothing():
    ev = one("Five people were killed and 12 wounded in Odesa. A 14-year-old girl was among the wounded.")
    assert [(e["killed"], e["injured"]) for e in ev] == [(5, 12)]


@pytest.mark.parametrize("text, expected", [
    ("Russia attacked the Kyiv region with 35 Shahed drones overnight. All the drones, which came from "
     "the Bryansk region, were shot down by air defence.", [("drone", 35, 35)]),
    ("Russia launched 40 drones and 3 missiles. Air defence destroyed all of them.",
     [("drone", 40, 40), ("missile", 3, 3)]),
    ("Air defence units shot down five combat and nine reconnaissance drones.",
     [("drone", None, 5), ("drone", None, 9)]),
    ("Fifteen Shaheds and one Kh-59 air-guided missile were shot down, the air force said.",
     [("drone", None, 15), ("cruise missile", None, 1)]),
])
def test_all_of_the_ones_before_shared_nouns_and_hyphenated_names(text, expected):
    assert pairs(text) == expected


def test_a_victim_list_with_an_age_aside():
    assert [e["killed"] for e in one("A woman and two girls, aged five and 10, were killed in Sumy.")] == [3]


def test_a_regional_count_before_the_national_total_is_a_part_of_it():
    text = ("More than 40 drones were shot down over Kyiv, the city administration said. In all, Ukraine "
            "intercepted 52 of 54 Shahed drones fired overnight, the Air Force said.")
    assert pairs(text) == [("drone", 54, 52)]


@pytest.mark.parametrize("text, expected", [
    ("Over the past week Russia launched 1,100 drones against Ukraine, more than 890 glide bombs and 50 missiles.",
     [("drone", 1100, None), ("guided bomb", 890, None), ("missile", 50, None)]),
    ("Russia launched 23 drones and a cruise missile; air defence destroyed the missile and 18 of the drones.",
     [("drone", 23, 18), ("cruise missile", 1, 1)]),
    ("Ukraine did not stop a single ballistic missile in that attack.", [("ballistic missile", None, 0)]),
    ("Air defences destroyed 41 out of 51 cruise missiles launched by Russia, as well as two drones.",
     [("cruise missile", 51, 41), ("drone", None, 2)]),
])
def test_lists_definite_singulars_and_none_of_them(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, killed", [
    ("Russia suffered 1.2 million casualties, including 325,000 troop deaths, the report said.", 325000),
    ("A NATO official put the figure at 40,000 killed, wounded and captured.", None),
    ("30,000 soldiers have died or been injured in the Bakhmut area.", None),
])
def test_parts_of_combined_counts(text, killed):
    assert [e["killed"] for e in one(text)] == ([killed] if killed else [])


def test_a_count_right_after_among_is_the_whole_group():
    ev = one("A woman was killed and two girls were among seven injured in a strike on Mykolaiv.")
    assert [(e["killed"], e["injured"]) for e in ev] == [(1, 7)]


def test_the_other_side_s_claim_after_a_bulletin_is_an_event_of_its_own():
    text = ("Russia launched 112 drones overnight, the air force said, adding that 97 were shot down. "
            "Russia's defence ministry said separately that its air defences had destroyed 41 Ukrainian "
            "drones over the Bryansk region.")
    got = [(e["launched"], e["intercepted"], e["claimant"]) for e in extract_events(text, "2025-07-05")]
    assert got == [(112, 97, "Ukrainian Air Force"), (None, 41, "Russian Ministry of Defence")]


def test_the_dnipro_before_a_facility_is_the_city_and_alone_the_river():
    assert one("A missile hit the Dnipro bus station, killing seven people.")[0]["location"] == "Dnipro"
    assert one("Troops crossed the Dnipro near Kherson, and two soldiers were killed.")[0]["location"] == "Kherson"


# --- aircraft, strike nouns, "prevented" -------------------------------------------------------

def test_aircraft_and_helicopters_shot_down_are_no_interceptions():
    assert figures("Ukrainian forces shot down two helicopters and two cruise missiles.") == \
        [("interception", "cruise missile", None, 2, None)]
    assert figures("Air defences and fighters shot down four Russian Su-25 aircraft, two helicopters, "
                   "and two cruise missiles.") == [("interception", "cruise missile", None, 2, None)]
    assert figures("Ukraine said it shot down a Russian Su-34 fighter jet over Donetsk Oblast.") == []


def test_a_list_goes_on_after_missile_strikes():
    assert figures("Russian forces launched 40 missile strikes and 16 Shahed drones at Ukrainian "
                   "infrastructure and Ukrainian forces shot down 20 cruise missiles and 11 drones.") == \
        [("interception", "missile", 40, 20, None), ("interception", "drone", 16, 11, None)]


def test_prevented_from_striking_is_intercepted_and_people_are_not():
    ev = one("The Russian MoD claimed that electronic warfare systems prevented eight Ukrainian attack "
             "drones from striking the plant.")
    assert [(e["weapon_class"], e["intercepted"], e["claimant"]) for e in ev] == \
        [("drone", 8, "Russian Ministry of Defence")]
    assert figures("Police prevented 20 people from entering the square.") == []


# --- among-parts reach, hyphenated modifiers, "ppl", adding openers, combined counts ---------

def test_among_those_killed_three_sentences_after_the_toll_adds_nothing():
    assert figures("As of now - 8 dead. At least 18 wounded. Ordinary peaceful people. "
                   "Among those killed was a 3-month-old baby girl.") == \
        [("casualty", 8, None), ("casualty", None, 18)]
    # alone, with no toll in reach, the group is the figure
    assert figures("Russia struck Odesa. Sirens sounded. Power was cut. Residents fled. "
                   "Among those killed was a 3-month-old baby girl.") == [("casualty", 1, None)]


def test_a_pair_with_a_hyphenated_modifier_is_two():
    assert figures("In Luhansk, a pro-Russia prosecutor and his deputy died when their office was blown up.") == \
        [("casualty", 2, None)]


def test_ppl_are_people():
    assert figures("Shelling killed 12 ppl in Kharkiv on Monday.") == [("casualty", 12, None)]


def test_another_after_a_period_toll_counts_over_the_same_period():
    ev = one("At least eleven journalists have been killed in Ukraine in recent weeks. "
             "Another 11 have been wounded by gunfire.")
    assert [(e["killed"], e["injured"], e["figure_type"]) for e in ev] == [(11, None, "period"), (None, 11, "period")]
    ev = one("Russian forces killed 5 people in Kharkiv. Another 3 were killed in Kherson.")
    assert [e["figure_type"] for e in ev] == ["event", "event"]


def test_deaths_inside_a_combined_count_whose_noun_opens_the_clause():
    ev = one("Verified civilian casualties between 2022 and the end of September 2024 reached nearly "
             "39,000, including over 12,000 deaths of which more than 2,400 were children.")
    assert [(e["killed"], e["injured"], e["figure_type"]) for e in ev] == [(12000, None, "cumulative")]
    assert figures("Five people were killed and 20 wounded in the attack, including three children.") == \
        [("casualty", 5, 20)]


# --- round-2 real-text phrasings (own wording) --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Three Kharkiv Thermal Power Plant engineers are killed and another is injured in a drone attack.",
     [("casualty", 3, 1)]),
    ("The mayor said at least 10 people are confirmed to have been killed so far.", [("casualty", 10, None)]),
    ("Officials said four soldiers were believed to have died in the blast.", [("casualty", 4, None)]),
    ("Some 500,000 are estimated to have died in the fighting, the agency said.", [("casualty", 500000, None)]),
    ("The strike killed his wife and daughter.", [("casualty", 2, None)]),
    ("Oleh Petrenko's wife, mother-in-law, and baby were killed in a strike on their flat in Odesa.",
     [("casualty", 3, None)]),
    ("The 4-year-old girl and at least six other people were killed in the attack on Sumy.", [("casualty", 7, None)]),
    ("A woman said two people were killed.", [("casualty", 2, None)]),
    ("Fortunately, people were not injured, the regional governor said.", [("casualty", None, 0)]),
    ("Russian attacks on Kharkiv kill 4, wound more than two dozen", [("casualty", 4, 24)]),
    ("Unfortunately, a 51-year-old man was fatally wounded, the governor said.", [("casualty", 1, None)]),
    ("Rescuers said 212 bodies have been discovered so far in the region.", [("casualty", 212, None)]),
])
def test_real_text_round_two_phrasings(text, expected):
    assert figures(text) == expected


def test_the_stated_part_of_a_vague_toll_is_the_figure():
    ev = one("Dozens of people were killed in strikes across Ukraine, including 23 people killed and more than "
             "80 others injured in a missile strike on a block of flats in Lviv.")
    assert [(e["killed"], e["injured"], e["location"]) for e in ev] == [(23, 80, "Lviv")]
    assert figures("Five people were killed, including 2 children.") == [("casualty", 5, None)]


def test_a_war_named_after_than_is_a_comparison_not_the_figures_era():
    (ev,) = one("He was one of at least 9,000 Russians who have died in Ukraine, more than in the Soviets' Afghan war.")
    assert (ev["killed"], ev["figure_type"]) == (9000, "cumulative")
    (ev,) = one("About 14 million Soviet civilians died during the Second World War.")
    assert ev["figure_type"] == "historical"


def test_a_mass_grave_is_a_total_never_a_strike():
    (ev,) = one("Investigators found a mass grave containing more than 300 bodies near the town.")
    assert (ev["killed"], ev["figure_type"], ev["aggregate"]) == (300, "cumulative", True)


def test_airstrikes_are_no_launch_counts():
    assert figures("Russian troops launched five airstrikes against the town, the General Staff said.") == []


def test_a_second_count_of_a_class_the_sentence_completed_is_another_type_not_a_share():
    got = figures("Russian troops launched 25 cruise missiles at energy facilities. Air defence forces destroyed "
                  "four cruise missiles, five Shahed drones, and two Kh-59 guided missiles.")
    assert got == [("interception", "cruise missile", 25, 4, None), ("interception", "drone", None, 5, None),
                   ("interception", "cruise missile", None, 2, None)]
    # a share stated in the next sentence is still no event of its own
    assert figures("Russia launched 90 drones overnight, 70 of which were shot down. "
                   "11 drones were shot down over the Kharkiv region.") == [("interception", "drone", 90, 70, None)]


def test_others_disrupted_by_electronic_warfare_are_not_reached():
    assert figures("Ukraine says it shot down 95 of 143 drones while disrupting 46 others by electronic "
                   "countermeasures.") == [("interception", "drone", 143, 95, 46)]


# --- the General Staff's table of the enemy's combat losses ----------------------------------

LOSS_REPORT = ("The total combat losses of the enemy from 24.02 to 03.06 were approximately: personnel ‒ about "
               "30700 (+200) persons were liquidated, tanks ‒ 1361 (+3) од, aircraft – 210 (+0) од, helicopters – "
               "175 (+1) од, UAV operational-tactical level ‒ 528 (+5), cruise missiles ‒ 120 (+0), boats ‒ 13 (+0).")


def test_a_loss_report_gives_running_totals_and_the_days_change_never_events():
    got = [(e["kind"], e["killed"] if e["kind"] == "casualty" else e["intercepted"],
            e.get("weapon_class"), e["figure_type"], e["aggregate"]) for e in one(LOSS_REPORT)]
    assert got == [("casualty", 30700, None, "cumulative", True), ("casualty", 200, None, "period", True),
                   ("interception", 528, "drone", "cumulative", True), ("interception", 5, "drone", "period", True),
                   ("interception", 120, "cruise missile", "cumulative", True),
                   ("interception", 0, "cruise missile", "period", True)]
    (first,) = [e for e in one(LOSS_REPORT) if e["kind"] == "casualty" and e["figure_type"] == "cumulative"]
    assert first["killed_qualifier"] == "about"
    assert LOSS_REPORT[first["char_start"]:first["char_end"]] == "30700"


def test_personnel_not_stated_as_killed_is_no_figure_and_equipment_never_is():
    text = ("The total combat losses of the enemy from 24.02 to 12.04 were approximately: personnel ‒ about "
            "19600 осіб, tanks ‒ 732 од, UAV operational-tactical level ‒ 124.")
    assert [(e["kind"], e["intercepted"], e["figure_type"]) for e in one(text)] == [("interception", 124, "cumulative")]
    assert one("Ukraine's losses were heavy: tanks ‒ 40, trucks ‒ 12.") == []


def test_a_count_that_leaves_its_verb_out_takes_the_role_and_its_own_place():
    ev = one("Three civilians were killed in the eastern Donetsk region and two others in Kherson, officials said.")
    assert [(e["killed"], e["location"]) for e in ev] == [(3, "Donetsk Oblast"), (2, "Kherson")]
    assert figures("Russia fired 10 missiles and two more.") == [("interception", "missile", 10, None, None)]


def test_no_one_reported_injured_or_killed_is_two_zeros():
    assert figures("The governor said no one was reported injured or killed in the attack.") == [("casualty", 0, 0)]


def test_a_weapon_before_an_ellipsis_is_still_the_weapon():
    assert figures("Ukrainian troops managed to intercept a Tochka-U missile… with a Stinger.") == \
        [("interception", "missile", None, 1, None)]


def test_one_weapon_being_shot_down_counts_one():
    assert figures("Footage shows a Kh-59 missile being shot down over the city.") == \
        [("interception", "cruise missile", None, 1, None)]
    assert figures("Footage shows a drone being repaired in a hangar.") == []


@pytest.mark.parametrize("text, expected", [
    ("Three members of one family were killed in Izium.", [("casualty", 3, None)]),
    ("Four members of a family of six were killed when a missile hit their home.", [("casualty", 4, None)]),
    ("A family of six died when a missile hit their home.", [("casualty", 6, None)]),
    ("Two employees of a power plant were injured.", [("casualty", None, 2)]),
])
def test_a_count_in_the_group_of_the_victims_is_its_size_not_victims(text, expected):
    assert figures(text) == expected


def test_drones_downed_by_electronic_warfare_did_not_reach_and_were_not_shot_down():
    assert figures("Two drones were downed by electronic warfare over Moscow, officials said.") == \
        [("interception", "drone", None, None, 2)]
    assert figures("Two drones were downed over Moscow, officials said.") == [("interception", "drone", None, 2, None)]


# --- round-3 real-text phrasings (own wording) --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In the southern Kherson region, a drone attack killed a **paramedic** on Monday.", [("casualty", 1, None)]),
    ("Seven members of the **battalion** died during the deployment.", [("casualty", 7, None)]),
    ("He said 40 Wagner convicts of his 60-person unit were killed.", [("casualty", 40, None)]),
    ("Debris fell on a village near Dnipro, hurting 9 people, the governor said.", [("casualty", None, 9)]),
])
def test_real_text_round_three_phrasings(text, expected):
    assert figures(text) == expected


def test_cutting_down_is_intercepting():
    assert figures("Russia fired 300 drones and 10 missiles, with air defence systems cutting down 280 drones and "
                   "six missiles.") == [("interception", "drone", 300, 280, None), ("interception", "missile", 10, 6, None)]


def test_a_running_count_so_far_is_cumulative_and_a_strikes_toll_so_far_is_not():
    (ev,) = one("The health minister said that 352 civilians had been killed so far by Russian forces.")
    assert ev["figure_type"] == "cumulative"
    (ev,) = one("The mayor said at least 12 people are confirmed to have been killed so far.")
    assert ev["figure_type"] == "event"
    (ev,) = one("As of the beginning of May 2023, volunteers identified 310 dead.")
    assert ev["figure_type"] == "cumulative"
    (ev,) = one("In six days of invasion, Russia fired 150 cruise missiles at Ukraine.")
    assert ev["figure_type"] == "cumulative"


def test_one_of_the_missiles_launched_is_a_part_not_a_launch_count():
    assert [f for f in figures("At least 10 people were injured when one of the two missiles launched struck "
                               "a building in Kyiv.") if f[0] == "interception"] == \
        [("interception", "missile", 2, None, None)]


# --- round-4 real-text phrasings (own wording) --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In May, he said that at least five Russian generals were killed.", [("casualty", 5, None)]),
    ("The attack killed two diners and a restaurant worker and wounded seven, officials said.", [("casualty", 3, 7)]),
    ("Child killed and 4 other people wounded by Russian shelling in Kherson region, authorities say",
     [("casualty", 1, 4)]),
    ("Woman injured in drone attack on Kharkiv", [("casualty", None, 1)]),
    ("Soldier says the war is hard", []),
    ("Russia says air defence shot down Ukrainian drone over Kursk", [("interception", "drone", None, 1, None)]),
    ("Ukraine shot down Russian drones over Kyiv", []),
])
def test_real_text_round_four_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russian forces used at least four loitering munitions against Mykolaiv Oblast, and air defences shot down "
     "one drone.", [("interception", "drone", 4, 1, None)]),
    ("As of now, 9 people have been reported killed and 31 wounded.", [("casualty", 9, 31)]),
    ("The number of killed Russian servicemen already exceeds 15 thousand people.", [("casualty", 15000, None)]),
    ("He referred to the around 70 missiles that were launched across Ukraine last night.",
     [("interception", "missile", 70, None, None)]),
])
def test_real_text_round_four_phrasings_official(text, expected):
    assert figures(text) == expected


def test_already_with_a_large_count_is_a_running_total():
    (ev,) = one("Already about 1,500 missiles have been fired at our cities by Russia.")
    assert (ev["launched"], ev["figure_type"]) == (1500, "cumulative")


def test_a_toll_with_no_place_takes_the_one_place_named_a_few_sentences_before():
    text = ("Russian missiles struck the railway station in our city of Kramatorsk. At the usual train station. "
            "At the people who were waiting for trains. They hit people with missiles. At least 30 dead.")
    (ev,) = one(text)
    assert (ev["killed"], ev["location"]) == (30, "Kramatorsk")
    # two places named there: no guess
    text = ("Missiles struck Kharkiv and Odesa. Power was cut. Trains stopped. At least 9 dead.")
    (ev,) = one(text)
    assert (ev["killed"], ev["location"]) == (9, None)


def test_a_corpus_of_loss_reports_alone_gives_whole_tables():
    sentences = sentences_from_text(LOSS_REPORT, "mod")
    cas, inter = extract_casualties(sentences), extract_interceptions(sentences)
    assert list(cas.columns) == CASUALTY_COLUMNS and list(inter.columns) == INTERCEPTION_COLUMNS
    assert cas[["killed", "figure_type"]].values.tolist() == [[30700, "cumulative"], [200, "period"]]
    assert inter["claimant"].tolist() == ["Ukrainian General Staff"] * 4


def test_a_qualifier_before_a_list_after_a_comma_is_kept():
    (ev,) = one("Officials said, at least two women and a child were killed.")
    assert (ev["killed"], ev["killed_qualifier"]) == (3, "at least")


@pytest.mark.parametrize("text, expected", [
    # the items of an "including" list are parts of the count before it, however long the list
    ("Air defence says 36 targets, including three Kalibr and 33 Kh-101 cruise missiles were shot down.",
     [("interception", "mixed", None, 36, None)]),
    ("Of the 40 air targets, including 25 Shahed drones and 15 missiles, 38 were destroyed.",
     [("interception", "mixed", 40, 38, None)]),
    ("In all, 36 drones, including 20 over Kyiv and 9 over Odesa, were shot down.",
     [("interception", "drone", None, 36, None)]),
    # after the list's comma the next count is a figure of its own
    ("Russia launched 50 drones, including 30 Shaheds, and air defence shot down 41.",
     [("interception", "drone", 50, 41, None)]),
])
def test_an_including_list_is_a_part_of_its_total(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the group the victims belong to may be named, and followed by an appositive aside
    ("Three workers of Ukraine's largest private energy company, DTEK, were injured in the strike.",
     [("casualty", None, 3)]),
    ("Two employees of Ukrzaliznytsia, the state railway, were killed on Tuesday.", [("casualty", 2, None)]),
    ("Four members of Ukrzaliznytsia were injured.", [("casualty", None, 4)]),
])
def test_victims_of_a_named_group_with_an_aside(text, expected):
    assert [(e["kind"], e["killed"], e["injured"]) for e in one(text)] == expected


def test_a_dashed_aside_between_victims_and_verb():
    assert [(e["killed"], e["figure_type"]) for e in one(
        "Some 4,000 fighters of the group — many of them recruited in prisons — have been killed since the invasion began.")] \
        == [(4000, "cumulative")]
    assert [e["killed"] for e in one("Three people (two of them children) were killed in Kharkiv.")] == [3]


def test_a_smaller_count_over_the_whole_country_or_an_earlier_tally_is_a_claim_of_its_own():
    # a smaller count over one region after a national one is its share; over the whole country,
    # or an earlier tally, it is another claim
    assert figures("Russia launched 90 drones overnight and 76 were shot down. 11 drones were shot down over the "
                   "Kharkiv region.") == [("interception", "drone", 90, 76, None)]
    assert figures("The minister said 91 drones had been intercepted. The ministry initially reported that 89 drones "
                   "were shot down across eight regions.") == [("interception", "drone", None, 91, None),
                                                               ("interception", "drone", None, 89, None)]


def test_a_launch_count_whose_relative_clause_intercepts_it():
    assert figures("Ukraine attacked overnight, involving 60 long-range drones that were intercepted by air defences.") \
        == [("interception", "drone", 60, 60, None)]
    assert figures("Russia launched 40 drones that struck Odesa.") == [("interception", "drone", 40, None, None)]


def test_tolls_of_other_places_after_a_clause_break_are_events_of_their_own():
    got = [(e["location"], e["killed"], e["injured"]) for e in one(
        "Nine people were wounded in Lviv, while in the east two people died in Dnipro and four were wounded in Kharkiv.")]
    assert got == [("Lviv", None, 9), ("Dnipro", 2, None), ("Kharkiv", None, 4)]
    # one place, or no place for the second figure: one event
    assert [(e["location"], e["killed"], e["injured"]) for e in one(
        "Two people were killed in Kyiv and five injured.")] == [("Kyiv", 2, 5)]
    assert [(e["location"], e["killed"], e["injured"]) for e in one(
        "Five people were killed in Kharkiv and 12 injured in the region.")] == [("Kharkiv", 5, 12)]


def test_animals_are_no_casualties_and_plurals_in_men_are_people():
    assert one("The centre said it had recorded 61 dead dolphins since the spill.") == []
    assert [e["killed"] for e in one("A strike on a farm killed 200 cows.")] == []
    assert [e["killed"] for e in one("Two fishermen were killed.")] == [2]


@pytest.mark.parametrize("text, expected", [
    ("The explosion killed two and left three in serious condition.", [(2, 3)]),
    ("Three people are known to have died, and more than 20 people are on the list of wounded.", [(3, 20)]),
    # a part of the injured, not a second figure
    ("Ten people were injured in an attack on a warehouse, with three in a serious condition.", [(None, 10)]),
    ("Eight people were wounded, four of them in critical condition.", [(None, 8)]),
])
def test_conditions_and_lists_of_the_wounded(text, expected):
    assert [(e["killed"], e["injured"]) for e in one(text)] == expected


def test_a_year_like_number_before_a_weapon_counts_it():
    assert figures("The Russian army has used 2014 missiles against Ukraine.") == [("interception", "missile", 2014, None, None)]
    assert figures("Since 2014 missiles have hit Donetsk.") == []
    assert [e["killed"] for e in one("The 2022 drone attacks killed 5 people.")] == [5]


def test_no_weapons_launched_is_an_explicit_zero_per_weapon():
    assert figures("The truce held: the air force said no Russian missiles or drones had been detected overnight.") == [
        ("interception", "missile", 0, None, None), ("interception", "drone", 0, None, None)]
    assert figures("No drones were launched overnight, the air force said.") == [("interception", "drone", 0, None, None)]
    # zero shot down is no zero launch; a radar's count is a launch count
    assert figures("No missiles were shot down.") == []
    assert figures("Radars detected 40 drones overnight, and 35 were shot down.") == [("interception", "drone", 40, 35, None)]


def test_none_of_which_after_a_cut_stop_and_a_longer_singular_weapon():
    assert figures("The attack included six Kinzhal missiles. none of which were shot down.") == [
        ("interception", "ballistic missile", 6, 0, None)]
    assert figures("Belarus said its air defences shot down a Ukrainian S-300 surface-to-air missile.") == [
        ("interception", "missile", None, 1, None)]
    assert figures("Eighteen out of 18 missiles were knocked out.") == [("interception", "missile", 18, 18, None)]


def test_a_scene_place_may_name_its_country_too():
    got = one("Russia launched a missile barrage at Kyiv to exhaust Ukraine's air defences. The military said it had "
              "intercepted all the missiles fired at the city. One person was reported to have been injured.")
    assert [(e["location"], e["injured"]) for e in got if e["kind"] == "casualty"] == [("Kyiv", 1)]


@pytest.mark.parametrize("text, expected", [
    ("Eighteen out of 18 missiles apparently aimed at US-made Patriot air defence systems were knocked out.",
     [("interception", "missile", 18, 18, None)]),
    ("Some 30 Shahed drones targeting energy facilities in the west of the country were shot down.",
     [("interception", "drone", None, 30, None)]),
    # another count or clause between: the verb is not the weapons'
    ("Russia fired 40 missiles at cities where 20 people were killed.",
     [("interception", "missile", 40, None, None), ("casualty", 20, None)]),
])
def test_a_passive_interception_verb_far_along_the_clause(text, expected):
    assert figures(text) == expected


def test_a_list_of_victims_may_open_with_unlisted_plurals():
    assert [e["killed"] for e in one("Two colonels, three majors and 12 officers were also killed.")] == [17]
    # things are no victims, and a list must end in a listed victim
    assert [e["killed"] for e in one("Two tanks and 12 soldiers were killed.")] == [12]
    assert one("Two tanks, three trucks and 12 guns were destroyed.") == []


def test_a_toll_stated_again_is_one_claim():
    text = ("One person was killed in an air attack on the Kherson region, the governor said. \"The enemy dropped a bomb "
            "on the city of Beryslav. It hit a house. A 42-year-old man was fatally wounded,\" he said.")
    assert [(e["killed"], e["location"]) for e in one(text)] == [(1, "Beryslav")]
    # another place, or a word that adds, keeps both
    assert len(one("Two people were killed in Kharkiv. Two people were killed in Odesa.")) == 2
    assert len(one("A drone strike killed one man in Nikopol. Another man was killed nearby.")) == 2
    # the table keeps the restated row, marked, so the reader sees both sentences
    table = extract_casualties(sentences_from_text(text))
    assert table["superseded"].tolist() == [True, False]


@pytest.mark.parametrize("text, expected", [
    ("Seven people in Kyiv were killed.", [("Kyiv", 7, None)]),
    ("Seven people in Kyiv, Ukraine, and three more in Rostov-on-Don, Russia, are killed as both sides strike.",
     [("Kyiv", 7, None), ("Rostov-on-Don", 3, None)]),
    ("Five civilians in Kherson and two in Nikopol were wounded.", [("Kherson", None, 5), ("Nikopol", None, 2)]),
    # the people of a place who speak are no victims
    ("Two people in Kharkiv said they were injured.", []),
])
def test_victims_with_their_place_before_the_verb(text, expected):
    assert [(e["location"], e["killed"], e["injured"]) for e in one(text)] == expected


def test_a_single_victim_with_a_place_before_the_verb():
    assert [(e["location"], e["killed"]) for e in one("A 45-year-old woman from Kherson was killed by shelling.")] \
        == [("Kherson", 1)]
    assert [(e["location"], e["injured"]) for e in one("A man in Kharkiv was injured.")] == [("Kharkiv", 1)]


@pytest.mark.parametrize("text, expected", [
    ("Russia hit Ukraine with 9 missiles and 112 drones overnight, the air force said, adding that it had shot down "
     "3 missiles and 89 drones.", [("interception", "missile", 9, 3, None), ("interception", "drone", 112, 89, None)]),
    ("Kyiv came under attack from 20 drones, most of which were shot down.", [("interception", "drone", 20, None, None)]),
    ("A drone hit a house with 4 people inside.", []),
])
def test_hit_with_and_attack_from_are_launches(text, expected):
    assert figures(text) == expected


def test_bodies_found_at_a_strike_site_are_its_dead_and_bodies_handed_over_are_not():
    assert [(e["killed"], e["location"]) for e in one("The bodies of five civilians were found after a strike on Izium.")] \
        == [(5, "Izium")]
    assert one("The bodies of 50 soldiers were returned to Ukraine.") == []


@pytest.mark.parametrize("text, expected", [
    ("Air defences destroyed one plane, one unmanned aerial vehicle (UAV), and four cruise missiles.",
     [("interception", "drone", None, 1, None), ("interception", "cruise missile", None, 4, None)]),
    ("Russia launched at least 570 drones and 40 hypersonic, ballistic, and cruise missiles across Ukraine.",
     [("interception", "drone", 570, None, None), ("interception", "missile", 40, None, None)]),
])
def test_planes_are_no_interceptions_and_lists_of_kinds_name_one_weapon(text, expected):
    assert figures(text) == expected


def test_a_toll_named_with_its_place_inside_a_nationwide_sentence_is_that_place():
    got = one("Russia launches 597 drones and 26 cruise missiles across Ukraine, killing two civilians in Chernivtsi, "
              "injuring 20 others.")
    assert [(e["location"], e["killed"], e["injured"]) for e in got if e["kind"] == "casualty"] == [("Chernivtsi", 2, 20)]
    assert [e["location"] for e in one("Russian strikes across the country killed eight civilians.")] == ["Ukraine"]


@pytest.mark.parametrize("text, expected", [
    ("Officials said the attack using 91 long-range attack drones failed. All the drones were destroyed by air defence.",
     [("interception", "drone", 91, 91, None)]),
    ("Russia launches one of its largest attacks on the grid, with about 290 missiles fired and drones striking the west.",
     [("interception", "missile", 290, None, None)]),
    ("Since last night, there have been almost 500 drones – a large number of Shaheds – as well as 40 missiles.",
     [("interception", "drone", 500, None, None), ("interception", "missile", 40, None, None)]),
    # a participle gives way to the clause's own verb; "one of" its drones is one
    ("Missiles fired at Kyiv were shot down.", []),
    ("One of its drones was shot down over Kursk.", [("interception", "drone", None, 1, None)]),
])
def test_attack_using_participles_existentials_and_dashed_asides(text, expected):
    assert figures(text) == expected


def test_a_span_of_time_after_a_casualty_verb_counts_no_victims():
    assert [e["killed"] for e in one("After he was killed two months later in a plane crash, the ministry fell silent.")] \
        == [1]  # he, not the two months
    assert [e["killed"] for e in one("The strike killed two people.")] == [2]


def test_each_money_amount_names_what_it_measures_up_to_the_next_amount():
    got = extract_economic_figures(sentences_from_text(
        "Biden also requested $8.5bn in economic aid to Kyiv and $3bn in humanitarian relief, as well as funds."))
    assert got[["amount", "what"]].values.tolist() == [[8.5e9, "economic aid to Kyiv"], [3e9, "humanitarian relief"]]


# --- round-7 real-text phrasings (own wording) --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "a record" between the verb and its count; "dispatched" launches
    ("Moscow launched a record 728 drones at Ukraine overnight.", [("interception", "drone", 728, None, None)]),
    ("Russia dispatched 96 drones towards Odesa.", [("interception", "drone", 96, None, None)]),
    # a dashed aside between "all N drones" and its verb
    ("All 12 drones - five of them aimed at the capital - were destroyed, the air force said.",
     [("interception", "drone", 12, 12, None)]),
    # a "with N destroyed over ..." breakdown of a larger count is a part; "with N more" adds to it
    ("Air defence destroyed 30 drones overnight, with 11 destroyed over the Sumy region.",
     [("interception", "drone", None, 30, None)]),
    ("Air defence destroyed 30 drones overnight, with 11 more destroyed at dawn.",
     [("interception", "drone", None, 30, None), ("interception", "drone", None, 11, None)]),
    # projectiles, HIMARS and unmanned aircraft are weapons
    ("The ministry said air defence shot down eight HIMARS projectiles over the bridge.",
     [("interception", "missile", None, 8, None)]),
    ("Three unmanned aircraft were shot down over the city.", [("interception", "drone", None, 3, None)]),
    # a tally added to later is one figure, the sum; "adding that" adds no count
    ("The ministry said 60 drones were shot down over five regions, later adding another 14.",
     [("interception", "drone", None, 74, None)]),
    ("Air defence shot down 40 drones, the ministry said, adding that the debris hurt nobody.",
     [("interception", "drone", None, 40, None)]),
    ("Since February they have spent more than 3,000 missiles on Ukrainian cities.",
     [("interception", "missile", 3000, None, None)]),
])
def test_round_seven_interception_phrasings(text, expected):
    assert figures(text) == expected


def test_a_toll_stated_before_the_toll_rose_is_outdated():
    text = ("The strike on a cafe in the village killed 51 people. In a briefing before the death toll rose, "
            "the spokeswoman said: “49 innocent people were killed by a Russian airstrike.”")
    assert figures(text) == [("casualty", 51, None)]
    # a rise stated plainly is still the revision that stands
    assert figures("Five people were killed in Kharkiv. The death toll rose to seven.") == [("casualty", 7, None)]


@pytest.mark.parametrize("text, expected", [
    ("Russia pounded Kyiv in a seven-hour attack last week, killing two people.", "event"),
    ("A missile strike last month killed 12 people in Dnipro.", "event"),
    ("Russian strikes last week killed 40 people across Ukraine.", "period"),
    ("In attacks last week, 30 people were killed.", "period"),
])
def test_one_attack_dated_by_a_period_is_an_event(text, expected):
    assert [e["figure_type"] for e in one(text, "casualty")] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a rate: "every day" followed by where or by whom
    ("Five children are killed every day in Ukraine by Russian forces.", "other"),
    ("A day in Kyiv: a strike killed three people.", "event"),
    # a running toll in the past perfect of reported speech, with no attack named
    ("A spokesman said on Wednesday that 498 Russian troops had been killed.", "cumulative"),
    ("Officials said 12 people had been killed in the missile strike on Dnipro.", "event"),
])
def test_rates_with_a_place_and_running_tolls_in_the_past_perfect(text, expected):
    assert [e["figure_type"] for e in one(text, "casualty")] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a named person before a passive verb, in a sentence with no number at all
    ("Oleh Petrenko was killed in Kharkiv.", [("casualty", 1, None)]),
    ("Roman Kamenev was shot dead by Ukrainian fighters.", [("casualty", 1, None)]),
    ("Lieutenant General Andrei Mordvichev has been killed.", [("casualty", 1, None)]),
    ("The Kharkiv Regional Administration was shot at.", []),
])
def test_a_named_person_before_a_passive_casualty_verb_counts_one(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot and killed the deputy head of the town's administration on August 5.", [("casualty", 1, None)]),
    ("A drone killed the driver of the truck in Kherson.", [("casualty", 1, None)]),
    ("The UN says the number of civilian deaths is likely much higher.", []),
])
def test_the_with_a_singular_victim_counts_one(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # headline present tense with a plural subject; a participle after the list describes it
    ("Air Defense Forces destroy one ballistic missile and 40 drones used by Russians to attack Ukraine",
     [("interception", "ballistic missile", None, 1, None), ("interception", "drone", None, 40, None)]),
    ("Ukraine's air defense forces down 120 out of 150 Russian drones", [("interception", "drone", 150, 120, None)]),
    ("An Oreshnik missile was also reportedly used.", [("interception", "missile", 1, None, None)]),
    # launchers and systems are equipment, not the missiles they fire
    ("Ukrainian forces destroyed three Russian S-300 air defense missile systems.", []),
    ("Russia fired 30 missiles at energy systems.", [("interception", "missile", 30, None, None)]),
])
def test_round_eight_interception_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("16,000 Russian servicemen have already died.", ("cumulative", 16000)),
    ("The two burial sites may hold 1,000 dead Wagner Group fighters.", ("estimate", 1000)),
    # a strike's toll in the present perfect is one event; the war's is a running total
    ("The strike has killed 12 people in Sumy.", ("event", 12)),
    ("The war has killed 12 journalists.", ("cumulative", 12)),
    ("Russia has killed more than 400 children in Ukraine.", ("cumulative", 400)),
])
def test_round_eight_casualty_types(text, expected):
    assert [(e["figure_type"], e["killed"]) for e in one(text, "casualty")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Lt. Gen. Ivan Petrov was also killed by a car bomb in Moscow in April.", [("casualty", 1, None)]),
    ("Minsk says it downed a Ukrainian S-300 air defence missile amid a wave of attacks.",
     [("interception", "missile", None, 1, None)]),
])
def test_round_eight_named_and_singular_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 6 killed, 45 injured in Russian attacks over past day", ("period", 6)),
    ("US believes 20,000 Russians killed in the war since December", ("estimate", 20000)),
    ("Officials believe 12 people were killed in the strike on Sumy.", ("event", 12)),
])
def test_round_eight_headline_types(text, expected):
    assert [(e["figure_type"], e["killed"]) for e in one(text, "casualty")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The attack left 12 dead civilians.", [("casualty", 12, None)]),
    # the wounded as an adjective describe patients, not a strike's toll
    ("The hospital treated 1,000 wounded soldiers.", []),
])
def test_dead_before_the_victims_counts_them(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a second count with only its place takes the first one's role
    ("Missile strikes kill at least seven people in Kharkiv and three in Zaporizhzhia.",
     [("casualty", 7, None), ("casualty", 3, None)]),
    ("Strikes killed seven people in Sumy and two in the Kharkiv region, officials said.",
     [("casualty", 7, None), ("casualty", 2, None)]),
    ("Strikes killed seven people in Sumy, and 12 in Odesa lost power.", [("casualty", 7, None)]),
])
def test_a_count_with_only_a_place_continues_the_toll_before(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The station attack just over the weekend killed more than 50 civilians.", "event"),
    ("Russian forces fired 12 missiles at the region over the course of the day on July 1.", "period"),
])
def test_round_nine_types(text, expected):
    assert [e["figure_type"] for e in extract_events(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the weapon between the two counts of a pair, nothing after the second
    ("The air force reported shooting down 42 drones out of 50.", [("interception", "drone", 50, 42, None)]),
    ("Ukrainian forces destroyed 20 drones out of the 25 sent overnight.", [("interception", "drone", 25, 20, None)]),
    # a launch count so followed keeps its own role and the rest is no pair
    ("Russia launched 40 drones out of 50 it had prepared.", [("interception", "drone", 40, None, None)]),
    # the Air Force's own English for drones lost to electronic warfare
    ("The military said 30 drones were shot down, while another 12 were 'locationally lost'.",
     [("interception", "drone", None, 30, 12)]),
])
def test_split_pairs_and_locationally_lost(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A 72-year-old woman sustained shrapnel wounds in Beryslav.", [("casualty", None, 1)]),
    ("Two men received gunshot wounds in Kherson.", [("casualty", None, 2)]),
    # a possessive before a singular victim counts one, as "the" and "a" do
    ("A Russian drone hit a minibus in Kherson, killing its driver and wounding three passengers.",
     [("casualty", 1, 3)]),
    ("Russian shelling of Kherson wounded a 45-year-old man and killed his neighbour.", [("casualty", 1, 1)]),
])
def test_wounds_sustained_and_possessive_victims(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "all but N": the N were not shot down, and the count shot down is only implied (left empty)
    ("Officials said 76 missiles had been fired, and all but 16 were shot down.",
     [("interception", "missile", 76, None, None)]),
    # headline present tense
    ("ADF neutralizes 88 out of 105 Russian drones since evening", [("interception", "drone", 105, 88, None)]),
])
def test_all_but_and_neutralizes(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, place", [
    # a toll that names no place takes the scene's when its places nest: a district of its city ...
    ("Russian forces shelled the Saltivka district of Kharkiv with rockets. Shops and a bus stop were hit. "
     "Three people are known to have died.", "Saltivka"),
    # ... a town in its region
    ("Russian forces shelled Nikopol in the Dnipropetrovsk region with artillery. Shops and a bus stop were hit. "
     "Three people are known to have died.", "Nikopol"),
    # two places side by side are no scene: the toll's place stays unknown
    ("Russian forces shelled Nikopol and Marhanets with artillery. Shops and a bus stop were hit. "
     "Three people are known to have died.", None),
])
def test_a_toll_takes_the_scene_place_when_its_places_nest(text, place):
    assert [e["location"] for e in extract_events(text) if e["kind"] == "casualty"] == [place]


def typed(text):
    """(kind, killed/launched, injured/intercepted, figure_type) per event."""
    return [(e["kind"], e["killed"], e["injured"], e["figure_type"]) if e["kind"] == "casualty"
            else (e["kind"], e["launched"], e["intercepted"], e["figure_type"]) for e in extract_events(text)]


@pytest.mark.parametrize("text, expected", [
    # an adverb between the victims and their verb
    ("Six soldiers sadly lost their lives near Bakhmut.", [("casualty", 6, None, "event")]),
    ("Two medics were instantly killed in Kherson.", [("casualty", 2, None, "event")]),
    # a colleague, a relative, a reporter count as victims
    ("A photographer was killed in Kramatorsk. Her colleague was wounded.", [("casualty", 1, None, "event"), ("casualty", None, 1, "event")]),
    # "may have died": a hedge on a large toll is an estimate; "could have been killed" is hypothetical
    ("As many as 20,000 Russian troops may have died, officials believe.", [("casualty", 20000, None, "estimate")]),
    ("Four people could have been killed had the shelter not held.", [("casualty", 4, None, "other")]),
    # bodies found with their victims named after them ("bodies of civilians") are the dead
    ("Investigators have so far found 410 bodies of civilians in the Bucha district.", [("casualty", 410, None, "cumulative")]),
    ("Kyiv received 212 bodies of fallen soldiers on Friday.", []),
    # a toll "approaching" its figure
    ("The number of dead civilians is approaching 3,000.", [("casualty", 3000, None, "cumulative")]),
])
def test_round_eleven_casualty_phrasings(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "N-month-old invasion": a running total of the war
    ("Moscow has fired about 900 missiles during its 10-month-old invasion, officials said.",
     [("interception", 900, None, "cumulative")]),
    # many attacks counted in the perfect: a running total, not one strike
    ("At least 40 strikes have been carried out on schools across Ukraine, leaving 12 teachers dead.",
     [("casualty", 12, None, "cumulative")]),
    ("Two strikes have been carried out on Sumy, killing three.", [("casualty", 3, None, "event")]),
])
def test_round_eleven_types(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the group noun between the verb and its count
    ("Air defence shot down a salvo of six cruise missiles over Lviv.", [("interception", None, 6, "event")]),
    # an arms shipment is no attack
    ("The delayed shipment included 25 Patriot missiles and 4,000 shells.", []),
])
def test_round_eleven_interception_phrasings(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a feed item's headline glued to its lead by a colon: one claim
    ("Five civilians wounded in Kupiansk: Governor Three men and two women have been wounded by shelling in Kupiansk, the governor said.",
     [("casualty", None, 5, "event")]),
    # two tolls in one sentence with no colon between them stay two
    ("Three people were killed in Kupiansk and three were killed in Izium.",
     [("casualty", 3, None, "event"), ("casualty", 3, None, "event")]),
])
def test_a_headline_glued_to_its_lead_is_one_claim(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, place", [
    # the town names the raion the village before it lies in
    ("Shelling hit a clinic in Kruhliakivka, Kupiansk Raion, Kharkiv Oblast, killing two.", "Kruhliakivka"),
    ("Two people were killed in Kupiansk Raion.", "Kupiansk"),
])
def test_a_village_before_its_raion_is_the_place(text, place):
    assert [e["location"] for e in extract_events(text) if e["kind"] == "casualty"] == [place]


@pytest.mark.parametrize("text, expected", [
    # thousands set apart by a space, as Ukrainian and European copy writes them
    ("Independent researchers have identified over 41 000 soldiers killed since the invasion.",
     [("casualty", 41000, None, "cumulative")]),
    # ... never a day of the month before a count
    ("On March 5 100 drones were launched at Odesa.", [("interception", 100, None, "event")]),
    # the airliner shot down over Donbas in 2014 is history, named without its flight number
    ("A Dutch court ruled that a Russian missile downed the Malaysia Airlines flight, killing all 298 aboard.",
     [("casualty", 298, None, "historical")]),
])
def test_round_twelve_phrasings(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a subject pronoun before "died": one victim
    ("He died under Russian shelling in Sumy.", [("casualty", 1, None, "event")]),
    ("She later died in hospital.", [("casualty", 1, None, "event")]),
    # a post's emoji glued to its count
    ("\U0001f534 9 civilians were killed in Bakhmut on Friday.", [("casualty", 9, None, "event")]),
    ("\U0001f53412 civilians were killed in Bakhmut on Friday.", [("casualty", 12, None, "event")]),
    # aircraft in a list of weapons shot down: no weapon count of their own, and no break in the list
    ("The air command said it downed 2 fighter bombers, six cruise missiles, a helicopter and four drones.",
     [("interception", None, 6, "event"), ("interception", None, 4, "event")]),
    ("Russia used over 300 bomber drones against Ukraine overnight.", [("interception", 300, None, "event")]),
    ("Video shows 14 drones being shot down over Odesa.", [("interception", None, 14, "event")]),
])
def test_round_thirteen_phrasings(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one victim and those who died with them
    ("A man was killed along with his wife in Kharkiv.", [("casualty", 2, None, "event")]),
    ("The reporter was killed alongside Ukrainian photographer Maks Levin near Kyiv.", [("casualty", 2, None, "event")]),
    ("He was wounded together with a colleague in Kherson.", [("casualty", None, 2, "event")]),
    # troops beside whom a soldier fell are no count; nor is anyone named after a comma
    ("A soldier was killed alongside Ukrainian troops near Bakhmut.", [("casualty", 1, None, "event")]),
    ("A man was killed in Kharkiv, along with damage to his house.", [("casualty", 1, None, "event")]),
])
def test_a_victim_and_those_killed_with_them(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "only"/"just" between a verb and its count
    ("There were only 12 attack drones in the air. All of them were shot down.", [("interception", 12, 12, "event")]),
    # weapon counts after an attack and a colon are launched
    ("Mykolaiv came under a night attack: 20 drones and 4 missiles, the governor said.",
     [("interception", 20, None, "event"), ("interception", 4, None, "event")]),
    # ... but not counts after a colon that follows no attack
    ("The governor's figures: 20 drones and 4 missiles.", []),
])
def test_counts_after_only_and_after_an_attack_and_a_colon(text, expected):
    assert typed(text) == expected


# --- rounds 16 and 17, development part (own wording) -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # quotation marks round a weapon's name are no modifier of their own
    ("Border guards destroyed a Russian “Forpost” reconnaissance drone near Sumy.",
     [("interception", "drone", None, 1, None)]),
    ("Soldiers shot down Russian “Tochka” missile near the town.", [("interception", "missile", None, 1, None)]),
    # ... and the name inside them is the weapon
    ("Air defence intercepted a hypersonic Kh-47 “Kinzhal” missile, one of Russia’s most modern weapons.",
     [("interception", "ballistic missile", None, 1, None)]),
    # the words of "shot down" run together in a relayed bulletin
    ("The enemy used 12 Shahed-136 UAVs, 9 of which were shotdown.", [("interception", "drone", 12, 9, None)]),
    # a list goes on after "and also"
    ("Air defence shot down 30 out of 45 drones and also 4 ballistic missiles.",
     [("interception", "drone", 45, 30, None), ("interception", "ballistic missile", None, 4, None)]),
    # "a massive attack ... with": the attack and its "with" are a launch cue over a short object
    ("Russia launched a massive attack on Odesa overnight with 90 drones.", [("interception", "drone", 90, None, None)]),
])
def test_round_sixteen_interception_phrasings(text, expected):
    assert figures(text) == expected


def test_an_accident_is_no_war_casualty():
    assert figures("Three people are killed and eight injured in a gas pipe accident at a factory in Omsk.") == []
    assert figures("A drone strike that was no accident killed 2 people in Kherson.") == [("casualty", 2, None)]


def test_a_commander_is_a_victim():
    assert figures("Shelling near Avdiivka wounded the battalion commander and killed three volunteers.") == \
        [("casualty", 3, 1)]


def test_one_claim_stated_twice_in_an_article_is_one_row():
    # a lead, then the quoted bulletin: one drone
    assert figures("Border guards downed a Russian drone overnight in Sumy Oblast. Quote: \"Last night the unit "
                   "destroyed a Shahed drone near the border.\"") == [("interception", "drone", None, 1, None)]
    # the row that also states the launch count stands for both
    assert figures("Air defence shot down 7 attack UAVs overnight. The enemy used 7 Shahed-136 UAVs. All of them "
                   "were destroyed.") == [("interception", "drone", 7, 7, None)]
    # ... but a count said to add to the first is a second claim
    assert figures("Air defence shot down 7 drones over Kyiv. Another 7 drones were downed over Odesa.") == \
        [("interception", "drone", None, 7, None), ("interception", "drone", None, 7, None)]


@pytest.mark.parametrize("text, expected", [
    # a launch count of 100 or more in the present perfect, with no attack, night or day: a running total
    ("The Russian army has fired more than 300 Kalibr missiles at Ukraine.", [("interception", 300, None, "cumulative")]),
    # ... but not with its night, its day or its attack named, nor in a relative clause after the count
    ("Russia has launched 150 drones at Ukraine overnight.", [("interception", 150, None, "event")]),
    ("Russia has launched 150 drones at Ukraine, the air force said on Sunday.", [("interception", 150, None, "event")]),
    ("Russia has launched 150 drones in a massive attack on Lviv.", [("interception", 150, None, "event")]),
    ("Ukraine said it shot down 120 of the 150 drones Russia had launched.", [("interception", 150, 120, "event")]),
    # ... nor below 100
    ("Ukraine's Air Force said that Russia had fired over 60 missiles at the country.",
     [("interception", 60, None, "event")]),
])
def test_a_launch_count_in_the_present_perfect_is_a_running_total(text, expected):
    assert typed(text) == expected


def test_a_surname_whose_full_name_came_before_is_one_victim():
    assert figures("Fighters surrounded a car led by Lieutenant Colonel Roman Kamenev. Kamenev was shot dead "
                   "in the skirmish.") == [("casualty", 1, None)]
    assert figures("The mayor, Vitali Klitschko, spoke. Klitschko was injured, he said.") == [("casualty", None, 1)]
    # ... not a surname nobody named before, nor an obituary's "died"
    assert figures("Officials met the envoy. Kamenev was shot dead in the skirmish.") == []
    assert figures("The actor Richard Roundtree starred in Shaft. Roundtree died in Los Angeles.") == []


def test_a_cue_counts_only_for_its_own_feed_item():
    # a delivery cue in the next headline of a feed says nothing of the interception before the bullet
    assert figures("Air defense shot down 10 Iranian-made drones over Kyiv, the mayor says • Exclusive: US "
                   "finalizing plans to send Patriot missile defense system to Ukraine") == \
        [("interception", "drone", None, 10, None)]
    assert figures("The US plans to send 30 Patriot missiles to Ukraine.") == []
    # an illness in one item leaves a strike's toll in the next; in the same item it is no war toll
    assert figures("An outbreak of cholera killed 7 people in Yemen • Two people were killed in a drone strike "
                   "on Kharkiv") == [("casualty", 2, None)]
    assert figures("An outbreak of cholera killed 7 people in Yemen and 2 more in Sudan.") == []


@pytest.mark.parametrize("text, expected", [
    # a single victim, then their name and a relative clause between commas: the death after it
    ("A 12-year-old girl, Olena Koval, who was injured in the attack on Ternopil, died in hospital.",
     [("casualty", 1, None)]),
    ("A man, who was wounded in the strike, is in hospital.", [("casualty", None, 1)]),
    # ... but after a count, which may be an age, no relative clause is stepped over
    ("Samira, 44, who lives in London, asked not to be named.", []),
    # "who lives" is the verb, not "five lives were lost"
    ("A woman who lives in Kharkiv said she was fine.", []),
    ("Five lives were lost in the strike.", [("casualty", 5, None)]),
    # cancer is an illness, no strike's toll
    ("She died of cancer in 2019.", []),
])
def test_relative_clauses_after_one_victim(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the present tense of headlines and timelines, the verb apart from its "with"
    ("Russia attacks Kyiv with 40 missiles and 200 drones.",
     [("interception", "missile", 40, None, None), ("interception", "drone", 200, None, None)]),
    ("Russia strikes a nine-story residential building in Dnipro with a cruise missile.",
     [("interception", "cruise missile", 1, None, None)]),
    ("Russia hits Kharkiv with 25 Shahed drones.", [("interception", "drone", 25, None, None)]),
    # "then" goes on with the list of the verb before
    ("Russia launched 40 missiles, then 500 drones.",
     [("interception", "missile", 40, None, None), ("interception", "drone", 500, None, None)]),
    # a count of days is no count of weapons, though drones follow
    ("In the aftermath of four days of cross-border drones and missile strikes, the question remains.", []),
    ("India accused Pakistan of two consecutive nights of drone attacks.", []),
])
def test_present_tense_attacks_with_and_counts_of_time(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a tilde glued to a count is "about"; a telegraphic dash stands between the victims and their word
    ("UPD 30 people are dead (among them - 4 children) ~300 people - injured and counting.",
     [("casualty", 30, 300)]),
    ("~300 people were injured.", [("casualty", None, 300)]),
    ("Russia launched ~40 drones overnight.", [("interception", "drone", 40, None, None)]),
])
def test_a_tilde_count_and_a_telegraphic_dash(text, expected):
    assert figures(text) == expected


def test_a_tilde_count_is_qualified_about():
    (event,) = extract_events("~300 people were injured in Kramatorsk.")
    assert (event["injured"], event["injured_qualifier"]) == (300, "about")


@pytest.mark.parametrize("text, expected", [
    # "both" completes a launch count of two in the sentence before
    ("Russia launched two cruise missiles at Kyiv. Air defence shot down both missiles.",
     [("interception", "cruise missile", 2, 2, None)]),
    ("Russia sent 2 Kh-59 missiles to Ukraine overnight. The Ukrainians shot down both missiles and 18 drones.",
     [("interception", "cruise missile", 2, 2, None), ("interception", "drone", None, 18, None)]),
    # not when the count before is not two
    ("Russia launched three missiles. Air defence shot down both missiles.", [("interception", "missile", 3, None, None)]),
])
def test_both_completes_a_launch_count_of_two_before(text, expected):
    assert figures(text) == expected
