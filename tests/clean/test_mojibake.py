"""The mojibake repair: GBK read one byte out of step, repaired from its bytes and glosses."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from helpers import config
from helpers.clean.articles import load_file
from helpers.clean.decode import read_text
from helpers.clean.errata import apply_errata
from helpers.clean.glosses import remove_pinyin_glosses
from helpers.clean.mojibake import MARGIN, Repaired, mojibake_audit, repair_mojibake
from helpers.clean.sources import Sources, load_sources
from helpers.clean.split import split_articles
from helpers.clean.steps import PREPARE_STEPS, run_steps
from tests.conftest import SEED_CHECKSUMS

GLOSSING_FILES = [
    "hengyang-2020-09-29-industrial-chain-rally.txt",
    "hengyang-2024-industrial-chain-commentary.txt",
]
HAN = re.compile("[\u4e00-\u9fff]")


def garble(text: str, start: int, spurious_gloss: bool = False) -> str:
    """``text`` with the first GBK byte of ``text[start]`` lost, as the errata file's evidence
    describes: the lost byte shows as ``?``, the bytes after it are read one byte out of step
    until an ASCII byte, which a lone last byte swallows into a second ``?``; ``！`` comes out
    as ``!``. With ``spurious_gloss``, the republisher glossed the character the lost byte
    made with the byte before it, and that gloss's bracket went into the first ``?``."""
    data = text[start:].encode("gbk")
    shifted, position = [], 1
    while position < len(data):
        if data[position] < 0x80:  # an ASCII byte: a second byte read alone, back in step after it
            shifted.append(chr(data[position]))
            position += 1
            break
        if position + 1 < len(data) and data[position + 1] >= 0x40:
            shifted.append(data[position : position + 2].decode("gbk"))
            position += 2
            continue
        shifted.append("?")  # a lone byte and the ASCII byte after it, read as one bad pair
        position += 2
        break
    head = "?"
    if spurious_gloss:
        spurious = (text[start - 1].encode("gbk")[-1:] + data[:1]).decode("gbk")
        head += pinyin(spurious, style=Style.TONE)[0][0] + ")"
    return text[:start] + head + "".join(shifted).replace("！", "!") + data[position:].decode("gbk")


def test_the_garbler_makes_the_errata_runs():
    assert garble("落實“六保”任務(wù)的", 4) == "落實“六?!比蝿?wù)的"
    assert garble("強化鏈式思維,鏈條", 3, spurious_gloss=True) == "強化鏈?zhǔn)剿季S,鏈條"
    assert garble("以鏈式發(fā)展激活", 2, spurious_gloss=True) == "以鏈?zhǔn)桨l(fā)展激活"


def prepared(name: str) -> list[str]:
    """The articles of a raw file as the repair sees them (decoded, the first steps run)."""
    raw = read_text(config.RAW_DATA_DIR / name)[0]
    return [run_steps(chunk, PREPARE_STEPS)[0] for chunk in split_articles(raw)]


@pytest.mark.parametrize("name", GLOSSING_FILES)
def test_without_errata_the_repair_makes_the_errata_repairs(name):
    corrections = load_sources(config.RAW_DATA_DIR).corrections(name)
    for text in prepared(name):
        repaired = repair_mojibake(text)
        assert repaired.text == apply_errata(text, corrections)
        assert len(repaired.repairs) == len(corrections) == 2 and repaired.left == []
        for repair, erratum in zip(repaired.repairs, corrections):
            # Each repair is its erratum's, written without the context the erratum quotes.
            assert repair.garbled in erratum.garbled and repair.repair in erratum.repair
            assert repair.margin >= MARGIN
            assert repair.evidence.startswith(f"The GBK bytes of {repair.repair} (")


