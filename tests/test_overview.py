"""helpers.overview: the corpus line, key figures with anchors, evidence highlighting."""

import pandas as pd

from helpers import overview as O

SENT = "the military said it had shot down 16 of 21 Shahed suicide drones"


def inter():
    return pd.DataFrame([dict(article_id="a1", sentence_idx=9, char_start=135, char_end=143, weapon="Shahed",
                              weapon_class="drone", launched=21.0, intercepted=16.0, sentence=SENT)])


def cas():
    return pd.DataFrame([
        dict(article_id="a1", sentence_idx=10, char_start=0, char_end=5, location="Zaporizhzhia", weapon="missile",
             killed=1.0, killed_qualifier="at least", injured=33.0, injured_qualifier=None, aggregate=False, sentence="s10"),
        dict(article_id="a1", sentence_idx=11, char_start=0, char_end=5, location="Rzhyshchiv", weapon="drone",
             killed=8.0, killed_qualifier="at least", injured=7.0, injured_qualifier=None, aggregate=False, sentence="s11"),
        dict(article_id="a1", sentence_idx=12, char_start=0, char_end=5, location=None, weapon=None,
             killed=99.0, killed_qualifier=None, injured=None, injured_qualifier=None, aggregate=True, sentence="s12"),
    ])


def test_corpus_line():
    arts = pd.DataFrame({"article_id": ["a1", "a2"], "date": ["2023-03-22", "2023-03-24"], "source": ["x", None],
                         "n_sentences": [32, 3]})
    assert O.corpus_line(arts) == "2 articles, from 1 source, published 22 March 2023 to 24 March 2023; 35 sentences."
    assert O.corpus_line(arts.iloc[:1], pd.DataFrame({"t": range(32)})) == (
        "1 article, from 1 source, published 22 March 2023; 32 sentences.")
    assert O.corpus_line(None) == "The corpus is empty: no article was ingested."


def test_key_figures_order_values_and_checks():
    validation = pd.DataFrame([dict(article_id="a1", sentence_idx=9, char_start=135, status="agree",
                                    ref_launched=21.0, ref_destroyed=16.0)])
    figs = O.key_figures(cas(), inter(), validation)
    assert list(figs.columns) == O.KEY_FIGURE_COLUMNS
    assert figs[["figure", "value", "check", "anchor"]].values.tolist() == [
        ["Casualties, Rzhyshchiv (drone)", "at least 8 killed, 7 injured", "", "ev-a1-11-0"],
        ["Casualties, Zaporizhzhia (missile)", "at least 1 killed, 33 injured", "", "ev-a1-10-0"],
        ["Shot down: Shahed", "16 of 21", "agrees with Air Force: 16 of 21", "ev-a1-9-135"],
    ]
    assert O.key_figures(None, None).empty


def test_html_links_and_highlight():
    figs = O.key_figures(None, inter())
    assert '<a href="#ev-a1-9-135">a1</a>' in O.key_figures_html(figs)
    # issue 10: evidence is cited the way a reader cites, by outlet, shortened title and date
    articles = pd.DataFrame([{"article_id": "a1", "source": "Wire", "date": "2023-03-22",
                              "title": "Bakhmut assault stalls as drones hit a town south of Kyiv in the night"}])
    assert ('<a href="#ev-a1-9-135">Wire, “Bakhmut assault stalls as drones hit a town south of Kyiv…”, '
            '2023-03-22</a>') in O.key_figures_html(figs, articles)
    sentences = pd.DataFrame({"article_id": ["a1"], "sentence_idx": [9], "start": [100]})
    ev = O.evidence_html(figs, sentences)
    assert '<li id="ev-a1-9-135">' in ev and "shot down <mark>16 of 21</mark> Shahed" in ev
    assert O.key_figures_html(figs.iloc[:0]).startswith("<p>No casualty or interception figure")


def test_show_figure(tmp_path, capsys):
    png = tmp_path / "02_sentiment_sentences.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert O.show_figure(png) == png
    assert O.show_figure(tmp_path / "04_casualties_by_place.png", "casualties chart") is None
    assert "No casualties chart to show: 04_casualties_by_place.png" in capsys.readouterr().out


def test_key_figures_money():
    eco = pd.DataFrame([dict(article_id="a1", sentence_idx=19, char_start=0, char_end=4, amount=411e9, currency="USD",
                             scale="billion", what="cost of rebuilding Ukraine", ratio=2.6,
                             ratio_of="Ukraine's gross domestic product", sentence="s19")])
    figs = O.key_figures(None, None, economic=eco)
    assert figs[["figure", "value", "anchor"]].values.tolist() == [[
        "Money: cost of rebuilding Ukraine", "USD 411 billion (2.6 times Ukraine's gross domestic product)", "ev-a1-19-0"]]
    # an amount whose sentence names no measure is not given a made-up one
    unnamed = eco.assign(what=None, ratio=None, ratio_of=None)
    assert O.key_figures(None, None, economic=unnamed)["figure"].tolist() == ["Money (no measure named)"]


