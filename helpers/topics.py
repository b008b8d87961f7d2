"""Topics: TF-IDF + NMF (LDA as an option) over sentences or articles, with the number of topics
chosen from the data.

Rules applied here:

- Units: the sentences of one article; for a corpus, its articles (each article's sentences
  joined) once there are at least ``MIN_ARTICLE_UNITS`` of them, else the pooled sentences
  (a handful of articles is too few units to find topics in).
- Terms: lower-cased words of two or more letters (no digits: "16 of 21" says nothing about a
  topic), minus scikit-learn's ``ENGLISH_STOP_WORDS`` and the news words in
  ``data/raw/lexicon/topic_stopwords.txt`` (reporting verbs, weekdays). sklearn's list drops
  "not", "no" and "down", which is harmless for topics (this module never feeds sentiment).
- ``min_df``/``max_df`` scale with the number of units (:func:`df_limits`) so a small corpus
  keeps its terms and a large one drops one-off words and corpus-wide words.
- k: each candidate k in 2..min(8, n_units - 1) is scored by *stability* (Greene, O'Callaghan &
  Cunningham 2014, "How Many Topics? Stability Analysis for Topic Models"): the top-10 term
  lists of the reported fit are matched one-to-one (Hungarian) with those of ``n_runs`` fits
  from random starts, and their Jaccard overlaps averaged. The most stable k wins; ties go to
  the smaller k. UMass-style NPMI coherence on the units is reported beside it for the reader.
- Everything is deterministic for a given ``random_state``.
- Too few units, or units that share no terms, raise :class:`TooFewUnitsError` with a message
  a user can act on; :func:`topics_for_corpus` turns that into an empty result with the message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import columns

MIN_UNITS = 6             # fewer units than this cannot support even a 2-topic model
MIN_ARTICLE_UNITS = 20    # below this many articles, topics are found over pooled sentences
MAX_K = 8
N_TOP_TERMS = 8
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"   # two or more letters, no digits

STOPWORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "raw" / "lexicon" / "topic_stopwords.txt"

TOPIC_COLUMNS = columns.TOPICS
SENTENCE_TOPIC_COLUMNS = columns.SENTENCE_TOPICS
UNIT_TOPIC_COLUMNS = ["unit_id", "article_id", "sentence_idx", "text", "topic_id", "weight"]
K_SCORE_COLUMNS = ["k", "stability", "coherence", "chosen"]


_DTYPES = {"topic_id": "int64", "label": "str", "top_terms": "object", "top_weights": "object", "share": "float64",
           "n_units": "int64", "article_id": "str", "sentence_idx": "int64", "weight": "float64",
           "unit_id": "str", "text": "str", "k": "int64", "stability": "float64", "coherence": "float64",
           "chosen": "bool"}


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with typed columns, so an empty result still reads back with its schema."""
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, "object")) for c in columns})


class TooFewUnitsError(ValueError):
    """Raised when there are too few units (or shared terms) to fit topics."""


