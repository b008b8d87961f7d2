"""Extract: casualty, interception and economic-figure events from sentences, with provenance.

Input: a sentences table (contract columns article_id, sentence_idx, start, end, text) and,
optionally, an articles table giving each article's publication ``date``. Output: one
DataFrame per kind of event (``CASUALTY_COLUMNS``, ``INTERCEPTION_COLUMNS``,
``ECONOMIC_COLUMNS``); ``char_start``/``char_end`` are offsets into the ARTICLE text of the span
holding the figures.

How a figure is read (the words are tables in ``helpers/resources/``, the grammar is here):
- casualties (``casualty_terms.csv``, ``victims.csv``): a count followed by victims and a
  casualty word ("eight people were killed", "33 injuries", "one fatality"), or a casualty verb
  right before the count ("killing two people and wounding 14"), or a toll ("the death toll rose
  to 9", "the number of people killed in the strike has risen to 12", marked ``update``); a
  single victim counts 1 ("a 62-year-old man was killed", "his wife was injured") and coordinated
  victims add up ("a boy and a woman were injured" = 2, "killing two women and a child" = 3, "a
  mother and her two children were killed" = 3); people "treated for injuries", who "received
  medical care" or "sought medical help" are injured (``casualty_terms.csv``); "a couple" counts
  2 and "a family of five" 5
  (``victims.csv`` number ``pair``/``group``); "no one was hurt" is no count. A group "among the dead" counts when no toll of
  its role is stated in its sentence or the one before ("A teenager was among the dead" = 1
  killed, "Three children were among the dead" = 3); "Among the 20 dead were three children" = 20.
  Killed and injured in one sentence form one event unless a role repeats. Counts after
  "including"/"among" and asides such as ", nine of them children," are subsets and not added;
  an appositive between victims and their casualty word is stepped over ("59 people, one-sixth of
  the village's population, had been killed").
  Sentences with a cumulative cue (``event_cues.csv``: "since the start of the full-scale
  invasion") are ``aggregate``; a period cue ("in the past day", "over the past 24 hours", "in
  total") makes a soldiers' toll ``aggregate`` (daily loss claims are front-wide totals), while a
  regional civilian toll of the day stays one event. A cue closing a superlative comparison
  ("the biggest attack on the grid since the war began", "the deadliest strike since 2022":
  ``comparison`` cues) marks nothing. Sentences about repatriated bodies, mass
  graves or non-military deaths (``noncasualty_cues.csv``) give no casualties; bodies recovered at
  a strike site are its dead ("pulled 15 bodies from the rubble", "11 more bodies were recovered":
  ``body_recovery.csv``). A victim "who was wounded ..." and then "died (of his injuries)" /
  "succumbed" is a death; "..., bringing the death toll to 14" (``running_toll`` cues) is an update
  that includes the deaths named before it, so they are not added again.
- interceptions (``interception_terms.csv``, ``weapons.csv``): "shot down 16 of 21 Shahed
  drones", "launched 138 drones ... shot down 110", "110 of which were shot down", "managed to
  down 102 missiles", "took out 41 of them", "destroyed all 15 drones", "11 were lost to
  electronic warfare", "another 30 vanished from radars" (``not_reached``, kept apart from shot
  down); "21 of the missiles and both drones had been destroyed" refers back to the launch counts. A count must name a weapon
  or stand bare ("shot down 110."); "deployed 150,000 troops" or "destroyed 12 tanks" are not
  interceptions, nor are deliveries or production ("the US delivered 500 missiles"); weekly or
  war-long launch totals are ``aggregate``, and so is a launch total over more than one night
  ("300 drones ... were used against Ukraine over the past week", "launched at Ukraine this month":
  ``long_period`` cues) unless the sentence names the night. A generic count of "targets"
  (``generic_targets.csv``: "shot down 112 of the targets") is a count of aerial targets of all
  kinds (class ``mixed``), or of the one weapon class counted before it in the sentence. A launch
  list runs on past an aside after "along with"/"as well as"/"plus" ("fired 728 drones overnight,
  the largest attack so far, along with seven Kinzhal missiles"), while counts after "including"
  stay part of the total; the count before ", 81 of which were destroyed" is the launched whole
  ("along with 93 missiles, 81 of which were destroyed" = 93 launched, 81 intercepted), and the
  part is never an item of a list ("shot down 52 drones, 18 of them over Kyiv" = 52); a list
  takes its verb from its end ("300 drones, 20 missiles and 16
  glide bombs were used"). An "N of M <weapon>" pair keeps its own M; a class total it breaks down ("39 missiles ... 14 of 21 Kh-101
  and 10 of 16 Kalibr") is dropped so the missiles are not counted twice. A list of pairs takes the
  passive verb at its end ("59 of 78 missiles and 54 of 106 drones were shot down"). A total broken
  down after a colon ("145 air attack assets: 3 Iskander-M missiles and 142 UAVs") gives its parts,
  not itself; "all three Iskander-M missiles reached their targets" = 3 launched, 0 intercepted
  (without "all", "27 hit their targets" is no figure). A following sentence
  may complete the counts of the one before ("... shot down 110 of them"), but a smaller count
  of the same weapon there is a regional breakdown and adds nothing. ``rate`` = intercepted / launched, left empty and
  ``flag``-ged when intercepted (+ not_reached) exceeds launched.
- economic figures (``currencies.csv``): an amount with its currency and scale, what it
  measures ("cost of rebuilding Ukraine") and a stated ratio ("2,6 times ... GDP" = 2.6).
A casualty's weapon and place come from its own clause, else its sentence, else the sentence
before (news often names the strike in one sentence and the toll in the next); a toll stated
"across Ukraine" or "nationwide" (``place_scope.csv``) is the country's, whatever cities the
sentence names elsewhere. An interception's claimant and region come from its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from helpers import columns
from helpers.figure_types import classify as classify_figure

from helpers.numbers import (
    NumberMention,
    Token,
    as_int,
    find_numbers,
    number_words,
    parse_digits,
    qualifier_before,
    read_resource_csv,
    tokenize,
)

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

# Words that may stand between a count and its casualty word: "seven (people) (were) injured".
_QUOTES = frozenset(("'", '"', "``", "''", "\u2018", "\u2019", "\u201c", "\u201d"))
_AUX = frozenset(
    "were was have has had been are is being got reportedly also later allegedly officially confirmed "
    "seriously severely critically slightly lightly fatally now all of them who people further "
    "sustained suffered received minor serious severe shrapnel multiple various".split()
) | _QUOTES
# Words that may stand between a toll and its count: "the death toll has risen to 9".
_TOLL_BRIDGE = frozenset(
    "to at has have had rose risen climbed increased reached grown jumped now stands stood is was been "
    "further officially 's".split()
)
# Nouns that head a toll phrase "the number of (people) killed", "the tally of dead".
_TOLL_HEADS = frozenset("number count tally toll".split())
_UPDATE_VERBS = frozenset("rose risen climbed increased reached grown jumped".split())
# Words that never modify a victim noun: a count followed by these is not a casualty count.
_NOT_MODIFIERS = frozenset("and or but in on at of from to by with after when as than times years months days".split())
_SUBSET_MARKERS = frozenset("including among incl. incl whom".split())
# "A teenager was among the dead", "Among those killed were two children": a group of casualties.
_AMONG_DETERMINERS = frozenset(("the", "those"))
_COPULAS = frozenset(("was", "were", "is", "are"))
# Verbs in -ed after which a list of victims may still be the subject of what follows.
_REPORTED = frozenset("said reported confirmed stated added announced noted explained warned".split())
# An aside after a count that names a part of it: "Eighteen people, mostly women, were killed".
_ASIDE_OPENERS = frozenset("mostly many mainly primarily".split())
_PART_WORDS = frozenset("most many some half all several both".split())
_SKIP_BEFORE_COUNT = (("a", "total", "of"), ("a", "further"), ("another",), ("all",), ("the",))
# Possessives open a victim phrase like an article: "a mother and her two children", "his wife".
_POSSESSIVES = frozenset(("her", "his", "their"))
_SINGLE_DETERMINERS = frozenset(("a", "an", "another")) | _POSSESSIVES
# victims.csv "number": a noun after "a"/"his" names one victim, or two ("an elderly couple")
_NOUN_VALUE = {"singular": 1.0, "pair": 2.0}
_ONE_NOUN = frozenset(_NOUN_VALUE)
# Words after a bare count that still let it stand for a weapon named elsewhere ("shot down 110 overnight");
# "14 targets" is not one: "naval drones destroyed 14 targets" (generic_targets.csv reads "45 targets").
_BARE_FOLLOWERS = frozenset(
    "overnight on in over during and or of across out at by from that which . , ; : ) -- – —".split()
)
_PUNCT_STOP = frozenset(". , ; : ( ) -- – — ? !".split())
# participles that describe a weapon between its count and the verb: "31 missiles targeting Kyiv"
_DESCRIBING = frozenset("targeting aimed heading headed flying fired".split())
_INTERCEPT_FORWARD_SKIP = frozenset(
    "were was have has had been also reportedly successfully all of which them these those more others another "
    "further it they able to managed".split()
) | _QUOTES


# --------------------------------------------------------------------------- phrase tables


class PhraseTable:
    """Phrases of a CSV column, matched on lower-cased nltk tokens (longest phrase first)."""

    def __init__(self, rows: list[dict], column: str):
        self.phrases: dict[tuple[str, ...], list[dict]] = {}
        for row in rows:
            key = tuple(t.lower for t in tokenize(row[column].strip().lower()))
            self.phrases.setdefault(key, []).append(row)
        self.maxlen = max((len(k) for k in self.phrases), default=1)

    def match_at(self, low: list[str], i: int, where=None) -> tuple[dict, int] | None:
        """Longest phrase starting at token ``i`` (optionally only rows where ``where(row)``)."""
        for length in range(min(self.maxlen, len(low) - i), 0, -1):
            for row in self.phrases.get(tuple(low[i:i + length]), ()):
                if where is None or where(row):
                    return row, length
        return None

    def match_ending_at(self, low: list[str], j: int, where=None) -> tuple[dict, int] | None:
        """Longest phrase ending just before token ``j``."""
        for length in range(min(self.maxlen, j), 0, -1):
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
    return _Tables(
        casualty=cas,
        victims=PhraseTable(read_resource_csv("victims.csv"), "term"),
        weapons=PhraseTable(read_resource_csv("weapons.csv"), "pattern"),
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
        number_re=re.compile(r"\d|\b(?:an?|another|her|his|their|" + "|".join(map(re.escape, words)) + r")\b"),  # "his wife" counts 1
        casualty_words=_first_words(cas, ("toll", "victims", "casualties")),
        intercept_words=_first_words(inter),
        weapon_words=_first_words(PhraseTable(read_resource_csv("weapons.csv"), "pattern"))
        | _first_words(PhraseTable(read_resource_csv("generic_targets.csv"), "pattern")),
    )


_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_IN_ALL = re.compile(r"(?:in all|in total|overall|altogether|nationwide|across (?:the country|ukraine))\b")


def _first_words(table: PhraseTable, extra: tuple[str, ...] = ()) -> frozenset:
    """The first letters-only run of each phrase's first token ("shot down" -> "shot", "kh-101" -> "kh")."""
    out = set(extra)
    for key in table.phrases:
        m = _WORD.match(key[0]) if key else None
        out.add(m.group(0) if m else "")
    return frozenset(out)


def _shares(words: frozenset, keys: frozenset) -> bool:
    return "" in keys or not words.isdisjoint(keys)


# --------------------------------------------------------------------------- parsed sentence


@dataclass
class _Sentence:
    text: str
    tokens: tuple[Token, ...]
    low: list[str]
    numbers: list[NumberMention]
    weapons: list[tuple[int, int, dict]]

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end


@lru_cache(maxsize=20000)
def _parse(text: str) -> _Sentence:
    toks = tokenize(text)
    low = [t.lower for t in toks]
    return _Sentence(text, toks, low, find_numbers(toks, text), tables().weapons.find_all(low))


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
    return any(s.low[k] in _SUBSET_MARKERS and not (s.low[k] == "among" and s.low[k + 1] in _AMONG_DETERMINERS)
               for k in range(max(0, first - 2), first))


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


# --------------------------------------------------------------------------- casualties


@dataclass
class _Figure:
    role: str
    value: float
    qualifier: str | None
    vague: bool
    first: int
    last: int
    who: str | None = None
    update: bool = False
    among: bool = False  # "a teenager was among the dead": counts only when no toll of that role is stated


def _who_after(s: _Sentence, j: int, limit: int = 3) -> str | None:
    vt = tables().victims
    for k in range(j, min(len(s.low), j + limit)):
        hit = vt.match_at(s.low, k)
        if hit and hit[0]["who"]:
            return hit[0]["who"]
        if not hit and s.low[k] not in _AUX:
            return None
    return None


