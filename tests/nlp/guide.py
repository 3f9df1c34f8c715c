"""The code tables of ``data/coding_guide.md``, parsed: the spec the codebooks are tested against."""

import re

from helpers import config

GUIDE = config.PACKAGE_DATA_DIR / "coding_guide.md"
_ROW = re.compile(
    r"^\|\s*`(?P<code>[a-z_]+)`\s*\|(?P<definition>[^|]*)\|(?P<ins>[^|]*)\|(?P<outs>[^|]*)\|"
)
_HEADING = re.compile(r"^#{2,3} (?P<title>.+)$")
_EXAMPLE = re.compile(r"`([^`]+)`")
# An out example the guide qualifies in words (`做大做强` of a chain) is a cue, not a sentence.
_QUALIFIED = re.compile(r"`([^`]+)` (?:of|as) ")


def guide_codes() -> list[dict]:
    """One dict per code row of the guide: dimension (theme or instrument), side (the ###
    heading's first word for instruments), code, ins and outs (the backticked examples) and
    qualified (the outs the guide qualifies in words)."""
    rows, dimension, side = [], None, None
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            title = heading["title"]
            if title.startswith("Themes"):
                dimension, side = "theme", None
            elif title.startswith("Policy instruments"):
                dimension = "instrument"
            elif dimension == "instrument" and line.startswith("### "):
                side = title.split()[0].lower()
            continue
        row = _ROW.match(line)
        if row and dimension:
            rows.append(
                {
                    "dimension": dimension,
                    "side": side if dimension == "instrument" else None,
                    "code": row["code"],
                    "ins": _EXAMPLE.findall(row["ins"]),
                    "outs": _EXAMPLE.findall(row["outs"]),
                    "qualified": _QUALIFIED.findall(row["outs"]),
                }
            )
    return rows
