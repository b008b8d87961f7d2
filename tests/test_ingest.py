import json

import pandas as pd
import pytest

from helpers import ingest
from helpers.columns import ARTICLES, INGEST_REPORT, SENTENCES
from tests.conftest import FIXTURE_CORPUS, SEED_ID


# --- sentence splitting -------------------------------------------------------------------


def test_seed_has_32_sentences_with_exact_boundaries(seed_text):
    spans = ingest.split_sentences(seed_text)
    assert len(spans) == 32
    assert spans[0][:2] == (0, 219)
    assert spans[9][:2] == (1489, 1665)
    assert spans[9][2].startswith("During Wednesday night, air raid sirens blared")
    assert spans[9][2].endswith("shot down 16 of 21 Shahed suicide drones manufactured in Iran.")
    assert spans[11][:2] == (1876, 2079)
    assert spans[11][2].startswith("At least eight people were killed, and seven were injured")
    # the heading has no full stop but is a sentence of its own
    assert spans[20] == (2963, 2981, "China-Russia Unity")
    assert spans[31][1] == len(seed_text.rstrip())


def test_every_span_gives_back_its_sentence(seed_text):
    for start, end, sentence in ingest.split_sentences(seed_text):
        assert seed_text[start:end] == sentence


def test_abbreviations_do_not_end_sentences():
    text = ("Gen. Valery Zaluzhny said at 5 a.m. on Feb. 24 that U.S. aid had arrived. "
            "Then the sirens stopped.")
    assert [s for _, _, s in ingest.split_sentences(text)] == [
        "Gen. Valery Zaluzhny said at 5 a.m. on Feb. 24 that U.S. aid had arrived.",
        "Then the sirens stopped.",
    ]


def test_a_stop_without_its_space_still_ends_a_sentence():
    text = "Two colonels were also killed.The losses were high.Gen.Petrov and the U.S.Army stayed."
    got = ingest.split_sentences(text)
    assert [s for _, _, s in got] == ["Two colonels were also killed.", "The losses were high.",
                                      "Gen.Petrov and the U.S.Army stayed."]
    assert all(text[a:b] == s for a, b, s in got)


def test_line_breaks_end_sentences_and_blank_text_has_none():
    assert [s for _, _, s in ingest.split_sentences("Headline\n\nBody text here.\n")] == [
        "Headline", "Body text here."]
    assert ingest.split_sentences("   \n\n ") == []


# --- the bundled corpus ----------------------------------------------------------------------


def test_bundled_corpus_reads_the_seed_with_manifest_metadata(seed_tables):
    articles, sentences, report = seed_tables
    assert list(articles.columns) == ARTICLES
    assert list(sentences.columns) == SENTENCES
    assert list(report.columns) == INGEST_REPORT
    assert len(report) == 0
    seed = articles.set_index("article_id").loc[SEED_ID]
    assert seed["date"] == "2023-03-22"
    assert seed["language"] == "en"
    assert seed["n_sentences"] == 32
    assert seed["sha256"] == "84e5136e5fb4f6e8f2658a84c84df185c66cb1f3944091fd4ac4a6045dd56ea9"
    assert sentences["sentence_idx"].tolist() == list(range(32))
    assert ingest.offset_mismatches(articles, sentences).empty


# --- bad input -------------------------------------------------------------------------------


def _ingest(folder, manifest=None):
    return ingest.ingest_corpus(folder, manifest)


def _reasons(report):
    return dict(zip(report["path"], zip(report["action"], report["reason"])))


