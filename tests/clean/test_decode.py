"""Decoding raw bytes: every codec Chinese news comes in, and every way a file can be bad."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import config
from helpers.clean.articles import load_file
from helpers.clean.decode import decode_bytes, read_text
from helpers.errors import InputError

HENGYANG_2022 = (config.RAW_DATA_DIR / "hengyang-2022-02-07-three-articles.txt").read_text(
    encoding="utf-8"
)
YUNYANG = (config.RAW_DATA_DIR / "yunyang-2020-08-14-hundred-billion-industry-rally.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    "text, data, codec",
    [
        (HENGYANG_2022, HENGYANG_2022.encode("utf-8"), "utf-8"),
        (HENGYANG_2022, HENGYANG_2022.encode("utf-8-sig"), "utf-8-sig"),
        (HENGYANG_2022, HENGYANG_2022.encode("gbk"), "gb18030"),
        (HENGYANG_2022, HENGYANG_2022.encode("gb18030"), "gb18030"),
        (YUNYANG, YUNYANG.encode("big5"), "big5"),  # Traditional, Big5
        (YUNYANG[:60], YUNYANG[:60].encode("big5"), "big5"),  # even a headline and a half
        (HENGYANG_2022[:80], HENGYANG_2022[:80].encode("gbk"), "gb18030"),
        (HENGYANG_2022, HENGYANG_2022.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (HENGYANG_2022, "\ufeff".encode("utf-16-be") + HENGYANG_2022.encode("utf-16-be"), "utf-16"),
        (HENGYANG_2022[:300], HENGYANG_2022[:300].encode("utf-16-le"), "utf-16-le"),  # without one
    ],
)
def test_decode_bytes_reads_every_supported_codec(text, data, codec):
    assert decode_bytes(data) == (text, codec, ())


def test_big5_is_not_mistaken_for_gb18030():
    data = YUNYANG.encode("big5")
    assert data.decode("gb18030", errors="strict")  # the trap: it decodes, into nonsense
    assert decode_bytes(data)[1] == "big5"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "file is empty"),
        (b"  \n\t\r\n", "file is empty"),
        (b"\xef\xbb\xbf", "file is empty"),  # a BOM and nothing else
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data, not text"),
        ("衡阳\x00\x01\x02\x03产业".encode() * 3, "binary data, not text"),
        (
            b"\x81\x20" * 50,
            "cannot decode: byte 0 (0x81) is the first that is not UTF-8, "
            "and no UTF-16, GB18030 or Big5 reading is Chinese text",
        ),
        (
            "Café crème brûlée, naïve façade".encode("latin-1"),
            "cannot decode: byte 3 (0xe9) is the first that is "
            "not UTF-8, and no UTF-16, GB18030 or Big5 reading is Chinese text",
        ),
        (b"\xff\xfe" + b"\x00\xd8" * 3, "starts with a utf-16 byte-order mark but is not utf-16"),
    ],
)
def test_decode_bytes_rejects_bad_input_in_one_line(data, reason):
    with pytest.raises(InputError) as error:
        decode_bytes(data, "data/raw/bad.txt")
    assert str(error.value) == f"data/raw/bad.txt: {reason}"
    assert "\n" not in str(error.value)


def test_a_utf8_file_cut_inside_its_last_character_loses_only_that_character():
    whole = HENGYANG_2022.rstrip()
    data = whole.encode("utf-8")
    for cut in (1, 2):
        text, codec, flags = decode_bytes(data + "链".encode()[:cut])  # 链 is three bytes
        assert (text, codec) == (whole, "utf-8")
        assert flags == (f"truncated-last-character: {cut} bytes dropped at byte {len(data)}",)


def test_a_bad_byte_inside_a_utf8_file_is_not_taken_for_a_cut_end():
    data = "衡阳产业链".encode() + b"\xe9\x93" + "高质量发展".encode() * 30
    with pytest.raises(InputError, match="byte 15 .0xe9. is the first that is not UTF-8"):
        decode_bytes(data)


def test_a_truncated_article_is_flagged(tmp_path):
    raw = (config.RAW_DATA_DIR / "hengyang-2022-02-07-three-articles.txt").read_bytes().rstrip()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(raw + "链".encode()[:2])
    assert any(
        flag.startswith("truncated-last-character: 2 bytes")
        for article in load_file(cut)
        for flag in article.flags
    )


def test_links_are_read_and_flagged_when_they_leave_the_project(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(
        (config.RAW_DATA_DIR / "hengyang-2022-02-07-three-articles.txt").read_bytes()
    )
    link = tmp_path / "link.txt"
    link.symlink_to(outside)
    flags = {flag for article in load_file(link) for flag in article.flags}
    assert f"linked-from-outside-project: {outside}" in flags
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError) as error:
        load_file(dangling)
    assert str(error.value) == f"{dangling}: broken symbolic link (to {tmp_path / 'gone.txt'})"


def test_read_text_reports_missing_files_and_folders(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "file is empty"),
        (bytes(range(256)) * 4, "binary data, not text"),
        (b"\x81\x20" * 50, "cannot decode"),
        (b"Just an English note, no Chinese at all.\n", "no Chinese text"),
        ("新聞資訊\n欄目導航\n附件下載:\n".encode(), "no article text left after cleaning"),
    ],
)
def test_load_file_rejects_each_bad_file_with_its_reason(tmp_path, data, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    with pytest.raises(InputError) as error:
        load_file(bad)
    assert str(error.value).startswith(f"{bad}: {reason}")


def test_load_file_records_the_codec(tmp_path):
    copy = tmp_path / "hengyang-2022-02-07-three-articles.txt"
    copy.write_bytes(HENGYANG_2022.encode("gbk"))
    articles = load_file(copy)
    assert {article.encoding for article in articles} == {"gb18030"}
    assert [a.text for a in articles] == [
        a.text for a in load_file(config.RAW_DATA_DIR / copy.name)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="衡阳產業鏈，。(chǎn)\n ", max_size=200).map(
            lambda t: t.encode("gb18030")
        ),
    )
)
def test_any_bytes_decode_or_fail_with_an_input_error(data):
    try:
        text, codec, _ = decode_bytes(data)
    except InputError as error:
        assert str(error).startswith("<bytes>: ")
    else:
        assert text.strip() and codec


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_load_file_never_fails_with_anything_but_an_input_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("raw") / "random.txt"
    path.write_text(text, encoding="utf-8")
    try:
        articles = load_file(path)
    except InputError:
        return
    assert all(article.text and article.flags[0] == "no-catalog-row" for article in articles)