@dataclass
class TopicModel:
    """A fitted topic model and its tables.

    topics: topic_id, label, top_terms (list of str, best first), top_weights (list of float,
    the topic's term weights scaled to sum 1 over its top terms), share (of the text's topic
    mass), n_units (units whose dominant topic it is).
    assignments: one row per unit: unit_id, article_id, sentence_idx (None for article units),
    text, topic_id (dominant topic, -1 when the unit has no known term), weight (that topic's
    share of the unit's topic mass, 0..1).
    k_scores: the k-choice table (k, stability, coherence, chosen); empty when k was given.
    """

    topics: pd.DataFrame
    assignments: pd.DataFrame
    k_scores: pd.DataFrame
    unit: str = "sentence"
    method: str = "nmf"
    message: str = ""
    vectorizer: object = field(default=None, repr=False)
    model: object = field(default=None, repr=False)
    order: list = field(default_factory=list, repr=False)   # model component -> topic_id order

    @property
    def ok(self) -> bool:
        return not self.topics.empty

    @property
    def k(self) -> int:
        return len(self.topics)

    def sentence_topics(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Dominant topic and weight of every sentence (article_id, sentence_idx, topic_id, weight),
        from the fitted vocabulary and model (so article-level topics also place each sentence)."""
        if not self.ok or sentences.empty:
            return _empty(SENTENCE_TOPIC_COLUMNS)
        topic_id, weight = _dominant(self._unit_weights(sentences["text"].astype(str).tolist()))
        return pd.DataFrame({
            "article_id": sentences["article_id"].to_numpy(),
            "sentence_idx": sentences["sentence_idx"].astype(int).to_numpy(),
            "topic_id": topic_id,
            "weight": weight,
        })

    def _unit_weights(self, texts: list[str]) -> np.ndarray:
        W = self.model.transform(self.vectorizer.transform(texts))
        return _row_normalise(W[:, self.order])


def empty_model(message: str, unit: str = "sentence", method: str = "nmf") -> TopicModel:
    """A result with no topics and the reason in ``message`` (tables keep their columns)."""
    return TopicModel(
        topics=_empty(TOPIC_COLUMNS),
        assignments=_empty(UNIT_TOPIC_COLUMNS),
        k_scores=_empty(K_SCORE_COLUMNS),
        unit=unit, method=method, message=message,
    )


# --- units and terms ---------------------------------------------------------------------------

def make_units(sentences: pd.DataFrame, unit: str = "auto") -> tuple[pd.DataFrame, str]:
    """Units to model from a sentences table: (units, 'sentence' | 'article').

    unit='auto': sentences for one article or fewer than ``MIN_ARTICLE_UNITS`` articles,
    else articles (their sentences joined in order). Units carry unit_id, article_id,
    sentence_idx (None for articles) and text.
    """
    if unit not in ("auto", "sentence", "article"):
        raise ValueError(f"unit must be 'auto', 'sentence' or 'article', not {unit!r}")
    n_articles = sentences["article_id"].nunique() if len(sentences) else 0
    if unit == "auto":
        unit = "article" if n_articles >= MIN_ARTICLE_UNITS else "sentence"
    if unit == "sentence":
        units = sentences[["article_id", "sentence_idx", "text"]].copy()
        units["sentence_idx"] = units["sentence_idx"].astype(int)
        units.insert(0, "unit_id", [f"{a}:{i}" for a, i in zip(units["article_id"], units["sentence_idx"])])
    else:
        ordered = sentences.sort_values(["article_id", "sentence_idx"], kind="stable")
        units = ordered.groupby("article_id", sort=False)["text"].agg(" ".join).reset_index()
        units.insert(0, "unit_id", units["article_id"])
        units.insert(2, "sentence_idx", None)
    return units.reset_index(drop=True), unit


def df_limits(n_units: int) -> tuple[int | float, float]:
    """(min_df, max_df) for ``n_units``: keep every term below 50 units, then require 2 units
    (0.2% of units above 1,000); drop terms in over 95% of units from 20 units on."""
    if n_units < 50:
        min_df = 1
    elif n_units < 1000:
        min_df = 2
    else:
        min_df = math.ceil(0.002 * n_units)
    max_df = 1.0 if n_units < 20 else 0.95
    return min_df, max_df


@lru_cache(maxsize=1)
def stop_words() -> tuple[str, ...]:
    """scikit-learn's ENGLISH_STOP_WORDS plus the news words in ``topic_stopwords.txt`` (sorted)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not STOPWORDS_PATH.exists():
        raise FileNotFoundError(f"{STOPWORDS_PATH}: topic stop-word list not found (see data/raw/lexicon/README.md)")
    lines = STOPWORDS_PATH.read_text(encoding="utf-8").splitlines()
    extra = {line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")}
    return tuple(sorted(ENGLISH_STOP_WORDS | extra))


def _texts(units) -> list[str]:
    if isinstance(units, pd.DataFrame):
        return units["text"].astype(str).tolist()
    return [str(u) for u in units]


def vectorize(texts: list[str], method: str = "nmf"):
    """(matrix, vectorizer): TF-IDF for NMF, raw counts for LDA, with the term rules above."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    min_df, max_df = df_limits(len(texts))
    params = dict(lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=list(stop_words()),
                  min_df=min_df, max_df=max_df)
    vec = TfidfVectorizer(sublinear_tf=True, **params) if method == "nmf" else CountVectorizer(**params)
    try:
        X = vec.fit_transform(texts)
    except ValueError as err:   # sklearn: "empty vocabulary" / "no terms remain"
        raise TooFewUnitsError(
            f"The {len(texts)} units share no usable terms after stop words ({err}); "
            "add text or articles before looking for topics."
        ) from None
    return X, vec


# --- fitting -----------------------------------------------------------------------------------

def _fit(X, k: int, method: str, random_state: int, init: str | None = None):
    if method == "nmf":
        from sklearn.decomposition import NMF

        model = NMF(n_components=k, init=init or "nndsvda", random_state=random_state, max_iter=2000)
    elif method == "lda":
        from sklearn.decomposition import LatentDirichletAllocation

        model = LatentDirichletAllocation(n_components=k, random_state=random_state, learning_method="batch",
                                          max_iter=50)
    else:
        raise ValueError(f"method must be 'nmf' or 'lda', not {method!r}")
    W = model.fit_transform(X)
    return model, W


def _row_normalise(W: np.ndarray) -> np.ndarray:
    sums = W.sum(axis=1, keepdims=True)
    return np.divide(W, sums, out=np.zeros_like(W, dtype=float), where=sums > 0)


def _dominant(Wn: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    topic = Wn.argmax(axis=1).astype(int)
    weight = Wn.max(axis=1) if Wn.size else np.zeros(0)
    empty = Wn.sum(axis=1) == 0
    topic[empty] = -1
    return topic, np.where(empty, 0.0, weight)


def _top_sets(components: np.ndarray, n_top: int) -> list[set]:
    return [set(np.argsort(-row, kind="stable")[:n_top]) for row in components]


def _agreement(a: list[set], b: list[set]) -> float:
    """Mean Jaccard overlap of two topic sets' top terms after the best one-to-one matching."""
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in b] for x in a])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean())


