"""The quick-capture line: prefixes, #team, @name, due:, and text kept exactly as typed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from c2c_tui.core.capture import (
    KIND_PREFIXES,
    PREFIX_KINDS,
    Capture,
    CaptureError,
    kind_for,
    parse,
    split_prefix,
)
from c2c_tui.core.model import PHASE_IDS, Participant, Team
from c2c_tui.core.phases import phase

TEAMS = [
    Team(id="t-sev", name="Seville City Council", role="seeking"),
    Team(id="t-sea", name="Seattle Office of Emergency Management", role="advisor"),
    Team(id="lyon", name="Lyon", role="advisor"),
    Team(id="t-lyo", name="Lyon Metropole", role="advisor"),
    Team(id="t-lh", name="L'Hospitalet de Llobregat", role="advisor"),
]
PEOPLE = [
    Participant(id="p1", name="Maria Lopez", team="t-sev"),
    Participant(id="p2", name="Ana Ruiz", team="t-sea"),
    Participant(id="p3", name="Ana Gomez"),
    Participant(id="p4", name="Sean O'Neil", team="t-lh"),
]


def cap(line: str, phase_id: str = "insights") -> Capture:
    return parse(line, phase_id, TEAMS, PEOPLE)


# -- prefixes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("n", "note"),
        ("c", "context"),
        ("s", "surprise"),
        ("g", "gap"),
        ("e", "example"),
        ("i", "idea"),
        ("?", "question"),
        ("w", "contact"),
        ("k", "consideration"),
        ("f", "follow_up"),
        ("o", "option"),
        ("a", "action"),
    ],
)
def test_each_prefix_picks_its_kind(prefix: str, kind: str) -> None:
    result = cap(f"{prefix}: Heat maps by block")
    assert (result.kind, result.text, result.prefixed) == (kind, "Heat maps by block", True)
    assert cap(f"  {prefix.upper()}:Heat maps").kind == kind  # upper case, leading space, no space after


def test_prefix_table_covers_product_table() -> None:
    assert len(PREFIX_KINDS) == 15  # 12, and u: + - for feedback


@pytest.mark.parametrize("phase_id", PHASE_IDS)
def test_no_prefix_uses_phase_default(phase_id: str) -> None:
    result = parse("Cooling centres in libraries", phase_id, TEAMS)
    assert result.kind == phase(phase_id).default_kind
    assert result.prefixed is False
    assert kind_for("Cooling centres", phase_id) == phase(phase_id).default_kind


@pytest.mark.parametrize(
    "line",
    ["ex: foo", "ab: x", "x : y", "Notes: this", "https://x.org", "::x", "a :x", "note : x", "re: the memo"],
)
def test_only_a_prefix_then_colon_is_a_prefix(line: str) -> None:
    result = cap(line)
    assert result.kind == "surprise" and result.text == line and not result.prefixed


def test_kind_for_reads_the_prefix_only() -> None:
    assert kind_for("a: #nobody whatever", "rapport") == "action"
    assert kind_for("?: who runs the shelters", "agree") == "question"
    assert kind_for("", "reflect") == "option"


def test_prefix_only_counts_at_the_start() -> None:
    result = cap("heat a: plan")
    assert result.kind == "surprise" and result.text == "heat a: plan"


@pytest.mark.parametrize("kind", sorted(set(PREFIX_KINDS.values())))
def test_each_kind_name_is_a_prefix_any_case(kind: str) -> None:
    score = "4 " if kind == "feedback_useful" else ""  # a usefulness line starts with its score
    for typed in (kind, kind.upper(), kind.capitalize()):
        result = cap(f"{typed}: {score}Heat maps by block")
        assert (result.kind, result.text, result.prefixed) == (kind, "Heat maps by block", True)
        assert kind_for(f"{typed}:x", "rapport") == kind
    assert cap(f"  {kind}:{score}Heat maps").text == "Heat maps"


@pytest.mark.parametrize("typed", ["follow-up", "followup", "Follow-Up", "FOLLOW_UP"])
def test_follow_up_spellings(typed: str) -> None:
    result = cap(f"{typed}: Seattle sends its heat-alert playbook")
    assert (result.kind, result.text) == ("follow_up", "Seattle sends its heat-alert playbook")


def test_kind_prefixes_cover_every_stored_kind() -> None:
    assert set(KIND_PREFIXES.values()) == set(PREFIX_KINDS.values())
    assert {"gap", "surprise", "idea", "action", "option", "question", "note"} <= set(KIND_PREFIXES)


def test_gap_prefix_is_not_left_in_the_text() -> None:
    result = cap("gap: nobody mentioned night-time heat", "insights")
    assert (result.kind, result.text) == ("gap", "nobody mentioned night-time heat")


@pytest.mark.parametrize(
    ("line", "first", "second"),
    [
        ("a: n: see the heat map", "a:", "n:"),
        ("gap: idea: shade sails", "gap:", "idea:"),
        ("n: note: something", "n:", "note:"),
        ("  A:N:x", "A:", "N:"),
        ("action:   follow-up: send the plan", "action:", "follow-up:"),
        ("?: ?: who", "?:", "?:"),
    ],
)
def test_two_prefixes_are_refused_naming_both(line: str, first: str, second: str) -> None:
    with pytest.raises(CaptureError) as error:
        cap(line)
    message = str(error.value)
    assert "\n" not in message and "two prefixes" in message
    assert f"{first} (" in message and f"{second} (" in message


@pytest.mark.parametrize("line", ["c:\\temp is full", "C:/data/heat.csv", "e:\\ drive is full"])
def test_a_drive_letter_is_text_not_a_prefix(line: str) -> None:
    result = cap(line)
    assert (result.kind, result.text, result.prefixed) == ("surprise", line, False)


def test_a_path_after_a_prefix_is_not_a_second_prefix() -> None:
    result = cap("n: c:\\shared\\heat is full")
    assert (result.kind, result.text) == ("note", "c:\\shared\\heat is full")


def test_a_prefix_later_in_the_line_is_text() -> None:
    result = cap("a: call Ana, n: she is away")
    assert (result.kind, result.text) == ("action", "call Ana, n: she is away")


@pytest.mark.parametrize("line", ["\u017f: x", "\u212a: x", "\u0130dea: x"])
def test_only_ascii_letters_make_a_prefix(line: str) -> None:
    assert cap(line).prefixed is False


def test_unknown_person_says_new_person() -> None:
    result = cap("s: @Nobody said the shelters close at six")
    assert result.person == "Nobody" and result.text == "said the shelters close at six"
    assert result.notes == ("new person: Nobody (not among the participants)",)


def test_known_person_says_nothing() -> None:
    assert cap("s: @maria said so").notes == ()


def test_past_due_date_says_so_with_the_injected_today() -> None:
    today = date(2026, 11, 12)
    past = parse("a: Draft the plan due:2026-11-11", "agree", TEAMS, PEOPLE, today=today)
    assert past.due == date(2026, 11, 11) and past.text == "Draft the plan"
    assert past.notes == ("due 2026-11-11 is in the past (today is 2026-11-12)",)
    for due in ("2026-11-12", "2026-12-15"):
        assert parse(f"a: Draft due:{due}", "agree", TEAMS, PEOPLE, today=today).notes == ()
    assert parse("a: Draft due:2020-01-01", "agree", TEAMS, PEOPLE).notes == ()  # no today: no check


# -- #team --------------------------------------------------------------------------------------------


def test_team_prefix_of_name_case_insensitive() -> None:
    result = cap("s: #SEVILLE no shade maps")
    assert (result.team, result.text, result.notes) == ("t-sev", "no shade maps", ())


def test_team_name_spaces_removed() -> None:
    assert cap("#sevillecity x").team == "t-sev"
    assert cap("#seattleoffice x").team == "t-sea"


def test_team_by_id_and_punctuation_in_name() -> None:
    assert cap("x #t-sea").team == "t-sea"
    assert cap("x #lhospitalet").team == "t-lh"


def test_exact_name_wins_over_prefix() -> None:
    assert cap("#lyon x").team == "lyon"  # "Lyon" exact, although "Lyon Metropole" also starts with it
    assert cap("#lyonm x").team == "t-lyo"


def test_ambiguous_team_stays_in_text_with_note() -> None:
    result = cap("#se heat")
    assert result.team is None
    assert result.text == "#se heat"
    assert result.notes == (
        "#se matches Seville City Council and Seattle Office of Emergency Management: kept in the text",
    )


def test_unknown_team_stays_in_text_with_note() -> None:
    result = cap("ask #foo about it")
    assert (result.team, result.text) == (None, "ask #foo about it")
    assert result.notes == ("no team matches #foo: kept in the text",)


def test_team_trailing_punctuation_stays() -> None:
    assert cap("Talk to #seville, then").text == "Talk to, then"
    result = cap("Ask #seville.")
    assert (result.team, result.text) == ("t-sev", "Ask.")


def test_hash_mid_word_or_alone_is_text() -> None:
    result = cap("C# and F#, ## heading, # alone, #! bang")
    assert result.team is None
    assert result.text == "C# and F#, ## heading, # alone, #! bang"
    assert result.notes == ()


def test_second_team_stays_with_note() -> None:
    result = cap("#seville with #seattle")
    assert (result.team, result.text) == ("t-sev", "with #seattle")
    assert result.notes == ("only one #team per line: #seattle kept in the text",)


def test_unmatched_team_does_not_block_a_later_one() -> None:
    result = cap("#foo #seattle ok")
    assert (result.team, result.text) == ("t-sea", "#foo ok")
    assert result.notes == ("no team matches #foo: kept in the text",)


def test_no_teams_at_all() -> None:
    result = parse("#seville x", "insights", [])
    assert result.team is None and result.text == "#seville x"


# -- @name ------------------------------------------------------------------------------------------------


def test_person_owner_of_action_with_due() -> None:
    result = cap("a: Draft the cooling-centre plan with libraries @Maria due:2026-12-15")
    assert result.kind == "action"
    assert result.text == "Draft the cooling-centre plan with libraries"
    assert result.person == "Maria Lopez"
    assert result.due == date(2026, 12, 15)
    assert result.team == "t-sev"  # Maria's team, since no #team was given


def test_tokens_removed_with_one_space() -> None:
    assert cap("a: Draft plan @Maria due:2026-12-15 now").text == "Draft plan now"
    assert cap("a: @Maria due:2026-12-15 Draft plan").text == "Draft plan"


def test_person_full_name_prefix_and_apostrophe() -> None:
    assert cap("x @marialopez").person == "Maria Lopez"
    assert cap("x @maria_lo").person == "Maria Lopez"  # '_', '.', "'" are ignored when matching
    assert cap("x @maria.l").person == "Maria Lopez"
    result = cap("x @O'Neil")  # neither the start of a name nor a first name: kept as typed
    assert (result.person, result.text) == ("O'Neil", "x")
    assert result.notes == ("new person: O'Neil (not among the participants)",)
    assert cap("x @sean").person == "Sean O'Neil"


def test_explicit_team_beats_person_team() -> None:
    result = cap("s: @Maria #seattle idea")
    assert (result.person, result.team, result.text) == ("Maria Lopez", "t-sea", "idea")


def test_ambiguous_person_kept_as_typed_with_note() -> None:
    result = cap("s: @ana said so")
    assert (result.person, result.team, result.text) == ("ana", None, "said so")
    assert result.notes == ("@ana could be Ana Ruiz or Ana Gomez: kept as typed",)


def test_unlisted_person_kept_as_typed() -> None:
    result = cap("s: @Dolores said so.")
    assert (result.person, result.team) == ("Dolores", None)
    assert result.notes == ("new person: Dolores (not among the participants)",)


def test_person_trailing_punctuation() -> None:
    result = cap("thanks @Maria.")
    assert (result.person, result.text) == ("Maria Lopez", "thanks.")


def test_email_is_not_a_token() -> None:
    result = cap("write to ana@city.org")
    assert (result.person, result.text) == (None, "write to ana@city.org")


def test_second_person_stays_with_note() -> None:
    result = cap("a: call @Maria and @Dolores")
    assert (result.person, result.text) == ("Maria Lopez", "call and @Dolores")
    assert result.notes == ("only one @name per line: @Dolores kept in the text",)


# -- due: -----------------------------------------------------------------------------------------------


def test_invalid_due_date_stays_with_note() -> None:
    result = cap("a: plan due:2026-02-30")
    assert (result.due, result.text) == (None, "plan due:2026-02-30")
    assert result.notes == ("due:2026-02-30 is not a date: kept in the text",)


def test_malformed_due_on_action_notes_format() -> None:
    result = cap("a: plan due:friday")
    assert (result.due, result.text) == (None, "plan due:friday")
    assert result.notes == ("due: takes a date like 2026-12-15: due:friday kept in the text",)


def test_due_on_non_action_stays_with_note() -> None:
    result = cap("s: report due:2026-12-15")
    assert (result.due, result.text) == (None, "report due:2026-12-15")
    assert result.notes == ("due: applies to actions: due:2026-12-15 kept in the text",)
    assert cap("n: the report is due:friday").notes == ()


def test_second_due_stays_with_note() -> None:
    result = cap("a: plan due:2026-12-15 or due:2027-01-10", "agree")
    assert (result.due, result.text) == (date(2026, 12, 15), "plan or due:2027-01-10")
    assert result.notes == ("only one due: date per line: due:2027-01-10 kept in the text",)


def test_due_default_action_in_agree_phase_upper_case() -> None:
    result = cap("plan DUE:2026-12-15.", "agree")
    assert (result.kind, result.due, result.text) == ("action", date(2026, 12, 15), "plan.")


def test_due_with_unicode_digits_is_text() -> None:
    assert cap("a: plan due:٢٠٢٦-12-15").due is None


# -- text kept exactly ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[bold]not bold[/] and [/] and [link=x]y[/link] [@click=app.quit]q[/]",
        "<script>alert(1)</script> | a | b |",
        "C# ### heading `code` *stars* _under_",
        "🌡️ heat 🔥 👩🏽‍🚒",
        "מרכזי קירור בספריות",
        "مراكز التبريد",
        "e\u0301te\u0301 cafe\u0301",
        "tabs\tand  two  spaces",
    ],
)
def test_text_kept_exactly(text: str) -> None:
    result = cap(f"n: {text}  ")
    assert result.text == text
    assert result.notes == ()


def test_multi_line_paste_kept_literally_tokens_on_any_line() -> None:
    result = cap("n: first line\r\nsecond @Maria\nthird #seattle")
    assert result.text == "first line\r\nsecond\nthird"
    assert (result.person, result.team) == ("Maria Lopez", "t-sea")


def test_team_with_combining_mark() -> None:
    teams = [Team(id="t1", name="Sévres", role="advisor")]
    assert parse("#se\u0301vres x", "insights", teams).team == "t1"


@pytest.mark.parametrize("line", ["", "   ", "n:", "a:   ", "a: @Maria due:2026-12-15", "#seville"])
def test_nothing_to_add(line: str) -> None:
    with pytest.raises(CaptureError, match="nothing to add"):
        cap(line, "agree")


# -- properties -----------------------------------------------------------------------------------------

PHASES = st.sampled_from(PHASE_IDS)
PIECES = [
    "#seville",
    "#se",
    "#foo",
    "@Maria",
    "@ana",
    "due:2026-12-15",
    "due:2026-02-30",
    "a:",
    "?:",
    "#",
    "@",
]
LINES = st.lists(
    st.one_of(st.text(max_size=6), st.sampled_from([*PIECES, " ", "\n", ",", "."])), max_size=12
).map("".join)


@given(line=st.one_of(st.text(), LINES), phase_id=PHASES)
def test_parse_only_raises_capture_error_and_only_deletes(line: str, phase_id: str) -> None:
    try:
        result = parse(line, phase_id, TEAMS, PEOPLE)
    except CaptureError:
        return
    assert result.text and result.text == result.text.strip()
    body = split_prefix(line)[1]
    assert result.prefixed == (body != line)
    # every character of the text comes from the body, in order
    rest = iter(body)
    assert all(char in rest for char in result.text)
    if result.team is None and result.person is None and result.due is None:
        assert result.text == body.strip()


def _is_token_like(word: str) -> bool:
    return word.startswith(("#", "@")) or word[:4].lower() == "due:"


@given(text=st.text(), phase_id=PHASES)
def test_plain_text_round_trips(text: str, phase_id: str) -> None:
    assume(not any(_is_token_like(w) for w in text.split()))
    assume(split_prefix(text)[0] is None)
    if not text.strip():
        with pytest.raises(CaptureError):
            parse(text, phase_id, TEAMS, PEOPLE)
        return
    result = parse(text, phase_id, TEAMS, PEOPLE)
    assert (result.text, result.kind, result.prefixed) == (text.strip(), phase(phase_id).default_kind, False)


PLAIN_WORDS = st.lists(
    st.text(st.characters(exclude_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1).filter(
        lambda w: len(w.split()) == 1 and not _is_token_like(w) and split_prefix(w)[0] is None
    ),
    min_size=1,
    max_size=8,
)
TOKENS = ["#seville", "@Maria", "due:2026-12-15"]


@given(words=PLAIN_WORDS, positions=st.lists(st.integers(0, 8), min_size=3, max_size=3), seps=st.data())
def test_tokens_anywhere_never_lose_a_word(
    words: list[str], positions: list[int], seps: st.DataObject
) -> None:
    mixed = list(words)
    for token, position in zip(TOKENS, positions, strict=True):
        mixed.insert(min(position, len(mixed)), token)
    spaces = seps.draw(st.lists(st.sampled_from([" ", "  ", "\t"]), min_size=len(mixed), max_size=len(mixed)))
    line = "a:" + "".join(space + word for space, word in zip(spaces, mixed, strict=True))
    result = parse(line, "insights", TEAMS, PEOPLE)
    assert result.text.split() == words
    assert (result.kind, result.team, result.person, result.due) == (
        "action",
        "t-sev",
        "Maria Lopez",
        date(2026, 12, 15),
    )
    assert result.notes == ()


def test_person_team_only_if_the_team_is_known() -> None:
    result = parse("s: @Maria said so", "insights", [], PEOPLE)
    assert (result.person, result.team) == ("Maria Lopez", None)


def test_names_and_teams_match_without_their_accents() -> None:
    teams = [
        Team(id="mal", name="Málaga Ayuntamiento", role="advisor"),
        Team(id="v", name="Valmora", role="seeking"),
    ]
    people = [Participant(id="p1", name="Tomás Reyes", team="v")]
    capture = parse("a: Draft the plan @tomas #malaga", "agree", teams, people)
    assert (capture.person, capture.team, capture.text) == ("Tomás Reyes", "mal", "Draft the plan")
    assert parse("n: hola @Tomás", "rapport", teams, people).person == "Tomás Reyes"


PREFIX_SPELLINGS = st.sampled_from([*PREFIX_KINDS, *KIND_PREFIXES]).flatmap(
    lambda p: st.sampled_from([p, p.upper(), p.capitalize()])
)


@given(
    prefix=PREFIX_SPELLINGS, space=st.sampled_from(["", " ", "  "]), text=st.text(min_size=1), phase_id=PHASES
)
def test_any_prefix_keeps_the_rest_of_the_line(prefix: str, space: str, text: str, phase_id: str) -> None:
    assume(not any(_is_token_like(w) for w in text.split()) and text.strip())
    assume(space or text[0] not in "\\/")
    line = f"{prefix}:{space}{text}"
    kind = (PREFIX_KINDS | KIND_PREFIXES)[prefix.lower()]
    assume(kind != "feedback_useful")  # its line starts with a score: test_feedback_capture.py
    if split_prefix(text)[0] is not None:  # the text itself starts with a prefix: two prefixes
        with pytest.raises(CaptureError, match="two prefixes"):
            parse(line, phase_id, TEAMS, PEOPLE)
        return
    result = parse(line, phase_id, TEAMS, PEOPLE)
    assert (result.kind, result.text, result.prefixed) == (kind, text.strip(), True)
