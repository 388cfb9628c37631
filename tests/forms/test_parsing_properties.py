"""Property tests: whatever people or files put in a field, parsing answers with a value or a
``ValueProblem``, never another exception; well-formed values survive a round trip."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.definitions import FORMS
from forms.schema import FieldType
from forms.validation import ValueProblem, parse_and_validate, parse_value

ALL_FIELDS = [f for form in FORMS.values() for f in form.fields]

anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(),
    st.dates(), st.datetimes(), st.lists(st.text(max_size=5), max_size=3), st.decimals(allow_nan=True),
)


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(ALL_FIELDS), value=anything)
def test_parse_value_answers_or_explains(field, value) -> None:
    try:
        parse_value(field, value)
    except ValueProblem as problem:
        assert problem.message.fr and problem.message.ar and problem.message.en


def test_huge_numbers_are_explained() -> None:
    form = FORMS["internship"]
    for key in ("monthly_stipend", "weekly_hours"):
        for value in (1e26, "1e+26", 1e300, "1e999999999", "9" * 30):
            values, issues = parse_and_validate(form, {key: value})
            assert values[key] is None or values[key] > form.field(key).max
            assert [i.code for i in issues if i.field == key] in (["type"], ["max"]), (key, value)


@settings(max_examples=100, deadline=None)
@given(form=st.sampled_from(list(FORMS.values())),
       raw=st.dictionaries(st.text(max_size=12), anything, max_size=6))
def test_whole_records_never_crash_validation(form, raw) -> None:
    values, issues = parse_and_validate(form, raw)
    assert set(values) == set(form.field_keys)
    for issue in issues:
        assert issue.fields and issue.message.fr


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_in_any_accepted_spelling(day: date) -> None:
    field = FORMS["internship"].field("start_date")
    for spelling in (day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.strftime("%d.%m.%Y")):
        assert parse_value(field, spelling) == day


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from([f for f in ALL_FIELDS if f.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)]),
       data=st.data())
def test_choices_by_code_or_label_in_any_language(field, data) -> None:
    table = field.choices()
    choice = data.draw(st.sampled_from(table.choices))
    lang = data.draw(st.sampled_from(["fr", "ar", "en"]))
    typed = data.draw(st.sampled_from([choice.code, choice.label.get(lang), choice.label.get(lang).upper()]))
    expected = (choice.code,) if field.type is FieldType.MULTI_CHOICE else choice.code
    assert parse_value(field, typed) == expected


def test_no_two_choices_share_a_spelling() -> None:
    """Matching by label is only safe if no label of one code folds to a spelling of another."""
    from forms.reference import fold

    for field in ALL_FIELDS:
        table = field.choices()
        if table is None:
            continue
        owner: dict[str, str] = {}
        for choice in table.choices:
            for spelling in (choice.code, choice.label.fr, choice.label.ar, choice.label.en):
                if spelling:
                    assert owner.setdefault(fold(spelling), choice.code) == choice.code, (field.key, spelling)
