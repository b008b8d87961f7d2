"""Casualties: the role of each count in one sentence (killed, injured, none) and its events.

Stages, in order: victim lists, counts with a casualty word after or before them, named and
single victims, revisions ('raising the figure to 89'), explicit zeros; then the figures are
grouped into events, each with its place, weapon, target and figure type. The rules are listed
in ``helpers.extract``'s module doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from helpers.figure_types import classify as classify_figure
from helpers.numbers import NumberMention, as_int, qualifier_before, read_resource_csv
from helpers.extract.patterns import (
    _AUX, _DASHES, _NOT_MODIFIERS, _NOUN_VALUE, _ONE_NOUN, _POSSESSIVES, _PUNCT_STOP, _QUOTES, _REPORTED,
    _SINGLE_DETERMINERS, _SUBSET_MARKERS, _Sentence, _TIME_UNITS, _TOLL_BRIDGE, _TOLL_HEADS, _UPDATE_VERBS,
    _among_before, _among_group, _feed_items, _is_count_word, _is_subset, _parse, _places, _skip_back,
    _subset_aside, _weapon_near, tables,
)


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


_PLACE_PREPOSITIONS = frozenset(("in", "at", "near", "from"))


def _place_name_end(s: _Sentence, k: int) -> int | None:
    """The token after a capitalised place name at ``k`` ("Kyiv", "Rostov-on-Don", "Kyiv, Ukraine,"),
    its closing comma passed; None when no capitalised word stands at ``k``."""
    p = k
    while p < len(s.low) and p < k + 4 and s.tokens[p].text[:1].isupper() and s.low[p].replace("-", "").isalpha():
        p += 1
    if p == k:
        return None
    # "in Kyiv, Ukraine, ...": a country after the city, between commas
    if p + 2 < len(s.low) and s.low[p] == "," and s.tokens[p + 1].text[:1].isupper() and s.low[p + 2] == ",":
        p += 3
    return p


def _casualty_role_after(s: _Sentence, j: int, limit: int = 7,
                         seen: bool = False) -> tuple[str, int, str | None, bool] | None:
    """Role of a count from the words after it: ("killed", end token, who, among) or None; ``among``
    when the count joins a group ("three children were among the dead"). Before "among the 20
    dead" the count is a part of the 20, not a figure."""
    t = tables()
    who = None
    k = j
    unknown = 0
    victims_seen = False
    placed = False  # a place was passed after the victims ("seven people in Kyiv")
    while k < len(s.low) and k < j + limit:
        # "A 12-year-old girl, Adriana Unoltova, who was injured in the attack, died": after a single
        # victim (``seen``; not after a count, which may be an age: "Samira, 44, who lives"), the
        # victim's name between commas, and the comma before "who", are stepped over
        if seen and s.low[k] == "," and k == j:
            named = _names_at(s, k + 1)
            if named and named[1] < len(s.low) and s.low[named[1]] == ",":
                k = j = named[1]
                continue
            if s.low[k + 1:k + 2] == ["who"]:
                k, limit = k + 1, limit + 1
                continue
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
        # "9,000 members of the group — many of them convicts — have been killed": a dashed or
        # bracketed aside, when a casualty word follows its close
        if s.low[k] in _ASIDE_OPEN and (victims_seen or k > j):
            close = _dash_aside_end(s, k)
            if close is not None:
                k, limit = close + 1, limit + (close + 1 - k)
                continue
        # "~300 people - injured and counting": a telegraphic dash between the victims and the word
        if s.low[k] in _DASHES and victims_seen and not unknown \
                and t.casualty.match_at(s.low, k + 1, lambda r: r["position"] == "after"):
            k, limit = k + 1, limit + 1
            continue
        # "91 of its rescuers have been killed": the count is of the group named after "of its"
        if k == j and s.low[k] == "of" and k + 1 < len(s.low) and s.low[k + 1] in _OF_GROUP:
            k, limit = k + 2, limit + 2
            continue
        term = t.casualty.match_at(s.low, k, lambda r: r["position"] in ("after", "never"))
        if term and s.low[k] == "lives" and k > 0 and s.low[k - 1] in ("who", "that", "and"):
            term = None  # "a woman who lives in London": the verb, not "five lives were lost"
        # "200 Ukrainian athletes and coaches have been killed": unlisted nouns are victims when a
        # passive casualty verb with its auxiliary follows them
        passive = bool(term) and unknown and s.low[k - 1] in _PASSIVE_AUX and any(
            w.endswith(("s", "men")) and w not in _NOT_MODIFIERS for w in s.low[j:k])
        if term and (not unknown or passive):
            row, n = term
            if row["position"] != "after":
                return None
            # "1,180 soldiers killed and wounded": a combined count is neither killed nor injured
            # ... also "killed, wounded and captured", "have died or been injured"
            other = _combined_with(s, k + n, row["role"])
            # "treated 1,000 wounded soldiers": the word describes the people, it reports no strike
            adjective = k + n < len(s.low) and t.victims.match_at(s.low, k + n, lambda r: r["who"] != "")
            if other or (adjective and row["role"] != "killed"):
                return None
            if adjective:  # "the attack left 12 dead civilians", "1,000 dead soldiers": the dead are counted
                return row["role"], k + n + adjective[1], who or adjective[0]["who"] or None, False
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
        # "Nine members of the regiment died", "70 Wagner convicts of his 90-person platoon were
        # killed": a group the victims belong to, after them
        if s.low[k] == "of" and victims_seen and not unknown:
            end = _of_group_end(s, k)
            if end is not None:
                k, limit = end, limit + (end - k)
                continue
        # "Seven people in Kyiv were killed", "seven people in Kyiv, Ukraine, ... are killed": a
        # place after the victims; "... and three (more) in Odesa were killed": the second item
        # of such a list names no victims again
        second = k == j and j >= 2 and s.low[j - 2] == "and"
        # (``seen``: the caller read the victims before ``j``, "a woman from Kherson was killed")
        if (victims_seen or second or (seen and k == j)) and not unknown and s.low[k] in _PLACE_PREPOSITIONS:
            end = _place_name_end(s, k + 1)
            if end is not None:
                k, limit = end, limit + (end - k)
                placed = True
                continue
        if second and s.low[k] in ("more", "others"):
            k, victims_seen = k + 1, True
            continue
        # "Seven people in Kyiv and three in Odesa were killed": the list runs on to its verb
        if placed and (s.low[k:k + 1] == ["and"] or s.low[k:k + 2] == [",", "and"]):
            step = 1 if s.low[k] == "and" else 2
            if k + step < len(s.low) and _is_count_word(s.low[k + step]):
                k, limit = k + step + 1, limit + step + 1
                unknown = 0
                continue
        if placed and victims_seen and s.low[k] in ("more", "others", "people"):
            k += 1
            continue
        # "10 people are confirmed to have been killed", "were believed to have died"
        if s.low[k] in _REPORTED_PASSIVE and k + 1 < len(s.low) and s.low[k + 1] == "to" and (victims_seen or k > j):
            k, limit = k + 2, limit + 2
            continue
        if s.low[k] in _AUX or s.low[k].endswith("-old"):
            k += 1
            continue
        # "Fourteen soldiers tragically lost their lives", "15,000 soldiers may have died": an
        # adverb or a modal between the victims and their verb (the modal makes it an estimate:
        # figure_type_cues.csv)
        if victims_seen and not unknown and (_is_adverb(s.tokens[k].text) or (
                s.low[k] in _MODALS and s.low[k + 1:k + 2] == ["have"])):
            k += 1
            continue
        # "16,000 Russians who have died": a relative clause after the victims
        if s.low[k] in ("who", "that") and victims_seen and not unknown:
            k, limit = k + 1, limit + 1
            continue
        # "two emergency workers", "three police officers": at most two unlisted words, and only
        # when a victim noun follows them; a name may run longer ("Three Sloviansk Thermal Power
        # Plant engineers")
        if s.low[k] in _SPEECH or _is_count_word(s.low[k]):
            return None  # "a woman said two people were killed": the speaker is no victim
        proper = s.tokens[k].text[:1].isupper() and unknown < _PROPER_MODIFIERS
        if k == j + unknown and (unknown < 2 or proper) and s.low[k].isalpha() and s.low[k] not in _NOT_MODIFIERS:
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


