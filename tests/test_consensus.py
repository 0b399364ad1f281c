"""The jury's consensus against cases worked out by hand (the working is in the comments)."""

from __future__ import annotations

import pytest

from dashboard.scores import consensus as cs

# Three jurors, three finalists, two criteria. Each juror's total is the mean of their two scores:
#   A: X (8, 6) 7   Y (5, 5) 5   Z (3, 5) 4
#   B: X (9, 9) 9   Y (4, 6) 5   Z (2, 2) 2
#   C: X (5, 5) 5   Y (6, 8) 7   Z (9, 9) 9
SCORES = {"A": {"X": (8, 6), "Y": (5, 5), "Z": (3, 5)},
          "B": {"X": (9, 9), "Y": (4, 6), "Z": (2, 2)},
          "C": {"X": (5, 5), "Y": (6, 8), "Z": (9, 9)}}
CELLS = [(j, org, c, s) for j, by_org in SCORES.items() for org, pair in by_org.items()
         for c, s in zip(("c1", "c2"), pair)]


def test_per_finalist_figures_and_ranks() -> None:
    result = cs.consensus(CELLS, ["X", "Y", "Z"])
    by = {f.org_nr: f for f in result.finalists}
    # X: totals 7, 9, 5: mean 7, median 7, trimmed (without 5 and 9) 7; sd sqrt((0+4+4)/2) = 2
    assert (by["X"].mean, by["X"].median, by["X"].trimmed, by["X"].sd, by["X"].low, by["X"].high) == (7, 7, 7, 2, 5, 9)
    # Y: 5, 5, 7: mean 17/3, median 5, trimmed 5; sd sqrt((4/9 + 4/9 + 16/9) / 2) = sqrt(4/3)
    assert by["Y"].mean == pytest.approx(17 / 3) and by["Y"].median == 5 and by["Y"].trimmed == 5
    assert by["Y"].sd == pytest.approx((4 / 3) ** 0.5)
    # Z: 4, 2, 9: mean 5, median 4, trimmed 4, sd sqrt((1 + 9 + 16) / 2) = sqrt(13)
    assert (by["Z"].mean, by["Z"].median, by["Z"].trimmed) == (5, 4, 4) and by["Z"].sd == pytest.approx(13 ** 0.5)
    assert [f.org_nr for f in result.finalists] == ["X", "Y", "Z"]
    assert [(f.rank_mean, f.rank_median, f.rank_trimmed) for f in result.finalists] == [(1, 1, 1), (2, 2, 2), (3, 3, 3)]
    assert all(f.jurors == 3 for f in result.finalists)
    assert result.jurors == ("A", "B", "C")


def test_kendalls_w() -> None:
    # ranks (best first) A: X1 Y2 Z3, B: X1 Y2 Z3, C: Z1 Y2 X3; rank sums X5 Y6 Z7 around 3·4/2 = 6;
    # S = 1 + 0 + 1 = 2; W = 12·2 / (3²·(3³ − 3)) = 24 / 216
    assert cs.consensus(CELLS, ["X", "Y", "Z"]).agreement == cs.Agreement(pytest.approx(24 / 216), 3, 3)
    # jurors who rank alike agree fully; two who rank in reverse not at all
    assert cs.kendalls_w({"A": {"X": 3, "Y": 2}, "B": {"X": 9, "Y": 1}}, ["X", "Y"]).w == 1
    assert cs.kendalls_w({"A": {"X": 3, "Y": 2}, "B": {"X": 1, "Y": 9}}, ["X", "Y"]).w == 0


def test_kendalls_w_with_a_juror_who_ties_everything() -> None:
    # A ranks 1, 2, 3; E gives every finalist the same total: ranks 2, 2, 2 and T = 3³ − 3 = 24.
    # Rank sums 3, 4, 5 around 2·4/2 = 4: S = 2. W = 12·2 / (2²·24 − 2·24) = 24 / 48
    totals = {"A": {"X": 9, "Y": 5, "Z": 1}, "E": {"X": 7, "Y": 7, "Z": 7}}
    assert cs.kendalls_w(totals, ["X", "Y", "Z"]).w == pytest.approx(0.5)
    # only jurors who scored every finalist count; with fewer than two, none
    partial = {"A": {"X": 9, "Y": 5, "Z": 1}, "F": {"X": 2}}
    assert cs.kendalls_w(partial, ["X", "Y", "Z"]) == cs.Agreement(None, 1, 2)
    # every juror ties every finalist: nothing to agree on
    assert cs.kendalls_w({"E": {"X": 7, "Y": 7}, "G": {"X": 3, "Y": 3}}, ["X", "Y"]).w is None


