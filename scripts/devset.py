"""The real-text development set: pointers into public repositories, our own gold, no third-party text.

``data/devset/real.jsonl`` holds one excerpt a line: where its text lies (``repo``, ``commit``,
``path``, ``start``/``end`` character offsets into the file decoded as UTF-8, ``decode``), the
SHA-256 of the rebuilt text, and our annotations (``source_kind``, ``outlet``, ``date``,
``part`` dev/blind, ``events``, ``notes``), written by ``../shared/ANNOTATION.md``.
The text itself is never committed; this script rebuilds it from snapshots of the repositories.

  build  MIRROR [--out FILE]    rebuild every excerpt's text from the snapshots under MIRROR
                                (a folder of ``owner+name/repo`` bare git directories, as the
                                search tool's fetch lays them) into ``.cache/devset/real.jsonl``,
                                the shape ``python -m helpers evaluate`` reads; stops with a
                                message naming the missing snapshot or a changed text
  point  MIRROR --repo R --path P --find TEXT [--to TEXT] [--decode raw|json|html]
                                print a pointer for the excerpt that starts at the first TEXT
                                (and ends after the first --to TEXT after it), with its text
  merge  FILE... [--out FILE]   join annotators' files into the set, each excerpt given its
                                part (``part_of``: a third is blind, fixed by the id)
  check  FILE [MIRROR]          validate annotation records (fields, figure types) and, with
                                MIRROR, that each rebuilds to its SHA-256

The rebuilt text is the span, decoded (``json``: the span sits inside a JSON string literal and
its escapes are decoded; ``html``: tags dropped and entities unescaped), with runs of white space
folded to one space.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEVSET = REPO_ROOT / "data/devset/real.jsonl"
CACHE = REPO_ROOT / ".cache/devset/real.jsonl"

FIGURE_TYPES = {"event", "period", "cumulative", "estimate", "historical", "other"}
KIND_FIELDS = {
    "casualty": {"kind", "location", "killed", "injured", "figure_type", "qualifier", "notes"},
    "interception": {"kind", "weapon", "launched", "intercepted", "not_reached", "figure_type",
                     "qualifier", "notes", "claimant"},
}
SOURCE_KINDS = {"wire", "isw", "un", "air_force", "regional_official", "think_tank", "wikipedia",
                "social", "official", "russian_official", "live_blog", "other"}


class DevsetError(Exception):
    """A pointer that cannot be rebuilt or a record that breaks the annotation rules."""


def git_dir(mirror: Path, repo: str) -> Path:
    """The bare git directory of ``repo`` ("owner/name") under ``mirror``."""
    path = Path(mirror) / repo.replace("/", "+") / "repo"
    if not path.is_dir():
        raise DevsetError(f"no snapshot of {repo} under {mirror} (expected {path}); "
                          f"fetch github:{repo} with the search tool, then run again")
    return path


def file_text(mirror: Path, repo: str, commit: str, path: str) -> str:
    """The file at ``commit`` decoded as UTF-8 (undecodable bytes replaced)."""
    gd = git_dir(mirror, repo)
    proc = subprocess.run(["git", "--git-dir", str(gd), "show", f"{commit}:{path}"],
                          capture_output=True)
    if proc.returncode != 0:
        raise DevsetError(f"{repo}@{commit[:10]}:{path}: not in the snapshot "
                          f"({proc.stderr.decode(errors='replace').strip()})")
    return proc.stdout.decode("utf-8", errors="replace")


def head_commit(mirror: Path, repo: str) -> str:
    gd = git_dir(mirror, repo)
    return subprocess.run(["git", "--git-dir", str(gd), "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


def decode_span(raw: str, how: str) -> str:
    """The excerpt's text from its raw span: decoded as ``how`` says, white space folded."""
    if how == "json":
        raw = json.loads('"' + raw.replace("\n", "\\n") + '"')
    elif how == "html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    elif how != "raw":
        raise DevsetError(f"unknown decode {how!r} (raw, json or html)")
    return " ".join(raw.split())


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rebuild(rec: dict, mirror: Path, cache: dict | None = None) -> str:
    """The text of one pointer record; raises DevsetError if it cannot be had or has changed."""
    key = (rec["repo"], rec["commit"], rec["path"])
    if cache is not None and key in cache:
        whole = cache[key]
    else:
        whole = file_text(mirror, *key)
        if cache is not None:
            cache[key] = whole
    text = decode_span(whole[rec["start"]:rec["end"]], rec.get("decode", "raw"))
    if sha256(text) != rec["sha256"]:
        raise DevsetError(f"{rec['id']}: the text at {rec['repo']}@{rec['commit'][:10]}:{rec['path']}"
                          f"[{rec['start']}:{rec['end']}] no longer matches its SHA-256")
    return text