@pytest.mark.parametrize("name", GLOSSING_FILES)
def test_articles_cleaned_without_errata_equal_those_cleaned_with_them(name):
    path = config.RAW_DATA_DIR / name
    with_errata, without = load_file(path), load_file(path, Sources())
    assert [article.text for article in without] == [article.text for article in with_errata]
    assert [article.text_original for article in without] == [
        article.text_original for article in with_errata
    ]
    audit = {row["step"]: row for row in without[0].audit}
    assert audit["errata"]["changes"] == 0 and audit["mojibake-repaired"]["changes"] == 2
    assert audit["mojibake-remaining"]["changes"] == 0
    assert audit["mojibake-repaired"]["examples"].count("(evidence: The GBK bytes of ") == 2
    assert {row["step"]: row for row in with_errata[0].audit}["mojibake-repaired"]["changes"] == 0


def test_the_evidence_names_bytes_glosses_and_margin():
    text = prepared("hengyang-2020-09-29-industrial-chain-rally.txt")[0]
    evidence = {repair.repair: repair.evidence for repair in repair_mojibake(text).repairs}
    assert evidence["保”任務"].startswith(
        "The GBK bytes of 保”任務 (b1 a3 a1 b1 c8 ce 84 d5) read one byte out of "
        "step give ?!比蝿?wù); lost byte b1 and the last byte d5"
    )
    assert "glosses checked: wù = 務; score margin 1.2 (natural log) over " in evidence["保”任務"]
    assert "no gloss to check" in evidence["。”鄧群策強調"]


OTHER_TEXT = [  # glossed Traditional sentences written for the test, none from the seed corpus
    "加快推進(jìn)數字經(jīng)濟與實體經(jīng)濟深度融合,培育壯大新興產(chǎn)業(yè)。",
    "全力打造(zào)先進(jìn)製造業(yè)集群,讓營(yíng)商環(huán)境持續(xù)優(yōu)化。",
    "我們要堅持以人民為中心的發(fā)展思想,推動(dòng)高質(zhì)量發(fā)展取得新成效。",
    "市委書(shū)記強調(diào),要把項目建設作為經(jīng)濟工作的生命線(xiàn)。",
    "今年以來(lái),全市規模以上工業(yè)增加值同比增長(zhǎng)百分之八。",
]


@pytest.mark.parametrize(
    ("sentence", "start", "spurious_gloss"),
    [
        (OTHER_TEXT[0], 3, False),
        (OTHER_TEXT[0], 21, True),
        (OTHER_TEXT[0], 38, False),  # 推進, 實體, 壯大
        (OTHER_TEXT[1], 17, False),
        (OTHER_TEXT[1], 43, True),  # 製造業, 持續
        (OTHER_TEXT[2], 8, False),
        (OTHER_TEXT[2], 22, True),  # 民為, 推動
        (OTHER_TEXT[3], 9, False),
        (OTHER_TEXT[3], 21, False),  # 強調 (no gloss beside 項目建設)
        (OTHER_TEXT[4], 2, True),
        (OTHER_TEXT[4], 27, False),  # 以來, 增長
    ],
)
def test_garbling_of_other_text_is_repaired(sentence, start, spurious_gloss):
    garbled = garble(sentence, start, spurious_gloss)
    assert garbled != sentence
    repaired = repair_mojibake(garbled)
    assert len(repaired.repairs) == 1
    # The repair drops the glosses it read as checksums; the gloss step drops the others.
    assert remove_pinyin_glosses(repaired.text) == remove_pinyin_glosses(sentence)


def test_most_garbling_of_other_text_is_repaired_and_none_wrongly():
    outcomes = []
    for sentence in OTHER_TEXT:
        for start in range(1, len(sentence)):
            if HAN.match(sentence[start]) and HAN.match(sentence[start - 1]):
                try:
                    repaired = repair_mojibake(garble(sentence, start))
                except UnicodeDecodeError:  # a shifted pair that is no GBK character
                    continue
                if repaired.repairs:
                    outcomes.append(
                        remove_pinyin_glosses(repaired.text) == remove_pinyin_glosses(sentence)
                    )
    assert all(outcomes) and len(outcomes) >= 55


