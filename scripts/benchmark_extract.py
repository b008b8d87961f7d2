"""Benchmark the event extractor: prints sentences per second over N distinct sentences.

Two corpora:
- dense (default): the seed article's and the gold set's sentences, nearly every one holding a
  figure, each made distinct with a short word suffix so no cache can answer for a repeat;
- real (``--mirror DIR``): the whole files behind the real-text development set
  (``data/devset/real.jsonl``), rebuilt from the fetched snapshots under DIR and split into
  sentences: reporting as users bring it, where most sentences hold no figure.

Usage: python scripts/benchmark_extract.py [N] [--mirror DIR]
"""

from __future__ import annotations

import string
import sys
import time
from pathlib import Path

import pandas as pd

from helpers.evaluate import read_jsonl
from helpers.extract import extract_casualties, extract_economic_figures, extract_interceptions
from helpers.ingest import split_sentences

REPO = Path(__file__).resolve().parents[1]


def tag(i: int) -> str:
    """A number-free unique word for sentence i ('ba', 'bb', ...)."""
    letters = string.ascii_lowercase
    out = ""
    i += 26
    while i:
        i, r = divmod(i, 26)
        out = letters[r] + out
    return out


def corpus(n: int, per_article: int = 25) -> pd.DataFrame:
    seed = (REPO / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt").read_text("utf-8")
    base = [s for _, _, s in split_sentences(seed)] + [g["text"] for g in read_jsonl(REPO / "tests/data/gold.jsonl")]
    rows, offsets = [], {}
    for i in range(n):
        text = f"{base[i % len(base)]} Source {tag(i)}."
        art = f"bench{i // per_article:05d}"
        start = offsets.get(art, 0)
        rows.append((art, i % per_article, start, start + len(text), text))
        offsets[art] = start + len(text) + 1
    return pd.DataFrame(rows, columns=["article_id", "sentence_idx", "start", "end", "text"])


def real_corpus(n: int, mirror: Path, per_file: int = 2000) -> pd.DataFrame:
    """Up to ``n`` sentences of the development set's whole source files (at most ``per_file``
    from one file, so no single dump dominates)."""
    sys.path.insert(0, str(REPO / "scripts"))
    import devset

    rows, seen = [], set()
    for rec in devset.read_records(devset.DEVSET):
        key = (rec["repo"], rec["commit"], rec["path"])
        if key in seen:
            continue
        seen.add(key)
        text = devset.file_text(mirror, *key)[:2_000_000]
        if rec.get("decode") == "json":  # a whole JSON file: its string escapes, roughly undone
            text = text.replace("\\n", "\n").replace('\\"', '"')
        elif rec.get("decode") == "html":
            text = devset.decode_span(text, "html")
        art = f"real{len(seen):04d}"
        for i, (a, b, sent) in enumerate(split_sentences(text)[:per_file]):
            rows.append((art, i, a, b, sent))
        if len(rows) >= n:
            break
    return pd.DataFrame(rows[:n], columns=["article_id", "sentence_idx", "start", "end", "text"])


def load_tables() -> float:
    """Load the pattern tables, gazetteer and date rules once, as any run does before its first
    sentence, by extracting the seed article (none of whose sentences is in the real corpus);
    returns the seconds it took."""
    seed = (REPO / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt").read_text("utf-8")
    rows = [("warm", i, a, b, s) for i, (a, b, s) in enumerate(split_sentences(seed))]
    warm = pd.DataFrame(rows, columns=["article_id", "sentence_idx", "start", "end", "text"])
    t0 = time.perf_counter()
    extract_casualties(warm), extract_interceptions(warm), extract_economic_figures(warm)
    return time.perf_counter() - t0


def main(n: int = 10_000, mirror: Path | None = None) -> None:
    sentences = real_corpus(n, mirror) if mirror else corpus(n)
    n = len(sentences)
    print(f"tables loaded in {load_tables():.2f} s (once per process, not counted below)")
    c0, t0 = time.process_time(), time.perf_counter()
    cas = extract_casualties(sentences)
    t1 = time.perf_counter()
    inter = extract_interceptions(sentences)
    t2 = time.perf_counter()
    eco = extract_economic_figures(sentences)
    t3, c3 = time.perf_counter(), time.process_time()
    print(f"{n} sentences, {sentences.article_id.nunique()} articles")
    print(f"casualties:    {len(cas):6d} events  {n / (t1 - t0):10.0f} sentences/s (first pass: tokenises)")
    print(f"interceptions: {len(inter):6d} events  {n / (t2 - t1):10.0f} sentences/s")
    print(f"economic:      {len(eco):6d} figures {n / (t3 - t2):10.0f} sentences/s")
    print(f"all three:     {t3 - t0:.2f} s  = {n / (t3 - t0):.0f} sentences/s")
    # on a loaded machine the wall clock counts other processes' time; this process's CPU does not
    print(f"CPU time:      {c3 - c0:.2f} s  = {n / (c3 - c0):.0f} sentences per CPU second")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--mirror", type=Path, help="fetched snapshots: benchmark on the real-text files")
    args = parser.parse_args()
    main(args.n, args.mirror)
