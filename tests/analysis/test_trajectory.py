"""How items run through periods."""

import pandas as pd
import pytest

from helpers.analysis.trajectory import trajectory, trajectory_status


@pytest.mark.parametrize(
    "present,expected",
    [
        ([2020, 2022, 2024], "throughout"),
        ([2022], "only 2022"),
        ([2020, 2024], "in 2020, 2024"),
        ([2022, 2024], "from 2022"),
        ([2020, 2022], "until 2022"),
    ],
)
def test_trajectory_status_names_how_an_item_runs_through_the_years(present, expected):
    assert trajectory_status(present, [2020, 2022, 2024]) == expected


def test_trajectory_marks_the_years_each_item_occurs_in():
    items = pd.DataFrame(
        {
            "slogan": ["三高四新", "三高四新", "六稳", "五制一平台", "三高四新"],
            "year": [2020, 2022, 2020, 2022, 2024],
        }
    )
    table = trajectory(items, "slogan", [2020, 2022, 2024])
    assert table.loc["三高四新", "status"] == "throughout"
    assert table.loc["六稳", "status"] == "only 2020"
    assert table.loc["五制一平台"].tolist() == [False, True, False, "only 2022"]
    assert table.index.tolist() == ["六稳", "三高四新", "五制一平台"]  # by first year, then status
