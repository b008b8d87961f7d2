"""Topics: TF-IDF + NMF (LDA as an option) over sentences or articles, with the number of topics
chosen from the data, labels a reader can use, and topic shares over time and by outlet.

Rules applied here:

- Units: the sentences of one article; for a corpus, its articles (each article's sentences
  joined) once there are at least ``MIN_ARTICLE_UNITS`` of them, else the pooled sentences
  (a handful of articles is too few units to find topics in).
- Cleaning, for topics only (offsets and every other stage see the text untouched): URLs
  (also bare domains, ``t.me/...`` and "understandingwar dot org"), e-mail addresses, bracketed
  citations and footnote markers ("[3]", "[1, 2]", "¹", "^4") and numbers are removed; so is
  each outlet's *boilerplate*, found from the corpus: sentences and 5-word phrases present in
  at least half (``BOILERPLATE_SHARE``) of one source's articles, for a source with at least
  ``BOILERPLATE_MIN_ARTICLES`` articles (articles without a source are grouped by their URL's
  domain, else pooled, and then a fifth of them, ``BOILERPLATE_SHARE_UNKNOWN``, is enough, since
  one outlet's footer is then in only part of the pool). See :func:`find_boilerplate`.
- Terms: lower-cased words of two or more letters, possessive "'s" dropped, minus scikit-learn's
  ``ENGLISH_STOP_WORDS``, the news words in ``data/raw/lexicon/topic_stopwords.txt`` and
  ``helpers/resources/topic_stopwords.csv``; then folded so one idea counts once: the table
  ``helpers/resources/topic_term_folds.csv`` ("ukrainian" -> "ukraine") and nltk's Snowball
  stemmer ("drones" -> "drone"; it ships in nltk's code, no download). Labels show each folded
  term's most frequent surface form in the corpus.
- ``min_df``/``max_df`` scale with the number of units (:func:`df_limits`).
- k: each candidate k in 2..min(8, n_units - 1) is fitted, and its topics' class-based TF-IDF
  terms (the label terms, below) are scored by *NPMI coherence* of each topic's top 10 (-1..1;
  co-occurrence counted in the articles, or for sentence units in windows of five consecutive
  sentences, :func:`coherence_contexts`) and *topic diversity*, the share of unique words among
  all topics' top 25 (Dieng, Ruiz & Blei 2020): the two scores BERTopic (Grootendorst 2022)
  reports. Scoring the label terms makes a topic that merges two themes score low. Their product
  is the topic *quality* (Dieng et al.). A k whose smallest topic dominates fewer than
  ``MIN_TOPIC_UNITS`` units (or 1% of them) is no candidate: a topic of one or two sentences is a
  quotation, not a subject. The best quality (to two decimals) wins; on a tie the most *stable*
  k (Greene, O'Callaghan & Cunningham 2014: top-10 terms of the reported fit against ``n_runs``
  random restarts, Hungarian-matched Jaccard), then the smaller.
- Labels: the terms most distinctive of each topic against the others (class-based TF-IDF as in
  BERTopic: a term's frequency in the units of the topic times log(1 + mean class size / its
  frequency over all topics); a term found in a single unit labels nothing, ties go by the NMF
  loading), plus the sentence most typical of the topic (among the sentences
  it dominates, five words or more when there is one, the one holding most of its label terms).
- A bounded sample: ``max_units`` fits on a seeded random sample of the units and assigns a
  topic to every unit with the fitted model (:meth:`TopicModel.assign`).
- Everything is deterministic for a given ``random_state``.
- Too few units, or units that share no terms, raise :class:`TooFewUnitsError` with a message
  a user can act on; :func:`topics_for_corpus` turns that into an empty result with the message.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from helpers import columns

MIN_UNITS = 6             # fewer units than this cannot support even a 2-topic model
MIN_ARTICLE_UNITS = 20    # below this many articles, topics are found over pooled sentences
MAX_K = 8
N_TOP_TERMS = 8
N_COHERENCE_TERMS = 10    # NPMI over each topic's top 10 terms, as BERTopic and OCTIS report it
N_DIVERSITY_TERMS = 25    # topic diversity over the top 25 (Dieng et al. 2020)
QUALITY_DECIMALS = 2      # qualities equal to two decimals tie; stability breaks the tie
BOILERPLATE_SHARE = 0.5
BOILERPLATE_SHARE_UNKNOWN = 0.2   # for articles of no known source, pooled: a footer of one outlet among several
BOILERPLATE_MIN_ARTICLES = 4
BOILERPLATE_NGRAM = 5
TYPICAL_MIN_WORDS = 5
MIN_TOPIC_UNITS = 3       # a k whose smallest topic dominates fewer units is not a candidate
CONTEXT_SENTENCES = 5     # NPMI counts co-occurrence in windows of 5 consecutive sentences

STOPWORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "raw" / "lexicon" / "topic_stopwords.txt"

TOPIC_COLUMNS = columns.TOPICS
SENTENCE_TOPIC_COLUMNS = columns.SENTENCE_TOPICS
UNIT_TOPIC_COLUMNS = ["unit_id", "article_id", "sentence_idx", "text", "topic_id", "weight"]
K_SCORE_COLUMNS = ["k", "coherence", "diversity", "quality", "stability", "smallest_topic", "chosen"]
TYPICAL_COLUMNS = ["typical_article_id", "typical_sentence_idx", "typical_sentence"]
BOILERPLATE_COLUMNS = ["source", "kind", "text", "n_articles", "of_articles"]
SHARE_COLUMNS = ["period", "topic_id", "label", "n_sentences", "share"]
NO_TOPIC_LABEL = "(no known term)"
NO_SOURCE = "(no source: pooled)"


_DTYPES = {"topic_id": "int64", "label": "str", "top_terms": "object", "top_weights": "object", "share": "float64",
           "n_units": "int64", "article_id": "str", "sentence_idx": "int64", "weight": "float64",
           "unit_id": "str", "text": "str", "k": "int64", "stability": "float64", "coherence": "float64",
           "diversity": "float64", "quality": "float64", "smallest_topic": "int64", "chosen": "bool",
           "source": "str", "kind": "str",
           "n_articles": "int64", "of_articles": "int64", "period": "str", "n_sentences": "int64",
           "typical_article_id": "str", "typical_sentence_idx": "int64", "typical_sentence": "str"}


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with typed columns, so an empty result still reads back with its schema."""
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, "object")) for c in columns})


