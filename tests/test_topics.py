"""helpers.topics: topic separation on the seed, the k choice, small and empty corpora."""

import re

import pandas as pd
import pytest

from helpers import topics as T


@pytest.fixture(scope="module")
def seed(seed_sentences):
    return seed_sentences[seed_sentences["article_id"] == "d80befd21902f2fe"].reset_index(drop=True)


@pytest.fixture(scope="module")
def seed_model(seed):
    return T.topics_for_corpus(seed)


def indexes(seed, pattern):
    return seed.index[seed["text"].str.contains(pattern)].tolist()


def test_diplomacy_and_bakhmut_fighting_land_in_different_topics(seed, seed_model):
    # Sentences on Xi, Beijing and the peace plan (sentence 1 also reports the air strikes, so
    # it is left out of the diplomacy set) against those on the fighting in Bakhmut.
    diplomacy = [i for i in indexes(seed, r"\bXi\b|Beijing|peace plan") if i != 1]
    fighting = indexes(seed, r"Bakhmut")
    assert diplomacy == [21, 23, 26, 27, 29]
    assert fighting == [0, 2, 3, 4, 5, 6, 7]
    topic = seed_model.sentence_topics(seed).set_index("sentence_idx")["topic_id"]
    diplomacy_topics = set(topic[diplomacy])
    fighting_topic = topic[fighting].mode().iloc[0]
    assert len(diplomacy_topics) == 1
    assert diplomacy_topics != {fighting_topic}
    assert (topic[fighting] == fighting_topic).all()


def test_seed_k_is_chosen_from_data_and_shown(seed_model):
    scores = seed_model.k_scores
    assert list(scores.columns) == T.K_SCORE_COLUMNS
    assert scores["k"].tolist() == [2, 3, 4, 5, 6, 7, 8]
    assert scores["chosen"].sum() == 1
    chosen = scores.loc[scores["chosen"]].iloc[0]
    assert chosen["k"] == seed_model.k == 2
    assert chosen["stability"].round(3) == scores["stability"].round(3).max()
    assert seed_model.unit == "sentence"


def test_seed_topics_table(seed_model):
    topics = seed_model.topics
    assert list(topics.columns) == T.TOPIC_COLUMNS
    assert topics["label"].tolist() == ["ukraine / putin / day", "ukrainian / bakhmut / military"]
    assert topics["n_units"].tolist() == [18, 14]
    assert topics["share"].sum() == pytest.approx(1.0)
    assert topics["share"].is_monotonic_decreasing
    for terms, weights in zip(topics["top_terms"], topics["top_weights"]):
        assert len(terms) == len(weights) == T.N_TOP_TERMS
        assert sum(weights) == pytest.approx(1.0)
        assert not set(terms) & {"said", "wednesday", "the", "16"}


def test_fit_is_deterministic(seed):
    units, _ = T.make_units(seed)
    a = T.fit_topics(units, k=3, random_state=0)
    b = T.fit_topics(units, k=3, random_state=0)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    pd.testing.assert_frame_equal(a.assignments, b.assignments)


def test_lda_option_runs(seed):
    units, _ = T.make_units(seed)
    model = T.fit_topics(units, k=2, method="lda")
    assert model.k == 2 and model.method == "lda"
    assert set(model.assignments["topic_id"]) <= {-1, 0, 1}


def test_df_limits_scale_with_corpus_size():
    assert T.df_limits(5) == (1, 1.0)
    assert T.df_limits(32) == (1, 0.95)
    assert T.df_limits(200) == (2, 0.95)
    assert T.df_limits(5000) == (10, 0.95)


def test_too_few_units_is_a_clear_message_not_a_stack_trace():
    three = ["Drones hit Kyiv overnight.", "Missiles hit Odesa.", "Putin met Xi in Moscow."]
    with pytest.raises(T.TooFewUnitsError, match=r"Only 3 unit\(s\) to model: topics need at least 6"):
        T.fit_topics(three)
    sentences = pd.DataFrame({"article_id": ["a"] * 3, "sentence_idx": [0, 1, 2], "text": three})
    model = T.topics_for_corpus(sentences)
    assert not model.ok
    assert model.message.startswith("Only 3 unit(s) to model")
    assert list(model.topics.columns) == T.TOPIC_COLUMNS
    assert model.sentence_topics(sentences).empty


def test_units_without_shared_terms_are_refused():
    stop_only = ["It is what it is."] * 7
    with pytest.raises(T.TooFewUnitsError, match="share no usable terms"):
        T.fit_topics(stop_only)


def test_empty_corpus():
    empty = pd.DataFrame(columns=["article_id", "sentence_idx", "start", "end", "text"])
    model = T.topics_for_corpus(empty)
    assert not model.ok
    assert model.message == "No sentences to model: run 01_ingest on a corpus with at least one article."
    assert list(model.sentence_topics(empty).columns) == T.SENTENCE_TOPIC_COLUMNS


def test_small_corpus_pools_sentences_and_many_articles_use_articles():
    small = pd.DataFrame({
        "article_id": ["a", "a", "b", "b", "c", "c", "c"],
        "sentence_idx": [0, 1, 0, 1, 0, 1, 2],
        "text": ["Drones struck Kyiv.", "Air defence shot down drones over Kyiv.",
                 "Putin hosted Xi in Moscow.", "Xi and Putin signed deals in Moscow.",
                 "Shelling hit Kharkiv.", "Shelling of Kharkiv killed two.", "Kyiv drones again."],
    })
    model = T.topics_for_corpus(small, k=2)
    assert model.unit == "sentence" and model.ok
    st = model.sentence_topics(small)
    assert list(st.columns) == T.SENTENCE_TOPIC_COLUMNS and len(st) == 7
    many = pd.DataFrame({"article_id": [f"x{i}" for i in range(25)], "sentence_idx": 0, "text": "Kyiv drones."})
    units, unit = T.make_units(many)
    assert unit == "article" and len(units) == 25


def test_sentiment_by_topic_joins_on_sentence_keys(seed, seed_model):
    from helpers.sentiment import score_sentences

    table = T.sentiment_by_topic(score_sentences(seed), seed_model.sentence_topics(seed), seed_model.topics)
    assert table["n_sentences"].sum() == 32
    assert re.fullmatch(r"ukrainian / bakhmut / military", table.set_index("topic_id").loc[1, "label"])
