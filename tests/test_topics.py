"""helpers.topics: cleaning and folding, the k choice, labels, boilerplate, a three-theme fixture
corpus, the seed, topic shares over time and by outlet, small and empty corpora."""

import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import topics as T

THEMES_DIR = Path(__file__).resolve().parent / "data" / "topics_corpus"
# Every word of the Frontline Wire footer and citation list carried by six fixture articles.
FOOTER_TERMS = {"frontline", "wire", "funded", "readers", "subscribe", "newsletter", "desk", "evening", "digest",
                "sources", "https", "www", "example", "frontlinewire", "archive", "live", "notes", "dot", "me"}


@pytest.fixture(scope="module")
def seed(seed_sentences):
    return seed_sentences[seed_sentences["article_id"] == "d80befd21902f2fe"].reset_index(drop=True)


@pytest.fixture(scope="module")
def seed_model(seed):
    return T.topics_for_corpus(seed)


@pytest.fixture(scope="module")
def themes():
    from helpers.ingest import ingest_corpus

    articles, sentences, report = ingest_corpus(THEMES_DIR)
    assert report.empty and len(articles) == 15
    return articles, sentences


@pytest.fixture(scope="module")
def themes_model(themes):
    articles, sentences = themes
    return T.topics_for_corpus(sentences, articles=articles)


def theme_of(article_id: str) -> str:
    return article_id.split("_", 1)[1].split("-", 1)[0]     # 2024-03-04_strikes-kharkiv -> strikes


def article_topics(model, sentences) -> pd.Series:
    """Each article's majority topic among its sentences that have one."""
    st = model.sentence_topics(sentences)
    st = st[st["topic_id"] >= 0]
    return st.groupby("article_id")["topic_id"].agg(lambda s: s.mode().iloc[0])


# --- cleaning and terms ------------------------------------------------------------------------

def test_cleaning_removes_urls_emails_citations_footnotes_and_numbers():
    text = ("Strikes hit Kharkiv [3] and 16 of 21 drones fell¹ (https://www.understandingwar.org/backgrounder/x; "
            "t.me/generalstaffzsu; understandingwar dot org/notes) write to desk@wire.example^2 [Source: ISW, 3 May].")
    assert T.words(text) == ["strikes", "hit", "kharkiv", "and", "of", "drones", "fell", "write", "to"]


def test_terms_fold_one_idea_into_one_key():
    keys = {T.term_key(w) for w in ("Ukraine", "ukrainian", "Ukrainians")}
    assert keys == {"ukrain"}
    assert T.term_key("drones") == T.term_key("drone") == "drone"
    assert T.term_key("russian") == T.term_key("Russia")
    assert [k for k, _ in T.TopicText().terms("Ukraine's drones and the Ukrainian drone")] == \
        ["ukrain", "drone", "ukrain", "drone"]


def test_surface_form_is_the_most_frequent_word_of_a_key():
    texts = ["Ukrainian drones hit Ukraine.", "Ukraine's army and Ukraine's drone.", "Drones again."]
    surface = T.surface_forms(texts)
    assert surface["ukrain"] == "ukraine"       # ukraine 3 (two possessives) against ukrainian 1
    assert surface["drone"] == "drones"         # drones 2 against drone 1


def test_stop_words_include_fillers_and_time_words():
    stops = set(T.stop_words())
    assert {"just", "day", "said", "wednesday", "the"} <= stops
    assert "drone" not in stops


# --- boilerplate ---------------------------------------------------------------------------------

def test_boilerplate_is_found_per_source_from_the_corpus(themes):
    articles, sentences = themes
    found = T.find_boilerplate(sentences, articles)
    assert set(found.table["source"]) == {"Frontline Wire"}
    table = found.table[found.table["kind"] == "sentence"]
    assert table["n_articles"].tolist() == [6, 6, 6] and table["of_articles"].tolist() == [6, 6, 6]
    assert "frontline wire is funded by its readers" in found.sentences
    # Kyiv Desk's nine articles share no footer, and a theme sentence is never boilerplate.
    assert not found.is_boilerplate_sentence("Rescuers pulled residents from the rubble after the missile strike.")