class TooFewUnitsError(ValueError):
    """Raised when there are too few units (or shared terms) to fit topics."""


# --- cleaning for topics only ----------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?i)(?:https?://|www\.)\S+"                                   # http://..., www....
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|gov|edu|info|io|me|ua|ru|uk|eu|news|example)\b(?:/\S*)?"
    r"|\b[\w-]+ dot (?:com|org|net|int|gov|ua|ru|uk|eu|example)\b(?:/\S*)?"   # "understandingwar dot org"
)
_BRACKETED = re.compile(r"\[[^\[\]]{0,300}\]")                 # [3], [1, 2], [Source: ...]
_FOOTNOTE_MARK = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|\^\d+")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*\w*")                     # 16, 1,200, 9th, 20km
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def clean_for_topics(text: str) -> str:
    """``text`` without e-mail addresses, URLs, bracketed citations, footnote markers and numbers
    (each replaced by a space). For topic terms only: never used for offsets."""
    for pattern in (_EMAIL, _URL, _BRACKETED, _FOOTNOTE_MARK, _NUMBER):
        text = pattern.sub(" ", text)
    return text


def words(text: str) -> list[str]:
    """Lower-cased words of the cleaned ``text``, possessive "'s" dropped, other apostrophe words
    ("don't") left out; single letters left out."""
    out = []
    for match in _WORD.finditer(clean_for_topics(str(text))):
        w = match.group().lower().replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if "'" in w or len(w) < 2:
            continue
        out.append(w)
    return out


def _sentence_key(text: str) -> str:
    return " ".join(words(text))


@dataclass(frozen=True)
class Boilerplate:
    """Sentences (as word keys) and word n-grams to leave out of topic terms, and a table saying
    where each was found (source, kind 'sentence'/'phrase', text, n_articles, of_articles)."""

    sentences: frozenset = frozenset()
    ngrams: frozenset = frozenset()
    n: int = BOILERPLATE_NGRAM
    table: pd.DataFrame = field(default_factory=lambda: _empty(BOILERPLATE_COLUMNS), compare=False, hash=False)

    def is_boilerplate_sentence(self, text: str) -> bool:
        return bool(self.sentences) and _sentence_key(text) in self.sentences

    def remove(self, tokens: list[str]) -> list[str]:
        """``tokens`` without those covered by a boilerplate n-gram."""
        if not self.ngrams or len(tokens) < self.n:
            return tokens
        drop = np.zeros(len(tokens), dtype=bool)
        for i in range(len(tokens) - self.n + 1):
            if tuple(tokens[i:i + self.n]) in self.ngrams:
                drop[i:i + self.n] = True
        return [t for t, d in zip(tokens, drop) if not d]


def _source_keys(article_ids, articles: pd.DataFrame | None) -> dict:
    """article_id -> grouping key: its source, else its URL's domain, else '' (one group)."""
    keys = {a: "" for a in article_ids}
    if articles is None or articles.empty or "article_id" not in articles:
        return keys
    for row in articles.itertuples(index=False):
        source = str(getattr(row, "source", "") or "").strip()
        if source in ("", "nan", "None"):
            url = str(getattr(row, "url", "") or "")
            source = urlparse(url).netloc.lower().removeprefix("www.") if "//" in url else ""
        if row.article_id in keys:
            keys[row.article_id] = source
    return keys