def _casualty_role_after(s: _Sentence, j: int, limit: int = 7) -> tuple[str, int, str | None, bool] | None:
    """Role of a count from the words after it: ("killed", end token, who, among) or None; ``among``
    when the count joins a group ("three children were among the dead"). Before "among the 20
    dead" the count is a part of the 20, not a figure."""
    t = tables()
    who = None
    k = j
    unknown = 0
    victims_seen = False
    while k < len(s.low) and k < j + limit:
        # "Eleven people, including three children, were injured": step over the aside
        if s.low[k] == "," and _subset_aside(s, k + 1):
            close = next((c for c in range(k + 2, min(len(s.low), k + 12)) if s.low[c] == ","), None)
            if close is None:
                return None
            k, limit = close + 1, limit + (close + 1 - k)
            continue
        # "59 people, one-sixth of the village's population, had been killed": an appositive aside
        # after the victims, when the casualty word follows its closing comma
        if s.low[k] == "," and victims_seen and not unknown:
            close = _appositive_end(s, k)
            if close is not None:
                k, limit = close + 1, limit + (close + 1 - k)
                continue
        # "91 of its rescuers have been killed": the count is of the group named after "of its"
        if k == j and s.low[k] == "of" and k + 1 < len(s.low) and s.low[k + 1] in _OF_GROUP:
            k, limit = k + 2, limit + 2
            continue
        term = t.casualty.match_at(s.low, k, lambda r: r["position"] in ("after", "never"))
        # "200 Ukrainian athletes and coaches have been killed": unlisted nouns are victims when a
        # passive casualty verb with its auxiliary follows them
        passive = bool(term) and unknown and s.low[k - 1] in _PASSIVE_AUX and any(
            w.endswith("s") and w not in _NOT_MODIFIERS for w in s.low[j:k])
        if term and (not unknown or passive):
            row, n = term
            if row["position"] != "after":
                return None
            # "1,180 soldiers killed and wounded": a combined count is neither killed nor injured
            # ... also "killed, wounded and captured", "have died or been injured"
            other = _combined_with(s, k + n, row["role"])
            # "treated 1,000 wounded soldiers": the word describes the people, it reports no strike
            adjective = k + n < len(s.low) and t.victims.match_at(s.low, k + n, lambda r: r["who"] != "")
            if other or adjective:
                return None
            if row["role"] == "injured" and "who" in s.low[j:k]:
                # "a man who was wounded in Sunday's strike died of his injuries": the relative clause
                # tells what happened before; the death after it is what the sentence reports
                late = _death_after_relative(s, k + n)
                if late is not None:
                    return "killed", late, who, False
            return row["role"], k + n, who, False
        victim = t.victims.match_at(s.low, k)
        if victim:
            who = who or (victim[0]["who"] or None)
            k += victim[1]
            unknown = 0
            victims_seen = True
            continue
        if s.low[k] == "among" and not unknown:
            group = _among_group(s, k)
            return None if group is None or group[2] else (group[0], group[1], who, True)
        if s.low[k] in _AUX or s.low[k].endswith("-old"):
            k += 1
            continue
        # "two emergency workers", "three police officers": at most two unlisted words, and only
        # when a victim noun follows them
        if k == j + unknown and unknown < 2 and s.low[k].isalpha() and s.low[k] not in _NOT_MODIFIERS:
            unknown += 1
            k += 1
            continue
        # ... and up to four, "and" among them, when the passive verb decides (above)
        if (unknown or victims_seen) and unknown < 4 and (s.low[k].isalpha() and s.low[k] not in _NOT_MODIFIERS or s.low[k] == "and"):
            unknown += 1
            k += 1
            limit += 1
            continue
        return None
    return None


_COMBINE_GAP = frozenset((",", "and", "or", "been", "were", "have", "had", "was"))


def _combined_with(s: _Sentence, k: int, role: str) -> bool:
    """Whether the casualty word ending before token ``k`` is joined to another role's word
    ("killed and wounded", "killed, wounded and captured", "died or been injured"): one count of
    both, which fills neither field."""
    gap = 0
    while k < len(s.low) and s.low[k] in _COMBINE_GAP and gap < 3:
        k, gap = k + 1, gap + 1
    if not gap or k >= len(s.low) or not any(w in ("and", "or", ",") for w in s.low[k - gap:k]):
        return False
    hit = tables().casualty.match_at(s.low, k, lambda r: r["position"] == "after")
    return bool(hit) and hit[0]["role"] != role


_OF_GROUP = frozenset("its their our his her the".split())
_PASSIVE_AUX = frozenset("were was are is been".split())
_CLAUSE_END = _PUNCT_STOP | frozenset("said says told while whereas but".split())
_APPOSITIVE_MAX = 10


def _appositive_end(s: _Sentence, k: int) -> int | None:
    """The closing comma of an aside opening with the comma at token ``k`` ("59 people, one-sixth of
    the village's population, had been killed") when a casualty word follows it (over auxiliaries),
    else None. The aside is at most ``_APPOSITIVE_MAX`` tokens, with no casualty word, "among" or
    clause break of its own: "Two people, one killed and one injured, ..." is no aside."""
    t = tables()
    for c in range(k + 1, min(len(s.low), k + 2 + _APPOSITIVE_MAX)):
        w = s.low[c]
        if w == ",":
            if c == k + 1:
                return None
            p = c + 1
            while p < len(s.low) and p < c + 5 and s.low[p] in _AUX and s.low[p] not in _QUOTES:
                p += 1
            hit = t.casualty.match_at(s.low, p, lambda r: r["position"] == "after")
            return c if hit else None
        ages = w == "and" and _is_count_word(s.low[c - 1]) and c + 1 < len(s.low) and _is_count_word(s.low[c + 1])
        if w in _PUNCT_STOP or (w in ("among", "and", "who", "which") and not ages) or t.casualty.match_at(s.low, c):
            return None  # "aged five and 10" is an aside; "one killed and one injured" is none
    return None


def _death_after_relative(s: _Sentence, k: int) -> int | None:
    """The end token of a death word ("died", "succumbed") later in the clause that starts at
    token ``k``, else None."""
    cas = tables().casualty
    for p in range(k, len(s.low)):
        if s.low[p] in _CLAUSE_END:
            return None
        hit = cas.match_at(s.low, p, lambda r: r["position"] == "after" and r["role"] == "killed")
        if hit:
            return p + hit[1]
    return None


def _casualty_role_before(s: _Sentence, a: int) -> tuple[str, bool, bool] | None:
    """Role of a count from the words before it (``a`` = first token of count or qualifier):
    (role, update, among) or None."""
    t = tables()
    j = _skip_back(s.low, a)
    hit = t.casualty.match_ending_at(s.low, j, lambda r: r["position"] == "before")
    if hit:
        return hit[0]["role"], False, False
    among = _among_before(s, j)
    if among is not None:
        return None if among == "subset" else (among, False, True)
    # "the death toll has risen to 9", "the number of injured rose to 20"
    k, update = j, False
    while k > 0 and j - k < 8 and s.low[k - 1] in _TOLL_BRIDGE:
        update = update or s.low[k - 1] in _UPDATE_VERBS
        k -= 1
    if k == j or k == 0:
        return None
    # the toll's head may stand a few words further back: "the death toll from the strike on Dnipro rose to 46"
    for h in range(k - 1, max(-1, k - 15), -1):
        head = s.low[h]
        if head in _PUNCT_STOP or (h < k - 1 and head[0].isdigit()):
            return None
        if head == "toll":
            return ("injured" if h >= 1 and s.low[h - 1] in ("injury", "injured") else "killed"), update, False
        # "the number of people killed in Saturday's strike on Odesa has risen to 12"
        term = t.casualty.match_at(s.low, h, lambda r: r["position"] == "after")
        if term and _counted_by_number_of(s, h):
            return term[0]["role"], update, False
        if head in ("injured", "wounded", "injuries") and h >= 1 and s.low[h - 1] in ("of", "the"):
            return "injured", update, False
        if head in ("dead", "killed", "deaths", "fatalities", "victims") and h >= 1 and s.low[h - 1] in ("of", "the"):
            return "killed", update, False
        if h == k - 1 and head in ("injured", "wounded", "injuries"):
            return "injured", update, False
        if h == k - 1 and head in ("dead", "killed", "deaths", "fatalities"):
            return "killed", update, False
    return None


def _counted_by_number_of(s: _Sentence, h: int) -> bool:
    """Whether the casualty word at token ``h`` is what "the number of" counts: "the number of
    people killed", "the number of those who died", "the number of wounded civilians"."""
    vt = tables().victims
    p = h - 1
    while p >= 0 and s.low[p] != "of" and (s.low[p] in _AUX or s.low[p] == "those" or vt.match_at(s.low, p)):
        p -= 1
    return p >= 1 and s.low[p] == "of" and s.low[p - 1] in _TOLL_HEADS


def _recovered_bodies(s: _Sentence, qstart: int, j: int) -> bool:
    """Whether the count ending at token ``j`` counts bodies recovered (``body_recovery.csv``):
    "pulled 15 bodies from the rubble", "12 more bodies were recovered". Those are the dead of the
    strike; repatriated bodies or a mass grave are not (``noncasualty_cues.csv`` drops the sentence)."""
    low, rec = s.low, tables().recovery
    k = j
    while k < len(low) and low[k] in ("more", "further", "other"):
        k += 1
    if k >= len(low) or low[k] != "bodies":
        return False
    if rec.match_ending_at(low, _skip_back(low, qstart), lambda r: r["position"] == "before"):
        return True
    k += 1
    while k < len(low) and low[k] in _AUX:
        k += 1
    return rec.match_at(low, k, lambda r: r["position"] == "after") is not None


def _single_victims(s: _Sentence, taken: set[int]) -> list[_Figure]:
    """'a woman was killed', 'an 18-month-old child was injured', 'killing a man': count 1."""
    t = tables()
    out = []
    for i, w in enumerate(s.low):
        if w not in _SINGLE_DETERMINERS or i in taken or _is_subset(s, i):
            continue
        if w == "another":  # "one person was killed and another injured"
            alone = _casualty_role_after(s, i + 1, limit=3)
            if alone and not t.victims.match_at(s.low, i + 1):
                out.append(_Figure(alone[0], 1.0, None, False, i, alone[1], None))
                continue
        # up to two modifiers, then a singular victim noun
        for k in range(i + 1, min(i + 4, len(s.low))):
            hit = t.victims.match_at(s.low, k, lambda r: r["number"] in _ONE_NOUN)
            if hit:
                break
            if s.low[k] in _PUNCT_STOP or not re.match(r"^[a-z0-9][a-z0-9-]*$", s.low[k]):
                hit = None
                break
        else:
            hit = None
        if not hit:
            continue
        noun_end = k + hit[1]
        after = _casualty_role_after(s, noun_end, limit=5)
        before = t.casualty.match_ending_at(s.low, i, lambda r: r["position"] == "before")
        among = None if after or before else _among_before(s, i)  # "Among the dead was a 12-year-old boy"
        role = after[0] if after else (before[0]["role"] if before else among if among != "subset" else None)
        if role:
            out.append(_Figure(role, _NOUN_VALUE[hit[0]["number"]], None, False, i, after[1] if after else noun_end,
                               hit[0]["who"],
                               among=bool(after[3]) if after else among is not None))
    return out


def _group_before(s: _Sentence, a: int) -> tuple[int, str] | None:
    """A group noun whose size is the count at token ``a`` ("a family of five", "an entire family of
    four": ``victims.csv`` number ``group``): (first token of the group phrase, who), else None."""
    if a < 2 or s.low[a - 1] != "of":
        return None
    hit = tables().victims.match_ending_at(s.low, a - 1, lambda r: r["number"] == "group")
    if hit is None:
        return None
    p = a - 1 - hit[1]
    for q in range(p - 1, max(-1, p - 3), -1):  # back to its determiner over up to two modifiers
        if s.low[q] in _SINGLE_DETERMINERS or s.low[q] == "the":
            return q, hit[0]["who"]
        if not s.low[q].isalpha() or tables().casualty.match_at(s.low, q):
            break
    return p, hit[0]["who"]


