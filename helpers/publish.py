"""Publishing: execute the numbered notebooks in order and render them to offline HTML.

Used by ``make run`` (through ``scripts/run_notebooks.py`` and ``scripts/render_reports.py``)
and by the tests, which run the same notebooks on a fixture corpus in a temporary folder.
"""

from __future__ import annotations

import html
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
    nb = nbformat.read(path, as_version=4)
    names: set[str] = set()
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            names |= set(re.findall(r"^([A-Za-z_]\w*)\s*=", cell.source, re.M))
    return names


def execute_notebook(path: Path, output: Path, parameters: dict, cwd: Path = NOTEBOOKS) -> Path:
    """Execute one notebook from a fresh kernel with papermill, passing only the parameters it declares."""
    import papermill

    declared = notebook_parameters(path)
    nb = nbformat.read(path, as_version=4)
    # A parameters cell injected by an earlier run would override the defaults, and its
    # metadata would record machine paths: start from the notebook as its author wrote it.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    nb.metadata.pop("papermill", None)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, output)
    where = os.path.relpath(output)  # papermill records this path in the notebook's metadata
    papermill.execute_notebook(
        where,
        where,
        parameters={k: v for k, v in parameters.items() if k in declared},
        kernel_name="python3",
        cwd=str(cwd),
        progress_bar=False,
    )
    return output


def execute_all(parameters: dict, output_dir: str | Path | None = None, folder: Path = NOTEBOOKS) -> list[Path]:
    """Execute every numbered notebook in order; in place when ``output_dir`` is None."""
    done = []
    for path in numbered_notebooks(folder):
        target = Path(output_dir) / path.name if output_dir else path
        print(f"executing {path.name}", flush=True)
        done.append(execute_notebook(path, target, parameters, cwd=folder))
    return done


def _exporter():
    from nbconvert import HTMLExporter

    templates = resources.files("helpers").joinpath("resources/templates")
    exporter = HTMLExporter(extra_template_basedirs=[str(templates)], template_name="frontline")
    exporter.embed_images = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


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
            nb, resources={"frontline_nav": _nav(notebooks, path.stem), "metadata": {"name": path.stem}}
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