def test_trimmed_mean_with_ties() -> None:
    # one of each end goes, however many share it: 5, 5, 5, 8, 8 -> 5, 5, 8 -> 6
    assert cs.trimmed_mean([8, 5, 5, 8, 5]) == 6
    assert cs.trimmed_mean([5, 5, 5]) == 5
    assert cs.trimmed_mean([2, 9]) == 5.5  # under three values: the mean
    cells = [(j, "X", "c1", s) for j, s in zip("ABCDE", (8, 5, 5, 8, 5))]
    (x,) = cs.consensus(cells, ["X"]).finalists
    assert (x.mean, x.median, x.trimmed) == (6.2, 5, 6)


def test_z_scores_and_a_juror_who_gave_one_score_everywhere() -> None:
    # A's six scores 8 6 5 5 3 5: mean 16/3; population variance (64/9 + 4/9 + 1/9 + 1/9 + 49/9 + 1/9)/6 = 20/9
    z = cs.z_scores(CELLS + [("E", org, c, 7) for org in "XYZ" for c in ("c1", "c2")])
    assert z[("A", "X", "c1")] == pytest.approx((8 - 16 / 3) / (20 / 9) ** 0.5)
    assert z[("A", "Z", "c1")] == pytest.approx((3 - 16 / 3) / (20 / 9) ** 0.5)
    assert all(z[("E", org, c)] == 0 for org in "XYZ" for c in ("c1", "c2"))


def test_normalising_lets_a_strict_and_a_generous_juror_count_alike() -> None:
    # A and B prefer Y by one point (X 1, Y 2); C, generous with X, prefers it by nine (X 10, Y 1).
    # Raw means: X 12/3 = 4, Y 5/3: X first. As z-scores each juror's preference counts one:
    # A and B: X -1, Y +1; C: X +1, Y -1; means X -1/3, Y +1/3: Y first.
    cells = [("A", "X", "c", 1), ("A", "Y", "c", 2), ("B", "X", "c", 1), ("B", "Y", "c", 2),
             ("C", "X", "c", 10), ("C", "Y", "c", 1)]
    by = {f.org_nr: f for f in cs.consensus(cells, ["X", "Y"]).finalists}
    assert (by["X"].rank_mean, by["Y"].rank_mean) == (1, 2)
    assert by["X"].normalised == pytest.approx(-1 / 3) and by["Y"].normalised == pytest.approx(1 / 3)
    assert (by["X"].rank_normalised, by["Y"].rank_normalised) == (2, 1)


def test_disagreements_are_three_points_or_more_widest_first() -> None:
    # X c1 8 9 5 (4), X c2 6 9 5 (4), Y c1 5 4 6 (2: not), Y c2 5 6 8 (3), Z c1 3 2 9 (7), Z c2 5 2 9 (7)
    found = cs.consensus(CELLS, ["X", "Y", "Z"]).disagreements
    assert [(d.org_nr, d.criterion, d.spread) for d in found] == [
        ("Z", "c1", 7), ("Z", "c2", 7), ("X", "c1", 4), ("X", "c2", 4), ("Y", "c2", 3)]
    assert found[0].scores == (("B", 2), ("A", 3), ("C", 9))


def test_heat_map_is_the_mean_per_criterion_and_finalist() -> None:
    heat = cs.consensus(CELLS, ["X", "Y", "Z"]).heat
    assert heat[("c1", "X")] == pytest.approx(22 / 3) and heat[("c2", "Z")] == pytest.approx(16 / 3)
    assert len(heat) == 6


def test_ranks_share_places_when_equal_to_two_decimals() -> None:
    assert cs.ranks({"a": 7.001, "b": 7.004, "c": 5.0, "d": None}) == {"a": 1, "b": 1, "c": 3, "d": None}
    assert cs.average_ranks({"a": 3, "b": 5, "c": 5}) == {"b": 1.5, "c": 1.5, "a": 3}


def test_a_finalist_nobody_scored_is_listed_last_without_figures() -> None:
    result = cs.consensus([("A", "X", "c", 6)], ["W", "X"])
    assert [f.org_nr for f in result.finalists] == ["X", "W"]
    w = result.finalists[1]
    assert (w.jurors, w.mean, w.sd, w.rank_mean, w.normalised) == (0, None, None, None, None)
    assert result.finalists[0].sd is None  # one juror: no spread


def test_beside_the_data_calls_out_the_largest_differences() -> None:
    rows, called = cs.beside_data({"X": 1, "Y": 2, "Z": 3}, {"X": 3, "Y": 2, "Z": 1})
    assert [(r.org_nr, r.difference) for r in rows] == [("X", 2), ("Y", 0), ("Z", -2)]
    assert [r.org_nr for r in called] == ["X", "Z"]
    assert cs.beside_data({"X": 1, "Y": 2}, {"X": 1, "Y": 2})[1] == []


@pytest.mark.parametrize("w, band", [(0.05, "very_weak"), (0.1, "weak"), (0.45, "moderate"), (0.6, "strong"),
                                     (0.95, "very_strong")])
def test_agreement_bands(w, band) -> None:
    assert cs.agreement_band(w) == band
