"""Cleaning as composable ``str -> str`` steps, and the pipeline that chains them.

The general-purpose normalization steps live here; the steps that need data or more
logic live in their own modules (``pinyin``, ``errata``, ``boilerplate``, ``bylines``,
``wraps``). Every step takes an optional ``log`` list (see ``helpers.clean.edits``) so that the
article loader can record what each step changed.

Order matters and is fixed by ``PREPARE_STEPS``, ``GLOSS_STEP`` and ``BODY_STEPS``:

1. line breaks, HTML entities, invisible characters, full-width letters: so that later
   patterns see plain text;
2. (errata, per file, then the mojibake repair: the garbled strings still contain pinyin
   glosses and ASCII ``?!``);
3. pinyin glosses: before anything reads words or line ends;
4. (the loader takes the headline off here: it must not be joined to the lead;)
5. reporter credits (taking one off can leave a footer line bare), boilerplate lines,
   hard wraps: line-level structure;
6. punctuation last: joining lines can put ASCII punctuation into a Chinese context.
"""

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from helpers.clean.bylines import remove_bylines
from helpers.clean.chrome import remove_boilerplate
from helpers.clean.edits import EditLog, audit_row, sub
from helpers.clean.glosses import remove_pinyin_glosses
from helpers.clean.wraps import join_hard_wraps
from helpers.text.chars import DOUBLED_MARK, HAN, HAN_RE

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]+")
_ODD_SPACE = re.compile("[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(" {2,}")
_EDGE_SPACE = re.compile("^ +| +$", re.MULTILINE)

# Full-width letters and digits, and the marks that belong to a number or formula: a point,
# plus, minus, slash or colon between two of them (８５５．０４, １＋８＋Ｎ, ０８：５７) and ％.
# Elsewhere ：and ／ are Chinese punctuation and stay.
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_FULLWIDTH_ALNUM = re.compile(f"[０-９Ａ-Ｚａ-ｚ]+|％|(?<=[{_ALNUM}])[．＋－／：](?=[{_ALNUM}])")
_TO_HALFWIDTH = {
    code: code - 0xFEE0 for code in [*range(ord("０"), ord("ｚ") + 1), *map(ord, "％．＋－／")]
}
# Characters after which (or before which) ASCII punctuation is Chinese punctuation.
_CHINESE_BEFORE = re.compile(f"[{HAN}，。、；：！？”’）】》」』…—]")
_CHINESE_AFTER = re.compile(f"[{HAN}“‘（【《「『]")
_ASCII_MARKS = re.compile(" *([,;:!](?: *[,;:!])*) *")
_WIDE = {",": "，", ";": "；", ":": "：", "!": "！"}
_PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
_QUOTE_PAIR = re.compile('"([^"\n]*)"')
_SPACE_AROUND_MARK = re.compile(" +([，。、；：！？]) *|([，。、；：！？]) +")


def normalize_newlines(text: str, log: EditLog = None) -> str:
    r"""Turn CRLF, lone CR and Unicode line separators into ``\n``.

    >>> normalize_newlines("衡阳\r\n产业\r链")
    '衡阳\n产业\n链'
    """
    return sub(_NEWLINES, "\n", text, log)


def decode_html_entities(text: str, log: EditLog = None) -> str:
    """Decode HTML entities, repeatedly, so that double-escaped ``&amp;nbsp;`` goes too.

    >>> decode_html_entities("&ldquo;六稳&rdquo;&amp;nbsp;")
    '“六稳”\\xa0'
    """
    while "&" in text:
        decoded = sub(_ENTITY, lambda m: html.unescape(m.group(0)), text, log)
        if decoded == text:
            break
        text = decoded
    return text


def normalize_spaces(text: str, log: EditLog = None) -> str:
    """Drop zero-width and control characters; make every other space one plain space.

    Spaces inside a line stay (headlines separate phrases with them); spaces at the
    ends of lines go.

    >>> normalize_spaces("\\u3000\\u3000衡阳\\u200b市\\xa0\\xa0高新区 ")
    '衡阳市 高新区'
    """
    text = sub(_INVISIBLE, "", text, log)
    text = sub(_ODD_SPACE, " ", text, log)
    if " " not in text:  # a quick test first: the patterns below are slow to search for
        return text
    text = sub(_SPACE_RUN, " ", text, log)
    # A space beside a Chinese mark goes now, not only with the punctuation step: the hard-wrap
    # step reads spaces (headlines set phrases apart with them), and must read the same line
    # when the text is cleaned again.
    text = sub(_SPACE_AROUND_MARK, lambda m: m.group(1) or m.group(2), text, log)
    return sub(_EDGE_SPACE, "", text, log)


def normalize_width(text: str, log: EditLog = None) -> str:
    """Full-width Latin letters, digits and number marks become ASCII (``ＧＤＰ`` -> ``GDP``).

    Done early, so that a gloss typed in full-width letters is still seen as pinyin, and
    before any extraction, so that ``８５５．０４亿元`` is read as 855.04亿元.

    >>> normalize_width("ＧＤＰ增长２０２０，达８５５．０４亿元、１２．５％，“１＋８＋Ｎ”：好")
    'GDP增长2020，达855.04亿元、12.5%，“1+8+N”：好'
    """
    return sub(_FULLWIDTH_ALNUM, lambda m: m.group(0).translate(_TO_HALFWIDTH), text, log)


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step`` that is not a space."""
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _widen_marks(match: re.Match) -> str:
    # The match takes in the spaces around the marks, so its neighbours are not spaces.
    text, start, end = match.string, match.start(), match.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    if before.isdigit() and after.isdigit():  # 1,000 and 14:29 stay as they are
        return match.group(0)
    marks = match.group(1).replace(" ", "")
    chinese = _CHINESE_BEFORE.fullmatch(before or " ") is not None
    if not chinese and set(marks) != {"!"}:  # "!" belongs to what precedes it only
        chinese = _CHINESE_AFTER.fullmatch(after or " ") is not None
    return "".join(_WIDE[mark] for mark in marks) if chinese else match.group(0)


def _widen_parens(match: re.Match) -> str:
    before = _neighbour(match.string, match.start() - 1, -1)
    if HAN_RE.search(match.group(1)) or HAN_RE.fullmatch(before or " "):
        return f"（{match.group(1)}）"
    return match.group(0)


def _curl_quotes(match: re.Match) -> str:
    text = match.string
    end = text.find("\n", match.end())
    line = text[text.rfind("\n", 0, match.start()) + 1 : end if end != -1 else len(text)]
    return f"“{match.group(1)}”" if HAN_RE.search(line) else match.group(0)


def normalize_punctuation(text: str, log: EditLog = None) -> str:
    """Full-width punctuation in Chinese text, without doubled marks.

    ASCII ``, ; : !`` next to Chinese become ``，；：！`` (``1,000`` and ``14:29`` stay),
    brackets around or after Chinese become ``（）``, straight double quotes in a Chinese
    line become curly ones, and a doubled ``，，`` or ``。。`` is written once. ASCII ``?`` is left alone: inside Chinese text it
    is the mark of mojibake, which the audit must still be able to see.

    >>> normalize_punctuation('鄧群策:舉全市之力,,堅決打贏。。"三高四新",生产总值(GDP)增长5%，1,000')
    '鄧群策：舉全市之力，堅決打贏。“三高四新”，生产总值（GDP）增长5%，1,000'
    """
    while True:  # inner pairs first, so that nested brackets are all seen
        widened = sub(_PAREN_PAIR, _widen_parens, text, log)
        if widened == text:
            break
        text = widened
    text = sub(_QUOTE_PAIR, _curl_quotes, text, log)
    # After brackets and quotes: a mark next to a full-width bracket or quote is Chinese.
    # Quick tests first: the next two patterns are slow to search for.
    if any(mark in text for mark in _WIDE):
        text = sub(_ASCII_MARKS, _widen_marks, text, log)
    if " " in text:
        text = sub(_SPACE_AROUND_MARK, lambda m: m.group(1) or m.group(2), text, log)
    return sub(DOUBLED_MARK, lambda m: m.group(1), text, log)


# --- the pipeline -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A named cleaning step: ``func(text, log=None) -> text``."""

    name: str
    func: Callable[..., str]


def run_steps(text: str, steps: Sequence[Step]) -> tuple[str, list[dict]]:
    """Apply ``steps`` in order; return the text and one audit row per step.

    >>> run_steps("a\\r\\nb", [Step("newlines", normalize_newlines)])
    ('a\\nb', [{'step': 'newlines', 'changes': 1, 'examples': '\\r⏎ → ⏎'}])
    """
    audit = []
    for step in steps:
        log: list[tuple[str, str]] = []
        text = step.func(text, log=log)
        audit.append(audit_row(step.name, log))
    return text, audit


def make_pipeline(*funcs: Callable[..., str]) -> Callable[[str], str]:
    """Chain ``str -> str`` steps into one function (textacy's ``make_pipeline``).

    >>> make_pipeline(normalize_newlines, normalize_spaces)("衡阳 \\r\\n 产业")
    '衡阳\\n产业'
    """

    def pipeline(text: str) -> str:
        for func in funcs:
            text = func(text)
        return text

    return pipeline


# The loader applies per-file errata between PREPARE_STEPS and GLOSS_STEP and takes the
# headline off between GLOSS_STEP and BODY_STEPS.
PREPARE_STEPS = (
    Step("newlines", normalize_newlines),
    Step("html-entities", decode_html_entities),
    Step("spaces", normalize_spaces),
    Step("width", normalize_width),
)
GLOSS_STEP = Step("pinyin-glosses", remove_pinyin_glosses)
# Chrome is judged again once hard wraps are joined: a footer wrapped over two lines is only
# recognisable whole (and cleaning stays idempotent).
BODY_STEPS = (
    Step("bylines", remove_bylines),
    Step("boilerplate", remove_boilerplate),
    Step("hard-wraps", join_hard_wraps),
    Step("boilerplate-joined", remove_boilerplate),
    Step("punctuation", normalize_punctuation),
)


def clean_text(text: str) -> str:
    """Every generic step, in order, on one text (no errata, no headline handling).

    >>> clean_text("衡陽(héngyáng)產(chǎn)業(yè)鏈,,“六穩”(記者 陳潤)\\r\\n\\r\\n附件下載:")
    '衡陽產業鏈，“六穩”'
    """
    for step in (*PREPARE_STEPS, GLOSS_STEP, *BODY_STEPS):
        text = step.func(text)
    return text
