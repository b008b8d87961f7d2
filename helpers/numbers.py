"""Numbers: tokens with character spans, and the counts written in them as values.

Input is a sentence; output is a list of :class:`NumberMention` (value, character span, token
span, whether the count is vague, what kind of number it is). The words behind the values are
data: ``resources/number_words.csv`` (number words, scales, "dozen", vague counts) and
``resources/qualifiers.csv`` ("at least", "about", "more than", "up to").

Rules applied:
- digits with thousands separators: "10,000" = 10000; a range "7,000-15,000" counts its upper
  bound (15000), as annotators read "as many as"; a comma followed by anything but exactly
  three digits cannot be a thousands separator and is read as a decimal comma: "2,6" = 2.6;
- number words: "eight", "twenty-one", "one hundred and twenty", "two dozen" = 24, "1.5 million";
- vague counts follow ACLED's rule: "dozens" = 12, "tens" = 10, "hundreds" = 100 (and
  "thousands" = 1000), each flagged ``vague``; "tens of thousands" = 10000, vague;
- four-digit numbers from 1800 to 2100 standing alone are marked ``kind="year"``; a number
  followed by "%", "percent" or "per cent" is ``kind="percent"``; ordinals ("155th"), Roman
  numerals ("World War II") and hyphenated ages ("62-year-old") are not numbers here; "World War
  Two" is ``kind="name"``; a value that is not a whole number ("0.5", "2.6") is ``kind="decimal"``,
  never a count;
- a hedge after a count ("13,000 or more", "40 or so") belongs to the count: its token span
  takes the words in, and ``qualifier`` holds "at least" or "about" (``qualifier_before`` reads
  the hedges that come first).

Why not a library (word2number, text2num)? None is installed, neither reads vague counts or
"two dozen" the ACLED way, and the team rule is that language patterns live in readable tables.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from importlib import resources

from nltk.tokenize import NLTKWordTokenizer

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\d+,\d{1,2}$|^\d+,\d{4,}$")
# "1.5bn", "300m": money amounts glued to their scale.
_RANGE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)[-–](\d{1,3}(?:,\d{3})+|\d+)$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:[.,]\d+)?)(bn|mln|m|k|tn)$")
_SUFFIX_SCALE = {"bn": 1e9, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}
_PERCENT_WORDS = {"%", "percent", "per"}
# Day numbers beside a month name are dates, not counts ("on April 14 killed 15 people").
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split()
)


class Token(NamedTuple):
    """One nltk token: its text, lower-cased text and character span in the sentence (a named
    tuple: a sentence has tens of tokens and a corpus millions, and a tuple is built fastest)."""

    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class NumberMention:
    """A count found in a sentence.

    ``first``/``last`` are token indexes (``last`` exclusive); ``start``/``end`` are character
    offsets in the sentence; ``kind`` is "count", "year", "date" (a day beside a month name) or
    "percent".
    """

    value: float
    start: int
    end: int
    first: int
    last: int
    vague: bool = False
    kind: str = "count"
    text: str = ""
    qualifier: str | None = None  # a hedge written after the count ("or more" = "at least")


# hedges written after a count: "Another 13,000 or more have been injured"
_AFTER_QUALIFIERS = {("or", "more"): "at least", ("or", "so"): "about"}


def read_resource_csv(name: str) -> list[dict]:
    """Rows of ``helpers/resources/<name>`` as dicts; a row with the wrong number of fields is named."""
    path = resources.files("helpers").joinpath(f"resources/{name}")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for n, row in enumerate(rows, start=2):
        if any(v is None for v in row.values()):
            raise ValueError(f"helpers/resources/{name} line {n}: wrong number of fields; fix the row")
    return rows


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """``word -> (value, kind)`` from ``resources/number_words.csv`` (kind: unit, ten, scale, multiplier, vague, none)."""
    return {r["word"].strip().lower(): (float(r["value"]), r["kind"].strip()) for r in read_resource_csv("number_words.csv")}


@lru_cache(maxsize=1)
def qualifiers() -> dict[tuple[str, ...], str]:
    """``phrase tokens -> qualifier`` from ``resources/qualifiers.csv``, e.g. ("at", "least") -> "at least"."""
    return {tuple(r["phrase"].lower().split()): r["qualifier"] for r in read_resource_csv("qualifiers.csv")}


_RE_FLAGS = re.I | re.M | re.S | re.U | re.X | re.A


def _stdlib(pairs):
    """nltk's ``(pattern, replacement)`` pairs with each pattern compiled by the standard ``re``."""
    return [(re.compile(p.pattern, p.flags & _RE_FLAGS), r) for p, r in pairs]


