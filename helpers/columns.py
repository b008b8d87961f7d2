"""Column names of every table Frontline writes: the data contract between notebooks.

Each list is the exact column order of a file in ``data/processed/``. The README documents
what each column means; change a name here and there together, never in one place alone.
"""

ARTICLES = [
    "article_id",   # str: manifest id, else the file stem (unique in a corpus)
    "title",        # str | None
    "date",         # str 'YYYY-MM-DD' publication date | None
    "source",       # str | None: publisher
    "url",          # str | None
    "language",     # str: ISO 639-1 code guessed by py3langid (manifest wins)
    "path",         # str: file the article came from, relative to the corpus folder
    "sha256",       # str: hash of the normalised text (duplicates share it)
    "n_sentences",  # int
    "text",         # str: the normalised article text every character offset points into
]

SENTENCES = [
    "article_id",    # str
    "sentence_idx",  # int: 0-based position in the article
    "start",         # int: character offset of the sentence in the article text
    "end",           # int: exclusive end offset; text == article_text[start:end]
    "text",          # str
]

INGEST_REPORT = [
    "path",     # str: file (and ':line' for one record of a JSONL/CSV file)
    "action",   # str: 'skipped' | 'warning' | 'duplicate'
    "reason",   # str: what was wrong, in words a user can act on
]
