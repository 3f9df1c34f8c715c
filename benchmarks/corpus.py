"""Generate a large raw corpus from the seed articles, over many localities, varied so no
cache can cheat.

Every generated file is one of the seed articles (the catalogued ``.txt`` files of
``data/raw/``) moved to another place of the gazetteer: the names of its locality and of its
province, full and short (衡阳市, 衡阳, 湖南省, 湖南), become those of a division of the same
level (a prefecture-level city for a city, a county for a county); then its paragraphs are
shuffled, a third of them repeated and every digit redrawn. The kinds of dirt (glosses,
mojibake, menus, footers, hard wraps) keep their density, no two files are alike, and the
build must infer each file's place from its text (the generated files have no catalog rows).
"""

import itertools
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opencc import OpenCC

from helpers import config
from helpers.clean import gazetteer
from helpers.clean.sources import load_sources

LOCALITIES = 34  # places the generated files are spread over
_DATE = re.compile(r"(20\d\d(?:[-年./]\d{1,2}(?:[-月./]\d{1,2})?)?)")


@dataclass(frozen=True)
class Seed:
    text: str
    names: tuple[tuple[str, str], ...]  # (full, short) of the locality, then of its province
    admin_level: str


def _seeds() -> list[Seed]:
    """The catalogued seed articles with the names of their place (longest names first)."""
    catalog = load_sources(config.RAW_DATA_DIR).catalog
    by_name = {d.name: d for d in gazetteer.divisions().values()}
    seeds = []
    for path in config.raw_article_paths():
        row = catalog.get(path.name)
        if path.suffix != ".txt" or not row or row.get("locality") not in by_name:
            continue
        place, province = by_name[row["locality"]], by_name[row["province"]]
        seeds.append(
            Seed(
                path.read_text(encoding="utf-8"),
                ((place.name, place.short), (province.name, province.short)),
                place.admin_level,
            )
        )
    return seeds


def places(level: str, count: int, seed: int) -> list[gazetteer.Division]:
    """``count`` divisions of an administrative level, drawn at random among those with a
    distinct short name that is not an ordinary word, and of a province (not a municipality)."""
    friends = gazetteer.false_friends()
    table = gazetteer.divisions()
    shorts: dict[str, int] = {}
    for division in table.values():
        shorts[division.short] = shorts.get(division.short, 0) + 1
    candidates = [
        d
        for d in table.values()
        if d.admin_level == level
        and d.short
        and shorts[d.short] == 1
        and d.short not in friends
        and d.adcode[:2] not in gazetteer.MUNICIPALITIES
        and table[d.adcode[:2] + "0" * 10].short
    ]
    return random.Random(seed).sample(sorted(candidates, key=lambda d: d.adcode), count)


@cache
def _traditional() -> OpenCC:
    return OpenCC("s2t")


def _written_forms(name: str) -> list[str]:
    """A name as a text may write it: each character Simplified or Traditional (衡阳, 衡陽)."""
    options = [dict.fromkeys((ch, _traditional().convert(ch))) for ch in name]
    return ["".join(chars) for chars in itertools.product(*options)]


def _moved(seed: Seed, place: gazetteer.Division) -> str:
    """The seed's text with its locality and province named as ``place`` and its province."""
    province = gazetteer.divisions()[place.adcode[:2] + "0" * 10]
    text = seed.text
    for (full, short), target in zip(seed.names, (place, province)):
        for name, new in ((full, target.name), (short, target.short)):
            for form in _written_forms(name) if name else ():
                text = text.replace(form, new if form == name else _traditional().convert(new))
    return text


def _redrawn(text: str, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) if ch.isascii() and ch.isdigit() else ch for ch in text)


def _vary(text: str, rng: random.Random) -> str:
    """Paragraphs shuffled, a third repeated, every digit redrawn but those of dates (so the
    articles keep their years, and a place its reports over time)."""
    lines = text.split("\n")
    head, body = lines[:3], lines[3:]
    rng.shuffle(body)
    body += rng.sample(body, k=len(body) // 3)
    parts = _DATE.split("\n".join(head + body))
    return "".join(part if i % 2 else _redrawn(part, rng) for i, part in enumerate(parts))


def generate(
    out_dir: Path,
    megabytes: float | None = None,
    seed: int = 0,
    articles: int | None = None,
    localities: int = LOCALITIES,
) -> list[Path]:
    """Write generated files into ``out_dir`` until it holds ``megabytes`` MB or ``articles``
    files, spread over ``localities`` places (each of its seed's level); return the files."""
    rng = random.Random(seed)
    seeds = _seeds()
    levels = Counter(s.admin_level for s in seeds)
    # The places are shared among the levels as the seeds are (four cities, one county).
    shares = {level: max(1, round(localities * n / len(seeds))) for level, n in levels.items()}
    targets = {level: places(level, n, seed) for level, n in shares.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    written, total, made = [], 0, Counter()
    limit = int(megabytes * 1e6) if megabytes is not None else None
    while (limit is None or total < limit) and (articles is None or len(written) < articles):
        source = seeds[len(written) % len(seeds)]
        level = source.admin_level
        place = targets[level][made[level] % shares[level]]
        made[level] += 1
        data = _vary(_moved(source, place), rng).encode("utf-8")
        path = out_dir / f"bench-{len(written):06d}.txt"
        path.write_bytes(data)
        written.append(path)
        total += len(data)
    return written
