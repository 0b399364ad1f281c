"""The jury's own scores (page ``/jury``): each juror scores the year's finalists for a prize on every
criterion of that prize, 1 to 10, with a comment; the chair opens and closes the round; the
consensus sets the jury's judgement beside the data.

- ``store``: the scores file (``SCORES_DB``, SQLite in WAL mode, never the read-only DuckDB file):
  scores, comments, conflicts of interest, rounds, submitted sheets and an audit log of every
  change, and the rules every write passes, from the page and from an import alike;
- ``consensus``: the numbers the meeting starts from (pure functions);
- ``rubric``: what 2, 5 and 8 mean on each criterion;
- ``offline``: a spreadsheet template, its import and an export (``python -m dashboard.scores``).
"""
