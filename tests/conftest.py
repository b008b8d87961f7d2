"""Shared fixtures: the seed article and the fixture corpus, read from the repository (never ../shared)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt"
SEED_ID = "d80befd21902f2fe"
FIXTURE_CORPUS = REPO / "tests/data/corpus"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_tables():
    """(articles, sentences, report) of the bundled corpus, ingested with its manifest."""
    from helpers.ingest import ingest_corpus

    return ingest_corpus(REPO / "data/raw/articles", REPO / "data/raw/articles.csv")


@pytest.fixture(scope="session")
def seed_sentences(seed_tables):
    return seed_tables[1]
