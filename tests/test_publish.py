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


# --- rendered pages are safe to publish: article text is data, never markup ----------------

# Every payload holds "XSS" so anything of it that turns into markup can be found.
HOSTILE_TITLE = "<script>alert('XSS-T1')</script> **bold** [click](javascript:alert('XSS-T2')) $\\frac{x}{$"
HOSTILE_BODY = (
    "Russian drones attacked Kyiv overnight, killing two people and injuring five "
    "<script>alert('XSS-1')</script>, the mayor said.\n\n"
    "<img src=x onerror=alert('XSS-2')> Air defence shot down 16 of 21 Shahed drones over the city, "
    "<a href=\"javascript:alert('XSS-3')\">details</a>.\n\n"
    "<iframe src=\"https://example.com/XSS-4\"></iframe><link rel=stylesheet href=\"http://example.com/XSS-5.css\">"
    "<style>body{display:none} /* XSS-6 */</style> Shelling hit Kharkiv, wounding 12 civilians &amp; <b onmouseover=alert('XSS-7')>more</b>.\n"
)
HOSTILE_FRONT = (
    "---\ntitle: <img src=x onerror=alert('XSS-T3')> # Heading ![pic](http://example.com/XSS-T4.png)\n"
    "date: 2024-05-06\nsource: <b onmouseover=alert('XSS-S')>Wire</b>\nurl: javascript:alert('XSS-U')\n---\n"
    "Three people were killed when a missile hit Odesa <script>alert('XSS-8')</script>.\n"
)
# A file name is article text too: it becomes the article id, shown and used in anchors.
HOSTILE_NAME = "x\" onmouseover=\"alert('XSS-F') 'q' Київ.txt"
_LOADING = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src", "video": "src",
            "audio": "src", "embed": "src", "object": "data", "frame": "src"}
_NEVER = {"script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "applet"}


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    """Every notebook executed on a corpus of hostile articles, rendered to HTML."""
    root = tmp_path_factory.mktemp("hostile-run")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "2024-05-05_kyiv.txt").write_text(HOSTILE_TITLE + "\n\n" + HOSTILE_BODY, encoding="utf-8")
    (corpus / "odesa.md").write_text(HOSTILE_FRONT, encoding="utf-8")
    # a month-only and a year-only date go through every notebook too
    (corpus / "wire.jsonl").write_text(
        '{"id": "month-only", "date": "2026-01", "text": "Drones attacked Sumy overnight, injuring two people."}\n'
        '{"id": "year-only", "date": "2026", "text": "A missile hit Poltava, killing one man."}\n', encoding="utf-8")
    (corpus / HOSTILE_NAME).write_text("Two soldiers were killed and four injured near Bakhmut on Monday.\n",
                                       encoding="utf-8")
    executed = execute_all(
        {"corpus_dir": str(corpus), "manifest": "", "processed_dir": str(root / "processed")},
        output_dir=root / "notebooks",
    )
    return render_reports(executed, root / "reports")


def unsafe_markup(page_html: str) -> list[str]:
    """Every element or attribute of a page that came from article text or loads from the network."""
    import lxml.html

    problems = []
    tree = lxml.html.document_fromstring(page_html)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _NEVER:
            problems.append(f"<{tag}> element")
        if tag == "style" and "XSS" in (el.text or ""):
            problems.append("<style> from article text")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{tag} {name}=...> event handler")
            # An article id may sit, escaped, in an anchor's id and its '#' link; an image's alt text
            # is its chart's title, which may name an outlet or a title (escaped: were it not, the
            # payload's onmouseover would be an attribute of its own); base64 may hold any letters.
            # Any other attribute holding article text came from it.
            inert = name in ("id", "alt") or name == "href" and value.startswith("#") or value.startswith("data:")
            if "XSS" in value and not inert:
                problems.append(f"<{tag} {name}={value!r}> attribute from article text")
            if "XSS" in name:
                problems.append(f"<{tag} {name}> attribute name from article text")
            if name.lower() in ("href", "src", "action", "formaction", "data") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:")):
                problems.append(f"<{tag} {name}={value!r}> script link")
        source = el.get(_LOADING.get(tag, ""), "") if tag in _LOADING else ""
        if source and not source.startswith("data:") and tag != "link" or \
                tag == "link" and re.match(r"\s*(https?:)?//", el.get("href", "")):
            problems.append(f"<{tag}> loads {source or el.get('href')!r}")
    if re.search(r"@import|url\(\s*['\"]?\s*(https?:)?//", " ".join(tree.xpath("//style/text()")), re.I):
        problems.append("a style sheet loads from the network")
    return problems


def test_unsafe_markup_finds_what_it_looks_for():
    page = ("<html><body><p>ok</p><img src=x onerror=alert('XSS-2')><a href=' javascript:alert(1)'>a</a>"
            "<script>alert('XSS-1')</script><iframe src='https://example.com'></iframe>"
            "<link rel=stylesheet href='//cdn.example.com/a.css'><style>@import url(http://x/y.css);</style>"
            "<img src='data:image/png;base64,AAAA'></body></html>")
    found = unsafe_markup(page)
    assert any("onerror" in p for p in found) and any("script link" in p for p in found)
    assert any("<script> element" in p for p in found) and any("<iframe> element" in p for p in found)
    assert any("loads 'x'" in p for p in found) and any("cdn.example.com" in p for p in found)
    assert any("style sheet" in p for p in found)
    assert unsafe_markup("<html><body><li id=\"ev-x&quot; onmouseover=&quot;XSS\"></li>") == []
    assert unsafe_markup("<html><body><img src='data:image/png;base64,AAAA' alt=\"outlet &lt;b onmouseover=alert('XSS')&gt;\">") == []
    assert "<img onmouseover=...> event handler" in unsafe_markup(
        "<html><body><img src='data:image/png;base64,AAAA' alt=\"outlet <b\" onmouseover=\"alert('XSS')\">")
    assert "<li onmouseover=...> event handler" in unsafe_markup("<html><body><li id=\"ev-x\" onmouseover=\"XSS\"></li>")
    assert unsafe_markup("<html><body><p>&lt;script&gt;alert('XSS')&lt;/script&gt;</p>"
                         "<img src='data:image/png;base64,AAAA'></body></html>") == []


def test_rendered_pages_show_article_text_escaped(hostile_pages):
    import lxml.html

    assert len(hostile_pages) == len(numbered_notebooks())
    seen = ""
    for page in hostile_pages:
        body = page.read_text(encoding="utf-8")
        assert unsafe_markup(body) == [], page.name
        seen += lxml.html.document_fromstring(body).text_content()
    # the payloads are on the pages as text a reader can see, not dropped
    for shown in ("<script>alert('XSS-1')</script>", "<img src=x onerror=alert('XSS-2')>",
                  "javascript:alert('XSS-3')", "alert('XSS-T1')", "onerror=alert('XSS-T3')", "XSS-F"):
        assert shown in seen, shown


def test_overview_evidence_keeps_hostile_ids_in_their_attribute(hostile_pages):
    import lxml.html

    index = next(p for p in hostile_pages if p.name == "index.html")
    tree = lxml.html.document_fromstring(index.read_text(encoding="utf-8"))
    ids = [el.get("id") for el in tree.iter("li") if (el.get("id") or "").startswith("ev-")]
    links = [a.get("href") for a in tree.iter("a") if (a.get("href") or "").startswith("#ev-")]
    assert any("onmouseover" in i for i in ids), ids  # the id holds the whole file stem, quotes and all
    assert set(links) <= {f"#{i}" for i in ids}
