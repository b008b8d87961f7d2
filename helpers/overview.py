"""Overview: the one page a reader can stop at (notebook ``07_overview``).

Pure functions over the tables the earlier notebooks wrote: the corpus in one line, the key
figures each linked to its evidence sentence (HTML anchors that survive nbconvert), and the
figures of notebooks 02-06 found by name. Every function accepts empty or missing (None) tables
and says so instead of failing, so the page renders on a tiny fixture corpus.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from helpers.io import read_table

# Columns of key_figures().
KEY_FIGURE_COLUMNS = [
    "figure",        # str: what is counted, in words
    "value",         # str: the figure as a reader should quote it ('at least 8')
    "check",         # str: reference check for interceptions ('' otherwise)
    "article_id",    # str
    "sentence_idx",  # int
    "char_start",    # int: article offsets of the span holding the figure
    "char_end",      # int
    "anchor",        # str: HTML id of the evidence sentence
    "sentence",      # str
]


def _empty(df) -> bool:
    return df is None or len(df) == 0


def read_optional(path: str | Path) -> pd.DataFrame | None:
    """The table at ``path``, or None when it does not exist yet (a missing stage is not an error here)."""
    path = Path(path)
    return read_table(path) if path.exists() else None


def corpus_line(articles: pd.DataFrame | None, sentences: pd.DataFrame | None = None) -> str:
    """One line: how many articles, from how many sources, over which dates, how many sentences."""
    if _empty(articles):
        return "The corpus is empty: no article was ingested."
    n = len(articles)
    parts = [f"{n} article{'s' if n != 1 else ''}"]
    if "source" in articles.columns and articles["source"].notna().any():
        k = articles["source"].nunique()
        parts.append(f"from {k} source{'s' if k != 1 else ''}")
    dates = pd.to_datetime(articles.get("date"), errors="coerce").dropna() if "date" in articles.columns else pd.Series([])
    if len(dates):
        lo, hi = dates.min(), dates.max()
        parts.append(f"published {lo:%-d %B %Y}" if lo == hi else f"published {lo:%-d %B %Y} to {hi:%-d %B %Y}")
    n_sent = len(sentences) if sentences is not None else int(articles.get("n_sentences", pd.Series([0])).sum())
    parts.append(f"{n_sent} sentences")
    return ", ".join(parts[:-1]) + f"; {parts[-1]}."


def anchor_id(article_id: object, sentence_idx: object, char_start: object = None) -> str:
    """HTML id of one figure's evidence: 'ev-<article_id>-<sentence_idx>[-<char_start>]' (the
    offset tells two figures of one sentence apart)."""
    base = f"ev-{article_id}-{int(sentence_idx)}"
    return base if char_start is None or pd.isna(char_start) else f"{base}-{int(char_start)}"


def _count(value, qualifier=None) -> str:
    if value is None or pd.isna(value):
        return ""
    text = f"{float(value):g}"
    if isinstance(qualifier, str) and qualifier.strip():
        text = f"{qualifier.strip()} {text}"
    return text


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _money(ev: dict) -> str:
    amount, scale = ev.get("amount"), ev.get("scale")
    if amount is None or pd.isna(amount):
        return ""
    if isinstance(scale, str) and scale in _SCALES:
        text = f"{amount / _SCALES[scale]:g} {scale}"
    else:
        text = f"{amount:,.0f}"
    if isinstance(ev.get("currency"), str):
        text = f"{ev['currency']} {text}"
    if pd.notna(ev.get("ratio")) and isinstance(ev.get("ratio_of"), str):
        text += f" ({ev['ratio']:g} times {ev['ratio_of']})"
    return text


def key_figures(casualties: pd.DataFrame | None, interceptions: pd.DataFrame | None,
                validation: pd.DataFrame | None = None, economic: pd.DataFrame | None = None,
                top: int = 5) -> pd.DataFrame:
    """The headline figures in KEY_FIGURE_COLUMNS: the ``top`` casualty events, most killed first
    (then most injured; aggregate rows left out); the ``top`` interception events by launched, each
    with its reference check from ``validation`` ('agrees with Air Force: 16 of 21') when matched;
    the ``top`` economic figures by amount ('USD 411 billion')."""
    rows = []
    if not _empty(casualties):
        cas = casualties.copy()
        if "aggregate" in cas.columns:
            cas = cas[~cas["aggregate"].fillna(False).astype(bool)]
        cas["_k"] = pd.to_numeric(cas.get("killed"), errors="coerce").fillna(0)
        cas["_i"] = pd.to_numeric(cas.get("injured"), errors="coerce").fillna(0)
        for ev in cas.sort_values(["_k", "_i"], ascending=False, kind="stable").head(top).to_dict("records"):
            place = ev.get("location") if isinstance(ev.get("location"), str) else "place not named"
            counts = [f"{_count(ev.get('killed'), ev.get('killed_qualifier'))} killed" if pd.notna(ev.get("killed")) else "",
                      f"{_count(ev.get('injured'), ev.get('injured_qualifier'))} injured" if pd.notna(ev.get("injured")) else ""]
            rows.append({**ev, "figure": f"Casualties, {place}" + (f" ({ev['weapon']})" if isinstance(ev.get("weapon"), str) else ""),
                         "value": ", ".join(c for c in counts if c), "check": ""})
    if not _empty(interceptions):
        checks = {}
        if not _empty(validation):
            for v in validation.to_dict("records"):
                if v.get("status") == "no reference row":
                    text = "no Air Force row to compare"
                else:
                    ref = f"{_count(v.get('ref_destroyed'))} of {_count(v.get('ref_launched'))}".strip()
                    text = f"{'agrees with' if v.get('status') == 'agree' else 'differs from'} Air Force: {ref}"
                checks[(v.get("article_id"), v.get("sentence_idx"), v.get("char_start"))] = text
        inter = interceptions.assign(_l=pd.to_numeric(interceptions.get("launched"), errors="coerce"))
        for ev in inter.sort_values("_l", ascending=False, kind="stable").head(top).to_dict("records"):
            of = f" of {_count(ev.get('launched'))}" if pd.notna(ev.get("launched")) else ""
            rows.append({**ev, "figure": f"Shot down: {ev.get('weapon') or ev.get('weapon_class')}",
                         "value": f"{_count(ev.get('intercepted'))}{of}",
                         "check": checks.get((ev.get("article_id"), ev.get("sentence_idx"), ev.get("char_start")), "")})
    if not _empty(economic):
        eco = economic.assign(_a=pd.to_numeric(economic.get("amount"), errors="coerce"))
        for ev in eco.sort_values("_a", ascending=False, kind="stable").head(top).to_dict("records"):
            what = ev.get("what") if isinstance(ev.get("what"), str) else "amount"
            rows.append({**ev, "figure": f"Money: {what}", "value": _money(ev), "check": ""})
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=KEY_FIGURE_COLUMNS)
    starts = out["char_start"] if "char_start" in out.columns else [None] * len(out)
    out["anchor"] = [anchor_id(a, i, c) for a, i, c in zip(out["article_id"], out["sentence_idx"], starts)]
    for col in KEY_FIGURE_COLUMNS:
        if col not in out.columns:
            out[col] = None
    return out[KEY_FIGURE_COLUMNS].reset_index(drop=True)


def key_figures_html(figures: pd.DataFrame) -> str:
    """An HTML table of key figures, each row linking to its evidence sentence's anchor."""
    if _empty(figures):
        return "<p>No casualty or interception figure was extracted from this corpus.</p>"
    head = "<tr><th>Figure</th><th>Value</th><th>Check against the reference</th><th>Evidence</th></tr>"
    body = "".join(
        f"<tr><td>{html.escape(str(r.figure))}</td><td><b>{html.escape(str(r.value))}</b></td>"
        f"<td>{html.escape(str(r.check or ''))}</td>"
        f"<td><a href=\"#{html.escape(str(r.anchor))}\">sentence #{int(r.sentence_idx)} of {html.escape(str(r.article_id))}</a></td></tr>"
        for r in figures.itertuples()
    )
    return f"<table>{head}{body}</table>"


