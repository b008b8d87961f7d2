"""Places: find place names in a sentence and pick the place where its event happened.

Data (all in ``data/raw/places/``, described in its README.md):

- ``gazetteer.csv``  every spelling -> one place (name, kind, latitude, longitude, country,
  admin1), generated from GeoNames by ``scripts/build_gazetteer.py``: Ukrainian, Russian,
  Belarusian and Moldovan places of 5,000+ people, Polish/Romanian border towns, world capitals
  and cities of 1,000,000+, oblasts and other regions (``regions.csv``), and countries;
- ``stoplist.csv``   spellings never matched ('Bar', 'Volodymyr'), or not in some contexts
  ('Vladimir' before a capitalised word: Vladimir Putin; 'Dnipro' after 'the': the river);
- ``context.csv``    the words the rules below look for (locative prepositions, directions,
  reporting verbs ...), so an analyst can extend them.

Matching: place names are case-sensitive ("Kyiv", never "kyiv"), whole words, longest spelling
first ("Kharkiv region" before "Kharkiv"); "Kyiv's" matches "Kyiv"; "Russian"/"Ukrainian" never
match "Russia"/"Ukraine". A one-word match right before a capitalised word that is not a place
noun ('Vladimir Putin', 'Kyiv Independent'), or right after a capitalised word that does not
start the sentence ('Oleh Zhdanov', 'Anton Chekhov'), is part of a name and skipped. A city
district is no place: many cities have a "Shevchenkivskyi district" (Kyiv, Kharkiv, Lviv ...), so
a spelling ending in "district/raion/rayon", or one adjectival word before one ("the
Shevchenkivskyi district", "Kyivskyi district of Kharkiv"), never matches the town GeoNames spells
alike, unless that town is itself called so ("Khmelnytskyi district"); the words are in
``context.csv`` (``district_noun``, ``district_ending``), and the city the sentence names
("Kyiv's military administration") is then the event place.

The event place (:func:`locate`), among the usable mentions in ``text[start:end]`` (or, when
there is none there, in the whole text), is chosen by these rules, in order:

1. never: a place followed by a reporting verb ("Kyiv said", "Moscow contends", "Washington
   criticized": the government); a place of origin or travel ("drones manufactured in Iran",
   "visit to Moscow"); a country that is not after a locative word ("Russia launched").
2. best: a place after a locative word ("in", "at", "near", "over", "outside", "throughout",
   "struck"), possibly with "the" and up to three lower-case words ("in the southern city of
   Zaporizhzhya"), or after "the city/town/village of", or inside "the north and south of
   Ukraine", or listed with one of those ("in Kyiv and Lviv");
   then a plain mention; then a possessive one ("Kyiv's air force");
   last a relative one ("a town south of Kyiv", "30 km from Kharkiv"), which points away from it.
3. ties: a city before a region before a country, then the leftmost; a part of a country that is
   no administrative unit ("eastern Ukraine", "Donbas") ties as a country.
4. a country (or such a part of one) that wins is replaced by a region mentioned inside it, and a region by a city
   mentioned inside it, when there is one (the more precise place: "in southern Ukraine's Kherson
   region", "across Ukraine ..., the Kharkiv governor said").
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

PLACES_DIR = Path(__file__).resolve().parents[1] / "data" / "raw" / "places"
GAZETTEER_FILE = "gazetteer.csv"
KEYS = ["location", "latitude", "longitude", "admin1", "country", "kind", "match_start", "match_end"]
# Columns added by add_places (prefix "event_"): the event place of each row.
PLACE_COLUMNS = ["event_location", "event_latitude", "event_longitude", "event_admin1",
                 "event_country", "event_kind", "event_match_start", "event_match_end"]
KIND_RANK = {"city": 0, "region": 1, "country": 2}

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Capitalised words before ", <region>" that are no village: "Ukraine's Governor Syniehubov, Kharkiv
# Oblast" has a name; titles and month names are not settlements.
_NOT_SETTLEMENT = frozenset("Governor Mayor President Minister Head Chief General Colonel January February March April "
                            "May June July August September October November December Monday Tuesday Wednesday "
                            "Thursday Friday Saturday Sunday".split())
_SETTLEMENT_OF = re.compile(r"\s+(?:village|town|settlement|hamlet)\s+of\s+[A-Z]")
_SENTENCE_END_CHARS = ".!?:;\"“”‘'([\n"


class Place(NamedTuple):
    name: str
    kind: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None


class Mention(NamedTuple):
    place: Place
    start: int
    end: int
    locative: bool
    relative: bool
    possessive: bool
    excluded: bool  # reporting verb, origin/travel context
    weak: bool = False  # "the capital": used only when no other place is named


def _read_csv(name: str) -> list[dict]:
    path = PLACES_DIR / name
    if not path.exists():
        hint = ("run `.venv/bin/python scripts/build_gazetteer.py`" if name == GAZETTEER_FILE
                else "it is a hand-kept table: restore it from git")
        raise FileNotFoundError(f"{path} is missing: {hint} (see data/raw/places/README.md)")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


@lru_cache(maxsize=1)
def stoplist() -> dict[str, frozenset[str]]:
    """Spelling -> rules from ``stoplist.csv`` (always | before_capitalised | after_capitalised | after_the)."""
    rules: dict[str, set[str]] = {}
    allowed = {"always", "before_capitalised", "after_capitalised", "after_the"}
    for line, row in enumerate(_read_csv("stoplist.csv"), start=2):
        rule = (row.get("rule") or "").strip()
        if rule not in allowed:
            raise ValueError(f"{PLACES_DIR / 'stoplist.csv'} line {line}: rule {rule!r} is not one of "
                             f"{sorted(allowed)}")
        rules.setdefault(row["alias"].strip(), set()).add(rule)
    return {alias: frozenset(r) for alias, r in rules.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Spelling -> Place, from ``gazetteer.csv`` minus the 'always' stoplist (loaded once)."""
    stop = stoplist()
    places: dict[tuple, Place] = {}
    table: dict[str, Place] = {}
    for line, row in enumerate(_read_csv(GAZETTEER_FILE), start=2):
        alias = row["alias"]
        if "always" in stop.get(alias, ()):
            continue
        try:
            key = (row["name"], row["kind"], float(row["latitude"]), float(row["longitude"]))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{PLACES_DIR / GAZETTEER_FILE} line {line}: bad row ({exc}); "
                             "rebuild it with scripts/build_gazetteer.py") from None
        place = places.get(key)
        if place is None:
            place = places[key] = Place(row["name"], row["kind"], key[2], key[3], row["country"],
                                        row["admin1"] or None)
        table[alias] = place
    return table


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, int], frozenset[str]]:
    """The gazetteer; for each word a spelling starts with, the longest such spelling in words; and
    the lower-case words a spelling may start with."""
    table = gazetteer()
    reach: dict[str, int] = {}
    for a in table:
        words = a.split()
        reach[words[0]] = max(reach.get(words[0], 0), len(words))
    lower_starts = frozenset(w for w in reach if not w[0].isupper())
    return table, reach, lower_starts


