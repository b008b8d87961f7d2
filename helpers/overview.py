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

from helpers.dates import date_in_words, date_span
from helpers.events import KEPT_APART_VAGUE, evidence_row
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
    first_last = date_span(articles["date"]) if "date" in articles.columns else None
    if first_last:
        lo, hi = (date_in_words(d) for d in first_last)
        parts.append(f"published {lo}" if lo == hi else f"published {lo} to {hi}")
    n_sent = len(sentences) if sentences is not None else int(articles.get("n_sentences", pd.Series([0])).sum())
    parts.append(f"{n_sent} sentences")
    return ", ".join(parts[:-1]) + f"; {parts[-1]}."


def anchor_id(article_id: object, sentence_idx: object, char_start: object = None) -> str:
    """HTML id of one figure's evidence: 'ev-<article_id>-<sentence_idx>[-<char_start>]' (the
    offset tells two figures of one sentence apart)."""
    base = f"ev-{article_id}-{int(sentence_idx)}"
    return base if char_start is None or pd.isna(char_start) else f"{base}-{int(char_start)}"


def _count(value, qualifier=None) -> str:
    """A count as a reader quotes it: '14,000,000', 'at least 8' (never '1.4e+07' or '8.0')."""
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    text = f"{int(v):,}" if v.is_integer() else f"{v:,.1f}"
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
        checks = _checks(validation)
        inter = interceptions.assign(_l=pd.to_numeric(interceptions.get("launched"), errors="coerce"))
        for ev in inter.sort_values("_l", ascending=False, kind="stable").head(top).to_dict("records"):
            of = f" of {_count(ev.get('launched'))}" if pd.notna(ev.get("launched")) else ""
            rows.append({**ev, "figure": f"Shot down: {ev.get('weapon') or ev.get('weapon_class')}",
                         "value": f"{_count(ev.get('intercepted'))}{of}",
                         "check": checks.get((ev.get("article_id"), ev.get("sentence_idx"), ev.get("char_start")), "")})
    rows += _economic_rows(economic, top)
    return _key_table(rows)


def _toll(ev: dict, src: dict | None, role: str) -> str:
    """An event's reconciled figure with the qualifier its evidence sentence gives it ('at least 8'),
    when that sentence states the same figure."""
    same = src is not None and src.get(role) is not None and ev.get(role) is not None \
        and float(src[role]) == float(ev[role])
    return _count(ev.get(role), src.get(f"{role}_qualifier") if same else None)


def _reports_note(ev: dict) -> str:
    n, outlets = int(ev.get("n_reports") or 0), int(ev.get("n_outlets") or 0)
    note = f"{n} report{'s' if n != 1 else ''}"
    if outlets > 1:
        note += f" from {outlets} outlets"
    if ev.get("status") in ("revised", "conflicting"):
        note += f"; {ev['status']}"
    return note


def key_figures_from_events(events: pd.DataFrame | None, event_reports: pd.DataFrame | None,
                            validation: pd.DataFrame | None = None, economic: pd.DataFrame | None = None,
                            top: int = 5) -> pd.DataFrame:
    """The headline figures in KEY_FIGURE_COLUMNS, counted as events (one strike or one night's
    claim, however many articles report it): the ``top`` strikes by killed + injured and the ``top``
    air-defence claims by launched, each with how many reports stand behind it, its reference check
    (interceptions, from ``validation``) and the sentence that states its figures; then the ``top``
    economic figures. Totals that are not one event never appear here."""
    rows = []
    checks = _checks(validation)
    if not _empty(events) and not _empty(event_reports):
        strikes = events[events["kind"] == "strike"]
        strikes = strikes.assign(_t=strikes["killed"].fillna(0) + strikes["injured"].fillna(0))
        for ev in strikes.sort_values(["_t", "killed"], ascending=False, kind="stable").head(top).to_dict("records"):
            src = evidence_row(event_reports, ev["event_id"], ("killed", "injured"))
            if src is None:
                continue
            place = ev["location"] if isinstance(ev.get("location"), str) else "place not named"
            counts = [f"{_toll(ev, src, 'killed')} killed" if pd.notna(ev.get("killed")) else "",
                      f"{_toll(ev, src, 'injured')} injured" if pd.notna(ev.get("injured")) else ""]
            weapon = f" ({ev['weapon_class']})" if isinstance(ev.get("weapon_class"), str) else ""
            rows.append({**src, "figure": f"Strike, {place}{weapon}", "value": ", ".join(c for c in counts if c),
                         "check": _reports_note(ev)})
        nights = events[events["kind"] == "air defence"]
        nights = nights.assign(_l=pd.to_numeric(nights["launched"], errors="coerce"))
        for ev in nights.sort_values("_l", ascending=False, kind="stable").head(top).to_dict("records"):
            src = evidence_row(event_reports, ev["event_id"], ("launched", "intercepted"))
            if src is None:
                continue
            of = f" of {_count(ev.get('launched'))}" if pd.notna(ev.get("launched")) else ""
            shot = _count(ev.get("intercepted")) or "?"
            claim = f", {ev['claimant']}" if isinstance(ev.get("claimant"), str) else ""
            check = checks.get((src.get("article_id"), src.get("sentence_idx"), src.get("char_start")), "")
            rows.append({**src, "figure": f"Shot down: {ev.get('weapon') or ev.get('weapon_class')}{claim}",
                         "value": f"{shot}{of}", "check": "; ".join(c for c in (_reports_note(ev), check) if c)})
    rows += _economic_rows(economic, top)
    return _key_table(rows)


