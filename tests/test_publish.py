"""Every notebook runs top to bottom on the fixture corpus, through the parameters cell a user
would change, and renders to HTML that needs no network. Committed notebooks are not rewritten."""

import re

import pandas as pd
import pytest

from helpers.publish import NOTEBOOKS, execute_all, notebook_parameters, numbered_notebooks, render_reports
from tests.conftest import FIXTURE_CORPUS


def test_every_notebook_declares_processed_dir():
    notebooks = numbered_notebooks()
    assert [p.name for p in notebooks][:1] == ["01_ingest.ipynb"]
    for path in notebooks:
        assert "processed_dir" in notebook_parameters(path), path.name
    assert {"corpus_dir", "manifest"} <= notebook_parameters(NOTEBOOKS / "01_ingest.ipynb")


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    """Execute every notebook on the fixture corpus into a temporary folder."""
    root = tmp_path_factory.mktemp("run")
    processed = root / "processed"
    executed = execute_all(
        {"corpus_dir": str(FIXTURE_CORPUS), "manifest": "", "processed_dir": str(processed)},
        output_dir=root / "notebooks",
    )
    return root, processed, executed


def test_notebooks_run_on_fixture_corpus(fixture_run):
    root, processed, executed = fixture_run
    assert [p.name for p in executed] == [p.name for p in numbered_notebooks()]
    articles = pd.read_parquet(processed / "articles.parquet")
    assert len(articles) == 6
    report = pd.read_parquet(processed / "ingest_report.parquet")
    assert set(report["action"]) == {"skipped", "duplicate", "warning"}


def test_rendered_reports_are_offline(fixture_run):
    root, _, executed = fixture_run
    pages = render_reports(executed, root / "reports")
    assert (root / "reports" / "index.html") in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']https?://", html, re.I), page.name
        assert "cdnjs" not in html and "cdn.jsdelivr" not in html, page.name
        assert 'src="data:image/png;base64' in html or "<img" not in html, page.name
