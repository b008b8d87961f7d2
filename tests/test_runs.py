"""A run on a corpus of one's own: `make run CORPUS=folder` writes everything to runs/<folder>/ and
leaves the repository as it was; its pages describe that corpus only (not the bundled seed), and
they open in a real browser offline, with alt text and no errors. Also the pieces it rests on:
parameters written into the one parameters cell, page titles, alt text, the corpus tone view and
the one-line stop for a corpus with nothing to read."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import uuid

import matplotlib

matplotlib.use("Agg")

import lxml.html
import nbformat
import pandas as pd
import pytest

from helpers import charts
from helpers.pipeline import run_ingest
from helpers.publish import (corpus_problem, notebook_title, numbered_notebooks, parameter_defaults,
                             set_parameters)
from tests.browser import find_chromium
from tests.conftest import REPO

EVENTS_CORPUS = REPO / "tests/data/events_corpus"
SEED_PLACES = ("Rzhyshchiv", "Zaporizhzhia", "Bakhmut")
KEPT = ("notebooks", "data/processed", "reports")


# --- the parts --------------------------------------------------------------------------------

def test_set_parameters_replaces_values_and_keeps_comments():
    source = ('corpus_dir = "../data/raw/articles"   # folder of articles\n'
              'manifest = "../data/raw/articles.csv"  # metadata; "" for none\n'
              'k = None              # topics\n')
    out = set_parameters(source, {"corpus_dir": "/tmp/Київ corpus", "manifest": "", "k": 3, "absent": 1})
    assert out == ('corpus_dir = "/tmp/Київ corpus"   # folder of articles\n'
                   'manifest = ""  # metadata; "" for none\n'
                   'k = 3              # topics\n')
    assert set_parameters(source, {}) == source


def test_every_notebook_has_a_title_and_literal_parameters():
    for path in numbered_notebooks():
        nb = nbformat.read(path, as_version=4)
        title = notebook_title(nb)
        assert title and "#" not in title and "_" not in title, path.name
        assert "processed_dir" in parameter_defaults(path), path.name
    assert notebook_title(nbformat.read(REPO / "notebooks/07_overview.ipynb", as_version=4)).startswith(
        "Frontline overview: what the war-news corpus says")


def test_prose_names_no_setting():
    """Markdown of notebooks 01-06 says 'the tables folder', never the parameter's name."""
    for path in numbered_notebooks()[:6]:
        names = parameter_defaults(path)
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                used = [n for n in names if f"`{n}`" in cell.source and len(n) > 1]
                assert used == [], (path.name, used, cell.source[:80])


def test_figure_alt_is_the_chart_title():
    fig = charts._message_figure("Tone per article needs two or more scored articles (this corpus has 1).")
    assert charts.figure_alt(fig) == "Tone per article needs two or more scored articles (this corpus has 1)."
    fig, (a, b) = matplotlib.pyplot.subplots(1, 2)
    fig.suptitle("Two panels")
    a.set_title("left one", loc="left")
    b.set_title("right one")
    assert charts.figure_alt(fig) == "Two panels; left one; right one"
    fig, ax = matplotlib.pyplot.subplots()
    assert charts.figure_alt(fig) == "Chart"
    matplotlib.pyplot.close("all")


def test_saved_png_carries_its_title_for_the_overview(tmp_path):
    from helpers.overview import figure_title

    fig, ax = matplotlib.pyplot.subplots()
    ax.set_title("3 of 4 articles read negative")
    path = charts.save_figure(fig, tmp_path / "02_sentiment_articles.png")
    assert figure_title(path) == "3 of 4 articles read negative"
    matplotlib.pyplot.close(fig)


def _tone_inputs():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d", "e"],
        "title": ["Alpha", "Bravo", None, "Delta", "Echo"],
        "date": ["2024-05-02", "2024-05-01", "2024-05-02", None, "2024-05-03"],
        "source": ["Wire", "Times", None, "Wire", "Wire"],
    })
    per_article = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "n_sentences": [3, 1, 2, 4],
                                "mean_compound": [-0.5, 0.2, -0.1, -0.7], "share_negative": [1.0, 0.0, 0.5, 0.75]})
    return articles, per_article