def _checks(validation: pd.DataFrame | None) -> dict:
    checks = {}
    if not _empty(validation):
        for v in validation.to_dict("records"):
            if v.get("status") == "no reference row":
                text = "no Air Force row to compare"
            elif v.get("status") == "no reference for this claimant":
                text = "no reference for this claimant"
            else:
                ref = f"{_count(v.get('ref_destroyed'))} of {_count(v.get('ref_launched'))}".strip()
                text = f"{'agrees with' if v.get('status') == 'agree' else 'differs from'} Air Force: {ref}"
            checks[(v.get("article_id"), v.get("sentence_idx"), v.get("char_start"))] = text
    return checks


def _economic_rows(economic: pd.DataFrame | None, top: int) -> list[dict]:
    rows = []
    if not _empty(economic):
        eco = economic.assign(_a=pd.to_numeric(economic.get("amount"), errors="coerce"))
        for ev in eco.sort_values("_a", ascending=False, kind="stable").head(top).to_dict("records"):
            # "The total of $33bn is more than twice ...": no measure named, and the row says so
            figure = f"Money: {ev['what']}" if isinstance(ev.get("what"), str) else "Money (no measure named)"
            rows.append({**ev, "figure": figure, "value": _money(ev), "check": ""})
    return rows


def _key_table(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=KEY_FIGURE_COLUMNS)
    starts = out["char_start"] if "char_start" in out.columns else [None] * len(out)
    out["anchor"] = [anchor_id(a, i, c) for a, i, c in zip(out["article_id"], out["sentence_idx"], starts)]
    for col in KEY_FIGURE_COLUMNS:
        if col not in out.columns:
            out[col] = None
    return out[KEY_FIGURE_COLUMNS].reset_index(drop=True)


def findings_markdown(articles: pd.DataFrame | None, events: pd.DataFrame | None,
                      event_reports: pd.DataFrame | None) -> str:
    """What this corpus says about strikes and air defence, in sentences computed from the tables
    (never typed): how many strikes and nights, from how many reports, the largest toll, how many
    tolls were revised or conflict, who made the air-defence claims, and how many reported totals
    are kept apart. True of whatever corpus the tables came from."""
    n_articles = 0 if _empty(articles) else len(articles)
    if _empty(events):
        return (f"The {n_articles:,} article(s) state no per-strike casualty figure and no night's "
                "air-defence count.")
    strikes = events[events["kind"] == "strike"]
    nights = events[events["kind"] == "air defence"]
    lines = []
    if len(strikes):
        reports = int(strikes["n_reports"].sum())
        t = strikes.assign(_t=strikes["killed"].fillna(0) + strikes["injured"].fillna(0)).sort_values("_t", ascending=False)
        top = t.iloc[0]
        place = top["location"] if isinstance(top["location"], str) else "a place the text does not name"
        when = f" on {top['date']}" if isinstance(top.get("date"), str) else ""
        src = None if _empty(event_reports) else evidence_row(event_reports, top["event_id"], ("killed", "injured"))
        lines.append(f"- **{len(strikes):,} strike(s)** with casualty figures, told by {reports:,} report(s) in "
                     f"{n_articles:,} article(s). The largest toll is {place}{when}: "
                     + " and ".join(f"{_toll(top, src, role)} {role}" for role in ("killed", "injured")
                                    if pd.notna(top.get(role)))
                     + f" ({_reports_note(top)}).")
        revised, conflicting = int((strikes["status"] == "revised").sum()), int((strikes["status"] == "conflicting").sum())
        if revised or conflicting:
            lines.append(f"- {revised:,} toll(s) rose from one report to a later one (the latest stands) and "
                         f"{conflicting:,} differ between outlets (the lowest stands); each event's `history` lists every value.")
    if len(nights):
        claimants = nights["claimant"].fillna("an unnamed source").value_counts()
        who = ", ".join(f"{name} ({n:,})" for name, n in claimants.items())
        lines.append(f"- **{len(nights):,} air-defence claim(s)** (one per night, weapon class and claimant), made by: {who}.")
    if not _empty(event_reports):
        kept = event_reports[event_reports["event_id"].isna() & event_reports["figure_type"].ne("event")]
        if len(kept):
            kinds = kept["figure_type"].value_counts()
            lines.append(f"- {len(kept):,} reported total(s) are kept apart and never added to the strikes: "
                         + ", ".join(f"{n:,} {k}" for k, n in kinds.items()) + ".")
        vague = event_reports["role"].eq(KEPT_APART_VAGUE).sum() if "role" in event_reports else 0
        if vague:
            lines.append(f"- {vague:,} vague count(s) (\"dozens\", \"scores of\", read by ACLED's rule) are kept "
                         "apart too: they state no number to add up.")
    return "\n".join(lines)


