"""The one loader of the package's data files: word lists, patterns, codebooks, glossaries.

Every list and CSV file of ``data/`` (and ``report/data/``) is read here, with one encoding
rule (UTF-8, a byte-order mark tolerated) and one comment rule: ``#`` at the start of a line,
or after a space, starts a comment that runs to the end of the line. Blank lines are skipped.
CSV files have a header row; comment lines may stand anywhere (but not inside a field).
"""

import csv
import functools
import re
from pathlib import Path

from helpers import config

ENCODING = "utf-8-sig"
_COMMENT = re.compile(r"(?:^|\s)#.*$")


def strip_comment(line: str) -> str:
    """A line without its comment and surrounding spaces.

    >>> strip_comment("十四五  # a plan period"), strip_comment("# a note"), strip_comment("C# 语言")
    ('十四五', '', 'C# 语言')
    """
    return _COMMENT.sub("", line).strip()


def package_file(name: str | Path) -> Path:
    """A file of ``data/`` by name; a path is taken as it is."""
    return name if isinstance(name, Path) else config.PACKAGE_DATA_DIR / name


def read_list(name: str | Path) -> list[str]:
    """The entries of a list file: one a line, comments and blank lines dropped."""
    lines = package_file(name).read_text(encoding=ENCODING).splitlines()
    return [entry for line in lines if (entry := strip_comment(line))]


def numbered_rows(name: str | Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with a header, each with its 1-based line number in the file;
    comment-only and blank lines skipped."""
    with open(package_file(name), encoding=ENCODING, newline="") as handle:
        lines = [
            (number, line)
            for number, line in enumerate(handle, start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
    rows = csv.DictReader(line for _, line in lines)
    return [(lines[rows.line_num - 1][0], row) for row in rows]


def read_rows(name: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV file with a header, as dicts; comment-only and blank lines skipped."""
    return [row for _, row in numbered_rows(name)]


@functools.cache
def word_set(name: str | Path) -> frozenset[str]:
    """A list file as a set, read once per process."""
    return frozenset(read_list(name))
