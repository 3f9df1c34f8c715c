"""Glosses a reader without Chinese relies on: places by their pinyin name, people in pinyin,
counts and slogan formulas by their shape, chain names in their domain sense (sentence or term
in, English out)."""

import pytest

from helpers.report import labels, names, synthesis
from helpers.report.gloss import cedict, english
from helpers.report.labels import place_label, text_gloss, with_glosses


@pytest.fixture
def officials(monkeypatch):
    """The corpus's officials, as extraction over the built corpus would have found them."""
    monkeypatch.setattr(names, "corpus_officials", lambda: frozenset({"黄海涛", "程立新"}))


@pytest.fixture
def no_officials(monkeypatch):
    monkeypatch.setattr(names, "corpus_officials", lambda: frozenset())


@pytest.mark.parametrize(
    "term,name",
    [
        ("宜宾市", "Yibin"),  # CC-CEDICT: "Yibin, prefecture-level city in Sichuan"
        ("宜宾", "Yibin"),
        ("柳州市", "Liuzhou"),
        ("金寨县", "Jinzhai"),  # CC-CEDICT: "Jinzhai county in Lu'an ..., Anhui"
        ("云阳县", "Yunyang"),
        ("漯河市", "Luohe"),  # pypinyin misreads 漯: place_pinyin.csv
        ("沛县", "Peixian"),  # a one-character stem keeps its suffix
        ("六安市", "Lu'an"),  # a syllable starting with a vowel set off as pinyin writes it
    ],
)
def test_a_place_is_named_by_its_pinyin_the_same_way_for_all(term, name):
    assert english(term) == name
    assert labels.gloss(term) == name
    assert place_label(term) == f"{term} ({name})"


def test_report_file_names_read_places_the_same_way_in_ascii():
    from helpers.report.listing import locality_names

    assert locality_names(["六安市", "宜宾市"]) == {"六安市": "luan", "宜宾市": "yibin"}


@pytest.mark.parametrize(
    "term,gloss",
    [("城区", "city district"), ("平安", "safe and sound"), ("产业", "industry")],
)
def test_a_division_name_that_is_an_ordinary_word_keeps_the_word(term, gloss):
    assert english(term) == gloss


def test_enumerations_of_places_carry_no_stray_commas():
    assert synthesis._places(["宜宾市", "衡阳市", "金寨县"])[0] == "Yibin, Hengyang and Jinzhai"
    assert text_gloss("宜宾市召开推进会").startswith("Yibin to convene")


def test_an_official_found_by_extraction_in_the_sentence_reads_in_pinyin(no_officials):
    glossed = text_gloss("县长程立新主持会议。程立新要求各村落实")
    assert glossed == (
        "county head Cheng Lixin to take charge of meeting. "
        "Cheng Lixin to request each village to implement"
    )


def test_an_official_found_elsewhere_in_the_corpus_reads_in_pinyin(officials):
    assert text_gloss("黄海涛强调，要坚持") == "Huang Haitao to emphasize, to persevere with"
    assert text_gloss("程立新要求各村落实") == "Cheng Lixin to request each village to implement"


def test_a_surname_before_a_tagged_given_name_is_one_name(no_officials):
    # 黄 "yellow" + 海涛 (a person's name to the tagger): the segmenter cut one name apart
    assert text_gloss("黄海涛主持会议") == "Huang Haitao to take charge of meeting"
    # false friends: 黄 inside a word, and a conjunction before a name
    assert text_gloss("黄色的灯") == "yellow lamp"
    assert text_gloss("和李明一起").startswith("Li Ming")


@pytest.mark.parametrize(
    "term,gloss",
    [
        ("一企一策", "one policy per enterprise"),
        ("一企一专班", "one task force per enterprise"),
        ("一村一品", "one product per village"),
        ("一号工程", "number one engineering project"),
        ("工业强市", "a strong city through industry"),
        ("工业强□", "a strong locality through industry"),  # the formula of 工业强市 / 工业强县
        ("四大", "four major"),  # a count, not CC-CEDICT's "the four freedoms"
        ("五条", "five"),
        ("十大", "ten major"),
        ("一个时期", "one period"),  # one takes the singular
        ("两条产业链", "two industrial chains"),
        ("数字经济", "digital economy"),
        ("智能终端", "smart devices"),
        ("轻纺", "light industry and textiles"),
        ("动力电池", "power batteries"),
        ("数字产业", "digital industries"),  # the domain sense of 数字 without a glossary entry
    ],
)
def test_slogans_counts_and_chain_names(term, gloss):
    assert english(term) == gloss


def test_a_named_enumeration_with_its_head_stays_the_dictionarys():
    assert english("三个代表").startswith("the Three Represents")


@pytest.mark.parametrize(
    "character,sense", [("强", "strong"), ("兴", "to flourish"), ("立", "to establish")]
)
def test_single_characters_of_slogans_take_their_domain_sense(character, sense):
    assert cedict(character) == sense


@pytest.mark.parametrize(
    "sentence,gloss",
    [
        ("实施四大行动", "to implement four major operations"),
        ("建设工业强市", "to construct a strong city through industry"),  # 工业 强市 rejoined
        ("把一号工程抓实", "number one engineering project to grab real"),
        ("坚持项目为王", "to persevere with projects are king"),
    ],
)
def test_sentences_gloss_slogans_and_counts_whole(sentence, gloss, no_officials):
    assert text_gloss(sentence) == gloss


def test_the_gloss_of_a_formula_follows_its_open_place():
    assert with_glosses("工业强□ in 宜宾市") == (
        "工业强□ (a strong locality through industry) in 宜宾市 (Yibin)"
    )


def test_a_bracket_after_a_term_that_is_no_gloss_does_not_stop_its_gloss():
    assert with_glosses("云阳县 and 漯河市 (cosine 0.33)") == (
        "云阳县 (Yunyang) and 漯河市 (Luohe) (cosine 0.33)"
    )
    assert with_glosses("衡阳市 (Hengyang) and 产业链 (industrial chain)") == (
        "衡阳市 (Hengyang) and 产业链 (industrial chain)"
    )