_OF_GROUP_MAX = 7  # tokens of "of the regiment", "of his 90-person platoon", "of Ukraine’s largest private energy company"


def _of_group_end(s: _Sentence, k: int) -> int | None:
    """The end of "of <determiner or name> <up to five words>" at token ``k`` when a casualty word
    (over auxiliaries) follows it, or an appositive aside and then one ("two employees of Ukraine's
    largest energy company, DTEK, were wounded"), else None."""
    p = k + 1
    if p >= len(s.low) or not (s.low[p] in _OF_GROUP or s.tokens[p].text[:1].isupper()):
        return None
    t = tables()
    for q in range(p if s.low[p] not in _OF_GROUP else p + 1, min(len(s.low), p + 1 + _OF_GROUP_MAX)):
        w = s.low[q]
        if w in _PUNCT_STOP or w in _SPEECH:
            return None
        r = q + 1
        while r < len(s.low) and s.low[r] in _AUX:
            r += 1
        if r < len(s.low) and t.casualty.match_at(s.low, r, lambda row: row["position"] == "after"):
            return q + 1
        if q + 1 < len(s.low) and s.low[q + 1] == ",":
            close = _appositive_end(s, q + 1)
            return None if close is None else close + 1
    return None


def _of_group_tokens(s: _Sentence, j: int) -> range:
    """The tokens of the group after a count's victims at token ``j`` ("Four members | of a family
    of six | were killed"): a count inside it is the group's size, no victims of its own."""
    victim = tables().victims.match_at(s.low, j)
    k = j + victim[1] if victim else j
    end = _of_group_end(s, k) if k < len(s.low) and s.low[k] == "of" else None
    return range(k, end) if end is not None else range(0)


_SPEECH = _REPORTED | frozenset("says say told tells telling saying".split())


_REPORTED_PASSIVE = frozenset("confirmed believed reported said feared thought known presumed understood estimated".split())
_MODALS = frozenset(("may", "might", "could"))
# words ending in -ly that are no adverb of manner, or that hedge or time the figure themselves
_NOT_ADVERBS = frozenset("only early family daily weekly monthly yearly nearly likely reply ally rally italy".split())


