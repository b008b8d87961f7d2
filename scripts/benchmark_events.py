"""Benchmark event building: prints rows per second for a season of copies of the events fixture.

The fixture corpus (tests/data/events_corpus: 9 events from 16 rows over four days) is extracted
once and copied N times, each copy moved on by four days, so N copies hold 9 x N events.
Usage: python scripts/benchmark_events.py [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from helpers.events import build_events
from helpers.extract import extract_casualties, extract_interceptions
from helpers.ingest import ingest_corpus

REPO = Path(__file__).resolve().parents[1]
DATE_COLUMNS = ("date", "date_start", "date_end")


def shifted(df: pd.DataFrame, k: int, date_columns=DATE_COLUMNS) -> pd.DataFrame:
    out = df.copy()
    out["article_id"] = out["article_id"] + f"~{k}"
    for col in date_columns:
        if col in out:
            days = pd.to_datetime(out[col]) + pd.Timedelta(days=4 * k)
            out[col] = days.dt.strftime("%Y-%m-%d").where(out[col].notna(), None)
    return out


def main(n: int = 250) -> None:
    articles, sentences, _ = ingest_corpus(REPO / "tests/data/events_corpus")
    cas, inter = extract_casualties(sentences, articles), extract_interceptions(sentences, articles)
    tables = [pd.concat([shifted(t, k) for k in range(n)], ignore_index=True) for t in (cas, inter, articles)]
    rows = len(tables[0]) + len(tables[1])
    t0 = time.perf_counter()
    events, reports = build_events(*tables)
    elapsed = time.perf_counter() - t0
    print(f"{n} copies: {rows} rows from {len(tables[2])} articles over {4 * n} days")
    print(f"events: {len(events)} (expected {9 * n}), event_reports: {len(reports)}")
    print(f"build_events: {elapsed:.2f} s = {rows / elapsed:.0f} rows/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250)