def test_fixture_corpus_reports_every_skip(tmp_path):
    articles, sentences, report = _ingest(FIXTURE_CORPUS)
    assert sorted(articles["article_id"]) == [
        "2024-01-02_kyiv-overnight-attack", "kharkiv-shelling", "lviv-cp1252", "page", "wire-1", "wire-3"]
    reasons = _reasons(report)
    assert reasons["archive.txt"][0] == "skipped" and "binary" in reasons["archive.txt"][1]
    assert reasons["empty.txt"] == ("skipped", "empty file (no text)")
    assert reasons["copy-of-kyiv.txt"][0] == "duplicate"
    assert "2024-01-02_kyiv-overnight-attack.txt" in reasons["copy-of-kyiv.txt"][1]
    assert reasons["wire.jsonl:2"][0] == "skipped" and "line 2" in reasons["wire.jsonl:2"][1]
    assert reasons["lviv-cp1252.txt"][0] == "warning" and "cp1252" in reasons["lviv-cp1252.txt"][1]
    by_id = articles.set_index("article_id")
    assert by_id.loc["lviv-cp1252", "text"].startswith("Café owners in Lviv")
    assert by_id.loc["kharkiv-shelling", ["title", "date", "source"]].tolist() == [
        "Shelling hits Kharkiv market", "2024-02-10", "Fixture News"]
    assert by_id.loc["2024-01-02_kyiv-overnight-attack", "date"] == "2024-01-02"  # from the file name
    assert by_id.loc["wire-1", ["title", "date"]].tolist() == ["Odesa port struck", "2024-03-04"]
    assert by_id.loc["page", "date"] == "2024-04-01"
    page = by_id.loc["page", "text"]
    assert "killing a woman" in page and "tracking" not in page and "Home | World" not in page
    assert ingest.offset_mismatches(articles, sentences).empty


@pytest.mark.parametrize(
    "raw, expected, warned",
    [
        ("Kyiv was shelled.".encode("utf-8-sig"), "Kyiv was shelled.", False),
        ("Kyiv was shelled — again.".encode("utf-16"), "Kyiv was shelled — again.", False),
        ("Kyiv’s mayor".encode("cp1252"), "Kyiv’s mayor", True),
    ],
)
def test_decode_bytes(raw, expected, warned):
    text, warning = ingest.decode_bytes(raw)
    assert text == expected
    assert (warning is not None) == warned


def test_binary_and_whitespace_files_are_skipped(tmp_path):
    (tmp_path / "blank.txt").write_text("   \n\t\n")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    articles, _, report = _ingest(tmp_path)
    assert articles.empty
    reasons = _reasons(report)
    assert reasons["blank.txt"] == ("skipped", "empty file (no text)")
    assert reasons["image.txt"][0] == "skipped"
    assert reasons["notes.pdf"][0] == "skipped" and "unsupported file type '.pdf'" in reasons["notes.pdf"][1]


def test_csv_of_articles_and_manifest_wins(tmp_path):
    pd.DataFrame({
        "id": ["a1", "a2"],
        "title": ["First", "Second"],
        "date": ["2024-05-01", "not a date"],
        "text": ["Two people were killed in Kherson.", ""],
    }).to_csv(tmp_path / "batch.csv", index=False)
    (tmp_path / "story.txt").write_text("Drones attacked Odesa overnight.\n")
    manifest = tmp_path / "manifest.csv"
    pd.DataFrame({"file": ["story.txt"], "id": ["odesa-1"], "date": ["2024-06-02"],
                  "title": ["Odesa"]}).to_csv(manifest, index=False)
    articles, sentences, report = _ingest(tmp_path, manifest)
    by_id = articles.set_index("article_id")
    assert sorted(by_id.index) == ["a1", "odesa-1"]
    assert by_id.loc["odesa-1", ["title", "date"]].tolist() == ["Odesa", "2024-06-02"]
    assert by_id.loc["a1", "date"] == "2024-05-01"
    assert _reasons(report)["batch.csv:3"] == ("skipped", "record has no 'text' (or it is empty)")
    assert "manifest.csv" not in set(report["path"])  # the manifest is not read as an article


