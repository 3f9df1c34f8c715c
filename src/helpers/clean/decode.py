"""Raw bytes -> text, saying which codec was used; bad files raise ``InputError``.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. Anything else goes to
charset-normalizer, limited to the codecs Chinese news comes in: GB18030 (a superset of
GBK and GB2312), Big5 and BOM-less UTF-16. Trying codecs in order is not enough: Big5
bytes often decode without error as GB18030, into nonsense; charset-normalizer judges
which reading is coherent text. A decoding is then accepted only if it reads as Chinese.

A UTF-8 file that is valid but for its last character, cut in the middle (a download or
copy that stopped short), is read without that character and flagged; any other file that
is not text names the offset of its first bad byte.
"""

import codecs
import os
import re
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from helpers.errors import InputError
from helpers.text.chars import HAN_RE

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSED = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
MIN_HAN_SHARE = 0.3  # of the non-space characters of a guessed decoding
MAX_CONTROL_SHARE = 0.01  # text files carry almost no control characters


class Decoded(NamedTuple):
    """A raw file's text, the codec it was read with, and flags about the reading."""

    text: str
    codec: str
    flags: tuple[str, ...] = ()


def _is_binary(text: str) -> bool:
    return len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text) or "\x00" in text


def _reads_as_chinese(text: str) -> bool:
    visible = len(text) - text.count(" ") - text.count("\n")
    return visible > 0 and len(HAN_RE.findall(text)) >= MIN_HAN_SHARE * visible


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> Decoded:
    """Decode a raw article; return ``(text, codec, flags)``. Raises ``InputError``.

    >>> decode_bytes("衡阳".encode("utf-8-sig"))
    Decoded(text='衡阳', codec='utf-8-sig', flags=())
    >>> decode_bytes("云陽召開“千億工業”高質量發展動員大會".encode("big5"))[:2]
    ('云陽召開“千億工業”高質量發展動員大會', 'big5')
    >>> decode_bytes("衡阳产业链".encode()[:-1])
    Decoded(text='衡阳产业', codec='utf-8', flags=('truncated-last-character: 2 bytes dropped at byte 12',))
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    path, f"starts with a {codec} byte-order mark but is not {codec}"
                ) from None
            return _checked(text, codec, path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError as error:
        utf8_error = error
    if utf8_error.reason == "unexpected end of data" and _is_cut_last_character(
        data, utf8_error.start
    ):
        cut = len(data) - utf8_error.start
        return _checked(
            data[: utf8_error.start].decode("utf-8"),
            "utf-8",
            path,
            (f"truncated-last-character: {cut} bytes dropped at byte {utf8_error.start}",),
        )
    best = from_bytes(data, cp_isolation=_GUESSED).best()
    if best is not None and _reads_as_chinese(str(best)) and not _is_binary(str(best)):
        return _checked(str(best), best.encoding.replace("_", "-"), path)
    if b"\x00" in data or _is_binary(data.decode("latin-1")):
        raise InputError(path, "binary data, not text")
    raise InputError(
        path,
        f"cannot decode: byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) is the first "
        "that is not UTF-8, and no UTF-16, GB18030 or Big5 reading is Chinese text",
    )


def _is_cut_last_character(data: bytes, start: int) -> bool:
    """The bytes from ``start`` are the opening of one UTF-8 character that the file's end cut."""
    rest = data[start:]
    lead = rest[0]
    width = (
        2
        if 0xC2 <= lead <= 0xDF
        else 3
        if 0xE0 <= lead <= 0xEF
        else 4
        if 0xF0 <= lead <= 0xF4
        else 0
    )
    return 0 < len(rest) < width and all(0x80 <= b <= 0xBF for b in rest[1:])


def decode_table(data: bytes, path: str | Path) -> str:
    r"""The text of a catalog or errata file: UTF-8 (a byte-order mark tolerated), else the
    legacy Chinese codec charset-normalizer finds (a spreadsheet saved as GBK).

    >>> decode_table("\ufefffile,title\n".encode("utf-8"), "catalog.csv")
    'file,title\n'
    >>> decode_table("file,title,locality\na.txt,衡阳市委召开产业链大会,衡阳市\n".encode("gbk"), "catalog.csv")
    'file,title,locality\na.txt,衡阳市委召开产业链大会,衡阳市\n'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(
                    path, f"byte {error.start} is not {codec}, as its byte-order mark says"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data, cp_isolation=_GUESSED[:2]).best()
    if best is None:
        raise InputError(
            path,
            f"cannot decode: byte {utf8_error.start} is the first that is not UTF-8, "
            "and it is not GB18030 or Big5 either",
        )
    return str(best)


def _checked(text: str, codec: str, path: str | Path, flags: tuple[str, ...] = ()) -> Decoded:
    if not text.strip():
        raise InputError(path, "file is empty")
    if _is_binary(text):
        raise InputError(path, "binary data, not text")
    return Decoded(text, codec, flags)


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
# A page that declares a subset of GB18030 often uses characters beyond it.
_WIDER_CODEC = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}


def decode_page(data: bytes, path: str | Path = "<bytes>") -> Decoded:
    """Decode a saved web page: as any raw file, except that a page which is not UTF-8 is
    read with the charset its markup declares (its tags are ASCII, so it is too little
    Chinese to be guessed). Raises ``InputError``.

    >>> decode_page('<meta charset="gb2312"><p>衡阳市产业链</p>'.encode("gbk"))
    Decoded(text='<meta charset="gb2312"><p>衡阳市产业链</p>', codec='gb18030', flags=())
    """
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared and not any(data.startswith(bom) for bom, _ in _BOMS):
        codec = declared.group(1).decode("ascii").lower()
        codec = _WIDER_CODEC.get(codec, codec)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return _checked(data.decode(codec), codec, path)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: read the bytes as any raw file
    return decode_bytes(data, path)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a raw file; a missing or unreadable file is an ``InputError``."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(path, f"broken symbolic link (to {os.readlink(path)})") from None
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def read_text(path: str | Path) -> Decoded:
    """Read and decode a raw text file; a missing or unreadable file is an ``InputError`` too."""
    return decode_bytes(read_bytes(path), path)
