"""helpers.sentiment: exact VADER scores on the seed, explanations that add up, the lexicon table."""

import math
from unittest import mock

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Reference

from helpers import sentiment as S


@pytest.fixture(scope="module")
def seed(seed_sentences):
    return seed_sentences[seed_sentences["article_id"] == "d80befd21902f2fe"].reset_index(drop=True)


@pytest.fixture(scope="module")
def reference():
    return Reference()


def captured_raw(text, lexicon=None):
    """The number VADER itself passes to its normalisation (captured, not recomputed)."""
    analyzer, pattern, _ = S._analyzer_for(lexicon)
    seen, original = [], type(analyzer.constants).normalize

    def spy(self, score, alpha=15):
        seen.append(score)
        return original(self, score, alpha)

    with mock.patch.object(type(analyzer.constants), "normalize", spy):
        analyzer.polarity_scores(S._join_phrases(text, pattern))
    return seen[0] if seen else 0.0


@pytest.mark.parametrize("idx, expected", [
    (2, -0.9528),   # "But, due to ... tenacious resistance ... worst ... combat ... assault"
    (8, 0.6858),    # "They may have gained ... but this has accomplished nothing."
    (9, -0.6705),   # "... shot down 16 of 21 Shahed suicide drones manufactured in Iran."
    (11, -0.8481),  # "At least eight people were killed, and seven were injured ..."
    (29, 0.6705),   # China's peace plan sentence
])
def test_seed_compound_equals_vadersentiment_reference(seed, reference, idx, expected):
    text = seed.loc[idx, "text"]
    ours = S.score_sentences(seed.iloc[[idx]])
    assert ours["compound"].iloc[0] == expected
    assert reference.polarity_scores(text)["compound"] == expected


def test_nltk_and_reference_disagree_on_three_seed_sentences(seed):
    cmp = S.compare_with_reference(seed)
    assert len(cmp) == 32
    assert int(cmp["agree"].sum()) == 29
    diff = cmp[~cmp["agree"]].set_index("sentence_idx")
    # nltk keeps 'powerless."', 'friend,"' and 'agree,"' glued to two punctuation marks and misses them.
    assert diff["compound_nltk"].to_dict() == {7: 0.0, 22: 0.7184, 25: 0.0}
    assert diff["compound_reference"].to_dict() == {7: -0.4939, 22: 0.8481, 25: 0.3612}


def test_score_table_columns_and_labels(seed):
    scores = S.score_sentences(seed)
    assert list(scores.columns) == ["article_id", "sentence_idx", "compound", "pos", "neu", "neg", "label"]
    assert scores["sentence_idx"].tolist() == list(range(32))
    assert scores.loc[9, ["compound", "pos", "neu", "neg", "label"]].tolist() == [-0.6705, 0.0, 0.862, 0.138, "negative"]
    assert scores["label"].value_counts().to_dict() == {"negative": 14, "positive": 10, "neutral": 8}


def test_labels_use_the_authors_thresholds():
    assert [S.label_for(x) for x in (0.05, 0.0499, 0.0, -0.0499, -0.05)] == [
        "positive", "neutral", "neutral", "neutral", "negative"]


def test_article_aggregates_come_from_sentences(seed):
    agg = S.article_sentiment(S.score_with_and_without(seed))
    row = agg.iloc[0]
    assert list(agg.columns) == S.ARTICLE_SENTIMENT_COLUMNS
    assert row["n_sentences"] == 32
    assert row["mean_compound"] == pytest.approx(-4.1696 / 32, abs=1e-12)
    assert row["share_negative"] == 14 / 32
    assert row["share_positive"] == 10 / 32
    assert (row["min_compound"], row["max_compound"]) == (-0.9528, 0.7184)


def test_explanation_sums_to_the_raw_score_vader_normalises(seed):
    for text in seed["text"]:
        for lexicon in (None, S.DEFAULT_LEXICON):
            expl = S.explain(text, lexicon=lexicon)
            assert sum(expl["valence"].tolist()) == captured_raw(text, lexicon), text


def test_explanation_of_the_interception_sentence(seed):
    expl = S.explain(seed.loc[9, "text"])
    assert expl[["token", "valence"]].values.tolist() == [["suicide", -3.5], [S.PUNCTUATION_ROW, 0.0]]
    assert round(S.normalize(S.raw_score(seed.loc[9, "text"])), 4) == -0.6705


def test_explanation_applies_but_negation_and_punctuation(seed):
    expl = S.explain(seed.loc[8, "text"])  # "... gained ..., but this has accomplished nothing."
    assert expl[["token", "lexicon_valence", "but_factor", "valence"]].values.tolist()[:2] == [
        ["gained", 1.6, 0.5, 0.8], ["accomplished", 1.9, 1.5, pytest.approx(2.85)]]
    neg = S.explain("It is not good.")
    assert neg.loc[0, "valence"] == pytest.approx(1.9 * -0.74)
    assert neg.loc[0, "rule"] == "negated by 'not'"
    bang = S.explain("Good!!")
    assert bang["valence"].tolist() == [1.9, pytest.approx(0.584)]
    assert sum(bang["valence"].tolist()) == captured_raw("Good!!")


def test_explanation_offsets_point_at_the_words(seed):
    text = seed.loc[7, "text"]
    expl = S.explain(text, only_scored=False)
    words = expl[expl["start"] >= 0]
    assert all(text[s:e] == t for s, e, t in zip(words["start"], words["end"], words["token"]))
    assert "<sup>+1.90</sup>" in S.highlight_html("Good!!", S.explain("Good!!"))