def find_boilerplate(sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                     share: float = BOILERPLATE_SHARE, min_articles: int = BOILERPLATE_MIN_ARTICLES,
                     n: int = BOILERPLATE_NGRAM) -> Boilerplate:
    """Boilerplate of each source, found from the corpus: sentences and ``n``-word phrases that
    occur in at least ``share`` of one source's articles (and in two or more), for sources with
    at least ``min_articles`` articles. ``articles`` gives each article's source (or URL); articles
    without one (all of them, without ``articles``) form one pool, where ``BOILERPLATE_SHARE_UNKNOWN``
    of its articles is enough. Words are those of :func:`words` (URLs, numbers gone), so a
    footer that differs only by a date or a link still matches."""
    if sentences is None or sentences.empty:
        return Boilerplate(n=n)
    keys = _source_keys(sentences["article_id"].unique(), articles)
    sentence_keys = [_sentence_key(t) for t in sentences["text"].astype(str)]
    per_article_sentences: dict = defaultdict(set)
    per_article_tokens: dict = defaultdict(list)
    for article_id, key in zip(sentences["article_id"], sentence_keys):
        if key:
            per_article_sentences[article_id].add(key)
            per_article_tokens[article_id].append(key.split())
    groups: dict = defaultdict(list)
    for article_id, key in keys.items():
        groups[key].append(article_id)
    found_sentences, found_ngrams, rows = set(), set(), []
    for source, ids in sorted(groups.items()):
        if len(ids) < min_articles:
            continue
        # Articles of no known source are pooled; one outlet's footer is then in only part of them.
        group_share = share if source else min(share, BOILERPLATE_SHARE_UNKNOWN)
        threshold = max(2, math.ceil(group_share * len(ids)))
        sentence_counts = Counter(s for a in ids for s in per_article_sentences[a])
        ngram_counts = Counter()
        for a in ids:
            grams = set()
            for tokens in per_article_tokens[a]:
                grams.update(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
            ngram_counts.update(grams)
        for s, c in sorted(sentence_counts.items()):
            if c >= threshold:
                found_sentences.add(s)
                rows.append({"source": source or NO_SOURCE, "kind": "sentence", "text": s, "n_articles": c,
                             "of_articles": len(ids)})
        for g, c in sorted(ngram_counts.items()):
            if c >= threshold:
                found_ngrams.add(g)
        # One row per maximal run of boilerplate words, so the table reads as phrases, not 5-grams.
        phrases = Counter()
        for a in ids:
            for tokens in per_article_tokens[a]:
                if " ".join(tokens) in found_sentences:
                    continue
                for phrase in _covered_runs(tokens, found_ngrams, n):
                    phrases[phrase] += 1
        for p, c in sorted(phrases.items()):
            rows.append({"source": source or NO_SOURCE, "kind": "phrase", "text": p, "n_articles": c,
                         "of_articles": len(ids)})
    table = pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS) if rows else _empty(BOILERPLATE_COLUMNS)
    return Boilerplate(sentences=frozenset(found_sentences), ngrams=frozenset(found_ngrams), n=n, table=table)


def _covered_runs(tokens: list[str], ngrams: frozenset | set, n: int) -> list[str]:
    drop = np.zeros(len(tokens), dtype=bool)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i:i + n]) in ngrams:
            drop[i:i + n] = True
    runs, current = [], []
    for t, d in zip(tokens, drop):
        if d:
            current.append(t)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


# --- terms: stop words and folding -----------------------------------------------------------

@lru_cache(maxsize=1)
def stop_words() -> tuple[str, ...]:
    """scikit-learn's ENGLISH_STOP_WORDS, the news words in ``topic_stopwords.txt`` and the words
    in ``helpers/resources/topic_stopwords.csv`` (sorted)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from helpers.numbers import read_resource_csv

    if not STOPWORDS_PATH.exists():
        raise FileNotFoundError(f"{STOPWORDS_PATH}: topic stop-word list not found (see data/raw/lexicon/README.md)")
    lines = STOPWORDS_PATH.read_text(encoding="utf-8").splitlines()
    extra = {line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")}
    extra |= {r["word"].strip().lower() for r in read_resource_csv("topic_stopwords.csv") if r["word"].strip()}
    return tuple(sorted(ENGLISH_STOP_WORDS | extra))


@lru_cache(maxsize=1)
def term_folds() -> dict[str, str]:
    """``word -> word it counts as`` from ``helpers/resources/topic_term_folds.csv``."""
    from helpers.numbers import read_resource_csv

    return {r["word"].strip().lower(): r["folds_to"].strip().lower() for r in read_resource_csv("topic_term_folds.csv")}


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def term_key(word: str) -> str:
    """The folded form a word is counted under: the fold table, then the Snowball stem
    ("Ukrainian", "Ukraine's" -> "ukrain"; "drones" -> "drone")."""
    word = word.lower()
    return _stemmer().stem(term_folds().get(word, word))


@dataclass(frozen=True)
class TopicText:
    """How a unit's text becomes topic terms: cleaning, boilerplate, stop words, folding."""

    boilerplate: Boilerplate = field(default_factory=Boilerplate)

    def terms(self, text: str) -> list[tuple[str, str]]:
        """(folded key, surface word) of each kept word of ``text``, in order."""
        if self.boilerplate.is_boilerplate_sentence(text):
            return []
        stops = _stop_set()
        kept = self.boilerplate.remove(words(text))
        out = []
        for w in kept:
            if w in stops or term_folds().get(w, w) in stops:
                continue
            out.append((term_key(w), w))
        return out

    def document(self, text: str) -> str:
        """The unit as a space-joined string of folded terms (what the vectoriser reads)."""
        return " ".join(k for k, _ in self.terms(text))


@lru_cache(maxsize=1)
def _stop_set() -> frozenset:
    return frozenset(stop_words())


def surface_forms(texts, topic_text: TopicText | None = None) -> dict[str, str]:
    """``folded key -> its most frequent surface word`` over ``texts`` (ties: alphabetical)."""
    topic_text = topic_text or TopicText()
    counts: dict = defaultdict(Counter)
    for t in texts:
        for key, surface in topic_text.terms(t):
            counts[key][surface] += 1
    return {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in counts.items()}


# --- the model -------------------------------------------------------------------------------