def _guarded(pairs, needs):
    """``(pattern, replacement, needs)``: ``needs`` finds a character that a text must contain for
    the pattern to match (None: always run the pattern)."""
    return [(p, r, n and re.compile("[" + re.escape(n) + "]")) for (p, r), n in zip(pairs, needs, strict=True)]


# "cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", "'tis", "'twas": nltk's
# contractions; a text with none of these cannot match any of its patterns
_CONTRACTIONS = ("cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna")
_CONTRACTION_STEMS = re.compile("(?i)" + "|".join(_CONTRACTIONS) + r"| 't(?:is|was)")
_BRACKET = re.compile(r"[\[\](){}<>]")

# What nltk's substitutions make of a text with no ASCII quote, no "--", no contraction and no two
# commas or colons in a row, read in one pass (:meth:`_WordTokenizer.span_tokenize`): each of
# these characters is a token of its own (punctuation, brackets, dashes, Unicode quotes), ...
_SPLIT_CHARS = ";@#$%&?!*\\[\\](){}<>\u2012-\u2015«»“”‘’„"
_PLAIN_TOKEN = re.compile(
    r"\.{2,}"  # ... and so is an ellipsis of periods, ...
    rf"|[{_SPLIT_CHARS}]"
    r"|[:,](?!\d)"  # ... and a comma or colon, but not before a digit ("1,000", "10:30")
    rf"|(?:[^\s{_SPLIT_CHARS}:,.]+|[:,](?=\d)|\.(?!\.))+"  # a word: "U.S", "3.5", "Tochka-U"
)
# what may follow the text's last period for it to be a token of its own: closing brackets and
# quotes, spaces, then white space to the end
_AFTER_FINAL = "])}>»”’ "
# what sends a text down nltk's own path: a quote or backtick that its patterns rewrite, a
# double dash, two commas or colons in a row (one substitution consumes both), a contraction
# (those without an apostrophe: the others hold a quote)
_RUN_OF_COMMAS = re.compile(r"[:,][:,]")
_APOSTROPHE_FREE_CONTRACTIONS = tuple(w for w in _CONTRACTIONS if "'" not in w)


def _is_plain(text: str) -> bool:
    if '"' in text or "'" in text or "`" in text or "--" in text or _RUN_OF_COMMAS.search(text):
        return False
    low = text.lower()
    return not any(w in low for w in _APOSTROPHE_FREE_CONTRACTIONS)


def _final_period(text: str) -> int | None:
    """Where the period lies that nltk sets apart as the text's last ("Kyiv." -> "Kyiv", "."), or None."""
    end = len(text.rstrip())
    end = len(text[:end].rstrip(_AFTER_FINAL))
    if end and text[end - 1] == "." and (end == 1 or text[end - 2] != "."):
        return end - 1
    return None


