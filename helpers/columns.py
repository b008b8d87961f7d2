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
    "date_precision",  # 'day' | 'month' | 'year' | None: what the source gave ('2026-01' is a month)
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

# --- sentiment (notebook 02) -----------------------------------------------------------------

SENTIMENT = [
    "article_id", "sentence_idx",
    "compound",      # float -1..1: VADER's normalised score (nltk)
    "pos", "neu", "neg",  # float: shares of the sentence's words
    "label",         # 'positive' (compound >= 0.05) | 'negative' (<= -0.05) | 'neutral'
    "compound_war",  # float: the same sentence scored with the war-news lexicon added
    "label_war",
]
ARTICLE_SENTIMENT = [
    "article_id", "n_sentences", "mean_compound", "share_negative", "share_positive",
    "min_compound", "max_compound", "mean_compound_war", "share_negative_war",
]

# --- topics (notebook 03) --------------------------------------------------------------------

TOPICS = [
    "topic_id",     # int
    "label",        # str: its three top terms, ' / '-joined
    "top_terms",    # list[str]
    "top_weights",  # list[float]
    "share",        # float: share of the text's topic weight
    "n_units",      # int: units (sentences or articles) whose dominant topic it is
]
SENTENCE_TOPICS = [
    "article_id", "sentence_idx",
    "topic_id",  # int: dominant topic; -1 when the sentence has none of the model's terms
    "weight",    # float
]

# --- events (notebook 04) --------------------------------------------------------------------

PROVENANCE = [
    "article_id", "sentence_idx",
    "char_start", "char_end",  # int: article-text offsets of the span holding the figures
]
EVENT_DATE = [
    "date",           # 'YYYY-MM-DD' event day (a night: the morning it ended) | None for a wider window
    "date_phrase",    # str | None: the phrase it was read from ("During Wednesday night")
    "date_start", "date_end",  # 'YYYY-MM-DD' inclusive window
    "date_resolved",  # bool: False = no phrase, the publication date stands in
]
CASUALTIES = [
    *PROVENANCE, *EVENT_DATE,
    "location", "latitude", "longitude", "admin1",  # the event's place (helpers.places)
    "event_type",   # ACLED: 'Air/drone strike' | 'Shelling/artillery/missile attack' | None
    "weapon", "target",
    "who",          # 'people' | 'civilians' | 'children' | 'soldiers' ... when stated
    "killed", "killed_qualifier", "injured", "injured_qualifier",  # Int64; 'at least', 'about', ...
    "vague",        # bool: a vague count ('dozens' = 12, ACLED's rule)
    "figure_type",  # 'event' | 'period' | 'cumulative' | 'estimate' | 'historical' | 'other'
    "figure_cue",   # str | None: the words that made it a total ('since the start of the war')
    "aggregate",    # bool: figure_type is not 'event'; kept out of every per-event total
    "update",       # bool: a revised toll ('the death toll rose to 9')
    "superseded",   # bool: a later sentence of the same article revises this toll; left out of totals
    "sentence",
]
INTERCEPTIONS = [
    *PROVENANCE, *EVENT_DATE,
    "weapon", "weapon_class",  # class: drone | cruise missile | ballistic missile | missile | guided bomb
    "launched", "intercepted",  # Int64
    "not_reached",  # Int64: lost to electronic warfare ('locally lost'), not in intercepted
    "rate",         # float: intercepted / launched when both are known and consistent
    "flag",         # str | None: why a pair is inconsistent (never a rate above 100%)
    "claimant", "region",
    "figure_type", "figure_cue", "aggregate",  # as for casualties
    "sentence",
]
ECONOMIC_FIGURES = [
    *PROVENANCE, "date",
    "amount",    # float: in units ($411 billion -> 411e9)
    "currency",  # ISO code
    "scale",     # 'billion', 'million' ... as written
    "what",      # what it measures ('cost of rebuilding Ukraine')
    "ratio", "ratio_of",  # a stated ratio: 2.6, "Ukraine's gross domestic product"
    "sentence",
]

# --- validation (notebook 06) ----------------------------------------------------------------

