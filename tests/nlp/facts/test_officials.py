"""Officials and their roles on real passages."""

import pytest

from .passages import (
    HENGYANG_2020_SPEAKERS,
    HENGYANG_2022_LEADERS,
    LUOHE_LEAD,
    YUNYANG_LEADERS,
    facts,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            YUNYANG_LEADERS,
            [("张学锋", "县委书记"), ("覃昌德", "县委副书记、县长")]
            + [
                (name, "县领导")
                for name in "赵勇 赖建彬 丁笙洺 刘晓云 李学义 韩海燕 王启海 杨志奇 曾郴".split()
            ],
        ),
        (LUOHE_LEAD, [("蒿慧杰", "市委书记")]),
        (
            HENGYANG_2022_LEADERS,
            [("秦国文", "市委书记"), ("朱健", "市委副书记、市长"), ("黄立", "市领导")],
        ),
        (HENGYANG_2020_SPEAKERS, [("邓群策", None), ("朱健", None)]),
        # 䶮 (U+4DAE) lies in CJK Extension A, outside the basic block: a name is any Han character.
        ("市委书记刘䶮出席并讲话。", [("刘䶮", "市委书记")]),
    ],
)
def test_officials_with_their_roles(text, expected):
    assert [(f["text"], f["measure"]) for f in facts(text, "official")] == expected


def test_changing_a_name_changes_the_official():
    assert [f["text"] for f in facts(YUNYANG_LEADERS.replace("张学锋", "李明"), "official")][
        0
    ] == "李明"
