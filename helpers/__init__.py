"""Frontline helpers: the tested functions behind the notebooks.

One module per stage of the data's journey:

- ``ingest``     read a corpus folder into articles and sentences (with character offsets)
- ``sentiment``  sentence-level VADER scores and their explanations
- ``topics``     TF-IDF + NMF topics over sentences or articles
- ``numbers``    number words, digits and vague counts -> values
- ``places``     gazetteer lookup of place names
- ``extract``    casualty, interception and economic-figure events with provenance
- ``dates``      event dates resolved against the publication date
- ``reference``  the Air Force reference tables and matching against them
- ``charts``     the suite's one chart style and its chart functions
- ``overview``   the key-figures table and evidence list of the overview notebook
- ``evaluate``   precision, recall and F1 of the extractor against a gold file
- ``pipeline``   run the stages over a corpus and write the tables
- ``publish``    execute the notebooks in order and render them to offline HTML
- ``columns``    column names of every table (the data contract between notebooks)
- ``io``         atomic writes of tables and files

``python -m helpers extract|evaluate FILE.jsonl`` is the command line (see ``__main__``).
"""

__version__ = "0.1.0"
