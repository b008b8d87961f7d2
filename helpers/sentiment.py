"""Sentiment: VADER scores per sentence, per-article aggregates, and why each score is what it is.

VADER (Hutto & Gilbert 2014) is run through nltk (``nltk.sentiment.vader``) with the lexicon file
that ships inside the ``vaderSentiment`` package, so nothing is downloaded. Rules applied here:

- The unit is the sentence. A whole article is never scored as one text: VADER's compound is
  ``s / sqrt(s**2 + 15)`` of a sum ``s`` that grows with length, so long texts saturate at +-1.
- A sentence is 'positive' when compound >= 0.05, 'negative' when compound <= -0.05, else
  'neutral' (the thresholds of VADER's authors).
- A war-news lexicon table (``data/raw/lexicon/war_news_lexicon.csv``) can add or override
  entries. Multi-word terms ("suicide drones") are matched as phrases: their inner spaces are
  swapped for a word joiner (same length, so character offsets do not move) and the joined
  token is looked up like any other word.
- :func:`explain` replays VADER's per-token pipeline so each word's contribution (after the
  rules for negation, boosters, capitals and "but") is visible; the contributions plus the
  punctuation-emphasis row sum to the raw score VADER normalises.
- Speed: nltk's ``SentiText`` builds a dictionary of every word glued to every punctuation mark
  for each sentence (two thirds of its time). :class:`FastSentiText` gives the same tokens from a
  direct look-up, and :func:`score_with_and_without` tokenises and scores each sentence once for
  both scores: with the war lexicon only the tokens whose look-ups reach one of its terms are
  scored again (for any other token every look-up, and so its valence, is the same).
  The scores are nltk's, unchanged: tests compare both paths on every fixture sentence.
"""

from __future__ import annotations

import copy
import csv
import html
import math
import os
import re
import string
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import columns
from helpers.dates import date_in_words, date_span

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LEXICON = REPO_ROOT / "data" / "raw" / "lexicon" / "war_news_lexicon.csv"

POSITIVE_THRESHOLD = 0.05   # VADER authors' cut-offs for the compound score
NEGATIVE_THRESHOLD = -0.05

# Column order of the tables this module writes (documented in the README).
SENTIMENT_COLUMNS = columns.SENTIMENT
ARTICLE_SENTIMENT_COLUMNS = columns.ARTICLE_SENTIMENT
EXPLAIN_COLUMNS = [
    "token_idx", "token", "start", "end", "lexicon_valence", "rule_valence", "but_factor",
    "valence", "rule", "source",
]
LEXICON_COLUMNS = ["term", "valence", "source", "note"]

PUNCTUATION_ROW = "(! and ? emphasis)"
_JOINER = "\u2060"  # WORD JOINER: not white space, not in string.punctuation, one character


# --- analyzers (built once) -------------------------------------------------------------------

def _add_vader_lexicon_folder() -> str:
    """Put the vaderSentiment package folder on ``nltk.data.path`` once; returns the folder.

    nltk refuses absolute paths and 'file:' URLs for resources, so the folder is added to its
    search path and the lexicon is named relatively. This is the only nltk global touched.
    """
    import nltk
    import vaderSentiment

    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return folder