def test_war_lexicon_changes_only_its_terms_and_is_cited(seed):
    table = S.read_lexicon()
    assert table["source"].str.len().min() > 0
    assert S.vader_analyzer().lexicon["intelligence"] == 2.1  # the plain analyzer stays plain
    both = S.score_with_and_without(seed).set_index("sentence_idx")
    assert list(both.columns) == S.SENTIMENT_COLUMNS[:1] + S.SENTIMENT_COLUMNS[2:]
    assert both.loc[9, "compound_war"] == 0.0      # 'suicide drones' is a weapon name
    assert both.loc[3, "compound"] == 0.3612       # 'intelligence report' read as cleverness
    assert both.loc[3, "compound_war"] == -0.2732
    assert both.loc[19, "compound_war"] == 0.0     # 'gross domestic product'
    changed = both.index[both["compound"] != both["compound_war"]].tolist()
    assert changed == [2, 3, 9, 10, 15, 19, 21, 28]
    expl = S.explain(seed.loc[9, "text"], lexicon=S.DEFAULT_LEXICON)
    assert expl.loc[0, ["token", "valence", "source"]].tolist() == ["suicide drones", 0.0, "rule: weapon name"]


@pytest.mark.parametrize("row, message", [
    ("shelling,lots,VADER 'bomb',", "valence 'lots' of 'shelling' is not a number"),
    ("shelling,-2.2,,", "'shelling' has no source"),
    ("shelling,-9,VADER 'bomb',", "outside VADER's range"),
    (",-1,x,", "empty term"),
    ("injuries,-1.8,x,", "'injuries' already defined on line 2"),
])
def test_bad_lexicon_row_names_file_and_line(tmp_path, row, message):
    path = tmp_path / "lex.csv"
    path.write_text(f"term,valence,source,note\ninjuries,-1.8,VADER 'injury',\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        S.read_lexicon(path)
    assert f"{path}:3" in str(err.value) and message in str(err.value)


def test_lexicon_without_source_column_is_refused(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("term,valence\nshelling,-2.2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lex\.csv:1: header lacks column\(s\) \['source'\]"):
        S.read_lexicon(path)


def test_empty_input_gives_empty_tables():
    empty = pd.DataFrame(columns=["article_id", "sentence_idx", "start", "end", "text"])
    scores = S.score_with_and_without(empty)
    assert scores.empty and list(scores.columns) == S.SENTIMENT_COLUMNS
    agg = S.article_sentiment(scores)
    assert agg.empty and list(agg.columns) == S.ARTICLE_SENTIMENT_COLUMNS
    assert S.explain("")["token"].tolist() == [S.PUNCTUATION_ROW]
    assert math.isclose(S.raw_score(""), 0.0)


TRICKY = ['"Hello," he said.', "!!word word!!", "--", "a-b a-b, 'quoted'", "don't, can't!", "...",
          "?!?word", "word?!?!", "GOOD!!! bad :) :-(", "x . , y", "It was not good, but kind of great."]


@pytest.fixture(scope="module")
def many_sentences(seed):
    from helpers.evaluate import read_jsonl
    from tests.conftest import REPO

    from benchmarks.corpus import generate
    from helpers.ingest import split_sentences

    texts = seed["text"].tolist() + TRICKY + ["Not the least casualties, but no deaths; hardly any shelling at all."]
    for path in sorted((REPO / "tests/data").glob("*.jsonl")):
        texts += [g["text"] for g in read_jsonl(path)]
    texts += [s for rec in generate(20) for _, _, s in split_sentences(rec["text"])]
    return texts


def test_fast_tokens_and_scores_are_nltks_own(many_sentences):
    from nltk.sentiment.vader import SentiText

    slow, fast = S.nltk_analyzer(), S.vader_analyzer()
    c = slow.constants
    for text in many_sentences:
        assert fast.sentitext(text).words_and_emoticons == \
            SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons, text
        assert fast.polarity_scores(text) == slow.polarity_scores(text), text
    # glued marks: one mark of PUNC_LIST comes off, two stay (nltk's quirk, kept)
    assert fast.sentitext('"Hello," word!! ?!?x').words_and_emoticons == ['"Hello,"', "word", "?!?x"]


def test_one_pass_gives_both_scores_as_two_full_passes(many_sentences):
    table = S.score_with_and_without(pd.DataFrame({"text": many_sentences}))
    for text, compound, war in zip(many_sentences, table["compound"], table["compound_war"]):
        assert compound == S.nltk_analyzer().polarity_scores(text)["compound"], text
        assert war == S.polarity(text, lexicon=S.DEFAULT_LEXICON)["compound"], text
    assert (table["compound"] != table["compound_war"]).sum() > 100   # the lexicon does change many


def test_source_note_writes_each_date_as_precisely_as_its_source_gave_it():
    from helpers.sentiment import source_note

    one = pd.DataFrame({"article_id": ["a"], "title": ["T"], "source": ["S"], "date": ["2026-01"]})
    assert source_note(one) == 'Source: "T", S, January 2026'
    many = pd.DataFrame({"article_id": ["a", "b", "c"], "date": ["2025", "2026-01-05", None]})
    assert source_note(many) == "Source: 3 articles, 2025 to 5 January 2026"
