"""The one validated path for query parameters (home/params.py), field by field, with every odd
value the public views were attacked with (issue 17). localoffer/tests/test_query_params.py sends
a representative few of them through every real view."""

import pytest
from django.http import QueryDict

from home.params import MAX_ID, BoundedIntegerField, KnownValueField, KnownValuesField, QueryForm, TextField

# Values that have broken, or could break, a view that reads a number or a choice by hand:
# integers past 32 and 64 bits, Unicode digits that int() reads, signs, floats, blanks, nulls.
NUMBERISH = [
    "99999999999999999999999",
    "9223372036854775808",
    "9223372036854775807",
    "18446744073709551616",
    "2147483648",
    "²",
    "①",
    "٣",  # an Arabic-Indic three: int() reads it, we do not
    "１",  # a fullwidth one
    "-1",
    "-0",
    "-9223372036854775809",
    "1.5",
    "1e3",
    "0x10",
    "nan",
    "inf",
    "",
    " ",
    "\x00",
    "1\x00",
    "+1",
]
USABLE_NUMBERS = {"-0": 0, "": None, " ": None}  # the only ones a 0..MAX_ID field takes (besides digits)


class Filters(QueryForm):
    id_prefix = "f-"
    number = BoundedIntegerField(min_value=0, label_text="number")
    words = TextField(max_length=10)
    colour = KnownValueField(choices=[("", "Any"), ("red", "Red")], message="We do not recognise that colour.")
    sizes = KnownValuesField(choices=[("s", "Small"), ("m", "Medium")], max_items=2)


def parse(query):
    return Filters.parse(QueryDict(query, mutable=True) if isinstance(query, str) else query)


@pytest.mark.parametrize("value", NUMBERISH)
def test_a_number_field_takes_only_ascii_digits_in_range(value):
    field = BoundedIntegerField(min_value=0, max_value=MAX_ID)
    if value in USABLE_NUMBERS:
        assert field.clean(value) == USABLE_NUMBERS[value]
    else:
        with pytest.raises(Exception) as raised:  # noqa: PT011 - Django's ValidationError, checked below
            field.clean(value)
        assert type(raised.value).__name__ == "ValidationError"
        assert "whole number" in str(raised.value) or "between 0 and 2,147,483,647" in str(raised.value)


@pytest.mark.parametrize("value", NUMBERISH)
@pytest.mark.parametrize("shape", ["once", "twice", "after a good one"])
def test_every_field_of_a_form_survives_every_odd_value_and_says_what_it_dropped(value, shape):
    for name in ("number", "words", "colour", "sizes"):
        data = QueryDict(mutable=True)
        good = {"number": "1", "words": "ok", "colour": "red", "sizes": "s"}[name]
        values = {"once": [value], "twice": [value, value], "after a good one": [good, value]}[shape]
        data.setlist(name, values)
        form = Filters.parse(data)
        usable = form.values
        assert set(usable) == {"number", "words", "colour", "sizes"}
        assert usable["number"] is None or 0 <= usable["number"] <= MAX_ID
        assert isinstance(usable["words"], str) and "\x00" not in usable["words"] and len(usable["words"]) <= 10
        assert usable["colour"] in ("", "red")
        assert set(usable["sizes"]) <= {"s", "m"}
        # Whatever was dropped is named, with a link to its input.
        for problem in form.problems:
            assert problem["field"] in form.errors
            assert problem["href"].startswith("#f-")
            assert problem["text"]


def test_the_last_of_repeated_values_is_used_and_repeats_of_a_choice_count_once():
    form = parse("number=3&number=4&sizes=s&sizes=s&sizes=m")
    assert form.values["number"] == 4
    assert form.values["sizes"] == ["s", "m"]
    assert form.problems == []


def test_a_dropped_value_keeps_the_other_filters():
    form = parse("number=%C2%B2&colour=blue&words=speech&sizes=s")
    assert form.values == {"number": None, "words": "speech", "colour": "", "sizes": ["s"]}
    assert {problem["field"] for problem in form.problems} == {"number", "colour"}
    assert "We do not recognise that colour." in [problem["text"] for problem in form.problems]


def test_long_text_is_cut_not_refused_and_loses_null_bytes():
    form = parse("words=" + "a%00" * 30)
    assert form.values["words"] == "a" * 10
    assert form.problems == []


def test_more_choices_than_allowed_are_cut():
    assert parse("sizes=s&sizes=m&sizes=s&sizes=m").values["sizes"] == ["s", "m"]


def test_an_api_error_body_names_each_field():
    body = parse("number=-1&colour=blue").error_body()
    assert set(body["problems"]) == {"number", "colour"}
    assert body["error"]