@lru_cache(maxsize=1)
def _context() -> dict[str, re.Pattern]:
    """The context regexes, built from ``context.csv``."""
    words: dict[str, list[str]] = {}
    for row in _read_csv("context.csv"):
        words.setdefault(row["kind"].strip(), []).extend(_split(row["words"]))
    needed = ["locative", "locative_of", "relative", "distance", "exclude_before", "metonym_verb",
              "place_noun", "district_noun", "district_ending"]
    missing = [k for k in needed if k not in words]
    if missing:
        raise ValueError(f"{PLACES_DIR / 'context.csv'} lacks rows of kind {missing}")

    def alt(kind):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words[kind]), key=len, reverse=True))

    dirs = alt("relative")
    return {
        # matched against the text just before a mention (anchored at its start)
        "locative": re.compile(rf"\b(?:{alt('locative')})\s+(?:the\s+)?(?-i:[A-Z][\w'-]*['’]s\s+)?(?-i:[a-z][\w'-]*\s+){{0,3}}$", re.I),
        "locative_of": re.compile(rf"\b(?:{alt('locative_of')})\s+of\s+$", re.I),
        "part_of": re.compile(rf"\bthe\s+(?:(?:{dirs}|far)\s*(?:,|and|or)?\s*)+(?:parts?\s+)?of\s+(?:the\s+)?$", re.I),
        "relative": re.compile(rf"(?:\b(?:{dirs})\s+of|\d[\d.,]*\s*-?\s*(?:{alt('distance')})\s+(?:(?:{dirs})\s+)?(?:of|from)|\baway\s+from)\s+(?:the\s+)?(?:(?:[a-z][\w'-]*\s+){{0,2}}(?:city|town|village)\s+of\s+)?$", re.I),
        "exclude_before": re.compile(rf"\b(?:{alt('exclude_before')})\s+(?:the\s+)?$", re.I),
        "the_before": re.compile(r"\bthe\s+$", re.I),
        # matched against the text just after a mention
        "metonym": re.compile(rf"^(?:['’]s\s+government\s+)?\s*(?:,\s*which\s+)?(?:(?:has|have|had|also|reportedly|itself|then|now)\s+)*(?:{alt('metonym_verb')})\b", re.I),
        # "in Kyiv and Lviv", "in Kyiv, Lviv"; not "in Poland, with Moscow and Kyiv trading blame"
        "coordinated": re.compile(r"^(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                                  r"(?!(?:with|while|whereas|but|as|after|before|when|where|which|who|according)\b)"
                                  r"(?:[a-z][\w'-]*\s+){0,2}$"),
        "place_noun": re.compile(rf"^(?:{alt('place_noun')})$"),
        "facility_noun": re.compile(rf"^(?:{alt('facility_noun')})$", re.I) if "facility_noun" in words else re.compile(r"(?!)"),
        "district_after": re.compile(rf"^\s+(?:{alt('district_noun')})\b"),
        "district_word": re.compile(rf"^(?:{alt('district_noun')})$"),
        "district_ending": re.compile(rf"(?:{alt('district_ending')})$"),
        # "in Tonenkoye, Belgorod Oblast", "in Karpaty, in Russian-occupied Luhansk Oblast": a name
        # after a locative word and before ", <region>"
        "settlement_before": re.compile(r"\b(?:in|near|at|outside|of)\s+(?P<name>[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?),\s*(?:in\s+(?:the\s+)?)?(?:(?:Russian-|temporarily\s+)?occupied\s+)?$"),
        # "the village of Pravdyne", "the city (of Beryslav)": a settlement named as such
        "settlement_named": re.compile(r"\b(?:village|town|settlement|hamlet|township|city)\s+\(?of\s+(?P<name>[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?)"),
        # "a cafe in Ukraine's Hroza village": the name before "village", after a locative word or a possessive
        "settlement_before_noun": re.compile(r"(?:\b(?:in|near|at|outside|of|on)\s+|['’]s\s+)(?:the\s+)?"
                                             r"(?P<name>[A-Z][a-z'’-]+(?<!['’]s)(?:[ -][A-Z][a-z'’-]+)?)\s+(?:village|settlement|hamlet)\b"),
        # "the capital" (the Russian capital, the regional capital and "the capital of X" are not)
        "the_capital": re.compile(r"\b[Tt]he\s+capital\b(?!\s+(?:of|city\s+of)\b)(?!['’]s\s+(?:mayor|governor))"),
        "listed_regions": re.compile(r"(?:,\s*[A-Z][\w'’-]*)*,?\s+(?:and|or)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:regions|oblasts|Oblasts|provinces)\b"),
    }


