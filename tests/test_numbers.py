"""Number words, digits and vague counts -> values, with exact expectations."""

import pytest

from helpers.numbers import as_int, find_numbers, parse_digits, parse_number_words, qualifier_before, tokenize


def values(sentence):
    return [(m.text, m.value, m.vague, m.kind) for m in find_numbers(tokenize(sentence), sentence)]


@pytest.mark.parametrize("text, value", [
    ("10,000", 10000.0), ("1,234,567", 1234567.0), ("2,6", 2.6), ("11,5", 11.5), ("76.2", 76.2), ("138", 138.0),
])
def test_parse_digits_reads_thousands_and_decimal_commas(text, value):
    assert parse_digits(text) == value


def test_parse_digits_rejects_non_numbers():
    assert parse_digits("155th") is None
    assert parse_digits("62-year-old") is None


@pytest.mark.parametrize("words, value", [
    (["eight"], 8), (["twenty-one"], 21), (["thirty", "five"], 35), (["one", "hundred", "and", "twenty"], 120),
    (["two", "dozen"], 24), (["a", "dozen"], 12), (["two", "thousand", "five", "hundred"], 2500),
])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


def test_number_words_and_vague_counts_follow_the_acled_rule():
    assert values("twenty-one people, two dozen, dozens of civilians, tens of thousands, hundreds of homes") == [
        ("twenty-one", 21.0, False, "count"),
        ("two dozen", 24.0, False, "count"),
        ("dozens", 12.0, True, "count"),
        ("tens of thousands", 10000.0, True, "count"),
        ("hundreds", 100.0, True, "count"),
    ]


def test_years_percentages_dates_and_ages_are_not_counts():
    got = values("In 2022 inflation was 26.6 percent; on April 14 a 62-year-old man, 155th brigade, World War II, 40%")
    assert got == [("2022", 2022.0, False, "year"), ("26.6", 26.6, False, "percent"),
                   ("14", 14.0, False, "date"), ("40", 40.0, False, "percent")]


def test_money_scales_multiply():
    assert values("$411 billion and $1.5bn") == [("411 billion", 411e9, False, "count"), ("1.5bn", 1.5e9, False, "count")]


def test_bare_scale_words_and_no_are_not_counts():
    assert values("a few hundred meters; no casualties; thousand") == []


def test_qualifier_before_takes_the_longest_phrase():
    toks = tokenize("no fewer than 12 people, at least eight, up to 40, about 100, 7 injured")
    nums = find_numbers(toks)
    assert [qualifier_before(toks, m.first)[0] for m in nums] == ["at least", "at least", "up to", "about", None]


def test_a_hedge_after_a_count_belongs_to_it():
    toks = tokenize("Another 13,000 or more were hurt; 40 or so drones; one or two missiles")
    nums = find_numbers(toks)
    assert [(m.value, m.qualifier, toks[m.last - 1].text) for m in nums] == [
        (13000, "at least", "more"), (40, "about", "so"), (1, None, "one"), (2, None, "two")]


def test_as_int_keeps_decimals():
    assert as_int(8.0) == 8 and isinstance(as_int(8.0), int)
    assert as_int(2.6) == 2.6
    assert as_int(None) is None


def test_a_range_counts_its_upper_bound_and_years_stay_years():
    from helpers.numbers import find_numbers, tokenize

    text = "NATO estimates 7,000-15,000 Russian servicemen were killed in the 2022-2023 winter."
    counts = [(m.value, m.kind) for m in find_numbers(tokenize(text), text)]
    assert (15000.0, "count") in counts and not any(v == 2023.0 and k == "count" for v, k in counts)


def test_a_trailing_ellipsis_character_is_a_token_of_its_own():
    from helpers.numbers import tokenize

    toks = tokenize("intercept a Tochka-U missile… with a Stinger")
    assert [t.text for t in toks][3:6] == ["missile", "…", "with"]
    assert all("intercept a Tochka-U missile… with a Stinger"[t.start:t.end] == t.text for t in toks)


