"""A corpus of broken and hostile files beside good ones, generated here (never committed as
binaries): each bad file gets its expected ingest-report row, every good file is read in full,
nothing outside the corpus folder is read, and the raw files are left exactly as they were."""

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from helpers import ingest
from helpers.columns import ARTICLES, INGEST_REPORT
from helpers.pipeline import run_ingest

REPO = Path(__file__).resolve().parents[1]
GOOD_TEXT = ("Kharkiv shelled overnight\n\nRussian forces shelled Kharkiv overnight, killing two people "
             "and injuring five, the regional governor said on Tuesday.\n\nRepair crews restored power by noon.")
# A file outside the corpus that a link must never bring in.
SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-CORPUS:/root:/bin/bash\n"
FUNNY_NAME = "Kyiv 'strike' \"report\" Київ é.txt"


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _fifty_mb_article() -> str:
    para = ("Air defence units worked over the capital for hours, officials said, and repair crews "
            "followed them street by street. ") * 8
    return "Long feed dump\n\n" + "\n\n".join([para] * (50 * 2**20 // (len(para) + 2)))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(corpus folder, outside folder): every kind of file issue 12 lists, beside good ones."""
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text(SECRET)
    c = base / "corpus"
    c.mkdir()
    (c / "good-1.txt").write_text(GOOD_TEXT)
    (c / "good-2.md").write_text("---\ntitle: Odesa port hit\ndate: 2024-03-04\n---\n"
                                 "Drones hit the port of Odesa, injuring three dock workers.\n")
    (c / "good-3.jsonl").write_text(json.dumps({"id": "wire-ok", "date": "2024-03-05",
                                                "text": "Missiles struck Dnipro, killing four people."}) + "\n")
    (c / "empty.txt").write_bytes(b"")
    (c / "blank.txt").write_text("  \n\t \n   ")
    (c / "image.txt").write_bytes(_png())
    (c / "bad-utf8.txt").write_bytes(b"Shelling hit Kherson \xff\xfe\xfa today; two people were hurt.\n")
    (c / "utf16-bom.txt").write_bytes("Sumy shelled — three injured.\n".encode("utf-16"))
    (c / "utf16-nobom.txt").write_bytes("Chernihiv shelled, one killed.\n".encode("utf-16-le"))
    (c / "cp1252.txt").write_bytes("Lviv’s mayor said “two” drones were downed.\n".encode("cp1252"))
    (c / "huge.txt").write_text(_fifty_mb_article())
    (c / "one-line.txt").write_text("word " * (2**20 // 5))
    (c / "page.html").write_text(
        "<html><head><title>Zaporizhzhia &amp; the dam</title><style>p{color:red}</style>"
        "<script>var stolen = 'SCRIPT-BODY';</script></head><body><p>Two people were killed in "
        "Zaporizhzhia &amp; nine were injured, officials said &mdash; again.</p></body></html>")
    (c / "no-text-column.csv").write_text("title,date\nA,2024-01-01\n")
    (c / "ragged.csv").write_text("id,text,date\nr1,Shelling hit Nikopol.,2024-02-01\n"
                                  "r2,Drones hit Sumy.,2024-02-02,EXTRA\nr3\n")
    (c / "broken.jsonl").write_text(json.dumps({"id": "j1", "text": "A drone hit Kherson."}) + "\n{broken\n")
    (c / "dates.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "month-only", "date": "2026-01", "text": "Drones attacked Kyiv overnight, injuring two."},
        {"id": "year-only", "date": "2026", "text": "A missile hit Poltava, killing one man."},
        {"id": "no-date", "date": "the day after the storm", "text": "Shelling hit Kupiansk."},
    ]) + "\n")
    (c / "zz-duplicate.txt").write_text(GOOD_TEXT)
    (c / "cyrillic.txt").write_text("Росія вночі атакувала Київ ударними дронами, повідомили у міській "
                                    "військовій адміністрації. Постраждали двоє людей.\n")
    (c / "locked.txt").write_text("This file is unreadable for a user other than root.\n")
    os.chmod(c / "locked.txt", 0)
    os.symlink("loop-b.txt", c / "loop-a.txt")
    os.symlink("loop-a.txt", c / "loop-b.txt")
    os.symlink(outside / "passwd.txt", c / "escape.txt")
    os.symlink(outside, c / "escape-folder")
    os.symlink("good-1.txt", c / "inside-link.txt")
    (c / "sub").mkdir()
    (c / "sub" / "nested.txt").write_text("Shelling hit Nikopol, injuring one woman.\n")
    os.symlink("sub", c / "sub-link")
    os.mkfifo(c / "pipe.txt")
    (c / FUNNY_NAME).write_text("Kramatorsk station was struck, killing one person.\n")
    yield c, outside
    os.chmod(c / "locked.txt", 0o644)


def _checksums(folder: Path) -> dict[str, str]:
    """sha256 of every regular file under ``folder`` (links and FIFOs by their own metadata)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_fifo():
            out[rel] = "fifo"
        elif path.is_dir():
            out[rel] = "folder"
        elif os.access(path, os.R_OK):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = "unreadable"
        st = os.lstat(path)
        out[rel] += f":{st.st_mode:o}:{st.st_size}:{st.st_mtime_ns}"
    return out


@pytest.fixture(scope="module")
def ingested(hostile):
    corpus, outside = hostile
    before = _checksums(corpus)
    before_outside = _checksums(outside)
    tables = ingest.ingest_corpus(corpus)
    return tables, before, before_outside


def _rows(report: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for path, action, reason in report[INGEST_REPORT].itertuples(index=False):
        out.setdefault(path, []).append((action, reason))
    return out


# Expected report row of each bad file: (path, action, words the reason must hold).
EXPECTED_ROWS = [
    ("empty.txt", "skipped", "empty file"),
    ("blank.txt", "skipped", "empty file"),
    ("image.txt", "skipped", "a PNG image"),
    ("bad-utf8.txt", "warning", "not valid UTF-8 (byte 0xff at offset 21); decoded as cp1252"),
    ("utf16-nobom.txt", "warning", "UTF-16 without a byte-order mark; decoded as UTF-16-LE"),
    ("cp1252.txt", "warning", "decoded as cp1252"),
    ("huge.txt", "warning", "only the first 1,99"),
    ("one-line.txt", "warning", "a line of 1,048,574 characters was cut into sentences of at most 10,000"),
    ("no-text-column.csv", "skipped", "CSV has no 'text' column (columns: title, date)"),
    ("ragged.csv:3", "warning", "CSV line 3 has 4 fields, the header 3: extra fields dropped"),
    ("ragged.csv:4", "warning", "CSV line 4 has 1 fields, the header 3: missing fields left empty"),
    ("ragged.csv:4", "skipped", "record has no 'text'"),
    ("broken.jsonl:2", "skipped", "malformed JSON on line 2"),
    ("dates.jsonl:1", "warning", "date '2026-01' gives the month only: kept as 2026-01 (date_precision 'month')"),
    ("dates.jsonl:2", "warning", "date '2026' gives the year only"),
    ("dates.jsonl:3", "warning", "date 'the day after the storm' is not a date"),
    ("zz-duplicate.txt", "duplicate", "same text as good-1.txt; kept that one"),
    ("inside-link.txt", "duplicate", "same text as good-1.txt; kept that one"),
    ("cyrillic.txt", "warning", "not English"),
    ("loop-a.txt", "skipped", "symbolic link loop: not followed"),
    ("loop-b.txt", "skipped", "symbolic link loop: not followed"),
    ("escape.txt", "skipped", "symbolic link to a file outside the corpus folder: not followed"),
    ("escape-folder", "skipped", "symbolic link to a file outside the corpus folder: not followed"),
    ("sub-link", "skipped", "symbolic link to a folder: not followed"),
    ("pipe.txt", "skipped", "not a regular file"),
]


@pytest.mark.parametrize("path, action, words", EXPECTED_ROWS, ids=[f"{p}-{a}" for p, a, _ in EXPECTED_ROWS])
def test_each_bad_file_has_its_report_row(ingested, path, action, words):
    (_, _, report), _, _ = ingested
    rows = _rows(report).get(path, [])
    assert any(a == action and words in r for a, r in rows), rows


def test_every_report_row_is_expected(ingested):
    """No bad file without its row, and no row that is not in the table above (locked.txt is
    only unreadable for a user other than root; see the permission test)."""
    (_, _, report), _, _ = ingested
    expected = {(p, a) for p, a, _ in EXPECTED_ROWS}
    got = {(p, a) for p, a in zip(report["path"], report["action"]) if p != "locked.txt"}
    assert got == expected


def test_good_and_readable_files_are_read_in_full(ingested):
    (articles, sentences, _), _, _ = ingested
    assert list(articles.columns) == ARTICLES
    by_path = articles.set_index("path")
    assert by_path.loc["good-1.txt", "text"] == GOOD_TEXT
    assert by_path.loc["good-1.txt", "n_sentences"] == 3
    assert by_path.loc["good-2.md", ["title", "date", "date_precision"]].tolist() == ["Odesa port hit", "2024-03-04", "day"]
    assert by_path.loc["good-3.jsonl:1", "article_id"] == "wire-ok"
    assert by_path.loc["utf16-bom.txt", "text"] == "Sumy shelled — three injured."
    assert by_path.loc["utf16-nobom.txt", "text"] == "Chernihiv shelled, one killed."
    assert by_path.loc["cp1252.txt", "text"] == "Lviv’s mayor said “two” drones were downed."
    assert by_path.loc["bad-utf8.txt", "text"].startswith("Shelling hit Kherson ")
    page = by_path.loc["page.html"]
    assert "Zaporizhzhia & nine were injured" in page["text"] and "—" in page["text"]
    assert "SCRIPT-BODY" not in page["text"] and "color:red" not in page["text"]
    assert by_path.loc["ragged.csv:2", "text"] == "Shelling hit Nikopol."
    assert by_path.loc["ragged.csv:3", "text"] == "Drones hit Sumy."
    assert by_path.loc["broken.jsonl:1", "article_id"] == "j1"
    assert by_path.loc["sub/nested.txt", "text"] == "Shelling hit Nikopol, injuring one woman."
    assert by_path.loc["cyrillic.txt", "language"] == "uk"
    funny = by_path.loc[FUNNY_NAME]
    assert funny["article_id"] == FUNNY_NAME[:-4]
    assert funny["text"] == "Kramatorsk station was struck, killing one person."
    assert ingest.offset_mismatches(articles, sentences).empty


def test_dates_keep_their_precision(ingested):
    (articles, _, _), _, _ = ingested
    by_id = articles.set_index("article_id")
    assert by_id.loc["month-only", ["date", "date_precision"]].tolist() == ["2026-01", "month"]
    assert by_id.loc["year-only", ["date", "date_precision"]].tolist() == ["2026", "year"]
    assert by_id.loc["no-date", ["date", "date_precision"]].isna().all()
    assert by_id.loc["wire-ok", ["date", "date_precision"]].tolist() == ["2024-03-05", "day"]
    assert pd.isna(by_id.loc["good-1", "date"]) and pd.isna(by_id.loc["good-1", "date_precision"])


def test_month_only_article_goes_through_extraction(ingested):
    """The extractor reads the month-only article without error and dates its figure within
    nothing narrower than the source gave: 'overnight' in January 2026 is not resolved."""
    from helpers.extract import extract_casualties

    (articles, sentences, _), _, _ = ingested
    picked = articles[articles["article_id"].isin(["month-only", "year-only"])]
    rows = extract_casualties(sentences[sentences["article_id"].isin(picked["article_id"])], picked)
    month = rows[rows["article_id"] == "month-only"].iloc[0]
    assert month["injured"] == 2
    assert (month["date_phrase"], month["date"], month["date_resolved"]) == ("overnight", None, False)
    year = rows[rows["article_id"] == "year-only"].iloc[0]
    assert (year["date"], year["date_start"], year["date_end"]) == (None, "2026-01-01", "2026-12-31")


def test_huge_article_is_cut_and_long_line_bounded(ingested):
    (articles, sentences, _), _, _ = ingested
    by_path = articles.set_index("path")
    huge = by_path.loc["huge.txt"]
    assert huge["text"].startswith("Long feed dump\n\n")
    assert 1_990_000 < len(huge["text"]) <= ingest.MAX_ARTICLE_CHARS
    one_line = sentences[sentences["article_id"] == "one-line"]
    assert len(one_line) == 105  # 1 MB cut at spaces into pieces of at most 10,000 characters
    assert (one_line["end"] - one_line["start"]).max() <= ingest.MAX_CHUNK_CHARS


def test_nothing_from_outside_the_corpus_is_read(ingested):
    (articles, sentences, report), _, _ = ingested
    for table in (articles, sentences, report):
        for col in table.columns:
            assert not table[col].astype(str).str.contains("SECRET-OUTSIDE").any(), col
    assert not articles["path"].str.startswith("escape").any()


def test_raw_files_are_unchanged(hostile, ingested):
    corpus, outside = hostile
    _, before, before_outside = ingested
    ingest.ingest_corpus(corpus)  # and a second run
    assert _checksums(corpus) == before
    assert _checksums(outside) == before_outside


def test_permission_denied_file_gets_a_row(hostile, ingested):
    corpus, _ = hostile
    if os.access(corpus / "locked.txt", os.R_OK):
        pytest.skip("running as root: a file with mode 000 is still readable (see the simulated test)")
    (_, _, report), _, _ = ingested
    assert _rows(report)["locked.txt"] == [
        ("skipped", "cannot read the file: Permission denied (check its permissions)")]


def test_permission_denied_simulated_works_as_root(tmp_path, monkeypatch):
    """The same row when reading raises PermissionError, whoever runs the tests."""
    (tmp_path / "good.txt").write_text("Shelling hit Kherson.")
    (tmp_path / "locked.txt").write_text("secret")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles, _, report = ingest.ingest_corpus(tmp_path)
    assert articles["path"].tolist() == ["good.txt"]
    assert report.values.tolist() == [
        ["locked.txt", "skipped", "cannot read the file: Permission denied (check its permissions)"]]


def test_unreadable_folder_gets_a_row(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Shelling hit Kherson.")
    (tmp_path / "b.txt").write_text("Drones hit Odesa.")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, _, report = ingest.ingest_corpus(tmp_path)
    assert articles["path"].tolist() == ["b.txt"]
    assert report.values.tolist() == [["sub/", "skipped", "cannot read the folder: Permission denied (check its permissions)"]]


def test_two_runs_write_byte_identical_tables(hostile, tmp_path):
    corpus, _ = hostile
    for name in ("one", "two"):
        run_ingest(corpus, tmp_path / name)
    for table in ("articles", "sentences", "ingest_report"):
        assert (tmp_path / "one" / f"{table}.parquet").read_bytes() == (tmp_path / "two" / f"{table}.parquet").read_bytes()


def test_a_run_killed_mid_write_leaves_the_previous_tables(tmp_path):
    """A run killed (SIGKILL) half-way through writing a table leaves the tables of the run
    before intact and readable."""
    corpus, processed = tmp_path / "corpus", tmp_path / "processed"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Shelling hit Kherson, killing two.")
    run_ingest(corpus, processed)
    before = {p.name: p.read_bytes() for p in processed.glob("*.parquet")}
    (corpus / "b.txt").write_text("Drones hit Odesa, injuring three.")
    script = textwrap.dedent(f"""
        import os, signal
        import pandas as pd
        from helpers.pipeline import run_ingest

        def half_then_die(self, path, *args, **kwargs):
            with open(path, "wb") as fh:
                fh.write(b"PAR1 half a table")
                fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)

        pd.DataFrame.to_parquet = half_then_die
        run_ingest({str(corpus)!r}, {str(processed)!r})
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    assert {p.name: p.read_bytes() for p in processed.glob("*.parquet")} == before
    assert pd.read_parquet(processed / "articles.parquet")["path"].tolist() == ["a.txt"]
