"""``python -m helpers pipeline``: the notebooks' tables from one command, the same bytes on every
engine and number of workers, batches that add up to the whole corpus, and honest failures."""

import hashlib
import shutil

import pandas as pd
import pytest

from helpers import extract, pipeline, topics
from helpers.__main__ import main
from helpers.ingest import ingest_corpus
from helpers.io import concat_tables, read_table, write_table
from tests.conftest import FIXTURE_CORPUS, REPO

SEED_CORPUS, SEED_MANIFEST = REPO / "data/raw/articles", REPO / "data/raw/articles.csv"
TABLES = ["articles", "sentences", "ingest_report", "sentiment", "article_sentiment", "topics",
          "sentence_topics", "casualties", "interceptions", "economic_figures", "events", "event_reports"]


def digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stage_by_stage(corpus, manifest, out):
    """The tables as the notebooks make them: the run_* functions, one after the other."""
    pipeline.run_ingest(corpus, out, manifest)
    pipeline.run_sentiment(out)
    pipeline.run_topics(out)
    pipeline.run_extraction(out)
    pipeline.run_events(out)


@pytest.mark.parametrize("corpus, manifest", [(SEED_CORPUS, SEED_MANIFEST), (FIXTURE_CORPUS, None)])
def test_pipeline_command_writes_the_notebooks_tables(tmp_path, capsys, corpus, manifest):
    args = ["pipeline", str(corpus), str(tmp_path / "cli")] + (["--manifest", str(manifest)] if manifest else [])
    assert main(args) == 0
    stage_by_stage(corpus, manifest, tmp_path / "nb")
    for name in TABLES:
        cli, nb = read_table(tmp_path / "cli" / f"{name}.parquet"), read_table(tmp_path / "nb" / f"{name}.parquet")
        pd.testing.assert_frame_equal(cli, nb, obj=name)
    assert (tmp_path / "cli/sentences.parquet").is_dir()      # large tables are partitioned
    out = capsys.readouterr().out
    assert "seconds per stage: ingest" in out and "skipped:" in out


