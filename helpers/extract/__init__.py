"""Extract: casualty, interception and economic-figure events from sentences, with provenance.

The package follows a figure's journey; each module is one stage, readable top to bottom:

- ``helpers.numbers``: the candidates, every number in a sentence with its value and span
  ("eight", "two dozen", "10,000"; years, dates, percentages and decimals are no counts);
- ``patterns``: the pattern tables of ``helpers/resources/`` (data, not code) and the parsed
  sentence every rule reads;
- ``casualties`` and ``interceptions``: the role of each count (killed, injured; launched,
  intercepted, lost to electronic warfare; or none) and the events of one sentence;
- ``records``: linking across the sentences of one article (the sentence before lends place,
  weapon and launch counts; a later revision supersedes a toll; a national total absorbs the
  regional part before it) and the tables;
- ``helpers.figure_types``: each event's figure type (one strike, or a total of another kind);
- ``economic``: money amounts; ``totals``: row-level summaries.

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
  Whether a toll is one strike's or a total ("since the start of the full-scale invasion", "over
  the past day", "officials estimate") is its ``figure_type`` (``helpers.figure_types``), and
  ``aggregate`` is every type but ``event``. Sentences about repatriated bodies, mass
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
  war-long launch totals are typed as such by ``helpers.figure_types`` ("300 drones ... were used
  against Ukraine over the past week" is a period total) unless the sentence names the night. A generic count of "targets"
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

from helpers.extract.patterns import (
    CASUALTY_COLUMNS, INTERCEPTION_COLUMNS, ECONOMIC_COLUMNS, DATE_COLUMNS, PhraseTable, tables,
)
from helpers.extract.records import (
    extract_casualties, extract_interceptions, extract_economic_figures, extract_events,
    sentences_from_text,
)
from helpers.extract.totals import (
    NO_PLACE, REPORTED_TOTALS, FIGURE_KINDS, figure_kind, incident_keys, casualty_totals,
    claim_keys, interception_totals,
)

__all__ = [
    "CASUALTY_COLUMNS",
    "INTERCEPTION_COLUMNS",
    "ECONOMIC_COLUMNS",
    "DATE_COLUMNS",
    "PhraseTable",
    "tables",
    "extract_casualties",
    "extract_interceptions",
    "extract_economic_figures",
    "extract_events",
    "sentences_from_text",
    "NO_PLACE",
    "REPORTED_TOTALS",
    "FIGURE_KINDS",
    "figure_kind",
    "incident_keys",
    "casualty_totals",
    "claim_keys",
    "interception_totals",
]
