"""Publishing: execute the numbered notebooks in order and render them to offline HTML.

Used by ``make run`` (through ``scripts/run_notebooks.py`` and ``scripts/render_reports.py``)
and by the tests, which run the same notebooks on a fixture corpus in a temporary folder.
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
from importlib import resources
from pathlib import Path

import nbformat

from helpers.io import write_text

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
REPORTS = REPO / "reports"
OVERVIEW = "07_overview"
_NUMBERED = re.compile(r"^\d\d_.+\.ipynb$")
_CDN_SCRIPT = re.compile(r"<script[^>]+src=[\"']https?://", re.I)


def numbered_notebooks(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The notebooks ``NN_name.ipynb`` of a folder in reading (and execution) order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NUMBERED.match(p.name))


def notebook_parameters(path: str | Path) -> set[str]:
    """Names assigned in a notebook's cell tagged ``parameters`` (papermill's convention)."""
    return set(parameter_defaults(path))


def parameter_defaults(path: str | Path) -> dict:
    """Each name the ``parameters`` cell assigns, with its value when it is a literal (else None)."""
    nb = nbformat.read(path, as_version=4)
    values: dict = {}
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            try:
                                values[target.id] = ast.literal_eval(node.value)
                            except ValueError:
                                values[target.id] = None
    return values


def _rebase(value, old_cwd: Path, new_cwd: Path):
    """A relative path written for a notebook run from ``old_cwd`` as seen from ``new_cwd``."""
    if not isinstance(value, str) or not value or os.path.isabs(value) or "/" not in value:
        return value
    return os.path.relpath((old_cwd / value).resolve(), new_cwd.resolve())


def set_parameters(source: str, values: dict) -> str:
    """A ``parameters`` cell's source with the given names assigned ``values`` (as Python literals),
    each line's comment kept: the executed notebook shows the values it ran with, in its one
    parameters cell, where a user edits them. Names the cell does not assign are ignored."""
    lines = source.splitlines(keepends=True)
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in values and node.lineno == node.end_lineno:
            line = lines[node.lineno - 1]
            start, end = node.value.col_offset, node.value.end_col_offset
            # col offsets count UTF-8 bytes
            raw = line.encode("utf-8")
            value = values[node.targets[0].id]
            literal = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
            lines[node.lineno - 1] = (raw[:start] + literal.encode("utf-8")
                                      + raw[end:]).decode("utf-8")
    return "".join(lines)


def execute_notebook(path: Path, output: Path, parameters: dict, cwd: Path = NOTEBOOKS) -> Path:
    """Execute one notebook from a fresh kernel with papermill, with the parameters it declares
    written into its own ``parameters`` cell (no second, injected cell).

    Relative paths in ``parameters`` are relative to ``cwd``, the folder the notebook was written
    in. In place (``output`` beside ``path``) it runs from ``cwd``; elsewhere it runs from its own
    folder with every relative path (given or default) rewritten for it, so the executed notebook
    can be opened and re-run where it lies.
    """
    import papermill

    defaults = parameter_defaults(path)
    output = Path(output)
    values = {k: v for k, v in parameters.items() if k in defaults}
    run_dir = output.parent
    if run_dir.resolve() != Path(cwd).resolve():
        values = {k: _rebase(v, Path(cwd), run_dir)
                  for k, v in {**{k: v for k, v in defaults.items() if isinstance(v, str)
                                  and v and (Path(cwd) / v).exists()}, **values}.items()}
    nb = nbformat.read(path, as_version=4)
    # A parameters cell injected by an earlier run would override the defaults, and its
    # metadata would record machine paths: start from the notebook as its author wrote it.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = set_parameters(cell.source, values)
    run_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, output)
    where = os.path.relpath(output)  # papermill records this path in the notebook's metadata
    papermill.execute_notebook(where, where, parameters=None, kernel_name="python3", cwd=str(run_dir),
                               progress_bar=False)
    _drop_run_metadata(output)
    return output


# what a run records besides its outputs: clock times and durations, paths of this machine
_RUN_METADATA = ("papermill", "execution")


def _drop_run_metadata(path: Path) -> None:
    """Remove the times and paths an execution writes into a notebook's metadata, so that running
    the notebooks again on the same data leaves the committed files as they were."""
    nb = nbformat.read(path, as_version=4)
    for key in _RUN_METADATA:
        nb.metadata.pop(key, None)
        for cell in nb.cells:
            cell.get("metadata", {}).pop(key, None)
    nbformat.write(nb, path)


class CorpusError(RuntimeError):
    """The corpus gave no article to analyse; the message is one line saying what to do."""


def corpus_problem(corpus_dir: str | Path, processed_dir: str | Path | None = None) -> str | None:
    """One line saying why a corpus cannot be analysed and what to do, or None when it can.

    Before ingest (``processed_dir`` None) only a missing or file-less folder is caught; after
    notebook 01 an empty ``articles`` table is, with the ingest report's reasons for the files.
    """
    corpus_dir = Path(corpus_dir)
    what = "add .txt, .md, .html, .jsonl or .csv articles to it (or pass CORPUS=path/to/folder)"
    if not corpus_dir.is_dir():
        return f"corpus folder {corpus_dir} does not exist: {what}"
    if not any(p.is_file() for p in corpus_dir.rglob("*")):
        return f"corpus folder {corpus_dir} holds no file: {what}"
    if processed_dir is None:
        return None
    import pandas as pd

    articles = pd.read_parquet(Path(processed_dir) / "articles.parquet")
    if len(articles):
        return None
    report = pd.read_parquet(Path(processed_dir) / "ingest_report.parquet")
    reasons = "; ".join(f"{r.path}: {r.reason}" for r in report.head(3).itertuples())
    more = f" and {len(report) - 3} more" if len(report) > 3 else ""
    found = f" ({reasons}{more})" if reasons else ""
    return f"no article could be read from {corpus_dir}{found}: {what}"


def execute_all(parameters: dict, output_dir: str | Path | None = None, folder: Path = NOTEBOOKS) -> list[Path]:
    """Execute every numbered notebook in order; in place when ``output_dir`` is None.

    Raises :class:`CorpusError` after the ingest notebook when the corpus gave no article
    (with ``corpus_dir`` and ``processed_dir`` among the parameters), so no blank page follows.
    """
    done = []
    for path in numbered_notebooks(folder):
        target = Path(output_dir) / path.name if output_dir else path
        print(f"executing {path.name}", flush=True)
        done.append(execute_notebook(path, target, parameters, cwd=folder))
        if len(done) == 1 and {"corpus_dir", "processed_dir"} <= parameters.keys():
            problem = corpus_problem(os.path.normpath(folder / parameters["corpus_dir"]),
                                     folder / parameters["processed_dir"])
            if problem:
                raise CorpusError(problem)
    return done


def _exporter():
    from nbconvert import HTMLExporter

    templates = resources.files("helpers").joinpath("resources/templates")
    exporter = HTMLExporter(extra_template_basedirs=[str(templates)], template_name="frontline")
    exporter.embed_images = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def notebook_title(nb) -> str:
    """The title a notebook gives itself: its first Markdown heading, without the '#' marks or
    Markdown emphasis ('02 · Sentiment: the tone of each sentence, and why')."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#+\s+(.+?)\s*#*\s*$", cell.source, re.M)
            if match:
                return re.sub(r"[*_`]", "", match.group(1)).strip()
    return ""


