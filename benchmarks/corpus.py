"""Generate a large raw corpus from the real articles, varied so no cache can cheat.

Every generated file is one of the raw articles with its paragraphs shuffled, every digit
redrawn and a share of its paragraphs repeated: the same kinds of dirt (glosses, mojibake,
menus, footers, hard wraps) at realistic density, but no two files alike.
"""

import random
from pathlib import Path

from helpers import config


def _vary(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    head, body = lines[:3], lines[3:]
    rng.shuffle(body)
    body += rng.sample(body, k=len(body) // 3)
    varied = "\n".join(head + body)
    return "".join(str(rng.randrange(10)) if ch.isascii() and ch.isdigit() else ch for ch in varied)


def generate(out_dir: Path, megabytes: float, seed: int = 0) -> list[Path]:
    """Write varied copies of the raw articles into ``out_dir`` until it holds ``megabytes`` MB."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in config.raw_article_paths()]
    out_dir.mkdir(parents=True, exist_ok=True)
    written, total, target = [], 0, int(megabytes * 1e6)
    while total < target:
        data = _vary(sources[len(written) % len(sources)], rng).encode("utf-8")
        path = out_dir / f"bench-{len(written):06d}.txt"
        path.write_bytes(data)
        written.append(path)
        total += len(data)
    return written