def _victim_item(s: _Sentence, i: int, counts: dict[int, NumberMention]) -> tuple | None:
    """One victim phrase of a list at token ``i``: a count and its noun ("five passengers"), or
    "a"/"an"/"the" and a singular noun ("a 67-year-old woman", "the driver"), or a possessive and
    a singular noun or a count ("his wife" = 1, "her two children" = 2; "their children" has none).

    Returns ``(value, end token, who, vague, definite)`` or None.
    """
    t = tables()
    m = counts.get(i)
    if m is not None:
        value, k, vague, singular = m.value, m.last, m.vague, False
    elif s.low[i] in _POSSESSIVES and i + 1 in counts:
        m = counts[i + 1]
        value, k, vague, singular = m.value, m.last, m.vague, False
    elif s.low[i] in ("a", "an", "the") or s.low[i] in _POSSESSIVES:
        value, k, vague, singular = 1.0, i + 1, False, True
    else:
        return None
    unknown = 0
    while k < len(s.low) and k < i + 6:
        hit = t.victims.match_at(s.low, k)
        if hit and hit[0]["who"]:
            if singular and hit[0]["number"] not in _ONE_NOUN:
                return None
            value = _NOUN_VALUE[hit[0]["number"]] if singular else value  # "a couple" = 2
            return value, k + hit[1], hit[0]["who"], vague, s.low[i] == "the"
        w = s.low[k]
        if hit or w.endswith("-old"):
            k += hit[1] if hit else 1  # "two elderly women", "a 14-year-old boy"
            continue
        if unknown < 2 and w.isalpha() and w not in _NOT_MODIFIERS and not t.casualty.match_at(s.low, k):
            unknown += 1  # "two emergency workers"
            k += 1
            continue
        return None
    return None


def _victim_lists(s: _Sentence, taken: set[int]) -> list[_Figure]:
    """Coordinated victims add up: "a 14-year-old boy and a 67-year-old woman were injured" = 2,
    "killing two women and a child" = 3, "injuring the driver and five passengers" = 6.

    A list is two or more victim phrases joined by "and" / "," / ", and" with one casualty word
    for all of them, either before ("killing ...") or after ("... were injured"). When both
    stand there, the last phrase is the subject of a clause of its own ("killed two people, and a
    child was injured") and no list is read. Tokens of a list go into ``taken``.
    """
    counts = {m.first: m for m in s.numbers if m.kind == "count"}
    out = []
    i = 0
    while i < len(s.low):
        if i in taken or (i not in counts and s.low[i] not in ("a", "an", "the") and s.low[i] not in _POSSESSIVES) \
                or _is_subset(s, i):
            i += 1
            continue
        item = _victim_item(s, i, counts)
        items = [item] if item else []
        k = item[1] if item else i
        while items and k < len(s.low):
            sep = 2 if tuple(s.low[k:k + 2]) == (",", "and") else 1 if s.low[k] in (",", "and") else 0
            nxt = _victim_item(s, k + sep, counts) if sep and k + sep < len(s.low) else None
            if nxt is None:
                break
            items.append(nxt)
            joined_by_and = "and" in s.low[k:k + sep]
            k = nxt[1]
            if joined_by_and:
                break  # "and" joins the last item: "A and B, and C" is no list of three
        if len(items) < 2 or all(it[4] for it in items):
            i += 1
            continue
        qualifier, qstart = qualifier_before(s.tokens, i) if i in counts else (None, i)
        before = _casualty_role_before(s, qstart)
        # "A woman and two girls, aged five and 10, were killed": an aside before the casualty word
        close = _appositive_end(s, k) if k < len(s.low) and s.low[k] == "," else None
        after = _casualty_role_after(s, k if close is None else close + 1, limit=5)
        # "police detained a man, and two people were injured": the object of another verb is no subject
        if after and not before and qstart > 0 and s.low[qstart - 1].endswith("ed") \
                and s.low[qstart - 1] not in _REPORTED:
            after = None
        if bool(before) == bool(after):
            i = k  # nor is any shorter list inside it ("... a woman, and two people were injured")
            continue
        whos = {it[2] for it in items}
        figure = _Figure(before[0] if before else after[0], sum(it[0] for it in items), qualifier,
                         any(it[3] for it in items), qstart, k if before else after[1],
                         whos.pop() if len(whos) == 1 else "people", bool(before and before[1]),
                         among=bool(before[2] if before else after[3]))
        out.append(figure)
        taken.update(range(qstart, k))
        i = k
    return out


def _part_of_casualties(s: _Sentence, first: int) -> bool:
    """'1.2 million casualties, including 325,000 troop deaths': the part of a combined count
    (which fills neither field) is the only figure of its role, so it counts."""
    k = next((k for k in range(max(0, first - 2), first) if s.low[k] in _SUBSET_MARKERS), None)
    if k is None:
        return False
    before = s.low[max(0, k - 4):k]
    return "casualties" in before or "losses" in before


def _casualty_figures(s: _Sentence) -> list[_Figure]:
    taken: set[int] = set()
    figures = _victim_lists(s, taken)
    for m in s.numbers:
        if m.kind != "count" or m.first in taken or (_is_subset(s, m.first) and not _part_of_casualties(s, m.first)):
            continue
        if m.first > 0 and s.low[m.first - 1] == "no":
            continue  # "no one was hurt" states that nobody was
        qualifier, qstart = qualifier_before(s.tokens, m.first)
        group = _group_before(s, qstart)  # "killed a family of five": the five are the victims
        if group:
            qstart = group[0]
        before = _casualty_role_before(s, qstart)
        if before:
            role, update, among = before
            figures.append(_Figure(role, m.value, qualifier, m.vague, qstart, m.last,
                                   group[1] if group else _who_after(s, m.last), update, among))
        else:
            after = _casualty_role_after(s, m.last)
            if not after:
                if _recovered_bodies(s, qstart, m.last):
                    figures.append(_Figure("killed", m.value, qualifier, m.vague, qstart, m.last, None))
                    taken.update(range(qstart, m.last))
                continue
            figures.append(_Figure(after[0], m.value, qualifier, m.vague, qstart, m.last,
                                   after[2] or (group[1] if group else None), among=after[3]))
        taken.update(range(qstart, m.last))
    figures += _single_victims(s, taken)
    return sorted(figures, key=lambda f: f.first)


def _drop_among_parts(figures: list[_Figure], prev_text: str | None) -> list[_Figure]:
    """A group "among the dead" is a part of the toll when one of its role is stated in the
    sentence or the sentence before ("Twenty people were killed. Among the dead were three
    children."): then it adds nothing. Alone ("A teenager was among the dead") it is the figure."""
    stated = {f.role for f in figures if not f.among}
    if prev_text and tables().casualty_re.search(prev_text.lower()):
        stated |= {f.role for f in _casualty_figures(_parse(prev_text))}
    return [f for f in figures if not (f.among and f.role in stated)]


def _group(figures: list, same=lambda a, b: True, fits=lambda ev, f: True) -> list[list]:
    """Figures in reading order -> events: a new event starts when its role is already filled.

    ``same(a, b)`` says whether two figures may share an event (for interceptions: same weapon class);
    ``fits(ev, f)`` whether figure ``f`` agrees with what event ``ev`` already states.
    """
    events: list[list] = []
    for f in figures:
        for ev in reversed(events):
            if same(ev[0], f) and fits(ev, f):
                if all(g.role != f.role for g in ev):
                    ev.append(f)
                    break
                events.append([f])
                break
        else:
            events.append([f])
    return events


_COMPARED = frozenset(("aggregate", "long_period", "period"))
_COMPARISON_REACH = 12  # tokens from a superlative to the period cue it qualifies


def _typed_figure(text: str, span: tuple[int, int], clause: tuple[int, int], kind: str, values: list) -> dict:
    """``figure_type``, ``figure_cue`` and ``aggregate`` (every type but 'event') of one event's
    figures (rules: ``helpers.figure_types``)."""
    figure_type, cue = classify_figure(text, span, clause, kind, values)
    return {"figure_type": figure_type, "figure_cue": cue, "aggregate": figure_type != "event"}


def _cue_hits(s: _Sentence) -> list[tuple[int, int, dict]]:
    """Cue matches of ``event_cues.csv`` in a sentence, without the period cues that only close a
    comparison: "the biggest attack on the grid since the war began", "the deadliest strike since
    2022", "the first such attack this month" compare one event with others, they state no
    cumulative total. A superlative (kind ``comparison``) reaches the period cue after it in its
    clause: no punctuation and no count stand between them."""
    hits = tables().cues.find_all(s.low)
    marks = [a + n for a, n, row in hits if row["kind"] == "comparison"]
    if not marks:
        return hits
    counts = [m.first for m in s.numbers if m.kind == "count"]
    out = []
    for a, n, row in hits:
        if row["kind"] in _COMPARED and any(
                a - _COMPARISON_REACH <= e <= a and not any(w in _PUNCT_STOP for w in s.low[e:a])
                and not any(e <= c < a for c in counts) for e in marks):
            continue
        out.append((a, n, row))
    return out


def _cues(s: _Sentence) -> set[str]:
    return {row["kind"] for _, _, row in _cue_hits(s)}


def _scope_place(s: _Sentence, first: int, last: int, clause_start: int = 0) -> dict | None:
    """The country a toll is stated for when a scope phrase (``place_scope.csv``: "across Ukraine",
    "nationwide") goes with its figures, else None: right after them ("130 injured across
    Ukraine", "killed 5 people nationwide"), or earlier in their clause ("Russian strikes across
    the country killed eight civilians", "Across Ukraine, five people were killed") when no place
    stands between the phrase and the figures nor after the figures in their clause ("missiles
    struck across Ukraine, killing three people in Kyiv" is Kyiv's toll)."""
    t = tables()
    if _places is None or not t.scope_re.search(s.text.lower()):
        return None
    k = last
    while k < len(s.low) and k < last + 5 and (s.low[k] in _AUX or t.victims.match_at(s.low, k)
                                                or t.casualty.match_at(s.low, k, lambda r: r["position"] == "after")):
        k += 1  # "killed five people across Ukraine", "130 injured nationwide"
    hit = t.scope.match_at(s.low, k)
    if hit is None:
        earlier = [h for h in t.scope.find_all(s.low[:first]) if s.tokens[h[0]].start >= clause_start]
        if earlier:
            a, n, row = earlier[-1]
            stop = next((j for j in range(last, len(s.low)) if s.low[j] in _PUNCT_STOP or s.low[j] in ("while", "but")),
                        len(s.low))
            between = s.text[s.tokens[a + n - 1].end:s.tokens[first].start]
            after = s.text[s.tokens[last - 1].end:s.tokens[stop - 1].end] if stop > last else ""
            if not _places.find_places(between) and not _places.find_places(after):
                hit = (row, n)
    place = _places.gazetteer().get(hit[0]["place"]) if hit else None
    if place is None:
        return None
    return {"location": place.name, "latitude": place.latitude, "longitude": place.longitude, "admin1": place.admin1}


def _locate(text: str, start: int = 0, end: int | None = None) -> dict | None:
    if _places is None:
        return None
    return _places.locate(text, start, end)


def _target(s: _Sentence, first: int) -> str | None:
    hits = tables().targets.find_all(s.low)
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h[0] - first))[2]["target"]


def _clause_bounds(s: _Sentence, groups: list[list]) -> list[int]:
    """Where each event's clause starts (a character offset): at the last clause break (",", ";",
    "while", "whereas") between the previous event's figures and its own, so that in "killed 2 in
    Kharkiv Oblast, while in Kherson Oblast 1 person was killed" each toll keeps its own place."""
    bounds = [0]
    for prev, cur in zip(groups, groups[1:]):
        a, b = max(f.last for f in prev), min(f.first for f in cur)
        breaks = [k for k in range(a, b) if s.low[k] in (",", ";", "while", "whereas", "but")]
        bounds.append(s.tokens[breaks[-1] if breaks else a].start)
    return bounds


_VERB_ROLE = {"killed": "killed", "killing": "killed", "died": "killed", "injured": "injured", "injuring": "injured",
              "wounded": "injured", "wounding": "injured", "hurt": "injured"}
_PRONOUNS = frozenset(("him", "her"))
_SUBJECT_PRONOUNS = frozenset(("he", "she"))
_NAME_STOP = frozenset(
    "the a an russian ukrainian russia ukraine president governor mayor minister general colonel lieutenant "
    "sergeant captain major commander official officials ministry on in at after when kremlin police "
    "monday tuesday wednesday thursday friday saturday sunday".split())


def _is_name_token(s: _Sentence, k: int) -> bool:
    tok = s.tokens[k].text
    return (len(tok) > 1 and tok[0].isupper() and tok[1:].replace("-", "").replace("'", "").isalpha()
            and not tok.isupper() and s.low[k] not in _NAME_STOP)


def _names_at(s: _Sentence, k: int) -> tuple[int, int] | None:
    """A coordinated list of full names starting at token ``k`` ("Olena Koval", "Ivan Petrenko and
    Maria Petrenko"): (how many people, end token), each name two or three capitalised words that
    are not a place."""
    count, j = 0, k
    while True:
        n = 0
        while j + n < len(s.low) and n < 3 and _is_name_token(s, j + n):
            n += 1
        if n < 2 or (_places is not None and _places.find_places(" ".join(t.text for t in s.tokens[j:j + n]))):
            break
        count, j = count + 1, j + n
        if j + 1 < len(s.low) and s.low[j] in ("and", ",") and _is_name_token(s, j + 1):
            j += 1
            continue
        break
    return (count, j) if count else None