class _WordTokenizer(NLTKWordTokenizer):
    """nltk's word tokenizer, its patterns compiled by the standard ``re`` module, each run only on
    a text that holds a character it needs.

    nltk 3.9+ routes every pattern through ``nltk.redos``: the third-party ``regex`` engine under a
    timeout. That guards against hostile *patterns*; these are nltk's own fixed ones, on one
    sentence at a time, and under the guard they took a third of the extractor's time. nltk then
    runs all 33 substitutions on every sentence; most sentences hold no quote, bracket, dash or
    contraction, and a pattern that cannot match leaves its text as it was, so skipping it changes
    nothing. The tokens are nltk's own (``tests/test_numbers.py`` compares the two on the seed
    article, the gold sentences and real reporting)."""

    STARTING_QUOTES = _guarded(_stdlib(NLTKWordTokenizer.STARTING_QUOTES),
                               ["«“‘„`", '"', "`", "\"'", "'"])
    PUNCTUATION = _guarded(_stdlib(NLTKWordTokenizer.PUNCTUATION),
                           [".", ":,", ":,", ".", ";@#$%&", "\u2012\u2013\u2014\u2015", ".", "?!", "'", "*"])
    PARENS_BRACKETS = _stdlib([NLTKWordTokenizer.PARENS_BRACKETS])[0]
    DOUBLE_DASHES = _stdlib([NLTKWordTokenizer.DOUBLE_DASHES])[0]
    ENDING_QUOTES = _guarded(_stdlib(NLTKWordTokenizer.ENDING_QUOTES),
                             ["»”’", "'", '"', None, "'", "'"])

    def span_tokenize(self, text: str):
        """nltk's spans; a plain text (no quote, double dash or contraction: :func:`_is_plain`) is
        read in one pass by ``_PLAIN_TOKEN``, which splits it where nltk's substitutions would
        (``tests/test_numbers.py`` compares the two on real reporting)."""
        if not _is_plain(text):
            return super().span_tokenize(text)
        cut = _final_period(text)
        if cut is None:
            return [m.span() for m in _PLAIN_TOKEN.finditer(text)]
        return [m.span() for m in _PLAIN_TOKEN.finditer(text, 0, cut)] + [(cut, cut + 1)] + \
            [m.span() for m in _PLAIN_TOKEN.finditer(text, cut + 1)]

    def tokenize(self, text: str, convert_parentheses: bool = False, return_str: bool = False) -> list[str]:
        """nltk's ``NLTKWordTokenizer.tokenize`` (3.9) step for step, each pattern skipped when
        its text lacks every character the pattern needs."""
        if convert_parentheses or return_str:
            return super().tokenize(text, convert_parentheses, return_str)
        for regexp, substitution, needs in (*self.STARTING_QUOTES, *self.PUNCTUATION):
            if needs.search(text):
                text = regexp.sub(substitution, text)
        if _BRACKET.search(text):
            regexp, substitution = self.PARENS_BRACKETS
            text = regexp.sub(substitution, text)
        if "--" in text:
            regexp, substitution = self.DOUBLE_DASHES
            text = regexp.sub(substitution, text)
        text = " " + text + " "
        for regexp, substitution, needs in self.ENDING_QUOTES:
            if needs is None or needs.search(text):
                text = regexp.sub(substitution, text)
        if _CONTRACTION_STEMS.search(text):
            for regexp in (*self.CONTRACTIONS2, *self.CONTRACTIONS3):
                text = regexp.sub(r" \1 \2 ", text)
        return text.split()


@lru_cache(maxsize=1)
def _tokenizer() -> NLTKWordTokenizer:
    return _WordTokenizer()


# symbols (emoji, pictographs) and the joiners and variation selectors between them, before a word
_EMOJI_HEAD = re.compile("[\u2190-\u2bff\u2600-\u27bf\u200d\ufe0f\U0001f000-\U0001faff]+(?=\\w)")


@lru_cache(maxsize=20000)
def tokenize(text: str) -> tuple[Token, ...]:
    """nltk's word tokens of ``text`` with their character spans (no punkt download needed)."""
    new = tuple.__new__  # Token(...) without the named tuple's own Python-level __new__
    spans = _tokenizer().span_tokenize(text)
    if text.isascii() and "*" not in text and "_" not in text and "~" not in text:
        # most sentences: no emphasis mark, tilde, emoji or ellipsis character to split off
        low = text.lower()
        return tuple([new(Token, (text[a:b], low[a:b], a, b)) for a, b in spans])
    out = []
    for a, b in spans:
        word = text[a:b]
        if word[0] in "*_" and not word.strip("*_"):
            continue  # Markdown emphasis in scraped text ("killed a **medic**") is no word
        if not word.isascii() and (emoji := _EMOJI_HEAD.match(word)):
            # a post's emoji glued to its word ("🔴12 civilians were killed"): a mark of its own
            cut = emoji.end()
            out.append(new(Token, (word[:cut], word[:cut], a, a + cut)))
            a, word = a + cut, word[cut:]
        if word[0] in "~\u2248" and b - a > 1 and word[1].isdigit():
            # "~300 people - injured": the tilde (or "≈") is a mark of its own, read as "about"
            out.append(new(Token, (word[0], word[0], a, a + 1)))
            a, word = a + 1, word[1:]
        # nltk leaves a trailing ellipsis character on its word ("missile…"): it is punctuation
        if word[-1] == "\u2026" and b - a > 1:
            out.append(new(Token, (word[:-1], word[:-1].lower(), a, b - 1)))
            a, word = b - 1, "\u2026"
        out.append(new(Token, (word, word.lower(), a, b)))
    return tuple(out)


