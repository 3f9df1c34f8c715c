"""Raw files -> cleaned articles with metadata and an audit of every cleaning step.

For each file: decode, split into articles, then for each article run the cleaning steps
(``helpers.clean.steps``) with the file's errata and the mojibake repair, take the headline off
before the body steps, derive Simplified text, settle the metadata against the catalog and list
any mojibake left.

An article of a file with several that names no place, or gives no date, takes the place
or date the file's articles give together, and is flagged for it (unless the catalog
gives that fact, which then wins anyway).
"""

from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from helpers import config
from helpers.clean.bylines import find_reporters, find_wire_outlet, labelled_credits
from helpers.clean.chrome import cut_related
from helpers.clean.dates import find_date, split_zones
from helpers.clean.edits import audit_row
from helpers.clean.errata import Corrections, apply_errata, errata_audit, suspicious_runs
from helpers.clean.formats import read_article
from helpers.clean.gazetteer import find_locality
from helpers.clean.metadata import merge_metadata
from helpers.clean.mojibake import mojibake_audit, repair_mojibake
from helpers.clean.script import to_simplified
from helpers.clean.sources import Sources, load_sources
from helpers.clean.split import compose_title, split_articles, split_header
from helpers.clean.steps import (
    BODY_STEPS,
    GLOSS_STEP,
    PREPARE_STEPS,
    normalize_punctuation,
    run_steps,
)
from helpers.errors import InputError
from helpers.text.chars import code_points, has_han

__all__ = ["Article", "load_file", "suspicious_runs"]


@dataclass
class Article:
    """One cleaned article (see ``helpers.build.schema`` for the documented columns).

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
    date: str  # ISO date, the year alone, or "" when unknown
    year: int | None  # None when unknown
    outlet: str
    reporters: list[str]
    encoding: str
    text_original: str
    text: str
    flags: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    audit: list[dict] = field(default_factory=list)

    def to_record(self) -> dict:
        """A JSON-friendly dict of every field but the audit."""
        record = asdict(self)
        del record["audit"]
        return record


def _script_audit(original: str, simplified: str) -> dict:
    # OpenCC's t2s maps character for character here, so positions line up; numpy finds
    # the changed ones without a Python step per character.
    length = min(len(original), len(simplified))
    changed = np.flatnonzero(
        code_points(original[:length]) != code_points(simplified[:length])
    ).tolist()
    return audit_row(
        "simplified", ((original[i], simplified[i]) for i in changed), changes=len(changed)
    )


def _clean_article(chunk: str, corrections: Corrections) -> dict:
    """Clean one article's text; return its parts and audit (metadata not settled yet)."""
    text, audit = run_steps(chunk, PREPARE_STEPS)
    garbled = [erratum.garbled for erratum in corrections if erratum.garbled in text]
    errata_log: list[tuple[str, str]] = []
    text = apply_errata(text, corrections, errata_log)
    repaired = repair_mojibake(text)  # reviewed errata override; the bytes repair the rest
    text, gloss_audit = run_steps(repaired.text, [GLOSS_STEP])
    dated_text = text  # dates are read before the boilerplate step drops the publication stamp
    above: list[tuple[str, str]] = []
    header, body = split_header(text, above)
    title, subtitles = compose_title(header)
    credits = labelled_credits(to_simplified(body))  # labels in either script
    reporters = list(dict.fromkeys(find_reporters(body) + credits["reporters"]))
    outlet = find_wire_outlet(body) or next(iter(credits["outlet"]), "")
    body, body_audit = run_steps(body, BODY_STEPS)
    text_original = "\n".join(
        [normalize_punctuation(line) for line in subtitles] + ([body] if body else [])
    )
    simplified = to_simplified(text_original)
    return {
        "title": to_simplified(normalize_punctuation(title)),
        "text_original": text_original,
        "text": simplified,
        "dated_text": dated_text,
        # Who published it, for a place the text itself does not name: the outlet and the
        # lines above the first paragraph (a portal's name, its breadcrumb).
        "publisher": "\n".join([to_simplified(outlet), to_simplified(split_zones(dated_text)[0])]),
        "outlet": to_simplified(outlet),
        "reporters": [to_simplified(name) for name in reporters],
        "editors": [to_simplified(name) for name in credits["editors"]],
        "audit": audit
        + [errata_audit(corrections, errata_log), mojibake_audit(repaired)]
        + gloss_audit
        + [audit_row("above-headline", above)]
        + body_audit
        + [_script_audit(text_original, simplified)],
        "garbled": garbled,
    }