def test_seed_summary_counts(tmp_path, capsys):
    assert main(["pipeline", str(SEED_CORPUS), str(tmp_path), "--manifest", str(SEED_MANIFEST)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles, 32 sentences in 1 partition(s) (local engine, 1 worker(s))")
    assert lines[1] == ("figures: 2 casualty, 1 interception, 1 economic row(s); 3 event(s) (strikes and nights, "
                        "each once however many articles report it)")
    assert lines[-1] == "skipped: 0 (none)"
    casualties = read_table(tmp_path / "casualties.parquet")
    assert sorted(zip(casualties["location"], casualties["killed"], casualties["injured"])) == [
        ("Rzhyshchiv", 8, 7), ("Zaporizhzhia", 1, 33)]


@pytest.mark.parametrize("corpus, manifest", [(FIXTURE_CORPUS, None), (SEED_CORPUS, SEED_MANIFEST)])
def test_dask_with_two_workers_writes_the_same_bytes_as_local(tmp_path, corpus, manifest):
    m = ["--manifest", str(manifest)] if manifest else []
    assert main(["pipeline", str(corpus), str(tmp_path / "local"), *m]) == 0
    assert main(["pipeline", str(corpus), str(tmp_path / "dask"), *m, "--engine", "dask", "--workers", "2"]) == 0
    assert digests(tmp_path / "local") == digests(tmp_path / "dask")
    assert len(digests(tmp_path / "local")) == len(TABLES)


def test_many_partitions_same_bytes_on_local_dask_and_a_distributed_cluster(tmp_path):
    from distributed import LocalCluster

    kw = {"batch_articles": 2, "sample_size": 8}
    pipeline.run_pipeline(FIXTURE_CORPUS, tmp_path / "local", **kw)
    pipeline.run_pipeline(FIXTURE_CORPUS, tmp_path / "dask", engine="dask", workers=2, **kw)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = pipeline.run_pipeline(FIXTURE_CORPUS, tmp_path / "cluster", engine="dask",
                                        scheduler=cluster.scheduler_address, **kw)
    assert summary.workers == 2 and summary.partitions == 4   # 7 documents read (one a duplicate), 2 a batch
    local = digests(tmp_path / "local")
    assert len([p for p in local if p.startswith("sentences.parquet/")]) == 4
    assert local == digests(tmp_path / "dask") == digests(tmp_path / "cluster")
    # the partitions add up to the tables of a whole-corpus run, the events in article order
    articles, sentences, report = ingest_corpus(FIXTURE_CORPUS)
    pd.testing.assert_frame_equal(read_table(tmp_path / "local/sentences.parquet"), sentences)
    write_table(extract.extract_casualties(sentences, articles), tmp_path / "whole.parquet")
    pd.testing.assert_frame_equal(read_table(tmp_path / "local/casualties.parquet"), read_table(tmp_path / "whole.parquet"))
    assert "8 of 14 sentence units (a sample seeded by random_state=0)" in summary.topics_message


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tricky_corpus(tmp_path):
    """Repeated ids and texts that only batches after the first can see, and a manifest."""
    root = tmp_path / "corpus"
    write(root / "a/x.txt", "Five people were killed in Kharkiv on Monday.")
    write(root / "b/x.txt", "Two people were injured in Odesa.")
    write(root / "c/x.txt", "Three people were injured in Lviv.")
    write(root / "d/copy.txt", "Five people were killed in Kharkiv on Monday.\n")
    write(root / "e/y.txt", "The talks went on.")
    write(root / "e/y-2.txt", "The talks ended.")
    write(root / "f/empty.txt", "")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,date\nb/x.txt,2024-03-01\ny.txt,2024-03-02\ngone.txt,2024-01-01\n", encoding="utf-8")
    return root, manifest


@pytest.mark.parametrize("batch", [1, 2, 3, 100])
def test_batches_add_up_to_ingest_of_the_whole_corpus(tricky_corpus, batch):
    root, manifest = tricky_corpus
    whole = ingest_corpus(root, manifest)
    parts = list(pipeline.ingest_batches(root, manifest, batch_articles=batch))
    for n, name in enumerate(["articles", "sentences", "report"]):
        joined = concat_tables([p[n] for p in parts])
        pd.testing.assert_frame_equal(joined, whole[n], obj=name)
    reasons = whole[2]["reason"].tolist()
    assert "same text as a/x.txt; kept that one" in reasons
    assert any("renamed 'x-3'" in r for r in reasons)


def test_batches_of_the_fixture_corpus_add_up(tmp_path):
    whole = ingest_corpus(FIXTURE_CORPUS)
    parts = list(pipeline.ingest_batches(FIXTURE_CORPUS, batch_articles=1))
    assert len(parts) >= 6
    for n in range(3):
        pd.testing.assert_frame_equal(concat_tables([p[n] for p in parts]), whole[n])


def test_no_readable_article_exits_non_zero_with_one_line(tmp_path, capsys):
    write(tmp_path / "in/empty.txt", "  \n")
    (tmp_path / "in/blob.txt").write_bytes(b"\x00\x01\x02" * 40)
    assert main(["pipeline", str(tmp_path / "in"), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith(f"error: no article could be read from {tmp_path / 'in'}: blob.txt: binary file")
    assert main(["pipeline", str(tmp_path / "nowhere"), str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"error: corpus folder {tmp_path / 'nowhere'} does not exist or is not a folder"


def test_verbose_shows_the_trace(tmp_path, capsys):
    assert main(["pipeline", str(tmp_path / "nowhere"), str(tmp_path / "out"), "--verbose"]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_an_interrupted_run_leaves_the_old_tables_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run_pipeline(SEED_CORPUS, out, SEED_MANIFEST)
    before = digests(out)

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(extract, "extract_interceptions", broken)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run_pipeline(FIXTURE_CORPUS, out)
    assert digests(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]   # the staging folder is gone


def test_topic_sample_is_bounded_seeded_and_independent_of_batches(seed_sentences):
    units, _ = topics.make_units(seed_sentences, "sentence")
    sample = pipeline.topic_sample(units, 10, random_state=0)
    assert len(sample) == 10 and sample["unit_id"].tolist() == sorted(
        sample["unit_id"], key=lambda u: units["unit_id"].tolist().index(u))
    halves = pd.concat([pipeline.topic_sample(units.iloc[:16], 10), pipeline.topic_sample(units.iloc[16:], 10)])
    assert set(pipeline.topic_sample(halves, 10)["unit_id"]) == set(sample["unit_id"])
    assert set(pipeline.topic_sample(units, 10, random_state=1)["unit_id"]) != set(sample["unit_id"])
    assert pipeline.topic_sample(units, 100).equals(units)


def test_read_table_reads_a_partitioned_folder(tmp_path):
    write_table(pd.DataFrame({"a": [1, 2]}), tmp_path / "t.parquet" / "part-00000.parquet")
    write_table(pd.DataFrame({"a": [3]}), tmp_path / "t.parquet" / "part-00001.parquet")
    assert read_table(tmp_path / "t.parquet")["a"].tolist() == [1, 2, 3]
    (tmp_path / "e.parquet").mkdir()
    with pytest.raises(FileNotFoundError, match="no .parquet partition"):
        read_table(tmp_path / "e.parquet")


def test_dask_ingest_renames_repeated_ids_as_local_does(tricky_corpus, tmp_path):
    root, manifest = tricky_corpus
    kw = {"manifest": manifest, "batch_articles": 1, "sample_size": 4}
    pipeline.run_pipeline(root, tmp_path / "local", **kw)
    pipeline.run_pipeline(root, tmp_path / "dask", engine="dask", workers=2, **kw)
    assert digests(tmp_path / "local") == digests(tmp_path / "dask")
    whole = ingest_corpus(root, manifest)
    write_table(whole[2], tmp_path / "report.parquet")
    pd.testing.assert_frame_equal(read_table(tmp_path / "dask/ingest_report.parquet"), read_table(tmp_path / "report.parquet"))
    assert read_table(tmp_path / "dask/articles.parquet")["article_id"].tolist() == whole[0]["article_id"].tolist()


def test_topic_weights_are_written_rounded_so_another_machine_writes_the_same_table(tmp_path):
    # NMF's weights differ in the 15th digit from one BLAS build to another
    stage_by_stage(SEED_CORPUS, SEED_MANIFEST, tmp_path)
    weights = read_table(tmp_path / "sentence_topics.parquet")["weight"]
    shares = read_table(tmp_path / "topics.parquet")["share"]
    assert len(weights) == 32 and weights.notna().all()
    assert (weights == weights.round(pipeline.TABLE_DECIMALS)).all()
    assert (shares == shares.round(pipeline.TABLE_DECIMALS)).all() and abs(shares.sum() - 1) < 1e-9