def test_jsonl_record_errors_name_file_and_line(tmp_path):
    lines = [json.dumps({"id": "x", "text": "Shelling hit Nikopol."}), "{broken", json.dumps([1, 2]),
             json.dumps({"id": "y"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, _, report = _ingest(tmp_path)
    assert articles["article_id"].tolist() == ["x"]
    assert report["path"].tolist() == ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4"]
    assert report["action"].tolist() == ["skipped"] * 3


def test_repeated_ids_are_renamed_and_reported(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "dup", "text": "One."}) + "\n"
                                      + json.dumps({"id": "dup", "text": "Two."}) + "\n")
    articles, _, report = _ingest(tmp_path)
    assert articles["article_id"].tolist() == ["dup", "dup-2"]
    assert report["action"].tolist() == ["warning"]


def test_missing_corpus_and_bad_manifest_are_clear_errors(tmp_path):
    with pytest.raises(ingest.IngestError, match="does not exist"):
        _ingest(tmp_path / "nope")
    bad = tmp_path / "m.csv"
    bad.write_text("title,date\nx,2024-01-01\n")
    with pytest.raises(ingest.IngestError, match="needs a 'file' column"):
        _ingest(tmp_path, bad)


def test_rerun_gives_identical_tables_and_leaves_raw_files_alone(tmp_path):
    before = {p.name: p.read_bytes() for p in FIXTURE_CORPUS.iterdir()}
    first = _ingest(FIXTURE_CORPUS)
    second = _ingest(FIXTURE_CORPUS)
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)
    assert {p.name: p.read_bytes() for p in FIXTURE_CORPUS.iterdir()} == before


def test_non_english_article_is_kept_and_flagged(tmp_path):
    (tmp_path / "de.txt").write_text(
        "Die russische Armee hat in der Nacht Kiew mit Drohnen angegriffen, sagte der Bürgermeister.\n")
    articles, _, report = _ingest(tmp_path)
    assert articles["language"].tolist() == ["de"]
    assert report["action"].tolist() == ["warning"] and "'de'" in report["reason"].iloc[0]


# --- long texts are split in bounded chunks ----------------------------------------------------


def test_a_paragraph_of_megabytes_does_not_reach_punkt_whole(monkeypatch):
    """nltk runs Punkt's regexes under a time limit (5 s) and raises TimeoutError on a paragraph
    of tens of megabytes; with the limit lowered to 0.2 s a 1.6 MB paragraph shows the same
    failure unsplit, and split_sentences still reads every sentence of it."""
    import nltk.redos

    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", 0.2)
    sentence = "Russian forces shelled Kharkiv overnight, killing two people, the governor said."
    line = " ".join([sentence] * 20000)
    with pytest.raises(TimeoutError):
        list(ingest.sentence_tokenizer().span_tokenize(line))
    spans = ingest.split_sentences(line)
    assert len(spans) == 20000
    assert {s for _, _, s in spans} == {sentence}
    assert all(line[a:b] == s for a, b, s in spans)


def test_bounded_chunks_cut_at_sentence_ends_then_spaces_then_anywhere():
    text = "One two three. Four five six. Seven eight nine."
    assert list(ingest.bounded_chunks(text, 0, len(text), 20)) == [(0, 15), (15, 30), (30, 47)]
    words = "abc def ghi jkl"
    assert list(ingest.bounded_chunks(words, 0, len(words), 6)) == [(0, 4), (4, 8), (8, 12), (12, 15)]
    run = "x" * 25
    assert list(ingest.bounded_chunks(run, 0, 25, 10)) == [(0, 10), (10, 20), (20, 25)]
    assert list(ingest.bounded_chunks(text, 0, len(text), 100)) == [(0, len(text))]
    assert [s for _, _, s in ingest.split_sentences(run, max_chunk=10)] == ["x" * 10, "x" * 10, "x" * 5]