def check_record(rec: dict) -> list[str]:
    """What is wrong with one annotation record (empty when it follows the rules)."""
    problems = []
    for f in ("id", "repo", "commit", "path", "start", "end", "sha256", "source_kind", "events"):
        if f not in rec:
            problems.append(f"missing {f}")
    if rec.get("source_kind") not in SOURCE_KINDS:
        problems.append(f"source_kind {rec.get('source_kind')!r} not one of {sorted(SOURCE_KINDS)}")
    date = rec.get("date")
    if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
        problems.append(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    for i, ev in enumerate(rec.get("events") or []):
        kind = ev.get("kind")
        if kind not in KIND_FIELDS:
            problems.append(f"event {i}: kind {kind!r}")
            continue
        extra = set(ev) - KIND_FIELDS[kind]
        if extra:
            problems.append(f"event {i}: unknown fields {sorted(extra)}")
        if ev.get("figure_type") not in FIGURE_TYPES:
            problems.append(f"event {i}: figure_type {ev.get('figure_type')!r}")
        nums = [f for f in ("killed", "injured", "launched", "intercepted", "not_reached") if f in ev]
        for f in nums:
            v = ev[f]
            if v is not None and (not isinstance(v, int) or v < 0):
                problems.append(f"event {i}: {f} must be a non-negative integer or null")
        if not any(ev.get(f) is not None for f in nums):
            problems.append(f"event {i}: no figure filled")
    return problems


def read_records(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise DevsetError(f"{path}:{n}: not valid JSON ({err.msg})") from None
    return out


def cmd_build(mirror: Path, src: Path, out: Path) -> int:
    records = read_records(src)
    cache: dict = {}
    rows = []
    for rec in records:
        text = rebuild(rec, mirror, cache)
        rows.append({"id": rec["id"], "date": rec.get("date"), "part": rec.get("part", "dev"),
                     "source_kind": rec["source_kind"], "text": text, "events": rec["events"]})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(out)
    print(f"rebuilt {len(rows)} excerpts into {out}", file=sys.stderr)
    return 0


def part_of(excerpt_id: str) -> str:
    """The fixed split: an excerpt is in the blind third when the SHA-256 of its id is 0 modulo 3.
    Decided by the id alone, before any output is seen, and never changed."""
    return "blind" if int(hashlib.sha256(excerpt_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def cmd_merge(files: list[Path], out: Path) -> int:
    """Join annotators' files into the set, each record given its part; ids must be unique."""
    records, seen, texts = [], set(), {}
    for f in files:
        for rec in read_records(f):
            if rec["id"] in seen:
                raise DevsetError(f"{f}: id {rec['id']} is already taken")
            seen.add(rec["id"])
            if rec["sha256"] in texts:  # two annotators chose the same excerpt: the first is kept
                print(f"{f}: {rec['id']} has the text of {texts[rec['sha256']]}; left out", file=sys.stderr)
                continue
            texts[rec["sha256"]] = rec["id"]
            rec.pop("text", None)
            rec["part"] = part_of(rec["id"])
            records.append(rec)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records into {out}")
    return 0


def cmd_point(mirror: Path, repo: str, path: str, find: str, to: str | None, decode: str,
              occurrence: int) -> int:
    commit = head_commit(mirror, repo)
    whole = file_text(mirror, repo, commit, path)
    start = -1
    for _ in range(occurrence):
        start = whole.find(find, start + 1)
        if start < 0:
            raise DevsetError(f"{find!r} not found (occurrence {occurrence}) in {repo}:{path}")
    if to:
        end = whole.find(to, start + len(find) - len(to) if len(to) < len(find) else start)
        if end < 0:
            raise DevsetError(f"{to!r} not found after the start in {repo}:{path}")
        end += len(to)
    else:
        end = start + len(find)
    text = decode_span(whole[start:end], decode)
    rec = {"repo": repo, "commit": commit, "path": path, "start": start, "end": end,
           "decode": decode, "sha256": sha256(text), "text": text}
    print(json.dumps(rec, ensure_ascii=False))
    return 0


def cmd_check(src: Path, mirror: Path | None) -> int:
    records = read_records(src)
    bad = 0
    seen = set()
    cache: dict = {}
    for rec in records:
        problems = check_record(rec)
        if rec.get("id") in seen:
            problems.append("duplicate id")
        seen.add(rec.get("id"))
        if mirror is not None and not problems:
            try:
                rebuild(rec, mirror, cache)
            except DevsetError as err:
                problems.append(str(err))
        for p in problems:
            print(f"{src}: {rec.get('id', '?')}: {p}")
        bad += bool(problems)
    print(f"{len(records)} records, {bad} with problems")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("mirror", type=Path)
    b.add_argument("--src", type=Path, default=DEVSET)
    b.add_argument("--out", type=Path, default=CACHE)
    p = sub.add_parser("point")
    p.add_argument("mirror", type=Path)
    p.add_argument("--repo", required=True)
    p.add_argument("--path", required=True)
    p.add_argument("--find", required=True)
    p.add_argument("--to")
    p.add_argument("--decode", default="raw", choices=["raw", "json", "html"])
    p.add_argument("--occurrence", type=int, default=1)
    m = sub.add_parser("merge")
    m.add_argument("files", type=Path, nargs="+")
    m.add_argument("--out", type=Path, default=DEVSET)
    c = sub.add_parser("check")
    c.add_argument("file", type=Path)
    c.add_argument("mirror", type=Path, nargs="?")
    args = parser.parse_args(argv)
    try:
        if args.cmd == "build":
            return cmd_build(args.mirror, args.src, args.out)
        if args.cmd == "merge":
            return cmd_merge(args.files, args.out)
        if args.cmd == "point":
            return cmd_point(args.mirror, args.repo, args.path, args.find, args.to, args.decode,
                             args.occurrence)
        return cmd_check(args.file, args.mirror)
    except DevsetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
