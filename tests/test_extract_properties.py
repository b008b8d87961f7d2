"""Property tests (hypothesis) of the extractor: whatever the text, it never raises, every span
lies inside its sentence and holds the figure, counts are non-negative whole numbers, an
interception never claims more intercepted than launched without a flag, a rate lies in [0, 1],
and the same input gives the same output.

Inputs: arbitrary Unicode, word salad over the extractor's own vocabulary, and mutations
(tokens dropped, repeated, swapped, inserted; case changed; numbers replaced) of real-shaped
sentences written here. Runs are derandomised so CI sees the same examples every time.
"""

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers.extract import extract_casualties, extract_events, extract_interceptions, sentences_from_text
from helpers.numbers import find_numbers, tokenize

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
COUNTS = ("killed", "injured", "launched", "intercepted", "not_reached")

# Real-shaped sentences (written for these tests, in wire, Air Force and ISW styles).
SENTENCES = [
    "A Russian missile strike on a hospital in Kharkiv killed at least 7 people and injured 31 others, the governor said.",
    "Overnight, Russia launched 45 Shahed drones and 3 Iskander-M missiles; air defences shot down 38 of the drones.",
    "Three civilians were killed and 12 wounded when artillery hit the centre of Kherson on Monday morning.",
    "Air defence forces destroyed 16 of 21 Shahed suicide drones during Wednesday night, the military said.",
    "The death toll from the strike on the apartment block in Dnipro rose to 46, including six children.",
    "A 54-year-old woman was injured by shelling in Nikopol, regional governor Serhiy Lysak reported.",
    "Ukraine's air force said it had downed all 15 cruise missiles fired at Kyiv and 11 drones were lost to electronic warfare.",
    "Dozens of people were wounded in the attack on Odesa, and two dock workers died in hospital.",
    "Of the 93 missiles launched, 81 were intercepted, while 27 of them hit energy facilities across the country.",
    "Russian forces fired 60 drones at Ukraine over the past week, of which 52 were destroyed, officials said.",
]
NUMBERS = ["0", "1", "2", "3", "12", "16", "21", "99", "100", "1,000", "10000", "-4", "one", "two",
           "three", "nine", "dozens", "hundreds", "a", "no", "all", "both", "half", "twenty-one", "10-12"]
VOCAB = ["killed", "injured", "wounded", "dead", "died", "people", "civilians", "children", "soldiers",
         "drones", "Shahed", "missiles", "Kalibr", "shot", "down", "destroyed", "intercepted", "launched",
         "of", "and", "the", "were", "was", "at", "least", "about", "more", "than", "in", "Kyiv", "Kharkiv",
         "overnight", "on", "Monday", "toll", "rose", "to", "including", "which", "them", "all", "targets",
         "lost", "electronic", "warfare", ",", ".", ";", ":", "(", ")", '"', "—", "-", "\n", "$", "billion"]


@st.composite
def mutated_sentence(draw):
    """A real-shaped sentence with a few random edits."""
    words = draw(st.sampled_from(SENTENCES)).split(" ")
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["drop", "repeat", "swap", "insert", "number", "case", "glue"]))
        i = draw(st.integers(0, len(words) - 1))
        if op == "drop" and len(words) > 1:
            del words[i]
        elif op == "repeat":
            words.insert(i, words[i])
        elif op == "swap" and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        elif op == "insert":
            words.insert(i, draw(st.sampled_from(VOCAB + NUMBERS)))
        elif op == "number":
            words[i] = draw(st.sampled_from(NUMBERS) | st.integers(0, 10**7).map(str))
        elif op == "case":
            words[i] = words[i].upper() if draw(st.booleans()) else words[i].lower()
        elif op == "glue" and i + 1 < len(words):
            words[i:i + 2] = [words[i] + words[i + 1]]
    return " ".join(words)


word_salad = st.lists(st.sampled_from(VOCAB + NUMBERS), min_size=1, max_size=40).map(" ".join)
any_text = st.text(max_size=300)
# A few sentences at once, so the previous-sentence rules ("A following sentence ...") run too.
# Decimal fractions ("0.5 people") are left to their own test below, which fails today: the
# extractor reads "About 0.5 people were killed." as 0.5 killed (reported to the lead).
_DECIMAL = re.compile(r"\d\.\d")
texts = st.one_of(
    any_text,
    word_salad,
    mutated_sentence(),
    st.lists(st.one_of(mutated_sentence(), word_salad), min_size=2, max_size=4).map(" ".join),
).filter(lambda t: not _DECIMAL.search(t))

_NEGATION = re.compile(r"\b(?:no|none|nobody|zero|not|neither|without)\b|(?<![\d.,])0(?![\d.,])", re.I)
# Words that count one victim or more without a numeral ("a man", "his wife", "a couple", "both").
_SINGLES = re.compile(r"\b(?:a|an|one|another|his|her|their|the|its|couple|both|all|family|pair)\b", re.I)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    from helpers.ingest import split_sentences

    return [(a, b) for a, b, _ in split_sentences(text)]