def _named_victims(s: _Sentence, figures: list[_Figure]) -> list[_Figure]:
    """Named people and pronouns as victims (ANNOTATION.md: each named person counts one): "a blast
    killed Olena Koval, a paramedic" (1), "Petro Marchenko, 50, was killed" (1), "a bomb hit his
    house and killed him" (1). Only where the sentence states no count of that role already."""
    stated = {f.role for f in figures}
    out = []
    for k, w in enumerate(s.low):
        role = _VERB_ROLE.get(w)
        if role is None or role in stated:
            continue
        # verb before its victims: "killed Olena Koval", "killing him"
        if k + 1 < len(s.low) and s.low[k + 1] in _PRONOUNS and w in ("killed", "killing", "injured", "injuring",
                                                                    "wounded", "wounding"):
            out.append(_Figure(role, 1.0, None, False, k, k + 2, who="people"))
            stated.add(role)
            continue
        names = _names_at(s, k + 1) if k + 1 < len(s.low) and w in ("killed", "killing", "injured", "injuring",
                                                                    "wounded", "wounding") else None
        if names:
            out.append(_Figure(role, float(names[0]), None, False, k, names[1], who="people"))
            stated.add(role)
            continue
        # victims before a passive verb: "Petro Marchenko, 50, was killed", "she was injured"
        if k < 1 or s.low[k - 1] not in ("was", "were", "is", "has", "had", "been") and w != "died":
            continue
        a = k - 1
        while a > 0 and s.low[a - 1] in ("was", "were", "is", "has", "had", "been", "also", "later", "reportedly"):
            a -= 1
        if w == "died":
            a = k
        if a > 0 and s.low[a - 1] in _SUBJECT_PRONOUNS:
            out.append(_Figure(role, 1.0, None, False, a - 1, k + 1, who="people"))
            stated.add(role)
            continue
        if a > 0 and s.low[a - 1] == ",":  # an appositive: ", 50," or ", a 56-year-old paramedic,"
            opening = next((c for c in range(a - 2, max(-1, a - 12), -1) if s.low[c] == ","), None)
            a = opening if opening is not None else a
        start = next((b for b in range(max(0, a - 3), a) if _names_at(s, b) and _names_at(s, b)[1] == a), None)
        if start is not None:
            out.append(_Figure(role, float(_names_at(s, start)[0]), None, False, start, k + 1, who="people"))
            stated.add(role)
    return out


_REVISED_TO = re.compile(r"\b(?:raising|raised|revising|revised|updating|updated|increasing|increased|putting|put)"
                         r" (?:the|that|this|its|their) (?:figure|toll|number|count|tally|total)\b[^,;.]{0,40}? to\b")


def _revised_to(s: _Sentence, figures: list[_Figure]) -> list[_Figure]:
    """"initially acknowledged 63 dead, raising the figure two days later to 89": the count after
    "raising the figure ... to" is the same role as the figure before it, revised (one event of 89)."""
    out = []
    for m in _REVISED_TO.finditer(s.text.lower()):
        before = [f for f in figures if s.tokens[f.last - 1].end <= m.start()]
        after = next((n for n in s.numbers if n.kind == "count" and n.start >= m.end()), None)
        if before and after is not None and not any(f.first == after.first for f in figures):
            out.append(_Figure(before[-1].role, after.value, None, after.vague, after.first, after.last,
                               who=before[-1].who, update=True))
    return out


@lru_cache(maxsize=1)
def _zero_patterns() -> tuple[tuple[re.Pattern, dict], ...]:
    """``zero_casualties.csv``: phrases stating that nobody was killed or injured, with the roles
    they set to 0 ("no one was killed or injured" = 0 and 0; "there were no injuries" = injured 0)."""
    return tuple((re.compile(r["pattern"]), {role: 0.0 for role in ("killed", "injured") if r[role] != ""})
                 for r in read_resource_csv("zero_casualties.csv"))


def _zero_figures(s: _Sentence, figures: list[_Figure]) -> list[_Figure]:
    """Explicit zeros as figures: a role nobody stated otherwise in the sentence gets its 0, unless
    it is only reported as unknown ("no immediate reports of casualties" states no figure)."""
    low = s.text.lower()
    if "no" not in s.low and "nobody" not in s.low and "without" not in s.low:
        return []
    stated = {f.role for f in figures}
    out = []
    for regex, roles in _zero_patterns():
        for m in regex.finditer(low):
            if re.search(r"(?:reports?|information|word|details) (?:of|on|about)\s*$", low[:m.start() + 3]) \
                    or re.search(r"\b(?:reports?|information|word|details) (?:of|on|about) ", low[max(0, m.start() - 5):m.end()]):
                continue
            first = next((k for k, tok in enumerate(s.tokens) if tok.end > m.start()), 0)
            last = next((k for k, tok in enumerate(s.tokens) if tok.end >= m.end()), len(s.tokens) - 1) + 1
            for role, value in roles.items():
                if role not in stated:
                    stated.add(role)
                    out.append(_Figure(role, value, None, False, first, last))
    return out


def _casualty_events(s: _Sentence, prev_text: str | None, prev2_text: str | None = None) -> list[dict]:
    t = tables()
    if not t.casualty_re.search(s.text.lower()):
        return []
    figures = _casualty_figures(s)
    figures += _named_victims(s, figures)
    figures += _revised_to(s, figures)
    figures = sorted(figures + _zero_figures(s, figures), key=lambda f: f.first)
    if any(f.among for f in figures):
        figures = _drop_among_parts(figures, prev_text)
        if prev2_text:  # "8 dead. At least 18 wounded. Among those killed was a baby girl."
            figures = _drop_among_parts(figures, prev2_text)
    if not figures:
        return []
    if t.noncasualty.find_all(s.low) and not s.weapons:
        return []
    cue_hits = _cue_hits(s)
    cues = {row["kind"] for _, _, row in cue_hits}
    running = [a for a, _, row in cue_hits if row["kind"] == "running_toll"]
    if running:
        # "a man died of his injuries, bringing the death toll to 14": the deaths before the phrase
        # are part of the toll after it
        later = {f.role for f in figures if f.first > running[0]}
        figures = [f for f in figures if not (f.role in later and f.first < running[0])]
    events = []
    groups = _group(figures)
    bounds = _clause_bounds(s, groups)
    for gi, group in enumerate(groups):
        first = min(f.first for f in group)
        last = max(f.last for f in group)
        clause_start = bounds[gi]
        clause_end = bounds[gi + 1] if gi + 1 < len(groups) else len(s.text)
        prev = _parse(prev_text) if prev_text else None  # parsed only when a toll needs its neighbour
        weapon = _weapon_near(s, first, last) or (prev and prev.weapons and prev.weapons[-1][2]) or None
        # "killed and 130 injured across Ukraine": a nationwide toll, whatever cities the sentence names;
        # else the clause's place (locate() falls back to the whole sentence)
        place = _scope_place(s, first, last, clause_start) or _locate(s.text, clause_start, clause_end)
        if place is None and prev is not None:
            place = _locate(prev.text)
        killed = next((f for f in group if f.role == "killed"), None)
        injured = next((f for f in group if f.role == "injured"), None)
        who = next((f.who for f in group if f.who), None)
        start, end = s.span(first, last)
        # "killed seven and injured 64; he later raised the toll to seven dead and 66 wounded": a
        # revision cue before the figures (after the previous event's) restates an earlier toll
        prior_end = max(f.last for f in groups[gi - 1]) if gi else 0
        revises = any(row["kind"] in ("update", "revision") and prior_end <= a < first for a, _, row in cue_hits) \
            or any(f.update for f in group)
        events.append({
            "char_start": start, "char_end": end,
            "location": place and place.get("location"),
            "latitude": place and place.get("latitude"),
            "longitude": place and place.get("longitude"),
            "admin1": place and place.get("admin1"),
            "event_type": (weapon["event_type"] or None) if weapon else None,
            "weapon": weapon["weapon"] if weapon else None,
            "target": _target(s, first),
            "who": who,
            "killed": as_int(killed.value) if killed else None,
            "killed_qualifier": killed.qualifier if killed else None,
            "injured": as_int(injured.value) if injured else None,
            "injured_qualifier": injured.qualifier if injured else None,
            "vague": any(f.vague for f in group),
            **_typed_figure(s.text, (start, end), (clause_start, clause_end), "casualty",
                            [killed and killed.value, injured and injured.value]),
            "update": revises or "update" in cues or "running_toll" in cues or "revision" in cues,
            "_revises": revises,
        })
    return events


_REVISION_REACH = 2  # sentences back that a revised toll may restate


def _supersede(earlier: list[dict], ev: dict) -> None:
    """Mark the toll that ``ev`` (a revision: "the death toll rose to 9") restates as superseded:
    the latest per-event row before it, within ``_REVISION_REACH`` sentences, in the same place
    (or either unplaced), stating a role ``ev`` states. A text's toll is its latest figure."""
    roles = [r for r in ("killed", "injured") if ev.get(r) is not None]
    for prior in reversed(earlier):
        if ev["sentence_idx"] - prior["sentence_idx"] > _REVISION_REACH:
            return
        if prior.get("superseded") or prior["figure_type"] != "event" or ev["figure_type"] != "event":
            continue
        if prior["location"] and ev["location"] and prior["location"] != ev["location"]:
            continue
        if any(prior.get(r) is not None for r in roles):
            prior["superseded"] = True
            return


# --------------------------------------------------------------------------- interceptions


def _weapon_after(s: _Sentence, j: int, limit: int = 6) -> tuple[dict, int] | None:
    """A weapon named right after a count ("21 Shahed suicide drones"): (row, end token)."""
    wt = tables().weapons
    if j < len(s.low) and s.low[j] in _GROUP_COUNTS:
        return None  # "two waves of missile strikes" counts waves, not missiles
    if j < len(s.low) and s.low[j].endswith("-") and len(s.low[j]) > 1:
        # "120 Shahed-, Gerbera-, Italmas-type and other drones": a suspended list of types
        k = j
        while k < min(len(s.low), j + 14) and (s.low[k].endswith("-") or s.low[k] in (",", "and", "or", "other")
                                               or s.low[k].endswith("-type")):
            k += 1
        hit = wt.match_at(s.low, k)
        if hit:
            first = wt.match_at(s.low, j) or (None,)
            return (first[0] if first[0] and first[0]["weapon_class"] == hit[0]["weapon_class"] else hit[0]), k + hit[1]
    for k in range(j, min(len(s.low), j + limit)):
        hit = wt.match_at(s.low, k)
        if hit:
            # the name runs on over further weapon words: "Kh-101 cruise missiles", "Shahed strike UAVs"
            end = k + hit[1]
            while end < len(s.low):
                if wt.match_at(s.low, end):
                    end += wt.match_at(s.low, end)[1]
                elif end + 1 < len(s.low) and s.low[end].replace("-", "").isalpha() \
                        and s.low[end] not in ("and", "or", "which", "that") and wt.match_at(s.low, end + 1):
                    end += 1 + wt.match_at(s.low, end + 1)[1]
                elif end + 2 < len(s.low) and s.low[end] in ("and", "or") and s.low[end + 1].isalpha() \
                        and not s.low[end + 1][0].isdigit() and wt.match_at(s.low, end + 2) \
                        and _same_class(hit[0], wt.match_at(s.low, end + 2)[0]):
                    end += 2 + wt.match_at(s.low, end + 2)[1]  # "Shahed-type and decoy drones"
                else:
                    break
            return hit[0], end
        if s.low[k] in ("and", "or") and k > j and k + 2 < len(s.low) and _is_count_word(s.low[k + 1]):
            # "five Russian combat and nine reconnaissance drones": the head noun is shared
            shared = _weapon_after(s, k + 2, limit=3)
            return (shared[0], k) if shared else None
        if s.low[k] in _PUNCT_STOP or s.low[k] in ("and", "or", "which", "that") or s.low[k][0].isdigit():
            return None
    return None


def _is_count_word(w: str) -> bool:
    return w[:1].isdigit() or (w in number_words() and number_words()[w][1] in ("unit", "ten"))


def _generic_target(s: _Sentence, j: int, air_defence: bool) -> tuple[dict, int] | None:
    """A generic air target right after a count (``generic_targets.csv``): "112 of the targets"
    (anaphoric: the targets of the attack) always; "40 targets" when the sentence names air
    defence (``air_defence``) or an interception verb follows ("45 targets were shot down", "of
    the 215 targets launched"): "naval drones destroyed 14 targets" are ground targets. (row, end token)."""
    k = j
    anaphoric = tuple(s.low[k:k + 2]) in (("of", "the"), ("of", "these"), ("of", "those"))
    if anaphoric:
        k += 2
    hit = tables().generic_targets.match_at(s.low, k)
    if hit is None:
        return None
    end = k + hit[1]
    if not (anaphoric or air_defence):
        if _intercept_role_after(s, end) is None:  # "45 targets were shot down", "the 215 targets launched"
            return None
    return {**hit[0], "generic": True}, end