def _nav(pages: list[Path], current: str) -> str:
    links = []
    for page in pages:
        name = "index.html" if page.stem == OVERVIEW else f"{page.stem}.html"
        label = "Overview" if page.stem == OVERVIEW else page.stem.replace("_", " ", 1).replace("_", " ")
        style = "font-weight:bold;" if page.stem == current else ""
        links.append(f'<a href="{name}" style="margin-right:14px;{style}">{html.escape(label)}</a>')
    return " ".join(links)


def render_reports(notebooks: list[Path] | None = None, out_dir: str | Path = REPORTS) -> list[Path]:
    """Render executed notebooks to ``reports/NN_name.html`` and the overview to ``reports/index.html``.

    Every page carries a navigation bar linking all the others, embeds its images, and links no
    script from a CDN (checked: a page that would is an error, not a silent regression).
    """
    notebooks = notebooks if notebooks is not None else numbered_notebooks()
    out_dir = Path(out_dir)
    written = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        exporter = _exporter()
        # The overview is for readers who stop there: its code stays in the notebook, not the page.
        exporter.exclude_input = path.stem == OVERVIEW
        body, _ = exporter.from_notebook_node(
            nb, resources={"frontline_nav": _nav(notebooks, path.stem),
                           "metadata": {"name": notebook_title(nb) or path.stem}}
        )
        if _CDN_SCRIPT.search(body):
            raise RuntimeError(f"{path.name}: rendered HTML links a script from the network")
        name = "index.html" if path.stem == OVERVIEW else f"{path.stem}.html"
        written.append(write_text(body, out_dir / name))
    if not any(p.stem == OVERVIEW for p in notebooks):
        items = "\n".join(f'<li><a href="{p.stem}.html">{html.escape(p.stem)}</a></li>' for p in notebooks)
        index = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Frontline reports</title></head>" \
                f"<body><h1>Frontline reports</h1><ul>{items}</ul></body></html>"
        written.append(write_text(index, out_dir / "index.html"))
    return written
