"""Ingest: read a corpus folder into an articles table and a sentences table.

Every sentence keeps its character offsets into the article text, so each later figure can
point back to the exact span it came from.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# A paragraph break (blank line or a single newline) always ends a sentence: headings such as
# "China-Russia Unity" carry no full stop and must not be glued to the next sentence.
_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The abbreviation list in ``helpers/resources/abbreviations.txt`` (lower case, no final period)."""
    text = resources.files("helpers").joinpath("resources/abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """nltk's Punkt tokenizer with Frontline's abbreviation list; needs no punkt download."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into sentences: a list of ``(start, end, sentence)`` with ``text[start:end] == sentence``.

    Rule: every line is a paragraph and ends a sentence; inside a line nltk's Punkt splits,
    with the abbreviations above ("Gen.", "U.S.", "a.m.", "Feb.") never ending a sentence.
    Leading and trailing white space is not part of a sentence.
    """
    tokenizer = sentence_tokenizer()
    out: list[tuple[int, int, str]] = []
    for para in _PARAGRAPH.finditer(text):
        chunk = para.group()
        for s, e in tokenizer.span_tokenize(chunk):
            piece = chunk[s:e]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            start = para.start() + s + lead
            out.append((start, start + len(stripped), stripped))
    return out