def _intercept_role_after(s: _Sentence, j: int, limit: int = 8) -> tuple[str, int, bool] | None:
    """Role of a count from the verb after it ("16 drones were shot down"): (role, end token,
    whether it is only a participle) or None.

    A bare participle "launched" ("15 of the drones launched from Kursk were shot down") only
    describes the weapon: a later verb in the same clause wins over it.
    """
    t = tables()
    k = j
    participle = None
    describing = False
    if tuple(s.low[j:j + 2]) in _RELATIVE_OF:
        # "12 drones ..., 10 of which Ukrainian air defense shot down": an active verb after a subject
        for g in range(j + 2, min(len(s.low), j + 8)):
            hit = t.intercept.match_at(s.low, g, lambda r: r["position"] == "before")
            if hit:
                return hit[0]["role"], g + hit[1], False
            if not s.low[g].replace("'", "").isalpha():
                break
    while k < len(s.low) and k < j + limit:
        hit = t.intercept.match_at(s.low, k, lambda r: r["position"] == "after")
        if hit:
            if participle is None and hit[1] == 1 and s.low[k] == "launched":
                participle = ("launched", k + 1, True)
                k, limit = k + 1, limit + 4
                continue
            return hit[0]["role"], k + hit[1], False
        w = t.weapons.match_at(s.low, k)
        if w:
            k += w[1]
            continue
        if s.low[k] in ("and", "or") and k + 1 < len(s.low) and t.weapons.match_at(s.low, k + 1):
            k += 1  # "183 Shahed drones and decoy drones were launched"
            continue
        if s.low[k] == "and" and k + 1 < len(s.low) and s.low[k + 1] in ("both", "all") and _all_weapon(s, k + 1):
            k = _all_weapon(s, k + 1)[1]  # "21 of the missiles and both drones had been destroyed"
            continue
        if s.low[k] in _INTERCEPT_FORWARD_SKIP or s.low[k] in ("of", "the", "remaining", "other", "others", "rest"):
            k += 1
            continue
        if s.low[k] in _DESCRIBING and not describing:
            describing, k, limit = True, k + 1, limit + 4  # "21 of the 31 missiles targeting Kyiv were intercepted"
            continue
        if (participle or describing) and (s.low[k] in ("from", "at", "by", "over", "overnight", "in", "on", "against", "toward",
                                                        "towards", "into", "for") or s.tokens[k].text[:1].isupper()):
            k += 1  # "launched from Kursk", "launched at Kyiv overnight"
            continue
        return participle
    return participle


def _intercept_role_before(s: _Sentence, a: int) -> str | None:
    """Role from a verb just before token ``a``; "attacked Kyiv overnight with 50 drones": a verb
    ending in "with"/"using" may have a short object (words only) between it and the count."""
    inter = tables().intercept
    before = lambda r: r["position"] == "before"  # noqa: E731
    j = _skip_back(s.low, a)
    hit = inter.match_ending_at(s.low, j, before)
    if hit:
        return hit[0]["role"]
    if j < 2 or s.low[j - 1] not in ("with", "using"):
        return None
    w = j - 1
    for g in range(1, _OBJECT_GAP + 1):
        k = w - g
        if k < 1 or not s.low[k].replace("-", "").replace("'", "").isalpha() or s.low[k] == "or":
            return None  # "attacked Kyiv and Kharkiv with 50 drones": "and" may join the objects
        probe = s.low[max(0, k - inter.maxlen):k] + [s.low[w]]
        hit = inter.match_ending_at(probe, len(probe), before)
        if hit and hit[1] == 2:  # a verb and its "with": "attacked ... with"
            return hit[0]["role"]
    return None


@dataclass
class _IFig:
    role: str
    value: float
    first: int
    last: int
    weapon: dict | None
    all_of: bool = False
    extra: list = field(default_factory=list)


_INTERCEPTABLE = frozenset(("drone", "cruise missile", "ballistic missile", "missile", "guided bomb", "mixed"))
_COORDINATION = (("and",), (",",), (",", "and"), ("as", "well", "as"), ("plus",))
# Phrases that carry a launch verb's object list on past an aside: "fired 728 drones overnight, the
# largest attack so far, along with seven Kinzhal missiles". "including" is not one: what follows it
# is part of the total before ("90 drones, including around 60 Shahed-type drones").
_CONTINUATION = (("along", "with"), ("together", "with"), ("as", "well", "as"), ("plus",), ("in", "addition", "to"),
                 ("alongside",))
_ASIDE_MAX = 15
_OBJECT_GAP = 6  # words allowed between "attacked" and "with": "attacked the Ukrainian capital and other cities with"


_LIST_PREPOSITIONS = frozenset(("against", "at", "on", "across", "into", "toward", "towards"))
_HIT_VERBS = frozenset("struck hit reached impacted landed fell exploded damaged".split())


def _list_verb(s: _Sentence, k: int) -> str | None:
    """The first word after the list that token ``k`` is in (over "and", commas, counts, weapons)."""
    wt = tables().weapons
    end = min(len(s.low), k + 15)
    while k < end:
        w = s.low[k]
        hit = wt.match_at(s.low, k)
        if hit:
            k += hit[1]
        elif w in ("and", ",", "or", "also") or w[:1].isdigit() or w in number_words():
            k += 1
        else:
            return w
    return None


def _continues(s: _Sentence, prev_last: int, lead: int) -> bool:
    """Whether the count opening at ``lead`` continues the list ending at ``prev_last``: plain
    coordination ("408 drones and 40 missiles"), or a continuation phrase ("along with") after an
    aside of at most ``_ASIDE_MAX`` tokens with no clause break and no interception verb of its own."""
    gap = tuple(s.low[prev_last:lead])
    if gap in _COORDINATION:
        return True
    # "launched 1,100 drones against Ukraine, more than 890 guided bombs and 50 missiles": a short
    # place phrase before the comma does not end the list
    if 3 <= len(gap) <= 5 and gap[0] in _LIST_PREPOSITIONS and gap[-1] == "," \
            and all(w.replace("'", "").isalpha() for w in gap[1:-1]) and not tables().intercept.find_all(list(gap)):
        return True
    phrase = next((p for p in _CONTINUATION if len(gap) >= len(p) and gap[-len(p):] == p), None)
    if phrase is None:
        return False
    middle = list(gap[:-len(phrase)])
    if middle and middle[-1] == ",":
        middle.pop()
    if len(middle) > _ASIDE_MAX or any(w in (";", ":", "(", ")", "--", "–", "—") for w in middle):
        return False
    # "41 out of 51 cruise missiles launched by Russia, as well as two drones": a participle that
    # describes the weapons is no verb of the aside's own
    return not [h for h in tables().intercept.find_all(middle) if middle[h[0]:h[0] + h[1]] not in (["launched"], ["fired"])]


def _inherited_role(s: _Sentence, cands: list[dict], lead: int) -> str | None:
    """The role of the last count with a role before ``lead`` when the count at ``lead`` continues
    its list (see :func:`_continues`); counts without a role in the aside ("one of the heaviest
    barrages") do not break the list."""
    for c in reversed(cands):
        if c["role"]:
            return c["role"] if _continues(s, c["last"], lead) else None
    return None


def _interception_figures(s: _Sentence, air_defence: bool = False) -> list[_IFig]:
    """Launched / intercepted / not-reached counts of one sentence, in reading order.

    Roles come from a verb before the count, a verb after it, an "N of M" pair, or from the
    count it is coordinated with ("launched 408 drones and 40 missiles").
    """
    nums = [m for m in s.numbers if m.kind == "count" and not m.vague and not _is_subset(s, m.first)]
    cands: list[dict] = []
    skip_next = False
    for idx, m in enumerate(nums):
        if skip_next:
            skip_next = False
            continue
        _, qstart = qualifier_before(s.tokens, m.first)
        nxt = nums[idx + 1] if idx + 1 < len(nums) else None
        own = _weapon_after(s, m.last) or _generic_target(s, m.last, air_defence)
        # "145 air attack assets: 3 Iskander-M missiles and 142 UAVs": a total broken down after a colon
        header = own or _generic_target(s, m.last, True)
        breakdown = header is not None and header[1] + 1 < len(s.low) and s.low[header[1]] == ":" \
            and nxt is not None and _skip_back(s.low, qualifier_before(s.tokens, nxt.first)[1]) == header[1] + 1
        own = header if breakdown else own
        lead = _skip_back(s.low, qstart)
        all_of = qstart > 0 and s.low[qstart - 1] == "all"
        # "16 of 21 drones", "34 out of the 43 missiles"
        gap = s.low[m.last:nxt.first] if nxt else []
        if nxt and gap in _PAIR_GAPS:
            w2 = _weapon_after(s, nxt.last) or _generic_target(s, nxt.last, True)  # "40 of 50 targets"
            role = _intercept_role_before(s, qstart)
            if role is None:
                role = _inherited_role(s, cands, lead)  # "destroyed 34 of the 43 missiles and 20 of 27 drones"
            if role is None:
                # "59 of 78 missiles and 54 of 106 drones were shot down": the verb after the whole list
                role = (_intercept_role_after(s, _pair_list_end(s, nums, idx, w2[1] if w2 else nxt.last)) or (None,))[0]
            if role in ("intercepted", "not_reached"):
                weapon = (w2 or own or (None,))[0]
                cands.append({"role": role, "value": m.value, "first": qstart, "lead": lead,
                              "last": w2[1] if w2 else nxt.last, "weapon": weapon, "all_of": False,
                              "extra": [("launched", nxt.value)], "bare_ok": True, "breakdown": False})
                skip_next = True
                continue
        role = _intercept_role_before(s, qstart)
        if role is None and cands and cands[-1]["breakdown"] and cands[-1]["last"] + 1 == lead:
            role = cands[-1]["role"]  # the first part of a breakdown takes the verb of its total
        # role order: a verb before the count; a verb of its own after it ("58 drones were lost");
        # the count it is coordinated with; a participle after it ("drones launched overnight")
        subject = False  # the count is the subject of an interception verb: "110 were shot down"
        after = None if role else _intercept_role_after(s, own[1] if own else m.last)
        if after and not after[2]:
            role, subject = after[0], True
        relative = tuple(s.low[m.last:m.last + 2]) in _RELATIVE_OF
        if role is None and not relative and _list_verb(s, own[1] if own else m.last) not in _HIT_VERBS:
            role = _inherited_role(s, cands, lead)  # "shot down 18 of 20 cruise missiles and all three Shahed drones"
        if role is None and lead > 0 and s.low[lead - 1] == "and":
            role = _verb_before_conjunct(s, lead - 1)  # "destroyed the missile and 18 of the drones"
        if role is None and after:
            role, subject = after[0], True
        if role is None and lead > 0 and s.low[lead - 1] == "of" and own:
            role = "launched"  # "of the 43 missiles, 34 were destroyed": the total opens the clause
        if role is None and own and _relative_part_follows(s, own[1], nxt):
            role = "launched"  # "along with 93 missiles, 81 of which were destroyed": the whole of the part
        nxt_tok = s.low[m.last] if m.last < len(s.low) else "."
        cands.append({"role": role, "value": m.value, "first": qstart, "lead": lead,
                      "last": own[1] if own else m.last, "weapon": own[0] if own else None,
                      "all_of": all_of, "extra": [], "bare_ok": own is not None or subject or nxt_tok in _BARE_FOLLOWERS,
                      "breakdown": breakdown, "relative": relative})
    cands = sorted(cands + _singular_candidates(s, cands), key=lambda c: c["first"])
    # coordination: "launched 408 drones and 40 missiles" / "nine cruise and two ballistic missiles were intercepted"
    for i, c in enumerate(cands):
        if c["role"] is not None or c.get("relative"):
            continue  # "50 drones, 10 of which over Kyiv": a part without a verb is no list item
        if _list_verb(s, c["last"]) in _HIT_VERBS:
            continue  # "downed 108 drones, and one missile and 13 drones struck 11 locations": hits
        inherited = _inherited_role(s, cands[:i], c["lead"])
        if inherited:
            c["role"] = inherited
        elif i + 1 < len(cands) and cands[i + 1]["role"] and not cands[i + 1].get("relative") \
                and tuple(s.low[c["last"]:cands[i + 1]["lead"]]) in _COORDINATION:
            c["role"] = cands[i + 1]["role"]
    # a longer list takes its verb from the end: "300 drones, 20 missiles and 16 glide bombs were used"
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if c["role"] is None and nxt["role"] and not nxt.get("relative") \
                and tuple(s.low[c["last"]:nxt["lead"]]) in _COORDINATION:
            c["role"] = nxt["role"]
    out: list[_IFig] = []
    for i, c in enumerate(cands):
        if c["role"] is None or not c["bare_ok"]:
            continue  # "deployed 150,000 troops", "destroyed 12 tanks": not an interception
        if c["breakdown"] and i + 1 < len(cands) and cands[i + 1]["role"] == c["role"]:
            continue  # the total of a breakdown: its parts are the events, kept both would count twice
        if c["role"] == "all_hit":
            if not c["all_of"]:
                continue  # "27 hit their targets" is a share of an attack, not its launch count
            # "all three Iskander-M missiles reached their targets": none was intercepted
            c = {**c, "role": "launched", "all_of": False, "extra": [("intercepted", 0.0)]}
        if c["weapon"] is not None and c["weapon"]["weapon_class"] not in _INTERCEPTABLE:
            continue  # "fired 120 artillery shells" is shelling, not an air attack
        out.append(_IFig(c["role"], c["value"], c["first"], c["last"], c["weapon"], c["all_of"], c["extra"]))
    out += _all_intercepted(s, out)
    return sorted(out, key=lambda f: f.first)


