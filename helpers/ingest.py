"""Ingest: read a corpus folder into an articles table and a sentences table.

Every sentence keeps its character offsets into the article text, so each later figure can
point back to the exact span it came from.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers.columns import ARTICLES, INGEST_REPORT, SENTENCES
from helpers.dates import parse_date_precision

# A paragraph break (blank line or a single newline) always ends a sentence: headings such as
# "China-Russia Unity" carry no full stop and must not be glued to the next sentence.
_PARAGRAPH = re.compile(r"[^\n]+")
# Punkt runs each regex under nltk's 5-second time limit, and a paragraph of megabytes exceeds it
# (TimeoutError). Longer paragraphs are cut into chunks of at most this many characters first,
# at the last sentence end (". ") in the chunk's second half, else at its last space.
MAX_CHUNK_CHARS = 10_000
# An article longer than this is cut at the last line break (or sentence end) before it, with a
# warning: no single file may stall a run (a long news feature is under 100,000 characters).
MAX_ARTICLE_CHARS = 2_000_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


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


def bounded_chunks(text: str, start: int, end: int, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of ``text[start:end]`` of at most ``max_chars`` characters each.

    A piece ends after the last sentence end (". ", "? ") in its second half, else after its
    last white space, else (a run of letters without a space) at ``max_chars`` exactly.
    """
    while end - start > max_chars:
        limit = start + max_chars
        window = text[start + max_chars // 2:limit]
        cut = None
        for m in _SENTENCE_END.finditer(window):
            cut = start + max_chars // 2 + m.end()
        if cut is None:
            space = max(window.rfind(" "), window.rfind("\t"))
            cut = start + max_chars // 2 + space + 1 if space >= 0 else limit
        yield start, cut
        start = cut
    if end > start:
        yield start, end


# "...from June 4 this year.Two colonels were also killed.The last time...": scraped text that lost
# the space after a full stop; a word of two or more lower-case letters, a stop, then a capitalised
# word is a sentence boundary unless the word is an abbreviation ("Gen.Petrov")
_GLUED = re.compile(r"(?<![A-Za-z])([A-Za-z]*[a-z]{2})[.!?](?=[A-Z][a-z])")


def _unglued(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut after each glued sentence end (see ``_GLUED``)."""
    for m in _GLUED.finditer(text, start, end):
        if m.group(1).lower() in abbreviations():
            continue
        yield start, m.end()
        start = m.end()
    yield start, end


def split_sentences(text: str, max_chunk: int = MAX_CHUNK_CHARS) -> list[tuple[int, int, str]]:
    """Split ``text`` into sentences: a list of ``(start, end, sentence)`` with ``text[start:end] == sentence``.

    Rule: every line is a paragraph and ends a sentence; inside a line nltk's Punkt splits,
    with the abbreviations above ("Gen.", "U.S.", "a.m.", "Feb.") never ending a sentence, and a
    stop with no space after it ends one before a capitalised word ("killed.The").
    A line longer than ``max_chunk`` characters is first cut by :func:`bounded_chunks`, so no
    sentence is longer than that and Punkt never meets megabytes at once. Leading and trailing
    white space is not part of a sentence.
    """
    tokenizer = sentence_tokenizer()
    out: list[tuple[int, int, str]] = []
    for para in _PARAGRAPH.finditer(text):
        for c_start, c_end in bounded_chunks(text, para.start(), para.end(), max_chunk):
            chunk = text[c_start:c_end]
            for s, e in (span for whole in tokenizer.span_tokenize(chunk) for span in _unglued(chunk, *whole)):
                piece = chunk[s:e]
                stripped = piece.strip()
                if not stripped:
                    continue
                lead = len(piece) - len(piece.lstrip())
                start = c_start + s + lead
                out.append((start, start + len(stripped), stripped))
    return out


# ---------------------------------------------------------------------------------------------
# Reading a corpus folder
# ---------------------------------------------------------------------------------------------

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
# A file larger than this is not read at all (a JSONL or CSV of many articles may be large).
MAX_FILE_BYTES = 1024 * 2**20
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
METADATA_FIELDS = ("title", "date", "source", "url", "language")
# A manifest row names its file in one of these columns.
MANIFEST_FILE_COLUMNS = ("file", "path", "filename")
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# "20220425T200000Z-kyiv.txt", "20220425_report.md": GDELT-style compact stamps of this century
_COMPACT_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:T\d{4,6}Z?)?(?!\d)")


@dataclass
class Document:
    """One article as read from disk, before sentence splitting."""

    path: str                 # relative to the corpus folder; 'file.jsonl:3' for a record
    text: str
    meta: dict = field(default_factory=dict)  # title, date, source, url, language, id


@dataclass
class Issue:
    """One row of the ingest report: a file or record skipped, or read with a warning."""

    path: str
    action: str   # 'skipped' | 'warning' | 'duplicate'
    reason: str


class IngestError(ValueError):
    """Raised when the corpus as a whole cannot be read (missing folder, bad manifest)."""


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no trailing spaces on lines, no leading/trailing blank lines.

    Every character offset in Frontline points into this normalised text (``articles.text``).
    """
    text = unicodedata.normalize("NFC", _clean_str(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


# Magic numbers of binary files often found renamed in scraped folders.
FILE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"), (b"RIFF", "a RIFF file (WebP image, WAV audio)"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like mostly-ASCII UTF-16 without a BOM:
    NUL in nearly every odd (or even) position and almost never in the other."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    nul_even, nul_odd = even.count(0) / half, odd.count(0) / half
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM (or without one, when
    the NUL bytes say so), then cp1252.

    Returns ``(text, warning)``; ``text`` is None when the bytes are binary or undecodable,
    and ``warning`` then says why (naming the file type for images, PDFs and archives). A
    cp1252 fallback returns the text with a warning, since a wrong guess would garble quotes
    and dashes rather than numbers.
    """
    for magic, kind in FILE_SIGNATURES:
        if data.startswith(magic):
            return None, f"binary file ({kind}), not text"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "starts with a UTF-16 byte-order mark but is not valid UTF-16"
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            try:
                return data.decode(encoding), f"UTF-16 without a byte-order mark; decoded as {encoding.upper()}"
            except UnicodeDecodeError:
                pass
        return None, "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        utf8_error = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    try:
        return data.decode("cp1252"), f"{utf8_error}; decoded as cp1252 (Windows-1252)"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - charset-normalizer is a pinned dependency
        best = None
    if best is not None:
        return str(best), f"{utf8_error}; decoded as {best.encoding} (guessed by charset-normalizer)"
    return None, f"{utf8_error}, and no other encoding fits: re-save the file as UTF-8"


def _looks_binary(text: str, sample: int = 100_000) -> bool:
    """True when more than 10% of the characters are control characters (not tab or newline),
    counted on the first ``sample`` characters (a 50 MB file is judged as fast as a small one)."""
    text = text[:sample]
    if not text:
        return False
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r\f")
    return controls / len(text) > 0.10


def _clean_str(value: str) -> str:
    """Lone surrogates (JSON's "\\ud800") cannot be written to parquet: each becomes U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _split_front_matter(text: str) -> tuple[dict, str]:
    """Split simple ``---``-fenced 'key: value' front matter from a Markdown/text article."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        return {}, text
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'") or None
    rest = text[end + 4 :]
    return meta, rest[rest.find("\n") + 1 :] if "\n" in rest else ""


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata (title, date, source, url) of a news web page.

    trafilatura keeps the article and drops menus, scripts and footers; when it finds no main
    text (a fragment or a very short page) the tags are stripped and the visible text kept.
    """
    meta: dict = {}
    text = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True)
        if doc is not None:
            info = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            text = info.get("text")
            meta = {
                "title": info.get("title"),
                "date": info.get("date"),
                "source": info.get("sitename"),
                "url": info.get("url"),
            }
    except Exception as exc:  # trafilatura failing on odd markup must not stop the run
        log.warning("trafilatura could not parse a page (%s); stripping tags instead", exc)
    if not text:
        import lxml.html

        try:
            tree = lxml.html.fromstring(html)
        except Exception:
            return "", meta
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        text = tree.text_content()
        title = tree.findtext(".//title")
        if title and not meta.get("title"):
            meta["title"] = title.strip()
    return text, {k: v for k, v in meta.items() if v}


def _records_from_jsonl(text: str, rel: str) -> Iterator[Document | Issue]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{rel}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Issue(where, "skipped", f"malformed JSON on line {lineno}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield Issue(where, "skipped", f"line {lineno} is not a JSON object")
            continue
        yield from _record_document(record, where)


def _records_from_csv(text: str, rel: str) -> Iterator[Document | Issue]:
    """One Document per row; a row with more or fewer fields than the header is reported
    (its extra fields are dropped, missing ones are empty), a row csv cannot parse is skipped."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS * 4))
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Issue(rel, "skipped", f"not a readable CSV (line 1: {exc})")
        return
    fields = [f.strip().lower() for f in (header or [])]
    if "text" not in fields:
        yield Issue(rel, "skipped", "CSV has no 'text' column (columns: " + ", ".join(fields) + ")")
        return
    end = reader.line_num
    while True:
        line = end + 1  # the line the record starts on (a quoted field may span several lines)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Issue(f"{rel}:{line}", "skipped", f"CSV line {line} cannot be parsed ({exc}); "
                        "the rest of the file is not read")
            return
        end = reader.line_num
        where = f"{rel}:{line}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(fields):
            fix = "extra fields dropped" if len(row) > len(fields) else "missing fields left empty"
            yield Issue(where, "warning", f"CSV line {line} has {len(row)} fields, the header {len(fields)}: {fix}")
        record = dict(zip(fields, row))
        yield from _record_document(record, where)


def _record_document(record: dict, where: str) -> Iterator[Document | Issue]:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Issue(where, "skipped", "record has no 'text' (or it is empty)")
        return
    meta = {k: record.get(k) for k in ("id", *METADATA_FIELDS) if record.get(k) not in (None, "")}
    yield Document(where, text, {k: _clean_str(str(v)) for k, v in meta.items()})


def read_file(path: Path, rel: str) -> Iterator[Document | Issue]:
    """Read one corpus file into Documents (many for JSONL/CSV) and Issues for what was skipped."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Issue(rel, "skipped", f"unsupported file type '{suffix or path.name}' "
                    f"(use {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Issue(rel, "skipped", f"file is {size / 2**20:,.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB "
                        "limit: split it into smaller files")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Issue(rel, "skipped", f"cannot read the file: {exc.strerror or exc}"
                    + (" (check its permissions)" if isinstance(exc, PermissionError) else ""))
        return
    if not data.strip():
        yield Issue(rel, "skipped", "empty file (no text)")
        return
    text, warning = decode_bytes(data)
    if text is None or _looks_binary(text):
        yield Issue(rel, "skipped", warning or "binary file (mostly control characters), not text")
        return
    if warning:
        yield Issue(rel, "warning", warning)
    if suffix == ".jsonl":
        yield from _records_from_jsonl(text, rel)
    elif suffix == ".csv":
        yield from _records_from_csv(text, rel)
    elif suffix in HTML_SUFFIXES:
        body, meta = html_to_text(text)
        if not body.strip():
            yield Issue(rel, "skipped", "HTML page has no visible text")
            return
        yield Document(rel, body, meta)
    else:
        meta, body = _split_front_matter(text)
        if not body.strip():
            yield Issue(rel, "skipped", "empty article (only front matter or white space)")
            return
        yield Document(rel, body, meta)


def read_manifest(path: str | Path | None) -> dict[str, dict]:
    """Read a manifest CSV (file, id, title, date, source, url, language) keyed by file name.

    An empty ``path`` means no manifest. A manifest that names no file column is an error,
    since its metadata could not be attached to anything.
    """
    if not path:
        return {}
    path = Path(path)
    if not path.exists():
        raise IngestError(f"manifest {path} does not exist: fix the path or pass manifest=None")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.columns = [c.strip().lower() for c in table.columns]
    file_col = next((c for c in MANIFEST_FILE_COLUMNS if c in table.columns), None)
    if file_col is None:
        raise IngestError(f"manifest {path} needs a 'file' column naming each article's file")
    out = {}
    for _, row in table.iterrows():
        meta = {k: row[k].strip() for k in ("id", *METADATA_FIELDS) if k in row and row[k].strip()}
        out[row[file_col].strip()] = meta
    return out


def _display_name(rel: str) -> str:
    """A path as it can be shown and stored: bytes that are not UTF-8 appear as U+FFFD."""
    return _clean_str(rel)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def corpus_entries(root: Path) -> Iterator[tuple[str, Path | None, str | None]]:
    """Walk ``root`` without following links: ``(rel, path_to_read, None)`` for each file to read,
    ``(rel, None, reason)`` for each entry passed over with a report row, in sorted order.

    Rules: hidden files and folders (a name starting with '.') are passed over silently. A
    symbolic link is read only when it points to a regular file inside the corpus folder; one
    pointing outside it, a broken one, a link loop and a link to a folder get a row and are not
    followed (so a link can neither leak a system file nor make the walk go round for ever).
    Anything that is not a regular file (a FIFO, a socket, a device) is never opened, since
    reading it could block the run. An unreadable folder gets a row.
    """
    real_root = root.resolve()
    found: list[tuple[str, Path | None, str | None]] = []

    def walk_error(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        found.append((_display_name(rel) + "/", None, f"cannot read the folder: {exc.strerror or exc}"
                      + (" (check its permissions)" if isinstance(exc, PermissionError) else "")))

    for folder, dirs, files in os.walk(root, onerror=walk_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for name in [d for d in dirs if (here / d).is_symlink()]:
            dirs.remove(name)  # never descend through a link: loops and escapes start there
            files.append(name)
        for name in files:
            if name.startswith("."):
                continue
            path = here / name
            rel = path.relative_to(root).as_posix()
            shown = _display_name(rel)
            if shown != rel:
                found.append((shown, None, "file name is not valid UTF-8: rename the file"))
                continue
            try:
                if path.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except RuntimeError:  # Python 3.11 reports a loop this way
                        found.append((rel, None, "symbolic link loop: not followed"))
                        continue
                    except OSError as exc:
                        if getattr(exc, "errno", None) == 40:  # ELOOP
                            found.append((rel, None, "symbolic link loop: not followed"))
                        else:
                            found.append((rel, None, "broken symbolic link (its target does not exist)"))
                        continue
                    if not _inside(target, real_root):
                        found.append((rel, None, "symbolic link to a file outside the corpus folder: not followed"))
                        continue
                    if target.is_dir():
                        found.append((rel, None, "symbolic link to a folder: not followed (the files are "
                                      "read from where they are)"))
                        continue
                    mode = target.stat().st_mode
                else:
                    mode = path.lstat().st_mode
            except OSError as exc:
                found.append((rel, None, f"cannot read the file: {exc.strerror or exc}"))
                continue
            if not stat.S_ISREG(mode):
                found.append((rel, None, "not a regular file (a FIFO, socket or device): not read"))
                continue
            found.append((rel, path, None))
    yield from sorted(found, key=lambda item: item[0])


def iter_corpus(corpus_dir: str | Path, manifest: str | Path | None = None) -> Iterator[Document | Issue]:
    """Yield every Document and Issue of a corpus folder (recursively, in sorted path order).

    Hidden files and the manifest itself are passed over; links are handled as
    :func:`corpus_entries` says. Nothing here stops on a bad file: it becomes an Issue naming
    the file and the reason.
    """
    root = Path(corpus_dir)
    if not root.is_dir():
        raise IngestError(f"corpus folder {root} does not exist or is not a folder")
    manifest_path = Path(manifest).resolve() if manifest else None
    for rel, path, reason in corpus_entries(root):
        if path is None:
            yield Issue(rel, "skipped", reason)
            continue
        if manifest_path is not None and path.resolve() == manifest_path:
            continue
        try:
            yield from read_file(path, rel)
        except Exception as exc:  # one file never stops the run; the report names it
            log.exception("unexpected error reading %s", rel)
            yield Issue(rel, "skipped", f"unexpected error while reading ({type(exc).__name__}: {exc})")


def _guess_date(meta: dict, path: str) -> tuple[str | None, str | None, str | None]:
    """``(date, precision, warning)``: the metadata date, else a 'YYYY-MM-DD' in the file name, else
    a compact stamp there ('20220425' or '20220425T200000Z', read as 2022-04-25).

    A month-only or year-only date keeps its precision ('2026-01', 'month') with a warning; a
    date that is not a date is left empty with a warning. Never a day the source did not give.
    """
    value = meta.get("date")
    if not value:
        name = Path(path.split(":")[0]).name
        found = _DATE_IN_NAME.search(name)
        compact = None if found else _COMPACT_DATE_IN_NAME.search(name)
        value = found.group(1) if found else "-".join(compact.groups()) if compact else None
        if not value:
            return None, None, None
    date, precision = parse_date_precision(value)
    if date is None:
        return None, None, (f"date '{value}' is not a date (nor a month or a year); left empty, so "
                            "relative dates ('on Monday', 'overnight') are not resolved")
    if precision != "day":
        return date, precision, (f"date '{value}' gives the {precision} only: kept as {date} "
                                 f"(date_precision '{precision}'); relative dates ('on Monday', "
                                 f"'overnight') are resolved within that {precision} or not at all")
    return date, precision, None


def _guess_title(text: str) -> str | None:
    """The first line, when it reads as a headline: short, three words or more, and not ending as a
    sentence or as a dateline does ("CNN —", "KYIV, Ukraine (AP) -", "Updated:")."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first) <= 150 and "\n" in text and len(first.split()) >= 3 \
            and not first.endswith((".", "!", "?", '"', "\u2014", "\u2013", "-", ":")):
        return first
    return None


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_probability: float = 0.5) -> str:
    """ISO 639-1 code of the text's language (py3langid, offline), or 'und' when unsure.

    A guess below ``min_probability`` (typical of a line or two of text) is 'und'
    (undetermined) rather than a confident-looking wrong code.
    """
    lang, prob = _language_identifier().classify(text[:5000])
    return lang if prob >= min_probability else "und"


def build_tables(
    items: Iterable[Document | Issue], manifest: dict[str, dict] | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Turn Documents and Issues into ``(articles, sentences, report)`` tables.

    Rules: manifest metadata wins over the file's own (front matter, record fields, HTML
    metadata), which wins over guesses (a date in the file name, a headline first line).
    Two documents with the same normalised text are one article: the first path is kept and
    the other reported as 'duplicate'. A repeated id gets a '-2', '-3' suffix and a warning.
    An article over ``max_chars`` characters is cut at a line break (else a sentence end) with a
    warning; a line over
    ``MAX_CHUNK_CHARS`` is split into bounded sentences with a warning; a month- or year-only
    date keeps its precision (``date_precision``) with a warning.
    """
    manifest = manifest or {}
    articles, sentences, report = [], [], []
    seen_hash: dict[str, str] = {}
    seen_id: set[str] = set()
    used_manifest: set[str] = set()
    for item in items:
        if isinstance(item, Issue):
            report.append(item)
            continue
        text = normalise_text(item.text)
        if not text:
            report.append(Issue(item.path, "skipped", "no text after removing white space"))
            continue
        if len(text) > max_chars:
            full = len(text)
            cut = text.rfind("\n", max_chars // 2, max_chars + 1)  # a line break, else a sentence end
            cut = cut if cut > 0 else next(bounded_chunks(text, 0, len(text), max_chars))[1]
            text = text[:cut].rstrip()
            report.append(Issue(item.path, "warning", f"article is {full:,} characters long; only the first "
                                f"{len(text):,} (up to a line or sentence break) were read: split the file "
                                "into articles"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen_hash:
            report.append(Issue(item.path, "duplicate", f"same text as {seen_hash[digest]}; kept that one"))
            continue
        seen_hash[digest] = item.path
        file_name = item.path.split(":")[0]
        listed = manifest.get(file_name) or manifest.get(Path(file_name).name) or {}
        if listed:
            used_manifest.add(file_name)
        meta = {**item.meta, **listed}
        article_id = meta.get("id") or Path(file_name).stem + (
            f"-{item.path.split(':')[1]}" if ":" in item.path else ""
        )
        if article_id in seen_id:
            n = 2
            while f"{article_id}-{n}" in seen_id:
                n += 1
            report.append(Issue(item.path, "warning", f"id '{article_id}' is used twice; renamed '{article_id}-{n}'"))
            article_id = f"{article_id}-{n}"
        seen_id.add(article_id)
        language = meta.get("language") or detect_language(text)
        if language not in ("en", "und"):
            report.append(Issue(item.path, "warning", f"language looks like '{language}', not English: "
                                "the patterns are English-only, expect few figures"))
        long_line = max((len(m.group()) for m in _PARAGRAPH.finditer(text)), default=0)
        if long_line > MAX_CHUNK_CHARS:
            report.append(Issue(item.path, "warning", f"a line of {long_line:,} characters was cut into "
                                f"sentences of at most {MAX_CHUNK_CHARS:,} characters"))
        spans = split_sentences(text)
        date, precision, warning = _guess_date(meta, item.path)
        if warning:
            report.append(Issue(item.path, "warning", warning))
        articles.append({
            "article_id": article_id,
            "title": meta.get("title") or _guess_title(text),
            "date": date,
            "date_precision": precision,
            "source": meta.get("source"),
            "url": meta.get("url"),
            "language": language,
            "path": item.path,
            "sha256": digest,
            "n_sentences": len(spans),
            "text": text,
        })
        sentences.extend(
            {"article_id": article_id, "sentence_idx": i, "start": s, "end": e, "text": t}
            for i, (s, e, t) in enumerate(spans)
        )
    for name in sorted(set(manifest) - used_manifest):
        report.append(Issue(name, "warning", "listed in the manifest but no such article was read"))
    articles_df = pd.DataFrame(articles, columns=ARTICLES)
    sentences_df = pd.DataFrame(sentences, columns=SENTENCES)
    for col in ("n_sentences",):
        articles_df[col] = articles_df[col].astype("int64")
    for col in ("sentence_idx", "start", "end"):
        sentences_df[col] = sentences_df[col].astype("int64")
    report_df = pd.DataFrame([vars(r) for r in report], columns=INGEST_REPORT)
    return articles_df, sentences_df, report_df


def ingest_corpus(
    corpus_dir: str | Path, manifest: str | Path | None = None, max_chars: int = MAX_ARTICLE_CHARS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read a corpus folder into ``(articles, sentences, report)``; see :func:`build_tables`.

    Raw files are only read, never modified. Every skipped file or record is one report row.
    """
    manifest_rows = read_manifest(manifest)
    tables = build_tables(iter_corpus(corpus_dir, manifest), manifest_rows, max_chars=max_chars)
    for row in tables[2].itertuples():
        log.warning("%s: %s (%s)", row.path, row.action, row.reason)
    return tables


def corpus_summary(articles: pd.DataFrame, sentences: pd.DataFrame, report: pd.DataFrame) -> pd.DataFrame:
    """One-row summary of an ingested corpus: articles, sentences, date range, files skipped."""
    # ISO dates of any precision ('2026-01-05', '2026-01', '2026') sort as text, and a month
    # stays a month here rather than becoming its 1st.
    dates = articles["date"].dropna().astype(str)
    return pd.DataFrame([{
        "articles": len(articles),
        "sentences": len(sentences),
        "first_date": dates.min() if len(dates) else None,
        "last_date": dates.max() if len(dates) else None,
        "undated_articles": int(len(articles) - len(dates)),
        "languages": ", ".join(sorted(articles["language"].dropna().unique())),
        "skipped": int((report["action"] == "skipped").sum()),
        "duplicates": int((report["action"] == "duplicate").sum()),
        "warnings": int((report["action"] == "warning").sum()),
    }])


def offset_mismatches(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences whose ``text`` is not ``article_text[start:end]`` (empty when provenance holds)."""
    texts = articles.set_index("article_id")["text"]
    bad = [
        row._asdict() for row in sentences.itertuples(index=False)
        if texts.get(row.article_id, "")[row.start:row.end] != row.text
    ]
    return pd.DataFrame(bad, columns=sentences.columns)
