"""Charts: the suite's one style, its colours, and every chart function the notebooks call.

Rules kept here so no notebook sets them: a title that states the finding, labelled axes with
units, the source and date in a footnote, and colour used for meaning only (killed and injured
are always the same two colours across the suite).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from helpers import columns

# Colours carry meaning and never change between notebooks.
COLORS = {
    "killed": "#b2182b",       # dark red
    "injured": "#f4a582",      # light red/orange
    "intercepted": "#2166ac",  # blue
    "not_intercepted": "#bababa",
    "negative": "#a6611a",     # brown: tone, never a casualty colour
    "neutral": "#bababa",
    "positive": "#018571",     # teal: tone, never the interception blue
    "reference": "#4d4d4d",
    "highlight": "#ffd54f",
}
# Weapon classes, for maps and per-weapon charts.
WEAPON_CLASS_COLORS = {
    "drone": "#762a83",
    "cruise missile": "#1b7837",
    "ballistic missile": "#e08214",
    "missile": "#5aae61",
    "guided bomb": "#8c510a",
    "artillery": "#35978f",
    "unknown": "#999999",
}

STYLE = {
    "figure.figsize": (9, 4.8),
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "savefig.bbox": "tight",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.size": 10,
    "legend.frameon": False,
    # Labels come from article text (titles, places): "$5 and $6" is not TeX, and a title such
    # as "$\\frac{$" must not stop a chart from being drawn.
    "text.parse_math": False,
}


def use_style() -> None:
    """Apply the suite's chart style (call once at the top of a notebook); in a notebook, every
    chart shown inline also carries its title as its image's alt text (see :func:`figure_alt`)."""
    plt.rcParams.update(STYLE)
    _show_titles_as_alt_text()


def figure_alt(fig) -> str:
    """A figure's alt text: its titles as a reader sees them (the suptitle, then each panel's
    title), else its axis labels; 'Chart' when it has none."""
    parts = []
    if getattr(fig, "_suptitle", None) is not None and fig._suptitle.get_text().strip():
        parts.append(fig._suptitle.get_text().strip())
    for ax in fig.axes:
        for loc in ("left", "center", "right"):
            text = ax.get_title(loc=loc).strip()
            if text and text not in parts:
                parts.append(text)
    if not parts:
        parts = [f"Chart of {ax.get_ylabel()} by {ax.get_xlabel()}" for ax in fig.axes[:1]
                 if ax.get_xlabel() and ax.get_ylabel()]
    lines = [" ".join(line.split()) for p in parts for line in p.splitlines() if line.strip()]
    return "; ".join(lines) or "Chart"


def _png_with_alt(fig):
    from IPython.core.pylabtools import print_figure

    return print_figure(fig, fmt="png", base64=True, bbox_inches="tight"), {"alt": figure_alt(fig)}