def test_an_article_over_the_limit_is_cut_at_a_line_break_with_a_warning(tmp_path):
    (tmp_path / "long.txt").write_text("First paragraph here.\n\nSecond paragraph is longer than that.\n")
    articles, sentences, report = ingest.ingest_corpus(tmp_path, max_chars=40)
    assert articles["text"].tolist() == ["First paragraph here."]
    assert report.values.tolist() == [["long.txt", "warning", "article is 60 characters long; only the first 21 "
                                       "(up to a line or sentence break) were read: split the file into articles"]]
    (tmp_path / "long.txt").write_text("One sentence here. Another one here. A third one.")  # one line
    articles, _, _ = ingest.ingest_corpus(tmp_path, max_chars=40)
    assert articles["text"].tolist() == ["One sentence here. Another one here."]


# --- publication dates keep their precision --------------------------------------------------


@pytest.mark.parametrize("value, date, precision, warned", [
    ("2024-05-01", "2024-05-01", "day", None),
    ("May 1, 2024", "2024-05-01", "day", None),
    ("2024-05", "2024-05", "month", "gives the month only"),
    ("May 2024", "2024-05", "month", "gives the month only"),
    ("2024", "2024", "year", "gives the year only"),
    ("1 May", None, None, "is not a date"),
    ("soon", None, None, "is not a date"),
])
def test_article_dates_keep_their_precision(tmp_path, value, date, precision, warned):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "date": value, "text": "Shelling hit Kherson."}) + "\n")
    articles, _, report = ingest.ingest_corpus(tmp_path)
    got = articles.iloc[0]
    assert (None if pd.isna(got["date"]) else got["date"]) == date
    assert (None if pd.isna(got["date_precision"]) else got["date_precision"]) == precision
    if warned:
        assert report["path"].tolist() == ["a.jsonl:1"] and warned in report["reason"].iloc[0]
    else:
        assert report.empty


def test_summary_keeps_a_month_a_month(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "a", "date": "2026-01", "text": "Shelling hit Kherson."}) + "\n"
        + json.dumps({"id": "b", "date": "2025-12-30", "text": "Drones hit Odesa."}) + "\n"
        + json.dumps({"id": "c", "text": "Missiles hit Lviv."}) + "\n")
    summary = ingest.corpus_summary(*ingest.ingest_corpus(tmp_path)).iloc[0]
    assert (summary["first_date"], summary["last_date"], summary["undated_articles"]) == ("2025-12-30", "2026-01", 1)


@pytest.mark.parametrize("name, date", [
    ("2024-05-01_kyiv.txt", "2024-05-01"),
    ("20220425T200000Z-kyiv-strike.txt", "2022-04-25"),
    ("20220425_report.txt", "2022-04-25"),
    ("report_20221399.txt", None),        # no 99th of the 13th month
    ("id_120220425.txt", None),           # a longer run of digits is an id, not a stamp
])
def test_a_date_in_the_file_name(tmp_path, name, date):
    (tmp_path / name).write_text("Shelling hit Kherson on Monday.", encoding="utf-8")
    articles, _, _ = ingest.ingest_corpus(tmp_path)
    got = articles.iloc[0]["date"]
    assert (None if pd.isna(got) else got) == date


def test_a_dateline_or_a_short_first_line_is_no_title(tmp_path):
    (tmp_path / "cnn.txt").write_text("CNN —\nRussia launched 40 drones at Kyiv overnight, officials said.\n", "utf-8")
    (tmp_path / "ap.txt").write_text("KYIV, Ukraine (AP) -\nA missile hit Odesa.\n", "utf-8")
    (tmp_path / "wire.txt").write_text("Missile strike hits Odesa port\nA missile hit the port of Odesa.\n", "utf-8")
    articles, _, _ = _ingest(tmp_path)
    titles = {a: t if isinstance(t, str) else None for a, t in zip(articles["article_id"], articles["title"])}
    assert titles == {"ap": None, "cnn": None, "wire": "Missile strike hits Odesa port"}