def _is_adverb(word: str) -> bool:
    """'tragically', 'sadly', 'instantly': a lower-case word of five letters or more ending in -ly."""
    return len(word) >= 5 and word.endswith("ly") and word.isalpha() and word.islower() and word not in _NOT_ADVERBS


_PROPER_MODIFIERS = 5  # capitalised words of a name before the victims: "Sloviansk Thermal Power Plant engineers"


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


_OF_GROUP = frozenset("its their our his her the a an one this that".split())


_PASSIVE_AUX = frozenset("were was are is been".split())


_CLAUSE_END = _PUNCT_STOP | frozenset("said says told while whereas but".split())


_APPOSITIVE_MAX = 10
_ASIDE_OPEN = {"—": "—", "–": "–", "--": "--", "(": ")"}


def _dash_aside_end(s: _Sentence, k: int) -> int | None:
    """The closing dash or bracket of an aside opening at token ``k`` when a casualty word follows
    it (over auxiliaries), else None; the aside holds no casualty word or sentence stop itself."""
    t = tables()
    closing = _ASIDE_OPEN[s.low[k]]
    for c in range(k + 1, min(len(s.low), k + 2 + _APPOSITIVE_MAX)):
        if s.low[c] == closing:
            p = c + 1
            while p < len(s.low) and p < c + 5 and s.low[p] in _AUX:
                p += 1
            return c if t.casualty.match_at(s.low, p, lambda r: r["position"] == "after") else None
        if s.low[c] in (".", ";", "?", "!") or t.casualty.match_at(s.low, c):
            return None
    return None


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
    death = lambda r: r["position"] == "after" and r["role"] == "killed"  # noqa: E731
    for p in range(k, len(s.low)):
        if s.low[p] == ",":
            # ", who was injured in the attack on Ternopil, died in hospital": the comma closes the
            # relative clause when the death word comes right after it
            q = p + 1 + (s.low[p + 1:p + 2] in (["later"], ["then"], ["subsequently"]))
            hit = cas.match_at(s.low, q, death) if q < len(s.low) else None
            return q + hit[1] if hit else None
        if s.low[p] in _CLAUSE_END:
            return None
        hit = cas.match_at(s.low, p, death)
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
        if head in _PUNCT_STOP or (h < k - 1 and head[0].isdigit() and not _is_day_of_month(s, h)):
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


_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_day_of_month(s: _Sentence, h: int) -> bool:
    """Whether the number at token ``h`` is a day of a date ("a December 31 attack", "on 31 December"),
    which a toll's head may stand before: "the death toll of soldiers from a December 31 attack ... to 89"."""
    return (h > 0 and s.low[h - 1] in _MONTHS) or (h + 1 < len(s.low) and s.low[h + 1] in _MONTHS)


def _counted_by_number_of(s: _Sentence, h: int) -> bool:
    """Whether the casualty word at token ``h`` is what "the number of" counts: "the number of
    people killed", "the number of those who died", "the number of wounded civilians"."""
    vt = tables().victims
    p = h - 1
    while p >= 0 and s.low[p] != "of" and (s.low[p] in _AUX or s.low[p] == "those" or vt.match_at(s.low, p)):
        p -= 1
    return p >= 1 and s.low[p] == "of" and s.low[p - 1] in _TOLL_HEADS


def _found_at_a_site(s: _Sentence) -> bool:
    """"The bodies of five civilians were found after a strike", "police have found 900 bodies of
    civilians": bodies found, not handed over."""
    return any((m.first >= 2 and s.low[m.first - 2:m.first] == ["bodies", "of"] or s.low[m.last:m.last + 2] == ["bodies", "of"])
               and _recovered_bodies(s, m.first, m.last) for m in s.numbers if m.kind == "count")


def _recovered_bodies(s: _Sentence, qstart: int, j: int) -> bool:
    """Whether the count ending at token ``j`` counts bodies recovered (``body_recovery.csv``):
    "pulled 15 bodies from the rubble", "12 more bodies were recovered". Those are the dead of the
    strike; repatriated bodies or a mass grave are not (``noncasualty_cues.csv`` drops the sentence)."""
    low, rec = s.low, tables().recovery
    if qstart >= 2 and low[qstart - 2:qstart] == ["bodies", "of"]:
        # "the bodies of five civilians were found after the strike": the victims, then the verb
        k = j
        victim = tables().victims.match_at(low, k)
        k += victim[1] if victim else 0
        while k < len(low) and low[k] in _AUX:
            k += 1
        return victim is not None and rec.match_at(low, k, lambda r: r["position"] == "after") is not None
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
    """'a woman was killed', 'an 18-month-old child was injured', 'killing a man', 'killed the
    driver': count 1 (a victim restated later is one claim: see ``_restate``)."""
    t = tables()
    out = []
    # a headline drops the article: "Child killed and 6 other people wounded in Kherson region"
    head = t.victims.match_at(s.low, 0, lambda r: r["number"] in _ONE_NOUN and r["who"] != "")
    if head and 0 not in taken and s.tokens[0].text[:1].isupper():
        after = _casualty_role_after(s, head[1], limit=3)
        if after and not after[3]:
            out.append(_Figure(after[0], _NOUN_VALUE[head[0]["number"]], None, False, 0, after[1], head[0]["who"]))
    for i, w in enumerate(s.low):
        if (w not in _SINGLE_DETERMINERS and w != "the") or i in taken or _is_subset(s, i):
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
        if not hit or (w == "the" and "of" in s.low[i + 1:k]):
            continue  # "killed the mayor" is one, "the number of civilian deaths" none
        noun_end = k + hit[1]
        after = _casualty_role_after(s, noun_end, limit=5, seen=True)
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