def _show_titles_as_alt_text() -> None:
    """In an IPython kernel, draw figures as PNG with their alt text in the output's metadata
    (the rendered page's ``<img alt>``); outside one, nothing to do."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    # The inline backend registers its own PNG formatter when it is loaded, which is on the first
    # figure: load it now, so ours comes after it and stays.
    plt.close(plt.figure())
    shell.display_formatter.formatters["image/png"].for_type(Figure, _png_with_alt)


def add_footnote(fig, source: str) -> None:
    """Write the source and date line under a figure, e.g. 'Source: ... (22 March 2023)'."""
    fig.text(0.01, -0.02, source, ha="left", va="top", fontsize=8, color="#555555")


def save_figure(fig, path: str | Path) -> Path:
    """Save a figure as PNG beside the table it was drawn from (folder created if needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the title travels with the file, so a page showing it later has its alt text
    fig.savefig(path, metadata={"Title": figure_alt(fig)} if path.suffix.lower() == ".png" else None)
    return path


# --- sentiment & topics charts (issue 3) ---

SENTIMENT_SOURCE = "Sentiment: VADER (Hutto & Gilbert 2014) via nltk, per sentence; compound -1..+1, |x| < 0.05 neutral."
_TOPIC_CMAP = plt.get_cmap("tab10")   # topic identity is the only meaning of these colours
NO_TOPICS = ("No topics were found: the corpus is too small, or its sentences share no words "
             "(notebook 03 says which).")


def topic_color(topic_id: int):
    """The colour of a topic in every topic chart (grey for -1, 'no known term')."""
    return COLORS["neutral"] if int(topic_id) < 0 else _TOPIC_CMAP(int(topic_id) % 10)


def _message_figure(message: str, source: str = ""):
    fig, ax = plt.subplots(figsize=(9, 2.2))
    ax.axis("off")
    ax.set_title(message, loc="left", fontsize=11)
    if source:
        add_footnote(fig, source)
    return fig


def _snippet(text: str, n_words: int = 6, width: int = 42) -> str:
    words = str(text).split()
    short = " ".join(words[:n_words])
    if len(short) > width:
        short = short[: width - 1].rstrip()
    return short + ("…" if len(words) > n_words or len(short) < len(" ".join(words[:n_words])) else "")


def _sign_colors(values):
    return [COLORS["positive"] if v >= 0.05 else COLORS["negative"] if v <= -0.05 else COLORS["neutral"]
            for v in values]


def plot_sentence_sentiment(scores, sentences, source: str = "", title: str | None = None):
    """Diverging bars of each sentence's VADER compound in reading order (top to bottom), each
    labelled '#idx first words…'; with a ``compound_war`` column the war-lexicon score is drawn
    as a black tick on the same row. One article's rows; an empty table gives a message figure."""
    import numpy as np

    data = scores.merge(sentences[["article_id", "sentence_idx", "text"]], on=["article_id", "sentence_idx"])
    if data.empty:
        return _message_figure("This corpus has no sentence to chart.", source)
    data = data.sort_values(["article_id", "sentence_idx"]).reset_index(drop=True)
    n = len(data)
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.26 * n + 1.2)))
    y = np.arange(n)
    ax.barh(y, data["compound"], color=_sign_colors(data["compound"]), height=0.7, label="VADER")
    if "compound_war" in data:
        ax.scatter(data["compound_war"], y, marker="|", s=140, color="black", linewidths=1.6,
                   label="with war-news lexicon", zorder=3)
    ax.set_yticks(y, [f"#{i} {_snippet(t)}" for i, t in zip(data["sentence_idx"], data["text"])], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color=COLORS["reference"], lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound (-1 most negative, +1 most positive)")
    n_neg = int((data["compound"] <= -0.05).sum())
    n_pos = int((data["compound"] >= 0.05).sum())
    ax.set_title(title or f"{n_neg} of {n} sentences read negative, {n_pos} positive")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    add_footnote(fig, "\n".join(filter(None, [source, SENTIMENT_SOURCE])))
    return fig


def plot_sentiment_distribution(scores, articles=None, source: str = "", max_articles: int = 40):
    """Distribution of sentence compounds: a histogram for one article; for several, one box per
    article (sorted by mean, at most ``max_articles``), labelled by title when ``articles`` is given."""
    import numpy as np

    if scores.empty:
        return _message_figure("This corpus has no sentence to chart.", source)
    foot = "\n".join(filter(None, [source, SENTIMENT_SOURCE]))
    ids = scores["article_id"].unique()
    if len(ids) == 1:
        fig, ax = plt.subplots()
        bins = np.linspace(-1, 1, 21)
        counts, edges = np.histogram(scores["compound"], bins=bins)
        centers = (edges[:-1] + edges[1:]) / 2
        ax.bar(centers, counts, width=0.095, color=_sign_colors(centers))
        ax.set_xlabel("VADER compound of a sentence")
        ax.set_ylabel("Sentences")
        ax.set_title(f"Sentence tone spreads from {scores['compound'].min():+.2f} to {scores['compound'].max():+.2f}"
                     f" (mean {scores['compound'].mean():+.2f})")
        fig.tight_layout()
        add_footnote(fig, foot)
        return fig
    means = scores.groupby("article_id")["compound"].mean().sort_values()
    keep = means.index[:max_articles]
    titles = {}
    if articles is not None and "title" in articles:
        titles = dict(zip(articles["article_id"], articles["title"].fillna("")))
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.3 * len(keep) + 1.2)))
    groups = [scores.loc[scores["article_id"] == a, "compound"].to_numpy() for a in keep]
    box = ax.boxplot(groups, orientation="horizontal", patch_artist=True, widths=0.6,
                     medianprops={"color": "black"})
    for patch, m in zip(box["boxes"], means[keep]):
        patch.set_facecolor(_sign_colors([m])[0])
        patch.set_alpha(0.6)
    ax.set_yticks(range(1, len(keep) + 1), [_snippet(titles.get(a) or a, 6, 48) for a in keep], fontsize=8)
    ax.axvline(0, color=COLORS["reference"], lw=0.8)
    ax.set_xlabel("VADER compound of each sentence")
    n_neg = int((means < -0.05).sum())
    ax.set_title(f"{n_neg} of {len(means)} articles have a negative mean sentence tone")
    fig.tight_layout()
    add_footnote(fig, foot + (f"\nShowing the {max_articles} most negative articles." if len(means) > max_articles else ""))
    return fig