@lru_cache(maxsize=1)
def _district_stems() -> frozenset[str]:
    """Lower-case names that the gazetteer also spells "<name> district/raion/rayon": GeoNames
    lists such city districts (Kyivskyi district of Poltava, Shevchenkivskyi district) as cities."""
    word = _context()["district_word"]
    return frozenset(a.rsplit(" ", 1)[0].lower() for a in gazetteer() if " " in a and word.match(a.rsplit(" ", 1)[1]))


def _is_city_district(key: str, place: Place, after: str) -> bool:
    """Whether the spelling ``key`` (followed by the text ``after``) names a city district, which
    many cities share ("the Shevchenkivskyi district": Kyiv, Kharkiv, Lviv ...), not a town: a
    spelling ending in a district noun ("Kyivskyi district"), or one adjectival word before one
    ("Shevchenkivskyi District") that the gazetteer also spells as a district or that is not the
    name of the town it matched ("Khmelnytskyi district" stays the city's)."""
    ctx = _context()
    words = key.split()
    if len(words) > 1 and ctx["district_word"].match(words[-1]):
        return True
    if len(words) != 1 or "-" in key or not ctx["district_after"].match(after) \
            or not ctx["district_ending"].search(key.replace("’", "'")):
        return False
    return key.lower() in _district_stems() or key != place.name