def _victim_item(s: _Sentence, i: int, counts: dict[int, NumberMention],
                 qualified: dict[int, NumberMention] | None = None) -> tuple | None:
    """One victim phrase of a list at token ``i``: a count and its noun ("five passengers"), or
    "a"/"an"/"the" and a singular noun ("a 67-year-old woman", "the driver"), or a possessive and
    a singular noun or a count ("his wife" = 1, "her two children" = 2; "their children" has none).

    Returns ``(value, end token, who, vague, definite)`` or None.
    """
    t = tables()
    m = counts.get(i) or (qualified or {}).get(i)  # "... and at least seven other people"
    if m is not None:
        value, k, vague, singular = m.value, m.last, m.vague, False
    elif s.low[i] in _POSSESSIVES and i + 1 in counts:
        m = counts[i + 1]
        value, k, vague, singular = m.value, m.last, m.vague, False
    elif s.low[i] in ("a", "an", "the", "'s") or s.low[i] in _POSSESSIVES:
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
        if unknown < 2 and w.replace("-", "").isalpha() and w not in _NOT_MODIFIERS and not t.casualty.match_at(s.low, k):
            unknown += 1  # "two emergency workers"
            k += 1
            continue
        break
    # "Two colonels, three majors and 12 officers were killed": a count and an unlisted plural noun
    # is an item of a list whose last item is a listed victim (``who`` None marks it, see below)
    if not singular and unknown and k < len(s.low) and s.low[k] in (",", "and") \
            and s.low[k - 1].endswith(("s", "men")) and s.low[k - 1] not in _NOT_MODIFIERS \
            and s.low[k - 1] not in _not_victims():
        return value, k, None, vague, False
    return None


def _bare_relative(s: _Sentence, i: int) -> tuple | None:
    """A singular victim noun with no determiner, after a possessive item ("his wife and daughter",
    "Glodan's wife, mother-in-law, and baby"): one more victim, as ``_victim_item`` returns it."""
    hit = tables().victims.match_at(s.low, i)
    if hit is None or not hit[0]["who"] or hit[0]["number"] != "singular":
        return None
    return 1.0, i + hit[1], hit[0]["who"], False, False


def _victim_lists(s: _Sentence, taken: set[int]) -> list[_Figure]:
    """Coordinated victims add up: "a 14-year-old boy and a 67-year-old woman were injured" = 2,
    "killing two women and a child" = 3, "injuring the driver and five passengers" = 6.

    A list is two or more victim phrases joined by "and" / "," / ", and" with one casualty word
    for all of them, either before ("killing ...") or after ("... were injured"). When both
    stand there, the last phrase is the subject of a clause of its own ("killed two people, and a
    child was injured") and no list is read. Tokens of a list go into ``taken``.
    """
    counts = {m.first: m for m in s.numbers if m.kind == "count"}
    # "the boy and at least seven other people": a later item may open with a qualifier
    qualified = {q: counts[m] for m in counts for q in [qualifier_before(s.tokens, m)[1]] if q < m}
    out = []
    i = 0
    while i < len(s.low):
        if i in taken or (i not in counts and s.low[i] not in ("a", "an", "the", "'s") and s.low[i] not in _POSSESSIVES) \
                or _is_subset(s, i):
            i += 1
            continue
        item = _victim_item(s, i, counts)
        items = [item] if item else []
        k = item[1] if item else i
        kin = s.low[i] in _POSSESSIVES or s.low[i] == "'s"  # "his wife and daughter": the rest share "his"
        while items and k < len(s.low):
            sep = 2 if tuple(s.low[k:k + 2]) == (",", "and") else 1 if s.low[k] in (",", "and") else 0
            nxt = _victim_item(s, k + sep, counts, qualified) if sep and k + sep < len(s.low) else None
            if nxt is None and sep and kin and k + sep < len(s.low):
                nxt = _bare_relative(s, k + sep)
            if nxt is None:
                break
            items.append(nxt)
            joined_by_and = "and" in s.low[k:k + sep]
            k = nxt[1]
            if joined_by_and:
                break  # "and" joins the last item: "A and B, and C" is no list of three
        if len(items) < 2 or all(it[4] for it in items) or items[-1][2] is None:
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
        whos = {it[2] for it in items if it[2] is not None}
        figure = _Figure(before[0] if before else after[0], sum(it[0] for it in items), qualifier,
                         any(it[3] for it in items), qstart, k if before else after[1],
                         whos.pop() if len(whos) == 1 else "people", bool(before and before[1]),
                         among=bool(before[2] if before else after[3]))
        out.append(figure)
        taken.update(range(qstart, k))
        i = k
    return out


