"""Charts: the suite's one style, its colours, and every chart function the notebooks call.

Rules kept here so no notebook sets them: a title that states the finding, labelled axes with
units, the source and date in a footnote, and colour used for meaning only (killed and injured
are always the same two colours across the suite).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

# Colours carry meaning and never change between notebooks.
COLORS = {
    "killed": "#b2182b",       # dark red
    "injured": "#f4a582",      # light red/orange
    "intercepted": "#2166ac",  # blue
    "not_intercepted": "#bababa",
    "negative": "#b2182b",
    "neutral": "#bababa",
    "positive": "#2166ac",
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
}


def use_style() -> None:
    """Apply the suite's chart style (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def add_footnote(fig, source: str) -> None:
    """Write the source and date line under a figure, e.g. 'Source: ... (22 March 2023)'."""
    fig.text(0.01, -0.02, source, ha="left", va="top", fontsize=8, color="#555555")


def save_figure(fig, path: str | Path) -> Path:
    """Save a figure as PNG beside the table it was drawn from (folder created if needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path


# --- sentiment & topics charts (issue 3) ---


# --- casualty & air-defence charts (issue 4) ---


# --- validation, timeline & map charts (issue 5) ---
