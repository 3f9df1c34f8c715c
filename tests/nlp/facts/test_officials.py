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
        # every mention is a fact: 邓群策 speaks twice
        (HENGYANG_2020_SPEAKERS, [("邓群策", None), ("邓群策", None), ("朱健", None)]),
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


@pytest.mark.parametrize(
    "text,expected",
    [
        # the whole post as written, organs recognised by their structure
        ("市委常委、常务副市长王立新主持会议。", [("王立新", "市委常委、常务副市长")]),
        ("市政府党组成员、秘书长赵明出席。", [("赵明", "市政府党组成员、秘书长")]),
        ("高新区党工委书记孙志刚介绍了情况。", [("孙志刚", "高新区党工委书记")]),
        ("市一级巡视员钱宏伟参加调研。", [("钱宏伟", "市一级巡视员")]),
        ("会上，县经信局局长冯涛作了汇报。", [("冯涛", "县经信局局长")]),
        ("桐城市委常委、副市长吴敏调度工作。", [("吴敏", "桐城市委常委、副市长")]),
        (
            "市人大常委会副主任、市新材料产业链副链长郑凯出席。",
            [("郑凯", "市人大常委会副主任、市新材料产业链副链长")],
        ),
        # a body named by how it ends (领导小组), with a long name, holds an office
        (
            "县委书记、县招商引资工作领导小组组长马腾飞出席。",
            [("马腾飞", "县委书记、县招商引资工作领导小组组长")],
        ),
        ("市重点项目建设工作小组副组长林峰作汇报。", [("林峰", "市重点项目建设工作小组副组长")]),
        # several names after one post
        ("副市长黄晓丽、何军出席。", [("黄晓丽", "副市长"), ("何军", "副市长")]),
        # what precedes the post in its clause is no part of it
        ("签约仪式上县委副书记陈刚宣布了名单。", [("陈刚", "县委副书记")]),
        # the post around or after the name, and the question-and-answer form
        ("市委周建华书记出席并讲话。", [("周建华", "市委书记")]),
        ("李建军委员建议，要组建招商队伍。", [("李建军", "委员")]),
        (
            "记者：今年有何打算？\n县工信局局长孙国庆：我们将抓好项目。",
            [("孙国庆", "县工信局局长")],
        ),
    ],
)
def test_posts_by_their_structure(text, expected):
    assert [(f["text"], f["measure"]) for f in facts(text, "official")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "每条产业链由一名市领导任链长，负责人担任副链长。",  # verbs and posts are no names
        "部分成员单位向市政府递交责任状。",  # 成员 needs an organ
        "各级领导干部要带头，委员们认为要抓招商。",
        "全面推行链长制以来，成效明显。",  # a system, not the office 链长
        "市领导小组办公室要加强统筹。",  # a body, not the office 领导
    ],
)
def test_no_official_without_a_name(text):
    assert facts(text, "official") == []


def test_every_mention_of_an_official_is_counted():
    text = "县委书记刘明出席。刘明指出，要抓项目。刘明要求，要抓招商。"
    liu = facts(text, "official")
    assert [(f["text"], f["measure"], f["detail"]["post_stated"]) for f in liu] == [
        ("刘明", "县委书记", True),
        ("刘明", "县委书记", False),
        ("刘明", "县委书记", False),
    ]
    assert {f["detail"]["mentions"] for f in liu} == {3}
    # a shorter name inside a longer one is not its mention
    both = facts("县委副书记李建主持。副县长李建军出席。李建指出，要抓项目。", "official")
    assert [(f["text"], f["detail"]["mentions"]) for f in both] == [
        ("李建", 2),
        ("李建军", 1),
        ("李建", 2),
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # 向 is a surname as well as a preposition; 以及 joins a list
        (
            "县政协主席向丽君，县委常委、常务副县长李文斌以及各部门负责人参加。",
            [("向丽君", "县政协主席"), ("李文斌", "县委常委、常务副县长")],
        ),
        # a list of names each followed by its office
        (
            "传达市委周建华书记、马卫东市长关于产业链发展的讲话精神。",
            [("周建华", "市委书记"), ("马卫东", "市长")],
        ),
        # a preposition after a post is no name
        ("市长向大会作报告。", []),
    ],
)
def test_names_that_look_like_other_words(text, expected):
    assert [(f["text"], f["measure"]) for f in facts(text, "official")] == expected