def _is_capitalised_name_part(token: str) -> bool:
    return token[:1].isupper() and "-" not in token and not token.endswith("ian")


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is the first of its sentence (so its capital says nothing)."""
    before = text[max(0, pos - 12):pos].rstrip(" \t")
    if not before:
        return pos <= 12  # the start of the text (or a long run of spaces)
    return before[-1] in _SENTENCE_END_CHARS


def _joins(text: str, left: tuple, right: tuple) -> bool:
    """Whether two tokens may be words of one place name: white space between them, or the dot
    of an abbreviation ('St. Petersburg')."""
    gap = text[left[1]:right[0]]
    if gap.isspace():
        return True
    return gap[:1] == "." and (gap[1:] == "" or gap[1:].isspace()) and len(left[2]) <= 3 and left[2][:1].isupper()


_TITLE_SMALL = frozenset("a an the and or of in on at by for to with as from after over into vs".split())


def _title_case(tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the text is a headline in title case ("8 Dead as Russia Strikes Ukraine With
    Missiles"): four or more words, every one but the small ones capitalised. There a capital
    says nothing about a name running on, so a place beside a capitalised word is still a place."""
    words = big = 0
    for _, _, w in tokens:
        if not w[:1].isalpha():
            continue
        words += 1
        if w.lower() not in _TITLE_SMALL:
            if not w[0].isupper():
                return False  # most sentences end here, at their first small-letter word
            big += 1
    return words >= 4 and big >= 3


# "Kyiv regional Governor Mykola Kalashnyk", "Kyiv governor Oleksiy Kuleba": the region's office
# names the region, not the city (a city has a mayor)
_REGIONAL = re.compile(r"\s+(?:[Gg]overnor\b|(?:[Rr]egional|[Oo]blast)\s+(?:[Gg]overnor|[Mm]ilitary|[Aa]dministration|[Cc]ouncil|[Hh]ead|[Cc]hief|"
                       r"[Pp]olice|[Pp]rosecutor|[Aa]uthorities|[Oo]fficials?)\b)")