def _holds_figure(span: str, value: int) -> bool:
    """The span states ``value``: as a number in it, as a sum of its numbers and single-victim
    words ("a mother and her two children" = 3), or, for 0, with a negation ("no one was hurt")."""
    if value == 0:
        return bool(_NEGATION.search(span))
    numbers = [m.value for m in find_numbers(tokenize(span), span)]
    if value in numbers:
        return True
    return 0 < value <= sum(numbers) + 2 * len(_SINGLES.findall(span))


def check_events(text: str, events: list[dict]) -> None:
    bounds = _sentence_bounds(text)
    for ev in events:
        a, b = bounds[ev["sentence_idx"]]
        assert a <= ev["char_start"] < ev["char_end"] <= b, (ev, (a, b))
        assert text[a:b] == ev["sentence"]
        span = text[ev["char_start"]:ev["char_end"]]
        for key in COUNTS:
            value = ev.get(key)
            if value is None:
                continue
            assert isinstance(value, int) and not isinstance(value, bool) and value >= 0, (key, value, ev)
            if key != "not_reached":
                assert _holds_figure(span, value), (key, value, span, ev)
        if ev["kind"] == "interception":
            launched, intercepted = ev["launched"], ev["intercepted"]
            if launched is not None and intercepted is not None and intercepted > launched:
                assert ev["flag"], ev
            if ev["rate"] is not None:
                assert 0.0 <= ev["rate"] <= 1.0 and not ev["flag"], ev


@PROPERTY
@given(texts, st.sampled_from([None, "2023-03-22", "2026-01", "2026"]))
def test_extract_events_never_breaks_and_keeps_its_promises(text, date):
    events = extract_events(text, date)
    check_events(text, events)
    assert extract_events(text, date) == events  # deterministic


def _rows_inside(text: str, table: pd.DataFrame, sentences: pd.DataFrame) -> None:
    starts = dict(zip(sentences["sentence_idx"], zip(sentences["start"], sentences["end"])))
    for row in table.itertuples(index=False):
        a, b = starts[row.sentence_idx]
        assert a <= row.char_start < row.char_end <= b, (row, a, b)
        assert text[a:b] == row.sentence


@settings(PROPERTY, max_examples=50)  # four table extractions per example: the slow one
@given(texts)
def test_casualty_and_interception_tables_hold_their_figures(text):
    sentences = sentences_from_text(text)
    articles = pd.DataFrame({"article_id": ["input"], "date": ["2023-03-22"]})
    casualties = extract_casualties(sentences, articles)
    interceptions = extract_interceptions(sentences, articles)
    _rows_inside(text, casualties, sentences)
    _rows_inside(text, interceptions, sentences)
    for table, keys in ((casualties, ("killed", "injured")), (interceptions, ("launched", "intercepted", "not_reached"))):
        for key in keys:
            assert str(table[key].dtype) == "Int64"
            assert (table[key].dropna() >= 0).all(), table[key]
    both = interceptions.dropna(subset=["launched", "intercepted"])
    over = both[both["intercepted"] > both["launched"]]
    assert over["flag"].notna().all(), over
    rates = interceptions["rate"].dropna()
    assert ((rates >= 0) & (rates <= 1)).all(), rates
    pd.testing.assert_frame_equal(extract_casualties(sentences, articles), casualties)
    pd.testing.assert_frame_equal(extract_interceptions(sentences, articles), interceptions)


FRACTIONS = st.tuples(st.integers(0, 99), st.integers(1, 9),
                      st.sampled_from(["people were killed", "civilians were injured", "killed"])
                      ).map(lambda t: f"About {t[0]}.{t[1]} {t[2]}.")


@PROPERTY
@example('0.1"KILLED')
@example("About 0.5 people were killed.")
@given(FRACTIONS)
def test_a_decimal_fraction_is_never_a_count(text):
    check_events(text, extract_events(text))
    sentences = sentences_from_text(text)
    extract_casualties(sentences)  # no exception
    extract_interceptions(sentences)


def test_the_properties_can_fail():
    """The checker itself rejects a span outside its sentence, a negative or fractional count,
    a rate above 1 and an unflagged over-count (so the properties above are not vacuous)."""
    text = "Air defence shot down 16 of 21 drones."
    good = extract_events(text)
    check_events(text, good)
    for change in ({"char_end": len(text) + 5}, {"launched": -1}, {"launched": 21.5},
                   {"rate": 1.5}, {"intercepted": 30, "rate": None, "flag": None}, {"launched": 99}):
        bad = [{**good[0], **change}]
        try:
            check_events(text, bad)
        except AssertionError:
            continue
        raise AssertionError(f"check_events accepted {change}")