def _npmi_coherence(X, components: np.ndarray, n_top: int) -> float:
    """Mean NPMI over pairs of each topic's top terms, from co-occurrence in the units (-1..1)."""
    B = (X > 0).astype(float).tocsc()
    n = B.shape[0]
    scores = []
    for row in components:
        top = np.argsort(-row, kind="stable")[:n_top]
        cols = B[:, top]
        df = np.asarray(cols.sum(axis=0)).ravel()
        co = (cols.T @ cols).toarray()
        for i in range(len(top)):
            for j in range(i + 1, len(top)):
                if co[i, j] == 0:
                    scores.append(-1.0)
                    continue
                p_ij = co[i, j] / n
                if p_ij >= 1.0:
                    scores.append(1.0)
                    continue
                pmi = math.log(p_ij / ((df[i] / n) * (df[j] / n)))
                scores.append(pmi / -math.log(p_ij))
    return float(np.mean(scores)) if scores else float("nan")


def _check_units(n_units: int) -> None:
    if n_units < MIN_UNITS:
        raise TooFewUnitsError(
            f"Only {n_units} unit(s) to model: topics need at least {MIN_UNITS} sentences or articles "
            "with shared words. Add articles (or longer ones) to the corpus."
        )


def k_range_for(n_units: int) -> range:
    """Candidate numbers of topics: 2 .. min(8, n_units - 1)."""
    return range(2, max(2, min(MAX_K, n_units - 1)) + 1)