@dataclass
class TopicModel:
    """A fitted topic model and its tables.

    topics: topic_id, label, top_terms (list of str, best first, surface forms), top_weights
    (list of float, their class-based TF-IDF scaled to sum 1), share (of the text's topic mass),
    n_units (units whose dominant topic it is), then typical_article_id, typical_sentence_idx,
    typical_sentence (the sentence most typical of the topic).
    assignments: one row per unit: unit_id, article_id, sentence_idx (None for article units),
    text, topic_id (dominant topic, -1 when the unit has no known term), weight (that topic's
    share of the unit's topic mass, 0..1).
    k_scores: the k-choice table (k, coherence, diversity, quality, stability, chosen); empty
    when k was given.
    boilerplate: the boilerplate found and left out (its ``table`` says where).
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
    topic_text: TopicText = field(default_factory=TopicText, repr=False)
    n_fitted: int = 0                                        # units the model was fitted on
    term_weights: object = field(default=None, repr=False)   # (k, n_terms) class-based TF-IDF, topic order

    @property
    def ok(self) -> bool:
        return not self.topics.empty

    @property
    def k(self) -> int:
        return len(self.topics)

    @property
    def boilerplate(self) -> Boilerplate:
        return self.topic_text.boilerplate

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

    def assign(self, units) -> pd.DataFrame:
        """Dominant topic of every unit (a units table or a list of strings) with the fitted model:
        the assignments table (``UNIT_TOPIC_COLUMNS``). Used to place units left out of a sample."""
        table = _units_table(units)
        if not self.ok or table.empty:
            return _empty(UNIT_TOPIC_COLUMNS)
        topic_id, weight = _dominant(self._unit_weights(table["text"].astype(str).tolist()))
        out = table[["unit_id", "article_id", "sentence_idx", "text"]].copy()
        out["topic_id"] = topic_id
        out["weight"] = weight
        return out[UNIT_TOPIC_COLUMNS]

    def _raw_weights(self, texts: list[str]) -> np.ndarray:
        docs = [self.topic_text.document(t) for t in texts]
        return self.model.transform(self.vectorizer.transform(docs))[:, self.order]

    def _unit_weights(self, texts: list[str]) -> np.ndarray:
        return _row_normalise(self._raw_weights(texts))

    def typical_sentences(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Per topic the sentence most typical of it: among the sentences it dominates (of
        ``TYPICAL_MIN_WORDS`` words or more, when there is one), the one holding the most of the
        topic's label weight (the class-based TF-IDF of its top ``N_COHERENCE_TERMS`` terms, each
        counted once), then the highest loading on it. Columns topic_id + ``TYPICAL_COLUMNS``; a
        topic dominating no sentence gets none."""
        cols = ["topic_id", *TYPICAL_COLUMNS]
        if not self.ok or sentences is None or sentences.empty:
            return _empty(cols)
        texts = sentences["text"].astype(str).tolist()
        raw = self._raw_weights(texts)
        topic_id, _ = _dominant(_row_normalise(raw))
        present = (self.vectorizer.transform([self.topic_text.document(t) for t in texts]) > 0).astype(float)
        long_enough = np.array([len(t.split()) >= TYPICAL_MIN_WORDS for t in texts])
        rows = []
        for t in range(self.k):
            mine = topic_id == t
            if not mine.any():
                continue
            pool = mine & long_enough if (mine & long_enough).any() else mine
            label_weight = np.zeros(present.shape[1])
            if self.term_weights is not None:
                top = _top_terms(self.term_weights[t], self.model.components_[self.order][t], N_COHERENCE_TERMS)
                label_weight[top] = self.term_weights[t][top]
            held = np.asarray(present @ label_weight).ravel()
            candidates = np.flatnonzero(pool)
            best = int(candidates[np.lexsort((-raw[candidates, t], -held[candidates]))[0]])
            rows.append({"topic_id": t, "typical_article_id": str(sentences["article_id"].iloc[best]),
                         "typical_sentence_idx": int(sentences["sentence_idx"].iloc[best]),
                         "typical_sentence": texts[best]})
        return pd.DataFrame(rows, columns=cols) if rows else _empty(cols)


def empty_model(message: str, unit: str = "sentence", method: str = "nmf",
                topic_text: TopicText | None = None) -> TopicModel:
    """A result with no topics and the reason in ``message`` (tables keep their columns)."""
    return TopicModel(
        topics=_empty(TOPIC_COLUMNS + TYPICAL_COLUMNS),
        assignments=_empty(UNIT_TOPIC_COLUMNS),
        k_scores=_empty(K_SCORE_COLUMNS),
        unit=unit, method=method, message=message, topic_text=topic_text or TopicText(),
    )


# --- units -----------------------------------------------------------------------------------

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


def _units_table(units) -> pd.DataFrame:
    if isinstance(units, pd.DataFrame):
        table = units.reset_index(drop=True).copy()
    else:
        texts = [str(u) for u in units]
        table = pd.DataFrame({"unit_id": [str(i) for i in range(len(texts))], "article_id": "",
                              "sentence_idx": list(range(len(texts))), "text": texts})
    if "unit_id" not in table.columns:
        table["unit_id"] = [str(i) for i in range(len(table))]
    for col, default in (("article_id", ""), ("sentence_idx", None)):
        if col not in table.columns:
            table[col] = default
    return table


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


def _texts(units) -> list[str]:
    if isinstance(units, pd.DataFrame):
        return units["text"].astype(str).tolist()
    return [str(u) for u in units]