VALIDATION = [
    *PROVENANCE,
    "date", "date_start", "date_end",                  # the event's night and its inclusive window
    "weapon", "weapon_class",                          # as extracted
    "launched", "intercepted", "not_reached", "rate",  # extracted figures
    "ref_model",          # str: reference model(s) compared, ' + '-joined
    "ref_time_start",     # datetime: earliest start of the matched reporting windows
    "ref_time_end",       # datetime: latest end of the matched reporting windows
    "ref_windows",        # str: every matched window 'YYYY-MM-DD HH:MM -> YYYY-MM-DD HH:MM', '; '-joined
    "ref_source",         # str: source account(s) of the matched rows
    "ref_scope",          # str: 'national' | 'other' | 'regional' (regional = partial count)
    "ref_lines",          # str: line numbers in missile_attacks_daily.csv, ', '-joined
    "ref_n_rows",         # int: reference rows summed
    "ref_launched", "ref_destroyed", "ref_not_reach_goal",  # reference figures (sums)
    "ref_rate",           # float: ref_destroyed / ref_launched
    "ref_flag",           # str: quirks of the matched rows ('' when none)
    "status",             # str: 'agree' | 'disagree' | 'no reference row'
    "note",               # str: what differs, or why nothing matched
    "sentence",
]
REFERENCE_NIGHTLY = [
    "night",           # datetime (midnight): date the bulletin's window closed
    "weapon_family",   # str: drone / missile / guided bomb / other
    "n_rows",          # int: national reference rows that night
    "launched",        # float: sum over rows with launched and destroyed filled
    "destroyed",       # float: same rows
    "not_reach_goal",  # float | NaN: lost to EW, all rows (not in destroyed)
    "rate",            # float: destroyed / launched (NaN when launched is 0 or missing)
    "n_flagged",       # int: rows with a quirk flag
]
MAP_POINTS = ["location", "latitude", "longitude", "weapon_class", "killed", "injured", "total"]

# --- events: one row per strike and per night, with every report behind it (helpers.events) ---

EVENTS = [
    "event_id",     # str: 'ev-' + hash of the rows behind it (article, sentence, span): stable across runs
    "kind",         # 'strike' (casualty rows) | 'air defence' (interception rows: one night's claim)
    "date",         # 'YYYY-MM-DD' event day (a night: the morning it ended) | None for a wider window
    "date_start", "date_end",  # 'YYYY-MM-DD': the days every report behind it allows
    "location", "admin1",      # strike's place (the city when a report names it) and its region
    "region",       # str | None: the region an air-defence claim is about (None = the whole country)
    "weapon_class", "weapon", "target",  # most specific class stated; commonest weapon and target
    "time_of_day",  # 'morning' | 'afternoon' | 'evening' | 'night' | None, from the date phrases
    "claimant",     # str | None: who claims the figures (air defence); sides are never merged
    "killed", "injured",                      # Int64: reconciled strike toll
    "launched", "intercepted", "not_reached",  # Int64: reconciled air-defence figures
    "n_reports",    # int: articles behind the event
    "n_outlets",    # int: distinct sources among them
    "first_report", "last_report",  # publication date (or time) of its first and last report
    "status",       # 'consistent' | 'revised' (figures rose; the latest stands) | 'conflicting' (lowest stands)
    "history",      # str | None: each figure's values in report order with outlet and date ('killed: 3 (...) -> 7 (...)')
    "flag",         # str | None: undated, no place stated, ambiguous (an event of its own)
]
EVENT_REPORTS = [
    "event_id",     # str | None: the event this row fed; None for a total kept apart
    "kind",
    "role",         # 'counted' | 'superseded in its article' | 'kept apart: period total' ...
    *PROVENANCE,
    "source",       # str | None: the article's outlet
    "published",    # the article's publication date (or time)
    "date", "date_start", "date_end",
    "location", "admin1", "region", "weapon_class", "weapon", "target", "time_of_day", "claimant",
    "figure_type", "update", "superseded",
    "killed", "injured", "launched", "intercepted", "not_reached",  # Int64: as the row states them
    "killed_qualifier", "injured_qualifier",  # 'at least', 'about' ... as the row states them
    "sentence",
]
