"""Pipeline: run a stage over a corpus and write its tables to ``processed_dir``.

Each ``run_*`` function is what one notebook calls: it reads the tables the stage before wrote,
calls the pure functions of that stage's module, and writes its own tables atomically.
:func:`run_pipeline` (``python -m helpers pipeline``) runs every stage over a corpus of any
size from the same functions: articles stream through in batches of ``BATCH_ARTICLES`` (one
Parquet partition each) on one core (``engine='local'``) or on Dask (``engine='dask'``).
"""

from __future__ import annotations

import hashlib
import heapq
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import events, extract, sentiment, topics
from helpers.columns import ARTICLE_SENTIMENT, ARTICLES, INGEST_REPORT, SENTENCE_TOPICS, SENTENCES, SENTIMENT
from helpers.ingest import Document, Issue, build_tables, ingest_corpus, iter_corpus, normalise_text, read_manifest
from helpers.io import concat_tables, read_table, write_table

log = logging.getLogger(__name__)

BATCH_ARTICLES = 200        # articles per batch and per Parquet partition: bounds the memory of a run
TOPIC_SAMPLE_UNITS = 500    # topics are fitted on at most this many units (a seeded sample), applied to all
UNDATED_WINDOW_DAYS = 1     # a report with no date phrase tells of its publication day or the day before


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


def topic_sample(units: pd.DataFrame, size: int = TOPIC_SAMPLE_UNITS, random_state: int = 0) -> pd.DataFrame:
    """The units to fit topics on: all of them up to ``size``, else the ``size`` units whose
    seeded hash of ``unit_id`` is smallest, in their original order.

    The rule depends on each unit's id only, so the sample is the same whether the corpus is
    read whole, in batches or on any number of workers (see :class:`TopicSampler`).
    """
    if len(units) <= size:
        return units.reset_index(drop=True)
    keys = [_sample_key(u, random_state) for u in units["unit_id"]]
    chosen = set(heapq.nsmallest(size, range(len(units)), key=keys.__getitem__))
    return units[[i in chosen for i in range(len(units))]].reset_index(drop=True)


def _sample_key(unit_id: str, random_state: int) -> bytes:
    return hashlib.sha256(f"{random_state}:{unit_id}".encode("utf-8")).digest()


def resolve_unit(article_ids, unit: str = "auto") -> str:
    """'sentence' or 'article' for a corpus of these articles, by :func:`helpers.topics.make_units`' rule."""
    ids = pd.unique(pd.Series(list(article_ids), dtype=object))
    stub = pd.DataFrame({"article_id": ids, "sentence_idx": 0, "text": ""})
    return topics.make_units(stub, unit)[1]


def fit_topics_on_sample(sample_sentences: pd.DataFrame, n_units: int, n_articles: int, unit: str,
                         k: int | None = None, method: str = "nmf", random_state: int = 0) -> topics.TopicModel:
    """Fit topics on the sentences of the sampled units (``unit`` already resolved on the whole
    corpus of ``n_units`` units in ``n_articles`` articles); the message says what was sampled."""
    model = topics.topics_for_corpus(sample_sentences, unit=unit, k=k, method=method, random_state=random_state)
    n_sample = len(topics.make_units(sample_sentences, unit)[0]) if len(sample_sentences) else 0
    if n_sample < n_units and model.ok:
        model.message = (f"{n_sample} of {n_units} {unit} units (a sample seeded by random_state={random_state}) "
                         f"from {n_articles} article(s); k={model.k} topics"
                         + (" chosen by stability." if not model.k_scores.empty else " (given).")
                         + " Every unit is then placed in a topic.")
    return model


def topics_over(sentences: pd.DataFrame, unit: str = "auto", k: int | None = None, method: str = "nmf",
                random_state: int = 0, sample_size: int = TOPIC_SAMPLE_UNITS) -> topics.TopicModel:
    """Topics of a sentences table, fitted on a bounded seeded sample of its units (:func:`topic_sample`)."""
    if sentences is None or sentences.empty:
        return topics.topics_for_corpus(sentences, unit=unit, k=k, method=method, random_state=random_state)
    unit = resolve_unit(sentences["article_id"], unit)
    units, _ = topics.make_units(sentences, unit)
    sample = topic_sample(units, sample_size, random_state)
    return fit_topics_on_sample(_sentences_of_units(sentences, sample, unit), len(units),
                                sentences["article_id"].nunique(), unit, k, method, random_state)


