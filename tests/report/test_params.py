"""Parameter checks: a good value passes silently, a bad one raises a ValueError that names the
parameter, says what it must be and shows what it got."""

import re

import pytest

from helpers.report import params

PLACES = ["衡阳市", "漯河市", "云阳县"]


@pytest.mark.parametrize(
    "check,args",
    [
        (params.positive_int, ("top_terms", 1)),
        (params.positive_int, ("top_terms", 40)),
        (params.non_empty_str, ("term", "招商")),
        (params.boolean, ("include_compounds", False)),
        (params.one_of, ("locality", "云阳县", PLACES)),
        (params.one_of, ("locality", "衡阳市", iter(["衡阳市"]))),  # any iterable of allowed values
        (params.some_of, ("localities", ["云阳县", "衡阳市"], PLACES, 2)),
        (params.some_of, ("localities", PLACES, PLACES, 3)),
    ],
)
def test_a_good_value_passes(check, args):
    assert check(*args) is None


@pytest.mark.parametrize(
    "check,args,message",
    [
        (params.positive_int, ("top_terms", 0), "top_terms must be a positive integer, not 0"),
        (params.positive_int, ("top_terms", -3), "top_terms must be a positive integer, not -3"),
        (params.positive_int, ("top_terms", 2.0), "top_terms must be a positive integer, not 2.0"),
        (
            params.positive_int,
            ("top_terms", "15"),
            "top_terms must be a positive integer, not '15'",
        ),
        (
            params.positive_int,
            ("top_terms", True),
            "top_terms must be a positive integer, not True",
        ),
        (
            params.positive_int,
            ("top_terms", None),
            "top_terms must be a positive integer, not None",
        ),
        (params.non_empty_str, ("term", ""), "term must be a non-empty string, not ''"),
        (
            params.non_empty_str,
            ("term", "\u3000"),
            "term must be a non-empty string, not '\\u3000'",
        ),  # ideographic space
        (params.non_empty_str, ("term", ["招商"]), "term must be a non-empty string, not ['招商']"),
        (
            params.boolean,
            ("include_compounds", "no"),
            "include_compounds must be True or False, not 'no'",
        ),
        (
            params.boolean,
            ("include_compounds", 0),
            "include_compounds must be True or False, not 0",
        ),
        (
            params.one_of,
            ("locality", "北京市", PLACES),
            "locality must be one of ['衡阳市', '漯河市', '云阳县'], not '北京市'",
        ),
        (
            params.one_of,
            ("locality", ["衡阳市"], PLACES),
            "locality must be one of ['衡阳市', '漯河市', '云阳县'], not ['衡阳市']",
        ),
        (
            params.one_of,
            ("locality", "云阳县", ["衡阳市"], "the localities with two years"),
            "locality must be one of the localities with two years (['衡阳市']), not '云阳县'",
        ),
        (
            params.some_of,
            ("localities", ["衡阳市"], PLACES, 2),
            "localities must be a list of 2 or more of ['衡阳市', '漯河市', '云阳县'], not ['衡阳市']",
        ),
        (
            params.some_of,
            ("localities", ["衡阳市", "衡阳市"], PLACES, 2),  # the same place twice is one
            "localities must be a list of 2 or more of ['衡阳市', '漯河市', '云阳县'], not ['衡阳市', '衡阳市']",
        ),
        (
            params.some_of,
            ("localities", ["衡阳市", "北京市"], PLACES, 2),
            "localities must be a list of 2 or more of ['衡阳市', '漯河市', '云阳县'], not ['衡阳市', '北京市']",
        ),
        (
            params.some_of,
            ("localities", "衡阳市", PLACES),  # a string is not a list of places
            "localities must be a list of 1 or more of ['衡阳市', '漯河市', '云阳县'], not '衡阳市'",
        ),
    ],
)
def test_a_bad_value_is_named_with_what_it_must_be(check, args, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        check(*args)
