"""Figures as the articles write them, normalized."""

import pytest

from helpers.nlp.facts.numbers import parse_number


@pytest.mark.parametrize(
    "text,measure,expected",
    [
        ("855.04亿元", "产业链规上企业产值", (8.5504e10, "元")),
        ("三千亿元", None, (3e11, "元")),
        ("2亿美元", "实际利用外资", (2e8, "美元")),  # dollars stay dollars
        ("3000亿级", "食品全产业链", (3e11, "元")),  # 级: a scale of output
        ("千亿", "工业", (1e11, "元")),  # a bare magnitude whose measure is money
        ("1万亿", "动态项目储备库", (1e12, "元")),
        ("3840亿", "地区生产总值", (3.84e11, "元")),
        ("5万", "新增就业", (5e4, "")),  # ... or a count
        ("千亿", None, (1e11, "")),
        ("8.1%", "地区生产总值增长", (0.081, "ratio")),
        ("0.4个百分点", None, (0.004, "ratio")),
        ("24个", "项目", (24, "个")),  # a count in its unit
        ("300余人", "带动就业", (300, "人")),  # an approximate one
        ("30万吨", "年产能", (3e5, "吨")),  # a quantity
        ("2021年", None, None),
    ],
)
def test_parse_number(text, measure, expected):
    assert parse_number(text, measure) == (pytest.approx(expected) if expected else None)
