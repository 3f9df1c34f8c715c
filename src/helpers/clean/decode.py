"""Raw bytes -> text, saying which codec was used; bad files raise ``InputError``.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. Anything else goes to
charset-normalizer, limited to the codecs Chinese news comes in: GB18030 (a superset of
GBK and GB2312), Big5 and BOM-less UTF-16. Trying codecs in order is not enough: Big5
bytes often decode without error as GB18030, into nonsense; charset-normalizer judges
which reading is coherent text. A decoding is then accepted only if it reads as Chinese.
"""

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from helpers.errors import InputError
from helpers.text.chars import HAN_RE

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GUESSED = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
MIN_HAN_SHARE = 0.3      # of the non-space characters of a guessed decoding
MAX_CONTROL_SHARE = 0.01  # text files carry almost no control characters


def _is_binary(text: str) -> bool:
    return len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text) or "\x00" in text


def _reads_as_chinese(text: str) -> bool:
    visible = len(text) - text.count(" ") - text.count("\n")
    return visible > 0 and len(HAN_RE.findall(text)) >= MIN_HAN_SHARE * visible


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a raw article; return ``(text, codec)``. Raises ``InputError``.

    >>> decode_bytes("衡阳".encode("utf-8-sig"))
    ('衡阳', 'utf-8-sig')
    >>> decode_bytes("云陽召開“千億工業”高質量發展動員大會".encode("big5"))
    ('云陽召開“千億工業”高質量發展動員大會', 'big5')
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not {codec}") from None
            return _checked(text, codec, path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_GUESSED).best()
    if best is not None and _reads_as_chinese(str(best)) and not _is_binary(str(best)):
        return _checked(str(best), best.encoding.replace("_", "-"), path)
    if b"\x00" in data or _is_binary(data.decode("latin-1")):
        raise InputError(path, "binary data, not text")
    raise InputError(path, "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text")


def _checked(text: str, codec: str, path: str | Path) -> tuple[str, str]:
    if not text.strip():
        raise InputError(path, "file is empty")
    if _is_binary(text):
        raise InputError(path, "binary data, not text")
    return text, codec


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode a raw file; a missing or unreadable file is an ``InputError`` too."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    return decode_bytes(data, path)