def _link_flags(path: Path) -> list[str]:
    """A raw file that is a link to a file outside the project is flagged: the build reads
    it, but a clone of the project will not have it."""
    if not path.is_symlink():
        return []
    target = path.resolve()
    return (
        []
        if target.is_relative_to(config.PROJ_ROOT)
        else [f"linked-from-outside-project: {target}"]
    )


def load_file(path: str | Path, sources: Sources | None = None) -> list[Article]:
    """Clean every article of one raw file. Raises ``InputError`` for a bad file.

    ``sources`` (catalog, errata, checksums) default to those beside the file (or the
    project's); the file's rows are found by its name or by the checksum of its bytes.
    """
    path = Path(path)
    raw, encoding, read_flags = read_article(path)
    if not has_han(raw):
        raise InputError(path, "no Chinese text")
    sources = load_sources(path.parent) if sources is None else sources
    listed = sources.listed_name(path)
    corrections = sources.corrections(listed)
    related: list[tuple[str, str]] = []  # other stories at the end of the page: never articles
    cleaned = [
        _clean_article(chunk, corrections) for chunk in split_articles(cut_related(raw, related))
    ]
    cleaned = [parts for parts in cleaned if parts["text"]]
    if not cleaned:
        raise InputError(path, "no article text left after cleaning")
    unused = [
        erratum.garbled
        for erratum in corrections
        if not any(erratum.garbled in parts["garbled"] for parts in cleaned)
    ]
    row = sources.catalog_row(listed)
    places = [
        find_locality(f"{parts['title']}\n{parts['text']}", parts["publisher"]) for parts in cleaned
    ]
    known_year = row.get("date", "")[:4] or None
    dates = [find_date(parts["dated_text"], known_year, path.name) for parts in cleaned]
    # An article that only says 我市, or only 2月7日, is about the place and day its
    # neighbours in the file name.
    file_place = file_date = None
    if None in places and len(cleaned) > 1:
        file_place = find_locality(
            "\n".join(f"{parts['title']}\n{parts['text']}" for parts in cleaned),
            "\n".join(parts["publisher"] for parts in cleaned),
        )
    if None in dates and len(cleaned) > 1:
        file_date = next(filter(None, dates), None)
    articles = []
    for part, (parts, place, date) in enumerate(zip(cleaned, places, dates), start=1):
        borrowed_place = place is None and file_place is not None
        borrowed_date = date is None and file_date is not None
        meta = merge_metadata(
            row,
            title=parts["title"],
            place=file_place if borrowed_place else place,
            date=file_date if borrowed_date else date,
            outlet=parts["outlet"],
            whole_file=len(cleaned) == 1,
        )
        flags = (
            list(meta.flags)
            + list(read_flags)
            + _link_flags(path)
            + ([row["date_error"]] if "date_error" in row else [])
            + [f"catalogued-as: {listed}"] * (listed != path.name)
            + ["locality-from-other-articles-of-the-file"]
            * (borrowed_place and not row.get("locality"))
            + ["date-from-other-articles-of-the-file"] * (borrowed_date and not row.get("date"))
            + [f"errata-not-found: {garbled}" for garbled in unused if part == 1]
        )
        runs = suspicious_runs(parts["text_original"])
        if runs:
            flags.append(f"mojibake-remaining: {len(runs)}")
        audit = (
            parts["audit"]
            + [audit_row("related-stories", related if part == 1 else [])]
            + [
                {"step": "mojibake-remaining", "changes": len(runs), "examples": " | ".join(runs)},
                {"step": "metadata", "changes": len(flags), "examples": " | ".join(flags)},
            ]
        )
        articles.append(
            Article(
                article_id=f"{path.stem}-{part}",
                source=path.name,
                part=part,
                title=meta.title,
                locality=meta.locality,
                province=meta.province,
                admin_level=meta.admin_level,
                date=meta.date,
                year=meta.year,
                outlet=meta.outlet,
                reporters=parts["reporters"],
                encoding=encoding,
                text_original=parts["text_original"],
                text=parts["text"],
                flags=flags,
                editors=parts["editors"],
                audit=audit,
            )
        )
    return articles