def coherence_contexts(table: pd.DataFrame, docs: list[str]) -> list[str]:
    """The documents co-occurrence is counted in for NPMI: for sentence units, windows of
    ``CONTEXT_SENTENCES`` consecutive sentences of one article (the whole article when shorter),
    since two words of one theme rarely share a sentence; for article units, the articles."""
    if "sentence_idx" not in table or table["sentence_idx"].isna().any() or "article_id" not in table:
        return list(docs)
    frame = pd.DataFrame({"article_id": table["article_id"].to_numpy(),
                          "sentence_idx": pd.to_numeric(table["sentence_idx"]).to_numpy(), "doc": docs})
    contexts = []
    for _, part in frame.sort_values(["article_id", "sentence_idx"], kind="stable").groupby("article_id", sort=False):
        d = part["doc"].tolist()
        n = max(1, len(d) - CONTEXT_SENTENCES + 1)
        contexts.extend(" ".join(d[i:i + CONTEXT_SENTENCES]) for i in range(n))
    return contexts


def vectorize(docs: list[str], method: str = "nmf"):
    """(matrix, vectorizer) over prepared documents (space-joined folded terms, see
    :meth:`TopicText.document`): TF-IDF (sublinear) for NMF, raw counts for LDA."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    min_df, max_df = df_limits(len(docs))
    params = dict(lowercase=False, token_pattern=r"\S+", min_df=min_df, max_df=max_df)
    vec = TfidfVectorizer(sublinear_tf=True, **params) if method == "nmf" else CountVectorizer(**params)
    try:
        X = vec.fit_transform(docs)
    except ValueError as err:   # sklearn: "empty vocabulary" / "no terms remain"
        raise TooFewUnitsError(
            f"The {len(docs)} units share no usable terms after stop words ({err}); "
            "add text or articles before looking for topics."
        ) from None
    return X, vec


# --- fitting and scoring -----------------------------------------------------------------------

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
    topic = Wn.argmax(axis=1).astype(int) if Wn.size else np.zeros(len(Wn), dtype=int)
    weight = Wn.max(axis=1) if Wn.size else np.zeros(len(Wn))
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


def npmi_coherence(X, top_terms: list[list[int]]) -> float:
    """Mean NPMI over pairs of each topic's top terms (column indexes of ``X``), from their
    co-occurrence in the units (rows of ``X``): -1 (never together) .. 1 (always together)."""
    B = (X > 0).astype(float).tocsc()
    n = B.shape[0]
    scores = []
    for top in top_terms:
        cols = B[:, list(top)]
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


def topic_diversity(top_terms: list[list]) -> float:
    """Share of unique terms among all topics' top terms (1: no term shared; Dieng et al. 2020)."""
    flat = [t for top in top_terms for t in top]
    return len(set(flat)) / len(flat) if flat else float("nan")


def _top_terms(weights: np.ndarray, loadings: np.ndarray, n: int) -> np.ndarray:
    """Indexes of the ``n`` heaviest terms of one topic (weight above 0); equal weights go by the
    model's loading."""
    top = np.lexsort((-loadings, -weights))[:n]
    return top[weights[top] > 0]


def topic_quality(coherence: float, diversity: float) -> float:
    """Topic quality as Dieng, Ruiz & Blei (2020) define it: NPMI coherence x topic diversity,
    so coherent topics that do not repeat each other score high. A k whose topics are incoherent
    on average (NPMI <= 0) scores its coherence alone, below every coherent k (the product would
    otherwise reward repeated terms)."""
    return coherence * diversity if coherence > 0 else coherence


def _check_units(n_units: int) -> None:
    if n_units < MIN_UNITS:
        raise TooFewUnitsError(
            f"Only {n_units} unit(s) to model: topics need at least {MIN_UNITS} sentences or articles "
            "with shared words. Add articles (or longer ones) to the corpus."
        )


def k_range_for(n_units: int) -> range:
    """Candidate numbers of topics: 2 .. min(8, n_units - 1)."""
    return range(2, max(2, min(MAX_K, n_units - 1)) + 1)


