"""Sentences of clean text, with exact offsets."""

import pytest

from helpers.nlp.sentences import sentence_at, split_sentences, straddled


def test_sentences_split_on_chinese_punctuation_with_exact_offsets():
    text = "要抓企业。\n“当前，衡阳要狠抓营商环境建设。”邓群策强调，要把深化改革创新作为动力源泉！对吗？"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "要抓企业。",
        "“当前，衡阳要狠抓营商环境建设。”",
        "邓群策强调，要把深化改革创新作为动力源泉！",
        "对吗？",
    ]
    assert [s.sentence_id for s in sentences] == [0, 1, 2, 3]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "offset,sentence_id", [(0, 0), (4, 0), (5, None), (6, 1), (10, 1), (11, None)]
)
def test_the_sentence_at_an_offset(offset, sentence_id):
    found = sentence_at(split_sentences("要抓招商。 要抓创新！"), offset)
    assert (found.sentence_id if found else None) == sentence_id


def test_spans_that_leave_their_sentence_name_every_sentence_they_touch():
    sentences = split_sentences("要抓招商。要抓创新！要抓项目。")
    assert straddled([(1, 3), (11, 14)], sentences) == set()
    assert straddled([(3, 7)], sentences) == {0, 1}
    assert straddled([(2, 12)], sentences) == {0, 1, 2}