def _fast_classes():
    """:class:`FastSentiText` and the analyzer that uses it (built on first use: nltk is slow to import)."""
    if "classes" in _FAST:
        return _FAST["classes"]
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

    class FastSentiText(SentiText):
        """nltk's ``SentiText`` with the same tokens found without its per-sentence dictionary.

        nltk maps ``p + w`` and ``w + p`` to ``w`` for every mark ``p`` of ``PUNC_LIST`` and
        every word ``w`` (longer than one character) of the text with all punctuation removed.
        Such words hold no punctuation and every mark is punctuation, so a token is replaced
        exactly when its leading or trailing punctuation run is one mark of ``PUNC_LIST`` and
        the rest is one of those words.
        """

        def _words_and_emoticons(self):
            words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            marks = _punc_set(tuple(self.PUNC_LIST))
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                if we not in words_only:
                    tail = len(we) - len(we.rstrip(_PUNCTUATION))
                    head = len(we) - len(we.lstrip(_PUNCTUATION))
                    if tail and we[-tail:] in marks and we[:-tail] in words_only:
                        we = we[:-tail]
                    elif head and we[:head] in marks and we[head:] in words_only:
                        we = we[head:]
                out.append(we)
            return out

    class FastAnalyzer(SentimentIntensityAnalyzer):
        """nltk's analyzer, tokenising with :class:`FastSentiText`; scores are nltk's own."""

        def sentitext(self, text: str):
            return FastSentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)

        def polarity_scores(self, text):
            return self.scores_of(self.sentitext(text), text)

        def scores_of(self, sentitext, text: str) -> dict:
            """nltk's ``polarity_scores`` on an already tokenised sentence."""
            return self.finish(sentitext.words_and_emoticons, self.valences(sentitext), text)

        def valences(self, sentitext) -> list:
            """Each token's valence before the 'but' rule: nltk's ``polarity_scores`` loop."""
            sentiments = []
            words = sentitext.words_and_emoticons
            first_index: dict[str, int] = {}
            for idx, token in enumerate(words):
                first_index.setdefault(token, idx)
            boosters = self.constants.BOOSTER_DICT
            for item in words:
                i = first_index[item]
                low = item.lower()
                if (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of") or low in boosters:
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            return sentiments

        def finish(self, words, sentiments: list, text: str) -> dict:
            """The 'but' rule and VADER's sums (``sentiments`` is changed in place, as nltk does)."""
            return self.score_valence(self._but_check(words, sentiments), text)

        def rescored(self, sentitext, valences: list, hits: set, text: str) -> dict:
            """This analyzer's scores of a sentence whose ``valences`` were computed with a lexicon
            that differs from this one only at the token positions in ``hits``.

            nltk's ``sentiment_valence`` looks a token (scored at its first index ``i``) up in the
            lexicon at ``i`` and at ``i-1..i-3`` only, so only tokens whose window holds a hit
            are scored again; the others keep their valence.
            """
            words = sentitext.words_and_emoticons
            first_index: dict[str, int] = {}
            for idx, token in enumerate(words):
                first_index.setdefault(token, idx)
            boosters = self.constants.BOOSTER_DICT
            out = list(valences)
            for p, item in enumerate(words):
                i = first_index[item]
                if not any(i - 3 <= j <= i for j in hits):
                    continue
                low = item.lower()
                if (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of") or low in boosters:
                    continue   # 0 under any lexicon
                out[p] = self.sentiment_valence(0, sentitext, item, i, [])[0]
            return self.finish(words, out, text)

    _FAST["classes"] = (FastSentiText, FastAnalyzer)
    return _FAST["classes"]


_FAST: dict = {}
_PUNCTUATION = string.punctuation


@lru_cache(maxsize=4)
def _punc_set(marks: tuple) -> frozenset:
    return frozenset(marks)


@lru_cache(maxsize=1)
def vader_analyzer():
    """nltk's ``SentimentIntensityAnalyzer`` with vaderSentiment's ``vader_lexicon.txt`` (no download),
    tokenising with :class:`FastSentiText` (same tokens and scores as nltk's, about 3x faster)."""
    _add_vader_lexicon_folder()
    return _fast_classes()[1](lexicon_file="vader_lexicon.txt")


@lru_cache(maxsize=1)
def nltk_analyzer():
    """nltk's own ``SentimentIntensityAnalyzer`` as shipped (the yardstick for the fast path)."""
    _add_vader_lexicon_folder()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def read_lexicon(path: str | os.PathLike = DEFAULT_LEXICON) -> pd.DataFrame:
    """Read and validate a lexicon-additions CSV: columns term, valence, source, note.

    Rules: term is non-empty (lower-cased, inner white space collapsed); valence is a number
    in VADER's range -4..4; source says where the value came from; a term appears once.
    A bad row raises ``ValueError`` naming the file and line.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: lexicon table not found; see data/raw/lexicon/README.md")
    rows, seen = [], {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("term", "valence", "source") if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}:1: header lacks column(s) {missing}; expected {LEXICON_COLUMNS}")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            term = " ".join((row.get("term") or "").lower().split())
            if not term:
                raise ValueError(f"{where}: empty term; fill it in or delete the row")
            try:
                valence = float(row.get("valence") or "")
            except ValueError:
                raise ValueError(f"{where}: valence {row.get('valence')!r} of {term!r} is not a number") from None
            if not -4.0 <= valence <= 4.0 or math.isnan(valence):
                raise ValueError(f"{where}: valence {valence} of {term!r} is outside VADER's range -4..4")
            if not (row.get("source") or "").strip():
                raise ValueError(f"{where}: {term!r} has no source; say where the value came from")
            if term in seen:
                raise ValueError(f"{where}: {term!r} already defined on line {seen[term]}")
            seen[term] = reader.line_num
            rows.append({"term": term, "valence": valence, "source": row["source"].strip(),
                         "note": (row.get("note") or "").strip()})
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS)


@lru_cache(maxsize=8)
def _war_analyzer(path: str, mtime: float):
    # mtime is part of the cache key so an edited table is re-read in the same session.
    base = vader_analyzer()
    table = read_lexicon(path)
    analyzer = copy.copy(base)
    analyzer.lexicon = dict(base.lexicon)  # a copy: the plain analyzer stays plain
    analyzer.lexicon.update({t.replace(" ", _JOINER): v for t, v in zip(table["term"], table["valence"])})
    phrases = sorted((t for t in table["term"] if " " in t), key=len, reverse=True)
    pattern = None
    if phrases:
        alternatives = "|".join(r"\s".join(map(re.escape, p.split())) for p in phrases)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    sources = dict(zip(table["term"].str.replace(" ", _JOINER), table["source"]))
    return analyzer, pattern, sources


@lru_cache(maxsize=8)
def _war_terms(path: str, mtime: float) -> frozenset:
    """The lexicon table's terms as VADER sees them (lower case, phrases joined)."""
    return frozenset(_war_analyzer(path, mtime)[2])


def _analyzer_for(lexicon):
    """(analyzer, phrase pattern or None, {term: source}) for ``lexicon`` (None = plain VADER)."""
    if lexicon is None:
        return vader_analyzer(), None, {}
    path = Path(lexicon).resolve()
    if not path.exists():
        raise FileNotFoundError(f"{path}: lexicon table not found; see data/raw/lexicon/README.md")
    return _war_analyzer(str(path), path.stat().st_mtime)


def _join_phrases(text: str, pattern) -> str:
    """Swap the spaces inside lexicon phrases for the word joiner (length unchanged)."""
    if pattern is None:
        return text
    return pattern.sub(lambda m: re.sub(r"\s", _JOINER, m.group()), text)


# --- scoring ------------------------------------------------------------------------------------

def label_for(compound: float) -> str:
    """'positive' (>= 0.05), 'negative' (<= -0.05) or 'neutral': VADER's authors' thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def polarity(text: str, lexicon=None) -> dict:
    """VADER's ``{'neg','neu','pos','compound'}`` for one sentence, optionally with a lexicon table."""
    analyzer, pattern, _ = _analyzer_for(lexicon)
    return analyzer.polarity_scores(_join_phrases(str(text), pattern))


def _as_sentences(sentences) -> pd.DataFrame:
    if isinstance(sentences, pd.DataFrame):
        if "text" not in sentences.columns:
            raise ValueError("sentences table has no 'text' column; expected data/processed/sentences.parquet columns")
        out = sentences.copy()
        if "article_id" not in out.columns:
            out["article_id"] = ""
        if "sentence_idx" not in out.columns:
            out["sentence_idx"] = range(len(out))
        return out
    texts = list(sentences)
    return pd.DataFrame({"article_id": "", "sentence_idx": range(len(texts)), "text": texts})


def score_sentences(sentences, lexicon=None) -> pd.DataFrame:
    """Score each sentence: in goes a sentences table (article_id, sentence_idx, text) or a list of
    strings; out comes article_id, sentence_idx, compound, pos, neu, neg, label (one row each).

    ``lexicon`` is None (plain VADER) or the path of a lexicon-additions CSV.
    """
    df = _as_sentences(sentences)
    analyzer, pattern, _ = _analyzer_for(lexicon)
    scores = [analyzer.polarity_scores(_join_phrases(str(t), pattern)) for t in df["text"]]
    out = pd.DataFrame({
        "article_id": df["article_id"].to_numpy(),
        "sentence_idx": df["sentence_idx"].astype(int).to_numpy(),
        "compound": [s["compound"] for s in scores],
        "pos": [s["pos"] for s in scores],
        "neu": [s["neu"] for s in scores],
        "neg": [s["neg"] for s in scores],
    })
    out["compound"] = out["compound"].astype(float)
    out["label"] = [label_for(c) for c in out["compound"]]
    return out


def pair_scorer(lexicon=DEFAULT_LEXICON):
    """A function ``text -> (plain scores, war-lexicon compound)`` scoring in one pass.

    The sentence is tokenised and scored once. Where it holds a term of the table, only the
    tokens whose look-ups reach that term are scored again with the table (a phrase of the
    table, which joins tokens, has the joined text scored whole); elsewhere every look-up VADER
    makes, and so the score, is the plain one. The table is read once, here, not per sentence.
    """
    plain = vader_analyzer()
    if lexicon is None:
        def score(text):
            text = str(text)
            scores = plain.scores_of(plain.sentitext(text), text)
            return scores, scores["compound"]
        return score
    war, pattern, _ = _analyzer_for(lexicon)
    path = Path(lexicon).resolve()
    terms = _war_terms(str(path), path.stat().st_mtime)

    def score(text):
        text = str(text)
        senti = plain.sentitext(text)
        words = senti.words_and_emoticons
        valences = plain.valences(senti)
        scores = plain.finish(words, list(valences), text)
        joined = _join_phrases(text, pattern)
        if joined != text:   # a phrase of the table joins tokens: score the joined text whole
            return scores, war.scores_of(plain.sentitext(joined), joined)["compound"]
        hits = {j for j, w in enumerate(words) if w.lower() in terms}
        if hits:
            return scores, war.rescored(senti, valences, hits, text)["compound"]
        return scores, scores["compound"]
    return score


def score_pair(text: str, lexicon=DEFAULT_LEXICON) -> tuple[dict, float]:
    """VADER's scores of ``text`` without ``lexicon`` and its compound with it (see :func:`pair_scorer`)."""
    return pair_scorer(lexicon)(text)


def score_with_and_without(sentences, lexicon=DEFAULT_LEXICON) -> pd.DataFrame:
    """The sentiment table: plain VADER columns plus ``compound_war``/``label_war`` with ``lexicon``
    (one pass per sentence, see :func:`score_pair`)."""
    df = _as_sentences(sentences)
    score = pair_scorer(lexicon)
    pairs = [score(t) for t in df["text"]]
    out = pd.DataFrame({
        "article_id": df["article_id"].to_numpy(),
        "sentence_idx": df["sentence_idx"].astype(int).to_numpy(),
        "compound": [p[0]["compound"] for p in pairs],
        "pos": [p[0]["pos"] for p in pairs],
        "neu": [p[0]["neu"] for p in pairs],
        "neg": [p[0]["neg"] for p in pairs],
    })
    out["compound"] = out["compound"].astype(float)
    out["label"] = [label_for(c) for c in out["compound"]]
    out["compound_war"] = pd.Series([p[1] for p in pairs], dtype=float).to_numpy()
    out["label_war"] = [label_for(c) for c in out["compound_war"]]
    return out[SENTIMENT_COLUMNS]


def article_sentiment(scores: pd.DataFrame) -> pd.DataFrame:
    """Per-article aggregates of sentence scores (never a whole-article VADER score).

    mean_compound is the mean of sentence compounds; share_negative / share_positive are the
    shares of sentences labelled so. ``*_war`` columns appear when the scores carry them (else NaN).
    """
    if scores.empty:
        return pd.DataFrame(columns=ARTICLE_SENTIMENT_COLUMNS)
    s = scores.copy()
    s["_neg"] = s["label"].eq("negative")
    s["_pos"] = s["label"].eq("positive")
    has_war = "compound_war" in s.columns
    s["_cw"] = s["compound_war"] if has_war else float("nan")
    s["_negw"] = s["label_war"].eq("negative") if has_war else float("nan")
    g = s.groupby("article_id", sort=False)
    out = pd.DataFrame({
        "n_sentences": g.size(),
        "mean_compound": g["compound"].mean(),
        "share_negative": g["_neg"].mean(),
        "share_positive": g["_pos"].mean(),
        "min_compound": g["compound"].min(),
        "max_compound": g["compound"].max(),
        "mean_compound_war": g["_cw"].mean(),
        "share_negative_war": g["_negw"].mean(),
    }).reset_index()
    return out[ARTICLE_SENTIMENT_COLUMNS]


def extremes(scores: pd.DataFrame, sentences: pd.DataFrame, n: int = 1, column: str = "compound") -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences (ties: reading order) with their text."""
    cols = ["article_id", "sentence_idx", "text"]
    merged = scores.merge(sentences[cols], on=["article_id", "sentence_idx"], how="left")
    if merged.empty:
        return merged.assign(which=pd.Series(dtype=str))
    ordered = merged.sort_values([column, "article_id", "sentence_idx"], kind="stable")
    neg = ordered.head(n).assign(which="most negative")
    pos = ordered.sort_values(column, ascending=False, kind="stable").head(n).assign(which="most positive")
    return pd.concat([neg, pos], ignore_index=True)[["which", *cols, column]]


def compare_with_reference(sentences) -> pd.DataFrame:
    """nltk's VADER next to the vaderSentiment package's own on each sentence.

    Out: article_id, sentence_idx, compound_nltk, compound_reference, agree, text. They differ
    where the two ports tokenise differently (nltk keeps a word glued to two punctuation marks,
    e.g. 'powerless."', and so misses it) or where vaderSentiment has rules nltk lacks.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Reference

    df = _as_sentences(sentences)
    ref = _reference_analyzer(Reference)
    nltk_scores = score_sentences(df)["compound"].to_numpy()  # the fast path: nltk's scores
    out = pd.DataFrame({
        "article_id": df["article_id"].to_numpy(),
        "sentence_idx": df["sentence_idx"].to_numpy(),
        "compound_nltk": nltk_scores,
        "compound_reference": [ref.polarity_scores(str(t))["compound"] for t in df["text"]],
        "text": df["text"].to_numpy(),
    })
    out["agree"] = out["compound_nltk"] == out["compound_reference"]
    return out[["article_id", "sentence_idx", "compound_nltk", "compound_reference", "agree", "text"]]


_REFERENCE = {}


def _reference_analyzer(cls):
    if "ref" not in _REFERENCE:
        _REFERENCE["ref"] = cls()
    return _REFERENCE["ref"]


# --- explanation -------------------------------------------------------------------------------

def _token_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character span of each VADER token in ``text``.

    VADER's tokens are the white-space pieces longer than one character, some stripped of one
    leading or trailing punctuation mark; they come in text order, so each is found in its piece.
    """
    pieces = [m for m in re.finditer(r"\S+", text) if len(m.group()) > 1]
    spans = []
    for piece, token in zip(pieces, tokens):
        at = piece.group().find(token)
        at = 0 if at < 0 else at
        spans.append((piece.start() + at, piece.start() + at + len(token)))
    return spans


def _rule_text(words: list[str], i: int, lexicon: dict, constants) -> str:
    """Name the VADER rules that fire for the word at ``i`` (descriptive; the numbers come from VADER)."""
    notes = []
    word = words[i]
    if word.isupper() and any(not w.isupper() for w in words):
        notes.append("ALL CAPS")
    for back in range(1, 4):
        if i - back < 0:
            break
        prev = words[i - back]
        if prev.lower() in lexicon:
            continue
        if prev.lower() in constants.BOOSTER_DICT:
            kind = "boosted" if constants.BOOSTER_DICT[prev.lower()] > 0 else "dampened"
            notes.append(f"{kind} by '{prev}'")
        if constants.negated([prev]):
            notes.append(f"negated by '{prev}'")
    if i > 0 and words[i - 1].lower() == "least":
        notes.append("negated by 'least'")
    return "; ".join(notes)


def explain(text: str, lexicon=None, only_scored: bool = True) -> pd.DataFrame:
    """Why VADER scored ``text`` as it did: one row per token plus one punctuation row.

    Columns: token_idx, token, start, end (offsets in ``text``), lexicon_valence (the word's
    lexicon entry, NaN if none), rule_valence (after capitals, boosters, negation, 'least'),
    but_factor (0.5 before the first 'but', 1.5 after it), valence (what VADER sums), rule
    (which rules fired), source ('vader' or the lexicon table's source). The last row,
    '(! and ? emphasis)', is the punctuation amplifier VADER adds with the sign of the sum, so
    the valences summed in row order are exactly the raw score VADER normalises into compound.
    Replays nltk's ``polarity_scores`` token loop, including its quirk that a repeated token is
    scored in the context of its first occurrence. ``only_scored`` keeps lexicon words only.
    """
    analyzer, pattern, sources = _analyzer_for(lexicon)
    joined = _join_phrases(str(text), pattern)
    c = analyzer.constants
    senti = analyzer.sentitext(joined)   # the tokens the reported score was computed from
    words = senti.words_and_emoticons
    first_index: dict[str, int] = {}
    for idx, token in enumerate(words):
        first_index.setdefault(token, idx)
    sentiments: list[float] = []
    for item in words:  # same loop as nltk.sentiment.vader.SentimentIntensityAnalyzer.polarity_scores
        i = first_index[item]
        if (i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of") \
                or item.lower() in c.BOOSTER_DICT:
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, senti, item, i, sentiments)
    rule_valences = list(sentiments)
    final = analyzer._but_check(words, list(sentiments))
    spans = _token_spans(joined, words)
    lowered = [w.lower() for w in words]
    but_at = lowered.index("but") if "but" in lowered else None
    rows = []
    for idx, (item, rv, fv, (start, end)) in enumerate(zip(words, rule_valences, final, spans)):
        key = item.lower()
        in_lex = key in analyzer.lexicon and key not in c.BOOSTER_DICT
        factor = 1.0 if but_at is None or idx == but_at else (0.5 if idx < but_at else 1.5)
        rule = _rule_text(words, first_index[item], analyzer.lexicon, c) if in_lex else ""
        if factor != 1.0 and rv != 0:
            rule = "; ".join(filter(None, [rule, f"x{factor:g} {'before' if factor < 1 else 'after'} 'but'"]))
        rows.append({
            "token_idx": idx,
            "token": text[start:end],
            "start": start,
            "end": end,
            "lexicon_valence": analyzer.lexicon[key] if in_lex else float("nan"),
            "rule_valence": float(rv),
            "but_factor": factor,
            "valence": float(fv),
            "rule": rule,
            "source": (sources.get(key, "vader") if in_lex else ""),
            "_scored": in_lex,
        })
    total = float(sum(final))
    amp = analyzer._punctuation_emphasis(total, joined)
    signed = float(amp) if total > 0 and amp else (-float(amp) if total < 0 and amp else 0.0)
    rows.append({
        "token_idx": len(words), "token": PUNCTUATION_ROW, "start": -1, "end": -1,
        "lexicon_valence": float("nan"), "rule_valence": float(signed), "but_factor": 1.0,
        "valence": float(signed), "rule": f"{joined.count('!')} '!', {joined.count('?')} '?'",
        "source": "vader", "_scored": True,
    })
    out = pd.DataFrame(rows)
    if only_scored:
        out = out[out["_scored"]]
    return out.drop(columns="_scored").reset_index(drop=True)[EXPLAIN_COLUMNS]


def raw_score(text: str, lexicon=None) -> float:
    """The raw sum VADER normalises (sum of :func:`explain` valences, punctuation included)."""
    # Python's left-to-right sum, as VADER adds: pandas' pairwise sum can differ in the last bit.
    return float(sum(explain(text, lexicon=lexicon, only_scored=False)["valence"].tolist()))


def normalize(raw: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a raw sum into compound: ``raw / sqrt(raw**2 + alpha)``."""
    return raw / math.sqrt(raw * raw + alpha)


def explain_sentences(sentences: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """:func:`explain` over a sentences table: article_id and sentence_idx in front of each row."""
    parts = [
        explain(t, lexicon=lexicon).assign(article_id=a, sentence_idx=int(i))
        for a, i, t in zip(sentences["article_id"], sentences["sentence_idx"], sentences["text"])
    ]
    cols = ["article_id", "sentence_idx", *EXPLAIN_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]


def highlight_html(text: str, explanation: pd.DataFrame) -> str:
    """``text`` as HTML with each word that moved the score marked (red negative, blue positive,
    grey for a lexicon-table term set to 0) and its valence in a superscript; the punctuation row
    is appended when it is not zero."""
    from helpers.charts import COLORS

    out, pos = [], 0
    # Words that moved the score, and lexicon-table terms that were set to 0 (shown in grey).
    from_table = ~explanation["source"].isin(["vader", ""])
    words = explanation[(explanation["start"] >= 0) & ((explanation["valence"] != 0) | from_table)]
    for row in words.sort_values("start").itertuples():
        colour = (COLORS["positive"] if row.valence > 0 else COLORS["negative"] if row.valence < 0
                  else COLORS["reference"])
        tip = "; ".join(filter(None, [row.source, row.rule]))
        out.append(html.escape(text[pos:row.start]))
        out.append(
            f'<mark style="background:{colour}22;border-bottom:2px solid {colour}" title="{html.escape(tip)}">'
            f"{html.escape(text[row.start:row.end])}<sup>{row.valence:+.2f}</sup></mark>"
        )
        pos = row.end
    out.append(html.escape(text[pos:]))
    punct = explanation[explanation["token"] == PUNCTUATION_ROW]
    if not punct.empty and punct["valence"].iloc[0] != 0:
        out.append(f" <sup>(!/? emphasis {punct['valence'].iloc[0]:+.3f})</sup>")
    return "".join(out)


def lexicon_effect(scores: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences whose score the war-news lexicon changes, side by side: article_id,
    sentence_idx, compound, compound_war, label, label_war, text (largest change first)."""
    cols = ["article_id", "sentence_idx", "compound", "compound_war", "label", "label_war", "text"]
    merged = scores.merge(sentences[["article_id", "sentence_idx", "text"]], on=["article_id", "sentence_idx"])
    changed = merged[merged["compound"] != merged["compound_war"]].copy()
    changed["_delta"] = (changed["compound_war"] - changed["compound"]).abs()
    return changed.sort_values(["_delta", "article_id", "sentence_idx"], ascending=[False, True, True],
                               kind="stable")[cols].reset_index(drop=True)


def first_sentence_with(sentences: pd.DataFrame, phrase: str) -> str:
    """The first sentence containing ``phrase`` (case-insensitive, plain text), or '' if none."""
    hits = sentences[sentences["text"].str.lower().str.contains(phrase.lower(), regex=False)]
    return str(hits["text"].iloc[0]) if len(hits) else ""


def explained_html(texts, lexicon=None, headings=None, lexicons=None) -> str:
    """HTML blocks, one per text: an optional heading, the sentence with the words that moved its
    score highlighted, and VADER's compound (recomputed from the explanation's raw sum).
    ``lexicons`` (one per text) overrides ``lexicon`` to show one sentence with and without it."""
    texts = list(texts)
    lexicons = list(lexicons) if lexicons is not None else [lexicon] * len(texts)
    blocks = []
    for n, (text, lex) in enumerate(zip(texts, lexicons)):
        expl = explain(text, lexicon=lex)
        raw = float(sum(expl["valence"].tolist()))
        head = f"<b>{html.escape(headings[n])}</b><br>" if headings else ""
        blocks.append(f"<p>{head}{highlight_html(text, expl)}<br>"
                      f"<small>raw sum {raw:+.3f} &rarr; compound {normalize(raw):+.4f}</small></p>")
    return "\n".join(blocks) if blocks else "<p>No sentences.</p>"


# --- edges: the footnote line and the stage run (read sentences, write the two tables) ----------

def source_note(articles: pd.DataFrame | None) -> str:
    """Footnote naming the text charted: 'Source: "<title>", <source>, 22 March 2023' for one
    article, 'Source: N articles, <first date> to <last date>' for several."""
    if articles is None or articles.empty:
        return "Source: no articles"

    def day(value):
        return date_in_words(value) or "date unknown"

    def present(value):
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)

    if len(articles) == 1:
        row = articles.iloc[0]
        title = present(row.get("title"))
        parts = [f'"{title}"' if title else str(row["article_id"]), present(row.get("source")), day(row.get("date"))]
        return "Source: " + ", ".join(p for p in parts if p)
    # each date as its source gave it: a corpus may mix '2025', '2026-01' and '2026-01-05'
    first_last = date_span(articles["date"])
    span = f", {day(first_last[0])} to {day(first_last[1])}" if first_last else ""
    return f"Source: {len(articles)} articles{span}"