def test_anchor_id():
    assert O.anchor_id("a1", 9) == "ev-a1-9"
    assert O.anchor_id("a1", 9, 135) == "ev-a1-9-135"
    assert O.anchor_id("a1", 9.0, float("nan")) == "ev-a1-9"


def test_counts_print_for_people():
    assert [O._count(14_000_000.0), O._count(8.0, "at least"), O._count(None), O._count(2.5)] == [
        "14,000,000", "at least 8", "", "2.5"]


def test_key_figures_and_findings_count_events_on_a_corpus_without_the_seed():
    from helpers.events import build_events
    from helpers.extract import extract_casualties, extract_interceptions
    from helpers.ingest import ingest_corpus
    from tests.conftest import REPO

    articles, sentences, _ = ingest_corpus(REPO / "tests/data/events_corpus")
    events, reports = build_events(extract_casualties(sentences, articles), extract_interceptions(sentences, articles),
                                   articles, undated_window_days=1)
    figs = O.key_figures_from_events(events, reports, top=2)
    assert figs[["figure", "value", "check"]].values.tolist()[:3] == [
        ["Strike, Odesa (missile)", "9 killed, 20 injured", "6 reports from 3 outlets; revised"],
        ["Strike, Kharkiv", "2 killed, 8 injured", "1 report"],
        ["Shot down: Shahed drone, Ukrainian Air Force", "24 of 31", "2 reports from 2 outlets; conflicting"],
    ]
    text = O.findings_markdown(articles, events, reports)
    assert "The largest toll is Odesa on 2024-05-14: 9 killed and 20 injured" in text
    assert "Russian Ministry of Defence (1), Ukrainian Air Force (1)" in text
    assert "Rzhyshchiv" not in text and "seed" not in text


def test_a_toll_keeps_the_qualifier_of_the_sentence_that_states_it():
    ev = {"killed": 8, "injured": 7}
    assert O._toll(ev, {"killed": 8, "killed_qualifier": "at least"}, "killed") == "at least 8"
    assert O._toll(ev, {"killed": 3, "killed_qualifier": "at least"}, "killed") == "8"  # another figure's hedge
    assert O._toll(ev, None, "injured") == "7"


def test_findings_name_only_the_figures_stated():
    events = pd.DataFrame([{"event_id": "e1", "kind": "strike", "location": "Sumy", "date": None,
                            "killed": None, "injured": 11, "n_reports": 1, "n_outlets": 1, "status": "consistent",
                            "claimant": None, "launched": None, "intercepted": None}])
    text = O.findings_markdown(pd.DataFrame({"article_id": ["a"]}), events, None)
    assert "The largest toll is Sumy: 11 injured (1 report)." in text and "killed" not in text


def test_corpus_line_writes_a_month_only_date_as_a_month():
    arts = pd.DataFrame({"article_id": ["a", "b"], "source": ["S", "S"], "date": ["2026-01", "2026-02-03"],
                         "n_sentences": [3, 4]})
    assert O.corpus_line(arts) == "2 articles, from 1 source, published January 2026 to 3 February 2026; 7 sentences."


def test_findings_count_the_vague_counts_kept_apart():
    from helpers.events import KEPT_APART_VAGUE
    events = pd.DataFrame([{"event_id": "e1", "kind": "strike", "location": "Sumy", "date": None,
                            "killed": 2, "injured": None, "n_reports": 1, "n_outlets": 1, "status": "consistent",
                            "claimant": None, "launched": None, "intercepted": None}])
    base = {"killed": 2, "injured": None, "killed_qualifier": None, "injured_qualifier": None, "published": "2024-05-01"}
    reports = pd.DataFrame([{**base, "event_id": "e1", "figure_type": "event", "role": "counted"},
                            {**base, "event_id": None, "figure_type": "event", "role": KEPT_APART_VAGUE, "killed": 12},
                            {**base, "event_id": None, "figure_type": "cumulative", "role": "kept apart: cumulative total",
                             "killed": 900}])
    text = O.findings_markdown(pd.DataFrame({"article_id": ["a"]}), events, reports)
    assert "- 1 reported total(s) are kept apart and never added to the strikes: 1 cumulative." in text
    assert "- 1 vague count(s) (\"dozens\", \"scores of\", read by ACLED's rule) are kept apart too" in text