_COMBINED_REACH = 16  # tokens back from "including" to the combined count's noun


def _part_of_casualties(s: _Sentence, first: int) -> bool:
    """'1.2 million casualties, including 325,000 troop deaths': the part of a combined count
    (which fills neither field) is the only figure of its role, so it counts."""
    k = next((k for k in range(max(0, first - 2), first) if s.low[k] in _SUBSET_MARKERS), None)
    if k is None:
        return False
    before = s.low[max(0, k - 4):k]
    if "casualties" in before or "losses" in before:
        return True
    # "Verified civilian casualties between 2022 and September 2024 reached nearly 39,000, including
    # over 12,000 deaths": the combined count's noun is the subject of its clause
    t = tables()
    for j in range(k - 1, max(-1, k - _COMBINED_REACH), -1):
        if s.low[j] in (";", ":", "(") or t.casualty.match_at(s.low, j, lambda r: r["position"] != "never"):
            return False
        if s.low[j] in ("casualties", "losses"):
            return True
    return False


@lru_cache(maxsize=1)
def _not_victims(kind: str | None = None) -> frozenset[str]:
    """Nouns of ``not_victims.csv`` (animals, things), of one ``kind`` or all."""
    return frozenset(r["word"] for r in read_resource_csv("not_victims.csv") if kind in (None, r["kind"]))


def _counts_animals(s: _Sentence, j: int) -> bool:
    """Whether the count ending before token ``j`` counts animals (``not_victims.csv``): the noun
    right after it, or after one adjective ("61 dead cetaceans", "200 cows")."""
    return any(w in _not_victims("animal") for w in s.low[j:j + 2])


def _casualty_figures(s: _Sentence) -> list[_Figure]:
    taken: set[int] = set()
    figures = _victim_lists(s, taken)
    for m in s.numbers:
        if m.kind != "count" or m.first in taken or (_is_subset(s, m.first) and not _part_of_casualties(s, m.first)
                                                     and not _part_of_vague(s, m.first)):
            continue
        if m.first > 0 and s.low[m.first - 1] == "no":
            continue  # "no one was hurt" states that nobody was
        if _counts_animals(s, m.last):
            continue  # "61 dead cetaceans", "a strike killed 200 cows": animals are no casualties
        if s.low[m.last:m.last + 1] and s.low[m.last] in _TIME_UNITS:
            continue  # "Prigozhin was killed two months later": a span of time, not victims
        qualifier, qstart = qualifier_before(s.tokens, m.first)
        qualifier = qualifier or m.qualifier
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
            elliptic = None if after else _elliptic_role(s, qstart, m.last, figures)
            if elliptic:
                figures.append(_Figure(elliptic, m.value, qualifier, m.vague, qstart, m.last, None))
                taken.update(range(qstart, m.last))
                continue
            if not after:
                if _recovered_bodies(s, qstart, m.last):
                    figures.append(_Figure("killed", m.value, qualifier, m.vague, qstart, m.last, None))
                    taken.update(range(qstart, m.last))
                continue
            if s.low[after[1] - 1] == "condition" and (
                    (qstart > 0 and s.low[qstart - 1] == "with") or s.low[m.last:m.last + 2] in (["of", "them"], ["of", "whom"])):
                taken.update(range(qstart, m.last))
                continue  # "ten were injured, with three in a serious condition", "four of them in ...": a part
            figures.append(_Figure(after[0], m.value, qualifier, m.vague, qstart, m.last,
                                   after[2] or (group[1] if group else None), among=after[3]))
            taken.update(_of_group_tokens(s, m.last))
        taken.update(range(qstart, m.last))
    figures += _single_victims(s, taken)
    # "Dozens of people are killed ..., including 31 people killed": the stated part is the figure
    parts = {f.role for f in figures if not f.vague and _part_of_vague(s, f.first)}
    figures = [f for f in figures if not (f.vague and f.role in parts)]
    return sorted(figures, key=lambda f: f.first)


_ELLIPTIC_NOUNS = frozenset(("others", "more"))


def _elliptic_role(s: _Sentence, qstart: int, j: int, figures: list[_Figure]) -> str | None:
    """The role of a count that leaves its verb out: "Three civilians were killed in Donetsk and two
    others in Kherson" (killed). The count follows "and" or a comma, "others" or "more" follows it,
    then a place phrase or the clause's end, and a figure of the sentence before it has the role."""
    if qstart == 0 or s.low[qstart - 1] not in ("and", ",") or j >= len(s.low):
        return None
    p = j + 2 if s.low[j + 1:j + 2] == ["the"] else j + 1
    if s.low[j] in ("in", "at", "near") and p < len(s.low) and s.tokens[p].text[:1].isupper():
        # "kill at least seven people in Kharkiv and three in Zaporizhzhia": the place stands for "others"
        k = p
        while k < len(s.low) and (s.tokens[k].text[:1].isupper() or s.low[k] in ("region", "oblast")):
            k += 1
        if k < len(s.low) and s.low[k] not in _PUNCT_STOP and s.low[k] not in ("and", "while", "but"):
            return None  # "and 12 in Odesa lost power": a clause of its own
        earlier = [f for f in figures if f.last <= qstart]
        return earlier[-1].role if earlier and "in" in s.low[earlier[-1].last:earlier[-1].last + 3] else None
    if s.low[j] not in _ELLIPTIC_NOUNS:
        return None
    nxt = s.low[j + 1] if j + 1 < len(s.low) else "."
    if nxt not in ("in", "at", "near", "on", "across") and nxt not in _PUNCT_STOP:
        return None
    earlier = [f for f in figures if f.last <= qstart]
    return earlier[-1].role if earlier else None