def test_a_run_with_too_little_evidence_is_left_with_its_best_readings():
    # The errata file's first run without its article: no “六穩” beside it, no 确保 in the
    # text, so nothing tells 保 from 常 or 粒; only 務 is certain, from its gloss.
    garbled = "落實“六?!比蝿?wù)的必然要求"
    repaired = repair_mojibake(garbled)
    assert repaired.text == garbled and repaired.repairs == []
    [left] = repaired.left
    assert left.garbled == "?!比蝿?wù)" and left.margin < MARGIN
    best = re.findall("(\\S+任務) [+-][0-9.]+;", left.evidence)
    assert left.evidence.startswith("best readings: ") and len(best) == 3
    assert {reading[1:] for reading in best} == {"”任務"} and "常”任務" in best
    row = mojibake_audit(repaired)
    assert row["changes"] == 0 and row["examples"].startswith(
        "?!比蝿?wù) → ?!比蝿?wù) (evidence: not repaired: "
    )


def test_a_run_whose_lost_last_byte_swallowed_no_gloss_is_not_this_mojibake():
    # A breadcrumb of the seed corpus: no gloss tells what the second ? swallowed.
    text = "當前頁面: 首頁??>?政務(wù)公開?>?解讀回應"
    assert repair_mojibake(text) == Repaired(text, [], [])


@pytest.mark.parametrize("name", sorted(SEED_CHECKSUMS))
def test_the_clean_seed_articles_are_unchanged(name):
    corrections = load_sources(config.RAW_DATA_DIR).corrections(name)
    for text in prepared(name):
        cleaned = apply_errata(text, corrections)
        assert repair_mojibake(cleaned) == Repaired(cleaned, [], [])


CLEAN_PIECES = sorted(
    {
        piece
        for name in GLOSSING_FILES
        for text in prepared(name)
        for piece in re.split(
            "(?<=[。,;])", apply_errata(text, load_sources(config.RAW_DATA_DIR).corrections(name))
        )
        if piece
    }
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(CLEAN_PIECES), min_size=1, max_size=6),
    st.lists(st.sampled_from(["?", "", "\n", "GDP", "(chǎn)", "!"]), min_size=6, max_size=6),
)
def test_clean_text_is_unchanged(pieces, joints):
    text = "".join(piece + joint for piece, joint in zip(pieces, joints))
    assert repair_mojibake(text).text == text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("產業鏈發展強化思維衡陽市(ǎ)chn,。“”!GDP5 \n"), max_size=40)
)
def test_text_without_a_lost_byte_is_unchanged(text):
    assert repair_mojibake(text) == Repaired(text, [], [])


def test_margin_calibration():
    """The margin's justification, measured: runs garbled at random places of the glossing
    articles are mostly repaired, and few wrongly (the numbers of ``MARGIN``'s comment)."""
    texts = [
        apply_errata(text, load_sources(config.RAW_DATA_DIR).corrections(name))
        for name in GLOSSING_FILES
        for text in prepared(name)
    ]
    rng = random.Random(1)
    right = wrong = runs = 0
    for _ in range(1500):
        text = rng.choice(texts)
        start = rng.randrange(1, len(text) - 1)
        spurious_gloss = rng.random() < 0.3
        if not (HAN.match(text[start]) and HAN.match(text[start - 1])):
            continue
        try:
            garbled = garble(text, start, spurious_gloss)
        except UnicodeDecodeError:  # the spurious character is no GBK character
            continue
        repaired = repair_mojibake(garbled)
        runs += bool(repaired.repairs or repaired.left)
        if repaired.repairs:
            if remove_pinyin_glosses(repaired.text) == remove_pinyin_glosses(text):
                right += 1
            else:
                wrong += 1
    assert runs > 250 and right > 0.8 * runs and wrong < 0.05 * (right + wrong), (
        runs,
        right,
        wrong,
    )
    assert wrong > 0  # names and quotations the dictionary cannot tell: why MARGIN is not lower