# Words that may follow a singular weapon that is the thing counted ("a cruise missile was shot
# down over Kyiv"); any other word makes the weapon a modifier ("a drone attack", "a missile strike").
_SINGLE_FOLLOWERS = frozenset(
    "was were is has had that which over near above in on at targeting heading aimed launched fired from "
    "but as toward towards into by overnight during against across with to last".split()) | _PUNCT_STOP
_SINGLE_MODIFIERS = 2  # "a Russian missile", "a hypersonic Oreshnik missile"
_GROUP_NOUNS = frozenset("barrage wave salvo volley swarm series number group pair couple dozen lot".split())
_GROUP_COUNTS = frozenset("waves barrages salvos volleys rounds series swarms groups types kinds".split())


def _singular_candidates(s: _Sentence, cands: list[dict]) -> list[dict]:
    """One weapon named with "a"/"an" counts 1 (ANNOTATION.md), as a candidate like a count's:
    "air defence shot down a cruise missile over Kyiv", "a Tochka-U missile was shot down",
    "launched 12 drones and a cruise missile" (its role from the list), "attacked the region with
    an X-59 missile, which Ukraine said it also shot down" (1 of 1). A weapon word that modifies
    a noun ("a drone attack", "a major drone and missile attack") or a group ("a barrage of
    airstrikes") is no weapon counted."""
    wt = tables().weapons
    out = []
    taken = [(c["first"], c["last"]) for c in cands]
    for first, n, row in s.weapons:
        end = first + n
        if row["weapon_class"] not in _INTERCEPTABLE or any(a <= first < b or a < end <= b for a, b in taken):
            continue
        det = next((d for d in range(first - 1, max(-1, first - 2 - _SINGLE_MODIFIERS), -1)
                    if s.low[d] in ("a", "an")), None)
        if det is None and first > 0 and s.low[first - 1] == "the" and any(
                o["value"] == 1.0 and o["role"] in (None, "launched") and _same_class(o["weapon"], row) for o in out):
            det = first - 1  # "launched 23 drones and a cruise missile ... destroyed the missile": that one
        mods = s.low[det + 1:first] if det is not None else []
        # "did not stop a single ballistic missile": none of them
        value = 0.0 if "single" in mods and any(w in ("not", "n't", "no", "never") for w in s.low[max(0, det - 4):det]) \
            else 1.0
        mods = [w for w in mods if w != "single"]
        if det is None or not all((w.isalpha() or "-" in w) and w not in _NOT_MODIFIERS and w not in _GROUP_NOUNS
                                  for w in mods):
            continue
        head = end
        while head < len(s.low):  # the weapon words run on: "a drone and missile attack", "an X-59 missile"
            if wt.match_at(s.low, head):
                head += wt.match_at(s.low, head)[1]
            elif s.low[head] in ("and", "or", "/") and head + 1 < len(s.low) and wt.match_at(s.low, head + 1):
                head += 1
            else:
                break
        nxt = s.low[head] if head < len(s.low) else "."
        if nxt not in _SINGLE_FOLLOWERS and nxt not in ("and", "or"):
            continue
        extra = []
        role = _intercept_role_before(s, det)
        if role is None:
            after = _intercept_role_after(s, head)
            role = after[0] if after and not after[2] else None
        elif role == "launched" and "which" in s.low[head:head + 2]:
            w = s.low.index("which", head)
            for g in range(w + 1, min(len(s.low), w + 10)):
                hit = tables().intercept.match_at(s.low, g, lambda r: r["position"] == "before" and r["role"] == "intercepted")
                if hit:
                    extra = [("intercepted", 1.0)]
                    break
                if s.low[g] in _PUNCT_STOP:
                    break
        named = wt.match_at(s.low, head - 1)
        # the most specific name: "an X-59 missile" is a Kh-59, "a Shahed drone" a Shahed
        weapon = named[0] if named and row["weapon"] == row["weapon_class"] and named[0]["weapon"] != named[0]["weapon_class"] \
            else row
        if value == 0.0 and role is None:
            role = _intercept_role_before(s, max(0, det - 1))  # "did not stop a single": over "not"
        out.append({"role": role, "value": value, "first": det, "lead": det, "last": head, "weapon": weapon,
                    "all_of": False, "extra": extra, "bare_ok": True, "breakdown": False, "relative": False})
        taken.append((det, head))
    return out


_PAIR_GAPS = (["of"], ["of", "the"], ["out", "of"], ["out", "of", "the"])
# "81 of which", "two of them": a part of the count before the comma, not an item of its list
_RELATIVE_OF = (("of", "which"), ("of", "them"), ("of", "these"))


def _relative_part_follows(s: _Sentence, end: int, nxt: NumberMention | None) -> bool:
    """Whether ", M of which/of them <interception verb>" follows the weapon ending at token ``end``:
    "93 missiles, 81 of which were destroyed" states a part, so the 93 are the whole launched."""
    if nxt is None or end >= len(s.low) or s.low[end] != "," \
            or _skip_back(s.low, qualifier_before(s.tokens, nxt.first)[1]) != end + 1:
        return False
    return tuple(s.low[nxt.last:nxt.last + 2]) in _RELATIVE_OF and _intercept_role_after(s, nxt.last + 2) is not None


def _pair_list_end(s: _Sentence, nums: list[NumberMention], idx: int, end: int) -> int:
    """The end token of a list of "N of M <weapon>" pairs joined by "and" / "," whose first pair
    is ``nums[idx]``, ``nums[idx + 1]`` and ends at ``end``: "59 of 78 missiles and 54 of 106 drones"."""
    j = idx + 2
    while j + 1 < len(nums):
        a, b = nums[j], nums[j + 1]
        if tuple(s.low[end:_skip_back(s.low, qualifier_before(s.tokens, a.first)[1])]) not in _COORDINATION \
                or s.low[a.last:b.first] not in _PAIR_GAPS:
            break
        w = _weapon_after(s, b.last) or _generic_target(s, b.last, True)
        end = w[1] if w else b.last
        j += 2
    return end


def _verb_before_conjunct(s: _Sentence, and_idx: int) -> str | None:
    """The interception verb before a short first conjunct without a count ("destroyed the missile and")."""
    # the conjunct is at least one word: in "31 were shot down and 18 were lost" the verb belongs to 31
    for p in range(and_idx - 1, max(0, and_idx - 5), -1):
        if not s.low[p].isalpha() or s.low[p] == "and":
            return None
        role = _intercept_role_before(s, p)
        if role:
            return role
    return None


_NONE_OF = re.compile(r"\b(?:neither|none) of (?:which|them|these|those)(?: \w+)?(?: was| were| could be| had been| has been| have been)"
                      r" (?:intercepted|shot down|downed|destroyed)")
_ALL_OF = re.compile(r"\b(?:all|both)(?: of (?:them|which|these))?(?: were| was| have been| had been)? "
                     r"(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed)\b")


def _all_weapon(s: _Sentence, k: int) -> tuple[dict, int] | None:
    """The weapon of "both/all (of) (the) <weapon>" opening at token ``k`` ("both drones", "all of the
    missiles"): (row, end token), else None; "all 15 drones" states its own count and is read as one."""
    p = k + 1
    if p < len(s.low) and s.low[p] == "of":
        p += 1
    if p < len(s.low) and s.low[p] in ("the", "these", "those"):
        p += 1
    hit = tables().weapons.match_at(s.low, p) if p < len(s.low) else None
    return (hit[0], p + hit[1]) if hit else None


def _all_intercepted(s: _Sentence, figs: list[_IFig]) -> list[_IFig]:
    """'..., and all of them were destroyed': intercepted = the launch count just before."""
    out = []
    # "destroying 28 drones and both missiles", "both drones had been destroyed": all of the launched
    # count of that weapon, after an interception verb, in a list after an intercepted count, or as
    # the subject of an interception verb of its own
    for k, w in enumerate(s.low):
        if w not in ("both", "all"):
            continue
        hit = _all_weapon(s, k)
        if hit is None:
            continue
        prior = [f for f in figs if f.last <= k]
        verb = _intercept_role_before(s, k) == "intercepted"
        coord = prior and prior[-1].role == "intercepted" and tuple(s.low[prior[-1].last:k]) in _COORDINATION
        if not (verb or coord):
            after = _intercept_role_after(s, hit[1])
            if not after or after[0] != "intercepted" or after[2]:
                continue
        launched = [f for f in figs if f.role == "launched" and _same_class(f.weapon, hit[0])]
        if launched:
            out.append(_IFig("intercepted", launched[-1].value, k, hit[1], hit[0]))
    low = s.text.lower()
    for m in _NONE_OF.finditer(low):
        # "fired two missiles, neither of which was intercepted": launched, and none intercepted
        before = [f for f in figs if f.role == "launched" and s.tokens[f.last - 1].end <= m.start()]
        if before:
            first = next(k for k, t in enumerate(s.tokens) if t.start >= m.start())
            last = next((k for k, t in enumerate(s.tokens) if t.end >= m.end()), len(s.tokens) - 1) + 1
            out.append(_IFig("intercepted", 0.0, first, last, before[-1].weapon))
    for m in _ALL_OF.finditer(low):
        before = [f for f in figs if f.role == "launched" and s.tokens[f.last - 1].end <= m.start()]
        if not before:
            continue
        src = before[-1]
        first = next(k for k, t in enumerate(s.tokens) if t.start >= m.start())
        last = next((k for k, t in enumerate(s.tokens) if t.end >= m.end()), len(s.tokens) - 1) + 1
        out.append(_IFig("intercepted", src.value, first, last, src.weapon))
    return out


_ALL_BEFORE = re.compile(r"\b(?:(?P<every>everything|all of them|all of these|all of those|all of the targets|all the targets)"
                         r"|all (?:of )?the (?P<what>[a-z-]+)s\b)")
_ALL_BEFORE_VERB = re.compile(r"\b(?:shot down|destroyed|intercepted|downed|neutrali[sz]ed)\b")


def _all_of_the_ones_before(s: _Sentence, prev_events: list[dict]) -> None:
    """A sentence that counts nothing but says all of them were stopped completes the launch
    counts of the sentence before: "Russia attacked Kyiv with 35 Shahed drones. All the drones ...
    were shot down" (35 of 35); "destroyed everything" after a list completes each of its weapons.
    Only events with a launch count and no interception count are completed, in place."""
    low = s.text.lower()
    m = _ALL_BEFORE.search(low)
    if m is None or not prev_events or not _ALL_BEFORE_VERB.search(low):
        return
    open_events = [e for e in prev_events if e["launched"] is not None and e["intercepted"] is None]
    if m.group("what"):
        hit = tables().weapons.match_at([m.group("what") + "s"], 0) or tables().weapons.match_at([m.group("what")], 0)
        if hit is None:
            return
        open_events = [e for e in open_events if _same_class(e, hit[0])]
    for ev in open_events:
        ev["intercepted"] = ev["launched"]
        _finish_interception(ev)


