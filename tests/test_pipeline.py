"""The stage functions give the same table on a whole corpus as on its articles one at a time,
so they can run partition by partition (streamed, or as Dask map_partitions) without rewriting."""

import pandas as pd
import pytest

from helpers import extract, sentiment
from helpers.ingest import ingest_corpus
from helpers.pipeline import run_extraction, run_ingest
from tests.conftest import FIXTURE_CORPUS, REPO


@pytest.fixture(scope="module")
def corpus():
    articles, sentences, _ = ingest_corpus(FIXTURE_CORPUS)
    seed_articles, seed_sentences, _ = ingest_corpus(REPO / "data/raw/articles", REPO / "data/raw/articles.csv")
    return (pd.concat([articles, seed_articles], ignore_index=True),
            pd.concat([sentences, seed_sentences], ignore_index=True))


@pytest.mark.parametrize("stage", [extract.extract_casualties, extract.extract_interceptions,
                                   extract.extract_economic_figures])
def test_extraction_is_the_same_per_article_and_on_the_batch(corpus, stage):
    articles, sentences = corpus
    whole = stage(sentences, articles)
    parts = pd.concat([stage(part, articles) for _, part in sentences.groupby("article_id")],
                      ignore_index=True)
    assert len(whole) > 0
    pd.testing.assert_frame_equal(whole.reset_index(drop=True), parts)


def test_sentiment_is_the_same_per_article_and_on_the_batch(corpus):
    _, sentences = corpus
    whole = sentiment.score_sentences(sentences)
    parts = pd.concat([sentiment.score_sentences(p) for _, p in sentences.groupby("article_id", sort=False)],
                      ignore_index=True)
    pd.testing.assert_frame_equal(whole.reset_index(drop=True), parts)


def test_stage_runs_write_whole_tables_and_rerun_identically(tmp_path):
    run_ingest(REPO / "data/raw/articles", tmp_path, REPO / "data/raw/articles.csv")
    first = run_extraction(tmp_path)
    files = {p.name: p.read_bytes() for p in tmp_path.glob("*.parquet")}
    second = run_extraction(tmp_path)
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.parquet")} == files
    assert not list(tmp_path.glob(".*.tmp"))  # no temp file left behind
    casualties = pd.read_parquet(tmp_path / "casualties.parquet")
    assert sorted(zip(casualties["location"], casualties["killed"], casualties["injured"])) == [
        ("Rzhyshchiv", 8, 7), ("Zaporizhzhia", 1, 33)]


def test_a_missing_table_names_the_notebook_to_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="sentences.parquet does not exist: run the notebook"):
        run_extraction(tmp_path)