def _sentences_of_units(sentences: pd.DataFrame, units: pd.DataFrame, unit: str) -> pd.DataFrame:
    if unit == "article":
        return sentences[sentences["article_id"].isin(set(units["article_id"]))]
    keys = set(zip(units["article_id"], units["sentence_idx"].astype(int)))
    return sentences[[(a, int(i)) in keys for a, i in zip(sentences["article_id"], sentences["sentence_idx"])]]


def run_topics(processed_dir: str | Path, unit: str = "auto", k: int | None = None, method: str = "nmf",
               random_state: int = 0) -> topics.TopicModel:
    """Fit topics over ``sentences.parquet`` (see :func:`helpers.topics.topics_for_corpus`), on a
    seeded sample of at most ``TOPIC_SAMPLE_UNITS`` units (:func:`topics_over`).

    Writes ``topics.parquet`` and ``sentence_topics.parquet`` (empty, with their columns, when
    there are too few units); returns the model, whose ``message`` says what was done.
    """
    out = Path(processed_dir)
    sentences = read_table(out / "sentences.parquet")
    model = topics_over(sentences, unit=unit, k=k, method=method, random_state=random_state)
    write_table(_steady(topics.topics_table(model)), out / "topics.parquet")
    write_table(_steady(model.sentence_topics(sentences)), out / "sentence_topics.parquet")
    return model


TABLE_DECIMALS = 10  # NMF's weights differ in the 15th digit from one BLAS build to another