def test_article_tone_keeps_every_article_in_date_order():
    articles, per_article = _tone_inputs()
    tone = charts.article_tone(per_article, articles)
    assert list(tone.columns) == charts.ARTICLE_TONE_COLUMNS
    assert tone["article_id"].tolist() == ["b", "a", "c", "e", "d"]   # by date, outlet; undated last
    assert tone["outlet"].tolist() == ["Times", "Wire", charts.NO_OUTLET, "Wire", "Wire"]
    assert tone["mean_compound"].isna().tolist() == [False, False, False, True, False]   # e: no sentence


def test_article_tone_chart_draws_one_point_per_dated_scored_article():
    articles, per_article = _tone_inputs()
    fig = charts.plot_article_tone(charts.article_tone(per_article, articles))
    points = sum(len(c.get_offsets()) for ax in fig.axes for c in ax.collections)
    assert points == 3   # a, b, c; d has no date, e no score
    assert charts.figure_alt(fig) == "3 of 4 articles read negative on average; most negative outlet: Wire (mean -0.60)"
    assert "1 article without a publication date is in the table, not on the chart." in fig.texts[-1].get_text()
    one = charts.plot_article_tone(charts.article_tone(per_article.iloc[:1], articles.iloc[:1]))
    assert charts.figure_alt(one) == "Tone per article needs two or more scored articles (this corpus has 1)."
    matplotlib.pyplot.close("all")


