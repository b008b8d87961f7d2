"""helpers.display: the tables a reader sees, formatted per column, the data left as it was."""

import re

import lxml.html
import numpy as np
import pandas as pd
import pytest

from helpers import columns
from helpers.display import (COLUMN_KINDS, MISSING, WRITTEN_TABLES, column_kind, format_coordinate, format_count,
                             format_date, format_money, format_percent, format_table, format_value, show)


def _cells(styler) -> list[list[str]]:
    """The text of each body row's cells as a browser shows them (entities decoded)."""
    tree = lxml.html.fragment_fromstring(styler.to_html(), create_parent="div")
    return [[td.text_content() for td in tr.iter("td")] for tr in tree.iter("tr") if tr.find("td") is not None]


def _headers(styler) -> list[str]:
    tree = lxml.html.fragment_fromstring(styler.to_html(), create_parent="div")
    return [th.text_content() for th in tree.iter("th")]


def test_counts_have_thousands_separators_and_missing_is_a_dash():
    assert format_count(1234567) == "1,234,567"
    assert format_count(21.0) == "21"                  # reference sums are floats
    assert format_count(np.int64(1978)) == "1,978"
    assert format_count(12.5) == "12.5"
    assert format_count(pd.NA) == format_count(np.nan) == format_count(None) == MISSING == "–"


def test_rates_are_percentages():
    assert format_percent(16 / 21) == "76.2%"
    assert format_percent(1.0) == "100.0%"
    assert format_percent(0.0) == "0.0%"
    assert format_percent(np.nan) == "–"


def test_money_in_a_readable_unit_with_its_currency():
    assert format_money(1.2e10, "USD") == "$12.0 bn"
    assert format_money(4.11e11, "USD") == "$411.0 bn"
    assert format_money(2.5e6, "UAH") == "UAH 2.5 m"
    assert format_money(1.5e12, "EUR") == "€1.5 tn"
    assert format_money(12500, "GBP") == "£12,500"
    assert format_money(-3e9, "USD") == "-$3.0 bn"
    assert format_money(7e9, None) == "7.0 bn"
    assert format_money(np.nan, "USD") == "–"


def test_dates_are_dates_and_times_only_when_there_is_one():
    assert format_date(pd.Timestamp("2023-03-22")) == "2023-03-22"
    assert format_date(pd.Timestamp("2023-03-21 23:30")) == "2023-03-21 23:30"
    assert format_date(np.datetime64("2024-05-14T00:00:00")) == "2024-05-14"
    assert format_date("2026-01") == "2026-01"         # a month-only date stays a month
    assert format_date(pd.NaT) == format_date(None) == "–"


def test_coordinates_in_degrees_with_hemisphere():
    assert format_coordinate(47.83880, "latitude") == "47.839° N"
    assert format_coordinate(35.13956, "longitude") == "35.140° E"
    assert format_coordinate(-33.9, "latitude") == "33.900° S"
    assert format_coordinate(np.nan, "longitude") == "–"


def test_value_by_column_name():
    assert format_value("killed", 1200) == "1,200"
    assert format_value("rate", 0.761905) == "76.2%"
    assert format_value("compound", -0.95284) == "-0.9528"
    assert format_value("coherence", 0.16672) == "0.167"
    assert format_value("update", True) == "yes" and format_value("superseded", False) == "no"
    assert format_value("figure_cue", None) == ""      # missing text is an empty cell
    assert format_value("ratio", 2.6) == "2.6×"
    assert format_value("top_terms", np.array(["ukraine", "bakhmut"], dtype=object)) == "ukraine, bakhmut"
    assert format_value("sentence_idx", 1234) == "1234"  # an index, not a quantity: no separator
    # notebook 06 renames validation columns for a reader; they keep their kinds
    assert format_value("launched (Air Force)", 1500.0) == "1,500" and format_value("night ended", None) == "–"
    with pytest.raises(ValueError, match="unknown display kind 'nonsense'"):
        format_value("killed", 1, kind="nonsense")


def test_every_column_of_every_written_table_has_a_kind():
    assert "CASUALTIES" in WRITTEN_TABLES and WRITTEN_TABLES["EVENTS"] is columns.EVENTS
    missing = sorted({c for cols in WRITTEN_TABLES.values() for c in cols} - COLUMN_KINDS.keys())
    assert missing == []


def test_unnamed_columns_take_their_kind_from_the_values():
    assert column_kind("n_widgets", pd.Series([1, 2], dtype="Int64")) == "count"
    assert column_kind("whatever", pd.Series([1.0, 2.0])) == "count"
    assert column_kind("whatever", pd.Series([0.25, 2.0])) == "decimal"
    assert column_kind("whatever", pd.Series([True, False])) == "flag"
    assert column_kind("whatever", pd.to_datetime(pd.Series(["2024-05-14"]))) == "date"
    assert column_kind("whatever", pd.Series(["a"])) == "text"
    # 'sentence' is text in most tables and the sentence number in the validation's side-by-side
    assert column_kind("sentence", pd.Series(["Two were killed."])) == "text"
    assert column_kind("sentence", pd.Series([9], dtype="Int64")) == "count"


