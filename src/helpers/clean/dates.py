"""Publication dates: stated by the page, never guessed from the body's years.

In order of trust:

1. a date-time in the header, labelled or not (``发布时间：2022-07-28 08:57:10``,
   ``2022-07-28 08:57``, ``2021/3/3``, ``2021年3月3日 星期三``, an e-paper's ``>2021-05-10编印``),
   or a labelled publication stamp anywhere (``发布: 2020-09-29 14:29:00`` in a footer);
2. a full date opening the lead (``2020年9月2日，市委书记…``);
3. a ``YYYY-MM-DD`` in the file name;
4. a month and day opening the lead (``8月14日，云阳召开…``), completed with a year that the
   header, the catalog or the file name gives.

A year named in the body (``到2025年``, ``自2021年8月``) is what the article talks about, not
when it appeared: it never makes a publication date. No date stated: no date. A span of
days (``8月31日至9月2日``) is dated by its last day, as a report of it is.
"""

import re

from helpers.clean.chrome import KEYWORD_LIST, is_boilerplate
from helpers.text.patterns import YEAR

_SEP = r"\s*[-/.年]\s*"
_DATE = rf"((?:19|20)\d\d){_SEP}(\d{{1,2}})\s*[-/.月]\s*(\d{{1,2}})(?![\d:：])"
_LABEL = r"(?:发布|發布|發佈|发布时间|發布時間|发布日期|發布日期|日期|时间|時間|更新时间|来源时间)"
_STAMP = re.compile(rf"{_LABEL}\s*[:：]\s*{_DATE}")
_HEADER_DATE = re.compile(_DATE)
# A day, or a span of days; the groups are the month and day it ends on.
_DAYS = r"(\d{1,2})月(\d{1,2})[日号號](?:\s*[至到~～—－-]\s*(?:(\d{1,2})月)?(\d{1,2})[日号號])?"
_FULL_DATE = re.compile(rf"((?:19|20)\d\d)年{_DAYS}")
_DAY = re.compile(rf"(?<![\d年]){_DAYS}")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_PARAGRAPH = re.compile(r"[，,。；;].{20,}")  # a line that reads as article text
LEAD_CHARS = 60  # a dateline opens the lead within this many characters
HEADER_LINES = 12


def _iso(
    year: str, month: str, day: str, end_month: str | None = None, end_day: str | None = None
) -> str | None:
    month, day = (end_month or month, end_day) if end_day else (month, day)
    month_number, day_number = int(month), int(day)
    if 1 <= month_number <= 12 and 1 <= day_number <= 31:
        return f"{year}-{month_number:02d}-{day_number:02d}"
    return None


def split_zones(text: str) -> tuple[str, str]:
    """The header (lines above the first paragraph) and the lead (the first paragraph).

    >>> split_zones("标题\\n2022-07-28 08:57\\n8月14日，云阳召开大会，部署产业链工作，全县上下要鼓足干劲。\\n第二段。")
    ('标题\\n2022-07-28 08:57', '8月14日，云阳召开大会，部署产业链工作，全县上下要鼓足干劲。')
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines[:HEADER_LINES]):
        if _PARAGRAPH.search(line) and not (is_boilerplate(line) or KEYWORD_LIST.fullmatch(line)):
            return "\n".join(lines[:i]), line
    return "\n".join(lines[:HEADER_LINES]), ""


def file_date(name: str) -> str | None:
    """The ``YYYY-MM-DD`` date in a file name.

    >>> file_date("luohe-2020-09-02-key-projects-review.txt"), file_date("notes-2024.txt")
    ('2020-09-02', None)
    """
    match = _FILE_DATE.search(name)
    return _iso(*match.groups()) if match else None


def find_date(text: str, year: str | None = None, file_name: str = "") -> str | None:
    """The publication date the page states, as an ISO date.

    ``year`` is a year known from elsewhere (the catalog); it and the file name's year only
    complete a month and day that open the lead.

    >>> find_date("發布: 2020-09-29 14:29:00")
    '2020-09-29'
    >>> find_date("宜宾召开大会\\n2022-07-28 08:57:10 来源：宜宾日报\\n正文，会议强调，到2025年要实现新突破，全市上下要鼓足干劲。")
    '2022-07-28'
    >>> find_date("标题\\n8月14日，云阳召开大会，部署产业链工作，到2025年全县工业产值要翻番。") is None
    True
    >>> find_date("标题\\n8月14日，云阳召开大会，部署产业链工作，到2025年全县工业产值要翻番。", year="2020")
    '2020-08-14'
    >>> find_date("标题\\n会议指出，自2021年8月以来，全市产业链建设取得新进展，成效明显。", file_name="x-2021-10-05.txt")
    '2021-10-05'
    """
    header, lead = split_zones(text)
    for pattern, zone in ((_HEADER_DATE, header), (_STAMP, text), (_FULL_DATE, lead[:LEAD_CHARS])):
        for match in pattern.finditer(zone):
            if iso := _iso(*match.groups()):
                return iso
    if named := file_date(file_name):
        return named
    header_years = YEAR.findall(header)
    file_year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", file_name)
    known = (
        (header_years[0] if header_years else None)
        or year
        or (file_year.group(1) if file_year else None)
    )
    if known:
        for match in _DAY.finditer(lead[:LEAD_CHARS]):
            if iso := _iso(known, *match.groups()):
                return iso
    return None


def dates_agree(first: str, second: str) -> bool:
    """True unless the two dates differ in what both of them state.

    >>> dates_agree("2024", "2024-07-15"), dates_agree("2020-09-28", "2020-09-29")
    (True, False)
    """
    shorter = min(len(first), len(second))
    return first[:shorter] == second[:shorter]
