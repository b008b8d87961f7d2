"""Figure types: is a figure one strike's, or a total of another kind?

Input: the sentence a figure was read from, the character span of its figures, the span of its
clause, its kind (casualty or interception) and its counts. Output: ``(figure_type, cue)``,
where figure_type is one of ``FIGURE_TYPES`` (``../shared/ANNOTATION.md``'s table) and cue is
the words that decided it (None for a plain event).

The cues are data: ``resources/figure_type_cues.csv``, one regular expression a row with its
type, its rank, the kinds it applies to, the smallest count it applies to, its reach ("clause":
anywhere in the figures' clause; "phrase": with no comma between it and the figures, as for
"if" and "could kill"), and an example.
The rules:
- every cue found in the figure's clause counts; the one of lowest rank wins (historical 1,
  estimate 2, other 3, cumulative 4, period 5, the UN's "has verified" 6): "since the start of
  the war, officials estimate 13,000 killed" is an estimate, "OHCHR recorded 174 civilians
  killed in May" a period total;
- a cumulative or period cue that closes a comparison states no total ("the biggest attack on the
  grid since the war began", "the third strike this week"): a superlative or an ordinal before it
  in its clause, with no count or punctuation between, silences it;
- a historical cue after words that tell a person's past ("a man who survived World War Two
  was killed", "a veteran of the Afghan war") dates the person, not the figure;
- a historical cue after the figures and a "than" ("16,000 Russians have died in Ukraine, more
  than in the Soviets' Afghan war") names what the figure is compared with, not its era;
- a sentence that names its night ("overnight", "last night") counts that night: "overnight, the
  fifth attack this month" is one event;
- a toll of 100 or more "have been killed" in a sentence that names no attack, weapon or night is
  a running total (cue "(running total)"): "Ukraine says more than 200 civilians have been killed";
  so is a launch count of 100 or more in the present perfect ("has fired more than 210 Kh-22
  missiles on Ukraine") in a sentence that names no attack, night or day;
- so are senior officers' dead ("four generals, 58 colonels and 176 lieutenant colonels") when
  no attack, night or day is named (cue "(running total of senior officers)");
- and children's dead from ``CHILD_TOLL_MIN`` (50), with no attack or night named ("97 children
  were killed as of this morning"; cue "(running total of children)");
- no single strike of this war has killed or injured 1,000 people, and no single night has seen
  1,000 drones and missiles launched: a figure that large without a cue is a cumulative
  (casualties) or period (launches) total, cue "(size)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.numbers import read_resource_csv

FIGURE_TYPES = ("event", "period", "cumulative", "estimate", "historical", "other")
EVENT_SIZE_LIMIT = 1000  # killed + injured, or launched, that no one strike or night has reached

# "Ukraine says more than 200 civilians have been killed": a toll of 100 or more in the present
# perfect, in a sentence that names no attack, strike or night, is a running total
RUNNING_TOLL_MIN = 100
_PERFECT_TOLL = re.compile(r"\b(?:have|has|had) (?:been|now been) (?:killed|wounded|injured)\b|\b(?:have|has|had) died\b")
# "The Russian military has fired more than 210 Kh-22 missiles on Ukraine": so is a launch count of
# 100 or more in the present perfect, in a sentence that names no attack, night or day
_PERFECT_LAUNCH = re.compile(r"\b(?:have|has|had) (?:now |already |so far )?(?:fired|launched|used)\b")
_ONE_ATTACK = re.compile(r"\b(?:attacks?|barrages?|strikes?|waves?|assaults?|salvos?|volleys?|onslaught)\b")
# "28 journalists were killed in Ukraine, including seven foreigners": with no attack, night or day
# named, a profession's dead in the whole country are counted over the war, not in one strike
_PROFESSION_TOLL = re.compile(
    r"\b(?:journalists|media workers|media professionals|reporters|aid workers|humanitarian workers|medics|"
    r"paramedics|rescuers|emergency workers|health workers|healthcare workers|athletes|teachers|priests)\b"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:were|have been|had been|are|have) (?:killed|died)\b[^.;]*?\bin (?:ukraine|russia)\b")
# "the death of four Russian generals, 58 colonels and 176 lieutenant colonels were confirmed": senior
# officers' dead, with no attack, night or day named, are a tally over the war, as a profession's are
_RANK_TOLL = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+"
                        r"(?:russian\s+|ukrainian\s+)?(?:generals|colonels|lieutenant colonels)\b")
# "97 children were killed as of this morning", "Now - 220 children killed!": no one strike of
# this war has killed 50 children, so children's dead that many, with no attack or night named,
# are counted over the war
_GROUP_TOLLS = ((_PROFESSION_TOLL, "(running total of a profession)"),
                (_RANK_TOLL, "(running total of senior officers)"))
CHILD_TOLL_MIN = 50
_CHILD_TOLL = re.compile(r"\b(\d[\d,]*)\s+(?:(?:ukrainian|russian|more|other)\s+)?children\b")
_DAY_NAMED = re.compile(r"\b(?:today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"morning|evening|afternoon)\b")
_ATTACK_WORDS = re.compile(r"\b(?:strikes?|attacks?|shelling|shelled|bomb\w*|missiles?|drones?|rockets?|explosions?|"
                           r"blasts?|raids?|airstrikes?|hit|struck|fire|debris|collapse\w*|rubble)\b")
_SILENCED_RANKS = (4, 5)  # cumulative and period cues can close a comparison
_COMPARISON = re.compile(
    r"\b(?:biggest|largest|deadliest|heaviest|bloodiest|worst|greatest|highest|strongest|fiercest|"
    r"longest|most|record|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|another|"
    r"latest|only|last)\b")
_COMPARISON_REACH = 90  # characters from a superlative to the cue it qualifies
# "in a seven-hour attack last week, killing two": one attack dated by the period, not a period's total
_ONE_ATTACK_BEFORE = re.compile(r"\b(?:a|an|one|the|that|this)\b(?:\s+[\w'’-]+){0,3}?\s+"
                                r"(?:attack|strike|airstrike|raid|assault|bombardment|barrage)\s+(?:just\s+|only\s+)?$")
# the words after "than" name what a figure is compared with: a historical cue there dates the
# comparison, not the figure
_COMPARED_WITH = re.compile(r"\bthan\b(?:\s+[\w'’]+){0,4}\s+$")
# "a man who survived World War Two", "a veteran of the Afghan war": the era is a person's past,
# told in a relative clause or a noun before the cue, not the era of the figure
_DESCRIBES_PERSON = re.compile(r"\b(?:who|which) (?:had )?(?:survived|lived through|fought in|served in|remembered)\b|"
                               r"\b(?:veterans?|survivors?) of\b")
_PERSON_REACH = 60  # characters from those words to the historical cue
_NIGHT = re.compile(r"\b(?:overnight|last night|during the night|on the night|at night|tonight|in the night)\b")


@dataclass(frozen=True)
class _Cue:
    regex: re.Pattern
    figure_type: str
    rank: int
    applies: str
    min_value: float
    phrase: bool  # the cue must stand in the figures' own phrase (no comma or semicolon between)


@lru_cache(maxsize=1)
def cues() -> tuple[_Cue, ...]:
    """The rows of ``figure_type_cues.csv``, compiled; a bad row is named."""
    out = []
    for n, row in enumerate(read_resource_csv("figure_type_cues.csv"), start=2):
        if row["figure_type"] not in FIGURE_TYPES or row["applies"] not in ("both", "casualty", "interception"):
            raise ValueError(f"helpers/resources/figure_type_cues.csv line {n}: unknown figure_type or applies")
        try:
            regex = re.compile(row["pattern"])
        except re.error as err:
            raise ValueError(f"helpers/resources/figure_type_cues.csv line {n}: bad pattern ({err})") from None
        out.append(_Cue(regex, row["figure_type"], int(row["rank"]), row["applies"], float(row["min_value"] or 0),
                        row.get("reach") == "phrase"))
    return tuple(out)


# a reporting verb right before "last month", "earlier this week": the cue dates the statement, not the figures
_SAID_BEFORE = re.compile(r"\b(?:said|says|reported|reports|announced|stated|confirmed|wrote)\s+$")


def _closes_comparison(low: str, clause_start: int, cue_start: int) -> bool:
    window_start = max(clause_start, cue_start - _COMPARISON_REACH)
    for m in _COMPARISON.finditer(low, window_start, cue_start):
        between = low[m.end():cue_start]
        if not re.search(r"[\d,;:()]", between):
            return True
    return False


def classify(sentence: str, span: tuple[int, int], clause: tuple[int, int], kind: str,
             values: list[float | None]) -> tuple[str, str | None]:
    """``(figure_type, cue)`` of the figures at ``span`` (character offsets in ``sentence``) in the
    clause ``clause``; ``kind`` is "casualty" or "interception"; ``values`` their counts."""
    low = sentence.lower()
    a, b = max(0, min(clause[0], span[0])), max(clause[1], span[1])
    counts = [v for v in values if v is not None]
    largest = max(counts, default=0)
    night = _NIGHT.search(low, a, b) is not None
    best: tuple[int, str, str] | None = None
    for cue in cues():
        if cue.applies not in ("both", kind) or largest < cue.min_value:
            continue
        if best is not None and cue.rank >= best[0]:
            continue
        for m in cue.regex.finditer(low, a, b):
            if cue.rank in _SILENCED_RANKS and (night and cue.figure_type == "period"
                                                or _closes_comparison(low, a, m.start())):
                continue
            if cue.figure_type == "period" and _ONE_ATTACK_BEFORE.search(low[max(a, m.start() - 60):m.start()]):
                continue
            if cue.figure_type == "period" and low.startswith(("last ", "earlier "), m.start()) \
                    and _SAID_BEFORE.search(low, max(0, m.start() - 20), m.start()):
                continue  # "the UN said last month that at least 8,000 ... had been killed": when it was said
            if cue.figure_type == "historical" and m.start() >= span[1] and _COMPARED_WITH.search(low[max(a, m.start() - 40):m.start()]):
                continue  # "16,000 Russians who have died in Ukraine, more than in the Soviets' Afghan war"
            if cue.figure_type == "historical" and _DESCRIBES_PERSON.search(low[max(a, m.start() - _PERSON_REACH):m.start()]):
                continue  # "a man who survived the Holocaust during World War Two has been killed": his past
            if cue.phrase and re.search(r"[,;:]", low[min(m.end(), span[0]):max(m.start(), span[1])]):
                continue  # "if Russian forces chose to attack, like the strike that killed seven": not hypothetical
            best = (cue.rank, cue.figure_type, sentence[m.start():m.end()])
            break
    if best is not None:
        return best[1], best[2]
    size = sum(counts) if kind == "casualty" else largest
    # a running total names no attack, strike or night of its own
    no_attack = kind == "casualty" and not _ATTACK_WORDS.search(low) and not _NIGHT.search(low)
    if no_attack and size >= RUNNING_TOLL_MIN and _PERFECT_TOLL.search(low, a, b):
        return "cumulative", "(running total)"
    # the verb before the count: "120 of the 150 drones Russia had launched" are one night's
    if kind == "interception" and size >= RUNNING_TOLL_MIN and _PERFECT_LAUNCH.search(low, a, max(a, span[0])) \
            and not (_ONE_ATTACK.search(low) or _NIGHT.search(low) or _DAY_NAMED.search(low)):
        return "cumulative", "(running total)"
    if no_attack and not _DAY_NAMED.search(low):
        for regex, cue in _GROUP_TOLLS:
            if regex.search(low, a, b):
                return "cumulative", cue
    if no_attack and any(int(m.group(1).replace(",", "")) >= CHILD_TOLL_MIN for m in _CHILD_TOLL.finditer(low, a, b)):
        return "cumulative", "(running total of children)"
    if size >= EVENT_SIZE_LIMIT:
        return ("cumulative" if kind == "casualty" else "period"), "(size)"
    return "event", None