def _mentions(text: str) -> list[Mention]:
    """Every place mention in ``text`` with the context flags the rules use."""
    if not isinstance(text, str) or not text:
        return []
    table, reach, lower_starts = _index()
    stop = stoplist()
    ctx = _context()
    # "’" and "'" are one character each, so the offsets into the text hold
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text.replace("’", "'"))]
    headline = _title_case(tokens)
    out: list[Mention] = []
    i, n_tokens = 0, len(tokens)
    while i < n_tokens:
        first = tokens[i][2]
        if not (first[0].isupper() or first in lower_starts):
            i += 1
            continue
        found = None
        # a spelling of several words starts with this word; one word may also be read as "Kyiv's"
        # or "Kyiv-based", so one word is always tried
        for n in range(min(reach.get(first, 1), n_tokens - i), 0, -1):
            chunk = tokens[i:i + n]
            if any(not _joins(text, a, b) for a, b in zip(chunk, chunk[1:])):
                continue
            words = [t[2] for t in chunk]
            key = " ".join(words)
            end = chunk[-1][1]
            possessive = False
            place = table.get(key)
            if place is None and key.endswith("'s"):
                place, key, end, possessive = table.get(key[:-2]), key[:-2], end - 2, True
            if place is None and n == 1 and "-" in key:  # 'Kyiv-based', 'Russia-Ukraine'
                head = key.split("-")[0]
                place, key, end = table.get(head), head, chunk[0][0] + len(head)
            if place is not None:
                found = (n, key, place, end, possessive)
                break
        if found is None:
            i += 1
            continue
        n, key, place, end, possessive = found
        start = tokens[i][0]
        if not possessive and _is_city_district(key, place, text[end:end + 12]):
            i += n  # "the Shevchenkivskyi district": no town, and the sentence's city is the event place
            continue
        if place.kind != "region":  # "the Belgorod and Kursk regions": Belgorod is a region too
            listed = ctx["listed_regions"].match(text, end) or _REGIONAL.match(text, end)
            if listed and table.get(f"{key} region", place).kind == "region":
                place = table[f"{key} region"]
        before = text[max(0, start - 80):start]
        if before.endswith("#"):
            before = before[:-1]  # "killed every day in #Ukraine": a hashtag is the word it tags
        prev_tok = tokens[i - 1] if i > 0 else None
        next_tok = tokens[i + n] if i + n < n_tokens else None
        i += n
        rules = stop.get(key, frozenset())
        prev_is_name = (not headline and prev_tok is not None and text[prev_tok[1]:start] == " "
                        and _is_capitalised_name_part(prev_tok[2])
                        and not _starts_sentence(text, prev_tok[0])
                        and prev_tok[2] not in table and not prev_tok[2].endswith("'s"))  # "Ukraine's Kharkiv"
        next_is_name = (not headline and next_tok is not None and text[end:next_tok[0]] == " "
                        and next_tok[2][:1].isupper() and next_tok[2] not in table
                        and not ctx["place_noun"].match(next_tok[2]))
        # "the Dnipro" is the river, but "the Dnipro bus station" is the city's
        names_facility = next_tok is not None and text[end:next_tok[0]] == " " and bool(ctx["facility_noun"].match(next_tok[2]))
        if ("after_the" in rules and ctx["the_before"].search(before) and not names_facility) or \
           ("before_capitalised" in rules and next_is_name) or \
           ("after_capitalised" in rules and prev_is_name) or \
           (n == 1 and place.kind != "region" and (prev_is_name or next_is_name)):
            continue
        # "east of the north-eastern city of Kharkiv": a direction before "the city of" makes the
        # city a point of reference, not the place
        locative = bool(ctx["locative"].search(before) or ctx["part_of"].search(before))
        relative = not locative and bool(ctx["relative"].search(before))
        locative = locative or (not relative and bool(ctx["locative_of"].search(before)))
        if not locative and out and out[-1].locative and (ctx["coordinated"].match(text[out[-1].end:start])
                                                          or text[out[-1].end:start].isspace()):
            locative = True  # "in Kyiv and Lviv"; "in the central Ukraine region of Vinnytsia"
        after = text[end:end + 60]
        if locative and _SETTLEMENT_OF.match(after):
            # "in the Kherson village of Bilozerka": the city's name says which region; the village is the place
            locative, possessive = False, True
        excluded = bool(ctx["exclude_before"].search(before) or (not locative and ctx["metonym"].match(after)))
        settlement = _settlement_before(text, start, place, table, ctx) if place.kind == "region" else None
        if place.kind == "city" and ctx["district_after"].match(text[end:end + 12]):
            # "a school in Bilohorivka, Sievierodonetsk Raion": the town names the district the
            # village before it lies in; the village is the place, at the town (the closest point
            # known), in the town's region
            settlement = _settlement_before(text, start, place._replace(name=place.admin1 or place.name), table, ctx)
            excluded = excluded or settlement is not None
        if settlement is not None and not (out and out[-1].start <= settlement.start < out[-1].end):
            out.append(settlement)
        out.append(Mention(place, start, end, locative, relative, possessive, excluded))
    out += _named_settlements(text, out, table, ctx)
    capital = _capital_mention(text, table, ctx)
    if capital is not None:
        out.append(capital)
        out.sort(key=lambda m: m.start)
    return out