def choose_k(units, k_range=None, method: str = "nmf", random_state: int = 0,
             n_runs: int = 10, n_top: int = 10) -> pd.DataFrame:
    """Score each candidate k: columns k, stability (0..1), coherence (NPMI, -1..1), chosen.

    Stability is the mean top-term agreement between the reported fit and ``n_runs`` fits from
    random starts (seeds random_state+1 ..); the chosen k has the highest stability rounded to 3
    decimals, the smallest such k on ties.
    """
    texts = _texts(units)
    _check_units(len(texts))
    X, _ = vectorize(texts, method)
    ks = list(k_range or k_range_for(X.shape[0]))
    rows = []
    for k in ks:
        if not 2 <= k < X.shape[0] or k > X.shape[1]:
            continue
        reference, _ = _fit(X, k, method, random_state)
        ref_sets = _top_sets(reference.components_, n_top)
        runs = []
        for r in range(1, n_runs + 1):
            init = "random" if method == "nmf" else None
            other, _ = _fit(X, k, method, random_state + r, init=init)
            runs.append(_agreement(ref_sets, _top_sets(other.components_, n_top)))
        rows.append({"k": k, "stability": float(np.mean(runs)),
                     "coherence": _npmi_coherence(X, reference.components_, n_top)})
    scores = pd.DataFrame(rows, columns=["k", "stability", "coherence"])
    if scores.empty:
        raise TooFewUnitsError(f"No k in {ks} fits {X.shape[0]} units and {X.shape[1]} terms.")
    best = scores["stability"].round(3).max()
    chosen_k = int(scores.loc[scores["stability"].round(3) == best, "k"].min())
    scores["chosen"] = scores["k"] == chosen_k
    return scores[K_SCORE_COLUMNS]


def topic_label(terms: list[str], n: int = 3) -> str:
    """A short label: the first ``n`` top terms joined by ' / '."""
    return " / ".join(terms[:n])


def fit_topics(units, k: int | None = None, method: str = "nmf", random_state: int = 0,
               n_top_terms: int = N_TOP_TERMS, k_range=None) -> TopicModel:
    """Fit topics over ``units`` (a units table with 'text', or a list of strings).

    k=None chooses k with :func:`choose_k`. Topics are numbered by share of the text, largest
    first. Raises :class:`TooFewUnitsError` when there are too few units or terms.
    """
    if isinstance(units, pd.DataFrame):
        table = units.reset_index(drop=True)
    else:
        texts = _texts(units)
        table = pd.DataFrame({"unit_id": [str(i) for i in range(len(texts))], "article_id": "",
                              "sentence_idx": list(range(len(texts))), "text": texts})
    for col, default in (("unit_id", None), ("article_id", ""), ("sentence_idx", None)):
        if col not in table.columns:
            table[col] = [str(i) for i in range(len(table))] if col == "unit_id" else default
    texts = _texts(table)
    _check_units(len(texts))
    k_scores = _empty(K_SCORE_COLUMNS)
    if k is None:
        k_scores = choose_k(texts, k_range=k_range, method=method, random_state=random_state)
        k = int(k_scores.loc[k_scores["chosen"], "k"].iloc[0])
    X, vec = vectorize(texts, method)
    if not 2 <= k < X.shape[0]:
        raise TooFewUnitsError(f"k={k} topics need between 2 and {X.shape[0] - 1} (units - 1) topics.")
    model, W = _fit(X, k, method, random_state)
    Wn = _row_normalise(W)
    order = list(np.argsort(-Wn.sum(axis=0), kind="stable"))   # topic 0 = largest share
    Wn = Wn[:, order]
    topic_id, weight = _dominant(Wn)
    terms = np.asarray(vec.get_feature_names_out())
    covered = Wn.sum(axis=1) > 0
    share = Wn[covered].mean(axis=0) if covered.any() else np.zeros(k)
    topics = []
    for new_id, comp in enumerate(model.components_[order]):
        top = np.argsort(-comp, kind="stable")[:n_top_terms]
        top = top[comp[top] > 0]
        words = terms[top].tolist()
        total = comp[top].sum()
        topics.append({
            "topic_id": new_id,
            "label": topic_label(words),
            "top_terms": words,
            "top_weights": [float(w / total) for w in comp[top]] if total > 0 else [],
            "share": float(share[new_id]),
            "n_units": int((topic_id == new_id).sum()),
        })
    assignments = table[["unit_id", "article_id", "sentence_idx", "text"]].copy()
    assignments["topic_id"] = topic_id
    assignments["weight"] = weight
    return TopicModel(
        topics=pd.DataFrame(topics, columns=TOPIC_COLUMNS),
        assignments=assignments[UNIT_TOPIC_COLUMNS],
        k_scores=k_scores,
        unit="sentence" if "sentence_idx" in table and table["sentence_idx"].notna().all() else "article",
        method=method, vectorizer=vec, model=model, order=order,
    )