def _score_k(X, ks, method: str, random_state: int, n_runs: int, n_top: int, contexts=None,
             counts=None) -> pd.DataFrame:
    """The k table. Coherence and diversity are measured on each topic's class-based TF-IDF terms
    (the label terms a reader sees, as BERTopic is scored), so a topic that merges two themes,
    whose terms then come from both, scores low; stability on the model's own top terms."""
    contexts = X if contexts is None else contexts
    counts = (X > 0).astype(float) if counts is None else counts
    rows = []
    for k in ks:
        if not 2 <= k < X.shape[0] or k > X.shape[1]:
            continue
        reference, W = _fit(X, k, method, random_state)
        ref_sets = _top_sets(reference.components_, n_top)
        runs = []
        for r in range(1, n_runs + 1):
            init = "random" if method == "nmf" else None
            other, _ = _fit(X, k, method, random_state + r, init=init)
            runs.append(_agreement(ref_sets, _top_sets(other.components_, n_top)))
        topic_id, _ = _dominant(_row_normalise(W))
        weights = class_tfidf(counts, topic_id, k) * _recurring(counts)
        weights = np.where((np.bincount(topic_id[topic_id >= 0], minlength=k) > 0)[:, None], weights,
                           reference.components_)          # a topic dominating no unit: its loadings
        n_div = min(N_DIVERSITY_TERMS, X.shape[1])
        comps = reference.components_
        coherence = npmi_coherence(contexts, [_top_terms(w, c, n_top) for w, c in zip(weights, comps)])
        diversity = topic_diversity([list(_top_terms(w, c, n_div)) for w, c in zip(weights, comps)])
        rows.append({"k": k, "coherence": coherence, "diversity": diversity,
                     "quality": topic_quality(coherence, diversity),
                     "stability": float(np.mean(runs)) if runs else float("nan"),
                     "smallest_topic": int(np.bincount(topic_id[topic_id >= 0], minlength=k).min())})
    scores = pd.DataFrame(rows, columns=K_SCORE_COLUMNS[:-1])
    if scores.empty:
        raise TooFewUnitsError(f"No k in {list(ks)} fits {X.shape[0]} units and {X.shape[1]} terms.")
    floor = max(MIN_TOPIC_UNITS, math.ceil(0.01 * X.shape[0]))
    candidates = scores[scores["smallest_topic"] >= floor]
    candidates = scores if candidates.empty else candidates
    rounded = candidates["quality"].round(QUALITY_DECIMALS)
    tied = candidates[rounded == rounded.max()]
    top_stability = tied["stability"].round(3).max()
    chosen_k = int(tied.loc[tied["stability"].round(3) == top_stability, "k"].min())
    scores["chosen"] = scores["k"] == chosen_k
    return scores[K_SCORE_COLUMNS]


def choose_k(units, k_range=None, method: str = "nmf", random_state: int = 0,
             n_runs: int = 10, n_top: int = N_COHERENCE_TERMS, topic_text: TopicText | None = None) -> pd.DataFrame:
    """Score each candidate k: columns k, coherence (NPMI, -1..1), diversity (0..1), quality
    (``topic_quality``), stability (0..1), chosen.

    The chosen k has the best quality (to two decimals), among the k whose smallest topic
    dominates ``MIN_TOPIC_UNITS`` units or more; on ties the highest stability rounded to 3
    decimals (then the smallest k). Stability is the mean top-term agreement between the reported
    fit and ``n_runs`` fits from random starts.
    """
    topic_text = topic_text or TopicText()
    table = _units_table(units)
    docs = [topic_text.document(t) for t in _texts(table)]
    _check_units(len(docs))
    X, vec = vectorize(docs, method)
    ks = list(k_range or k_range_for(X.shape[0]))
    return _score_k(X, ks, method, random_state, n_runs, n_top, vec.transform(coherence_contexts(table, docs)),
                    _counts(vec, docs))


def k_choice_note(k_scores: pd.DataFrame) -> str:
    """One sentence saying why the chosen k won, from the k table (empty string without one)."""
    if k_scores is None or k_scores.empty or not k_scores["chosen"].any():
        return ""
    c = k_scores.loc[k_scores["chosen"]].iloc[0]
    k = int(c["k"])
    parts = [f"k = {k}: the best topic quality, {c['quality']:.2f} "
             f"(NPMI {c['coherence']:.2f} x diversity {c['diversity']:.2f})"]
    floor = MIN_TOPIC_UNITS
    better = k_scores[(k_scores["quality"].round(QUALITY_DECIMALS) > round(c["quality"], QUALITY_DECIMALS))]
    for r in better.itertuples():
        parts.append(f"k = {r.k} scored {r.quality:.2f} but its smallest topic dominates only "
                     f"{r.smallest_topic} unit(s), under the floor of {floor} (or 1% of units)")
    tied = k_scores[(k_scores["quality"].round(QUALITY_DECIMALS) == round(c["quality"], QUALITY_DECIMALS))
                    & (k_scores["k"] != k)]
    if len(tied):
        others = ", ".join(f"k = {r.k} ({r.stability:.2f})" for r in tied.itertuples())
        parts.append(f"it ties with {others} on quality and is more stable ({c['stability']:.2f})")
    return "; ".join(parts) + "."


def topic_label(terms: list[str], n: int = 3) -> str:
    """A short label: the first ``n`` top terms joined by ' / '."""
    return " / ".join(terms[:n])