def test_boilerplate_phrases_inside_different_sentences_are_removed():
    tail = " reported for the Kyiv Desk wire service this week."
    texts = ["Drones hit Odesa", "Talks opened in Geneva", "Prices rose in Lviv", "Shelling hit Sumy"]
    sentences = pd.DataFrame({"article_id": list("abcd"), "sentence_idx": 0, "text": [t + tail for t in texts]})
    articles = pd.DataFrame({"article_id": list("abcd"), "source": "Kyiv Desk", "url": ""})
    found = T.find_boilerplate(sentences, articles)
    assert not found.sentences
    assert found.table["text"].tolist() == ["reported for the kyiv desk wire service this week"]
    assert T.TopicText(found).document(sentences["text"][0]) == "drone hit odesa"
    # With under four articles from the source, nothing counts as boilerplate.
    assert T.find_boilerplate(sentences.head(3), articles.head(3)).table.empty


def test_no_footer_or_citation_term_in_any_label(themes, themes_model):
    articles, sentences = themes
    terms = {w for t in themes_model.topics["top_terms"] for w in t}
    assert not terms & FOOTER_TERMS
    assert not any(set(label.split(" / ")) & FOOTER_TERMS for label in themes_model.topics["label"])
    # The control: without boilerplate removal the footer becomes a topic of its own.
    raw = T.topics_for_corpus(sentences, articles=articles, remove_boilerplate=False)
    assert "frontline / wire / funded" in raw.topics["label"].tolist()


# --- the three-theme corpus ------------------------------------------------------------------

def test_three_themes_give_k_3_and_each_theme_one_topic(themes, themes_model):
    articles, sentences = themes
    scores = themes_model.k_scores
    assert list(scores.columns) == T.K_SCORE_COLUMNS
    assert scores["k"].tolist() == [2, 3, 4, 5, 6, 7, 8]
    assert scores.loc[scores["chosen"], "k"].tolist() == [3] and themes_model.k == 3
    assert scores.set_index("k")["quality"].idxmax() == 3
    by_article = article_topics(themes_model, sentences)
    by_theme = by_article.groupby(by_article.index.map(theme_of)).agg(set)
    assert sorted(by_theme.index) == ["diplomacy", "economy", "strikes"]
    assert all(len(topics_) == 1 for topics_ in by_theme)
    assert len(set.union(*by_theme)) == 3
    # Each theme's sentences, not only its majority, share the topic (boilerplate ones have none).
    st = themes_model.sentence_topics(sentences)
    st = st[st["topic_id"] >= 0]
    assert st.groupby(st["article_id"].map(theme_of))["topic_id"].nunique().tolist() == [1, 1, 1]


def test_three_theme_labels_and_typical_sentences(themes_model):
    topics = themes_model.topics.set_index("topic_id")
    assert topics["label"].tolist() == ["prices / exports / budget", "apartment / city / missile",
                                        "peace / talks / summit"]
    assert topics["n_units"].tolist() == [25, 25, 25]
    assert [theme_of(a) for a in topics["typical_article_id"]] == ["economy", "strikes", "diplomacy"]
    assert topics.loc[2, "typical_sentence"] == ("Foreign ministers said the summit opened a diplomatic track "
                                                 "for future peace talks.")


def test_choosing_k_scores_the_label_terms_so_a_merged_theme_scores_low(themes_model):
    scores = themes_model.k_scores.set_index("k")
    # k = 2 merges diplomacy and the economy: diverse, stable, but less coherent than k = 3.
    assert scores.loc[2, "diversity"] == 1.0 and scores.loc[2, "stability"] == 1.0
    assert scores.loc[2, "coherence"] < scores.loc[3, "coherence"] - 0.1
    assert scores.loc[3, "quality"] == pytest.approx(scores.loc[3, "coherence"] * scores.loc[3, "diversity"])


