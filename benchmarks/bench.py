"""Benchmark Frontline against its peers on one generated corpus; prints one line per figure.

    python -m benchmarks.bench            # 50,000 sentences; memory at 2,000 and 20,000 articles
    python -m benchmarks.bench --quick    # the same lines on small sizes (under a minute)

Every rate is sentences per second over the same sentences (the corpus of
:mod:`benchmarks.corpus`, fixed seed) and is also given as a ratio to vaderSentiment alone.
The peers: vaderSentiment's reference analyzer, nltk's VADER as shipped, and one regex pass over
each sentence (the floor for reading every sentence once). Frontline's stages are timed in this
process from the functions the pipeline calls; the whole pipeline is ``run_pipeline`` on the
local engine (1 worker) and on Dask's processes scheduler (1 and 2 workers). Peak memory is the
maximum RSS of a ``python -m helpers pipeline`` process (local engine) on corpora of the two
sizes. The F1 is figure-level (helpers.evaluate.score) against the figures the generator knows.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from benchmarks.corpus import generate, predicted_events, write_corpus
from helpers import pipeline, sentiment
from helpers.evaluate import score
from helpers.ingest import ingest_corpus
from helpers.io import read_table

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"pipeline_1": 0.33, "speedup_2": 1.7, "memory": 1.3, "sentiment": 0.8}


def clear_caches() -> None:
    """Empty the extractor's per-sentence caches, so no run is answered by the one before."""
    import helpers.extract as ex
    import helpers.numbers as nu

    for module in (ex, nu):
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", "") == module.__name__:
                obj.cache_clear()


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t


def corpus_of(n_sentences: int, folder: Path, lines=(6, 30)) -> tuple[list[dict], int]:
    """Generate articles until they hold ``n_sentences`` sentences (a deterministic prefix)."""
    from helpers.ingest import split_sentences

    n = 64
    while True:
        records = generate(n, lines=lines)
        counts = [len(split_sentences(r["text"])) for r in records]
        if sum(counts) >= n_sentences:
            total, k = 0, 0
            while total < n_sentences:
                total += counts[k]
                k += 1
            write_corpus(records[:k], folder)
            return records[:k], total
        n *= 2