def _settlement_before(text: str, start: int, region: Place, table: dict, ctx: dict) -> Mention | None:
    """A village the gazetteer lacks, named before its region: "stationed in Tonenkoye, Belgorod
    Oblast", "near the village of Kozacha Lopan, Kharkiv region". It is a place of the region
    (kind "city", admin1 the region) at the region's centre, the closest point known."""
    hit = ctx["settlement_before"].search(text, max(0, start - 80), start)
    if hit is None:
        return None
    name = hit.group("name")
    if name in table or any(w in table or w in _NOT_SETTLEMENT for w in name.split()):
        return None
    return _village(hit, region)


def _village(hit: re.Match, region: Place | None) -> Mention:
    """The locative mention of the village named by ``hit``'s group "name": a place of ``region``
    at its centre (the closest point known), or with no coordinates when no region is named."""
    name = hit.group("name")
    place = Place(name, "city", None, None, None, None) if region is None else \
        Place(name, "city", region.latitude, region.longitude, region.country, region.name)
    return Mention(place, hit.start("name"), hit.end("name"), True, False, False, False)


def _named_settlements(text: str, mentions: list[Mention], table: dict, ctx: dict) -> list[Mention]:
    """Villages the gazetteer lacks, named as such: "in the village of Pravdyne in the southern
    Kherson region", "the city (of Beryslav)", "in Ukraine's Hroza village". Each is placed at the centre of the region the text
    names (the nearest after it, else the nearest before); with no region named, it has a name
    and no coordinates (many villages share a name: "Novoselivka" is in most oblasts)."""
    regions = [m for m in mentions if m.place.kind == "region"]
    known = {m.start for m in mentions}  # "near the village of Kozacha Lopan, Kharkiv region" is found once
    out = []
    hits = sorted([*ctx["settlement_named"].finditer(text), *ctx["settlement_before_noun"].finditer(text)],
                  key=lambda h: h.start("name"))
    for hit in hits:
        name = hit.group("name")
        if name in table or hit.start("name") in known or any(w in _NOT_SETTLEMENT for w in name.split()):
            continue
        after = [m for m in regions if m.start >= hit.end()]
        out.append(_village(hit, (after[0] if after else regions[-1]).place if regions else None))
    return out


def _capital_mention(text: str, table: dict, ctx: dict) -> Mention | None:
    """"the capital" (not "the capital of ..."): Kyiv, the capital in Ukrainian and wire
    reporting, as a weak mention that any place the text names outranks."""
    hit = ctx["the_capital"].search(text)
    kyiv = table.get("Kyiv")
    if hit is None or kyiv is None:
        return None
    before = text[max(0, hit.start() - 80):hit.start()]
    locative = bool(ctx["locative"].search(before) or ctx["locative_of"].search(before))
    return Mention(kyiv, hit.start(), hit.end(), locative, False, False, False, True)


def _as_dict(m: Mention) -> dict:
    p = m.place
    return {"location": p.name, "latitude": p.latitude, "longitude": p.longitude, "admin1": p.admin1,
            "country": p.country, "kind": p.kind, "match_start": m.start, "match_end": m.end}


def find_places(text: str) -> list[dict]:
    """Every place mention in ``text``, left to right: dicts with ``KEYS`` (offsets into ``text``)."""
    return [_as_dict(m) for m in _mentions(text)]


def _tier(m: Mention) -> int:
    if m.weak:
        return 4
    if m.locative:
        return 0
    if m.relative:
        return 3
    return 2 if m.possessive else 1


def _kind_rank(place: Place) -> int:
    """A city before a region before a country; a part of a country named as such that is no
    administrative unit ("eastern Ukraine", "Donbas": no admin1) ranks with the country, so an
    oblast or a town the text names inside it is the more precise place."""
    if place.kind == "region" and not place.admin1:
        return KIND_RANK["country"]
    return KIND_RANK[place.kind]


# the peninsula holds the city the gazetteer counts as a unit of its own: "the Sevastopol Shipyard in Crimea"
_ADMIN1_WITHIN = {("Crimea", "Sevastopol City")}