def _interceptions() -> pd.DataFrame:
    return pd.DataFrame({
        "sentence_idx": pd.array([9, 1203], dtype="Int64"),
        "date": ["2023-03-22", None],
        "launched": pd.array([21, 1500], dtype="Int64"),
        "intercepted": pd.array([16, 1234], dtype="Int64"),
        "not_reached": pd.array([None, 12], dtype="Int64"),
        "rate": [16 / 21, 1234 / 1500],
        "flag": [None, "launched below intercepted"],
        "latitude": [50.4501, np.nan],
        "sentence": ["Air defence shot down 16 of 21 Shahed drones launched overnight at Kyiv, the military said.",
                     "<b>1,234</b> of 1,500 & more"],
    })


def test_format_table_gives_the_text_a_reader_sees_and_leaves_the_data_alone():
    df = _interceptions()
    before = df.copy()
    out = format_table(df)
    pd.testing.assert_frame_equal(df, before)         # the table itself is never changed
    assert list(out.columns) == list(df.columns)
    assert out.iloc[0].tolist() == ["9", "2023-03-22", "21", "16", "–", "76.2%", "", "50.450° N",
                                    "Air defence shot down 16 of 21 Shahed drones launched overnight at Kyiv, the military said."]
    assert out.iloc[1].tolist() == ["1203", "–", "1,500", "1,234", "12", "82.3%", "launched below intercepted",
                                    "–", "<b>1,234</b> of 1,500 & more"]


def test_money_takes_the_rows_currency():
    economic = pd.DataFrame({"amount": [4.11e11, 1.2e10, 3.0e6], "currency": ["USD", "EUR", "UAH"],
                             "what": ["cost of rebuilding Ukraine", "aid", "repairs"]})
    assert format_table(economic)["amount"].tolist() == ["$411.0 bn", "€12.0 bn", "UAH 3.0 m"]


def test_show_renders_formatted_escaped_cells_without_index():
    styler = show(_interceptions().set_index(pd.Index([7, 22])))
    html = styler.to_html()
    assert _headers(styler) == list(_interceptions().columns)   # no index column, no blank header
    rows = _cells(styler)
    assert rows[0][:6] == ["9", "2023-03-22", "21", "16", "–", "76.2%"]
    assert rows[1][-1] == "<b>1,234</b> of 1,500 & more"       # shown as text ...
    assert "&lt;b&gt;1,234&lt;/b&gt; of 1,500 &amp; more" in html  # ... because it is escaped
    assert "<NA>" not in html and "nan" not in html and "None" not in html
    # numbers right-aligned, the long sentence column wraps instead of stretching the table
    rules = {m[0].strip(): m[1] for m in re.findall(r"#T_\w+\s+([^{]+)\{([^}]*)\}", html)}
    assert "text-align: right" in rules["td.col2"] and "text-align: right" in rules["th.col2"]   # launched
    assert "text-align: right" not in rules.get("td.col6", "")                                  # flag (text)
    assert "white-space: normal" in rules["td.col8"] and "max-width: 44em" in rules["td.col8"]  # sentence


def test_show_escapes_headers_and_lets_long_ones_break_at_underscores():
    styler = show(pd.DataFrame({"mean_compound_war": [-0.13505], "<b>x": [2]}))
    assert _headers(styler) == ["mean_compound_war", "<b>x"]
    html = styler.to_html()
    assert "mean_<wbr>compound_<wbr>war" in html and "&lt;b&gt;x" in html and "<b>x" not in html
    assert _cells(styler) == [["-0.1351", "2"]]


def test_show_keeps_a_named_index_as_columns():
    totals = pd.DataFrame({"killed": [1200, 3]}, index=pd.Index(["Kharkiv", "Sumy"], name="location"))
    assert _headers(show(totals)) == ["location", "killed"]
    assert _cells(show(totals)) == [["Kharkiv", "1,200"], ["Sumy", "3"]]


def test_show_caps_rows_and_says_so():
    styler = show(pd.DataFrame({"killed": range(2000)}), max_rows=60)
    assert len(_cells(styler)) == 60
    assert "The first 60 of 2,000 rows." in styler.to_html()
    empty = show(pd.DataFrame({"killed": pd.array([], dtype="Int64")}))
    assert _cells(empty) == [] and "No rows." in empty.to_html() and _headers(empty) == ["killed"]


def test_show_is_the_same_on_every_run_and_its_text_form_is_readable():
    df = _interceptions()
    assert show(df).to_html() == show(df.copy()).to_html()    # no random id: re-runs leave outputs alone
    assert show(df).to_html() != show(df.head(1)).to_html()   # two tables on one page never share an id
    text = repr(show(df))
    assert "76.2%" in text and "1,500" in text and "<NA>" not in text and "Styler" not in text


def test_highlight_figures_formats_its_cells():
    from helpers.charts import highlight_figures

    events = pd.DataFrame({"article_id": ["a"], "sentence_idx": [0], "char_start": pd.array([0], dtype="Int64"),
                           "char_end": pd.array([5], dtype="Int64"), "location": ["Kharkiv"],
                           "killed": pd.array([1200], dtype="Int64"), "injured": pd.array([None], dtype="Int64"),
                           "sentence": ["1,200 were killed."]})
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_idx": [0], "start": [0]})
    html = highlight_figures(events, sentences).data
    cells = [td.text_content() for td in lxml.html.fragment_fromstring(html, create_parent="div").iter("td")]
    assert cells == ["Kharkiv", "1,200", "–", "1,200 were killed."]
