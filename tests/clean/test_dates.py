"""Dates read from the text."""

import pytest

from helpers.clean.dates import dates_agree, find_date

LEAD = "会议强调，要把产业链建设作为重中之重，全力以赴抓项目、抓招商、抓企业。"


@pytest.mark.parametrize(
    "text, date",
    [
        ("發布: 2020-09-29 14:29:00\n正文", "2020-09-29"),  # portal stamp
        ("发布时间：2021/3/5", "2021-03-05"),
        ("宜宾召开大会\n2022-07-28 08:57:10\n" + LEAD, "2022-07-28"),  # header timestamp, no label
        ("宜宾召开大会\n2022-07-28 08:57\n" + LEAD, "2022-07-28"),
        ("宜宾召开大会\n作者:李明 来源:宜宾新闻网 2021/3/3\n" + LEAD, "2021-03-03"),
        ("宜宾召开大会\n2021年3月3日 星期三\n" + LEAD, "2021-03-03"),
        ("第3版：综合新闻 总第5123期 >2021-05-10编印\n某县召开大会\n" + LEAD, "2021-05-10"),
        (
            "某县召开大会\n" + LEAD + "\n发布日期：2023-04-18",
            "2023-04-18",
        ),  # a labelled stamp in the footer
        (
            "2020年9月2日,市委书记蒿慧杰向企业代表颁奖，全市上下要鼓足干劲、奋勇争先。",
            "2020-09-02",
        ),  # dateline
        (
            "2020年8月31日至9月2日,市委书记带队观摩，全市重点项目建设成效明显、亮点纷呈。",
            "2020-09-02",
        ),  # a span
        # A year in the body never dates the article, with or without a day beside it:
        ("标题\n5月10日，全市召开大会，部署产业链工作，到2025年全市工业产值要突破三千亿元。", None),
        ("标题\n会议指出，自2021年8月以来，全市产业链建设取得新进展，成效明显，亮点纷呈。", None),
        ("自2023年以來……2024年是我市產業鏈建設的攻堅之年，全市上下要鼓足干勁。", None),
        ("暨2019年度綜合考評講評大會。8月31日至9月2日，市委書記帶隊觀摩重點項目。", None),
        (
            "加快发展、时不我待,千亿工业、全新启航。8月14日,云阳召开动员大会，全县上下鼓足干劲。",
            None,
        ),
        ("虎年首个工作日", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize(
    "text, year, file_name, date",
    [
        (
            "标题\n8月14日，云阳召开大会，部署产业链工作，全县上下要鼓足干劲。",
            "2020",
            "",
            "2020-08-14",
        ),  # catalog year
        (
            "标题\n8月14日，云阳召开大会，部署产业链工作，全县上下要鼓足干劲。",
            None,
            "yunyang-2020-rally.txt",
            "2020-08-14",
        ),
        (
            "标题\n会议指出，全市产业链建设取得新进展，成效明显，亮点纷呈，全市上下要鼓足干劲。",
            None,
            "luohe-2020-09-02-key-projects-review.txt",
            "2020-09-02",
        ),  # the file name's date
        (
            "标题\n2022-07-28 08:57\n" + LEAD,
            None,
            "x-2020-01-01.txt",
            "2022-07-28",
        ),  # the page's own date wins
        (
            "标题\n到2025年，全市要突破三千亿元，全市上下要鼓足干劲、奋勇争先。",
            "2021",
            "",
            None,
        ),  # nothing to complete
    ],
)
def test_find_date_completes_a_day_only_with_a_year_stated_outside_the_body(
    text, year, file_name, date
):
    assert find_date(text, year, file_name) == date


@pytest.mark.parametrize(
    "first, second, agree",
    [
        ("2020-09-29", "2020-09-29", True),
        ("2024", "2024-07-15", True),
        ("2020-09-28", "2020-09-29", False),
        ("2023", "2024", False),
    ],
)
def test_dates_agree(first, second, agree):
    assert dates_agree(first, second) is agree