def test_fit_on_a_sample_assigns_every_unit(themes):
    articles, sentences = themes
    model = T.topics_for_corpus(sentences, articles=articles, max_units=40)
    assert model.n_fitted == 40 and len(model.assignments) == 75
    assert "(fitted on a sample of 40)" in model.message
    by_article = article_topics(model, sentences)
    assert by_article.groupby(by_article.index.map(theme_of)).nunique().tolist() == [1, 1, 1]
    again = model.assign(model.assignments[["unit_id", "article_id", "sentence_idx", "text"]])
    pd.testing.assert_frame_equal(again, model.assignments)


def test_topic_shares_per_week_and_outlet(themes, themes_model):
    articles, sentences = themes
    st = themes_model.sentence_topics(sentences)
    weekly = T.topic_shares(st, articles, themes_model.topics, by="week")
    assert list(weekly.columns) == T.SHARE_COLUMNS
    assert weekly["period"].unique().tolist() == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25", "2024-04-01"]
    first = weekly[weekly["period"] == "2024-03-04"].set_index("label")
    # Week of 4 March: two strike articles, one on diplomacy, one on the economy (5 sentences each).
    assert first["n_sentences"].to_dict() == {"prices / exports / budget": 5, "apartment / city / missile": 10,
                                              "peace / talks / summit": 5}
    assert first.loc["apartment / city / missile", "share"] == pytest.approx(0.5)
    assert weekly.groupby("period")["share"].sum().round(9).eq(1.0).all()
    outlets = T.topic_shares(st, articles, themes_model.topics, by="source")
    assert outlets.groupby("period")["n_sentences"].sum().to_dict() == {"Frontline Wire": 30, "Kyiv Desk": 45}
    with pytest.raises(ValueError, match="by must be 'week' or 'source'"):
        T.topic_shares(st, articles, themes_model.topics, by="month")


# --- the seed article ----------------------------------------------------------------------------

def indexes(seed, pattern):
    return seed.index[seed["text"].str.contains(pattern)].tolist()


def test_seed_k_is_chosen_from_data_and_shown(seed_model):
    scores = seed_model.k_scores
    assert list(scores.columns) == T.K_SCORE_COLUMNS
    assert scores["k"].tolist() == [2, 3, 4, 5, 6, 7, 8]
    assert scores["chosen"].sum() == 1
    chosen = scores.loc[scores["chosen"]].iloc[0]
    assert chosen["k"] == seed_model.k == 2
    assert chosen["quality"] == scores["quality"].max()
    assert chosen["quality"] == pytest.approx(chosen["coherence"] * chosen["diversity"])
    # Eight topics of 32 sentences leave one of two sentences: no candidate whatever its score.
    assert scores.set_index("k").loc[8, "smallest_topic"] == 2 < T.MIN_TOPIC_UNITS
    assert seed_model.unit == "sentence"


def test_seed_topics_table(seed_model):
    topics = seed_model.topics
    assert list(T.topics_table(seed_model).columns) == T.TOPIC_COLUMNS
    assert list(topics.columns) == T.TOPIC_COLUMNS + T.TYPICAL_COLUMNS
    assert topics["label"].tolist() == ["ukraine / bakhmut / russia", "putin / xi / international"]
    assert topics["n_units"].tolist() == [21, 11]
    # Typical sentences: the lead on Bakhmut and the strikes, and Putin's farewell to Xi.
    assert topics["typical_sentence_idx"].tolist() == [0, 1]
    assert topics["share"].sum() == pytest.approx(1.0)
    assert topics["share"].is_monotonic_decreasing
    for terms, weights in zip(topics["top_terms"], topics["top_weights"]):
        assert len(terms) == len(weights) == T.N_TOP_TERMS
        assert sum(weights) == pytest.approx(1.0)
        assert not set(terms) & {"said", "wednesday", "the", "16", "just", "day", "ukrainian"}
        assert len(terms) == len(set(terms))


