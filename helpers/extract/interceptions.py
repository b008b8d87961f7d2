"""Interceptions: the role of each count in one sentence (launched, intercepted, lost to
electronic warfare, none) and its events, completed by the sentence before where the text says so.

Stages, in order: counts with a verb before or after them, 'N of M' pairs, lists that share a
verb, single weapons ('shot down a cruise missile'), 'all'/'none of them'; then one event per
weapon class, with its claimant, region and figure type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from helpers.numbers import NumberMention, as_int, number_words, qualifier_before
from helpers.extract.patterns import (
    _AUX, _BARE_FOLLOWERS, _DASHES, _DESCRIBING, _INTERCEPT_FORWARD_SKIP, _NOT_MODIFIERS, _PUNCT_STOP, _QUOTES,
    _Sentence, _TIME_UNITS, _feed_items, _is_count_word, _is_subset, _skip_back, _weapon_near, tables,
)
from helpers.extract.casualties import _cue_hits, _cues, _group, _locate, _typed_figure


_WEAPON_ADJECTIVES = frozenset("hypersonic ballistic cruise guided aeroballistic anti-ship anti-aircraft sea-based "
                               "air-launched ground-launched attack strike kamikaze jet-powered".split())


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
    if j < len(s.low) and s.low[j] in _WEAPON_ADJECTIVES:
        # "40 hypersonic, ballistic, and cruise missiles": a list of kinds before one noun
        k = j
        while k < min(len(s.low), j + 8) and (s.low[k] in _WEAPON_ADJECTIVES or s.low[k] in (",", "and", "or")):
            k += 1
        hit = wt.match_at(s.low, k) if k > j + 1 and s.low[k - 1] in _WEAPON_ADJECTIVES else None
        if hit is None and k > j + 1:
            hit = wt.match_at(s.low, k - 1)  # "... and cruise missiles": the last kind starts the noun
            k -= 1
        if hit and any(w in (",", "and", "or") for w in s.low[j:k]):
            return hit[0], k + hit[1]
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
                elif s.low[end:end + 2] in _AIR_DEFENCE and wt.match_at(s.low, end + 2):
                    end += 2 + wt.match_at(s.low, end + 2)[1]  # "a Ukrainian S-300 air defence missile"
                elif end + 2 < len(s.low) and s.low[end] in ("and", "or") and s.low[end + 1].isalpha() \
                        and not s.low[end + 1][0].isdigit() and wt.match_at(s.low, end + 2) \
                        and _same_class(hit[0], wt.match_at(s.low, end + 2)[0]):
                    end += 2 + wt.match_at(s.low, end + 2)[1]  # "Shahed-type and decoy drones"
                else:
                    break
            if end < len(s.low) and s.low[end] in _STRIKE_NOUNS:
                end += 1  # "launched 40 missile strikes and 16 drones": the list goes on after the noun
            if _equipment_follows(s.low, end):
                return None  # "destroyed four S-300 air defense missile systems": launchers, not missiles
            return hit[0], end
        if s.low[k] in ("and", "or") and k > j and k + 2 < len(s.low) and _is_count_word(s.low[k + 1]):
            # "five Russian combat and nine reconnaissance drones": the head noun is shared
            shared = _weapon_after(s, k + 2, limit=3)
            return (shared[0], k) if shared else None
        if s.low[k] in _PUNCT_STOP or s.low[k] in _NOUN_PHRASE_ENDS or s.low[k] in _TIME_UNITS or s.low[k][0].isdigit():
            return None
    return None


# words that end the noun phrase of a count: "a family of six died when a missile hit": no missiles counted
_NOUN_PHRASE_ENDS = frozenset("and or which that who when while after before because until where".split())


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


_ASIDE_REACH = 16  # tokens an "including ..." list may run


def _aside_end(s: _Sentence, k: int) -> int:
    """The token after an "including ..." list that starts at ``k``: its closing comma passed, or
    the auxiliary or interception verb that ends it ("..., including three Kalibr and 33 Kh-101
    cruise missiles were shot down")."""
    t = tables()
    end = k
    while end < len(s.low) and end < k + _ASIDE_REACH and s.low[end] not in _AUX and s.low[end] not in (",", ";", ".") \
            and not t.intercept.match_at(s.low, end, lambda r: r["position"] == "after"):
        end += 1
    return end + 1 if end < len(s.low) and s.low[end] == "," else end


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
            # "52 drones used by Russians" describes them, "a missile was also reportedly used" states it
            used_alone = s.low[k] == "used" and not any(w in _VERB_AUX for w in s.low[max(0, k - 3):k])
            if participle is None and hit[1] == 1 and (s.low[k] in ("launched", "fired") or used_alone):
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
        if s.low[k] in _DASHES and s.low[k] in s.low[k + 1:k + 2 + _ASIDE_MAX]:
            end = s.low.index(s.low[k], k + 1) + 1
            if not any(w in (".", ";", "?", "!") for w in s.low[k:end]):
                k, limit = end, limit + end - k  # "All 16 drones - of which seven were aimed at Kyiv - were destroyed"
                continue
        if s.low[k] == "including" or (s.low[k] == "," and s.low[k + 1:k + 2] == ["including"]):
            end = _aside_end(s, k + (1 if s.low[k] == "including" else 2))
            k, limit = end, limit + end - k  # "36 targets, including three Kalibr and 33 Kh-101, were shot down"
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


_ATTACK_NOUNS = frozenset("attack attacks barrage barrages wave waves assault onslaught".split())


def _intercept_role_before(s: _Sentence, a: int) -> str | None:
    """Role from a verb just before token ``a``; "attacked Kyiv overnight with 50 drones": a verb
    ending in "with"/"using" may have a short object (words only) between it and the count."""
    inter = tables().intercept
    before = lambda r: r["position"] == "before"  # noqa: E731
    j = _skip_back(s.low, a)
    hit = inter.match_ending_at(s.low, j, before)
    if hit:
        return hit[0]["role"]
    if j > 1 and s.low[j - 1] == ":" and any(w in _ATTACK_NOUNS for w in s.low[max(0, j - 5):j - 1]):
        return "launched"  # "hit by two waves of attacks overnight: a total of 15 drones, and 8 Kalibr missiles"
    if j < 2 or s.low[j - 1] not in ("with", "using"):
        return None
    w = j - 1
    for g in range(1, _OBJECT_GAP + 1):
        k = w - g
        if k < 1 or not s.low[k].replace("-", "").replace("'", "").isalpha() or s.low[k] == "or":
            return None  # "attacked Kyiv and Kharkiv with 50 drones": "and" may join the objects
        probe = s.low[max(0, k - inter.maxlen):k] + [s.low[w]]
        hit = inter.match_ending_at(probe, len(probe), before)
        if hit and hit[1] >= 2:  # a verb (or "massive attack") and its "with": "attacked ... with"
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


_STRIKE_NOUNS = frozenset(("strike", "strikes", "launches"))


def _equipment_follows(low: list[str], end: int) -> bool:
    """Whether the words right after a weapon name end in equipment ("S-300 air defense missile
    systems", "Patriot launchers"): up to four modifiers, no punctuation, preposition or verb
    between ("30 missiles at energy systems" are missiles)."""
    for k in range(end, min(len(low), end + 4)):
        if low[k] in _EQUIPMENT_NOUNS:
            return True
        if not low[k].replace("-", "").isalpha() or low[k] in _NOT_EQUIPMENT_MODIFIERS:
            return False
    return False


_AIR_DEFENCE = (["air", "defence"], ["air", "defense"])


_NOT_EQUIPMENT_MODIFIERS = _NOT_MODIFIERS | frozenset(
    "over toward towards into against for near across were was are is had have has that which".split())


_EQUIPMENT_NOUNS = frozenset("system systems launcher launchers battery batteries complex complexes "
                             "carrier carriers depot depots warehouse warehouses stocks".split())


_INTERCEPTABLE = frozenset(("drone", "cruise missile", "ballistic missile", "missile", "guided bomb", "mixed"))


_COORDINATION = (("and",), (",",), (",", "and"), ("and", "also"), (",", "and", "also"), ("as", "well", "as"), ("plus",))


_CONTINUATION = (("along", "with"), ("together", "with"), ("as", "well", "as"), ("plus",), ("in", "addition", "to"),
                 ("alongside",), ("then",))  # "launched 40 missiles, then 500 drones"


_ASIDE_MAX = 15


def _adds_to_tally(low: list[str], first: int) -> bool:
    """Whether the count at token ``first`` is added to the sentence's tally: "adding another 23",
    "added a further 12"."""
    for lead in (["another"], ["a", "further"]):
        j = first - len(lead)
        if j >= 1 and low[j:first] == lead and low[j - 1] in ("adding", "added"):
            return True
    return False


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
    if gap[:1] == ("(",) and ")" in gap[:6]:
        gap = gap[gap.index(")") + 1:]  # "one unmanned aerial vehicle (UAV), and four cruise missiles"
    elif gap[:1] in (("–",), ("—",), ("--",)) and gap[0] in gap[1:10]:
        gap = gap[gap.index(gap[0], 1) + 1:]  # "500 drones – a large number of Shaheds – as well as 40 missiles"
    if gap in _COORDINATION:
        return True
    # "launched 1,100 drones against Ukraine, more than 890 guided bombs and 50 missiles": a short
    # place phrase before the comma does not end the list
    if 3 <= len(gap) <= 5 and gap[0] in _LIST_PREPOSITIONS and gap[-1] == "," \
            and all(w.replace("'", "").isalpha() for w in gap[1:-1]) and not tables().intercept.find_all(list(gap)):
        return True
    # "shot down 3 fighter bombers, five cruise missiles, an attack helicopter and three tactical
    # drones": one item with "a"/"an" (an aircraft, no count of weapons) between two of the list
    item = gap[:-2] + ("and",) if gap[-2:] == (",", "and") else gap
    if 4 <= len(item) <= 7 and item[0] == "," and item[1] in ("a", "an") and item[-1] in ("and", ",") \
            and all(w.replace("-", "").isalpha() for w in item[2:-1]) \
            and tables().weapons.match_ending_at(list(item), len(item) - 1) is not None:
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


_SUPERLATIVES = frozenset("largest biggest heaviest most deadliest worst fiercest greatest strongest longest "
                          "massive major".split())


def _one_of_the_most(s: _Sentence, m: NumberMention) -> bool:
    """"Russia launches one of its largest attacks", "a Kinzhal missile, one of Russia's most
    modern weapons": "one of" a superlative (after a possessive) counts no weapon."""
    return m.value == 1 and s.low[m.last:m.last + 1] == ["of"] and any(
        w in _SUPERLATIVES for w in s.low[m.last + 1:m.last + 5])


_PASSIVE_REACH = 16  # tokens from a weapon to the passive verb of its clause
_VERB_AUX = frozenset(("were", "was", "had", "have", "has", "been"))  # before a passive or perfect verb


def _distant_passive(s: _Sentence, j: int, nums: list[NumberMention]) -> str | None:
    """The interception role of a passive verb later in the clause of the weapons ending at token
    ``j``, when nothing between starts another count or clause: "Eighteen out of 18 missiles
    apparently aimed at US-made Patriot air defence systems were knocked out". Launches are not
    read this far: only "intercepted" and "not_reached"."""
    starts = {m.first for m in nums}
    inter = tables().intercept
    for k in range(j, min(len(s.low), j + _PASSIVE_REACH)):
        w = s.low[k]
        if k in starts or w in _PUNCT_STOP or w in ("while", "but", "whereas", "and", "which", "that", "who"):
            return None
        if w in _VERB_AUX:
            hit = inter.match_at(s.low, k, lambda r: r["position"] == "after") \
                or inter.match_at(s.low, k + 1, lambda r: r["position"] == "after")
            if hit and hit[0]["role"] in ("intercepted", "not_reached"):
                return hit[0]["role"]
            return None
    return None


def _interception_figures(s: _Sentence, air_defence: bool = False, prev_events: Sequence[dict] = ()) -> list[_IFig]:
    """Launched / intercepted / not-reached counts of one sentence, in reading order.

    Roles come from a verb before the count, a verb after it, an "N of M" pair, or from the
    count it is coordinated with ("launched 408 drones and 40 missiles").
    """
    # "all but 16 were shot down": the 16 are the ones not shot down, a count only implied
    nums = [m for m in s.numbers if m.kind == "count" and not m.vague and not _is_subset(s, m.first)
            and not _one_of_the_most(s, m) and s.low[max(0, m.first - 2):m.first] != ["all", "but"]]
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
        # "shooting down 42 drones out of 50": the weapon between the pair's counts, none after
        split_pair = nxt is not None and own is not None and not own[0].get("generic") \
            and s.low[own[1]:nxt.first] in _OUT_OF and _weapon_after(s, nxt.last) is None
        if nxt and (gap in _PAIR_GAPS or split_pair):
            w2 = own if split_pair else _weapon_after(s, nxt.last) or _generic_target(s, nxt.last, True)  # "40 of 50 targets"
            role = _intercept_role_before(s, qstart)
            if role is None:
                role = _inherited_role(s, cands, lead)  # "destroyed 34 of the 43 missiles and 20 of 27 drones"
            if role is None:
                # "59 of 78 missiles and 54 of 106 drones were shot down": the verb after the whole list
                role = (_intercept_role_after(s, _pair_list_end(s, nums, idx, w2[1] if w2 else nxt.last)) or (None,))[0]
            if role is None:
                role = _distant_passive(s, w2[1] if w2 else nxt.last, nums)
            if role in ("intercepted", "not_reached"):
                weapon = (w2 or own or (None,))[0]
                cands.append({"role": role, "value": m.value, "first": qstart, "lead": lead,
                              "last": w2[1] if w2 else nxt.last, "weapon": weapon, "all_of": False,
                              "extra": [("launched", nxt.value)], "bare_ok": True, "breakdown": False})
                skip_next = True
                continue
            if (role is None or role == "launched") and not split_pair:
                # "one of the two missiles launched struck a building": the one is a part of the
                # two, no launch count of its own (the two are read next)
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
        if role is None and own and not own[0].get("generic"):
            role = _distant_passive(s, own[1], nums)
            subject = subject or role is not None
        nxt_tok = s.low[m.last] if m.last < len(s.low) else "."
        cands.append({"role": role, "value": m.value, "first": qstart, "lead": lead,
                      "last": own[1] if own else m.last, "weapon": own[0] if own else None,
                      "all_of": all_of, "extra": [], "bare_ok": own is not None or subject or nxt_tok in _BARE_FOLLOWERS,
                      "breakdown": breakdown, "relative": relative})
    cands += _singular_candidates(s, cands)
    cands += _none_launched(s, cands)  # after the singular ones: their spans are taken too
    cands.sort(key=lambda c: c["first"])
    for c in cands:
        # "involving 91 long-range drones that were intercepted": the launch count, all intercepted
        if c["role"] == "launched" and not c["extra"] and c["last"] < len(s.low) and s.low[c["last"]] in ("that", "which"):
            rel = _intercept_role_after(s, c["last"] + 1, limit=4)
            if rel and rel[0] == "intercepted" and not rel[2]:
                c["extra"].append(("intercepted", c["value"]))
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
        if c["role"] is None and out and _adds_to_tally(s.low, c["first"]):
            # "89 drones were shot down over eight regions, ... later adding another 23": one tally of 112
            out[0].value += c["value"]
            out[0].last = max(out[0].last, c["last"])  # the span holds both counts
            continue
        if c["role"] is None or not c["bare_ok"]:
            continue  # "deployed 150,000 troops", "destroyed 12 tanks": not an interception
        if c["breakdown"] and i + 1 < len(cands) and cands[i + 1]["role"] == c["role"]:
            continue  # the total of a breakdown: its parts are the events, kept both would count twice
        if s.low[max(0, c["first"] - 2):c["first"]] == [",", "with"] and s.low[c["last"]:c["last"] + 1] != ["more"] and any(
                o["role"] == c["role"] and o["value"] > c["value"] for o in cands[:i]):
            continue  # "destroyed 40 drones ..., with 15 destroyed over neighbouring regions": a part
        if c["role"] == "all_hit":
            if not c["all_of"]:
                continue  # "27 hit their targets" is a share of an attack, not its launch count
            # "all three Iskander-M missiles reached their targets": none was intercepted
            c = {**c, "role": "launched", "all_of": False, "extra": [("intercepted", 0.0)]}
        if c["weapon"] is not None and c["weapon"]["weapon_class"] not in _INTERCEPTABLE:
            continue  # "fired 120 artillery shells" is shelling, not an air attack
        out.append(_IFig(c["role"], c["value"], c["first"], c["last"], c["weapon"], c["all_of"], c["extra"]))
    out += _all_intercepted(s, out, prev_events)
    return sorted(out, key=lambda f: f.first)


_SINGLE_FOLLOWERS = frozenset(
    "was were is has had that which over near above in on at targeting heading aimed launched fired from "
    "but as toward towards into by overnight during against across with to last amid being".split()) | _PUNCT_STOP


_SINGLE_MODIFIERS = 3  # "a Russian missile", "a hypersonic Oreshnik missile", "a Ukrainian S-300 surface-to-air missile"


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
        # quotation marks round a name ("a Russian “Forpost” drone") are no modifiers of their own
        reach = _SINGLE_MODIFIERS + sum(w in _QUOTES for w in s.low[max(0, first - 2 - _SINGLE_MODIFIERS):first])
        det = next((d for d in range(first - 1, max(-1, first - 2 - reach), -1)
                    if s.low[d] in ("a", "an")), None)
        if det is None and first > 0 and s.low[first - 1] == "the" and any(
                o["value"] == 1.0 and o["role"] in (None, "launched") and _same_class(o["weapon"], row) for o in out):
            det = first - 1  # "launched 23 drones and a cruise missile ... destroyed the missile": that one
        bare = None
        if det is None and not s.low[end - 1].endswith("s"):
            # a headline drops the article: "Russia says air defense shot down Ukrainian drone over Belgorod"
            for q in range(first, max(-1, first - 1 - reach), -1):
                if q < first and not s.low[q].replace("-", "").isalpha() and s.low[q] not in _QUOTES:
                    break
                if tables().intercept.match_ending_at(
                        s.low, q, lambda r: r["position"] == "before" and r["role"] == "intercepted"):
                    bare, det = q, q - 1
                    break
        mods = s.low[det + 1:first] if det is not None else []
        # "did not stop a single ballistic missile": none of them
        value = 0.0 if "single" in mods and any(w in ("not", "n't", "no", "never") for w in s.low[max(0, det - 4):det]) \
            else 1.0
        mods = [w for w in mods if w != "single" and w not in _QUOTES]
        if det is None or not all((w.isalpha() or "-" in w) and w not in _NOT_MODIFIERS and w not in _GROUP_NOUNS
                                  for w in mods):
            continue
        head = end
        while head < len(s.low):  # the weapon words run on: "a drone and missile attack", "an X-59 missile"
            if wt.match_at(s.low, head):
                head += wt.match_at(s.low, head)[1]
            elif s.low[head] in ("and", "or", "/") and head + 1 < len(s.low) and wt.match_at(s.low, head + 1):
                head += 1
            elif s.low[head:head + 2] in _AIR_DEFENCE and wt.match_at(s.low, head + 2):
                head += 2  # "a Ukrainian S-300 air defence missile"
            else:
                break
        nxt = s.low[head] if head < len(s.low) else "."
        if nxt not in _SINGLE_FOLLOWERS and nxt not in ("and", "or"):
            continue
        extra = []
        role = "intercepted" if bare is not None else _intercept_role_before(s, det)
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
        # the most specific name: "an X-59 missile" is a Kh-59, "a Shahed drone" a Shahed, "a
        # hypersonic Kh-47 “Kinzhal” missile" a Kinzhal
        named = [w for f, _, w in s.weapons if det < f < head and w["weapon"] != w["weapon_class"] and _same_class(w, row)]
        weapon = named[-1] if named and row["weapon"] == row["weapon_class"] else row
        if value == 0.0 and role is None:
            role = _intercept_role_before(s, max(0, det - 1))  # "did not stop a single": over "not"
        out.append({"role": role, "value": value, "first": det, "lead": det, "last": head, "weapon": weapon,
                    "all_of": False, "extra": extra, "bare_ok": True, "breakdown": False, "relative": False})
        taken.append((det, head))
    return out


_NONE_LAUNCHED = frozenset("launched fired detected recorded used observed".split())


def _none_launched(s: _Sentence, cands: list[dict]) -> list[dict]:
    """An explicit zero launch per weapon named after "no": "no Russian missiles or drones had been
    detected in Ukrainian airspace" is 0 missiles and 0 drones launched (a truce held)."""
    out = []
    taken = [(c["first"], c["last"]) for c in cands]
    starts = {w[0]: w for w in s.weapons}
    for k, w in enumerate(s.low):
        if w != "no" or any(a <= k < b for a, b in taken):
            continue
        p = k + 1
        while p < len(s.low) and p < k + 3 and p not in starts and s.low[p].isalpha():
            p += 1  # "no Russian missiles", "no enemy drones"
        named = []
        while p in starts:
            first, n, row = starts[p]
            if row["weapon_class"] in _INTERCEPTABLE:
                named.append((first, first + n, row))
            p = first + n
            if p < len(s.low) and s.low[p] in ("or", "and", ",") and p + 1 in starts:
                p += 1
        q = p
        while q < len(s.low) and s.low[q] in _AUX:
            q += 1
        if named and q > p and q < len(s.low) and s.low[q] in _NONE_LAUNCHED:
            out += [{"role": "launched", "value": 0.0, "first": a, "lead": a, "last": b, "weapon": row,
                     "all_of": False, "extra": [], "bare_ok": True, "breakdown": False, "relative": False}
                    for a, b, row in named]
    return out


_OUT_OF = (["out", "of"], ["out", "of", "the"])
_PAIR_GAPS = (["of"], ["of", "the"], *_OUT_OF)


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


def _all_intercepted(s: _Sentence, figs: list[_IFig], prev_events: Sequence[dict] = ()) -> list[_IFig]:
    """'..., and all of them were destroyed': intercepted = the launch count just before (in this
    sentence, else an open launch count of the sentence before: "Russia sent 2 Kh-59 missiles ...
    The Ukrainians shot down both missiles and 18 drones")."""
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
        elif w == "both":
            before = [e for e in prev_events if e["launched"] is not None and e["intercepted"] is None
                      and _same_class(e, hit[0])]
            if len(before) == 1 and before[0]["launched"] == 2:
                out.append(_IFig("intercepted", 2.0, k, hit[1], hit[0]))
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


_NONE_BEFORE = re.compile(r"\s*(?:none|neither) of (?:which|them|these|those)\b")


def _all_of_the_ones_before(s: _Sentence, prev_events: list[dict]) -> None:
    """A sentence that counts nothing but says all of them were stopped completes the launch
    counts of the sentence before: "Russia attacked Kyiv with 35 Shahed drones. All the drones ...
    were shot down" (35 of 35); "destroyed everything" after a list completes each of its weapons.
    Only events with a launch count and no interception count are completed, in place."""
    low = s.text.lower()
    if not prev_events or not _ALL_BEFORE_VERB.search(low):
        return
    open_events = [e for e in prev_events if e["launched"] is not None and e["intercepted"] is None]
    # "... six Kinzhal missiles. None of which were shot down." (a sentence cut at a stop): none of them
    none = _NONE_BEFORE.match(low) is not None
    if not none:
        m = _ALL_BEFORE.search(low)
        if m is None:
            return
        if m.group("what"):
            hit = tables().weapons.match_at([m.group("what") + "s"], 0) or tables().weapons.match_at([m.group("what")], 0)
            if hit is None:
                return
            open_events = [e for e in open_events if _same_class(e, hit[0])]
    for ev in open_events:
        ev["intercepted"] = 0 if none else ev["launched"]
        _finish_interception(ev)


def _side(claimant: str | None) -> str | None:
    """Which side a claimant speaks for ('Russian Ministry of Defence' -> 'russia'), None when unnamed."""
    if not claimant:
        return None
    low = claimant.lower()
    return "russia" if low.startswith("russia") else "ukraine" if low.startswith("ukrain") else None


def _same_side(a: str | None, b: str | None) -> bool:
    return _side(a) is None or _side(b) is None or _side(a) == _side(b)


# "89 drones were shot down across eight regions", "the ministry initially reported 89": a smaller
# count over the whole country, or an earlier tally, is another claim, not a share of the one before
_WHOLE_OR_EARLIER = re.compile(r"\b(?:across|over) (?:the )?(?:\w+ )?(?:regions|oblasts|provinces|the country)\b|\bnationwide\b|"
                               r"\b(?:initially|earlier|previously|first) (?:said|reported|claimed|stated|announced)\b")


def _not_interception_applies(s: _Sentence) -> bool:
    """Whether a delivery or production cue ("to send", "delivered") shares its item with an
    interception verb: in "shot down 10 Iranian-made drones over Kyiv ... • Exclusive: US
    finalizing plans to send Patriot missile defense system" a feed's bullet parts two headlines,
    and the cue of one says nothing of the other."""
    items = _feed_items(s.low)
    cue_items = {items[k] for k, _, row in _cue_hits(s) if row["kind"] == "not_interception"}
    verb_items = {items[k] for k, _, _ in tables().intercept.find_all(s.low)}
    return bool(cue_items & verb_items) or not verb_items


def _interception_events(s: _Sentence, prev_events: list[dict]) -> list[dict]:
    """Events of one sentence; counts that complete ``prev_events`` (the sentence before) are merged
    into those events in place instead."""
    t = tables()
    low_text = s.text.lower()
    if not t.intercept_re.search(low_text):
        return []
    cues = _cues(s)
    if "not_interception" in cues and _not_interception_applies(s):
        return []  # "the US delivered 500 missiles": deliveries and production are not attacks
    figs = _interception_figures(s, "air_defence" in cues, prev_events)
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
    completed_here: list[dict] = []  # events of the sentence before that this sentence completed
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
        # "Russia's defence ministry said separately ... 41 Ukrainian drones": the other side's claim is
        # an event of its own, never a completion or a regional share of the bulletin before
        prev_events = [e for e in prev_events if _same_side(e.get("claimant"), claimant)]
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
        if target is not None and any(target is e for e in completed_here):
            # "destroyed four cruise missiles, five drones, and two Kh-59 guided missiles": a second
            # count of a class this sentence has already given is another type, not a share
            target = None
        if target is not None and values["intercepted"] is not None and target["intercepted"] is not None \
                and values["intercepted"] < target["intercepted"] and not _WHOLE_OR_EARLIER.search(low_text):
            continue  # "11 drones were shot down over the Belgorod region": a share of the total before
        if target is not None:
            if all(target[r] is None for r, v in values.items() if v is not None):
                for r, v in values.items():
                    if v is not None:
                        target[r] = as_int(v)
                _finish_interception(target)
                completed_here.append(target)
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
