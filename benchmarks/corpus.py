"""A corpus of any size, built deterministically from sentences whose figures are known.

Each article is a headline line and a run of lines drawn (with a fixed seed) from two pools:
the self-written gold sets (``tests/data/*.jsonl``: every line's casualty and interception
figures are in its ``events``; distractor lines state none) and the seed article's sentences
that hold no number (no digit, no number word), so state no figure. An article's known
figures are the union of its lines' gold events. Each line carries a number-free tag word
("zqab") before its final mark, so no two sentences of the corpus are the same text and no
cache can answer for a repeat; the tag changes no figure.

    records = generate(2000)                 # [{"id", "date", "text", "events"}, ...]
    write_corpus(records, "bench/corpus")    # one .txt file per article, date in front matter
"""

from __future__ import annotations

import csv
import random
import re
import string
from functools import lru_cache
from pathlib import Path

from helpers.evaluate import read_jsonl
from helpers.ingest import split_sentences

REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = sorted((REPO / "tests/data").glob("*.jsonl"))
SEED = REPO / "data/raw/articles/2023-03-22_bakhmut-assault-stalls-drones-hit-rzhyshchiv.txt"
FIGURE_SHARE = 0.6          # share of an article's lines drawn from the gold sets
_END = re.compile(r"([.!?\"'\u201d\u2019)]*)\s*$")


def tag(i: int) -> str:
    """A number-free word unique to ``i``: 'zqa', 'zqb', ... (no English word starts 'zq')."""
    out, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        out = string.ascii_lowercase[r] + out
    return "zq" + out


@lru_cache(maxsize=1)
def gold_lines() -> tuple[dict, ...]:
    """Every gold line with one text line: {"text", "date", "events"} (casualty and interception events)."""
    out = []
    for path in GOLD_FILES:
        for rec in read_jsonl(path):
            text = " ".join(rec["text"].split())
            events = [e for e in rec.get("events") or [] if e.get("kind") in ("casualty", "interception")]
            out.append({"text": text, "date": rec.get("date"), "events": events})
    return tuple(out)


@lru_cache(maxsize=1)
def filler_lines() -> tuple[str, ...]:
    """The seed article's sentences that hold no digit and no number word (so no figure)."""
    with (REPO / "helpers/resources/number_words.csv").open(encoding="utf-8") as fh:
        words = {row["word"].lower() for row in csv.DictReader(fh)}
    out = []
    for _, _, s in split_sentences(SEED.read_text(encoding="utf-8")):
        tokens = set(re.findall(r"[a-z]+", s.lower()))
        if len(s) > 40 and not re.search(r"\d", s) and not tokens & words:
            out.append(s)
    return tuple(out)


def tagged(text: str, word: str) -> str:
    """``text`` with ``word`` before its closing marks: 'they said.' -> 'they said zqab.'"""
    m = _END.search(text)
    return f"{text[:m.start()]} {word}{m.group(1)}"


def generate(n_articles: int, lines: tuple[int, int] = (6, 30), seed: int = 0) -> list[dict]:
    """``n_articles`` articles of ``lines[0]..lines[1]`` lines each: {"id", "date", "text", "events"}."""
    rng = random.Random(seed)
    gold, filler = gold_lines(), filler_lines()
    out, n_line = [], 0
    for a in range(n_articles):
        body, events, date = [], [], None
        for _ in range(rng.randint(*lines)):
            if rng.random() < FIGURE_SHARE:
                g = gold[rng.randrange(len(gold))]
                text, date = g["text"], date or g["date"]
                events.extend(g["events"])
            else:
                text = filler[rng.randrange(len(filler))]
            body.append(tagged(text, tag(n_line)))
            n_line += 1
        out.append({"id": f"a{a:06d}", "date": date or "2023-03-22",
                    "text": f"Dispatch {tag(n_line)}\n" + "\n".join(body), "events": events})
        n_line += 1
    return out


def write_corpus(records: list[dict], folder: str | Path) -> Path:
    """One ``<id>.txt`` per article (front matter holds its date); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for rec in records:
        (folder / f"{rec['id']}.txt").write_text(f"---\ndate: {rec['date']}\n---\n{rec['text']}\n", encoding="utf-8")
    return folder


def predicted_events(casualties, interceptions) -> dict[str, list[dict]]:
    """The extracted rows of an article, as :func:`helpers.evaluate.score` reads events."""
    import pandas as pd

    def clean(v):
        return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v

    out: dict[str, list[dict]] = {}
    for kind, table, fields in (("casualty", casualties, ("killed", "injured", "location")),
                                ("interception", interceptions, ("launched", "intercepted", "not_reached"))):
        for row in table.to_dict("records"):
            ev = {"kind": kind, "vague": bool(clean(row.get("vague"))), "figure_type": clean(row.get("figure_type"))}
            ev.update({f: clean(row.get(f)) for f in fields})
            out.setdefault(row["article_id"], []).append(ev)
    return out