def plot_topic_terms(topics, source: str = ""):
    """Small multiples: one panel per topic with its top terms and their weights (share of the
    topic's top-term weight), panels in order of the topic's share of the text."""
    if topics is None or len(topics) == 0:
        return _message_figure(NO_TOPICS, source)
    k = len(topics)
    cols = min(k, 3)
    rows = -(-k // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 2.6 * rows), squeeze=False)
    for ax, topic in zip(axes.ravel(), topics.itertuples()):
        terms, weights = list(topic.top_terms), list(topic.top_weights)
        ax.barh(range(len(terms)), weights, color=topic_color(topic.topic_id))
        ax.set_yticks(range(len(terms)), terms, fontsize=8)
        ax.invert_yaxis()
        ax.set_title(f"Topic {topic.topic_id}: {topic.share:.0%} of text", fontsize=10)
        ax.set_xlabel("term weight (share)", fontsize=8)
        ax.grid(axis="y", visible=False)
    for ax in axes.ravel()[k:]:
        ax.axis("off")
    top = topics.iloc[0]
    fig.suptitle(f"{k} topics; the largest, '{top['label']}', holds {top['share']:.0%} of the text",
                 x=0.01, ha="left", fontweight="bold")
    fig.tight_layout()
    add_footnote(fig, "\n".join(filter(None, [source, "Topics: TF-IDF + NMF (scikit-learn), terms after stop words."])))
    return fig


def plot_topic_sequence(sentence_topics, topics, source: str = "", max_articles: int = 40):
    """The dominant topic of each sentence through the text: for one article, one row per topic
    with a dot per sentence (size = topic weight); for several, one row per article, a coloured
    square per sentence."""
    import numpy as np
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Patch

    if sentence_topics is None or len(sentence_topics) == 0 or len(topics) == 0:
        return _message_figure(NO_TOPICS, source)
    foot = "\n".join(filter(None, [source, "Dominant NMF topic of each sentence; -1 = no known term."]))
    labels = dict(zip(topics["topic_id"], topics["label"]))
    data = sentence_topics.sort_values(["article_id", "sentence_idx"])
    ids = data["article_id"].unique()
    if len(ids) == 1:
        fig, ax = plt.subplots(figsize=(9, 2.4 + 0.5 * len(topics)))
        ax.plot(data["sentence_idx"], data["topic_id"], color="#cccccc", lw=0.8, zorder=1)
        ax.scatter(data["sentence_idx"], data["topic_id"], s=20 + 120 * data["weight"].astype(float),
                   c=[topic_color(t) for t in data["topic_id"]], zorder=2)
        used = sorted(set(data["topic_id"]) | set(labels))
        ax.set_yticks(used, [f"{t}: {labels.get(t, 'no known term')}" for t in used], fontsize=8)
        ax.set_xlabel("Sentence in reading order (index)")
        switches = int((data["topic_id"].diff().fillna(0) != 0).sum())
        ax.set_title(f"The article switches topic {switches} times in {len(data)} sentences")
        ax.set_ylim(min(used) - 0.5, max(used) + 0.5)
        fig.tight_layout()
        add_footnote(fig, foot)
        return fig
    keep = ids[:max_articles]
    width = int(data["sentence_idx"].max()) + 1
    grid = np.full((len(keep), width, 4), 1.0)
    for row, art in enumerate(keep):
        part = data[data["article_id"] == art]
        for idx, t in zip(part["sentence_idx"], part["topic_id"]):
            grid[row, int(idx)] = to_rgba(topic_color(t))
    fig, ax = plt.subplots(figsize=(9, max(2.5, 0.3 * len(keep) + 1.5)))
    ax.imshow(grid, aspect="auto", interpolation="nearest")
    ax.set_yticks(range(len(keep)), [_snippet(a, 4, 30) for a in keep], fontsize=8)
    ax.set_xlabel("Sentence in reading order (index)")
    ax.grid(False)
    handles = [Patch(color=topic_color(t), label=f"{t}: {labels[t]}") for t in topics["topic_id"]]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    share = data.groupby("article_id")["topic_id"].agg(lambda s: s.value_counts(normalize=True).iloc[0]).mean()
    ax.set_title(f"On average {share:.0%} of an article's sentences share its main topic")
    fig.tight_layout()
    add_footnote(fig, foot)
    return fig


def plot_sentiment_by_topic(scores, sentence_topics, topics, source: str = ""):
    """Sentence compounds per dominant topic: one dot per sentence (spread vertically in a fixed
    pattern), a black bar at each topic's mean."""
    import numpy as np

    if sentence_topics is None or len(sentence_topics) == 0 or len(topics) == 0:
        return _message_figure(NO_TOPICS, source)
    data = sentence_topics.merge(scores[["article_id", "sentence_idx", "compound"]], on=["article_id", "sentence_idx"])
    if data.empty:
        return _message_figure("No sentence has both a tone score and a topic.", source)
    labels = dict(zip(topics["topic_id"], topics["label"]))
    order = sorted(data["topic_id"].unique())
    fig, ax = plt.subplots(figsize=(9, 1.4 + 0.6 * len(order)))
    means = {}
    for row, t in enumerate(order):
        vals = data.loc[data["topic_id"] == t, "compound"].to_numpy()
        jitter = ((np.arange(len(vals)) % 5) - 2) * 0.08   # deterministic spread, no random noise
        ax.scatter(vals, row + jitter, s=22, color=_sign_colors(vals), edgecolor=topic_color(t), linewidths=1.2)
        means[t] = vals.mean()
        ax.plot([means[t]] * 2, [row - 0.3, row + 0.3], color="black", lw=2)
    ax.set_yticks(range(len(order)), [f"{t}: {labels.get(t, 'no known term')}" for t in order], fontsize=8)
    ax.axvline(0, color=COLORS["reference"], lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound of each sentence (bar = topic mean)")
    worst = min(means, key=means.get)
    ax.set_title(f"Topic '{labels.get(worst, worst)}' reads most negative (mean {means[worst]:+.2f})")
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    add_footnote(fig, "\n".join(filter(None, [source, SENTIMENT_SOURCE])))
    return fig



def plot_k_choice(k_scores, source: str = ""):
    """Stability (and NPMI coherence, for reference) of each candidate number of topics, the
    chosen k marked: the evidence behind the number of topics."""
    if k_scores is None or len(k_scores) == 0:
        return _message_figure("No number of topics to choose: the corpus has too few sentences or articles.", source)
    fig, ax = plt.subplots(figsize=(9, 3.6))
    ax.plot(k_scores["k"], k_scores["stability"], marker="o", color=COLORS["reference"], label="stability (chooses k)")
    ax.plot(k_scores["k"], k_scores["coherence"], marker="s", ls="--", color=COLORS["neutral"],
            label="NPMI coherence (shown only)")
    chosen = k_scores[k_scores["chosen"]].iloc[0]
    ax.scatter([chosen["k"]], [chosen["stability"]], s=160, facecolor="none", edgecolor=COLORS["highlight"],
               linewidths=2.5, zorder=3, label=f"chosen: k = {int(chosen['k'])}")
    ax.set_xticks(k_scores["k"])
    ax.set_xlabel("Number of topics k")
    ax.set_ylabel("Score (stability 0..1, NPMI -1..1)")
    ax.set_title(f"k = {int(chosen['k'])} gives the most stable topics across random restarts")
    ax.legend(fontsize=8)
    fig.tight_layout()
    add_footnote(fig, "\n".join(filter(None, [source, "Stability: mean Jaccard overlap of top-10 terms between "
                                                 "the reported NMF fit and 10 random restarts (Greene et al. 2014)."])))
    return fig

# --- casualty & air-defence charts (issue 4) ---

EXTRACTION_NOTE = ("Figures: Frontline extraction from the article text, as reported that day "
                   "(tolls may have been revised later).")


def toll_words(killed, injured, joiner: str = " and ", fmt: str = "{:,.0f}") -> str:
    """The stated figures of a toll in words, such as '2 killed and 10 injured' or '10 injured':
    a missing figure (None or NaN) is not stated, so it is left out rather than read as 0."""
    parts = [f"{fmt.format(n)} {role}" for n, role in ((killed, "killed"), (injured, "injured")) if pd.notna(n)]
    return joiner.join(parts) or "no figure stated"


def plot_casualties_by_place(totals, source: str = ""):
    """Stacked horizontal bars of killed and injured per place, from
    ``helpers.extract.casualty_totals(casualties, 'location')``; only 'per event' rows are drawn
    (vague and aggregate figures are left out and counted in the footnote). Colours are
    ``COLORS['killed']`` and ``COLORS['injured']``. An empty table gives a message figure."""
    import numpy as np

    rows = totals[totals["figures"] == "per event"] if len(totals) else totals
    left_out = len(totals) - len(rows)
    if len(rows) == 0:
        return _message_figure("No per-event casualty figure was found in this corpus.", source)
    # the bars are killed + injured, so the order and the title go by that sum
    rows = rows.assign(_t=rows["killed"].astype("Float64").fillna(0) + rows["injured"].astype("Float64").fillna(0))
    rows = rows.sort_values(["_t", "killed"], ascending=True).tail(20)
    stated_k = rows["killed"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    stated_i = rows["injured"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    killed, injured = np.nan_to_num(stated_k), np.nan_to_num(stated_i)  # a bar of an unstated figure is empty
    y = np.arange(len(rows))
    fig, ax = plt.subplots(figsize=(9, 2.4 + 0.45 * len(rows)))
    fig.subplots_adjust(bottom=0.75 / (2.4 + 0.45 * len(rows)))
    ax.barh(y, killed, color=COLORS["killed"], label="killed")
    ax.barh(y, injured, left=killed, color=COLORS["injured"], label="injured")
    for yi, k, i in zip(y, stated_k, stated_i):
        ax.text(np.nan_to_num(k) + np.nan_to_num(i), yi, f"  {toll_words(k, i, ', ')}", va="center", fontsize=9)
    ax.set_yticks(y, rows["location"])
    ax.set_xlabel("people (killed + injured, as reported)")
    ax.set_xlim(0, max(killed + injured) * 1.45 + 1)
    ax.grid(axis="y", visible=False)
    top = rows.iloc[-1]
    reports = f" ({int(top['reports']):,} report{'s' if int(top['reports']) != 1 else ''})" \
        if "reports" in rows.columns and pd.notna(top.get("reports")) else ""
    # a place's bar sums its strikes: only a single strike's is "a reported toll"
    strikes = int(top["events"]) if "events" in rows.columns and pd.notna(top.get("events")) else 1
    what = "the largest reported toll" if strikes == 1 else f"the most killed and injured, over {strikes:,} strikes"
    ax.set_title(f"{top['location']}: {what}, {toll_words(stated_k[-1], stated_i[-1])}{reports}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    note = f"{left_out} vague or cumulative figure(s) not drawn. " if left_out else ""
    add_footnote(fig, f"{note}{EXTRACTION_NOTE}\n{source}".strip())
    return fig


def plot_interceptions_by_weapon(totals, source: str = ""):
    """Horizontal bars per weapon of launched counts split into intercepted (``COLORS['intercepted']``)
    and not intercepted (``COLORS['not_intercepted']``; the part lost to electronic warfare hatched),
    each labelled with its rate ('16 of 21 = 76.2%'). Input: ``helpers.extract.interception_totals``.
    Weapons without a launched/intercepted pair are left out; an empty table gives a message figure."""
    import numpy as np

    rows = totals[totals["rate"].notna()] if len(totals) else totals
    if len(rows) == 0:
        return _message_figure("No interception figure with both launched and intercepted was found.", source)
    rows = rows.sort_values("launched", ascending=True)
    launched = rows["launched"].astype(float).to_numpy()
    inter = rows["intercepted"].astype(float).to_numpy()
    lost = rows["not_reached"].fillna(0).astype(float).to_numpy()
    rest = launched - inter - lost
    y = np.arange(len(rows))
    fig, ax = plt.subplots(figsize=(9, 2.4 + 0.5 * len(rows)))
    fig.subplots_adjust(bottom=0.75 / (2.4 + 0.5 * len(rows)))
    ax.barh(y, inter, color=COLORS["intercepted"], label="intercepted")
    ax.barh(y, lost, left=inter, color=COLORS["not_intercepted"], hatch="///", edgecolor="white",
            label="lost to electronic warfare")
    ax.barh(y, rest, left=inter + lost, color=COLORS["not_intercepted"], label="not intercepted")
    for yi, n, label in zip(y, launched, rows["label"]):
        ax.text(n, yi, f"  {label}", va="center", fontsize=9)
    ax.set_yticks(y, rows.iloc[:, 0])
    ax.set_xlabel("weapons launched (count)")
    ax.set_xlim(0, max(launched) * 1.4 + 1)
    ax.grid(axis="y", visible=False)
    if len(rows) == 1:
        ax.set_title(f"Air defences stopped {rows['rate'].iloc[0]:.1%} of the {rows.iloc[0, 0]}s launched")
    else:
        best = rows.sort_values("rate").iloc[-1]
        ax.set_title(f"Share shot down by weapon: highest for {best.iloc[0]} ({best['rate']:.1%})")
    handles, labels = ax.get_legend_handles_labels()
    keep = [(h, lab) for h, lab in zip(handles, labels) if lab != "lost to electronic warfare" or lost.any()]
    ax.legend(*zip(*keep), loc="upper left", bbox_to_anchor=(1.0, 1.0))
    add_footnote(fig, f"Rate = intercepted / launched, as claimed by the side that reports it. {EXTRACTION_NOTE}\n{source}".strip())
    return fig


def highlight_figures(events, sentences=None, columns=("location", "killed", "injured"), limit: int = 50):
    """An HTML table (IPython ``HTML``, inline styles, no CDN) of each event's columns beside its
    sentence with the figures' span marked. ``char_start``/``char_end`` are article offsets; the
    sentence's own ``start`` comes from ``sentences`` (contract columns); without it the sentence is
    shown unmarked. Shows at most ``limit`` rows; an empty table gives a short message."""
    import html as _html

    import pandas as pd
    from IPython.display import HTML

    from helpers.display import column_kind, format_value

    def align(c):  # numbers right-aligned, as in every other table (helpers.display)
        return "text-align:right" if column_kind(c) in ("count", "percent", "decimal", "money") else "text-align:left"

    if events is None or len(events) == 0:
        return HTML("<p><em>No figure to show: the extractor found none in this corpus.</em></p>")
    starts = {}
    if sentences is not None and len(sentences):
        starts = dict(zip(zip(sentences["article_id"], sentences["sentence_idx"]), sentences["start"]))
    mark = f"background:{COLORS['highlight']};font-weight:bold;padding:0 2px"
    head = "".join(f"<th style='padding:4px;{align(c)}'>{_html.escape(c)}</th>"
                   for c in (*columns, "sentence"))
    body = []
    for _, ev in events.head(limit).iterrows():
        text = str(ev["sentence"])
        base = starts.get((ev["article_id"], ev["sentence_idx"]))
        a = b = None
        if base is not None and pd.notna(ev.get("char_start")):
            a, b = int(ev["char_start"]) - int(base), int(ev["char_end"]) - int(base)
        if a is None or not (0 <= a < b <= len(text)):
            a = b = None
        shown = (_html.escape(text) if a is None else
                 f"{_html.escape(text[:a])}<mark style='{mark}'>{_html.escape(text[a:b])}</mark>{_html.escape(text[b:])}")
        cells = "".join(
            f"<td style='padding:4px;vertical-align:top;{align(c)}'>{_html.escape(format_value(c, ev.get(c)))}</td>"
            for c in columns)
        body.append(f"<tr>{cells}<td style='padding:4px;text-align:left;min-width:22em'>{shown}</td></tr>")
    more = f"<p><em>{len(events) - limit:,} more not shown.</em></p>" if len(events) > limit else ""
    return HTML(f"<table style='border-collapse:collapse;font-size:13px'><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>{more}")


# --- validation, timeline & map charts (issue 5) ---

REFERENCE_SOURCE = (
    "Source: Ukrainian Air Force bulletins (national kpszsu posts), compiled by P. Ivaniuk, "
    "\"Massive Missile Attacks on Ukraine\" (Kaggle).\nRate = destroyed / launched; "
    "drones lost to electronic warfare (not_reach_goal) are not counted as destroyed."
)
MAP_SOURCE = (
    "Places and tolls: Frontline extraction from the articles (tolls as reported that day).\n"
    "Outline: Made with Natural Earth (public domain), 1:110m."
)


def plot_reference_rate(rolling, marks=None, families=("drone", "missile"), source: str = REFERENCE_SOURCE,
                        median_label: str = "30-day rolling median"):
    """Nightly interception rate in the reference over time: faint dots per night, a line for the
    rolling median (``median_label`` names it in the legend), one colour per family (drone /
    missile). Each row of ``marks`` (columns ``night``, ``label`` and optionally ``rate``,
    ``weapon_family``; see ``helpers.reference.night_marks``) is a dashed vertical line, labelled
    when there are at most 3, with its extracted rate as a star. With one mark the title says how
    that night compares with the rolling median of its family then (within 10 points = 'typical').
    ``rolling`` is ``helpers.reference.rolling_rate`` output. Returns the figure."""
    import matplotlib.ticker as mticker
    import pandas as pd

    data = rolling[rolling["weapon_family"].isin(families)] if len(rolling) else rolling
    if data.empty:
        return _message_figure("The reference holds no night with enough launches to chart a rate.", source)
    fig, ax = plt.subplots()
    medians = data.groupby("weapon_family")["rate"].median()
    for family in families:
        part = data[data["weapon_family"] == family]
        if part.empty:
            continue
        color = WEAPON_CLASS_COLORS.get(family, WEAPON_CLASS_COLORS["unknown"])
        ax.scatter(part["night"], part["rate"], s=5, color=color, alpha=0.18, linewidths=0)
        ax.plot(part["night"], part["rate_rolling_median"], color=color, lw=1.8,
                label=f"{family}s: {median_label} (whole period: {medians[family]:.0%})")
    title = "On a median night Ukraine reports downing " + " and ".join(
        f"{medians[f]:.0%} of {f}s" for f in families if f in medians.index)
    marks = marks if marks is not None else pd.DataFrame()
    starred = False
    for _, mark in marks.iterrows():
        night = pd.Timestamp(mark["night"])
        ax.axvline(night, color=COLORS["reference"], ls="--", lw=1)
        if len(marks) <= 3:
            ax.annotate(str(mark.get("label", "")), xy=(night, 1.02), xytext=(4, 0), textcoords="offset points",
                        fontsize=8, va="bottom", color=COLORS["reference"], annotation_clip=False)
        rate, family = mark.get("rate"), mark.get("weapon_family", "drone")
        if rate is None or pd.isna(rate):
            continue
        ax.scatter([night], [rate], marker="*", s=160, zorder=5, edgecolor="black",
                   color=WEAPON_CLASS_COLORS.get(family, WEAPON_CLASS_COLORS["unknown"]),
                   label=None if starred else ("the corpus's figure" if len(marks) == 1 else "the corpus's figures"))
        starred = True
        if len(marks) == 1:
            before = data[(data["weapon_family"] == family) & (data["night"] <= night)]["rate_rolling_median"].dropna()
            if len(before):
                usual = before.iloc[-1]
                word = "typical" if abs(rate - usual) <= 0.10 else ("better than usual" if rate > usual else "worse than usual")
                title += (f"\nThe one night the corpus reports ({rate:.0%} of {family}s downed) was {word}: "
                          f"the rolling median then was {usual:.0%}")
    ax.set_title(title, pad=18)
    ax.set_ylim(-0.02, 1.05)
    ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0))
    ax.set_ylabel("Shot down per night (% of launched)")
    ax.set_xlabel("Night (date the Air Force bulletin closed)")
    ax.legend(loc="lower left", fontsize=8)
    add_footnote(fig, source)
    return fig


def _outline_rings(geojson_path) -> list:
    import json

    path = Path(geojson_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: cannot read the outline GeoJSON ({err}); restore it from data/raw/geo/README.md") from err
    geoms = [f.get("geometry") or {} for f in data.get("features", [])] if data.get("type") == "FeatureCollection" else [data]
    rings = []
    for geom in geoms:
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings.extend(poly[0] for poly in geom["coordinates"])
    if not rings:
        raise ValueError(f"{path}: no Polygon or MultiPolygon in the outline GeoJSON")
    return rings


def locator_points(casualties, words: dict | None = None):
    """One point per resolved place and weapon class: name, latitude, longitude, weapon_class,
    killed, injured, total. Several articles (and updates) report the same strike, so each point
    takes the largest killed + injured reported there, not the sum. Aggregate rows are left out."""
    import pandas as pd

    from helpers.reference import weapon_class_of_word, weapon_word_classes

    cols = columns.MAP_POINTS
    if casualties is None or len(casualties) == 0 or not {"latitude", "longitude"} <= set(casualties.columns):
        return pd.DataFrame(columns=cols)
    df = casualties.copy()
    if "aggregate" in df.columns:
        df = df[~df["aggregate"].fillna(False).astype(bool)]
    df["latitude"] = pd.to_numeric(df["latitude"], errors="coerce")
    df["longitude"] = pd.to_numeric(df["longitude"], errors="coerce")
    df = df[df["latitude"].notna() & df["longitude"].notna()]
    if df.empty:
        return pd.DataFrame(columns=cols)
    if "weapon_class" not in df.columns:
        words = words if words is not None else weapon_word_classes()
        df["weapon_class"] = df.get("weapon", pd.Series(index=df.index, dtype=object)).map(
            lambda w: weapon_class_of_word(w, words))
    df["weapon_class"] = df["weapon_class"].fillna("unknown")
    df["location"] = df.get("location", pd.Series(index=df.index, dtype=object)).fillna("?")
    for col in ("killed", "injured"):  # an unstated figure stays missing; the total counts it as none
        df[col] = pd.to_numeric(df.get(col), errors="coerce") if col in df.columns else float("nan")
    df["total"] = df["killed"].fillna(0) + df["injured"].fillna(0)
    best = df.sort_values("total", ascending=False).drop_duplicates(["location", "weapon_class"])
    return best[cols].sort_values("total", ascending=False).reset_index(drop=True)


def plot_locator_map(casualties, outline_geojson_path, source: str = MAP_SOURCE, words: dict | None = None):
    """Locator map: Ukraine's outline (GeoJSON read with json, drawn as matplotlib Polygon patches)
    and one labelled point per resolved place (see ``locator_points``), area proportional to
    killed + injured, colour = weapon class. No tiles, no network; zero points gives the bare
    outline with a message."""
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon

    rings = _outline_rings(outline_geojson_path)
    points = locator_points(casualties, words)
    fig, ax = plt.subplots(figsize=(9, 6.2))
    for ring in rings:
        ax.add_patch(Polygon(np.asarray(ring), closed=True, facecolor="#f2f2f2", edgecolor="#777777", lw=0.8))
    xy = np.vstack([np.asarray(r) for r in rings])
    ax.set_xlim(xy[:, 0].min() - 0.5, xy[:, 0].max() + 0.5)
    ax.set_ylim(xy[:, 1].min() - 0.5, xy[:, 1].max() + 0.5)
    ax.set_aspect(1 / np.cos(np.deg2rad(xy[:, 1].mean())))  # degrees of longitude shrink with latitude
    ax.set_xlabel("Longitude (degrees east)")
    ax.set_ylabel("Latitude (degrees north)")
    if points.empty:
        ax.text(0.5, 0.5, "No resolved places with casualties", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("No casualty event could be placed on the map")
        add_footnote(fig, source)
        return fig
    sizes = 30 + 12 * points["total"].clip(upper=150)
    colors = [WEAPON_CLASS_COLORS.get(c, WEAPON_CLASS_COLORS["unknown"]) for c in points["weapon_class"]]
    ax.scatter(points["longitude"], points["latitude"], s=sizes, c=colors, alpha=0.75, edgecolor="black", lw=0.6, zorder=3)
    for row in points.itertuples():
        ax.annotate(f"{row.location} ({toll_words(row.killed, row.injured, ', ', '{:g}')})", (row.longitude, row.latitude),
                    xytext=(7, 5), textcoords="offset points", fontsize=8)
    handles = [Line2D([], [], marker="o", ls="", color=WEAPON_CLASS_COLORS.get(c, WEAPON_CLASS_COLORS["unknown"]),
                      markeredgecolor="black", label=c) for c in dict.fromkeys(points["weapon_class"])]
    ax.legend(handles=handles, title="Weapon (area = killed + injured)", loc="lower left", fontsize=8)
    top = points.iloc[0]
    n_places = points["location"].nunique()  # a place struck by two weapon classes is two points, one place
    ax.set_title(f"{n_places} place{'s' if n_places != 1 else ''} with casualties; most killed and injured: "
                 f"{top['location']} ({toll_words(top['killed'], top['injured'], ', ', '{:g}')})")
    add_footnote(fig, source)
    return fig


# --- topics: the k choice, topics over time and by outlet (issue 13) ---

TOPIC_SCORE_NOTE = ("NPMI coherence of each topic's top-10 label terms (co-occurrence in articles or 5-sentence "
                    "windows); diversity: unique share of the top-25 terms;\nquality = NPMI x diversity "
                    "(Dieng et al. 2020); stability: top-10 agreement over 10 random restarts (tie-break).")


def plot_topic_scores(k_scores, source: str = ""):
    """The scores behind the number of topics, one panel each across k: NPMI coherence, topic
    diversity, their product (quality, which chooses k) and stability (which breaks ties); the
    chosen k is marked in every panel and k values that were no candidate (a topic of fewer than
    three units) are drawn hollow."""
    if k_scores is None or len(k_scores) == 0:
        return _message_figure("No number of topics to choose: the corpus has too few units, "
                               "or the number was set by hand.", source)
    from helpers.topics import MIN_TOPIC_UNITS

    panels = [("coherence", "NPMI coherence (-1..1)"), ("diversity", "Topic diversity (0..1)"),
              ("quality", "Quality = NPMI x diversity"), ("stability", "Stability (0..1)")]
    fig, axes = plt.subplots(1, 4, figsize=(11, 3.2), sharex=True)
    chosen = k_scores[k_scores["chosen"]].iloc[0]
    small = k_scores["smallest_topic"] < MIN_TOPIC_UNITS if "smallest_topic" in k_scores else k_scores["k"] < 0
    for ax, (col, title) in zip(axes, panels):
        ax.plot(k_scores["k"], k_scores[col], color=COLORS["reference"], lw=1)
        ax.scatter(k_scores.loc[~small, "k"], k_scores.loc[~small, col], color=COLORS["reference"], zorder=2)
        ax.scatter(k_scores.loc[small, "k"], k_scores.loc[small, col], facecolor="white",
                   edgecolor=COLORS["reference"], zorder=2)
        ax.scatter([chosen["k"]], [chosen[col]], s=170, facecolor="none", edgecolor=COLORS["highlight"],
                   linewidths=2.5, zorder=3)
        ax.set_title(title, fontsize=9)
        ax.set_xticks(k_scores["k"])
        ax.set_xlabel("Number of topics k")
    fig.suptitle(f"k = {int(chosen['k'])} gives the most coherent, least repetitive topics "
                 f"(quality {chosen['quality']:.2f})", x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    note = TOPIC_SCORE_NOTE + f" Hollow: a topic of fewer than {MIN_TOPIC_UNITS} units, no candidate."
    add_footnote(fig, "\n".join(filter(None, [source, note])))
    return fig


def plot_topic_shares(shares, topics, by: str = "week", source: str = ""):
    """Stacked bars: the share of sentences per topic in each week (``by='week'``) or outlet
    (``by='source'``), from :func:`helpers.topics.topic_shares`; colours are the topics'. Fewer
    than two weeks or outlets give a message figure (nothing to compare)."""
    import numpy as np

    what = "weeks" if by == "week" else "outlets"
    periods = sorted(shares["period"].unique()) if shares is not None and len(shares) else []
    if len(periods) < 2 or topics is None or len(topics) == 0:
        return _message_figure(f"Topics by {by} need a corpus spanning two or more {what} "
                               f"(this one has {len(periods)})", source)
    labels = dict(zip(topics["topic_id"], topics["label"]))
    table = shares.pivot_table(index="period", columns="topic_id", values="share", fill_value=0.0).reindex(periods)
    counts = shares.groupby("period")["n_sentences"].sum().reindex(periods)
    fig, ax = plt.subplots(figsize=(9, 3.2 + 0.25 * len(topics)) if by == "week" else (9, 1.6 + 0.4 * len(periods)))
    positions = np.arange(len(periods))
    bottom = np.zeros(len(periods))
    for t in table.columns:
        values = table[t].to_numpy()
        kw = dict(color=topic_color(t), label=f"{t}: {labels.get(t, t)}")
        if by == "week":
            ax.bar(positions, values, bottom=bottom, width=0.8, **kw)
        else:
            ax.barh(positions, values, left=bottom, height=0.7, **kw)
        bottom += values
    ticks = [f"{p}\n(n={n})" if by == "week" else f"{p} (n={n})" for p, n in zip(periods, counts)]
    if by == "week":
        ax.set_xticks(positions, ticks, fontsize=7, rotation=90 if len(periods) > 12 else 0)
        ax.set_ylabel("Share of the week's sentences")
        ax.set_xlabel("Week starting (Monday); n = sentences with a topic")
        ax.set_ylim(0, 1)
    else:
        ax.set_yticks(positions, ticks, fontsize=8)
        ax.set_xlabel("Share of the outlet's sentences (n = sentences with a topic)")
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
    lead = table.mean(axis=0).idxmax()
    ax.set_title(f"'{labels.get(lead, lead)}' leads on average ({table[lead].mean():.0%}); "
                 f"its share ranges {table[lead].min():.0%}-{table[lead].max():.0%} across {what}")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.grid(axis="x" if by == "week" else "y", visible=False)
    fig.tight_layout()
    add_footnote(fig, "\n".join(filter(None, [source, "Dominant topic of each sentence; sentences with no topic "
                                                      "(boilerplate, no known term) left out."])))
    return fig


# --- tone across a corpus: one point per article, by date and outlet (issue 10) ---

OUTLET_CMAP = plt.get_cmap("Dark2")   # outlet identity is the only meaning of these colours
MAX_OUTLETS = 7                       # more outlets than this: the rest share one grey
NO_OUTLET = "outlet not stated"
OTHER_OUTLETS = "other outlets"
ARTICLE_TONE_COLUMNS = ["article_id", "date", "outlet", "title", "n_sentences", "mean_compound", "share_negative"]


def article_tone(article_sentiment, articles) -> pd.DataFrame:
    """One row per article of ``articles``: its publication ``date`` (Timestamp, NaT when unknown),
    ``outlet`` (its source, else 'outlet not stated'), title and the tone from ``article_sentiment``
    (``mean_compound``: the mean of its sentences' VADER compounds); an article with no scored
    sentence keeps its row with no tone. Sorted by date (undated last), then outlet and title."""
    tone = articles[["article_id"]].copy()
    tone["date"] = pd.to_datetime(articles["date"], errors="coerce") if "date" in articles else pd.NaT
    source = articles["source"] if "source" in articles else pd.Series(None, index=articles.index, dtype=object)
    tone["outlet"] = source.where(source.notna() & (source.astype(str).str.strip() != ""), NO_OUTLET).astype(str)
    tone["title"] = articles["title"].fillna("").astype(str) if "title" in articles else ""
    scored = article_sentiment[["article_id", "n_sentences", "mean_compound", "share_negative"]]
    tone = tone.merge(scored, on="article_id", how="left")
    return tone.sort_values(["date", "outlet", "title"], na_position="last", kind="stable")[
        ARTICLE_TONE_COLUMNS].reset_index(drop=True)


def outlet_colors(outlets) -> dict:
    """A colour per outlet: the ``MAX_OUTLETS`` with most articles get their own (in order of
    first appearance among them), the rest and 'outlet not stated' are grey."""
    counts = pd.Series(list(outlets)).value_counts(sort=False)
    named = [o for o in counts.sort_values(ascending=False, kind="stable").index if o != NO_OUTLET][:MAX_OUTLETS]
    order = [o for o in dict.fromkeys(outlets) if o in named]
    return {o: (OUTLET_CMAP(order.index(o)) if o in order else COLORS["neutral"]) for o in dict.fromkeys(outlets)}


def plot_article_tone(tone, source: str = ""):
    """Tone per article and per outlet over time: each article's mean sentence compound (a dot)
    at its publication date, coloured by outlet, with each outlet's articles joined in date order
    (the line is that outlet's tone over time). ``tone`` is :func:`article_tone` output. Undated
    articles are counted in the footnote (the table lists them); fewer than two scored articles,
    or none dated, give a one-sentence message figure."""
    import matplotlib.dates as mdates

    scored = tone.dropna(subset=["mean_compound"]) if tone is not None and len(tone) else pd.DataFrame()
    if len(scored) < 2:
        return _message_figure(f"Tone per article needs two or more scored articles (this corpus has {len(scored)}).",
                               source)
    dated = scored.dropna(subset=["date"])
    if dated.empty:
        return _message_figure(f"None of the {len(scored)} articles has a publication date, so their tone "
                               "cannot be put on a time line: see the table.", source)
    colors = outlet_colors(scored["outlet"])
    named = {o for o, c in colors.items() if c != COLORS["neutral"]}
    fig, ax = plt.subplots(figsize=(9, 4.8))
    for outlet, part in dated.groupby(dated["outlet"].where(dated["outlet"].isin(named), OTHER_OUTLETS), sort=False):
        color = colors.get(outlet, COLORS["neutral"])
        label = f"{outlet} ({len(part)})"
        part = part.sort_values("date")
        if outlet in named and part["date"].nunique() > 1:
            daily = part.groupby("date")["mean_compound"].mean()
            ax.plot(daily.index, daily.to_numpy(), color=color, lw=1.2, alpha=0.8)
        ax.scatter(part["date"], part["mean_compound"], s=20 + 4 * part["n_sentences"].clip(upper=40),
                   color=color, edgecolor="black", lw=0.5, alpha=0.85, label=label, zorder=3)
    ax.axhline(0, color=COLORS["reference"], lw=0.8)
    ax.axhspan(-0.05, 0.05, color=COLORS["neutral"], alpha=0.15, lw=0)
    lo, hi = dated["date"].min(), dated["date"].max()
    pad = max(pd.Timedelta(days=1), (hi - lo) * 0.05)
    ax.set_xlim(lo - pad, hi + pad)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("Publication date")
    ax.set_ylabel("Mean VADER compound of the article's sentences")
    n_neg = int((scored["mean_compound"] <= -0.05).sum())
    by_outlet = scored.groupby("outlet")["mean_compound"].mean()
    title = f"{n_neg} of {len(scored)} articles read negative on average"
    if len(by_outlet) > 1:
        title += f"; most negative outlet: {by_outlet.idxmin()} (mean {by_outlet.min():+.2f})"
    ax.set_title(title)
    ax.legend(title="Outlet (articles)", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    undated = len(scored) - len(dated)
    notes = [source, SENTIMENT_SOURCE, "Dot area: sentences in the article; lines join one outlet's articles "
             "(mean per day)."]
    if undated:
        notes.append(f"{undated} article{'s' if undated != 1 else ''} without a publication date "
                     f"{'are' if undated != 1 else 'is'} in the table, not on the chart.")
    add_footnote(fig, "\n".join(filter(None, notes)))
    return fig