def _counts(vec, docs: list[str]):
    """Term counts of ``docs`` over the fitted vocabulary of ``vec``."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(lowercase=False, token_pattern=r"\S+", vocabulary=vec.vocabulary_).transform(docs)


def _recurring(counts) -> np.ndarray:
    """1 for terms found in two units or more, 0 for a term of one unit: a word of a single
    sentence or article is distinctive of that unit, not of a topic, so it labels nothing."""
    return (np.asarray((counts > 0).sum(axis=0)).ravel() >= 2).astype(float)


def class_tfidf(counts, topic_id: np.ndarray, k: int) -> np.ndarray:
    """Class-based TF-IDF (BERTopic): the units of each topic pooled into one document; a term's
    weight is its frequency in the topic (share of the topic's words) x log(1 + A / f), A the mean
    number of words per topic and f the term's frequency over all topics. Shape (k, n_terms)."""
    import scipy.sparse as sp

    rows = [np.asarray(counts[topic_id == t].sum(axis=0)).ravel() for t in range(k)]
    C = np.vstack(rows) if rows else np.zeros((0, counts.shape[1]))
    if sp.issparse(C):
        C = C.toarray()
    sizes = C.sum(axis=1, keepdims=True)
    tf = np.divide(C, sizes, out=np.zeros_like(C, dtype=float), where=sizes > 0)
    f = C.sum(axis=0)
    A = sizes.mean() if len(sizes) else 0.0
    idf = np.log(1.0 + np.divide(A, f, out=np.zeros_like(f, dtype=float), where=f > 0))
    return tf * idf


def fit_topics(units, k: int | None = None, method: str = "nmf", random_state: int = 0,
               n_top_terms: int = N_TOP_TERMS, k_range=None, topic_text: TopicText | None = None,
               max_units: int | None = None, sentences: pd.DataFrame | None = None,
               n_runs: int = 10) -> TopicModel:
    """Fit topics over ``units`` (a units table with 'text', or a list of strings).

    k=None chooses k with :func:`choose_k`'s rule. ``max_units`` fits on a seeded random sample
    of that many units and assigns every unit with the fitted model. ``sentences`` (a sentences
    table) is where each topic's typical sentence is looked for; by default the units themselves.
    Topics are numbered by share of the text, largest first. Raises :class:`TooFewUnitsError`
    when there are too few units or terms.
    """
    table = _units_table(units)
    topic_text = topic_text or TopicText()
    texts = _texts(table)
    docs = [topic_text.document(t) for t in texts]
    fit_idx = np.arange(len(docs))
    if max_units is not None and len(docs) > max_units:
        fit_idx = np.sort(np.random.default_rng(random_state).choice(len(docs), size=max_units, replace=False))
    fit_docs = [docs[i] for i in fit_idx]
    _check_units(len(fit_docs))
    X, vec = vectorize(fit_docs, method)
    k_scores = _empty(K_SCORE_COLUMNS)
    if k is None:
        contexts = vec.transform(coherence_contexts(table.iloc[fit_idx], fit_docs))
        k_scores = _score_k(X, list(k_range or k_range_for(X.shape[0])), method, random_state, n_runs,
                            N_COHERENCE_TERMS, contexts, _counts(vec, fit_docs))
        k = int(k_scores.loc[k_scores["chosen"], "k"].iloc[0])
    if not 2 <= k < X.shape[0]:
        raise TooFewUnitsError(f"k={k} topics need between 2 and {X.shape[0] - 1} (units - 1) topics.")
    model, W_fit = _fit(X, k, method, random_state)
    order = list(np.argsort(-_row_normalise(W_fit).sum(axis=0), kind="stable"))   # topic 0 = largest share
    all_X = vec.transform(docs) if len(fit_idx) < len(docs) else X
    W = model.transform(all_X)[:, order] if len(fit_idx) < len(docs) else W_fit[:, order]
    Wn = _row_normalise(W)
    topic_id, weight = _dominant(Wn)
    covered = Wn.sum(axis=1) > 0
    share = Wn[covered].mean(axis=0) if covered.any() else np.zeros(k)

    counts = _counts(vec, docs)
    ctfidf = class_tfidf(counts, topic_id, k) * _recurring(counts)
    comps = model.components_[order]
    keys = np.asarray(vec.get_feature_names_out())
    surface = surface_forms(texts, topic_text)
    term_weights = np.vstack([ctfidf[t] if (topic_id == t).any() else comps[t] for t in range(k)])
    topics = []
    for t in range(k):
        scores = term_weights[t]   # a topic dominating no unit: its loadings
        top = _top_terms(scores, comps[t], n_top_terms)
        top = top[scores[top] > 0]
        terms = [surface.get(key, key) for key in keys[top]]
        total = scores[top].sum()
        topics.append({
            "topic_id": t,
            "label": topic_label(terms),
            "top_terms": terms,
            "top_weights": [float(w / total) for w in scores[top]] if total > 0 else [],
            "share": float(share[t]),
            "n_units": int((topic_id == t).sum()),
        })
    assignments = table[["unit_id", "article_id", "sentence_idx", "text"]].copy()
    assignments["topic_id"] = topic_id
    assignments["weight"] = weight
    result = TopicModel(
        topics=pd.DataFrame(topics, columns=TOPIC_COLUMNS),
        assignments=assignments[UNIT_TOPIC_COLUMNS],
        k_scores=k_scores,
        unit="sentence" if "sentence_idx" in table and table["sentence_idx"].notna().all() else "article",
        method=method, vectorizer=vec, model=model, order=order, topic_text=topic_text, n_fitted=len(fit_idx),
        term_weights=term_weights,
    )
    if sentences is None:
        sentences = assignments[["article_id", "sentence_idx", "text"]].assign(
            sentence_idx=lambda d: pd.to_numeric(d["sentence_idx"], errors="coerce").fillna(-1).astype(int))
    typical = result.typical_sentences(sentences)
    result.topics = result.topics.merge(typical, on="topic_id", how="left")
    return result


def topics_for_corpus(sentences: pd.DataFrame, unit: str = "auto", k: int | None = None,
                      method: str = "nmf", random_state: int = 0, articles: pd.DataFrame | None = None,
                      max_units: int | None = None, remove_boilerplate: bool = True) -> TopicModel:
    """Topics for a sentences table, never failing on a small corpus: too few units or no shared
    terms give an empty :class:`TopicModel` whose ``message`` says why and what to do.

    ``articles`` (the articles table) gives each article's source, so boilerplate is found per
    outlet; without it all articles are one group. ``max_units`` fits on a sample (see
    :func:`fit_topics`)."""
    if sentences is None or sentences.empty:
        return empty_model("No sentences to model: run 01_ingest on a corpus with at least one article.",
                           method=method)
    boilerplate = find_boilerplate(sentences, articles) if remove_boilerplate else Boilerplate()
    topic_text = TopicText(boilerplate)
    kept = sentences
    if boilerplate.sentences:
        kept = sentences[~sentences["text"].astype(str).map(boilerplate.is_boilerplate_sentence)]
    units, unit = make_units(kept, unit)
    try:
        result = fit_topics(units, k=k, method=method, random_state=random_state, topic_text=topic_text,
                            max_units=max_units, sentences=sentences)
    except TooFewUnitsError as err:
        return empty_model(str(err), unit=unit, method=method, topic_text=topic_text)
    result.unit = unit
    n_articles = sentences["article_id"].nunique()
    sample = f" (fitted on a sample of {result.n_fitted})" if result.n_fitted < len(units) else ""
    how = (" chosen by coherence x diversity, stability breaking ties" if not result.k_scores.empty else " (given)")
    dropped = ""
    if len(boilerplate.table):
        dropped = (f"; left out as boilerplate: {len(sentences) - len(kept)} sentence(s) and "
                   f"{int((boilerplate.table['kind'] == 'phrase').sum())} repeated phrase(s)")
    result.message = (f"{len(units)} {unit} units{sample} from {n_articles} article(s); "
                      f"k={result.k} topics{how}{dropped}.")
    return result


def topics_table(model: TopicModel) -> pd.DataFrame:
    """The table written to topics.parquet (columns ``TOPIC_COLUMNS``)."""
    return model.topics[TOPIC_COLUMNS].copy()


def labels_table(model: TopicModel) -> pd.DataFrame:
    """What a reader needs to name each topic: topic_id, label, share, n_units, top_terms and the
    typical sentence (with its article and index)."""
    cols = ["topic_id", "label", "share", "n_units", "top_terms", *TYPICAL_COLUMNS]
    return model.topics.reindex(columns=cols).copy()


# --- reading the topics ------------------------------------------------------------------------

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
    out["label"] = out["topic_id"].map(labels).fillna(NO_TOPIC_LABEL)
    return out[cols]


def topic_shares(sentence_topics: pd.DataFrame, articles: pd.DataFrame, topics: pd.DataFrame,
                 by: str = "week") -> pd.DataFrame:
    """Share of sentences per topic in each week (``by='week'``: the Monday starting it,
    YYYY-MM-DD, from the article's publication date) or each outlet (``by='source'``).
    Columns period, topic_id, label, n_sentences, share (of that period's sentences with a
    topic, so shares sum to 1). Sentences with no topic (-1: boilerplate, no known term) and
    articles without a date or source are left out."""
    if by not in ("week", "source"):
        raise ValueError(f"by must be 'week' or 'source', not {by!r}")
    if sentence_topics is None or sentence_topics.empty or articles is None or articles.empty:
        return _empty(SHARE_COLUMNS)
    meta = articles[["article_id", "date" if by == "week" else "source"]].copy()
    if by == "week":
        dates = pd.to_datetime(meta["date"], errors="coerce", format="%Y-%m-%d")
        meta["period"] = dates.dt.to_period("W-SUN").dt.start_time.dt.strftime("%Y-%m-%d")   # weeks Monday..Sunday
    else:
        meta["period"] = meta["source"].astype("string").str.strip()
    meta = meta[meta["period"].notna() & (meta["period"] != "")]
    data = sentence_topics[sentence_topics["topic_id"] >= 0].merge(meta[["article_id", "period"]],
                                                                    on="article_id", how="inner")
    if data.empty:
        return _empty(SHARE_COLUMNS)
    out = data.groupby(["period", "topic_id"]).size().rename("n_sentences").reset_index()
    out["share"] = out["n_sentences"] / out.groupby("period")["n_sentences"].transform("sum")
    out["label"] = out["topic_id"].map(dict(zip(topics["topic_id"], topics["label"]))).fillna(NO_TOPIC_LABEL)
    out["period"] = out["period"].astype(str)
    return out[SHARE_COLUMNS].sort_values(["period", "topic_id"]).reset_index(drop=True)


def sentences_with_topics(sentence_topics: pd.DataFrame, sentences: pd.DataFrame, topics: pd.DataFrame,
                          contains=None) -> pd.DataFrame:
    """Each sentence with its dominant topic's label and weight (article_id, sentence_idx,
    topic_id, label, weight, text). ``contains`` (a word or list of words) keeps the sentences
    holding any of them as whole words, case-sensitive ("Xi" but not "exited"), and adds a
    ``matches`` column naming them."""
    cols = ["article_id", "sentence_idx", "topic_id", "label", "weight", "text"]
    merged = sentence_topics.merge(sentences[["article_id", "sentence_idx", "text"]], on=["article_id", "sentence_idx"])
    merged["label"] = merged["topic_id"].map(dict(zip(topics["topic_id"], topics["label"]))).fillna(NO_TOPIC_LABEL)
    if contains:
        words_ = [contains] if isinstance(contains, str) else list(contains)
        patterns = {w: re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words_}
        merged["matches"] = [", ".join(w for w, p in patterns.items() if p.search(t)) for t in merged["text"]]
        merged = merged[merged["matches"] != ""]
        cols = ["matches", *cols]
    return merged.sort_values(["article_id", "sentence_idx"])[cols].reset_index(drop=True)
