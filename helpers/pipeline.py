"""Pipeline: run a stage over a corpus and write its tables to ``processed_dir``.

Each ``run_*`` function is what one notebook calls: it reads the tables the stage before wrote,
calls the pure functions of that stage's module, and writes its own tables atomically.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import events, extract, sentiment, topics
from helpers.ingest import ingest_corpus
from helpers.io import read_table, write_table


def run_ingest(corpus_dir: str | Path, processed_dir: str | Path, manifest: str | Path | None = None
               ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Ingest a corpus folder and write articles, sentences and the ingest report.

    Writes ``articles.parquet``, ``sentences.parquet`` and ``ingest_report.parquet`` in
    ``processed_dir``; returns the three tables.
    """
    articles, sentences, report = ingest_corpus(corpus_dir, manifest or None)
    out = Path(processed_dir)
    write_table(articles, out / "articles.parquet")
    write_table(sentences, out / "sentences.parquet")
    write_table(report, out / "ingest_report.parquet")
    return articles, sentences, report


def run_sentiment(processed_dir: str | Path, lexicon: str | Path | None = sentiment.DEFAULT_LEXICON
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score every sentence of ``sentences.parquet`` with and without the war-news ``lexicon``.

    Writes ``sentiment.parquet`` and ``article_sentiment.parquet``; returns both tables.
    """
    out = Path(processed_dir)
    sentences = read_table(out / "sentences.parquet")
    scores = sentiment.score_with_and_without(sentences, lexicon=lexicon)
    aggregates = sentiment.article_sentiment(scores)
    write_table(scores, out / "sentiment.parquet")
    write_table(aggregates, out / "article_sentiment.parquet")
    return scores, aggregates


def run_topics(processed_dir: str | Path, unit: str = "auto", k: int | None = None, method: str = "nmf",
               random_state: int = 0) -> topics.TopicModel:
    """Fit topics over ``sentences.parquet`` (see :func:`helpers.topics.topics_for_corpus`).

    Writes ``topics.parquet`` and ``sentence_topics.parquet`` (empty, with their columns, when
    there are too few units); returns the model, whose ``message`` says what was done.
    """
    out = Path(processed_dir)
    sentences = read_table(out / "sentences.parquet")
    model = topics.topics_for_corpus(sentences, unit=unit, k=k, method=method, random_state=random_state)
    write_table(topics.topics_table(model), out / "topics.parquet")
    write_table(model.sentence_topics(sentences), out / "sentence_topics.parquet")
    return model


def run_extraction(processed_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Extract casualty, interception and economic figures from ``sentences.parquet``.

    Publication dates come from ``articles.parquet``. Writes ``casualties.parquet``,
    ``interceptions.parquet`` and ``economic_figures.parquet``; returns the three tables (empty,
    with their columns, when the corpus states no figure).
    """
    out = Path(processed_dir)
    sentences = read_table(out / "sentences.parquet")
    articles = read_table(out / "articles.parquet")
    tables = (
        extract.extract_casualties(sentences, articles),
        extract.extract_interceptions(sentences, articles),
        extract.extract_economic_figures(sentences, articles),
    )
    for df, name in zip(tables, ("casualties", "interceptions", "economic_figures")):
        write_table(df, out / f"{name}.parquet")
    return tables


def run_events(processed_dir: str | Path, undated_window_days: int | None = None
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build events from ``casualties.parquet``, ``interceptions.parquet`` and ``articles.parquet``.

    One row per strike and per night's air-defence claim (see :mod:`helpers.events`; rows without
    a date phrase stay events of their own unless ``undated_window_days`` is given). Writes
    ``events.parquet`` and ``event_reports.parquet``; returns both tables.
    """
    out = Path(processed_dir)
    tables = events.build_events(
        read_table(out / "casualties.parquet"),
        read_table(out / "interceptions.parquet"),
        read_table(out / "articles.parquet"),
        undated_window_days=undated_window_days,
    )
    for df, name in zip(tables, ("events", "event_reports")):
        write_table(df, out / f"{name}.parquet")
    return tables
