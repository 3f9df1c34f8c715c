"""Officials and their roles: 市委书记秦国文, 赵勇、…等县领导, and speakers (邓群策强调)."""

import re

from helpers.nlp import segment
from helpers.nlp.facts.fact import Fact
from helpers.nlp.sentences import Sentence
from helpers.text.chars import HAN

# Its first character is taken, then checked (look-behind), so that searches skip quickly to
# the places where a role can start.
_ROLE = (
    r"(?:[省市县区镇乡副](?:(?<=[省市县区镇乡])委(?:副)?书记|(?<=副)[省市县区镇乡]长|(?<=[省市县区镇乡])长"
    r"|(?<=[省市县])委常委|(?<=[市县])领导|(?<=[省市县])人大常委会主任|(?<=[省市县])政协主席))"
)
_ROLES = re.compile(rf"{_ROLE}(?:、{_ROLE})*")
_NAME = f"[{HAN}]"
_NAME_CHARACTERS = re.compile(f"{_NAME}+")
# What may follow a name: punctuation, a list joiner, or the verb of a report sentence.
_AFTER_NAME = re.compile(
    r"[，,、。；;（(“]|及|等|出席|主持|强调|指出|要求|带队|作|向|对|说|安排|部署|通报|参加|在|讲话|还"
)
_NAMES_BEFORE_ROLE = re.compile(
    rf"(?:^|(?<=[。，,\n]))(?P<names>(?:{_NAME}{{2,3}}、)+{_NAME}{{2,3}})等(?P<role>[^，,。、]{{0,10}}?领导(?:干部)?)"
)
_SPEAKER = re.compile(
    rf"(?:^|(?<=[。，,\n”\"]))(?P<name>{_NAME}{{2,3}}?)(?=强调|指出|要求|还就|作|对|部署|说)"
)


def _name_at(text: str, start: int) -> str | None:
    """The 3- or 2-character name at ``start``: the one a name-ending cue follows."""
    if _AFTER_NAME.match(text, start):  # 等县领导出席: no name between role and verb
        return None
    for length in (3, 2):
        end = start + length
        if _NAME_CHARACTERS.fullmatch(text, start, end) and _AFTER_NAME.match(text, end):
            return text[start:end]
    return None


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Officials after their role, before 等…领导, or speaking more than once (or known to
    jieba as a person's name) where the text gives no role."""
    facts = []
    for match in _ROLES.finditer(text):
        position, role = match.end(), match.group(0)
        while (name := _name_at(text, position)) is not None:
            facts.append(
                Fact(name, position, position + len(name), measure=role, detail={"role": role})
            )
            position += len(name)
            if text[position : position + 1] != "、":
                break
            position += 1
    for match in _NAMES_BEFORE_ROLE.finditer(text):
        offset = match.start("names")
        for name in match["names"].split("、"):
            facts.append(
                Fact(
                    name,
                    offset,
                    offset + len(name),
                    measure=match["role"],
                    detail={"role": match["role"]},
                )
            )
            offset += len(name) + 1
    named = {f.text for f in facts}
    speakers = [m for m in _SPEAKER.finditer(text) if m["name"] not in named]
    counts: dict[str, int] = {}
    for match in speakers:
        counts[match["name"]] = counts.get(match["name"], 0) + 1
    for match in speakers:
        name = match["name"]
        if name in named:
            continue
        tags = segment.tag(name)
        if counts[name] >= 2 and tags[0][1] == "nr" or tags == ((name, "nr"),):
            named.add(name)  # speaks more than once, or jieba knows it as a person's name
            facts.append(Fact(name, match.start(), match.end(), detail={"role": None}))
    return facts