def citation(article_id: object, articles: pd.DataFrame | None, width: int = 60) -> str:
    """How a reader cites an article: 'Outlet, “Title shortened…”, 2023-03-22'; the article id only
    when the table knows nothing else of it."""
    if _empty(articles):
        return str(article_id)
    row = articles[articles["article_id"] == article_id]
    if row.empty:
        return str(article_id)
    r = row.iloc[0]
    parts = []
    if isinstance(r.get("source"), str) and r["source"].strip():
        parts.append(r["source"].strip())
    title = r.get("title")
    if isinstance(title, str) and title.strip():
        title = " ".join(title.split())
        parts.append(f"“{title if len(title) <= width else title[:width].rsplit(' ', 1)[0] + '…'}”")
    if isinstance(r.get("date"), str) and r["date"]:
        parts.append(r["date"])
    return ", ".join(parts) or str(article_id)


def key_figures_html(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> str:
    """An HTML table of key figures, each row linking to its evidence sentence's anchor, the
    article cited by outlet, title and date. Every value is escaped: article text is data."""
    if _empty(figures):
        return "<p>No casualty or interception figure was extracted from this corpus.</p>"
    head = "<tr><th>Figure</th><th>Value</th><th>Reports and check</th><th>Evidence</th></tr>"
    body = "".join(
        f"<tr><td>{html.escape(str(r.figure))}</td><td><b>{html.escape(str(r.value))}</b></td>"
        f"<td>{html.escape(str(r.check or ''))}</td>"
        f"<td><a href=\"#{html.escape(str(r.anchor))}\">{html.escape(citation(r.article_id, articles))}</a></td></tr>"
        for r in figures.itertuples()
    )
    return f"<table>{head}{body}</table>"


def evidence_html(figures: pd.DataFrame, sentences: pd.DataFrame | None = None,
                  articles: pd.DataFrame | None = None) -> str:
    """Each figure's evidence sentence once, with its anchor, its article cited by outlet, title and
    date, and the figure's span highlighted (``<mark>``), found from the event's article offsets
    minus the sentence's start offset."""
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
        items.append(f"<li id=\"{html.escape(str(r.anchor))}\"><b>{html.escape(citation(r.article_id, articles))}:</b> "
                     f"{marked}</li>")
    return "<ol>" + "".join(items) + "</ol>"


def figure_title(path: str | Path) -> str:
    """The title stored in a PNG written by :func:`helpers.charts.save_figure` ('' when none)."""
    from PIL import Image as PILImage

    try:
        with PILImage.open(path) as image:
            return str(getattr(image, "text", {}).get("Title", ""))
    except (OSError, SyntaxError, ValueError):  # not a PNG Pillow can read: no title to give
        return ""


def show_figure(path: str | Path, what: str = "chart") -> Path | None:
    """Display a PNG written by an earlier notebook (inline, so it is embedded in the rendered
    page) with the chart's title as its alt text, or print one line saying which notebook has not
    drawn it. Returns the path or None."""
    path = Path(path)
    if not path.is_file():
        print(f"No {what} to show: {path.name} has not been drawn (run notebook {path.name[:2]} first).")
        return None
    from IPython.display import Image, display

    display(Image(filename=str(path), alt=figure_title(path) or what))
    return path


def notebook_links(names: list[str]) -> str:
    """Markdown list linking each rendered notebook page ('02_sentiment' -> '02_sentiment.html')."""
    return "\n".join(f"- [{n.replace('_', ' ')}]({n}.html)" for n in names)