def _interception_events(s: _Sentence, prev_events: list[dict]) -> list[dict]:
    """Events of one sentence; counts that complete ``prev_events`` (the sentence before) are merged
    into those events in place instead."""
    t = tables()
    if not t.intercept_re.search(s.text.lower()):
        return []
    cues = _cues(s)
    if "not_interception" in cues:
        return []  # "the US delivered 500 missiles": deliveries and production are not attacks
    figs = _interception_figures(s, "air_defence" in cues)
    if not figs:
        _all_of_the_ones_before(s, prev_events)
        return []
    # A bare count takes the weapon of the count before it, else the sentence's nearest weapon; a
    # generic "targets" count takes it only when every count before it is of one class ("launched
    # 50 drones; 45 targets were shot down"), else it stays a count of targets of all kinds.
    last_weapon, classes = None, set()
    for f in figs:
        if f.weapon is None:
            f.weapon = last_weapon or _weapon_near(s, f.first, f.last)
        elif f.weapon.get("generic") and len(classes) == 1:
            f.weapon = last_weapon
        last_weapon = f.weapon or last_weapon
        if f.weapon is not None and not f.weapon.get("generic"):
            classes.add(f.weapon["weapon_class"])
    claim = t.claimants.find_all(s.low)
    claimant = claim[0][2]["claimant"] if claim else None
    events: list[dict] = []
    groups = _drop_class_headers(_group(figs, same=lambda a, b: _same_class(a.weapon, b.weapon), fits=_pair_fits))
    for group in groups:
        # the most specific name in the group: "Shahed drone" over "drone"
        named = [f.weapon for f in group if f.weapon]
        weapon = next((w for w in named if w["weapon"] != w["weapon_class"]), named[0] if named else None)
        values = {"launched": None, "intercepted": None, "not_reached": None}
        for f in group:
            values[f.role] = f.value
            for role, v in f.extra:
                values[role] = values[role] if values[role] is not None else v
            if f.all_of and f.role == "intercepted" and values["launched"] is None:
                values["launched"] = f.value
        # "Air defences shot down 110 of them." / "Ukrainian forces shot down 718 drones and 7 missiles."
        # complete the launch counts of the sentence before
        target = None
        if values["launched"] is None and prev_events:
            # "... launched 138 drones. 110 of the targets were shot down": a generic count completes a lone event
            same = [e for e in prev_events if weapon is None or _same_class(e, weapon)
                    or (weapon["weapon_class"] == "mixed" and len(prev_events) == 1)]
            target = same[-1] if same else None
        if target is None and values["launched"] is not None and values["intercepted"] is not None and prev_events:
            # "Russia fired three dozen missiles. ... disabling 16 of the 36 launched": the same launch
            # count again, now with its interceptions, completes the event before
            again = [e for e in prev_events if e["launched"] == as_int(values["launched"]) and e["intercepted"] is None
                     and (weapon is None or _same_class(e, weapon))]
            if again:
                again[-1]["intercepted"] = as_int(values["intercepted"])
                _finish_interception(again[-1])
                continue
        if target is not None and values["intercepted"] is not None and target["intercepted"] is not None \
                and values["intercepted"] < target["intercepted"]:
            continue  # "11 drones were shot down over the Belgorod region": a share of the total before
        if target is not None:
            if all(target[r] is None for r, v in values.items() if v is not None):
                for r, v in values.items():
                    if v is not None:
                        target[r] = as_int(v)
                _finish_interception(target)
                continue
        if weapon is None:
            continue  # a count with no weapon anywhere near ("25 were repelled") is not an interception
        first = min(f.first for f in group)
        last = max(f.last for f in group)
        start, end = s.span(first, last)
        place = _locate(s.text)
        ev = {
            "char_start": start, "char_end": end,
            "weapon": weapon["weapon"] if weapon else None,
            "weapon_class": weapon["weapon_class"] if weapon else None,
            "launched": as_int(values["launched"]),
            "intercepted": as_int(values["intercepted"]),
            "not_reached": as_int(values["not_reached"]),
            "claimant": claimant,
            "region": place and place.get("location"),
            **_typed_figure(s.text, (start, end), (0, len(s.text)), "interception",
                            [values["launched"], values["intercepted"]]),
        }
        _finish_interception(ev)
        events.append(ev)
    return events


def _pair_launched(f: _IFig) -> float | None:
    return next((v for role, v in f.extra if role == "launched"), None)


def _pair_fits(ev: list[_IFig], f: _IFig) -> bool:
    """An "N of M <weapon>" pair keeps its own M: it does not join an event whose launch count
    differs ("launched 39 missiles; downed 14 of 21 Kh-101 missiles": 21 Kh-101, not 39)."""
    m = _pair_launched(f)
    return m is None or all(g.value == m for g in ev if g.role == "launched")


def _is_class_name(w: dict | None) -> bool:
    return bool(w) and (w["weapon"] == w["weapon_class"] or w["weapon_class"] == "missile")


def _drop_class_headers(groups: list[list[_IFig]]) -> list[list[_IFig]]:
    """Drop a launch-only total of a class ("39 missiles") that the same sentence breaks down into
    "N of M" pairs of narrower weapons of that class whose M add up to no more than it: kept, the
    class total and its parts would count the same missiles twice in the totals."""
    out = []
    for g in groups:
        header = len(g) == 1 and g[0].role == "launched" and not g[0].extra and _is_class_name(g[0].weapon)
        if header:
            parts = [f for other in groups if other is not g for f in other
                     if _pair_launched(f) is not None and f.first > g[0].first and f.weapon
                     and f.weapon is not g[0].weapon and f.weapon["weapon"] != g[0].weapon["weapon"]
                     and _same_class(f.weapon, g[0].weapon)]
            if parts and sum(_pair_launched(f) for f in parts) <= g[0].value:
                continue
        out.append(g)
    return out


def _same_class(a: dict | None, b: dict | None) -> bool:
    """Two weapons count together when their classes agree; a bare "missiles" joins any missile class."""
    ca, cb = (a or {}).get("weapon_class"), (b or {}).get("weapon_class")
    if ca == cb:
        return True
    return bool(ca and cb) and "missile" in (ca, cb) and ca.endswith("missile") and cb.endswith("missile")


def _finish_interception(ev: dict) -> None:
    """Rate = intercepted / launched when both are known and consistent; else flag the pair."""
    launched, intercepted, lost = ev["launched"], ev["intercepted"], ev["not_reached"] or 0
    ev["rate"], ev["flag"] = None, None
    if launched and intercepted is not None:
        if intercepted + lost > launched:
            ev["flag"] = f"inconsistent: {intercepted} intercepted + {lost} not reached > {launched} launched"
        else:
            ev["rate"] = intercepted / launched


# --------------------------------------------------------------------------- economic figures


@lru_cache(maxsize=1)
def _money_regex() -> re.Pattern:
    rows = tables().currencies
    before = sorted((r["pattern"] for r in rows if r["position"] == "before"), key=len, reverse=True)
    after = sorted((r["pattern"] for r in rows if r["position"] == "after"), key=len, reverse=True)
    num = r"(?P<num{i}>\d+(?:[.,]\d+)*)"
    scale = r"(?:\s*(?P<scale{i}>trillion|billion|million|thousand|bn|mln|tn|m)\b)?"
    alt_b = "|".join(re.escape(p) for p in before)
    alt_a = "|".join(re.escape(p) for p in after)
    return re.compile(
        rf"(?P<cur0>{alt_b})\s?{num.format(i=0)}{scale.format(i=0)}"
        rf"|{num.format(i=1)}{scale.format(i=1)}\s+(?P<cur1>{alt_a})\b",
        re.IGNORECASE,
    )


_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
_MEASURE = re.compile(
    r"\b(?:(?:military|humanitarian|financial|economic|total|direct|indirect|reconstruction|budget|defence|defense|"
    r"energy|macro-financial|estimated)\s+)?(?:cost|costs|price|damage|damages|losses|aid|assistance|package|budget|"
    r"funding|loan|loans|grant|grants|reconstruction|recovery|spending|revenue|revenues|assets|debt|needs|bill)\b"
    r"(?:\s+(?:of|for|to)\s+[^,;.$€£]+?)?(?=\s+(?:will|would|could|may|might|is|was|are|were|has|have|had|totals?|"
    r"amounts?|reached|stood|came|at|to|worth|estimated|of|reach)\b|\s*[,:]|$)",
    re.IGNORECASE,
)
_WHAT_AFTER = re.compile(
    r"^\s*(?:(?:in|of|for|worth\s+of)\s+(?P<what>[^,;.]+)"
    r"|(?P<noun>(?:(?!(?:from|to|by|with|at|on|into|the|a|an)\b)[\w-]+\s+){0,2}"
    r"(?:aid|package|loan|grant|budget|assistance|tranche|fund|deal|facility))\b)",
    re.IGNORECASE,
)
_RATIO = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s+times\s+(?P<of>[^,;.]+?)\s*(?:[,;.]|\s+for\b|\s+in\b|$)", re.IGNORECASE)


def _economic_figures(text: str) -> list[dict]:
    out = []
    cur_rows = {r["pattern"].lower(): r["currency"] for r in tables().currencies}
    ratio = _RATIO.search(text)
    for m in _money_regex().finditer(text):
        i = "0" if m.group("cur0") else "1"
        value = parse_digits(m.group(f"num{i}"))
        if value is None:
            continue
        scale = (m.group(f"scale{i}") or "").lower() or None
        amount = value * _SCALES.get(scale or "", 1.0)
        # what it measures: the nearest measure noun before the amount ("the cost of rebuilding
        # Ukraine will be $411 billion"), else the phrase after it ("$1 billion in military aid")
        before = list(_MEASURE.finditer(text[:m.start()]))
        after = _WHAT_AFTER.match(text[m.end():])
        what = before[-1].group(0) if before else (after.group("what") or after.group("noun") if after else None)
        if what:
            what = re.sub(r"^(?:the|a|an)\s+", "", what.strip(), flags=re.IGNORECASE)
        rec = {
            "char_start": m.start(), "char_end": m.end(),
            "amount": amount, "currency": cur_rows[m.group(f"cur{i}").lower()],
            "scale": {"m": "million", "mln": "million", "bn": "billion", "tn": "trillion"}.get(scale, scale),
            "what": what, "ratio": None, "ratio_of": None,
        }
        if ratio and not out:
            rec["ratio"] = parse_digits(ratio.group("num"))
            rec["ratio_of"] = ratio.group("of").strip()
        out.append(rec)
    return out


# --------------------------------------------------------------------------- tables


def _date_fields(sentence: str, published: str | None) -> dict:
    if _dates is None:
        return {"date": published, "date_phrase": None, "date_start": None, "date_end": None, "date_resolved": False}
    got = _dates.resolve_event_date(sentence, published)
    return {
        "date": got.get("date"),  # None for a window ("last week"): date_start..date_end holds it
        "date_phrase": got.get("date_phrase"),
        "date_start": got.get("date_start"),
        "date_end": got.get("date_end"),
        "date_resolved": bool(got.get("date_resolved")),
    }


def _published_dates(articles: pd.DataFrame | None) -> dict:
    if articles is None or len(articles) == 0 or "date" not in articles:
        return {}
    return dict(zip(articles["article_id"], articles["date"]))


def _check_sentences(sentences: pd.DataFrame) -> None:
    missing = {"article_id", "sentence_idx", "start", "text"} - set(sentences.columns)
    if missing:
        raise ValueError(
            f"sentences table lacks columns {sorted(missing)}: pass the table written by 01_ingest "
            "(data/processed/sentences.parquet) or build one with helpers.ingest.split_sentences"
        )


def _article_records(rows: list[tuple[int, int, str]], kinds: tuple[str, ...]) -> dict[str, list[dict]]:
    """Events of one article's sentences ``(sentence_idx, start, text)`` in order, keyed by kind.

    Character offsets in the records are made article-relative with each sentence's ``start``.
    """
    out: dict[str, list[dict]] = {k: [] for k in kinds}
    t = tables()
    prev_text: str | None = None
    prev2_text: str | None = None
    prev_inter: list[dict] = []
    for idx, start, text in rows:
        text = text if isinstance(text, str) else ""
        low = text.lower()
        # cheap prefilter: a figure needs an event word (a casualty word; an interception verb and a
        # weapon, or counts before it to complete) and a number; most sentences have none of these
        words = frozenset(_WORD.findall(low))
        wants_casualty = "casualty" in kinds and _shares(words, t.casualty_words) and t.casualty_re.search(low)
        wants_interception = "interception" in kinds and _shares(words, t.intercept_words) \
            and (prev_inter or _shares(words, t.weapon_words)) and t.intercept_re.search(low)
        wants_economic = "economic" in kinds and _DIGIT.search(text) and _money_regex().search(text)
        s = None
        # an interception sentence may count nothing itself ("All the drones were shot down")
        if wants_interception or ((wants_casualty or wants_economic) and t.number_re.search(low)):
            s = _parse(text)
        base = {"sentence_idx": int(idx), "sentence": text}
        events: list[dict] = []
        if s is not None and wants_casualty:
            for ev in _casualty_events(s, prev_text, prev2_text):
                revises = ev.pop("_revises")
                ev = {**base, **ev, "char_start": start + ev["char_start"], "char_end": start + ev["char_end"],
                      "superseded": False}
                if revises:
                    _supersede(out["casualty"], ev)
                out["casualty"].append(ev)
        if s is not None and wants_interception:
            events = _interception_events(s, prev_inter)
            for ev in events:
                ev.update(base, char_start=start + ev["char_start"], char_end=start + ev["char_end"])
            if events and _IN_ALL.match(low.lstrip()) and prev_inter:
                # "More than 40 drones were shot down over Kyiv. In all, Ukraine intercepted 52 of
                # 54": the count before was a part of the whole stated now
                parts = [p for p in prev_inter if any(
                    _same_class(p, e) and e["intercepted"] is not None and p["launched"] is None
                    and p["intercepted"] is not None and p["intercepted"] < e["intercepted"] for e in events)]
                out["interception"] = [e for e in out["interception"] if not any(e is p for p in parts)]
            out["interception"].extend(events)
        # only a sentence that named counts can be completed by the next one
        prev_inter = [e for e in events if e["weapon"] is not None]
        if s is not None and wants_economic:
            for ev in _economic_figures(text):
                out["economic"].append({**base, **ev, "char_start": start + ev["char_start"], "char_end": start + ev["char_end"]})
        prev2_text, prev_text = prev_text, text
    return out