def _part_of_vague(s: _Sentence, first: int) -> bool:
    """'Dozens of people are killed in strikes across Ukraine, including 31 people killed in
    Ternopil': the count after "including" is part of a vague one ("dozens"), so it is the only
    exact figure of its role and counts."""
    k = next((k for k in range(max(0, first - 2), first) if s.low[k] in _SUBSET_MARKERS), None)
    if k is None:
        return False
    before = [m for m in s.numbers if m.kind == "count" and m.last <= k]
    return bool(before) and before[-1].vague


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


def _typed_figure(text: str, span: tuple[int, int], clause: tuple[int, int], kind: str, values: list) -> dict:
    """``figure_type``, ``figure_cue`` and ``aggregate`` (every type but 'event') of one event's
    figures (rules: ``helpers.figure_types``)."""
    figure_type, cue = classify_figure(text, span, clause, kind, values)
    return {"figure_type": figure_type, "figure_cue": cue, "aggregate": figure_type != "event"}


def _cue_hits(s: _Sentence) -> list[tuple[int, int, dict]]:
    """Cue matches of ``event_cues.csv`` in a sentence: ``(first token, length, row)``. The cues
    that tell a total from one strike are ``helpers.figure_types``' own table."""
    return tables().cues.find_all(s.low)


def _cues(s: _Sentence) -> set[str]:
    return {row["kind"] for _, _, row in _cue_hits(s)}


def _clause_stop(s: _Sentence, k: int) -> int:
    """The first token from ``k`` on that ends a figure's clause (a stop, "while", "but"), else the end."""
    return next((j for j in range(k, len(s.low)) if s.low[j] in _PUNCT_STOP or s.low[j] in ("while", "but")), len(s.low))


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
        # "two people are killed in Russian drone strikes across Ukraine, including in Dnipro,
        # Kharkiv ...": a scope phrase later in the clause whose towns are listed as its parts
        stop = _clause_stop(s, last)
        for a, n, row in t.scope.find_all(s.low[last:stop]):
            a += last
            tail = s.low[a + n:a + n + 2]
            if (tail[:1] == ["including"] or tail == [",", "including"]) and not _places.find_places(
                    s.text[s.tokens[last - 1].end:s.tokens[a].start]):
                hit = (row, n)
                break
    if hit is None:
        earlier = [h for h in t.scope.find_all(s.low[:first]) if s.tokens[h[0]].start >= clause_start]
        if earlier:
            a, n, row = earlier[-1]
            stop = _clause_stop(s, last)
            between = s.text[s.tokens[a + n - 1].end:s.tokens[first].start]
            after = s.text[s.tokens[last - 1].end:s.tokens[stop - 1].end] if stop > last else ""
            within = s.text[s.tokens[first].start:s.tokens[last - 1].end]  # "killing two in Chernivtsi, injuring 20"
            if not _places.find_places(between) and not _places.find_places(after) and not _places.find_places(within):
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
        breaks = [k for k in range(a, b) if s.low[k] in (",", ";", "while", "whereas", "but", "and")]
        bounds.append(s.tokens[breaks[-1] if breaks else a].start)
    return bounds


_VERB_ROLE = {"killed": "killed", "killing": "killed", "died": "killed", "injured": "injured", "injuring": "injured",
              "wounded": "injured", "wounding": "injured", "hurt": "injured"}


_PRONOUNS = frozenset(("him", "her"))


_SUBJECT_PRONOUNS = frozenset(("he", "she"))


_BE_AUX = frozenset(("was", "were", "is", "has", "had", "been"))  # before a named victim's passive verb


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


def _surname_before(s: _Sentence, a: int, prev_text: str | None) -> int | None:
    """The token of a surname alone right before token ``a`` whose full name the sentence before
    gave ("... led by Lieutenant Colonel Roman Kamenev. Kamenev was shot dead"), else None."""
    b = a - 1
    if b < 0 or not prev_text or not _is_name_token(s, b) or (b > 0 and _is_name_token(s, b - 1)):
        return None
    prev = _parse(prev_text)
    word = s.low[b]
    return b if any(prev.low[k] == word and _is_name_token(prev, k - 1) for k in range(1, len(prev.low))) else None