def evidence_html(figures: pd.DataFrame, sentences: pd.DataFrame | None = None) -> str:
    """Each figure's evidence sentence once, with its anchor and the figure's span highlighted
    (``<mark>``), found from the event's article offsets minus the sentence's start offset."""
    if _empty(figures):
        return "<p>No evidence sentences to show.</p>"
    starts = {}
    if not _empty(sentences):
        starts = {(a, int(i)): int(s) for a, i, s in zip(sentences["article_id"], sentences["sentence_idx"], sentences["start"])}
    items, seen = [], set()
    for r in figures.itertuples():
        if r.anchor in seen:
            continue
        seen.add(r.anchor)
        text = str(r.sentence or "")
        start = starts.get((r.article_id, int(r.sentence_idx)))
        marked = html.escape(text)
        if start is not None and pd.notna(r.char_start) and pd.notna(r.char_end):
            a, b = int(r.char_start) - start, int(r.char_end) - start
            if 0 <= a < b <= len(text):
                marked = f"{html.escape(text[:a])}<mark>{html.escape(text[a:b])}</mark>{html.escape(text[b:])}"
        items.append(f"<li id=\"{html.escape(str(r.anchor))}\"><b>{html.escape(str(r.article_id))}, sentence #{int(r.sentence_idx)}:</b> "
                     f"{marked}</li>")
    return "<ol>" + "".join(items) + "</ol>"


def show_figure(path: str | Path, what: str = "chart") -> Path | None:
    """Display a PNG written by an earlier notebook (inline, so it is embedded in the rendered
    page), or print one line saying which notebook has not drawn it. Returns the path or None."""
    path = Path(path)
    if not path.is_file():
        print(f"No {what} to show: {path.name} is not in {path.parent} (run notebook {path.name[:2]} first).")
        return None
    from IPython.display import Image, display

    display(Image(filename=str(path)))
    return path


def notebook_links(names: list[str]) -> str:
    """Markdown list linking each rendered notebook page ('02_sentiment' -> '02_sentiment.html')."""
    return "\n".join(f"- [{n.replace('_', ' ')}]({n}.html)" for n in names)