def _steady(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its float columns rounded to ``TABLE_DECIMALS`` places, so that a re-run on
    another machine writes the same table (the last digits of a float sum depend on the BLAS)."""
    floats = [c for c in df.columns if pd.api.types.is_float_dtype(df[c])]
    return df.assign(**{c: df[c].round(TABLE_DECIMALS) for c in floats}) if floats else df


# --- the whole analysis over a corpus of any size (python -m helpers pipeline) ------------------

PARTITIONED = ("articles", "sentences", "sentiment", "article_sentiment", "sentence_topics")
EVENT_TABLES = ("casualties", "interceptions", "economic_figures")
_MANIFEST_UNUSED = "listed in the manifest but no such article was read"


class _IngestState:
    """What one batch of the corpus must know of the batches before it, so that reading a corpus
    in batches gives the tables :func:`helpers.ingest.ingest_corpus` gives on it whole."""

    def __init__(self, manifest: dict[str, dict]):
        self.manifest = manifest
        self.seen_hash: dict[str, str] = {}   # sha256 of kept text -> its path
        self.seen_id: set[str] = set()
        self.used_manifest: set[str] = set()

    def batch(self, items: list) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """The tables of one batch of corpus items, in corpus order after the batches before it."""
        items, sub = self.prepare(items)
        return self.finish(items, *build_tables(items, sub), sub)

    def prepare(self, items: list) -> tuple[list, dict]:
        """Before ``build_tables`` (in corpus order): a text kept in an earlier batch makes this
        one a duplicate, as in a single pass; returns the items and the manifest rows they use
        (unused rows are reported once, at the end)."""
        items, kept_paths, in_batch = list(items), [], set()
        for n, item in enumerate(items):
            if not isinstance(item, Document):
                continue
            text = normalise_text(item.text)
            if not text:
                continue
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest in self.seen_hash:
                items[n] = Issue(item.path, "duplicate", f"same text as {self.seen_hash[digest]}; kept that one")
            elif digest not in in_batch:   # build_tables keeps the first of a text, as here
                in_batch.add(digest)
                self.seen_hash[digest] = item.path
                kept_paths.append(item.path)
        sub = {}
        for path in kept_paths:
            file_name = path.split(":")[0]
            key = file_name if self.manifest.get(file_name) else Path(file_name).name
            if self.manifest.get(key):
                sub[key] = self.manifest[key]
                self.used_manifest.add(file_name)
        return items, sub

    def finish(self, items, articles, sentences, report, sub):
        """After ``build_tables`` (in corpus order): drop the batch's manifest rows and rename ids
        used by an earlier batch."""
        report = self.strip(report, sub)
        articles, sentences, report = self._unique_ids(items, articles, sentences, report)
        self.seen_id.update(articles["article_id"])
        return articles, sentences, report

    def clashes(self, article_ids) -> bool:
        return any(a in self.seen_id for a in article_ids)

    @staticmethod
    def strip(report: pd.DataFrame, sub: dict) -> pd.DataFrame:
        return report[~((report["action"] == "warning") & (report["reason"] == _MANIFEST_UNUSED)
                        & report["path"].isin(set(sub)))].reset_index(drop=True)

    def _unique_ids(self, items, articles, sentences, report):
        """Rename an id already used in an earlier batch as ingest does ('-2', '-3', ...), with its warning."""
        clashes = [i for i, a in enumerate(articles["article_id"]) if a in self.seen_id]
        if not clashes:
            return articles, sentences, report
        articles, taken = articles.copy(), self.seen_id | set(articles["article_id"])
        order = {it.path: n for n, it in enumerate(items)}
        rows, renames = report.to_dict("records"), {}
        for i in clashes:
            old, path = articles.at[i, "article_id"], articles.at[i, "path"]
            n = 2
            while f"{old}-{n}" in taken:
                n += 1
            new = f"{old}-{n}"
            taken.add(new)
            renames[old] = new
            articles.at[i, "article_id"] = new
            at = next((j for j, r in enumerate(rows) if order.get(r["path"], -1) >= order[path]), len(rows))
            rows.insert(at, {"path": path, "action": "warning", "reason": f"id '{old}' is used twice; renamed '{new}'"})
        sentences = sentences.assign(article_id=sentences["article_id"].replace(renames))
        return articles, sentences, pd.DataFrame(rows, columns=INGEST_REPORT)

    def tail(self) -> pd.DataFrame:
        """The report rows for manifest entries no article used (as ingest lists them, sorted)."""
        names = sorted(set(self.manifest) - self.used_manifest)
        return pd.DataFrame([{"path": n, "action": "warning", "reason": _MANIFEST_UNUSED} for n in names],
                            columns=INGEST_REPORT)


def _item_batches(corpus_dir, manifest, batch_articles: int):
    """Corpus items (Documents and Issues) in runs holding ``batch_articles`` documents; the last may be empty."""
    buffer, n_docs = [], 0
    for item in iter_corpus(corpus_dir, manifest or None):
        buffer.append(item)
        n_docs += isinstance(item, Document)
        if n_docs >= batch_articles:
            yield buffer
            buffer, n_docs = [], 0
    yield buffer


def _build_part_file(stage_dir: str, n: int) -> dict:
    """On a worker: one prepared batch (pickled by the driver) into its articles and sentences partitions."""
    import pickle

    stage = Path(stage_dir)
    with open(stage / ".batches" / f"{n:05d}.pkl", "rb") as fh:
        items, sub = pickle.load(fh)
    articles, sentences, report = build_tables(items, sub)
    if len(articles):
        write_table(articles, _part(stage, "articles", n))
        write_table(sentences, _part(stage, "sentences", n))
    return {"ids": articles["article_id"].tolist(), "n_sentences": len(sentences), "report": report}


def _ingest_on_dask(runner, stage: Path, corpus_dir, manifest, batch_articles: int):
    """Ingest with the slow part (normalising, language, sentence splitting) on the workers: the
    driver reads the items and recognises duplicates in corpus order, the workers build each
    batch's tables, and the driver then renames repeated ids in corpus order (rewriting the
    rare partition that holds one), so the tables are those of :func:`ingest_batches`."""
    import pickle

    state = _IngestState(read_manifest(manifest or None))
    (stage / ".batches").mkdir()
    subs, count = [], 0
    for items in _item_batches(corpus_dir, manifest, batch_articles):
        items, sub = state.prepare(items)
        with open(stage / ".batches" / f"{count:05d}.pkl", "wb") as fh:
            pickle.dump((items, sub), fh)
        subs.append(sub)
        count += 1
    built = runner.map(_build_part_file, [(str(stage), n) for n in range(count)], "ingest")
    reports, article_ids, n_sentences, n_parts = [], [], 0, 0
    for n, (result, sub) in enumerate(zip(built, subs)):
        report = result["report"]
        if state.clashes(result["ids"]):
            with open(stage / ".batches" / f"{n:05d}.pkl", "rb") as fh:
                items, _ = pickle.load(fh)
            articles, sentences = read_table(_part(stage, "articles", n)), read_table(_part(stage, "sentences", n))
            articles, sentences, report = state.finish(items, articles, sentences, report, sub)
            write_table(articles, _part(stage, "articles", n))
            write_table(sentences, _part(stage, "sentences", n))
            ids = articles["article_id"].tolist()
        else:
            report = state.strip(report, sub)
            state.seen_id.update(result["ids"])
            ids = result["ids"]
        reports.append(report)
        article_ids.extend(ids)
        n_sentences += result["n_sentences"]
    tail = state.tail()
    if not tail.empty:
        reports.append(tail)
    shutil.rmtree(stage / ".batches")
    # partitions are numbered by batch; an empty batch wrote none, so renumber them densely
    numbers = [n for n in range(count) if _part(stage, "articles", n).exists()]
    for new, old in enumerate(numbers):
        if new != old:
            for name in ("articles", "sentences"):
                os.replace(_part(stage, name, old), _part(stage, name, new))
    n_parts = len(numbers)
    return reports, n_parts, article_ids, n_sentences


def ingest_batches(corpus_dir: str | Path, manifest: str | Path | None = None, batch_articles: int = BATCH_ARTICLES):
    """Yield ``(articles, sentences, report)`` for each run of ``batch_articles`` articles read from
    the corpus; concatenated, they are the tables :func:`helpers.ingest.ingest_corpus` returns
    (duplicates and repeated ids are recognised across batches). Memory holds one batch."""
    state = _IngestState(read_manifest(manifest or None))
    pending = None
    for items in _item_batches(corpus_dir, manifest, batch_articles):
        if pending is not None:
            yield pending
        pending = state.batch(items) if items else None
    tail = state.tail()
    if pending is not None:
        articles, sentences, report = pending
        yield articles, sentences, pd.concat([report, tail], ignore_index=True) if not tail.empty else report
    elif not tail.empty:
        yield pd.DataFrame(columns=ARTICLES), pd.DataFrame(columns=SENTENCES), tail


def process_partition(articles: pd.DataFrame, sentences: pd.DataFrame,
                      lexicon: str | Path | None = sentiment.DEFAULT_LEXICON,
                      sample_size: int = TOPIC_SAMPLE_UNITS, random_state: int = 0) -> dict:
    """Every per-article stage on one batch: sentiment, article sentiment, the three extractions,
    and the batch's topic-sample candidates (the ``sample_size`` smallest keys per unit kind).

    Returns {"tables": {name: DataFrame}, "candidates": {unit: [(key, unit_id)]}, "seconds": {stage: s}}.
    """
    seconds, tables = {}, {}
    t = time.perf_counter()
    tables["sentiment"] = sentiment.score_with_and_without(sentences, lexicon=lexicon)
    tables["article_sentiment"] = sentiment.article_sentiment(tables["sentiment"])
    seconds["sentiment"] = time.perf_counter() - t
    t = time.perf_counter()
    tables["casualties"] = extract.extract_casualties(sentences, articles)
    tables["interceptions"] = extract.extract_interceptions(sentences, articles)
    tables["economic_figures"] = extract.extract_economic_figures(sentences, articles)
    seconds["extraction"] = time.perf_counter() - t
    t = time.perf_counter()
    candidates = {}
    for unit in ("sentence", "article"):
        ids = topics.make_units(sentences, unit)[0]["unit_id"] if len(sentences) else []
        candidates[unit] = heapq.nsmallest(sample_size, ((_sample_key(u, random_state), u) for u in ids))
    seconds["topics"] = time.perf_counter() - t
    return {"tables": tables, "candidates": candidates, "seconds": seconds}


@dataclass
class RunSummary:
    """What a pipeline run did: counts, what was skipped and why, and the seconds of each stage."""

    articles: int = 0
    sentences: int = 0
    events: dict = field(default_factory=dict)          # table -> rows
    skipped: list = field(default_factory=list)         # (path, action, reason) of files not read whole
    seconds: dict = field(default_factory=dict)         # stage -> seconds (summed over batches)
    wall_seconds: float = 0.0
    partitions: int = 0
    engine: str = "local"
    workers: int = 1
    topics_message: str = ""
    out_dir: str = ""

    def lines(self) -> list[str]:
        ev = self.events
        out = [
            f"{self.articles} articles, {self.sentences} sentences in {self.partitions} partition(s) "
            f"({self.engine} engine, {self.workers} worker(s)) -> {self.out_dir}",
            f"figures: {ev.get('casualties', 0)} casualty, {ev.get('interceptions', 0)} interception, "
            f"{ev.get('economic_figures', 0)} economic row(s); {ev.get('events', 0)} event(s) (strikes and "
            "nights, each once however many articles report it)",
            f"topics: {self.topics_message}",
            "seconds per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in self.seconds.items())
            + f"; wall {self.wall_seconds:.2f}",
        ]
        skipped = [s for s in self.skipped if s[1] in ("skipped", "duplicate")]
        out.append(f"skipped: {len(skipped)}" + ("" if skipped else " (none)"))
        out += [f"  {path}: {action}: {reason}" for path, action, reason in skipped]
        return out


class _Engine:
    """Maps a function over partition numbers: in this process (local) or on Dask."""

    def __init__(self, engine: str = "local", workers: int = 1, scheduler: str | None = None):
        if engine not in ("local", "dask"):
            raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
        if scheduler and engine != "dask":
            raise ValueError("--scheduler needs --engine dask")
        self.engine, self.workers, self.scheduler = engine, max(1, int(workers)), scheduler
        self.client = None
        if scheduler:
            from distributed import Client

            self.client = Client(scheduler)
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn, args: list, desc: str) -> list:
        from tqdm.auto import tqdm

        if not args:
            return []
        if self.engine == "local":
            return [fn(*a) for a in tqdm(args, desc=desc, unit="part", leave=False, disable=None)]
        import dask
        import dask.bag as db

        bag = db.from_sequence(args, npartitions=len(args)).starmap(fn)
        if self.client is not None:
            from distributed import as_completed

            futures = self.client.compute(bag.to_delayed())
            for _ in tqdm(as_completed(futures), total=len(futures), desc=desc, unit="part", leave=False, disable=None):
                pass
            return [x for f in futures for x in f.result()]
        with dask.config.set({"multiprocessing.context": "fork"}), _DaskProgress(desc):
            return bag.compute(scheduler="processes", num_workers=self.workers)

    def close(self):
        if self.client is not None:
            self.client.close()


def _DaskProgress(desc: str):
    """A tqdm bar over the tasks of a local Dask computation."""
    from dask.callbacks import Callback
    from tqdm.auto import tqdm

    class Progress(Callback):
        def _start_state(self, dsk, state):
            self.bar = tqdm(total=len(dsk), desc=desc, unit="task", leave=False, disable=None)

        def _posttask(self, key, result, dsk, state, worker_id):
            self.bar.update(1)

        def _finish(self, dsk, state, errored):
            self.bar.close()

    return Progress()


def _part(folder: Path, name: str, n: int) -> Path:
    return folder / f"{name}.parquet" / f"part-{n:05d}.parquet"


def _process_part_file(stage_dir: str, n: int, lexicon, sample_size: int, random_state: int) -> dict:
    stage = Path(stage_dir)
    articles, sentences = read_table(_part(stage, "articles", n)), read_table(_part(stage, "sentences", n))
    result = process_partition(articles, sentences, lexicon, sample_size, random_state)
    t = time.perf_counter()
    for name in ("sentiment", "article_sentiment"):
        write_table(result["tables"].pop(name), _part(stage, name, n))
    result["seconds"]["write"] = time.perf_counter() - t
    return result


def _apply_topics_part_file(stage_dir: str, n: int, model) -> float:
    t = time.perf_counter()
    stage = Path(stage_dir)
    sentences = read_table(_part(stage, "sentences", n))
    table = model.sentence_topics(sentences) if len(sentences) else pd.DataFrame(columns=SENTENCE_TOPICS)
    write_table(_steady(table.reset_index(drop=True)), _part(stage, "sentence_topics", n))
    return time.perf_counter() - t


def _publish(stage: Path, out: Path) -> None:
    """Move each staged table into ``out``: a file by rename, a folder by two renames (the old one
    is moved aside first), so a reader finds the old table or the new one, never half of one."""
    for path in sorted(stage.iterdir()):
        target = out / path.name
        if path.is_dir():
            aside = None
            if target.exists() or target.is_symlink():
                aside = out / f".{path.name}.old-{os.getpid()}"
                os.replace(target, aside)
            os.replace(path, target)
            if aside is not None:
                shutil.rmtree(aside) if aside.is_dir() else aside.unlink()
        else:
            if target.is_dir():
                shutil.rmtree(target)
            os.replace(path, target)


def run_pipeline(corpus_dir: str | Path, out_dir: str | Path, manifest: str | Path | None = None,
                 engine: str = "local", workers: int = 1, scheduler: str | None = None,
                 lexicon: str | Path | None = sentiment.DEFAULT_LEXICON, batch_articles: int = BATCH_ARTICLES,
                 sample_size: int = TOPIC_SAMPLE_UNITS, unit: str = "auto", k: int | None = None,
                 method: str = "nmf", random_state: int = 0) -> RunSummary:
    """Run ingest, sentiment, extraction and topics over ``corpus_dir`` and write the notebooks'
    tables to ``out_dir``; returns a :class:`RunSummary`.

    Articles are read in batches of ``batch_articles``; each batch is one Parquet partition of
    the large tables (``articles``, ``sentences``, ``sentiment``, ``article_sentiment``,
    ``sentence_topics``: one folder each, read back whole by :func:`helpers.io.read_table`).
    The event tables are concatenated and kept in article order, as the extractors return them
    for a whole corpus. Topics are fitted on a seeded sample of at most ``sample_size`` units
    (:func:`topic_sample`) and applied to every sentence. Ingest runs in this process (one
    pass, so duplicates and repeated ids are seen across batches); the per-batch stages run
    here (``engine='local'``) or on Dask. Everything is staged in a hidden folder in
    ``out_dir`` and moved into place at the end: an interrupted run leaves no half table.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    runner = _Engine(engine, workers, scheduler)
    summary = RunSummary(engine=engine, workers=runner.workers, out_dir=str(out))
    stage = Path(tempfile.mkdtemp(prefix=".pipeline-", dir=out))
    try:
        from tqdm.auto import tqdm

        t = time.perf_counter()
        if runner.engine == "dask":
            reports, n_parts, article_ids, summary.sentences = _ingest_on_dask(runner, stage, corpus_dir, manifest,
                                                                                batch_articles)
        else:
            reports, n_parts, article_ids = [], 0, []
            with tqdm(desc="ingest", unit="article", leave=False, disable=None) as bar:
                for articles, sentences, report in ingest_batches(corpus_dir, manifest, batch_articles):
                    reports.append(report)
                    if len(articles):
                        write_table(articles, _part(stage, "articles", n_parts))
                        write_table(sentences, _part(stage, "sentences", n_parts))
                        article_ids.extend(articles["article_id"])
                        summary.sentences += len(sentences)
                        n_parts += 1
                        bar.update(len(articles))
        report = pd.concat(reports, ignore_index=True) if reports else pd.DataFrame(columns=INGEST_REPORT)
        write_table(report, stage / "ingest_report.parquet")
        summary.articles, summary.partitions = len(article_ids), n_parts
        summary.skipped = [tuple(r) for r in report[["path", "action", "reason"]].itertuples(index=False)]
        summary.seconds["ingest"] = time.perf_counter() - t
        if not article_ids:
            for name, cols in (("articles", ARTICLES), ("sentences", SENTENCES)):
                write_table(pd.DataFrame(columns=cols), _part(stage, name, 0))

        results = runner.map(_process_part_file, [(str(stage), n, lexicon, sample_size, random_state)
                                                  for n in range(n_parts)], "sentiment+extraction")
        for r in results:
            for name, s in r["seconds"].items():
                summary.seconds[name] = summary.seconds.get(name, 0.0) + s
        t = time.perf_counter()
        for name, cols in (("sentiment", SENTIMENT), ("article_sentiment", ARTICLE_SENTIMENT)):
            if not n_parts:
                write_table(pd.DataFrame(columns=cols), _part(stage, name, 0))
        extracted = {}
        for name in EVENT_TABLES:
            parts = [r["tables"][name] for r in results]
            table = (concat_tables(parts) if parts else
                     getattr(extract, {"casualties": "extract_casualties", "interceptions": "extract_interceptions",
                                       "economic_figures": "extract_economic_figures"}[name])(
                         pd.DataFrame(columns=SENTENCES)))
            # Each batch's rows are in article order; a stable sort makes the whole table so too.
            table = table.sort_values("article_id", kind="stable").reset_index(drop=True) if len(table) else table
            write_table(table, stage / f"{name}.parquet")
            summary.events[name] = len(table)
            extracted[name] = table
        summary.seconds["write"] = summary.seconds.get("write", 0.0) + time.perf_counter() - t

        # events across the whole corpus, as notebook 04 builds them (one row per strike and night)
        t = time.perf_counter()
        event_table, event_reports = events.build_events(
            extracted["casualties"], extracted["interceptions"], read_table(stage / "articles.parquet"),
            undated_window_days=UNDATED_WINDOW_DAYS)
        write_table(event_table, stage / "events.parquet")
        write_table(event_reports, stage / "event_reports.parquet")
        summary.events["events"] = len(event_table)
        summary.seconds["events"] = time.perf_counter() - t

        t = time.perf_counter()
        model = _fit_topics_from_parts(stage, n_parts, article_ids, summary.sentences, results, unit, k, method,
                                       random_state, sample_size)
        summary.topics_message = model.message
        write_table(_steady(topics.topics_table(model)), stage / "topics.parquet")
        summary.seconds["topics"] = summary.seconds.get("topics", 0.0) + time.perf_counter() - t
        applied = runner.map(_apply_topics_part_file, [(str(stage), n, model) for n in range(n_parts)], "topics")
        summary.seconds["topics"] += sum(applied)
        if not n_parts:
            write_table(pd.DataFrame(columns=SENTENCE_TOPICS), _part(stage, "sentence_topics", 0))
        _publish(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        runner.close()
    summary.wall_seconds = time.perf_counter() - started
    return summary


def _fit_topics_from_parts(stage: Path, n_parts: int, article_ids: list, n_sentences: int, results: list,
                           unit: str, k, method: str, random_state: int, sample_size: int) -> topics.TopicModel:
    """Choose the sample from the batches' candidates, read its sentences back and fit on them."""
    if not article_ids:
        return topics.topics_for_corpus(pd.DataFrame(columns=SENTENCES), unit=unit, k=k, method=method,
                                        random_state=random_state)
    unit = resolve_unit(article_ids, unit)
    pool = [c for r in results for c in r["candidates"][unit]]
    chosen = {u for _, u in heapq.nsmallest(sample_size, pool)}
    n_units = len(article_ids) if unit == "article" else n_sentences
    parts = []
    for n in range(n_parts):
        sentences = read_table(_part(stage, "sentences", n))
        ids = (sentences["article_id"] if unit == "article" else
               sentences["article_id"] + ":" + sentences["sentence_idx"].astype(str))
        parts.append(sentences[ids.isin(chosen).to_numpy()])
    sample = concat_tables(parts)
    return fit_topics_on_sample(sample, n_units, len(article_ids), unit, k, method, random_state)


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


def run_events(processed_dir: str | Path, undated_window_days: int | None = UNDATED_WINDOW_DAYS
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build events from ``casualties.parquet``, ``interceptions.parquet`` and ``articles.parquet``.

    One row per strike and per night's air-defence claim (see :mod:`helpers.events`; rows without
    a date phrase may be of their publication day or ``undated_window_days`` before it; None keeps them
    events of their own). Writes
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