def _named_victims(s: _Sentence, figures: list[_Figure], prev_text: str | None = None) -> list[_Figure]:
    """Named people and pronouns as victims (ANNOTATION.md: each named person counts one): "a blast
    killed Olena Koval, a paramedic" (1), "Petro Marchenko, 50, was killed" (1), "a bomb hit his
    house and killed him" (1), a surname alone whose full name the sentence before gave ("Kamenev
    was shot dead", :func:`_surname_before`; not with "died"). Only where the sentence states no count of that role
    already."""
    stated = {f.role for f in figures}
    out = []
    for k, w in enumerate(s.low):
        role = _VERB_ROLE.get(w)
        if w == "dead" and s.low[k - 1:k] == ["shot"] and k >= 2 and s.low[k - 2] in ("was", "were", "been"):
            role = "killed"  # "Roman Kamenev was shot dead": read from "shot" as from "killed"
            k -= 1
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
        a = k
        while a > 0 and (s.low[a - 1] in _BE_AUX or s.low[a - 1] in ("also", "later", "reportedly")):
            a -= 1  # "Lt. Gen. Yaroslav Moskalik was also killed"
        if w != "died" and not any(x in _BE_AUX for x in s.low[a:k]):
            continue
        if w == "died":
            a = k
            while a > 0 and s.low[a - 1] in ("also", "later", "reportedly"):
                a -= 1  # "he later died in hospital"
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
        elif w != "died" and (start := _surname_before(s, a, prev_text)) is not None:
            # "died" alone is an obituary's word as often as a war's: a surname needs "killed"/"wounded"
            out.append(_Figure(role, 1.0, None, False, start, k + 1, who="people"))
            stated.add(role)
    return out


_JOINED = (("alongside",), ("along", "with"), ("together", "with"))
_JOIN_REACH = 6  # tokens from the casualty verb to "along with"


def _joined_victims(s: _Sentence, figures: list[_Figure]) -> list[_Figure]:
    """One victim and those who died with them: "Mr Zakrzewski, 55, was killed alongside Oleksandra
    Kuvshynova" (2), "she died during the shelling along with her grandfather" (2). A single victim
    whose clause goes on, within ``_JOIN_REACH`` tokens and no comma or clause break, to
    "alongside", "along with" or "together with" and a name, or "his/her/their/a/the" and a
    singular victim noun, counts them too."""
    out = []
    vt = tables().victims
    for f in figures:
        if f.value != 1 or f.vague or f.role not in ("killed", "injured"):
            out.append(f)
            continue
        added = 0
        for k in range(f.last, min(len(s.low), f.last + _JOIN_REACH)):
            if s.low[k] in _PUNCT_STOP or s.low[k] in (",", "while", "but", "and", "as"):
                break
            join = next((j for j in _JOINED if tuple(s.low[k:k + len(j)]) == j), None)
            if join is None:
                continue
            q = k + len(join)
            # the name may follow its description: "alongside Ukrainian freelance journalist Oleksandra Kuvshynova"
            names = next((_names_at(s, r) for r in range(q, min(len(s.low), q + 4))
                          if _names_at(s, r) and all(w.isalpha() for w in s.low[q:r])), None)
            if names:
                added = names[0]
            elif q + 1 < len(s.low) and (s.low[q] in _SINGLE_DETERMINERS or s.low[q] == "the"):
                victim = vt.match_at(s.low, q + 1) or (vt.match_at(s.low, q + 2) if q + 2 < len(s.low) else None)
                if victim and victim[0]["number"] == "singular" and victim[0]["who"]:
                    added = 1
            break
        out.append(replace(f, value=f.value + added) if added else f)
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
    if "no" not in s.low and "nobody" not in s.low and "without" not in s.low and "not" not in s.low:
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


_AMONG_REACH = 3   # sentences back (this one's included) a toll that "among the dead" is part of may stand
SCENE_REACH = 6    # sentences back the place of a toll that names none may be named


def _places_named(text: str) -> bool:
    return _places is not None and bool(_places.find_places(text))


def _scene_place(earlier: tuple[str, ...]) -> dict | None:
    """The place of the nearest earlier sentence that names any, when it names one place only
    (the country a city lies in aside: "a barrage at Kyiv ... to exhaust Ukraine's air defences")."""
    if _places is None:
        return None
    for text in earlier:
        found = _places.find_places(text)
        if found:
            names = {f["location"] for f in found}
            below = [f for f in found if f["kind"] != "country"]
            here = _places.locate(text)
            if len(names) == 1 or len({f["location"] for f in below}) == 1:
                return here
            if here and below and all(_places.nests(text, f, here) for f in below):
                return here  # "the Saltivka district of Kharkiv", "Nikopol in the Dnipropetrovsk region": one place
            return None
    return None


def _elsewhere(s: _Sentence, event: list[_Figure], f: _Figure) -> bool:
    """Whether figure ``f`` is told of another place than the event before it, after a clause
    break: "Twelve people were wounded in Lviv, while in the east two people died in Dnipropetrovsk"
    is two events, not one of 2 killed and 12 injured."""
    between = s.low[event[-1].last:f.first]
    if not any(w in _PUNCT_STOP or w in ("while", "whereas", "and") for w in between):
        return False
    stop = _clause_stop(s, f.last)
    here = _locate(s.text, s.tokens[event[0].first].start, s.tokens[f.first].start)
    there = _locate(s.text, s.tokens[f.first].start, s.tokens[stop - 1].end)
    return bool(here and there and here.get("location") != there.get("location")
                and _places.find_places(s.text[s.tokens[f.first].start:s.tokens[stop - 1].end]))


