"""Articles in a file, and the headline of each article.

A news article opens with a headline block (an optional kicker ending in ``——``, the
headline, subtitles), then the body, whose first paragraph often starts with a newswire
lead (``衡阳晚报讯(全媒体记者 陈润)``) or a credit. A file with several leads holds several
articles: each starts at the headline block just above its lead.
"""

import re

from helpers.clean.bylines import LEAD, starts_with_byline
from helpers.clean.chrome import KEYWORD_LIST, is_boilerplate
from helpers.clean.edits import EditLog

_SENTENCE_END = re.compile("[。！？!?…；;]$")
_SENTENCE_MARK = re.compile("[，,。；;]")
_CLOSING_QUOTES = "”\"’'」』"
_MAX_HEADER_LINES = 4
_MAX_HEADER_LENGTH = 80
_SHORT_LINE = 30


def _is_header_like(line: str) -> bool:
    """A line that could belong to a headline block (not a body paragraph)."""
    if starts_with_byline(line) or len(line) > _MAX_HEADER_LENGTH:
        return False
    if _SENTENCE_END.search(line.rstrip(_CLOSING_QUOTES)):
        return len(line) <= _SHORT_LINE
    return len(line) <= _SHORT_LINE * 2 or not _SENTENCE_MARK.search(line)


def split_articles(text: str) -> list[str]:
    """Cut a file holding several newswire articles into one text per article.

    >>> parts = split_articles("标题一\\n衡阳晚报讯(记者 甲)正文一。\\n\\n标题二\\n副题二\\n衡阳晚报讯(记者 乙)正文二。")
    >>> [part.split("\\n")[0] for part in parts]
    ['标题一', '标题二']
    """
    lines = text.split("\n")
    leads = [i for i, line in enumerate(lines) if LEAD.match(line.strip())]
    starts = [0]
    for lead in leads[1:]:
        start, header_lines = lead, 0
        for i in range(lead - 1, starts[-1], -1):
            line = lines[i].strip()
            if not line:
                continue
            # Walking back from a lead, a sentence is the end of the previous article.
            ends_sentence = _SENTENCE_END.search(line.rstrip(_CLOSING_QUOTES))
            if header_lines == _MAX_HEADER_LINES or ends_sentence or not _is_header_like(line):
                break
            start, header_lines = i, header_lines + 1
        if header_lines:
            starts.append(start)
    bounds = zip(starts, starts[1:] + [len(lines)])
    return ["\n".join(lines[a:b]).strip("\n") for a, b in bounds]


def split_header(text: str, log: EditLog = None) -> tuple[list[str], str]:
    r"""Take the headline block off an article: ``(header lines, rest of the text)``.

    Chrome lines above the headline are skipped (and left in the rest, for the chrome step
    to drop and log). Two kinds of line above the headline are not the article and go here
    (into ``log``): one that repeats part of a chrome line (a section name under its
    breadcrumb) and a keyword list (search-engine spam: short phrases joined by commas).

    >>> split_header("新聞資訊\n城市競爭歸根結底是產業的競爭。\n自2023年以來,我市錨定“三高四新”美好藍圖,全力實施“製造立市、文旅興城”發展戰略。")
    (['城市競爭歸根結底是產業的競爭。'], '新聞資訊\n自2023年以來,我市錨定“三高四新”美好藍圖,全力實施“製造立市、文旅興城”發展戰略。')
    >>> split_header("现在位置：首页 > 招商专栏\n招商专栏\n市长在推进会上强调 坚定信心抓落实\n8月1日，全市推进会召开，会议强调，要坚定信心、狠抓落实。")
    (['市长在推进会上强调 坚定信心抓落实'], '现在位置：首页 > 招商专栏\n8月1日，全市推进会召开，会议强调，要坚定信心、狠抓落实。')
    >>> split_header("在线观看,精品一区,免费网站,综合频道\n某县召开大会\n8月1日，某县召开大会，会议强调，要坚定信心、狠抓落实。")[0]
    ['某县召开大会']
    """
    lines = text.split("\n")
    header: list[int] = []
    above: list[int] = []
    chrome_above = ""
    for i, line in enumerate(lines):
        line = line.strip()
        if not line or is_boilerplate(line):
            chrome_above += line if not header else ""
            continue
        if not header and (len(line) >= 2 and line in chrome_above or KEYWORD_LIST.fullmatch(line)):
            above.append(i)
            continue
        if len(header) == _MAX_HEADER_LINES or not _is_header_like(line):
            break
        header.append(i)
    else:
        header = header[:1]  # no body found: only the first line can be a headline
    if log is not None:
        log.extend((lines[i], "") for i in above)
    dropped = set(header) | set(above)
    rest = "\n".join(line for i, line in enumerate(lines) if i not in dropped)
    return [lines[i].strip() for i in header], rest


def compose_title(header: list[str]) -> tuple[str, list[str]]:
    r"""The headline and the subtitles of a headline block.

    A kicker (a line ending in ``——`` or a colon) is joined to the headline it introduces;
    subtitles belong to the headline too, after a space (they stay in the text as well).

    >>> compose_title(["秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——", "“聚力中心”科学布局产业", "朱健主持"])
    ('秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——“聚力中心”科学布局产业 朱健主持', ['朱健主持'])
    >>> compose_title(["城市競爭歸根結底是產業的競爭。"])
    ('城市競爭歸根結底是產業的競爭', [])
    >>> compose_title(["延链补链强链 全力打造百亿级不锈钢产业集群", "——访县工信局局长 孙国庆"])
    ('延链补链强链 全力打造百亿级不锈钢产业集群 ——访县工信局局长 孙国庆', ['——访县工信局局长 孙国庆'])
    """
    if not header:
        return "", []
    take = 2 if len(header) > 1 and header[0].endswith(("——", "：", ":")) else 1
    subtitles = header[take:]
    return " ".join(["".join(header[:take]).rstrip("。."), *subtitles]), subtitles
