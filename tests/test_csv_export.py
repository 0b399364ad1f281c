from __future__ import annotations

import pandas as pd

from dashboard.csv_export import neutralise, to_csv


def test_formula_cells_stay_text() -> None:
    for bad in ("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("Alfa Mek AS") == "Alfa Mek AS" and neutralise(-5) == -5


def test_norwegian_and_english_conventions() -> None:
    df = pd.DataFrame({"Bedrift": ["=cmd()", "Beta AS"], "Verdi": [1234.5, -2.25]})
    nb = to_csv(df, "nb")
    assert nb.startswith("\ufeff") and nb.splitlines()[1:] == ["'=cmd();1234,5", "Beta AS;-2,25"]
    en = to_csv(df, "en")
    assert en.splitlines()[1:] == ["'=cmd(),1234.5", "Beta AS,-2.25"]