def _casualty_events(s: _Sentence, prev_text: str | None, earlier: tuple[str, ...] = ()) -> list[dict]:
    """The casualty events of sentence ``s``; ``prev_text`` is the sentence before (it lends its
    place and weapon), ``earlier`` the ones before that, nearest first: the first two may hold
    the toll that a group "among the dead" is part of, and the nearest that names places lends
    its place when it names only one ("... in our city of Kramatorsk. At the usual train station.
    ... At least 30 dead.")."""
    t = tables()
    if not t.casualty_re.search(s.text.lower()):
        return []
    figures = _casualty_figures(s)
    figures += _named_victims(s, figures, prev_text)
    figures = _joined_victims(s, figures)
    figures += _revised_to(s, figures)
    figures = sorted(figures + _zero_figures(s, figures), key=lambda f: f.first)
    if any(f.among for f in figures):
        # "8 dead. At least 18 wounded. Ordinary peaceful people. Among those killed was a baby girl."
        for before in (prev_text, *earlier[:_AMONG_REACH - 1]):
            figures = _drop_among_parts(figures, before)
    if not figures:
        return []
    non = t.noncasualty.find_all(s.low)
    if non and not _found_at_a_site(s):
        # a cue counts for the figures of its own feed item, when that item names no weapon
        # ("cholera killed 7 people in Yemen • Two people were killed in a drone strike on Kharkiv")
        items = _feed_items(s.low)
        armed = {items[first] for first, _, _ in s.weapons}
        dropped = {items[k] for k, _, _ in non} - armed
        figures = [f for f in figures if items[f.first] not in dropped]
        if not figures:
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
    groups = _group(figures, fits=lambda ev, f: not _elsewhere(s, ev, f))
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
        if place is None and prev is not None and not _places_named(prev.text):
            place = _scene_place(earlier)
        killed = next((f for f in group if f.role == "killed"), None)
        injured = next((f for f in group if f.role == "injured"), None)
        who = next((f.who for f in group if f.who), None)
        start, end = s.span(first, last)
        # "killed seven and injured 64; he later raised the toll to seven dead and 66 wounded": a
        # revision cue before the figures (after the previous event's) restates an earlier toll
        prior_end = max(f.last for f in groups[gi - 1]) if gi else 0
        revision_cues = [a for a, _, row in cue_hits if row["kind"] in ("update", "revision") and prior_end <= a < first]
        # "In a briefing before the death toll rose, she said: '49 people who were killed'": the
        # figure is the one the toll rose from, so a later or earlier statement of it stands
        outdated = bool(revision_cues) and all("before" in s.low[max(0, a - 2):a] for a in revision_cues)
        revises = (bool(revision_cues) and not outdated) or any(f.update for f in group)
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
            "_outdated": outdated,
        })
    return events


_REVISION_REACH = 2  # sentences back that a revised toll may restate


_ADDS = re.compile(r"\b(?:another|also|more|further|second|third|other|others|separately|elsewhere|later|too|as well|"
                   r"additional|again|same day|meanwhile|earlier)\b")


_RESTATE_REACH = 3  # sentences back that a restated toll may stand


def _place_rank(ev: dict, other: dict) -> int | None:
    """How ``ev``'s place compares with ``other``'s: 1 more specific (a city in the region the
    other names, or a place where the other has none), 0 the same, -1 less specific, None apart."""
    a, b = ev["location"], other["location"]
    if a == b:
        return 0
    if not b:
        return 1
    if not a:
        return -1
    if ev.get("admin1") and ev["admin1"] == b:
        return 1  # "Beryslav" within "Kherson Oblast"
    if other.get("admin1") and other["admin1"] == a:
        return -1
    return None


def _restate(earlier: list[dict], ev: dict, low: str, start: int = 0) -> None:
    """A toll the text states again ("One person was killed in an air attack on the Kherson region
    ... 'a 42-year-old man was fatally wounded' in Beryslav, the governor said") is one claim: the
    same killed and injured, within ``_RESTATE_REACH`` sentences, in the same place, an unplaced
    one or one within the other, in a sentence with no word that adds ("another", "also",
    "elsewhere"). The less specific row is marked superseded (the later one when they are alike).
    So is a feed item's headline glued to its lead in one sentence ("Seven Ukrainians wounded in
    Luhansk: Governor Four civilians and three police officers have been wounded overnight"): the
    same toll of the same type before and after a colon; ``start`` is the sentence's offset in the
    article, as in the rows' ``char_start``."""
    for prior in reversed(earlier):
        if ev["sentence_idx"] - prior["sentence_idx"] > _RESTATE_REACH:
            return
        if prior.get("superseded") or (prior["killed"], prior["injured"]) != (ev["killed"], ev["injured"]):
            continue
        if prior["sentence_idx"] == ev["sentence_idx"]:
            between = ev["sentence"][prior["char_end"] - start:ev["char_start"] - start]
            if prior["figure_type"] != ev["figure_type"] or ":" not in between:
                continue
        elif prior["figure_type"] != "event" or ev["figure_type"] != "event" or _ADDS.search(low):
            continue
        rank = _place_rank(ev, prior)
        if rank is None:
            continue
        if rank > 0:
            prior["superseded"] = True
        else:
            ev["superseded"] = True
        return


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
