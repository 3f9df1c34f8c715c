"""The shared patterns: years as dates read them and as figures read them."""

import pytest

from helpers.text.patterns import YEAR, YEAR_OR_FISCAL


@pytest.mark.parametrize(
    "text,calendar,either",
    [
        ("2021年", ["2021"], ["2021"]),
        ("回望过去的2020 年", ["2020"], ["2020"]),
        ("2019年度考评", [], ["2019"]),  # a fiscal year
        ("12021年", [], []),  # not a year: a longer number
        ("1999年至2024年", ["1999", "2024"], ["1999", "2024"]),
    ],
)
def test_years(text, calendar, either):
    assert (YEAR.findall(text), YEAR_OR_FISCAL.findall(text)) == (calendar, either)
