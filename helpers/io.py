"""Input and output at the edges: atomic writes so a table is written whole or not at all; a table is
one file or a folder of Parquet partitions, read alike."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def _atomic_target(path: Path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    # mkstemp makes the file private (0600); a table is as readable as any file the user writes.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return path, Path(tmp)


def write_table(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write ``df`` to ``path`` (parquet, or csv by extension) through a temp file and a rename.

    A crash mid-write leaves the previous file intact; readers never see half a table.
    """
    path, tmp = _atomic_target(Path(path))
    try:
        if path.suffix == ".csv":
            df.to_csv(tmp, index=False)
        else:
            df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text(text: str, path: str | os.PathLike) -> Path:
    """Write a text file atomically (UTF-8)."""
    path, tmp = _atomic_target(Path(path))
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, or a partitioned table (a folder of
    ``part-NNNNN.parquet`` files, concatenated in name order), with a clear error when it is missing."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run the notebook that writes it first (see README, 'Notebooks')."
        )
    if path.is_dir():
        parts = sorted(p for p in path.glob("*.parquet") if not p.name.startswith("."))
        if not parts:
            raise FileNotFoundError(f"{path} is a folder with no .parquet partition: rerun the stage that writes it.")
        return concat_tables([pd.read_parquet(p) for p in parts])
    return pd.read_csv(path) if path.suffix == ".csv" else pd.read_parquet(path)


def concat_tables(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate the partitions of one table into the table a single pass would have built.

    Partitions with rows are joined in order (an empty one adds nothing). A column that is
    text in one partition but all missing, and so untyped, in another, is text in the whole,
    as it would be had all rows been built at once.
    """
    tables = [t for t in tables if len(t)] or tables[:1]
    if len(tables) <= 1:
        return tables[0].reset_index(drop=True) if tables else pd.DataFrame()
    for col in tables[0].columns:
        text = next((t[col].dtype for t in tables if isinstance(t[col].dtype, pd.StringDtype)), None)
        if text is not None:
            tables = [t.assign(**{col: t[col].astype(text)}) if t[col].dtype == object and t[col].isna().all() else t
                      for t in tables]
    return pd.concat(tables, ignore_index=True)
