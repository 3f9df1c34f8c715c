"""Checks of a notebook's parameters, called in the cell after its ``parameters`` cell.

papermill injects whatever the report list or the command line gives, so a notebook checks
each parameter before it computes anything: a bad value stops the report with a ValueError
that names the parameter, says what it must be and shows what it got.
"""

from collections.abc import Iterable


def one_of(name: str, value, allowed: Iterable, what: str | None = None) -> None:
    """``value`` must be one of ``allowed`` (``what`` says what the allowed values are).

    >>> one_of("locality", "衡阳市", ["衡阳市", "云阳县"])
    >>> one_of("locality", "北京市", ["衡阳市", "云阳县"])
    Traceback (most recent call last):
    ...
    ValueError: locality must be one of ['衡阳市', '云阳县'], not '北京市'
    >>> one_of("locality", "云阳县", ["衡阳市"], what="the localities with articles from two or more years")
    Traceback (most recent call last):
    ...
    ValueError: locality must be one of the localities with articles from two or more years (['衡阳市']), not '云阳县'
    """
    allowed = list(allowed)
    if value not in allowed:
        choices = f"{what} ({allowed})" if what else f"{allowed}"
        raise ValueError(f"{name} must be one of {choices}, not {value!r}")


def some_of(name: str, values, allowed: Iterable, at_least: int = 1) -> None:
    """``values`` must be a list of ``at_least`` or more distinct values, each one of ``allowed``.

    >>> some_of("localities", ["衡阳市", "云阳县"], ["衡阳市", "云阳县", "漯河市"], at_least=2)
    >>> some_of("localities", ["衡阳市", "衡阳市"], ["衡阳市", "云阳县", "漯河市"], at_least=2)
    Traceback (most recent call last):
    ...
    ValueError: localities must be a list of 2 or more of ['衡阳市', '云阳县', '漯河市'], not ['衡阳市', '衡阳市']
    """
    allowed = list(allowed)
    if (
        not isinstance(values, list)
        or len(set(values)) < at_least
        or any(value not in allowed for value in values)
    ):
        raise ValueError(
            f"{name} must be a list of {at_least} or more of {allowed}, not {values!r}"
        )


def positive_int(name: str, value) -> None:
    """``value`` must be a whole number of at least 1 (True and 2.0 are not).

    >>> positive_int("top_terms", 15)
    >>> positive_int("top_terms", 0)
    Traceback (most recent call last):
    ...
    ValueError: top_terms must be a positive integer, not 0
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, not {value!r}")


def non_empty_str(name: str, value) -> None:
    """``value`` must be a string with something besides white space in it.

    >>> non_empty_str("term", "产业链")
    >>> non_empty_str("term", " ")
    Traceback (most recent call last):
    ...
    ValueError: term must be a non-empty string, not ' '
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, not {value!r}")


def boolean(name: str, value) -> None:
    """``value`` must be True or False (not a string such as "no", which would count as true).

    >>> boolean("include_compounds", True)
    >>> boolean("include_compounds", "no")
    Traceback (most recent call last):
    ...
    ValueError: include_compounds must be True or False, not 'no'
    """
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")
