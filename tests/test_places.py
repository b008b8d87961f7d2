"""Place finding and the event place: the seed article, spellings, regions and negatives."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from helpers import places
from helpers.extract import extract_events
from helpers.ingest import split_sentences
from helpers.places import KEYS, PLACE_COLUMNS, PLACES_DIR, add_places, find_places, gazetteer, locate

SEED = Path(__file__).resolve().parents[1] / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt"


@pytest.fixture(scope="module")
def seed_sentences():
    sentences = [s for _, _, s in split_sentences(SEED.read_text(encoding="utf-8"))]
    assert len(sentences) == 32
    return sentences


def where(text, start=0, end=None):
    found = locate(text, start, end)
    return None if found is None else (found["location"], found["kind"], found["admin1"])


# --- the seed article ------------------------------------------------------------------------

def test_seed_zaporizhzhya_is_the_city_zaporizhzhia(seed_sentences):
    sentence = seed_sentences[10]
    found = locate(sentence)
    start = sentence.index("Zaporizhzhya")
    assert found == {"location": "Zaporizhzhia", "latitude": 47.85167, "longitude": 35.11714,
                     "admin1": "Zaporizhzhia Oblast", "country": "Ukraine", "kind": "city",
                     "match_start": start, "match_end": start + len("Zaporizhzhya")}


def test_seed_rzhyshchiv_not_kyiv(seed_sentences):
    sentence = seed_sentences[11]
    found = locate(sentence)
    assert (found["location"], found["admin1"], found["country"], found["kind"]) == (
        "Rzhyshchiv", "Kyiv Oblast", "Ukraine", "city")
    assert (round(found["latitude"], 3), round(found["longitude"], 3)) == (49.969, 31.042)
    assert sentence[found["match_start"]:found["match_end"]] == "Rzhyshchiv"
    # Kyiv is found too, but only as the reference point of "south of Kyiv"
    assert [p["location"] for p in find_places(sentence)] == ["Rzhyshchiv", "Kyiv"]


def test_seed_rzhyshchiv_even_when_the_span_is_only_the_figures(seed_sentences):
    sentence = seed_sentences[11]
    span_end = sentence.index(" after a drone")
    assert where(sentence, 0, span_end) == ("Rzhyshchiv", "city", "Kyiv Oblast")


def test_seed_throughout_kyiv_and_not_iran(seed_sentences):
    sentence = seed_sentences[9]
    assert sentence.startswith("During Wednesday night")
    assert where(sentence) == ("Kyiv", "city", "Kyiv City")
    # "drones manufactured in Iran": the place of origin is never the event place
    assert where(sentence, sentence.index("shot down"), len(sentence)) == ("Kyiv", "city", "Kyiv City")


def test_seed_event_places(seed_sentences):
    found = {i: where(s)[0] for i, s in enumerate(seed_sentences) if locate(s)}
    assert found == {0: "Bakhmut", 1: "Ukraine", 2: "Bakhmut", 3: "Bakhmut", 4: "Bakhmut",
                     5: "Bakhmut", 6: "Bakhmut", 7: "Bakhmut", 9: "Kyiv", 10: "Zaporizhzhia",
                     11: "Rzhyshchiv", 12: "Ukraine", 14: "Zaporizhzhia", 21: "Moscow", 27: "Moscow"}


def test_seed_metonyms_are_not_places(seed_sentences):
    # "Moscow contends that Kyiv must recognize ..." and "Washington criticized ..."
    assert locate(seed_sentences[31]) is None
    assert locate(seed_sentences[28]) is None


# --- spellings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("spelling, name, admin1", [
    ("Kiev", "Kyiv", "Kyiv City"),
    ("Kyiv", "Kyiv", "Kyiv City"),
    ("Artemovsk", "Bakhmut", "Donetsk Oblast"),
    ("Artemivsk", "Bakhmut", "Donetsk Oblast"),
    ("Zaporozhye", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Zaporizhzhia", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Kharkov", "Kharkiv", "Kharkiv Oblast"),
    ("Odessa", "Odesa", "Odesa Oblast"),
    ("Dnipropetrovsk", "Dnipro", "Dnipropetrovsk Oblast"),
    ("Kryvyy Rih", "Kryvyi Rih", "Dnipropetrovsk Oblast"),
    ("Avdiyivka", "Avdiivka", "Donetsk Oblast"),
    ("Severodonetsk", "Sievierodonetsk", "Luhansk Oblast"),
    ("Belgorod", "Belgorod", "Belgorod Oblast"),
])
def test_spellings(spelling, name, admin1):
    assert where(f"Explosions were heard in {spelling} on Monday.") == (name, "city", admin1)


def test_abbreviated_saint():
    text = "Drones were shot down over St. Petersburg."
    assert [(p["location"], text[p["match_start"]:p["match_end"]]) for p in find_places(text)] == [
        ("Saint Petersburg", "St. Petersburg")]


def test_the_big_zaporizhzhia_wins_over_villages():
    assert gazetteer()["Zaporizhzhia"].latitude == 47.85167


# --- regions and countries -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Shelling in the Kharkiv region killed two.", ("Kharkiv Oblast", "region", "Kharkiv Oblast")),
    ("Drones attacked Odesa oblast overnight.", ("Odesa Oblast", "region", "Odesa Oblast")),
    ("Air defence was active over the Kyiv region.", ("Kyiv Oblast", "region", "Kyiv Oblast")),
    ("Fighting raged across the eastern Donbas region.", ("Donbas", "region", None)),
    ("Explosions were reported in Crimea.", ("Crimea", "region", "Crimea")),
    ("Shelling hit villages in Belgorod Oblast.", ("Belgorod Oblast", "region", "Belgorod Oblast")),
    ("Sirens sounded across Ukraine.", ("Ukraine", "country", None)),
    ("Drones were destroyed over the Belgorod and Kursk regions.", ("Belgorod Oblast", "region", "Belgorod Oblast")),
    # a region (or country) gives way to a city named inside it
    ("In the Kharkiv region, missiles hit Kupiansk.", ("Kupiansk", "city", "Kharkiv Oblast")),
    ("Airstrikes in the north and south of Ukraine hit Sumy.", ("Sumy", "city", "Sumy Oblast")),
])
def test_regions_and_countries(sentence, expected):
    assert where(sentence) == expected


def test_region_coordinates_and_country():
    found = locate("Shelling in the Kharkiv region killed two.")
    assert (found["latitude"], found["longitude"], found["country"]) == (49.776, 36.471, "Ukraine")


# --- choosing the event place ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("A drone hit a school 30 km north of Kharkiv.", "Kharkiv"),          # relative only: still a hint
    ("A drone hit Bohodukhiv, north-west of Kharkiv.", "Bohodukhiv"),     # relative loses to a place
    ("Kyiv's air force said missiles hit Lviv.", "Lviv"),                 # metonym loses
    ("Kyiv's air force said 16 drones were shot down.", "Kyiv"),          # possessive: last resort
    ("Russia launched drones at Odesa.", "Odesa"),                        # a country as subject is no place
    ("Two people died in Kherson and Mykolaiv.", "Kherson"),
    ("In Dnipro, a missile hit a block of flats.", "Dnipro"),
    ("Shelling hit Kyiv’s Obolon district.", "Kyiv"),
    ("Drones launched from Belarus hit Zhytomyr.", "Zhytomyr"),
])
def test_event_place_rules(sentence, expected):
    assert locate(sentence)["location"] == expected


def test_coordinated_places_inherit_the_preposition():
    mentions = find_places("Two people died in Kherson and Mykolaiv.")
    assert [(m["location"], m["match_start"], m["match_end"]) for m in mentions] == [
        ("Kherson", 19, 26), ("Mykolaiv", 31, 39)]


def test_span_prefers_mentions_inside_it():
    text = "Shelling killed two in Kherson, while in Mykolaiv three were hurt."
    assert where(text, text.index("while"), len(text))[0] == "Mykolaiv"


# --- negatives -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Ukrainian forces advanced.",
    "Russian troops retreated from the village.",
    "President Vladimir Putin met Chinese leader Xi Jinping.",      # Vladimir is a Russian city
    "President Volodymyr Zelenskiy posted a video.",                 # Volodymyr is a Ukrainian town
    "Military expert Oleh Zhdanov said the front was stable.",       # Zhdanov: Mariupol's old name
    "Kyiv said it shot down 16 drones.",
    "Moscow contends that Kyiv must recognize the annexation.",
    "The Kyiv Independent reported the figures.",
    "The Dnipro river rose after the dam burst.",
    "The Sea of Azov froze.",
    "Most people left; the bar closed.",
    "Drones manufactured in Iran were used.",
    "Human rights groups condemned the strike.",                     # 'Human' spells Uman in GeoNames
])
def test_no_event_place(sentence):
    assert locate(sentence) is None


def test_bar_in_paris_is_paris_not_the_ukrainian_town_bar():
    assert [p["location"] for p in find_places("We met at a Bar in Paris.")] == ["Paris"]


def test_lower_case_is_never_a_place():
    assert find_places("the kyiv region and odesa") == []


def test_empty_and_missing_text():
    assert find_places("") == [] and locate("") is None and locate(None) is None


# --- data files and the DataFrame helper -------------------------------------------------------

def test_stoplist_always_entries_are_not_in_the_lookup():
    with (PLACES_DIR / "stoplist.csv").open(encoding="utf-8") as fh:
        always = [r["alias"] for r in csv.DictReader(fh) if r["rule"] == "always"]
    assert "Bar" in always and not set(always) & set(gazetteer())


def test_regions_table_has_provenance():
    with (PLACES_DIR / "regions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 27 and all(r["source"].startswith("GeoNames admin1") for r in rows)


def test_add_places():
    df = pd.DataFrame({"text": ["Missiles hit Odesa.", "Nothing here.", "Kyiv said 3 died in Lviv."],
                       "char_start": [0, 0, 0], "char_end": [8, 5, 12]}, index=[5, 6, 7])
    out = add_places(df, start_col="char_start", end_col="char_end")
    assert list(out.columns) == ["text", "char_start", "char_end", *PLACE_COLUMNS]
    assert out["event_location"].tolist() == ["Odesa", None, "Lviv"]
    assert out["event_admin1"].tolist() == ["Odesa Oblast", None, "Lviv Oblast"]
    assert out["event_match_start"].tolist() == [13, None, 20]
    with pytest.raises(KeyError, match="'sentence'"):
        add_places(df, text_col="sentence")


def test_result_keys():
    assert list(locate("Missiles hit Odesa.")) == KEYS


# --- the gazetteer build's spelling rules -------------------------------------------------------

def _build_module():
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("geonames, national", [
    ("Zaporizhzhya", "Zaporizhzhia"), ("Kryvyy Rih", "Kryvyi Rih"), ("Avdiyivka", "Avdiivka"),
    ("Mykolayiv", "Mykolaiv"), ("Hulyaypole", "Huliaipole"), ("Yenakiyeve", "Yenakiieve"),
    ("Pervomaysk", "Pervomaisk"), ("Izmayil", "Izmail"), ("Mohyliv-Podilskyy", "Mohyliv-Podilskyi"),
    ("Chornomors'k", "Chornomorsk"), ("Yasynuvata", "Yasynuvata"), ("Kyiv", "Kyiv"),
])
def test_ukrainian_transliteration(geonames, national):
    assert _build_module().ukrainian_transliteration(geonames) == national


@pytest.mark.parametrize("alias, usable", [
    ("Kief", True), ("Kyiv City", True), ("Bălţi", True), ("IEV", False), ("kiev", False),
    ("Київ", False), ("Zaporizhzhia (city)", False), ("Ol", False),
])
def test_alias_filter(alias, usable):
    assert _build_module().is_latin_name(alias) is usable


# --- city districts ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # many cities have a Shevchenkivskyi district: never the Poltava district GeoNames lists as a city
    ("Kyiv's military administration said debris fell on the Shevchenkivskyi district.", "Kyiv"),
    ("A missile hit the Kyivskyi district of Kharkiv.", "Kharkiv"),
    ("Debris fell in the Shevchenkivskyi District of Zaporizhzhia.", "Zaporizhzhia"),
    ("Shelling hit the Tsentralnyi district of Mariupol.", "Mariupol"),
    ("A drone hit a house in Kyiv's Podilskyi district.", "Kyiv"),
    # a town that is itself called so stays
    ("Drones struck the Khmelnytskyi district overnight.", "Khmelnytskyi"),
    ("Explosions were heard in Kropyvnytskyi.", "Kropyvnytskyi"),
])
def test_city_districts_are_not_towns(sentence, expected):
    assert locate(sentence)["location"] == expected


def test_a_city_district_alone_is_no_place():
    assert find_places("A drone hit the Desnianskyi district.") == []
    assert locate("Shelling damaged homes in the Shevchenkivskyi district.") is None


# --- villages the gazetteer lacks, "the capital", landmarks -----------------------------------

def test_village_named_before_its_region_is_the_place():
    found = locate("A sergeant stationed in Tonenkoye, Belgorod Oblast detonated a grenade, killing three soldiers.")
    assert (found["location"], found["kind"], found["admin1"]) == ("Tonenkoye", "city", "Belgorod Oblast")
    region = locate("Belgorod Oblast")
    assert (found["latitude"], found["longitude"]) == (region["latitude"], region["longitude"])


def test_village_before_its_occupied_region_is_the_place():
    found = locate("An explosive hit a car in Nova Kahovkha, occupied Kherson Oblast, killing two.")
    assert (found["location"], found["admin1"]) == ("Nova Kahovkha", "Kherson Oblast")
    assert locate("A drone hit a house in Pidlisne, Russian-occupied Kherson Oblast.")["location"] == "Pidlisne"


def test_name_or_title_before_a_region_is_no_village():
    assert where("Governor Oleh Syniehubov, Kharkiv Oblast head, said two people were killed.")[0] == "Kharkiv Oblast"
    assert where("On Monday, Kharkiv Oblast was shelled.")[0] == "Kharkiv Oblast"
    assert where("Shelling in Kupiansk, Kharkiv Oblast killed two.")[0] == "Kupiansk"


def test_the_capital_is_kyiv_only_when_no_place_is_named():
    assert where("A missile struck a building in the Shevchenkivskyi district of the capital.")[0] == "Kyiv"
    assert where("Drones hit Kharkiv overnight and debris fell in the capital.")[0] == "Kharkiv"
    assert where("Officials in the capital of Belarus said nothing.") is None or \
        where("Officials in the capital of Belarus said nothing.")[0] != "Kyiv"
    assert where("Drones were shot down over the Russian capital.") is None or \
        where("Drones were shot down over the Russian capital.")[0] != "Kyiv"


def test_azovstal_is_mariupol():
    assert where("Airstrikes killed two civilians inside the Azovstal Steel Plant.")[0] == "Mariupol"


def test_a_village_named_as_such_is_the_place_in_the_region_the_text_names():
    found = locate("A boy was killed in an attack on the village of Pravdyne in the southern Kherson region.")
    assert (found["location"], found["admin1"]) == ("Pravdyne", "Kherson Oblast")
    found = locate("A drone killed two people in the village of Novoselivka.")
    assert (found["location"], found["latitude"]) == ("Novoselivka", None)


def test_capitalised_words_after_a_locative_word_are_not_its_lower_case_modifiers():
    # "in Ukraine since Moscow launched": Moscow is not after "in"
    assert where("At least 15 media workers have been killed in Ukraine since Moscow launched its assault.")[0] == "Ukraine"
    # ... but a possessive place may stand there, and a region right after a locative country is locative
    assert where("One person was killed in an air attack on Ukraine's southern Kherson region.")[0] == "Kherson Oblast"
    assert where("Five people were killed in rocket strikes in the central Ukraine region of Vinnytsia.")[0] == \
        "Vinnytsia Oblast"


@pytest.mark.parametrize("text, place", [
    # the name before "village", after a locative word or a country's possessive
    ("The attack on a cafe in Ukraine's Hroza village killed 51 people.", "Hroza"),
    ("A missile hit a cafe in Hroza village, killing 51 people.", "Hroza"),
    # a city's name before "village of" says which region: the village is the place
    ("A drone hit a house in the Kherson village of Bilozerka, killing a man.", "Bilozerka"),
    ("The village was hit in Kharkiv; two people were injured.", "Kharkiv"),
])
def test_a_village_named_before_the_word_village_is_the_place(text, place):
    assert where(text)[0] == place


def test_a_village_named_as_such_before_its_region_is_found_once():
    found = find_places("Shelling near the village of Kozacha Lopan, Kharkiv region killed two.")
    assert [f["location"] for f in found] == ["Kozacha Lopan", "Kharkiv Oblast"]


@pytest.mark.parametrize("text, place", [
    # a title-case headline: capitals say nothing about a name running on
    ("Russian Strike On Kharkiv Apartment Block Kills Five", "Kharkiv"),
    ("Drone Attack On Odesa Port Injures Two", "Odesa"),
    ("8 Dead, Dozens Wounded as Russia Strikes Ukraine With Missiles, Drones", "Ukraine"),
    # the place a strike verb names is where it fell
    ("Russia strikes Kharkiv overnight, killing three.", "Kharkiv"),
])
def test_headlines_in_title_case_and_strike_verbs_name_the_place(text, place):
    assert locate(text)["location"] == place


def test_a_name_running_on_in_ordinary_text_is_still_no_place():
    assert locate("Kyiv Post reporters said a strike hit Odesa.")["location"] == "Odesa"


def test_a_hashtag_is_the_place_it_tags():
    assert locate("Nearly 850 civilians have been killed in #Ukraine since the invasion began.")["location"] == "Ukraine"


def test_a_winning_country_gives_way_to_a_region_named_inside_it():
    assert locate("Russian shelling in southern Ukraine’s Kherson region has killed four people.")["location"] \
        == "Kherson Oblast"
    # a part of the country named as such is the place (as annotators of real text write it)
    assert locate("Russian shelling in southern Ukraine has killed four people.")["location"] == "Southern Ukraine"
    # a city inside the region still wins over both
    assert locate("Shelling in southern Ukraine’s Kherson region hit Beryslav.")["location"] == "Beryslav"


def test_a_comma_and_with_do_not_list_a_place_with_the_one_before():
    assert locate("Two people are killed in a missile strike in Poland, with Moscow and Kyiv trading blame.")["location"] \
        == "Poland"
    assert locate("Strikes hit the village near Kharkiv, Lviv and Odesa overnight.")["location"] == "Kharkiv"


@pytest.mark.parametrize("text, place", [
    # a part of Ukraine named as such is the place when nothing more precise is named ...
    ("A drone attack in eastern Ukraine killed 12 miners.", "Eastern Ukraine"),
    ("Missiles hit southern Ukraine overnight.", "Southern Ukraine"),
    # ... and gives way to an oblast or a town named inside it, as Donbas does
    ("Shelling in the Kherson region in southern Ukraine killed four.", "Kherson Oblast"),
    ("Rockets fell in western Ukraine, in the Vinnytsia region.", "Vinnytsia Oblast"),
    ("A strike on Kramatorsk in eastern Ukraine killed 12.", "Kramatorsk"),
    ("Two were killed in the Donetsk region of the Donbas.", "Donetsk Oblast"),
    ("Shelling in Donbas killed four.", "Donbas"),
])
def test_a_part_of_the_country_named_as_such(text, place):
    assert locate(text)["location"] == place


def test_trying_only_the_spellings_a_word_starts_gives_every_mention(monkeypatch):
    # the same texts read trying every length of spelling at every word give the same mentions
    texts = ["Kryvyi Rih's mayor said a Kyiv-based team reached Bila Tserkva and the Kharkiv region.",
             "8 Dead as Russia Strikes Zaporizhzhia, Nova Kakhovka and Velyka Novosilka With Missiles",
             "Shelling hit the village of Velyka Pysarivka in the Sumy region and Kyiv’s outskirts."]
    found = [places._mentions(t) for t in texts]
    table, reach, lower_starts = places._index()

    class EveryLength(dict):
        def get(self, key, default=None):
            return max(reach.values())

    monkeypatch.setattr(places, "_index", lambda: (table, EveryLength(), lower_starts))
    assert [places._mentions(t) for t in texts] == found
    assert [texts[0][m.start:m.end] for m in found[0]][:3] == ["Kryvyi Rih", "Kyiv", "Bila Tserkva"]


@pytest.mark.parametrize("text, place", [
    # a country's possessive before a town is no first name of a person
    ("In south-eastern Ukraine's Zaporizhzhia city at least 20 people were wounded.", "Zaporizhzhia"),
    ("A drone attack on Russia’s Taman port wounded two.", "Taman"),
    # ... and a person's possessive before a town leaves the town a place
    ("Zelensky's Kharkiv visit came after 3 were killed there.", "Kharkiv"),
    # a direction before "the ... city of" makes the city a point of reference
    ("Two people died in drone strikes east of the north-eastern city of Kharkiv near the town of Kupiansk.", "Kupiansk"),
    ("Two were killed 20 km north of the city of Kharkiv in the village of Tsyrkuny.", "Tsyrkuny"),
    # ... unless it is the only place named, or the place is "in" the city
    ("Shelling killed two in a village east of the city of Kharkiv.", "Kharkiv"),
    ("Two people were killed in the city of Kharkiv.", "Kharkiv"),
    # a region's office ("Kyiv regional Governor") names the region, not the city
    ("Kyiv regional Governor Mykola Kalashnyk said two workers were wounded in a strike on a substation.", "Kyiv Oblast"),
    ("At least 15 people are injured, according to Kyiv governor Oleksiy Kuleba.", "Kyiv Oblast"),
    # a city's mayor is the city's
    ("At least 15 people are injured, according to Kyiv mayor Vitali Klitschko.", "Kyiv"),
    # ... and a town the clause names inside that region is still the place
    ("Kharkiv regional governor Oleh Syniehubov said a man was killed in Kupiansk.", "Kupiansk"),
    ("Two were killed in Kyiv, the Kyiv regional police said.", "Kyiv"),
    # a facility's capitalised name after a town is no surname
    ("Three civilians killed in strike near Kyiv TV tower", "Kyiv"),
    ("The Sevastopol Shipyard in Crimea is on fire after an attack that injured 24 people.", "Sevastopol"),
    # a village the gazetteer lacks before ", in <region>"
    ("Shelling killed five in Karpaty, in Russian-occupied Luhansk Oblast.", "Karpaty"),
    ("Shelling killed 3 in Bakhmut, in Donetsk Oblast.", "Bakhmut"),
    ("A medic was killed near Bilogorivka, in the Luhansk region.", "Bilogorivka"),
])
def test_place_rules_of_rounds_sixteen_to_eighteen(text, place):
    """A possessive before a town, a city as a point of reference, a region's office, a facility
    after its town, and a village before its region (each a rule of its own in helpers/places.py)."""
    assert locate(text)["location"] == place


def test_towns_listed_as_parts_of_a_nationwide_toll_leave_it_nationwide():
    text = ("At least two people are killed in Russian drone strikes across Ukraine, including in Dnipro, "
            "Kharkiv and Odesa.")
    assert [e["location"] for e in extract_events(text)] == ["Ukraine"]
    assert [e["location"] for e in extract_events("Two people are killed in Kyiv and strikes hit across "
                                                  "Ukraine, including Dnipro.")] == ["Kyiv"]