def test_corpus_problem_says_what_to_do(tmp_path):
    assert "does not exist: add .txt, .md" in corpus_problem(tmp_path / "nowhere")
    (tmp_path / "corpus").mkdir()
    assert "holds no file" in corpus_problem(tmp_path / "corpus")
    (tmp_path / "corpus" / "empty.txt").write_text("")
    (tmp_path / "corpus" / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    assert corpus_problem(tmp_path / "corpus") is None   # files there: ingest decides
    run_ingest(tmp_path / "corpus", tmp_path / "processed")
    problem = corpus_problem(tmp_path / "corpus", tmp_path / "processed")
    assert problem.startswith(f"no article could be read from {tmp_path / 'corpus'} (")
    assert "blob.txt: " in problem and "empty.txt: " in problem and "\n" not in problem
    assert problem.endswith("add .txt, .md, .html, .jsonl or .csv articles to it (or pass CORPUS=path/to/folder)")
    run_ingest(EVENTS_CORPUS, tmp_path / "events")
    assert corpus_problem(EVENTS_CORPUS, tmp_path / "events") is None


def _env():
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


def test_unreadable_corpus_stops_with_one_line(tmp_path):
    corpus = tmp_path / "unreadable"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    result = subprocess.run([sys.executable, "scripts/run_notebooks.py", "--corpus", str(corpus), "--manifest", "",
                             "--run", str(tmp_path / "run")], cwd=REPO, env=_env(), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: no article could be read from {corpus} (empty.txt: empty file (no text)): "
                      "add .txt, .md, .html, .jsonl or .csv articles to it (or pass CORPUS=path/to/folder)"]
    assert result.stderr.rstrip().endswith(errors[0])
    assert "executing 02_sentiment" not in result.stdout   # stopped after ingest, no blank pages
    assert not (tmp_path / "run" / "reports").exists()


def test_empty_folder_stops_before_any_notebook(tmp_path, capsys):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import run_notebooks
    finally:
        sys.path.remove(str(REPO / "scripts"))
    (tmp_path / "nothing").mkdir()
    assert run_notebooks.main(["--corpus", str(tmp_path / "nothing"), "--manifest", "", "--run", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: corpus folder {tmp_path / 'nothing'} holds no file: add .txt, .md, .html, .jsonl or " \
                  ".csv articles to it (or pass CORPUS=path/to/folder)\n"


# --- make run CORPUS=folder, end to end --------------------------------------------------------

def _fingerprint() -> dict:
    """Every file under the committed results, with its hash, and git's view of the work tree."""
    files = {}
    for folder in KEPT:
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file():
                files[str(path.relative_to(REPO))] = hashlib.sha256(path.read_bytes()).hexdigest()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                            capture_output=True, text=True).stdout if (REPO / ".git").exists() else ""
    return {"files": files, "git": status}


@pytest.fixture(scope="module")
def own_run(tmp_path_factory):
    """`make run CORPUS=<copy of the events fixture>` (the venv step skipped: this interpreter runs it)."""
    name = f"test-corpus-{uuid.uuid4().hex[:8]}"
    corpus = tmp_path_factory.mktemp("own") / name
    shutil.copytree(EVENTS_CORPUS, corpus)
    runs_existed = (REPO / "runs").exists()
    before = _fingerprint()
    result = subprocess.run(["make", "-o", ".venv/.installed", "-o", "venv", "run", f"CORPUS={corpus}",
                             f"PY={sys.executable}"], cwd=REPO, env=_env(), capture_output=True, text=True,
                            timeout=600)
    after = _fingerprint()
    keep = tmp_path_factory.mktemp("kept") / name
    if (REPO / "runs" / name).exists():
        shutil.copytree(REPO / "runs" / name, keep)
        shutil.rmtree(REPO / "runs" / name)
    if not runs_existed and (REPO / "runs").exists() and not any((REPO / "runs").iterdir()):
        (REPO / "runs").rmdir()
    assert result.returncode == 0, result.stderr[-3000:]
    return {"dir": keep, "before": before, "after": after, "stdout": result.stdout, "corpus": corpus}


def test_own_run_lands_in_runs_and_leaves_the_repository_as_it_was(own_run):
    assert own_run["after"] == own_run["before"]
    run = own_run["dir"]
    names = [p.name for p in numbered_notebooks()]
    assert sorted(p.name for p in (run / "notebooks").glob("*.ipynb")) == names
    for table in ("articles", "sentences", "sentiment", "events", "event_reports", "validation"):
        assert (run / "processed" / f"{table}.parquet").is_file(), table
    assert (run / "processed" / "figures" / "02_sentiment_articles.png").is_file()
    pages = sorted(p.name for p in (run / "reports").glob("*.html"))
    assert pages == sorted([n.replace(".ipynb", ".html") for n in names[:-1]] + ["index.html"])
    assert len(pd.read_parquet(run / "processed" / "articles.parquet")) == 14


def test_own_run_notebooks_hold_one_parameters_cell_with_the_values_used(own_run):
    run = own_run["dir"]
    for path in sorted((run / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
        assert tags.count("parameters") == 1 and "injected-parameters" not in tags, path.name
        values = parameter_defaults(path)
        # every path is relative to the executed notebook and points where the run read or wrote
        where = REPO / "runs" / run.name / "notebooks"   # where the run wrote it (moved since)
        assert values["processed_dir"] == "../processed", path.name
        if path.name == "01_ingest.ipynb":
            assert values["corpus_dir"] == str(own_run["corpus"]) and values["manifest"] == ""
        if path.name == "02_sentiment.ipynb":
            assert (where / values["lexicon_path"]).resolve() == \
                (REPO / "data/raw/lexicon/war_news_lexicon.csv").resolve()


def test_own_run_notebooks_record_no_clock_times_or_machine_paths(own_run):
    # so that re-running the notebooks on the same data leaves committed notebooks unchanged
    for path in sorted((own_run["dir"] / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert "papermill" not in nb.metadata, path.name
        assert not [c for c in nb.cells if {"papermill", "execution"} & set(c.metadata)], path.name
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name  # executed all the same


def _page_text(page) -> str:
    tree = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    return tree.text_content() + " ".join(img.get("alt", "") for img in tree.iter("img"))


def test_own_run_pages_describe_that_corpus_not_the_seed(own_run, seed_sentences):
    pages = sorted((own_run["dir"] / "reports").glob("*.html"))
    seed_lines = [s for s in seed_sentences["text"] if len(s) > 40]
    assert len(seed_lines) > 20
    for page in pages:
        text = _page_text(page)
        assert [p for p in SEED_PLACES if p in text] == [], page.name
        assert [s for s in seed_lines if s in text] == [], page.name
        assert "16 of 21" not in text, page.name


def test_own_run_tone_view_covers_every_article(own_run):
    run = own_run["dir"]
    articles = pd.read_parquet(run / "processed" / "articles.parquet")
    page = lxml.html.document_fromstring((run / "reports" / "02_sentiment.html").read_text(encoding="utf-8"))
    alts = [img.get("alt") for img in page.iter("img")]
    assert any(re.fullmatch(r"\d+ of 14 articles read negative on average; most negative outlet: .+", a)
               for a in alts), alts
    assert not any(a.startswith(("0 of", "1 of", "2 of")) and "sentences read negative" in a for a in alts)
    text = page.text_content()
    assert all(a in text for a in articles["article_id"])
    index = lxml.html.document_fromstring((run / "reports" / "index.html").read_text(encoding="utf-8"))
    assert any(re.fullmatch(r"\d+ of 14 articles read negative on average.*", img.get("alt", ""))
               for img in index.iter("img"))


def test_own_run_key_figures_are_that_corpus_events(own_run):
    run = own_run["dir"]
    index = lxml.html.document_fromstring((run / "reports" / "index.html").read_text(encoding="utf-8"))
    table = index.xpath("//table[.//th[1][normalize-space()='Figure']]")[0]
    rows = [[td.text_content().strip() for td in tr.iter("td")] for tr in table.iter("tr")][1:]
    # the fixture's design: one Odesa missile strike whose toll rose to 9 killed, 20 injured over
    # six reports; the Air Force's Shahed night told as 24 of 31; a Russian claim with no reference
    assert rows[0][:3] == ["Strike, Odesa (missile)", "9 killed, 20 injured", "6 reports from 3 outlets; revised"]
    assert ["Shot down: Shahed drone, Ukrainian Air Force", "24 of 31"] in [r[:2] for r in rows]
    assert any(r[0] == "Shot down: drone, Russian Ministry of Defence" and "no reference for this claimant" in r[2]
               for r in rows)
    # every strike row is one event of the run's events table, largest first
    events = pd.read_parquet(run / "processed" / "events.parquet")
    strikes = events[events["kind"] == "strike"].copy()
    strikes["total"] = strikes["killed"].fillna(0) + strikes["injured"].fillna(0)
    expected = [(int(r.killed) if pd.notna(r.killed) else None, int(r.injured) if pd.notna(r.injured) else None)
                for r in strikes.sort_values(["total", "killed"], ascending=False, kind="stable").head(5).itertuples()]
    shown = []
    for figure, value, *_ in rows:
        if figure.startswith("Strike"):
            killed = re.search(r"(\d+) killed", value)
            injured = re.search(r"(\d+) injured", value)
            shown.append((int(killed.group(1)) if killed else None, int(injured.group(1)) if injured else None))
    assert shown == expected
    assert "14 articles, from 3 sources, published 14 May 2024 to 17 May 2024" in index.text_content()


def test_own_run_pages_in_a_browser(own_run, tmp_path):
    from tests.browser import check_pages

    if find_chromium() is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run installs it): "
                    "browser check of the rendered pages skipped")
    pages = sorted((own_run["dir"] / "reports").glob("*.html"))
    seen = check_pages(pages, tmp_path / "screenshots")
    assert sorted(seen) == sorted(p.name for p in pages)
    for name, page in seen.items():
        assert page["console_errors"] == [], name
        assert page["network_requests"] == [], name
        assert page["no_alt"] == [] and page["broken_images"] == 0, name
        assert page["screenshot"].stat().st_size > 10_000, name
        assert page["title"] and not re.fullmatch(r"\d\d_\w+", page["title"]), name
    assert seen["index.html"]["key_figures_table"] is True
    assert seen["index.html"]["images"] == 5
    assert sum(page["images"] for page in seen.values()) >= 15


def test_browser_check_finds_what_it_looks_for(tmp_path):
    from tests.browser import PLACEHOLDER_ALT, check_pages

    if find_chromium() is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    bad = tmp_path / "bad.html"
    bad.write_text(f"<html><head><title>t</title></head><body><script>console.error('boom')</script>"
                   f"<img src='{pixel}'><img src='{pixel}' alt='{PLACEHOLDER_ALT}'>"
                   f"<img src='https://example.com/x.png' alt='remote'></body></html>")
    good = tmp_path / "good.html"
    good.write_text(f"<html><body><table><tr><th>Figure</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr>"
                    f"</table><img src='{pixel}' alt='a chart'></body></html>")
    seen = check_pages([bad, good], tmp_path / "shots")
    # the remote image fails to load (no name resolves in this browser), which is an error too
    # (the two errors arrive in either order: the image load races the inline script)
    assert sorted(seen["bad.html"]["console_errors"]) == ["Failed to load resource: net::ERR_NAME_NOT_RESOLVED", "boom"]
    assert seen["bad.html"]["network_requests"] == ["https://example.com/x.png"]
    assert len(seen["bad.html"]["no_alt"]) == 2 and seen["bad.html"]["key_figures_table"] is False
    assert seen["good.html"]["console_errors"] == [] and seen["good.html"]["network_requests"] == []
    assert seen["good.html"]["no_alt"] == [] and seen["good.html"]["key_figures_table"] is True
    assert (tmp_path / "shots" / "bad.png").is_file() and (tmp_path / "shots" / "good.png").is_file()