def parse_digits(s: str) -> float | None:
    """Value of a digit string, or None: "10,000" -> 10000, "2,6" -> 2.6, "76.2" -> 76.2.

    A comma followed by exactly three digits is a thousands separator; any other comma between
    digits is a decimal comma (European style), so "2,6 times" reads 2.6.
    """
    s = s.strip()
    if not _DIGITS.match(s):
        return None
    if re.fullmatch(r"\d+,\d{1,2}|\d+,\d{4,}", s):
        return float(s.replace(",", "."))
    return float(s.replace(",", ""))


@lru_cache(maxsize=1)
def _count_starts() -> frozenset[str]:
    """The words other than digits and hyphenated words a count can start at: the number words,
    and "a"/"an" ("a dozen", "a hundred")."""
    return frozenset(number_words()) | {"a", "an"}


def _word_value(lower: str) -> tuple[float, str] | None:
    return number_words().get(lower)


def _hyphen_parts(lower: str) -> list[tuple[float, str]] | None:
    """'twenty-one' -> [(20, ten), (1, unit)]; None unless every part is a number word."""
    if "-" not in lower:
        return None
    parts = [_word_value(p) for p in lower.split("-")]
    if all(parts) and len(parts) == 2 and parts[0][1] == "ten" and parts[1][1] == "unit":
        return parts  # type: ignore[return-value]
    return None


def parse_number_words(words: list[str]) -> float | None:
    """Value of a run of number words, or None: ["one", "hundred", "and", "twenty"] -> 120.

    "a"/"an" count as one only before a scale or "dozen" ("a dozen" = 12, "a hundred" = 100).
    """
    total, current, seen = 0.0, 0.0, False
    for i, w in enumerate(words):
        w = w.lower()
        if w in ("a", "an") and i == 0:
            current, seen = 1.0, True
            continue
        if w == "and" and seen:
            continue
        parts = _hyphen_parts(w) or ([_word_value(w)] if _word_value(w) else None)
        if not parts:
            return None
        for value, kind in parts:
            if kind in ("unit", "ten"):
                current += value
            elif kind == "multiplier":
                current = (current or 1.0) * value
            elif kind == "scale" and value == 100:
                current = (current or 1.0) * value
            elif kind == "scale":
                total += (current or 1.0) * value
                current = 0.0
            else:
                return None
            seen = True
    return total + current if seen else None


def _is_word_part(lower: str, prev_kind: str | None) -> bool:
    value = _word_value(lower)
    if value and value[1] in ("unit", "ten", "scale", "multiplier"):
        return True
    return _hyphen_parts(lower) is not None