# Counts are whole numbers that may be missing: pandas' nullable Int64 keeps 8 as 8, not 8.0.
_DTYPES = {
    "sentence_idx": "Int64", "char_start": "Int64", "char_end": "Int64",
    "killed": "Int64", "injured": "Int64", "launched": "Int64", "intercepted": "Int64", "not_reached": "Int64",
    "latitude": "float64", "longitude": "float64", "rate": "float64", "amount": "float64", "ratio": "float64",
    "vague": "boolean", "aggregate": "boolean", "update": "boolean", "superseded": "boolean", "date_resolved": "boolean",
}


def _typed(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Fixed dtypes whatever the rows hold, so tables built per article or per partition
    concatenate to the table built on the whole corpus: the typed columns above, and every
    other column text as Python objects with None where nothing was stated."""
    df = df.astype({c: t for c, t in _DTYPES.items() if c in columns})
    for c in columns:
        if c not in _DTYPES:
            df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def _empty(columns: list[str]) -> pd.DataFrame:
    return _typed(pd.DataFrame({c: pd.Series(dtype="object") for c in columns}), columns)


def _extract(sentences: pd.DataFrame, articles: pd.DataFrame | None, kind: str, columns: list[str]) -> pd.DataFrame:
    if sentences is None or len(sentences) == 0:
        return _empty(columns)
    _check_sentences(sentences)
    published = _published_dates(articles)
    records = []
    ordered = sentences.sort_values(["article_id", "sentence_idx"], kind="stable")
    for article_id, group in ordered.groupby("article_id", sort=False):
        rows = list(zip(group["sentence_idx"], group["start"], group["text"]))
        pub = published.get(article_id)
        pub = None if pd.isna(pub) else pub
        for rec in _article_records(rows, (kind,))[kind]:
            dates = _date_fields(rec["sentence"], pub) if "date_resolved" in columns else {"date": pub}
            records.append({"article_id": article_id, **rec, **dates})
    if not records:
        return _empty(columns)
    return _typed(pd.DataFrame.from_records(records)[columns].reset_index(drop=True), columns)


def extract_casualties(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Casualty events of a sentences table -> DataFrame with ``CASUALTY_COLUMNS`` (rules: module doc)."""
    return _extract(sentences, articles, "casualty", CASUALTY_COLUMNS)


def extract_interceptions(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Interception events of a sentences table -> DataFrame with ``INTERCEPTION_COLUMNS``."""
    return _extract(sentences, articles, "interception", INTERCEPTION_COLUMNS)


def extract_economic_figures(sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Money amounts (with currency, scale, what they measure, stated ratio) -> ``ECONOMIC_COLUMNS``."""
    return _extract(sentences, articles, "economic", ECONOMIC_COLUMNS)


def sentences_from_text(text: str, article_id: str = "input") -> pd.DataFrame:
    """A contract sentences table for one text, split with ``helpers.ingest.split_sentences``."""
    from helpers.ingest import split_sentences

    rows = [(article_id, i, a, b, s) for i, (a, b, s) in enumerate(split_sentences(text))]
    return pd.DataFrame(rows, columns=["article_id", "sentence_idx", "start", "end", "text"])


_CLI_CASUALTY = ["location", "killed", "injured", "killed_qualifier", "injured_qualifier", "weapon",
                 "event_type", "target", "who", "vague", "figure_type", "figure_cue", "aggregate", "update"]
_CLI_INTERCEPTION = ["weapon", "weapon_class", "launched", "intercepted", "not_reached", "rate", "flag",
                     "claimant", "region", "figure_type", "figure_cue", "aggregate"]


def extract_events(text: str, date: str | None = None) -> list[dict]:
    """Casualty and interception events of one text, in the CLI's shape, in reading order.

    Each event: ``{"kind": "casualty"|"interception", <fields, None where not stated>,
    "sentence_idx", "char_start", "char_end", "sentence"}``; ``date`` is the publication date.
    """
    from helpers.ingest import split_sentences

    rows = [(i, a, s) for i, (a, _, s) in enumerate(split_sentences(text or ""))]
    found = _article_records(rows, ("casualty", "interception"))
    events = []
    for kind, fields in (("casualty", _CLI_CASUALTY), ("interception", _CLI_INTERCEPTION)):
        for rec in found[kind]:
            if rec.get("superseded"):
                continue  # a toll the text revises later: its latest figure stands for it
            ev = {"kind": kind, **{f: rec.get(f) for f in fields}}
            ev.update({k: rec[k] for k in ("sentence_idx", "char_start", "char_end", "sentence")})
            ev["date"] = _date_fields(rec["sentence"], date)["date"]
            events.append(ev)
    return sorted(events, key=lambda e: (e["sentence_idx"], e["char_start"]))


# --------------------------------------------------------------------------- pipeline step and summaries

NO_PLACE = "place not stated"
# How a row's figures may be added up: per-event figures sum over strikes; every other kind is a
# reported total, shown apart and never added to anything.
REPORTED_TOTALS = {"period": "period total", "cumulative": "cumulative total", "estimate": "estimate",
                   "historical": "historical", "other": "other (average, rate, hypothetical)"}
FIGURE_KINDS = ("per event", "vague (ACLED rule)", *REPORTED_TOTALS.values())


def figure_kind(casualties: pd.DataFrame) -> pd.Series:
    """Which total a casualty row belongs to: its figure type when that is not 'event' (a row
    without one but marked aggregate is a 'cumulative total'), then vague, else 'per event'."""
    agg = casualties["aggregate"].fillna(False).astype(bool)
    vague = casualties["vague"].fillna(False).astype(bool)
    types = casualties["figure_type"] if "figure_type" in casualties else pd.Series(None, index=casualties.index)
    out = []
    for a, v, t in zip(agg, vague, types):
        if isinstance(t, str) and t in REPORTED_TOTALS:
            out.append(REPORTED_TOTALS[t])
        elif a:
            out.append(REPORTED_TOTALS["cumulative"])
        else:
            out.append(FIGURE_KINDS[1] if v else FIGURE_KINDS[0])
    return pd.Series(out, index=casualties.index, dtype="object")


def incident_keys(casualties: pd.DataFrame) -> pd.Series:
    """Which casualty rows report the same incident, as a key such as '2023-03-22|Rzhyshchiv|drone'.

    Rule: per-event rows (not vague, not aggregate) are one incident when they share the event day
    (the resolved ``date``, else the end of its window ``date_end``), the place and the weapon
    (an unstated weapon matches only another unstated one). The same strike reported by several
    articles, or twice in one article, is then counted once. A row without a place or a day, and
    every vague or aggregate row, is an incident of its own (key ``row:<index>``): nothing says
    which strike it belongs to.
    """
    if casualties is None or len(casualties) == 0:
        return pd.Series([], dtype="object")
    day = casualties["date"].where(casualties["date"].notna(), casualties["date_end"])
    per_event = figure_kind(casualties) == FIGURE_KINDS[0]
    keyed = per_event & day.notna() & casualties["location"].notna()
    weapon = casualties["weapon"].fillna("weapon not stated")
    keys = day.astype(str) + "|" + casualties["location"].astype(str) + "|" + weapon.astype(str)
    return keys.where(keyed, "row:" + casualties.index.astype(str)).rename("incident")


def casualty_totals(casualties: pd.DataFrame, by: str = "location") -> pd.DataFrame:
    """Killed and injured summed by ``by`` (location, weapon, event_type ...) over incidents, with
    per-event, vague and aggregate figures in separate rows so a cumulative total never adds to a
    strike's toll.

    Rule: rows reporting the same incident (:func:`incident_keys`) count once, with the largest
    killed and injured figures any report gives (tolls are revised upwards as the day goes on).
    Columns: ``by``, figures, events (incidents), reports (rows), killed, injured, updated
    (incidents whose toll was revised). A missing place or weapon is 'place not stated' / 'not stated'.
    """
    columns = [by, "figures", "events", "reports", "killed", "injured", "updated"]
    if casualties is not None and "superseded" in casualties:
        casualties = casualties[~casualties["superseded"].fillna(False).astype(bool)]
    if casualties is None or len(casualties) == 0:
        return pd.DataFrame(columns=columns)
    df = casualties.assign(figures=figure_kind(casualties), incident=incident_keys(casualties))
    df[by] = df[by].fillna(NO_PLACE if by == "location" else "not stated")
    incidents = (
        df.groupby("incident", sort=False)
        .agg(**{by: (by, "first")}, figures=("figures", "first"), reports=("killed", "size"),
             killed=("killed", "max"), injured=("injured", "max"), updated=("update", "max"))
        .reset_index(drop=True)
    )
    out = (
        incidents.groupby([by, "figures"], sort=False)
        .agg(events=("reports", "size"), reports=("reports", "sum"), killed=("killed", "sum"),
             injured=("injured", "sum"), updated=("updated", "sum"))
        .reset_index()
    )
    out["figures"] = pd.Categorical(out["figures"], categories=FIGURE_KINDS, ordered=True)
    out = out.sort_values(["figures", "killed", "injured"], ascending=[True, False, False])
    out["figures"] = out["figures"].astype(str)
    return out[columns].reset_index(drop=True)


def claim_keys(interceptions: pd.DataFrame) -> pd.Series:
    """Which interception rows report the same claim, as a key such as '2023-03-22|drone|military'.

    Rule: rows are one claim when they share the night (the resolved ``date``, else ``date_end``),
    the weapon class and the claimant: the same Air Force bulletin quoted by several articles.
    A row without a night or weapon class is a claim of its own (key ``row:<index>``).
    """
    if interceptions is None or len(interceptions) == 0:
        return pd.Series([], dtype="object")
    night = interceptions["date"].where(interceptions["date"].notna(), interceptions["date_end"])
    keyed = night.notna() & interceptions["weapon_class"].notna()
    keys = (night.astype(str) + "|" + interceptions["weapon_class"].astype(str) + "|"
            + interceptions["claimant"].fillna("claimant not stated").astype(str))
    return keys.where(keyed, "row:" + interceptions.index.astype(str)).rename("claim")


def interception_totals(interceptions: pd.DataFrame, by: str = "weapon") -> pd.DataFrame:
    """Launched, intercepted and not-reached summed by ``by`` over claims that state both launched
    and intercepted and are not flagged inconsistent; rate = intercepted / launched, with a label
    such as '16 of 21 = 76.2%'.

    Rule: rows reporting the same claim (:func:`claim_keys`) count once, as the row with the
    largest launched figure (the fullest version of the bulletin). Columns: ``by``, events
    (claims), launched, intercepted, not_reached, rate, label, left_out (rows of that weapon
    without a usable pair, flagged, cumulative totals, or repeats of a claim already counted).
    """
    columns = [by, "events", "launched", "intercepted", "not_reached", "rate", "label", "left_out"]
    if interceptions is None or len(interceptions) == 0:
        return pd.DataFrame(columns=columns)
    df = interceptions.assign(**{by: interceptions[by].fillna("not stated")}, claim=claim_keys(interceptions))
    usable = (df["launched"].notna() & df["intercepted"].notna() & df["flag"].isna()
              & ~df["aggregate"].fillna(False).astype(bool))
    fullest = df[usable].sort_values("launched", ascending=False, kind="stable").drop_duplicates("claim").index
    usable &= df.index.isin(fullest)
    out = (
        df[usable].groupby(by, sort=False)
        .agg(events=("launched", "size"), launched=("launched", "sum"), intercepted=("intercepted", "sum"),
             not_reached=("not_reached", "sum"))
        .reset_index()
    )
    left = df[~usable].groupby(by).size().rename("left_out")
    out = out.merge(left, how="outer", left_on=by, right_index=True).fillna({"events": 0, "left_out": 0})
    for c in ("events", "launched", "intercepted", "not_reached", "left_out"):
        out[c] = out[c].astype("Int64")
    out["rate"] = (out["intercepted"] / out["launched"]).astype("float64")
    out["label"] = [
        f"{i} of {n} = {r:.1%}" if pd.notna(r) else "no launched/intercepted pair"
        for i, n, r in zip(out["intercepted"], out["launched"], out["rate"])
    ]
    return out.sort_values("launched", ascending=False, na_position="last")[columns].reset_index(drop=True)
