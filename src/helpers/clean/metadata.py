"""Article metadata: the catalog's word, checked against what the text itself says.

The catalog (``data/raw/catalog.csv``) wins; every disagreement with the text becomes a
flag. A file without a catalog row keeps what the text says and is flagged.
"""

from dataclasses import dataclass

from helpers.clean.dates import dates_agree
from helpers.clean.gazetteer import Division


@dataclass(frozen=True)
class Metadata:
    """What the cleaning settles about an article besides its text."""

    title: str
    locality: str
    province: str
    admin_level: str
    date: str  # "" when unknown
    year: int | None  # None when unknown
    outlet: str
    flags: tuple[str, ...]


def merge_metadata(
    row: dict[str, str] | None,
    *,
    title: str,
    place: Division | None,
    date: str | None,
    outlet: str,
    whole_file: bool,
) -> Metadata:
    """Combine a catalog row (or None) with what the text says.

    ``whole_file`` says the article is the file's only one, so that a catalog title, which
    describes the file, is also the article's.

    >>> m = merge_metadata({"title": "", "locality": "衡阳市", "province": "湖南省",
    ...                     "admin_level": "地级市", "date": "2020-09-29", "outlet": "衡阳晚报"},
    ...                    title="标题", place=None, date="2020-09-28", outlet="", whole_file=True)
    >>> m.date, m.year, m.flags
    ('2020-09-29', 2020, ('date-disagrees-with-catalog: text 2020-09-28',))
    """
    flags: list[str] = []
    row = row or {}
    if not row:
        flags.append("no-catalog-row")
    if row.get("locality"):
        locality, province, admin_level = (
            row["locality"],
            row.get("province", ""),
            row.get("admin_level", ""),
        )
        if place is not None and place.name != locality:
            flags.append(f"locality-disagrees-with-catalog: text {place.name}")
    elif place is not None:
        locality, province, admin_level = place.name, place.province, place.admin_level
    else:
        locality = province = admin_level = ""
        flags.append("no-locality-found")
    if row.get("date"):
        if date and not dates_agree(row["date"], date):
            flags.append(f"date-disagrees-with-catalog: text {date}")
        date = row["date"]
    elif not date:
        flags.append("no-date-found")
    if not (whole_file and row.get("title")) and not title:
        flags.append("no-title-found")
    return Metadata(
        title=row["title"] if whole_file and row.get("title") else title,
        locality=locality,
        province=province,
        admin_level=admin_level,
        date=date or "",
        year=int(date[:4]) if date else None,
        outlet=row.get("outlet") or outlet,
        flags=tuple(flags),
    )
