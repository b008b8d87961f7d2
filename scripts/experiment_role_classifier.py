"""Experiment: could a small learned classifier give each number its role better than the rules?

Every count in the development part of the real-text set (``.cache/devset/real.jsonl``, built by
``make eval-real``) gets a gold role: the field of a gold figure with its value in that excerpt
(killed, injured, launched, intercepted, not_reached), else ``none``. A logistic regression over
the words around the count (five each side, with their positions, and the sentence's cue words)
is trained and scored by 5-fold cross-validation grouped by excerpt, so no excerpt is both
trained and scored on; the rules of ``helpers.extract`` are scored on the same counts (the role of
the extracted figure with that value). The blind part is never read.

Usage: python scripts/experiment_role_classifier.py [CACHE]   (prints accuracy and macro F1)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from helpers.dates import publication_day
from helpers.extract import extract_events
from helpers.ingest import split_sentences
from helpers.numbers import find_numbers, tokenize

REPO = Path(__file__).resolve().parents[1]
FIELDS = ("killed", "injured", "launched", "intercepted", "not_reached")
WINDOW = 5


def gold_role(value: float, events: list[dict]) -> str:
    for ev in events:
        for f in FIELDS:
            if ev.get(f) is not None and float(ev[f]) == value:
                return f
    return "none"


def features(tokens, m) -> dict:
    low = [t.lower for t in tokens]
    out = {"bias": 1.0}
    for d in range(1, WINDOW + 1):
        if m.first - d >= 0:
            out[f"L{d}={low[m.first - d]}"] = 1.0
            out[f"L*={low[m.first - d]}"] = 1.0
        if m.last - 1 + d < len(low):
            out[f"R{d}={low[m.last - 1 + d]}"] = 1.0
            out[f"R*={low[m.last - 1 + d]}"] = 1.0
    for w in low:
        out[f"S={w}"] = 0.2
    return out


def mentions(records: list[dict]):
    X, y, groups, rule = [], [], [], []
    for gi, rec in enumerate(records):
        predicted = extract_events(rec["text"], publication_day(rec.get("date"))[0])
        for _, _, sent in split_sentences(rec["text"]):
            tokens = tokenize(sent)
            for m in find_numbers(tokens, sent):
                if m.kind != "count":
                    continue
                X.append(features(tokens, m))
                y.append(gold_role(m.value, rec["events"]))
                groups.append(gi)
                rule.append(gold_role(m.value, predicted))
    return X, y, groups, rule


def dev_records(cache: Path) -> list[dict]:
    """The development part of the rebuilt set (the blind part is never read)."""
    records = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("part") == "dev"]


def cross_validated(X: list[dict], y: list[str], groups: list[int]) -> list[str]:
    """Each count's role as predicted by a logistic regression trained on the other folds (5-fold,
    grouped by excerpt, so no excerpt is both trained and scored on)."""
    learned = [None] * len(y)
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        vec = DictVectorizer()
        clf = LogisticRegression(max_iter=2000, C=1.0, class_weight="balanced")
        clf.fit(vec.fit_transform([X[i] for i in train]), [y[i] for i in train])
        for i, p in zip(test, clf.predict(vec.transform([X[i] for i in test]))):
            learned[i] = p
    return learned


def report(n_records: int, y: list[str], predictions: list[tuple[str, list[str]]]) -> None:
    """Print accuracy and macro F1 over the roles for each named list of predicted roles."""
    roles = [r for r in FIELDS if r in set(y)]
    print(f"{n_records} dev excerpts, {len(y)} counts, {sum(v != 'none' for v in y)} with a gold role")
    width = max(len(name) for name, _ in predictions) + 1
    for name, pred in predictions:
        print(f"{name:<{width}} accuracy {accuracy_score(y, pred):.3f}   macro F1 over roles "
              f"{f1_score(y, pred, labels=roles, average='macro', zero_division=0):.3f}")


def main(cache: Path) -> None:
    records = dev_records(cache)
    X, y, groups, rule = mentions(records)
    report(len(records), y, [("rules (helpers.extract)", rule),
                             ("logistic regression, 5-fold CV", cross_validated(X, y, groups))])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / ".cache/devset/real.jsonl")