def find_numbers(tokens: tuple[Token, ...] | list[Token], sentence: str = "") -> list[NumberMention]:
    """Every count in a token list, left to right, as :class:`NumberMention` (see module rules)."""
    out: list[NumberMention] = []
    n = len(tokens)
    starts = _count_starts()
    i = 0
    while i < n:
        tok = tokens[i]
        low = tok.lower
        if not low[0].isdigit() and low not in starts and "-" not in low:
            i += 1  # no count starts at a word that is no digit, number word, "a" or hyphenated word
            continue
        value: float | None = None
        vague = False
        j = i + 1
        digits = parse_digits(low)
        glued = _DIGITS_SCALE.match(low)
        span = _RANGE.match(low)
        if digits is None and span and parse_digits(span.group(1)) is not None \
                and (parse_digits(span.group(2)) or 0) > parse_digits(span.group(1)) \
                and not all(re.fullmatch(r"1[89]\d\d|20\d\d", g) for g in span.groups()):  # "2022-2023" are years
            digits = parse_digits(span.group(2))  # "7,000-15,000 servicemen": the range's upper bound
        if digits is not None:
            value = digits
            # "over 93 000 Russian soldiers": groups of three digits set apart by a space (not a
            # day of the month before a count: "on March 5 100 drones")
            while low.isdigit() and len(low) <= 3 and j < n and len(tokens[j].lower) == 3 and tokens[j].lower.isdigit() \
                    and tokens[j].start == tokens[j - 1].end + 1 and not (i > 0 and tokens[i - 1].lower in _MONTHS):
                value = value * 1000 + float(tokens[j].lower)
                j += 1
            # "1.5 million", "411 billion"
            while j < n and (_word_value(tokens[j].lower) or (0, ""))[1] == "scale":
                value *= _word_value(tokens[j].lower)[0]
                j += 1
        elif glued:
            value = float(glued.group(1).replace(",", ".")) * _SUFFIX_SCALE[glued.group(2)]
        elif (_word_value(low) or (0, ""))[1] == "vague":
            value, vague = _word_value(low)[0], True
            # "tens of thousands", "hundreds of thousands"
            if j + 1 < n and tokens[j].lower == "of" and (_word_value(tokens[j + 1].lower) or (0, ""))[1] in ("scale", "vague"):
                value *= _word_value(tokens[j + 1].lower)[0]
                j += 2
        elif low in ("a", "an") and j < n and (_word_value(tokens[j].lower) or (0, ""))[1] in ("multiplier", "scale") \
                and _word_value(tokens[j].lower)[0] < 1e6:
            words = [low]
            while j < n and _is_word_part(tokens[j].lower, None):
                words.append(tokens[j].lower)
                j += 1
            value = parse_number_words(words)
        elif _is_word_part(low, None):
            words = [low]
            while j < n and (
                _is_word_part(tokens[j].lower, None)
                or (tokens[j].lower == "and" and j + 1 < n and _is_word_part(tokens[j + 1].lower, None)
                    and (_word_value(words[-1]) or (0, ""))[1] == "scale")
            ):
                words.append(tokens[j].lower)
                j += 1
            value = parse_number_words(words)
            if words[0] in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "bn", "mln"):
                value = None  # a bare scale word ("a thousand" is handled above) is not a count
        if value is None:
            i += 1
            continue
        kind = "count"
        if j < n and tokens[j].lower in _PERCENT_WORDS and (tokens[j].lower != "per" or (j + 1 < n and tokens[j + 1].lower == "cent")):
            kind = "percent"
        elif not float(value).is_integer():
            kind = "decimal"  # "0.5 people", "2.6 times": a fraction is never a count of people or weapons
        elif digits is not None and j == i + 1 and re.fullmatch(r"\d{4}", low) and 1800 <= value <= 2100:
            kind = "year"
        elif i >= 2 and tokens[i - 1].lower == "war" and tokens[i - 2].lower == "world":
            kind = "name"  # "World War Two", "World War 2": the war's name, like "World War II"
        elif digits is not None and j == i + 1 and re.fullmatch(r"\d{1,2}", low) and 1 <= value <= 31 and (
            (i > 0 and tokens[i - 1].lower in _MONTHS) or (j < n and tokens[j].lower in _MONTHS and tokens[j].text[0].isupper())
        ):
            kind = "date"
        after = None
        if kind == "count" and j + 1 < n and (tokens[j].lower, tokens[j + 1].lower) in _AFTER_QUALIFIERS:
            after = _AFTER_QUALIFIERS[(tokens[j].lower, tokens[j + 1].lower)]
            j += 2
        start, end = tokens[i].start, tokens[j - 1].end
        out.append(NumberMention(value, start, end, i, j, vague, kind, sentence[start:end] if sentence else "", after))
        i = j
    return out


def qualifier_before(tokens: tuple[Token, ...] | list[Token], first: int) -> tuple[str | None, int]:
    """The qualifier phrase ending just before token ``first``: ``(qualifier, its first token)``.

    Returns ``(None, first)`` when there is none. Longest phrase wins ("no fewer than" over "than").
    """
    table = qualifiers()
    for length in (3, 2, 1):
        a = first - length
        if a < 0:
            continue
        key = tuple(t.lower for t in tokens[a:first])
        if key in table:
            return table[key], a
    return None, first


def as_int(value: float | None) -> int | float | None:
    """Counts are whole: 8.0 -> 8; keeps decimals (2.6) and None as they are."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
