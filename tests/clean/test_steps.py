"""The normalization steps, one input/output table each, and the pipeline as a whole."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.clean.steps import (
    BODY_STEPS,
    GLOSS_STEP,
    PREPARE_STEPS,
    Step,
    clean_text,
    decode_html_entities,
    make_pipeline,
    normalize_newlines,
    normalize_punctuation,
    normalize_spaces,
    normalize_width,
    run_steps,
)
from tests.conftest import seed_paths


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("衡阳\r\n产业", "衡阳\n产业"),
        ("衡阳\r产业\r\n\r\n链", "衡阳\n产业\n\n链"),
        ("衡阳\u2028产业\u2029链", "衡阳\n产业\n链"),
        ("衡阳\n产业", "衡阳\n产业"),
    ],
)
def test_normalize_newlines(raw, expected):
    assert normalize_newlines(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("&ldquo;六稳&rdquo;", "“六稳”"),
        ("衡阳&nbsp;市", "衡阳\xa0市"),
        ("&amp;nbsp;", "\xa0"),  # double-escaped
        ("R&D投入", "R&D投入"),  # not an entity
        ("&#20135;&#x4e1a;", "产业"),
        ("&unknown;", "&unknown;"),
    ],
)
def test_decode_html_entities(raw, expected):
    assert decode_html_entities(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u3000\u3000衡阳市高新区", "衡阳市高新区"),  # ideographic indent
        ("衡阳\u200b市\ufeff", "衡阳市"),  # zero-width
        ("衡阳\xa0\xa0市", "衡阳 市"),  # non-breaking
        ("地\t址 ", "地 址"),
        (
            "重整行装振奋精神 担当使命砥砺作为",
            "重整行装振奋精神 担当使命砥砺作为",
        ),  # headline phrases stay apart
        ("a\x07b", "ab"),
    ],
)
def test_normalize_spaces(raw, expected):
    assert normalize_spaces(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("鄧群策:舉全市之力,堅決打贏", "鄧群策：舉全市之力，堅決打贏"),
        ("好项目;要瞄准短板招商", "好项目；要瞄准短板招商"),
        ("以“中心”为目标,,朝着", "以“中心”为目标，朝着"),  # doubled comma
        ("增长8.1%。。", "增长8.1%。"),  # doubled full stop
        ("发展,, 统筹", "发展，统筹"),
        ("发布: 2020-09-29 14:29:00", "发布：2020-09-29 14:29:00"),  # the clock keeps its colons
        ("产值1,000亿元", "产值1,000亿元"),  # thousands separator
        ('錨定"三高四新"美好藍圖', "錨定“三高四新”美好藍圖"),
        ('"農業+""製造業+""+旅遊"文章', "“農業+”“製造業+”“+旅遊”文章"),
        ("办法(试行)", "办法（试行）"),
        ("生产总值(GDP)", "生产总值（GDP）"),
        ("发展(5G)产业", "发展（5G）产业"),
        ("TEL:+86 (734) 882 8281", "TEL:+86 (734) 882 8281"),  # not Chinese: unchanged
        ("……——", "……——"),  # ellipsis and dash are not doubles
        ("六?!比", "六?!比"),  # mojibake stays visible
        ("干起来!", "干起来！"),
        ("Hello, world: yes!", "Hello, world: yes!"),
    ],
)
def test_normalize_punctuation(raw, expected):
    assert normalize_punctuation(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ＧＤＰ增长２０２０", "GDP增长2020"),
        ("中（ｚｈōｎｇ）", "中（zhōng）"),
        ("，。（）", "，。（）"),  # full-width punctuation stays
        ("达８５５．０４亿元", "达855.04亿元"),  # a decimal point inside a number
        ("增长１２．５％", "增长12.5%"),
        ("“１＋８＋Ｎ”体系", "“1+8+N”体系"),
        ("２０２２－０７－２８ ０８：５７", "2022-07-28 08:57"),
        (
            "要求：抓项目／促发展",
            "要求：抓项目／促发展",
        ),  # between Chinese words, ： and ／ are punctuation
    ],
)
def test_normalize_width(raw, expected):
    assert normalize_width(raw) == expected


def test_full_width_figures_are_extracted_at_their_value(tmp_path):
    from helpers.clean.articles import load_file
    from helpers.clean.sources import Sources
    from helpers.nlp.analyse import analyse_text

    raw = tmp_path / "figures.txt"
    raw.write_text(
        "某市经济运行情况\n上半年全市规模工业总产值达８５５．０４亿元，同比增长１２．５％，"
        "构建“１＋８＋Ｎ”产业体系。\n",
        encoding="utf-8",
    )
    (article,) = load_file(raw, Sources())
    facts = analyse_text(article.article_id, article.text)["facts"]
    values = dict(zip(facts["text"], facts["value"]))
    assert values["855.04亿元"] == 85504000000.0 and values["12.5%"] == 0.125
    assert "1+8+N" in facts["text"]


def test_run_steps_logs_every_step_in_order():
    text, audit = run_steps("衡阳&nbsp;市\r\n", PREPARE_STEPS)
    assert text == "衡阳 市\n"
    assert [row["step"] for row in audit] == ["newlines", "html-entities", "spaces", "width"]
    assert [row["changes"] for row in audit] == [1, 1, 1, 0]
    assert audit[1]["examples"] == "&nbsp; → \xa0"


def test_make_pipeline_chains_in_order():
    pipeline = make_pipeline(decode_html_entities, normalize_spaces)
    assert pipeline("衡阳&nbsp;&nbsp;市") == "衡阳 市"


def test_every_step_has_a_unique_name():
    names = [step.name for step in (*PREPARE_STEPS, GLOSS_STEP, *BODY_STEPS)]
    assert len(names) == len(set(names))
    assert all(isinstance(step, Step) for step in (*PREPARE_STEPS, GLOSS_STEP, *BODY_STEPS))


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            "衡陽(héngyáng)產(chǎn)業(yè)鏈,,“六穩”(記者 陳潤)\r\n\r\n附件下載:",
            "衡陽產業鏈，“六穩”",
        ),
        (
            "新聞資訊\n欄目導航\n大力推行全產(chǎn)業(yè)鏈招商,切實加快項目建設進(jìn)度。",
            "大力推行全產業鏈招商，切實加快項目建設進度。",
        ),
        (
            "着力引进一批大项目、好项\n\n目;要瞄准短板招商。",
            "着力引进一批大项目、好项目；要瞄准短板招商。",
        ),
    ],
)
def test_clean_text_runs_every_step(raw, expected):
    assert clean_text(raw) == expected


# --- properties -------------------------------------------------------------------------


def _corpus_fragments() -> list[str]:
    """Short pieces of the real raw files: the characters and the dirt they carry."""
    fragments = []
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        fragments += [text[i : i + 7] for i in range(0, len(text), 97)]
    return fragments


_DIRT = [
    "(chǎn)",
    "(zhōngguó)",
    "(chuàng )",
    "(GDP)",
    "(5G)",
    "(记者 陈润)",
    "(试行)",
    "&nbsp;",
    "&amp;",
    "&ldquo;",
    "\r\n",
    "\n\n",
    "\u3000",
    "\u200b",
    "\xa0",
    ",,",
    "。。",
    '"',
    "?",
    "!",
    ":",
    "；",
    "衡阳晚报讯",
    "記者 王慶建 張 佩 攝",
    "附件下載:",
    "責任編輯:翟柯",
    "新聞資訊",
    "首页 > ",
    "一、",
    "好项",
    "目",
    "。",
    "，",
    "、",
    "(",
    ")",
    "（",
    "）",
    " ",
    "1,000",
    "14:29",
    "Ｇ",
    "——",
]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_DIRT + _corpus_fragments()), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(_DIRT), st.text(max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_clean_text_is_idempotent_and_never_raises(text):
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=500, deadline=None)
@given(texts)
def test_every_step_is_idempotent(text):
    for step in (*PREPARE_STEPS, GLOSS_STEP, *BODY_STEPS):
        once = step.func(text)
        assert step.func(once) == once, step.name
