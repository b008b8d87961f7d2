"""Benchmark the event extractor: prints sentences per second over N distinct sentences.

Sentences are the seed article's and the gold set's, each made distinct with a short word
suffix so no cache can answer for a repeat. Usage: python scripts/benchmark_extract.py [N]
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


def main(n: int = 10_000) -> None:
    sentences = corpus(n)
    t0 = time.perf_counter()
    cas = extract_casualties(sentences)
    t1 = time.perf_counter()
    inter = extract_interceptions(sentences)
    t2 = time.perf_counter()
    eco = extract_economic_figures(sentences)
    t3 = time.perf_counter()
    print(f"{n} sentences, {sentences.article_id.nunique()} articles")
    print(f"casualties:    {len(cas):6d} events  {n / (t1 - t0):10.0f} sentences/s (first pass: tokenises)")
    print(f"interceptions: {len(inter):6d} events  {n / (t2 - t1):10.0f} sentences/s")
    print(f"economic:      {len(eco):6d} figures {n / (t3 - t2):10.0f} sentences/s")
    print(f"all three:     {t3 - t0:.2f} s  = {n / (t3 - t0):.0f} sentences/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
