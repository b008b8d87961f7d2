"""Pipeline: run a stage over a corpus and write its tables to ``processed_dir``.

Each ``run_*`` function is what one notebook calls: it reads the tables the stage before wrote,
calls the pure functions of that stage's module, and writes its own tables atomically.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.ingest import ingest_corpus
from helpers.io import write_table


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
