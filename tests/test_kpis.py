from __future__ import annotations

import pytest

from dashboard.kpis import CRITERIA_BY_ID, KPIS, MEASURE_IDS, UnknownIdError, get_kpi

REQUIRED = {
    "productivity", "value_added_per_wage", "emissions_intensity", "emissions_reduction",
    "energy_intensity", "renewable_share", "robot_density", "automation_share", "rnd_intensity",
    "export_share", "material_utilisation", "scrap_rate", "circular_input", "training_hours", "h_value",
}


def test_catalogue_is_complete() -> None:
    assert {k.id for k in KPIS} == REQUIRED
    for k in KPIS:
        assert k.nb and k.en and k.unit_nb and k.unit_en and k.definition_nb and k.definition_en
        assert k.direction in ("higher", "lower")
        assert CRITERIA_BY_ID[k.criterion].measurable


def test_expressions_use_only_known_columns() -> None:
    import re

    known = set(MEASURE_IDS) | {"base_emissions_t"}
    for k in KPIS:
        words = set(re.findall(r"[a-z_][a-z0-9_]*", k.numerator + " " + k.denominator))
        assert words <= known, (k.id, words - known)


def test_unknown_kpi_is_a_clear_error() -> None:
    assert get_kpi("robot_density").unit("en") == "robots per 10,000 FTE"
    with pytest.raises(UnknownIdError, match="Unknown KPI 'robots'; expected one of: productivity"):
        get_kpi("robots")
    with pytest.raises(UnknownIdError):
        get_kpi(["productivity"])
