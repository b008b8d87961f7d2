"""Pattern tables and parsed sentences: the words every extraction rule reads.

The tables of ``helpers/resources/`` loaded once (:func:`tables`), each a :class:`PhraseTable`
matched on lower-cased nltk tokens, and :func:`_parse`, a sentence's tokens, numbers (the
candidates: ``helpers.numbers``) and weapon mentions. Shared token helpers live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from helpers import columns
from helpers.numbers import NumberMention, Token, find_numbers, number_words, read_resource_csv, tokenize


try:  # written by the places helper; until it lands, events carry no place
    from helpers import places as _places
except ImportError:  # pragma: no cover - depends on the tree's state
    _places = None


try:  # written by the dates helper; until it lands, the publication date stands in
    from helpers import dates as _dates
except ImportError:  # pragma: no cover
    _dates = None


DATE_COLUMNS = columns.EVENT_DATE


CASUALTY_COLUMNS = columns.CASUALTIES


INTERCEPTION_COLUMNS = columns.INTERCEPTIONS


ECONOMIC_COLUMNS = columns.ECONOMIC_FIGURES


_QUOTES = frozenset(("'", '"', "``", "''", "\u2018", "\u2019", "\u201c", "\u201d"))


# a hyphen or dash standing alone as a token: an aside's marks, or a telegraphic "people - injured"
_DASHES = frozenset(("-", "\u2013", "\u2014", "--"))


# a count of time is no count of victims or weapons: "killed two months later", "four days of drones"
_TIME_UNITS = frozenset("second seconds minute minutes hour hours day days night nights week weeks month months "
                        "year years decade decades".split())


# marks that join separate items of a feed or a live page into one "sentence"
_ITEM_BREAKS = frozenset(("•", "##", "###", "|", "■", "▪"))


def _feed_items(low: list[str]) -> list[int]:
    """The feed item each token is in (0, 1, ...): a bullet or a heading mark starts the next, so
    a cue of one glued headline says nothing of the figures of another."""
    item, items = 0, []
    for w in low:
        item += w in _ITEM_BREAKS
        items.append(item)
    return items


_AUX = frozenset(
    "were was have has had been are is being got reportedly also later allegedly officially confirmed already "
    "seriously severely critically slightly lightly fatally now all of them who people further reported "
    "sustained suffered received minor serious severe shrapnel multiple various".split()
) | _QUOTES


_TOLL_BRIDGE = frozenset(
    "to at has have had rose risen climbed increased reached grown jumped now stands stood is was been "
    "further officially 's already exceeds exceeded surpassed surpasses tops topped approaching nearing".split()
)


_TOLL_HEADS = frozenset("number count tally toll".split())


_UPDATE_VERBS = frozenset("rose risen climbed increased reached grown jumped".split())


_NOT_MODIFIERS = frozenset("and or but in on at of from to by with after when as than times years months days".split())


_SUBSET_MARKERS = frozenset("including among incl. incl whom".split())
_LIST_REACH = 10  # tokens back from a count to the "including" of its list
_LIST_STOPS = frozenset("of which while whereas but than".split())


_AMONG_DETERMINERS = frozenset(("the", "those"))


_COPULAS = frozenset(("was", "were", "is", "are"))


_REPORTED = frozenset("said reported confirmed stated added announced noted explained warned".split())


_ASIDE_OPENERS = frozenset("mostly many mainly primarily".split())


_PART_WORDS = frozenset("most many some half all several both".split())


_SKIP_BEFORE_COUNT = (("a", "total", "of"), ("a", "further"), ("a", "record"), ("another",), ("all",), ("the",),
                      ("only",), ("just",),  # "there were only 10 kamikaze drones in the air"
                      # "shot down a volley of four cruise missiles": the group is the count's
                      *(("a", g, "of") for g in ("volley", "salvo", "barrage", "wave", "swarm")))


_POSSESSIVES = frozenset(("her", "his", "their", "its"))  # "killing its driver"


_SINGLE_DETERMINERS = frozenset(("a", "an", "another")) | _POSSESSIVES


_NOUN_VALUE = {"singular": 1.0, "pair": 2.0}


_ONE_NOUN = frozenset(_NOUN_VALUE)


_BARE_FOLLOWERS = frozenset(
    "overnight on in over during and or of across out at by from that which others . , ; : ) -- – —".split()
)


_PUNCT_STOP = frozenset(". , ; : ( ) -- – — ? ! … ...".split())


_DESCRIBING = frozenset("targeting aimed heading headed flying fired".split())


_INTERCEPT_FORWARD_SKIP = frozenset(
    "were was have has had been also reportedly apparently successfully all of which them these those more others another "
    "further it they able to managed".split()
) | _QUOTES


class PhraseTable:
    """Phrases of a CSV column, matched on lower-cased nltk tokens (longest phrase first)."""

    def __init__(self, rows: list[dict], column: str):
        self.phrases: dict[tuple[str, ...], list[dict]] = {}
        for row in rows:
            key = tuple(t.lower for t in tokenize(row[column].strip().lower()))
            self.phrases.setdefault(key, []).append(row)
        self.maxlen = max((len(k) for k in self.phrases), default=1)
        # the phrase lengths, longest first, of the phrases that start (end) with a token: most
        # tokens start none, and are passed over with one dictionary lookup
        starts: dict[str, set[int]] = {}
        ends: dict[str, set[int]] = {}
        for key in self.phrases:
            if key:
                starts.setdefault(key[0], set()).add(len(key))
                ends.setdefault(key[-1], set()).add(len(key))
        self._starting = {t: sorted(n, reverse=True) for t, n in starts.items()}
        self._ending = {t: sorted(n, reverse=True) for t, n in ends.items()}

    def match_at(self, low: list[str], i: int, where=None) -> tuple[dict, int] | None:
        """Longest phrase starting at token ``i`` (optionally only rows where ``where(row)``)."""
        if i >= len(low):
            return None
        for length in self._starting.get(low[i], ()):
            if i + length > len(low):
                continue
            for row in self.phrases.get(tuple(low[i:i + length]), ()):
                if where is None or where(row):
                    return row, length
        return None

    def match_ending_at(self, low: list[str], j: int, where=None) -> tuple[dict, int] | None:
        """Longest phrase ending just before token ``j``."""
        if j < 1 or j > len(low):
            return None
        for length in self._ending.get(low[j - 1], ()):
            if length > j:
                continue
            for row in self.phrases.get(tuple(low[j - length:j]), ()):
                if where is None or where(row):
                    return row, length
        return None

    def find_all(self, low: list[str], where=None) -> list[tuple[int, int, dict]]:
        """Non-overlapping matches left to right: ``(first token, length, row)``."""
        out, i = [], 0
        while i < len(low):
            hit = self.match_at(low, i, where)
            if hit:
                out.append((i, hit[1], hit[0]))
                i += hit[1]
            else:
                i += 1
        return out

    def keywords_regex(self) -> re.Pattern:
        """A cheap prefilter: any phrase of the table as a whole word in lower-cased text."""
        words = sorted({" ".join(k) for k in self.phrases}, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w])")


@dataclass(frozen=True)
class _Tables:
    casualty: PhraseTable
    victims: PhraseTable
    weapons: PhraseTable
    generic_targets: PhraseTable
    targets: PhraseTable
    intercept: PhraseTable
    claimants: PhraseTable
    cues: PhraseTable
    noncasualty: PhraseTable
    recovery: PhraseTable
    scope: PhraseTable
    currencies: list[dict]
    casualty_re: re.Pattern
    scope_re: re.Pattern
    intercept_re: re.Pattern
    number_re: re.Pattern
    # the first words of the phrases behind each regex above: a sentence sharing none of them is
    # passed over with one set test, before any regex runs over it
    casualty_words: frozenset
    intercept_words: frozenset
    weapon_words: frozenset


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """Every pattern table in ``helpers/resources/``, loaded and compiled once."""
    cas = PhraseTable(read_resource_csv("casualty_terms.csv"), "term")
    inter = PhraseTable(read_resource_csv("interception_terms.csv"), "term")
    scope = PhraseTable(read_resource_csv("place_scope.csv"), "phrase")
    words = sorted(number_words(), key=len, reverse=True)
    weapons = PhraseTable(read_resource_csv("weapons.csv"), "pattern")
    victims = read_resource_csv("victims.csv")
    # a headline may open with a victim and no article: "Woman injured in drone attack on Kharkiv"
    singular = sorted({r["term"] for r in victims if r["number"] == "singular" and r["who"]}, key=len, reverse=True)
    return _Tables(
        casualty=cas,
        victims=PhraseTable(victims, "term"),
        weapons=weapons,
        generic_targets=PhraseTable(read_resource_csv("generic_targets.csv"), "pattern"),
        targets=PhraseTable(read_resource_csv("targets.csv"), "pattern"),
        intercept=inter,
        claimants=PhraseTable(read_resource_csv("claimants.csv"), "pattern"),
        cues=PhraseTable(read_resource_csv("event_cues.csv"), "cue"),
        noncasualty=PhraseTable(read_resource_csv("noncasualty_cues.csv"), "cue"),
        recovery=PhraseTable(read_resource_csv("body_recovery.csv"), "phrase"),
        scope=scope,
        currencies=read_resource_csv("currencies.csv"),
        # "among the victims"; "there were no casualties" (an explicit zero)
        casualty_re=re.compile(cas.keywords_regex().pattern.replace("(?:", "(?:toll|victims|casualties|", 1)),
        # a verb ending in "with"/"using" may stand apart from it ("attacked Kyiv with"): its head alone
        intercept_re=re.compile(inter.keywords_regex().pattern.replace("(?:", "(?:" + "|".join(sorted(
            {re.escape(k[0]) for k in inter.phrases if len(k) == 2 and k[-1] in ("with", "using")})) + "|", 1)),
        scope_re=scope.keywords_regex(),
        number_re=re.compile(r"\d|\b(?:an?|another|her|his|their|not|" + "|".join(map(re.escape, words)) + r")\b"  # "his wife" counts 1
                             + r"|^(?:" + "|".join(map(re.escape, singular)) + r")\b"
                             # a named person before a passive verb: "Oleh Petrenko was killed" counts 1
                             + r"|\b(?:was|has been|had been) (?:killed|injured|wounded|shot dead)\b"
                             # "She died under Russian shelling in Kharkiv": one victim
                             + r"|\b(?:he|she) (?:later |reportedly )?died\b"),
        casualty_words=_first_words(cas, ("toll", "victims", "casualties")),
        intercept_words=_first_words(inter),
        weapon_words=_first_words(weapons)
        | _first_words(PhraseTable(read_resource_csv("generic_targets.csv"), "pattern")),
    )


_WORD = re.compile(r"[a-z]+")


_DIGIT = re.compile(r"\d")


_IN_ALL = re.compile(r"(?:in all|in total|overall|altogether|nationwide|across (?:the country|ukraine))\b")


# Words too common to tell a sentence apart: a phrase is keyed by its first word not among them.
_FUNCTION_WORDS = frozenset("the a an to of in on at by for with from and or all its their his her was were is are "
                            "be been being have has had did do does not no it they that which n't 's".split())


def _first_words(table: PhraseTable, extra: tuple[str, ...] = ()) -> frozenset:
    """One key word per phrase: the letters-only start of its first token that is no function word
    ("were shot down" -> "shot", "the death toll" -> "death", "kh-101" -> "kh"). Every phrase
    holds its key, so a sentence without any key holds none of the phrases."""
    out = set(extra)
    for key in table.phrases:
        token = next((t for t in key if t not in _FUNCTION_WORDS), key[0] if key else "")
        m = _WORD.match(token)
        out.add(m.group(0) if m else "")
    return frozenset(out)


def _shares(words: frozenset, keys: frozenset) -> bool:
    return "" in keys or not words.isdisjoint(keys)


@dataclass
class _Sentence:
    text: str
    tokens: tuple[Token, ...]
    low: list[str]
    numbers: list[NumberMention]
    weapons: list[tuple[int, int, dict]]

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end


# words before a four-digit number that make it a year ("since 2014", "the 2022 invasion")
_YEAR_BEFORE = frozenset("the in since of from by until till to a an and or between during after before".split())


def _counted_years(numbers: list[NumberMention], low: list[str], weapons: list) -> list[NumberMention]:
    """"The Russian army has used 2014 missiles": a year-like number right before a weapon, with no
    word before it that makes it a year, counts the weapons."""
    starts = {w[0] for w in weapons}
    return [replace(m, kind="count") if m.kind == "year" and m.last in starts
            and (m.first == 0 or low[m.first - 1] not in _YEAR_BEFORE) else m for m in numbers]


@lru_cache(maxsize=20000)
def _parse(text: str) -> _Sentence:
    toks = tokenize(text)
    low = [t.lower for t in toks]
    weapons = tables().weapons.find_all(low)
    return _Sentence(text, toks, low, _counted_years(find_numbers(toks, text), low, weapons), weapons)


def _weapon_near(s: _Sentence, first: int, last: int) -> dict | None:
    """The weapon mention nearest to tokens ``first:last`` in the sentence (None if none)."""
    best, dist = None, None
    for a, n, row in s.weapons:
        d = a - last if a >= last else (first - (a + n) if a + n <= first else 0)
        if dist is None or d < dist:
            best, dist = row, d
    return best


def _is_subset(s: _Sentence, first: int) -> bool:
    """Counts introduced by "including"/"among them" are part of a total already counted; in
    "among the 20 dead" the count is the total itself."""
    # "among the 20 dead", "were among seven injured": a count right after "among" is the whole group
    if any(s.low[k] in _SUBSET_MARKERS and not (s.low[k] == "among" and (s.low[k + 1] in _AMONG_DETERMINERS
                                                                         or k + 1 == first))
           for k in range(max(0, first - 2), first)):
        return True
    # a later item of the same list: "36 targets, including three Kalibr and 33 Kh-101 cruise
    # missiles, were shot down" (no comma, verb or auxiliary between "including" and the count)
    for k in range(first - 1, max(0, first - _LIST_REACH) - 1, -1):
        word = s.low[k]
        if word == "including":
            return True
        if word in _AUX or word in _LIST_STOPS or not any(c.isalnum() for c in word):
            return False
    return False


def _among_group(s: _Sentence, k: int) -> tuple[str, int, bool] | None:
    """A group of casualties at token ``k``: "among the dead", "among those killed", "among the
    civilians injured", "among the victims" (the dead), "among the 20 dead". Returns (role, end
    token, whether the group states its own count) or None."""
    if s.low[k] != "among" or k + 2 >= len(s.low) or s.low[k + 1] not in _AMONG_DETERMINERS:
        return None
    t = tables()
    p, counted = k + 2, False
    m = next((m for m in s.numbers if m.first == p and m.kind == "count"), None)
    if m is not None:
        p, counted = m.last, True
    while p < len(s.low) and p < k + 8:
        if s.low[p] == "victims":
            return "killed", p + 1, counted
        term = t.casualty.match_at(s.low, p, lambda r: r["position"] in ("after", "never"))
        if term:
            return (term[0]["role"], p + term[1], counted) if term[0]["position"] == "after" else None
        victim = t.victims.match_at(s.low, p)
        if not victim and s.low[p] not in _AUX:
            return None
        p += victim[1] if victim else 1
    return None


def _among_before(s: _Sentence, j: int) -> str | None:
    """The role of a count after "among the dead were" ("Among the dead were three children" =
    3 killed), "subset" after "among the 20 dead were" (a part of the 20), else None."""
    if j < 4 or s.low[j - 1] not in _COPULAS:
        return None
    for k in range(j - 4, max(-1, j - 12), -1):
        if s.low[k] == "among":
            group = _among_group(s, k)
            if group is None or group[1] != j - 1:
                return None
            return "subset" if group[2] else group[0]
    return None


def _subset_aside(s: _Sentence, k: int) -> bool:
    """Whether an aside opening at token ``k`` names a part of the count before it: "including
    three children", "mostly women", "nine of them children", "most of whom were pensioners"."""
    if k >= len(s.low):
        return False
    if s.low[k] in _SUBSET_MARKERS or s.low[k] in _ASIDE_OPENERS:
        return True
    part = next((m.last for m in s.numbers if m.first == k), None)  # "nine of them", "two of whom"
    if part is None and s.low[k] in _PART_WORDS:
        part = k + 1  # "most of them", "half of them"
    return part is not None and tuple(s.low[part:part + 2]) in (("of", "them"), ("of", "whom"), ("of", "those"))


def _skip_back(low: list[str], j: int) -> int:
    """Step back over "a total of", "another", "all", "the" standing between a verb and its count."""
    while j > 0 and low[j - 1] in _QUOTES:
        j -= 1  # 'had launched “more than 400 drones”': a quotation opens between verb and count
    for phrase in _SKIP_BEFORE_COUNT:
        if j >= len(phrase) and tuple(low[j - len(phrase):j]) == phrase:
            return j - len(phrase)
    return j


def _is_count_word(w: str) -> bool:
    return w[:1].isdigit() or (w in number_words() and number_words()[w][1] in ("unit", "ten"))
