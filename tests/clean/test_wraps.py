"""Hard wraps are joined; real paragraph breaks and headings stay."""

import pytest

from helpers import config
from helpers.clean.bylines import remove_bylines
from helpers.clean.decode import read_text
from helpers.clean.steps import GLOSS_STEP, PREPARE_STEPS
from helpers.clean.wraps import join_hard_wraps


@pytest.mark.parametrize(
    "raw, expected",
    [
        # The 2022 Hengyang file breaks inside words across blank lines:
        (
            "引进一批基础性、战略性、牵引性强的大项目、好项\n\n目;要瞄准短板招商。",
            "引进一批基础性、战略性、牵引性强的大项目、好项目;要瞄准短板招商。",
        ),
        (
            "秦国文强调,全市上下思想要“聚力中心”形成共识,以“中心”为目标,朝\n\n着“中心”努力奋斗。",
            "秦国文强调,全市上下思想要“聚力中心”形成共识,以“中心”为目标,朝着“中心”努力奋斗。",
        ),
        (
            "朱健强调,要进一步明晰干事创业、\n\n追求卓越的价值导向。",
            "朱健强调,要进一步明晰干事创业、追求卓越的价值导向。",
        ),
        (
            "在稳住基本盘的基础上,促进产业链向两端延伸、向尖端布局、向高端攀升,聚力打造区域经中\n\n心、消费中心。",
            "在稳住基本盘的基础上,促进产业链向两端延伸、向尖端布局、向高端攀升,聚力打造区域经中心、消费中心。",
        ),
        # Real paragraph breaks stay:
        (
            "鄧群策還就做好當前各項工作作了安排部署。\n\n朱健作動員報告。",
            "鄧群策還就做好當前各項工作作了安排部署。\n朱健作動員報告。",
        ),
        (
            "相關鏈接:\n根據分解表顯示,將重點培育14條產業鏈,分別是:\n生態綠色食品產業鏈。",
            "相關鏈接:\n根據分解表顯示,將重點培育14條產業鏈,分別是:\n生態綠色食品產業鏈。",
        ),
        (
            "“当前,衡阳要狠抓营商环境建设。”\n邓群策强调。",
            "“当前,衡阳要狠抓营商环境建设。”\n邓群策强调。",
        ),
        (
            "朱健主持\n虎年首个工作日,我市召开大会。",
            "朱健主持\n虎年首个工作日,我市召开大会。",
        ),  # short heading
        (
            "一、坚持项目为王\n要围绕上级政策谋划项目。",
            "一、坚持项目为王\n要围绕上级政策谋划项目。",
        ),  # enumerated heading
        (
            "要把握发展大势,加快推进产业链建设,推动经济社会\n二、强化支撑保障。",
            "要把握发展大势,加快推进产业链建设,推动经济社会\n二、强化支撑保障。",
        ),
        (
            "要把握发展大势,加快推进产业链建设,推动经济社会\n(记者 陈润)",
            "要把握发展大势,加快推进产业链建设,推动经济社会\n(记者 陈润)",
        ),
        (
            "全年地区生产总值达到了很高的水平,总额为3840\n亿元。",
            "全年地区生产总值达到了很高的水平,总额为3840亿元。",
        ),
        # A short comma-free fragment carries on when the next line cannot stand alone:
        (
            "要把产业链建设作为\n\n核心任务。",
            "要把产业链建设作为核心任务。",
        ),  # one clause completes it
        (
            "各项工作取得\n\n了显著成效,全市经济稳中向好。",
            "各项工作取得了显著成效,全市经济稳中向好。",
        ),  # opens with 了
        (
            "要推动产业链上下游的\n\n企业协同发展,形成集群。",
            "要推动产业链上下游的企业协同发展,形成集群。",
        ),  # ends with 的
        # ... and stays a heading above a paragraph (the 2022 Hengyang file's subtitles):
        (
            "我市召开民营企业座谈会\n\n2月7日新春上班第一天,市委召开座谈会。",
            "我市召开民营企业座谈会\n2月7日新春上班第一天,市委召开座谈会。",
        ),
        (
            "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务\n\n市政府 2022 年第一次全会召开 朱健出席并讲话\n\n"
            "2月7日下午,市政府2022年第一次全会召开。",
            "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务\n市政府 2022 年第一次全会召开 朱健出席并讲话\n"
            "2月7日下午,市政府2022年第一次全会召开。",
        ),
        # No join at a Latin letter or a bracket, where it could glue a pinyin gloss together:
        (
            "要把握发展大势,加快推进产业链建设,推动经济社会中(\nzhōng)发展。",
            "要把握发展大势,加快推进产业链建设,推动经济社会中(\nzhōng)发展。",
        ),
        (
            "要把握发展大势,加快推进产业链建设,推动经济社会中(zh\nōng)发展。",
            "要把握发展大势,加快推进产业链建设,推动经济社会中(zh\nōng)发展。",
        ),
        (
            "要把握发展大势,加快推进产业链建设,推动5G\n网络建设。",
            "要把握发展大势,加快推进产业链建设,推动5G\n网络建设。",
        ),
        ("\n\n  \n", ""),
    ],
)
def test_join_hard_wraps(raw, expected):
    assert join_hard_wraps(raw) == expected


def _prepared(name: str) -> str:
    """A raw file as the hard-wrap step would see it, headlines and all (no split, no headers taken off)."""
    text = read_text(config.RAW_DATA_DIR / name)[0]
    for step in (*PREPARE_STEPS, GLOSS_STEP):
        text = step.func(text)
    return remove_bylines(text)


def test_the_2022_file_keeps_its_headlines_and_joins_its_seven_wraps():
    log = []
    joined = join_hard_wraps(_prepared("hengyang-2022-02-07-three-articles.txt"), log)
    assert [seam for seam, _ in log] == [
        "目标,朝\n着“中心",
        "目、好项\n目;要瞄",
        "政企合同\n审查,全",
        "经济社会\n发展,统",
        "事创业、\n追求卓越",
        "结拼搏的\n精神品质",
        "区域经中\n心、消费",
    ]
    lines = joined.split("\n")
    for headline in [
        "“聚力中心”科学布局产业 高效推进项目 做大做强园区",
        "朱健主持",
        "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务",
        "市政府 2022 年第一次全会召开 朱健出席并讲话",
        "推动有效市场和有为政府更好结合 引领新时代民营经济实现新飞跃",
        "我市召开民营企业座谈会",
    ]:
        assert headline in lines


def test_joins_are_logged_with_the_seam():
    log = []
    join_hard_wraps("引进一批基础性、战略性、牵引性强的大项目、好项\n\n目;要瞄准短板招商。", log)
    assert log == [("目、好项\n目;要瞄", "目、好项目;要瞄")]


@pytest.mark.parametrize(
    "text", ["0\n0\n。", "要把\n产业\n链。", "朱健主持\n\n要把产业链建设作为\n\n核心任务。"]
)
def test_joining_is_idempotent_when_one_join_enables_another(text):
    once = join_hard_wraps(text)
    assert join_hard_wraps(once) == once
