"""Raw files -> cleaned articles with metadata and an audit of every cleaning step.

For each file: decode, split into articles, then for each article run the cleaning steps
(``helpers.clean``) with the file's errata, take the headline off before the body steps,
derive Simplified text, settle the metadata against the catalog and list any mojibake left.
"""

from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config
from helpers.bylines import find_reporters, find_wire_outlet
from helpers.clean import BODY_STEPS, GLOSS_STEP, PREPARE_STEPS, Step, normalize_punctuation, run_steps
from helpers.dates import find_date
from helpers.decode import read_text
from helpers.edits import audit_row
from helpers.errata import Corrections, apply_errata, load_errata, suspicious_runs
from helpers.errors import InputError
from helpers.gazetteer import find_locality
from helpers.hanzi import has_han
from helpers.metadata import load_catalog, merge_metadata
from helpers.script import to_simplified
from helpers.split import compose_title, split_articles, split_header

__all__ = ["Article", "load_file", "load_corpus", "suspicious_runs"]

LOG_COLUMNS = ["article_id", "source", "step_order", "step", "changes", "examples"]


@dataclass
class Article:
    """One cleaned article (see ``helpers.schema`` for the documented columns).

    ``text`` holds the subtitles and the body, one paragraph a line; the headline is in
    ``title`` only. Credits, leads and portal chrome are gone from both texts.
    """

    article_id: str
    source: str
    part: int
    title: str
    locality: str
    province: str
    admin_level: str
    date: str
    year: int
    outlet: str
    reporters: list[str]
    encoding: str
    text_original: str
    text: str
    flags: list[str] = field(default_factory=list)
    audit: list[dict] = field(default_factory=list)

    def to_record(self) -> dict:
        """A JSON-friendly dict of every field but the audit."""
        record = asdict(self)
        del record["audit"]
        return record


def _beside(path: Path, default: Path) -> Path:
    """The catalog or errata file of the folder ``path`` is in, else the project's."""
    local = path.parent / default.name
    return local if local.is_file() else default


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def sources_beside(path: Path) -> tuple[dict, dict]:
    """The catalog and errata of a raw file: those beside it, else the project's."""
    return load_catalog(_beside(path, config.CATALOG_FILE)), load_errata(_beside(path, config.ERRATA_FILE))


def _script_audit(original: str, simplified: str) -> dict:
    # OpenCC's t2s maps character for character here, so positions line up; numpy finds
    # the changed ones without a Python step per character.
    length = min(len(original), len(simplified))
    changed = np.flatnonzero(_code_points(original[:length]) != _code_points(simplified[:length])).tolist()
    return audit_row("simplified", ((original[i], simplified[i]) for i in changed), changes=len(changed))


def _clean_article(chunk: str, corrections: Corrections) -> dict:
    """Clean one article's text; return its parts and audit (metadata not settled yet)."""
    text, audit = run_steps(chunk, PREPARE_STEPS)
    garbled = [wrong for wrong, _ in corrections if wrong in text]
    text, repair_audit = run_steps(text, (Step("errata", partial(apply_errata, corrections=corrections)),
                                          GLOSS_STEP))
    date = find_date(text)  # before the boilerplate step drops the publication stamp
    header, body = split_header(text)
    title, subtitles = compose_title(header)
    reporters, outlet = find_reporters(body), find_wire_outlet(body)
    body, body_audit = run_steps(body, BODY_STEPS)
    text_original = "\n".join([normalize_punctuation(line) for line in subtitles] + ([body] if body else []))
    simplified = to_simplified(text_original)
    return {
        "title": to_simplified(normalize_punctuation(title)),
        "text_original": text_original,
        "text": simplified,
        "date": date,
        "outlet": to_simplified(outlet),
        "reporters": [to_simplified(name) for name in reporters],
        "audit": audit + repair_audit + body_audit + [_script_audit(text_original, simplified)],
        "garbled": garbled,
    }


def load_file(path: str | Path, catalog: dict | None = None, errata: dict | None = None) -> list[Article]:
    """Clean every article of one raw file. Raises ``InputError`` for a bad file.

    ``catalog`` and ``errata`` default to the catalog.csv and errata.csv beside the file
    (or the project's).
    """
    path = Path(path)
    raw, encoding = read_text(path)
    if not has_han(raw):
        raise InputError(path, "no Chinese text")
    catalog = load_catalog(_beside(path, config.CATALOG_FILE)) if catalog is None else catalog
    errata = load_errata(_beside(path, config.ERRATA_FILE)) if errata is None else errata
    corrections = errata.get(path.name, [])
    cleaned = [_clean_article(chunk, corrections) for chunk in split_articles(raw)]
    cleaned = [parts for parts in cleaned if parts["text"]]
    if not cleaned:
        raise InputError(path, "no article text left after cleaning")
    unused = [wrong for wrong, _ in corrections if not any(wrong in parts["garbled"] for parts in cleaned)]
    places = [find_locality(f"{parts['title']}\n{parts['text']}") for parts in cleaned]
    file_place = None
    if None in places and len(cleaned) > 1:
        # An article that only says 我市 is about the place its neighbours in the file name.
        file_place = find_locality("\n".join(f"{parts['title']}\n{parts['text']}" for parts in cleaned))
    articles = []
    for part, (parts, place) in enumerate(zip(cleaned, places), start=1):
        borrowed = place is None and file_place is not None
        meta = merge_metadata(catalog.get(path.name), title=parts["title"], place=file_place if borrowed else place,
                              date=parts["date"], outlet=parts["outlet"], whole_file=len(cleaned) == 1)
        flags = (list(meta.flags) + ["locality-from-other-articles-of-the-file"] * borrowed
                 + [f"errata-not-found: {garbled}" for garbled in unused if part == 1])
        runs = suspicious_runs(parts["text_original"])
        if runs:
            flags.append(f"mojibake-remaining: {len(runs)}")
        audit = parts["audit"] + [
            {"step": "mojibake-remaining", "changes": len(runs), "examples": " | ".join(runs)},
            {"step": "metadata", "changes": len(flags), "examples": " | ".join(flags)},
        ]
        articles.append(Article(
            article_id=f"{path.stem}-{part}", source=path.name, part=part, title=meta.title,
            locality=meta.locality, province=meta.province, admin_level=meta.admin_level,
            date=meta.date, year=meta.year, outlet=meta.outlet, reporters=parts["reporters"],
            encoding=encoding, text_original=parts["text_original"], text=parts["text"],
            flags=flags, audit=audit,
        ))
    return articles


def load_corpus(raw_dir: str | Path = config.RAW_DATA_DIR) -> tuple[list[Article], pd.DataFrame]:
    """Every article of every raw file, and the cleaning log (one row per article and step).

    The log has the columns ``article_id, source, step_order, step, changes, examples``.
    """
    raw_dir = Path(raw_dir)
    catalog = load_catalog(raw_dir / config.CATALOG_FILE.name)
    errata = load_errata(raw_dir / config.ERRATA_FILE.name)
    articles = [article for path in config.raw_article_paths(raw_dir)
                for article in load_file(path, catalog, errata)]
    log = pd.DataFrame(
        [{"article_id": a.article_id, "source": a.source, "step_order": order, **row}
         for a in articles for order, row in enumerate(a.audit)],
        columns=LOG_COLUMNS,
    )
    return articles, log