def peak_rss_mb(corpus: Path, out: Path, sample_size: int) -> float:
    """Peak resident memory (VmHWM) of one pipeline run (local engine) in a fresh process, in MB.

    Read by the process itself at its end: ``ru_maxrss`` of a child would report this big
    benchmark process's own peak, which Linux carries across fork and exec.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    code = ("import sys; from helpers.pipeline import run_pipeline; "
            "run_pipeline(sys.argv[1], sys.argv[2], sample_size=int(sys.argv[3])); "
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(out), str(sample_size)],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise RuntimeError(f"pipeline on {corpus} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return int(re.search(r"VmHWM:\s*(\d+) kB", done.stdout).group(1)) / 1024


def line(label: str, n: int, seconds: float, base: float | None) -> str:
    rate = n / seconds if seconds else float("inf")
    ratio = f"  {rate / base:6.2f}x vaderSentiment" if base else ""
    return f"{label:<44} {rate:>10,.0f} sentences/s  ({seconds:7.2f} s){ratio}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, the same lines (under a minute)")
    parser.add_argument("--sentences", type=int, help="sentences of the timed corpus (default 50,000; quick 2,000)")
    args = parser.parse_args(argv)
    import sklearn.decomposition  # noqa: F401  (imported before any clock starts, as a run would have)
    import sklearn.feature_extraction.text  # noqa: F401

    n_target = args.sentences or (1_000 if args.quick else 50_000)
    memory_sizes = (30, 300) if args.quick else (2_000, 20_000)
    memory_lines = (1, 3)
    sample = 30 if args.quick else pipeline.TOPIC_SAMPLE_UNITS
    print(f"Frontline benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}"
          + (" (QUICK: small sizes)" if args.quick else "")
          + f"; load average {os.getloadavg()[0]:.2f} at the start (other processes share the cores)")
    with tempfile.TemporaryDirectory(prefix="frontline-bench-") as tmp:
        tmp = Path(tmp)
        records, _ = corpus_of(n_target, tmp / "corpus")
        t = time.perf_counter()
        clear_caches()
        articles, sentences, _ = ingest_corpus(tmp / "corpus")
        t_ingest = time.perf_counter() - t
        texts = sentences["text"].tolist()
        n = len(texts)
        print(f"corpus: {len(articles):,} generated articles, {n:,} sentences (seed 0)")

        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Reference

        ref = Reference()
        sentiment.score_with_and_without(sentences.head(20))   # load the lexicons before the clock starts
        # vaderSentiment and Frontline's sentiment are timed twice, interleaved, best kept: on a
        # shared machine one run alone can be slowed by another process.
        t_ref, t_sent = float("inf"), float("inf")
        for _ in range(2):
            t_ref = min(t_ref, timed(lambda: [ref.polarity_scores(x) for x in texts])[1])
            t_sent = min(t_sent, timed(sentiment.score_with_and_without, sentences)[1])
        base = n / t_ref
        print(line("vaderSentiment alone", n, t_ref, base))
        nltk_vader = sentiment.nltk_analyzer()
        _, t_nltk = timed(lambda: [nltk_vader.polarity_scores(x) for x in texts])
        print(line("nltk VADER alone", n, t_nltk, base))
        word = re.compile(r"\w+")
        _, t_regex = timed(lambda: [word.findall(x) for x in texts])
        print(line("one regex pass (\\w+) over every sentence", n, t_regex, base))

        print(line("Frontline ingest (read, split, language)", n, t_ingest, base))
        print(line("Frontline sentiment (both scores, one pass)", n, t_sent, base))
        runs = {}
        for label, kw in (("local, 1 worker", {"engine": "local"}),
                          ("dask processes, 2 workers", {"engine": "dask", "workers": 2})):
            clear_caches()
            summary, seconds = timed(pipeline.run_pipeline, tmp / "corpus", tmp / f"out-{len(runs)}",
                                     sample_size=sample, **kw)
            runs[label] = seconds
            if len(runs) == 1:   # the stages as the local run timed them, batch by batch
                print(line("Frontline extraction (3 tables, local run)", n, summary.seconds["extraction"], base))
                print(line(f"Frontline topics (fit on <= {sample:,} units, apply; local run)", n,
                           summary.seconds["topics"], base))
            print(line(f"whole pipeline, {label}", n, seconds, base))
        speedup = runs["local, 1 worker"] / runs["dask processes, 2 workers"]
        print(f"{'2 workers / 1 worker (dask 2 vs local)':<44} {speedup:10.2f}x")

        out0 = tmp / "out-0"
        predicted = predicted_events(read_table(out0 / "casualties.parquet"), read_table(out0 / "interceptions.parquet"))
        result = score([{"id": r["id"], "events": r["events"]} for r in records], predicted)
        print("extraction figure-level F1 on the generated corpus: "
              + ", ".join(f"{k} {result[k]['f1']:.3f} (P {result[k]['precision']:.3f}, R {result[k]['recall']:.3f})"
                          for k in ("casualty", "interception")))

        rss = []
        for size in memory_sizes:
            folder = tmp / f"mem-{size}"
            write_corpus(generate(size, lines=memory_lines, seed=1), folder)
            rss.append(peak_rss_mb(folder, tmp / f"mem-out-{size}", sample))
            print(f"peak RSS, local engine, {size:>6,} articles of {memory_lines[0]}-{memory_lines[1]} lines: "
                  f"{rss[-1]:8.1f} MB")
        print(f"{'peak RSS ratio (large / small)':<44} {rss[1] / rss[0]:10.2f}x")

        checks = [
            ("whole pipeline on 1 worker >= 0.33x vaderSentiment", (n / runs["local, 1 worker"]) / base, TARGETS["pipeline_1"]),
            ("2 workers >= 1.7x 1 worker", speedup, TARGETS["speedup_2"]),
            ("peak RSS large <= 1.3x small", TARGETS["memory"] / (rss[1] / rss[0]), 1.0),
            ("sentiment (both scores) >= 0.8x vaderSentiment", (n / t_sent) / base, TARGETS["sentiment"]),
        ]
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
        for label, value, target in checks:
            print(f"target: {label:<50} {'met' if value >= target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
