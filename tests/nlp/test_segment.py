"""Segmentation: real sentences of the corpus, slogans and figures kept whole, offsets exact."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import config
from helpers.nlp import segment
from helpers.nlp.sentences import split_sentences

# Hengyang 2024 commentary, the figure for the first half of 2024.
OUTPUT_2024 = "2024年是我市产业链建设的攻坚之年，今年1—6月，我市产业链规上企业实现产值855.04亿元，其中有4条实现两位数增长。"
# Hengyang 2022, second article (市政府 2022 年第一次全会).
GDP_2021 = (
    "朱健指出，回望过去的2021年，我们以实干笃定前行，统筹疫情防控和经济社会发展，统筹发展和安全，"
    "主要经济指标连续三年保持高位增长，全年地区生产总值达3840亿元，增长8.1%，高出全省平均水平0.4个百分点，"
    "增速排一类市（州）第三，赢得了“十四五”的良好开局。"
)
YUNYANG_PLATFORM = "拓展空间布局，构建1个市级特色工业园区、5个中小企业集聚区、42个楼宇工业园的“1+5+42”工业发展平台。"
LUOHE_SYSTEM = "围绕编制好“十四五”规划和国土空间规划，做好产业体系的谋划打造和产业空间的布局落地，培育“1+8+N”漯河现代产业体系。"
HENGYANG_4X4 = "要突出规划引领，聚焦深度融入全省“4×4”现代化产业体系，科学编制产业链发展总体规划。"
HENGYANG_CORE = (
    "自2023年以来，我市锚定“三高四新”美好蓝图，全力实施“制造立市、文旅兴城”发展战略，"
    "“一核两电三色四新”十大产业为主导的15条产业链不断串“珠”成“链”。"
)


def test_a_sentence_with_a_figure_is_cut_as_expected():
    assert segment.cut(OUTPUT_2024) == [
        "2024年",
        "是",
        "我市",
        "产业链建设",
        "的",
        "攻坚",
        "之",
        "年",
        "今年",
        "1—6月",
        "我市",
        "产业链",
        "规上企业",
        "实现",
        "产值",
        "855.04亿元",
        "其中",
        "有",
        "4条",
        "实现",
        "两位数",
        "增长",
    ]


def test_figures_with_units_stay_whole():
    words = segment.cut(GDP_2021)
    assert words[words.index("生产总值") : words.index("0.4个百分点") + 1] == [
        "生产总值",
        "达",
        "3840亿元",
        "增长",
        "8.1%",
        "高出",
        "全省",
        "平均水平",
        "0.4个百分点",
    ]
    assert "2021年" in words and "十四五" in words


@pytest.mark.parametrize(
    "sentence,slogan",
    [
        (YUNYANG_PLATFORM, "1+5+42"),
        (LUOHE_SYSTEM, "1+8+N"),
        (HENGYANG_4X4, "4×4"),
        (HENGYANG_CORE, "三高四新"),
        (HENGYANG_CORE, "一核两电三色四新"),
    ],
)
def test_numbered_slogans_stay_whole(sentence, slogan):
    assert slogan in segment.cut(sentence)


@pytest.mark.parametrize(
    "sentence,formula",
    [
        # the corpus sentences with their quotation marks removed: a formula may run into Chinese
        (LUOHE_SYSTEM.replace("“1+8+N”", "1+8+N"), "1+8+N"),
        (YUNYANG_PLATFORM.replace("“1+5+42”", "1+5+42"), "1+5+42"),
        (HENGYANG_4X4.replace("“4×4”", "4×4"), "4×4"),
    ],
    ids=["1+8+N", "1+5+42", "4x4"],
)
def test_unquoted_formulas_followed_by_chinese_stay_whole(sentence, formula):
    assert formula in [sentence[a:b] for a, b in segment.slogan_spans(sentence)]
    words = segment.cut(sentence)
    assert formula in words and not {"1+8", "1+5", "N", "4"} & set(words)


def test_jieba_alone_would_split_them():
    # Why protection is needed: the bare tokenizer breaks digits and symbols apart.
    raw = segment.tokenizer().lcut(YUNYANG_PLATFORM)
    assert "1+5+42" not in raw and "42个" not in raw


def test_the_rest_of_a_sentence_is_cut_around_protected_spans():
    assert segment.cut(YUNYANG_PLATFORM) == [
        "拓展",
        "空间布局",
        "构建",
        "1个",
        "市级",
        "特色",
        "工业园区",
        "5个",
        "中小企业集聚区",
        "42个",
        "楼宇工业园",
        "的",
        "1+5+42",
        "工业",
        "发展",
        "平台",
    ]


def test_keep_protects_names_for_one_call_only():
    sentence = "县委书记张学锋作动员讲话，县委副书记、县长覃昌德安排部署工作。"
    assert segment.cut(sentence, keep=["张学锋", "覃昌德"]) == [
        "县委书记",
        "张学锋",
        "作",
        "动员",
        "讲话",
        "县委副书记",
        "县长",
        "覃昌德",
        "安排",
        "部署",
        "工作",
    ]
    assert "张学锋" not in segment.cut(sentence)  # the shared dictionary did not learn it


@pytest.mark.parametrize(
    "text,spans",
    [
        ("产值855.04亿元", ["855.04亿元"]),
        ("增长8.1%，高出0.4个百分点", ["8.1%", "0.4个百分点"]),
        ("打造3000亿级食品全产业链", ["3000亿级"]),
        ("力争动态项目储备库达到1万亿", ["1万亿"]),
        ("坚定千亿工业高质量发展目标", ["千亿"]),
        ("李万元等8位民营企业负责人", ["8位"]),  # 万元 inside a name is not money
    ],
)
def test_number_spans(text, spans):
    assert [text[a:b] for a, b in segment.number_spans(text)] == spans


def test_the_dictionary_is_loaded_once_with_its_cache_in_the_project():
    tk = segment.tokenizer()
    assert segment.tokenizer() is tk
    assert tk.tmp_dir == str(config.CACHE_DIR)
    assert (config.CACHE_DIR / segment.JIEBA_CACHE_NAME).is_file()


def test_user_dictionary_and_stopwords_are_package_data():
    assert "链主企业" in segment.cut("突出抓链主企业")
    assert "补链强链延链" in segment.cut("要把补链强链延链作为核心任务")
    assert {"的", "了", "和"} <= segment.stopwords()
    assert "产业链" not in segment.stopwords()


@pytest.mark.parametrize(
    "text,slogans",
    [
        # corpus phrases with their quotation marks removed: slogans are found without quotes too
        ("全面落实三高四新战略定位和使命任务", ["三高四新"]),
        ("一核两电三色四新十大产业为主导", ["一核两电三色四新"]),  # not 十大: a counted noun
        ("是做好六稳六保工作的必然要求", ["六稳六保"]),
        ("坚持一园一主、一园一特", ["一园一主", "一园一特"]),
        ("深入学习贯彻党的十九届六中全会精神", []),  # a numeral run is a number
        ("确保各条产业链一年打基础、两年见成效、三年成闭环", []),
        ("落实“三个区分开来”，建立“三张清单”", ["三个区分开来", "三张清单"]),  # quoted: taken whole
        ("坚持“工业立县、工业兴县、工业强县”战略", []),  # a quote, but no numbered slogan
        ("要对标“三湘民营企业百强榜”", []),  # starts with 三 but is a name
    ],
)
def test_slogan_spans(text, slogans):
    assert [text[a:b] for a, b in segment.slogan_spans(text)] == slogans


def _by_sentence(sentences, indexes, words):
    grouped = [[] for _ in sentences]
    for i, word in zip(indexes, words):
        grouped[i].append(word)
    return grouped


def test_one_jieba_call_cuts_every_sentence_of_the_corpus_as_if_alone(seed_articles):
    keep = ["秦国文", "张学锋"]
    for article in seed_articles:
        sentences = split_sentences(article.text)
        found = _by_sentence(sentences, *segment.sentence_words(article.text, sentences, keep))
        assert found == [segment.cut(s.text, keep) for s in sentences], article.article_id


def test_a_match_straddling_sentences_is_redone_per_sentence():
    # Straight quotes pair left to right across the whole text ("好。然后"), not per sentence.
    text = '他说"好。然后"三高四新"战略，增长8.1%。'
    sentences = split_sentences(text)
    assert segment.sentence_spans(text, sentences) == [
        [(start + s.start, end + s.start) for start, end in segment.protected_spans(s.text)]
        for s in sentences
    ]
    assert _by_sentence(sentences, *segment.sentence_words(text, sentences)) == [
        segment.cut(s.text) for s in sentences
    ]


@pytest.fixture(scope="module")
def corpus_texts(seed_articles):
    return [article.text for article in seed_articles]


def test_every_article_is_cut_as_jieba_cuts_it(corpus_texts):
    for text in corpus_texts:
        assert segment.jieba_cut(text) == segment.tokenizer().lcut(text)


# Derandomized: the same 600 texts every run. Ties between equally likely segmentations
# (see the next test) make rjieba and jieba differ about once in 20 million characters of
# such text, which random draws would turn into a rare, unexplained failure.
@settings(
    max_examples=600,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_recombined_and_random_text_is_cut_as_jieba_cuts_it(corpus_texts, data):
    # Slices of real articles glued in new orders meet the dictionary and the HMM at new
    # boundaries; characters of the corpus's alphabet, digits, letters, . _ - % and
    # characters only rjieba counts as Chinese make text no article holds.
    slices = st.tuples(
        st.sampled_from(corpus_texts), st.integers(0, 10**6), st.integers(1, 40)
    ).map(lambda t: t[0][t[1] % len(t[0]) :][: t[2]])
    alphabet = st.sampled_from(
        sorted(
            set("".join(corpus_texts)) | set(" \n\t0123456789aZ._-%+&#") | set("㐀䶮鿖鿿豈舘𠀀𠮷")
        )
    )
    pieces = data.draw(st.lists(st.one_of(slices, st.text(alphabet, max_size=8)), max_size=12))
    text = "".join(pieces)
    ours, theirs = segment.jieba_cut(text), segment.tokenizer().lcut(text)
    assert ours == theirs or is_documented_tie(ours, theirs), (ours, theirs)


def is_documented_tie(ours: list[str], theirs: list[str]) -> bool:
    """The two cuts differ only where jieba's own route scores them exactly alike: the same
    text, as many words, the same sum of log frequencies (see the next test)."""
    start = next(i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b)
    end = next(i for i, (a, b) in enumerate(zip(reversed(ours), reversed(theirs))) if a != b)
    mine, jiebas = ours[start : len(ours) - end], theirs[start : len(theirs) - end]
    freq = segment.tokenizer().FREQ

    def score(words):
        return sum(math.log(freq.get(word) or 1) for word in words)

    return (
        "".join(mine) == "".join(jiebas)
        and len(mine) == len(jiebas)
        and math.isclose(score(mine), score(jiebas), abs_tol=1e-9)
    )


def test_ascii_runs_and_rare_characters_are_split_as_jieba_splits_them():
    for text in [
        "1-6月",
        "0_9链",
        "3.a",
        "&1.6N",
        "8a.N-a",
        "v2.0版",
        "COVID-19疫情",
        "5G-A",
        "a.5",
        "䶮䶮",
        "刘䶮强调",
        "豈豈产业",
        "𠮷𠮷野家",
        "鿿a1",
    ]:
        assert segment.jieba_cut(text) == segment.tokenizer().lcut(text), text


def test_where_they_differ_the_two_segmentations_are_exactly_as_likely():
    # Found by fuzzing: 出席会议+局 and 出席+会议局 score the same (3 x 4001), and the two
    # libraries' rounding breaks the tie differently in this context. Should a new rjieba
    # break it as jieba does, the first assertion fails: the documented difference is gone.
    text = "出席会议局增添务期必成"
    assert segment.jieba_cut(text)[:2] == ["出席会议", "局"]
    assert segment.tokenizer().lcut(text)[:2] == ["出席", "会议局"]
    freq = segment.tokenizer().FREQ
    assert freq["出席会议"] * freq["局"] == freq["出席"] * freq["会议局"]


def test_rjieba_reads_the_user_dictionary_as_jieba_does():
    for line in segment.USER_DICT_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split()[0]
        assert segment.jieba_cut(word) == segment.tokenizer().lcut(word) == [word]