def _inside(city: Place, area: Place) -> bool:
    if area.kind == "region":
        return area.admin1 is not None and (city.admin1 == area.admin1 or (area.admin1, city.admin1) in _ADMIN1_WITHIN)
    return city.country == area.country


def _holds(area: Place, place: Place) -> bool:
    """Whether the winning ``area`` may give way to ``place`` (rule 4): a region to a place of its
    admin1, a country or a part of one that is no administrative unit ("eastern Ukraine") to a
    place of the same country."""
    return _inside(place, area) if area.kind == "region" and area.admin1 else place.country == area.country


def _place_of(found: dict) -> Place:
    return Place(found["location"], found["kind"], found["latitude"], found["longitude"], found["country"],
                 found["admin1"])


_PART_OF_BEFORE = re.compile(r"\b(?:district|suburb|outskirts|neighbourhood|neighborhood|microdistrict) of (?:the )?(?:city of )?$")


def nests(text: str, found: dict, here: dict) -> bool:
    """Whether the place mention ``found`` (a :func:`find_places` dict of ``text``) is the place
    ``here`` itself or an area that holds it, as the text tells: the region ``here`` lies in, or the
    city before whose name "district of" stands ("the Saltivka district of Kharkiv")."""
    if found["location"] == here["location"]:
        return True
    if found["kind"] == "region":
        return _inside(_place_of(here), _place_of(found))
    return found["admin1"] == here["admin1"] and bool(
        _PART_OF_BEFORE.search(text[max(0, found["match_start"] - 40):found["match_start"]].lower()))


def locate(text: str, start: int = 0, end: int | None = None) -> dict | None:
    """The place where the event of ``text[start:end]`` happened, or None.

    ``text`` should be the sentence (context such as "in the city of" may lie outside the span);
    usable mentions inside the span are preferred, else those of the whole text. Returns a dict with
    ``KEYS`` (location, latitude, longitude, admin1, country, kind 'city'|'region'|'country',
    match_start, match_end as offsets into ``text``). The rules are in the module docstring.
    """
    mentions = _mentions(text)
    if not mentions:
        return None
    end = len(text) if end is None else end
    usable = [m for m in mentions if not m.excluded and (m.place.kind != "country" or m.locative)]
    candidates = [m for m in usable if m.start >= start and m.end <= end] or usable
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (_tier(m), _kind_rank(m.place), m.start))
    if _kind_rank(best.place) == KIND_RANK["country"]:
        regions = [m for m in candidates if _kind_rank(m.place) == KIND_RANK["region"] and _tier(m) < 3
                   and _holds(best.place, m.place)]
        if regions:
            best = min(regions, key=lambda m: (_tier(m), m.start))  # "in southern Ukraine's Kherson region"
    if best.place.kind != "city":
        cities = [m for m in candidates if m.place.kind == "city" and _tier(m) < 3 and _holds(best.place, m.place)]
        if cities:
            best = min(cities, key=lambda m: (_tier(m), m.start))
    return _as_dict(best)


def add_places(df: pd.DataFrame, text_col: str = "text", start_col: str | None = None,
               end_col: str | None = None) -> pd.DataFrame:
    """A copy of ``df`` with ``PLACE_COLUMNS``: :func:`locate` on each row's text (and span, when
    ``start_col``/``end_col`` name columns of offsets into that text); missing places are None."""
    for col in (text_col, start_col, end_col):
        if col is not None and col not in df.columns:
            raise KeyError(f"add_places: column {col!r} not in the table (columns: {list(df.columns)})")
    starts = df[start_col] if start_col else [0] * len(df)
    ends = df[end_col] if end_col else [None] * len(df)
    rows = []
    for text, s, e in zip(df[text_col], starts, ends):
        found = locate(text, int(s), None if e is None or pd.isna(e) else int(e)) if isinstance(text, str) else None
        rows.append(found or dict.fromkeys(KEYS))
    out = df.copy()
    for key, col in zip(KEYS, PLACE_COLUMNS):
        out[col] = pd.Series([r[key] for r in rows], index=df.index, dtype="object")
    return out