def test_a_word_of_one_sentence_labels_no_topic(seed, seed_model):
    text = T.TopicText()
    sentence_keys = [{k for k, _ in text.terms(t)} for t in seed["text"]]
    for terms in seed_model.topics["top_terms"]:
        for term in terms:
            assert sum(T.term_key(term) in keys for keys in sentence_keys) >= 2, term


def test_seed_diplomacy_and_bakhmut_fighting_land_in_different_topics(seed, seed_model):
    diplomacy = [i for i in indexes(seed, r"\bXi\b|Beijing|peace plan") if i != 1]
    fighting = indexes(seed, r"Bakhmut")
    assert diplomacy == [21, 23, 26, 27, 29]
    assert fighting == [0, 2, 3, 4, 5, 6, 7]
    topic = seed_model.sentence_topics(seed).set_index("sentence_idx")["topic_id"]
    # Four of the five diplomacy sentences share the Putin/Xi topic; 29 (China's peace plan "for
    # Ukraine") leans to the Ukraine topic, which holds every Bakhmut sentence.
    assert topic[diplomacy].tolist() == [1, 1, 1, 1, 0]
    assert topic[fighting].tolist() == [0, 0, 0, 0, 0, 0, 0]


def test_fit_is_deterministic(seed):
    units, _ = T.make_units(seed)
    a = T.fit_topics(units, k=3, random_state=0)
    b = T.fit_topics(units, k=3, random_state=0)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    pd.testing.assert_frame_equal(a.assignments, b.assignments)


def test_choose_k_takes_plain_texts(seed):
    scores = T.choose_k(seed["text"].tolist(), k_range=[2, 3], n_runs=2)
    assert scores["k"].tolist() == [2, 3] and scores["chosen"].sum() == 1


def test_lda_option_runs(seed):
    units, _ = T.make_units(seed)
    model = T.fit_topics(units, k=2, method="lda")
    assert model.k == 2 and model.method == "lda"
    assert set(model.assignments["topic_id"]) <= {-1, 0, 1}


def test_sentiment_by_topic_joins_on_sentence_keys(seed, seed_model):
    from helpers.sentiment import score_sentences

    table = T.sentiment_by_topic(score_sentences(seed), seed_model.sentence_topics(seed), seed_model.topics)
    assert table["n_sentences"].sum() == 32
    assert table["n_sentences"].tolist() == [21, 11]
    assert re.fullmatch(r"putin / xi / international", table.set_index("topic_id").loc[1, "label"])


# --- small and empty corpora ---------------------------------------------------------------------

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
    assert list(T.topics_table(model).columns) == T.TOPIC_COLUMNS
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
    assert T.topic_shares(model.sentence_topics(empty), pd.DataFrame(), model.topics).empty


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


def test_k_choice_note_says_why(seed_model, themes_model):
    assert T.k_choice_note(themes_model.k_scores) == "k = 3: the best topic quality, 0.86 (NPMI 0.88 x diversity 0.97)."
    note = T.k_choice_note(seed_model.k_scores)
    assert note == "k = 2: the best topic quality, 0.15 (NPMI 0.17 x diversity 0.92)."
    assert T.k_choice_note(T.empty_model("none").k_scores) == ""


def test_without_sources_the_pooled_articles_still_give_up_their_footer(themes):
    articles, sentences = themes
    model = T.topics_for_corpus(sentences)          # no articles table: one pool of 15 articles
    assert model.boilerplate.table["n_articles"].tolist() == [6, 6, 6]
    assert set(model.boilerplate.table["source"]) == {T.NO_SOURCE}
    assert model.k == 3
    assert not {w for t in model.topics["top_terms"] for w in t} & FOOTER_TERMS


def test_three_themes_as_article_units(themes):
    articles, sentences = themes
    model = T.topics_for_corpus(sentences, articles=articles, unit="article")
    assert model.unit == "article" and model.k == 3
    assigned = model.assignments.set_index("article_id")["topic_id"]
    assert assigned.groupby(assigned.index.map(theme_of)).nunique().tolist() == [1, 1, 1]
    assert sorted(model.topics["n_units"]) == [5, 5, 5]