def test_the_standard_library_tokenizer_gives_nltks_spans():
    """numbers._WordTokenizer compiles nltk's patterns with ``re`` instead of nltk's guarded
    ``regex``, and skips a pattern whose characters a text lacks: on the seed article, the gold
    sentences and texts holding each character a pattern needs (quotes, brackets, dashes,
    contractions, ellipses) its spans are nltk's own."""
    from pathlib import Path

    from nltk.tokenize import NLTKWordTokenizer

    from helpers.evaluate import read_jsonl
    from helpers.ingest import split_sentences
    from helpers.numbers import _tokenizer

    root = Path(__file__).resolve().parents[1]
    seed = (root / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt").read_text("utf-8")
    texts = [s for _, _, s in split_sentences(seed)] + [g["text"] for g in read_jsonl(root / "tests/data/gold.jsonl")]
    texts += ['He said: "We won\'t stop" -- (again) [sic] {x} <y> ... isn\'t it? \'Yes\'', "«Kyiv» „holds” ‘now’"]
    # every character and word a skipped pattern needs: contractions, dashes, symbols, quotes
    texts += ["I cannot go -- gimme 5; it's #1 & 50% @ $3 \u2014 \"gonna\" wanna stop?! 'Tis more'n d'ye *bold*",
              "``tex'' {a} <b> [c] (d) GOTTA Lemme 'twas 2\u20133, 7\u2012 x\u2015y: a,b 1,000 end...", "Done.'\""]
    ours, theirs = _tokenizer(), NLTKWordTokenizer()
    assert type(ours) is not NLTKWordTokenizer
    assert len(texts) > 100
    for text in texts:
        assert list(ours.span_tokenize(text)) == list(theirs.span_tokenize(text)), text


def test_the_one_pass_reading_of_plain_text_gives_nltks_spans():
    """A text with no quote, double dash or contraction is read by one regular expression
    (numbers._PLAIN_TOKEN) instead of nltk's 33 substitutions: its spans must be nltk's own, on
    every case the substitutions treat apart, and a text that is not plain takes nltk's path."""
    from nltk.tokenize import NLTKWordTokenizer

    from helpers.numbers import _is_plain, _tokenizer

    texts = [
        "Air defence downed 16 of 21 drones over Kyiv.",  # the final period
        "Russia fired 1,000 drones, 10:30 a.m., at 3.5 km: U.S. says.",  # commas, colons, inner periods
        "It hit Kharkiv (again).", "It hit [Kharkiv].)  ", "Kyiv.\n)", "A strike.\u201d", "x.\u201c",
        "Wait... then 5 more..", "Drones\u2014and missiles\u2013were \u2012 fired\u2015today",
        "#Ukraine: 90% of $3 & 50 @ x; why?! *bold* <b> {c}", "\u00abKyiv\u00bb \u201eholds\u201d \u2018now\u2019 and it\u2019s",
        "a,b c:d 5,x x,5 ,start end,", "one\u00a0two\tthree\nfour", ".", "", "The U.S.", "Ends with 5.",
        "Trailing space and period . ", "\U0001f534 12 civilians were killed\u2026 today",
    ]
    ours, theirs = _tokenizer(), NLTKWordTokenizer()
    assert all(_is_plain(t) for t in texts)
    for text in texts:
        assert list(ours.span_tokenize(text)) == list(theirs.span_tokenize(text)), text
    for text in ['He said "no".', "Ukraine's army", "a -- b", "1,,2", "we cannot", "Gonna go"]:
        assert not _is_plain(text)
        assert list(ours.span_tokenize(text)) == list(theirs.span_tokenize(text)), text


def test_a_world_war_named_in_words_is_a_name_not_a_count():
    assert values("A man who survived World War Two and two others")[0][3] == "name"
    assert [v[3] for v in values("World War 2 and 2 drones")] == ["name", "count"]
    from helpers.extract import extract_events
    ev = extract_events("A man who survived the Holocaust during World War Two has been killed in an attack on Kharkiv.")
    assert [(e["killed"], e["location"]) for e in ev] == [(1, "Kharkiv")]


def test_skipping_words_no_count_starts_at_loses_no_count(monkeypatch):
    # the same text read with the skip disabled (every word a possible start) gives the same counts
    import helpers.numbers as numbers

    text = ("Twenty-one drones, a dozen missiles and 7,000-15,000 servicemen; tens of thousands fled, "
            "over 93 000 soldiers, 1.5 million people, 300m dollars, an additional 40 and one hundred "
            "and twenty shells; no casualties in 2022, on March 5 100 drones, 80% of them, World War Two.")
    tokens = tokenize(text)
    skipped = find_numbers(tokens, text)
    monkeypatch.setattr(numbers, "_count_starts", lambda: frozenset(t.lower for t in tokens))
    assert find_numbers(tokens, text) == skipped
    assert [(m.value, m.kind) for m in skipped if m.kind == "count"] == [
        (21.0, "count"), (12.0, "count"), (15000.0, "count"), (10000.0, "count"), (93000.0, "count"),
        (1500000.0, "count"), (300000000.0, "count"), (40.0, "count"), (120.0, "count"), (100.0, "count")]


def test_a_tilde_before_a_count_is_a_token_of_its_own():
    assert [t.text for t in tokenize("~300 people, ≈40 drones, a~b")] == ["~", "300", "people", ",", "≈", "40", "drones", ",", "a~b"]
