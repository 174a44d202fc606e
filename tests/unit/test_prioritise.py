"""The ranks, the held order of the options table and the fitting of a 2x2 quadrant (core, pure)."""

from __future__ import annotations

from c2c_tui.core.model import Option
from c2c_tui.core.prioritise import fit_lines, held_order, number_runs, ranks
from c2c_tui.core.text.textcells import cell_width

OPTIONS = [(1, "Libraries as named cool spaces"), (2, "Same-day heat alerts"), (3, "Volunteer check-ins")]


def test_ranks_number_the_options_by_priority() -> None:
    options = [
        Option(id="o1", title="a"),
        Option(id="o2", title="b", moscow="must"),
        Option(id="o3", title="c"),
    ]
    assert ranks(options) == {"o2": 1, "o1": 2, "o3": 3}


def test_held_order() -> None:
    assert held_order(["c", "a", "b"], ["a", "b", "c"]) == ["a", "b", "c"]
    assert held_order(["c", "a"], ["a", "b", "c"]) == ["a", "c"]
    assert held_order(["d", "c", "a"], ["a", "c"]) == ["a", "c", "d"]
    assert held_order(["a"], []) == ["a"]


def test_one_option_a_line_when_they_fit() -> None:
    assert fit_lines(OPTIONS, 3, 40) == [
        "1 Libraries as named cool spaces",
        "2 Same-day heat alerts",
        "3 Volunteer check-ins",
    ]
    assert fit_lines(OPTIONS, 3, 12) == ["1 Libraries…", "2 Same-day…", "3 Volunteer…"]


def test_several_a_line_when_the_quadrant_is_low() -> None:
    lines = fit_lines(OPTIONS, 1, 38)
    assert len(lines) == 1 and cell_width(lines[0]) <= 38
    assert lines[0].startswith("1 ") and " · 2 " in lines[0] and " · 3 " in lines[0]


def test_more_with_the_numbers_past_that() -> None:
    many = [(n, f"Option {n}") for n in range(1, 31)]
    assert fit_lines(many, 2, 20) == ["1 Option 1", "+29 more: 2-30"]
    assert fit_lines(many, 1, 20) == ["+30 more: 1-30"]


def test_no_rows_and_no_options() -> None:
    assert fit_lines(OPTIONS, 0, 40) == []
    assert fit_lines([], 3, 40) == ["–"]


def test_number_runs() -> None:
    assert number_runs([1, 2, 3, 5, 7, 8]) == "1-3 5 7 8"
    assert number_runs([9, 4, 5, 6]) == "4-6 9"
    assert number_runs([]) == ""
