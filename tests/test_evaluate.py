"""Figure-by-figure scoring, the gold-set floor, and the command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.evaluate import evaluate_file, figures, read_jsonl, score

GOLD = Path(__file__).resolve().parent / "data/gold.jsonl"
HELDOUT = Path(__file__).resolve().parent / "data/heldout.jsonl"
HELDOUT2 = Path(__file__).resolve().parent / "data/heldout2.jsonl"
HELDOUT3 = Path(__file__).resolve().parent / "data/heldout3.jsonl"
HELDOUT4 = Path(__file__).resolve().parent / "data/heldout4.jsonl"
HELDOUT5 = Path(__file__).resolve().parent / "data/heldout5.jsonl"
HELDOUT6 = Path(__file__).resolve().parent / "data/heldout6.jsonl"


def test_figures_count_each_stated_field_once():
    events = [{"kind": "casualty", "killed": 8, "injured": 7, "location": "Rzhyshchiv"},
              {"kind": "interception", "launched": 21, "intercepted": 16, "not_reached": None}]
    assert figures(events) == {("casualty", "killed", 8.0): 1, ("casualty", "injured", 7.0): 1,
                               ("interception", "launched", 21.0): 1, ("interception", "intercepted", 16.0): 1}


def test_score_counts_wrong_field_as_false_and_missed():
    gold = [{"id": "a", "text": "", "events": [{"kind": "casualty", "killed": 8, "injured": 7, "location": "Kyiv"}]},
            {"id": "b", "text": "", "events": []}]
    predicted = {"a": [{"kind": "casualty", "killed": 8, "injured": None, "location": "kyiv"},
                       {"kind": "casualty", "killed": 7, "injured": None, "location": None}],
                 "b": [{"kind": "interception", "launched": 3}]}
    r = score(gold, predicted)
    assert r["casualty"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert (r["interception"]["fp"], r["interception"]["precision"]) == (1, 0.0)
    assert r["location"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert r["distractors"] == {"lines": 1, "false_figures": 1}


def test_bad_jsonl_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "ok"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: not valid JSON"):
        read_jsonl(bad)


def test_gold_set_size_and_floor():
    gold = read_jsonl(GOLD)
    assert len(gold) >= 80
    assert sum(1 for g in gold if not g["events"]) >= 20
    r = evaluate_file(GOLD)
    assert r["casualty"]["f1"] >= 0.95
    assert r["interception"]["f1"] >= 0.95
    assert r["distractors"]["false_figures"] == 0


@pytest.mark.parametrize("path", [HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6],
                         ids=["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"])
def test_second_annotator_sets_floor(path):
    """Sets annotated by someone other than the extractor's author: heldout.jsonl (30 lines of
    wire copy) and heldout2.jsonl (25 lines in the style of ISW, Kyiv Independent and Air Force
    summaries), heldout3 to heldout6.jsonl (20 lines each, mixed). First measured before any fix
    (casualty F1 0.920 / 1.000 / 0.914 / 0.933 / 0.938 / 0.968, interception 0.970 / 0.896 /
    0.882 / 0.769 / 0.914 / 0.952); the misses were then fixed by general rules, so they are
    regression floors now."""
    r = evaluate_file(path)
    assert r["casualty"]["f1"] >= 0.95
    assert r["interception"]["f1"] >= 0.95
    assert r["distractors"]["false_figures"] == 0


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, check=False)


def test_cli_extract_prints_one_line_per_input(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        json.dumps({"id": "x1", "text": "At least eight people were killed, and seven were injured after a drone "
                    "struck two dormitories.", "date": "2023-03-22", "source": "ignored"}) + "\n"
        + json.dumps({"id": "x2", "text": "Ivan Nalyvaiko, 24, was at home."}) + "\n",
        encoding="utf-8")
    out = run_cli("extract", str(inp))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["x1", "x2"]
    ev = lines[0]["events"][0]
    assert (ev["kind"], ev["killed"], ev["injured"], ev["weapon"], ev["aggregate"]) == ("casualty", 8, 7, "drone", False)
    assert lines[1]["events"] == []


def test_cli_evaluate_prints_scores_and_fails_cleanly_on_missing_file():
    out = run_cli("evaluate", str(GOLD))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].split() == ["kind", "precision", "recall", "F1", "tp", "fp", "fn"]
    assert "location accuracy" in out.stdout
    missing = run_cli("evaluate", "no/such/file.jsonl")
    assert missing.returncode == 2 and "no/such/file.jsonl" in missing.stderr


def test_cli_extract_keeps_one_output_line_per_input_and_names_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Two people were killed in Kherson."}\n'
                    '{broken\n'
                    '{"id": "c", "date": "2024-01-02"}\n'
                    '{"id": "d", "text": "Air defences shot down 16 of 21 drones.", "date": "2024-01-02"}\n')
    out = run_cli("extract", str(path))
    assert out.returncode == 0
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "line2", "c", "d"]
    assert [len(line["events"]) for line in lines] == [1, 0, 0, 1]
    assert lines[0]["events"][0]["killed"] == 2
    assert (lines[3]["events"][0]["launched"], lines[3]["events"][0]["intercepted"]) == (21, 16)
    assert "error" in lines[1] and "error" in lines[2]
    assert f"{path}:2: skipped: not valid JSON" in out.stderr
    assert f"{path}:3: skipped" in out.stderr


def test_blind_set_floor():
    """tests/data/heldout7_blind.jsonl: 20 lines by a second annotator, measured once and NOT
    used to tune the extractor (casualty F1 0.952, interception 0.963 when added): the suite's
    honest estimate on unseen reporting. Its misses are listed in the README, not fixed."""
    r = evaluate_file(Path(__file__).resolve().parent / "data/heldout7_blind.jsonl")
    assert r["casualty"]["f1"] >= 0.95
    assert r["interception"]["f1"] >= 0.95
    assert r["distractors"]["false_figures"] == 0


def test_place_is_scored_against_the_event_sharing_most_figures_and_the_place():
    gold = [{"id": "a", "text": "", "events": [
        {"kind": "casualty", "killed": 1, "injured": 6, "location": "Kyiv"},
        {"kind": "casualty", "killed": 1, "injured": None, "location": "Cherkasy"}]}]
    predicted = {"a": [{"kind": "casualty", "killed": 1, "injured": 6, "location": "Kyiv"},
                       {"kind": "casualty", "killed": 1, "injured": None, "location": "Cherkasy"}]}
    assert score(gold, predicted)["location"] == {"right": 2, "total": 2, "accuracy": 1.0}
