"""Follow-on workshops, reviews and the latest state of every action across a folder (core)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from series_chain import T0, T1, T2, TODAY, build_chain, first_session

from c2c_tui.core.followup.followon import SeriesError, chain, follow_on, pending, record_review
from c2c_tui.core.followup.library import scan
from c2c_tui.core.followup.series import track
from c2c_tui.core.store import SessionError, dumps, load, loads, save


@pytest.fixture
def trio(tmp_path: Path) -> tuple[Path, Path, Path]:
    return build_chain(tmp_path)


def test_a_follow_on_copies_teams_people_purpose_agenda_and_links_the_earlier(tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    session = first_session()
    session.agenda[2].minutes = 44
    save(first, session)
    two = follow_on(first, tmp_path / "two.toml", title="Two", now=T1)
    assert (two.workshop.after, two.workshop.after_created) == ("first.toml", T0)
    assert [t.name for t in two.teams] == ["Valmora City Council", "Seville City Council"]
    assert [p.name for p in two.participants] == ["Maria Okafor", "Ana Ruiz"]
    assert two.workshop.purpose == "Keep residents safe"
    assert two.agenda[2].minutes == 44  # the earlier agenda, unless a template is given
    assert (
        follow_on(first, tmp_path / "t.toml", title="T", template="full-day", now=T1).agenda[2].minutes != 44
    )
    carried = [(r.kind, r.item, r.outcome, r.at) for r in two.reviews or []]
    assert carried == [("action", i, "open", None) for i in ("a1", "a2", "a3")] + [
        ("follow_up", "e1", "open", None)
    ]
    assert not two.entries and not two.actions and two.created == T1


def test_the_link_is_relative_to_the_new_file_folder(tmp_path: Path) -> None:
    (tmp_path / "2026").mkdir()
    (tmp_path / "2027").mkdir()
    save(tmp_path / "2026" / "first.toml", first_session())
    two = follow_on(tmp_path / "2026" / "first.toml", tmp_path / "2027" / "two.toml", title="Two", now=T1)
    assert two.workshop.after == "../2026/first.toml"
    assert {r.file for r in two.reviews or []} == {"../2026/first.toml"}


def test_the_third_sees_what_is_still_open(trio: tuple[Path, Path, Path]) -> None:
    third = load(trio[2])
    rows = [(r.item, r.outcome, r.note, r.owner) for r in third.reviews or []]
    # a1 done and the offer taken up in the second: not carried; a2 in progress keeps its note and owner
    assert rows == [
        ("a2", "done", "", "Ana Ruiz"),  # reviewed in the third itself
        ("a3", "open", "", None),
        ("b1", "open", "", None),
    ]
    assert {r.file for r in third.reviews or []} == {"first.toml", "second.toml"}


def test_pending_of_the_chain_is_what_the_next_workshop_reviews(trio: tuple[Path, Path, Path]) -> None:
    items = [(Path(r.file).name, r.item, r.outcome) for r in pending(chain(trio[1]))]
    assert items == [
        ("first.toml", "a2", "in_progress"),
        ("first.toml", "a3", "open"),
        ("second.toml", "b1", "open"),
    ]


def test_a_chain_of_three_is_found_oldest_first(trio: tuple[Path, Path, Path]) -> None:
    assert [p.name for p, _ in chain(trio[2])] == ["first.toml", "second.toml", "third.toml"]


def test_a_renamed_earlier_file_is_found_by_its_created_time(trio: tuple[Path, Path, Path]) -> None:
    trio[0].rename(trio[0].with_name("renamed.toml"))
    assert [p.name for p, _ in chain(trio[2])] == ["renamed.toml", "second.toml", "third.toml"]
    latest = {t.item: t for t in track(scan(trio[0].parent)) if t.kind == "action"}
    assert latest["a1"].status == "done" and latest["a2"].status == "done"


def test_a_missing_earlier_file_is_one_line(trio: tuple[Path, Path, Path]) -> None:
    trio[0].unlink()
    with pytest.raises(SeriesError) as caught:
        chain(trio[2])
    assert str(caught.value) == f"{trio[1]}: the earlier workshop first.toml (workshop.after) is missing"


def test_a_cycle_is_one_line_not_a_hang(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    one, two = first_session(), first_session()
    one.workshop.after, two.workshop.after = "b.toml", "a.toml"
    save(a, one)
    save(b, two)
    with pytest.raises(SeriesError, match="form a loop"):
        chain(a)
    with pytest.raises(SeriesError, match="form a loop"):
        follow_on(a, tmp_path / "c.toml", title="C", now=T1)
    selfish = first_session()
    selfish.workshop.after = "self.toml"
    save(tmp_path / "self.toml", selfish)
    with pytest.raises(SeriesError, match="form a loop"):
        chain(tmp_path / "self.toml")


def test_each_action_once_in_its_latest_state_and_where_it_changed(trio: tuple[Path, Path, Path]) -> None:
    items = track(scan(trio[0].parent))
    actions = {(t.path.name, t.item): t for t in items if t.kind == "action"}
    assert sorted(actions) == [("first.toml", f"a{i}") for i in range(1, 5)] + [("second.toml", "b1")]
    a1, a2, a3 = actions["first.toml", "a1"], actions["first.toml", "a2"], actions["first.toml", "a3"]
    assert (a1.status, a1.changed_path.name, a1.note, a1.on_time) == (
        "done",
        "second.toml",
        "sent to the board",
        True,
    )
    assert (a2.status, a2.owner, a2.changed_path.name) == ("done", "Ana Ruiz", "third.toml")
    assert [(s.path.name, s.outcome, s.note) for s in a2.steps] == [
        ("second.toml", "in_progress", "draft sent"),
        ("third.toml", "done", ""),
    ]
    assert (a3.status, a3.overdue(TODAY), a3.changed_path.name) == ("open", True, "first.toml")
    offer = next(t for t in items if t.kind == "follow_up")
    assert (offer.status, offer.changed_path.name) == ("done", "second.toml")


def test_a_change_in_its_own_file_after_a_review_wins(trio: tuple[Path, Path, Path]) -> None:
    session = load(trio[0])
    session.actions[0].status = "open"
    session.actions[0].updated = T2 + timedelta(days=1)  # reopened with `c2c review` after the reviews
    save(trio[0], session)
    a1 = next(t for t in track(scan(trio[0].parent)) if t.item == "a1")
    assert (a1.status, a1.changed_path.name) == ("open", "first.toml")


def test_files_without_the_new_fields_are_written_as_before(tmp_path: Path) -> None:
    text = dumps(first_session())
    assert "reviews" not in text and "after" not in text and "score" not in text
    assert dumps(loads(text, "x.toml")) == text


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ('file = "a.toml"\nitem = "a1"\noutcome = "finished"', "reviews[0].outcome"),
        ('file = "a.toml"\nitem = "a1"\nwho = "me"', "reviews[0].who"),
        ('file = ""\nitem = "a1"', "reviews[0].file"),
        ('file = "a.toml"\nitem = ""', "reviews[0].item"),
        ('file = "a.toml"\nitem = "a1"\nat = 1900-01-01T00:00:00Z', "reviews[0].at"),
    ],
)
def test_review_rows_are_validated_like_the_rest(row: str, field: str) -> None:
    base = dumps(first_session())
    with pytest.raises(SessionError) as caught:
        loads(base + "\n[[reviews]]\n" + row + "\n", "x.toml")
    assert f"x.toml: {field}" in str(caught.value) and "\n" not in str(caught.value)


def test_the_after_link_is_one_line(tmp_path: Path) -> None:
    text = dumps(first_session()).replace("[workshop]\n", '[workshop]\nafter = "a\\nb.toml"\n')
    with pytest.raises(SessionError, match="workshop.after"):
        loads(text, "x.toml")


def test_record_review_refuses_an_unknown_outcome_or_item(trio: tuple[Path, Path, Path]) -> None:
    third = load(trio[2])
    with pytest.raises(SeriesError, match="unknown outcome"):
        record_review(third, 0, "finished", now=T2)
    with pytest.raises(SeriesError, match="no review item 9"):
        record_review(third, 8, "done", now=T2)


OUTCOMES = st.sampled_from(["open", "in_progress", "done", "dropped"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, 3), OUTCOMES, st.integers(0, 2)), max_size=12))
def test_any_review_sequence_keeps_each_action_once_in_its_latest_state(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, str, int]]
) -> None:
    folder = tmp_path_factory.mktemp("chain")
    first = folder / "w0.toml"
    save(first, first_session())
    paths, expected = [first], {}
    for n in range(1, 4):  # three follow-ons; each reviews what its steps say, in order
        path = folder / f"w{n}.toml"
        session = follow_on(paths[-1], path, title=f"W{n}", now=T0 + timedelta(days=30 * n))
        for k, (action, outcome, workshop) in enumerate(steps):
            if workshop + 1 != n:
                continue
            item = f"a{action + 1}"
            index = next((i for i, r in enumerate(session.reviews or []) if r.item == item), None)
            if index is None:
                continue  # closed before: not carried any more
            record_review(session, index, outcome, now=T0 + timedelta(days=30 * n, minutes=k))
            expected[item] = outcome
        save(path, session)
        paths.append(path)
    actions = [t for t in track(scan(folder)) if t.kind == "action"]
    assert sorted(t.item for t in actions) == ["a1", "a2", "a3", "a4"]
    own = {a.id: a.status for a in first_session().actions}
    assert {t.item: t.status for t in actions} == {**own, **expected}
    assert load(first) == first_session()  # the earlier file is never written


def test_an_action_added_to_the_earlier_file_later_is_carried_when_the_follow_on_opens(
    trio: tuple[Path, Path, Path],
) -> None:
    from c2c_tui.core.followup.followon import carry_new
    from c2c_tui.core.model import Action

    second = load(trio[1])
    second.actions.append(Action(id="b2", text="Write to the minister"))
    save(trio[1], second)
    third = load(trio[2])
    fresh = carry_new(trio[2], third)
    assert [(r.file, r.item, r.outcome) for r in fresh] == [("second.toml", "b2", "open")]
    assert [r.item for r in third.reviews or []] == ["a2", "a3", "b1", "b2"]
    assert carry_new(trio[2], third) == []  # once