def topics_for_corpus(sentences: pd.DataFrame, unit: str = "auto", k: int | None = None,
                      method: str = "nmf", random_state: int = 0) -> TopicModel:
    """Topics for a sentences table, never failing on a small corpus: too few units or no shared
    terms give an empty :class:`TopicModel` whose ``message`` says why and what to do."""
    if sentences is None or sentences.empty:
        return empty_model("No sentences to model: run 01_ingest on a corpus with at least one article.",
                           method=method)
    units, unit = make_units(sentences, unit)
    try:
        result = fit_topics(units, k=k, method=method, random_state=random_state)
    except TooFewUnitsError as err:
        return empty_model(str(err), unit=unit, method=method)
    result.unit = unit
    n_articles = sentences["article_id"].nunique()
    result.message = (
        f"{len(units)} {unit} units from {n_articles} article(s); k={result.k} topics"
        + (" chosen by stability." if not result.k_scores.empty else " (given).")
    )
    return result


def topics_table(model: TopicModel) -> pd.DataFrame:
    """The table written to topics.parquet (columns ``TOPIC_COLUMNS``)."""
    return model.topics[TOPIC_COLUMNS].copy()


def sentiment_by_topic(scores: pd.DataFrame, sentence_topics: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """Mean VADER compound and sentence count per dominant topic (topic -1: no known term)."""
    merged = sentence_topics.merge(scores[["article_id", "sentence_idx", "compound"]],
                                   on=["article_id", "sentence_idx"], how="inner")
    cols = ["topic_id", "label", "n_sentences", "mean_compound", "share_negative"]
    if merged.empty:
        return pd.DataFrame(columns=cols)
    merged["_neg"] = merged["compound"] <= -0.05
    out = merged.groupby("topic_id").agg(n_sentences=("compound", "size"), mean_compound=("compound", "mean"),
                                         share_negative=("_neg", "mean")).reset_index()
    labels = dict(zip(topics["topic_id"], topics["label"]))
    out["label"] = out["topic_id"].map(labels).fillna("(no known term)")
    return out[cols]


def sentences_with_topics(sentence_topics: pd.DataFrame, sentences: pd.DataFrame, topics: pd.DataFrame,
                          contains=None) -> pd.DataFrame:
    """Each sentence with its dominant topic's label and weight (article_id, sentence_idx,
    topic_id, label, weight, text). ``contains`` (a word or list of words) keeps the sentences
    holding any of them as whole words, case-sensitive ("Xi" but not "exited"), and adds a
    ``matches`` column naming them."""
    import re

    cols = ["article_id", "sentence_idx", "topic_id", "label", "weight", "text"]
    merged = sentence_topics.merge(sentences[["article_id", "sentence_idx", "text"]], on=["article_id", "sentence_idx"])
    merged["label"] = merged["topic_id"].map(dict(zip(topics["topic_id"], topics["label"]))).fillna("(no known term)")
    if contains:
        words = [contains] if isinstance(contains, str) else list(contains)
        patterns = {w: re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words}
        merged["matches"] = [", ".join(w for w, p in patterns.items() if p.search(t)) for t in merged["text"]]
        merged = merged[merged["matches"] != ""]
        cols = ["matches", *cols]
    return merged.sort_values(["article_id", "sentence_idx"])[cols].reset_index(drop=True)
