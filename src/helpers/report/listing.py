"""The report list: which notebook runs with which parameters, saved under which name.

The list is computed from the corpus (the articles table): the data-quality and overview
reports, one profile per locality, one over-time report per locality with articles from two
or more years, the comparison of all localities, and one term explorer per row of
``report/data/terms.csv``. ``report/data/reports.csv`` adds reports to it; a row there with the
name of a computed report replaces it.

Report names are stable ASCII file names: a locality's is the pinyin of its name without the
suffix 市, 县 or 区 (``20_locality_profile_hengyang``), with the suffix's pinyin too where two
localities would share it.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import config, resources
from helpers.errors import InputError
from helpers.report import places

REPORT_LIST_FILE = config.REPORT_DATA_DIR / "reports.csv"
TERMS_FILE = config.REPORT_DATA_DIR / "terms.csv"
_PLACE_SUFFIX = re.compile("[市县区]$")
_NOT_IN_NAME = re.compile("[^a-z0-9]")
NAMED_IN_TITLE = 4  # localities a comparison's title names; past that it counts them

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Report:
    """One line of the report list: a notebook run with parameters, saved under a name."""

    name: str
    notebook: str  # file stem in notebooks/
    title: str
    parameters: dict = field(default_factory=dict)


def _pinyin(texts: set[str]) -> dict[str, str]:
    """Each text's pinyin as a file name would carry it (ASCII letters and digits)."""
    return {text: _NOT_IN_NAME.sub("", reading) for text, reading in places.pinyin(texts).items()}


def locality_names(localities: list[str]) -> dict[str, str]:
    """Locality -> the ASCII name its reports carry.

    >>> locality_names(["衡阳市", "漯河市", "朝阳市", "朝阳区"])
    {'衡阳市': 'hengyang', '漯河市': 'luohe', '朝阳市': 'zhaoyangshi', '朝阳区': 'zhaoyangqu'}
    """
    readings = places.readings()
    stems = {place: _PLACE_SUFFIX.sub("", place) for place in localities}
    suffixes = {place: place[len(stem) :] for place, stem in stems.items()}
    unread = {stem for stem in stems.values() if stem not in readings}
    pinyin = _pinyin((unread | set(suffixes.values())) - {""})
    pinyin[""] = ""
    short = {place: readings.get(stem) or pinyin[stem] for place, stem in stems.items()}
    counts = pd.Series(list(short.values())).value_counts()
    return {
        place: name if counts[name] == 1 else name + pinyin[suffixes[place]]
        for place, name in short.items()
    }


def _comparison_title(localities: list[str]) -> str:
    """The title of the comparison of ``localities``.

    >>> _comparison_title(["衡阳市", "云阳县", "漯河市"])
    'Comparing 衡阳市, 云阳县 and 漯河市'
    """
    if len(localities) > NAMED_IN_TITLE:
        return f"Comparing {len(localities)} localities"
    return f"Comparing {', '.join(localities[:-1])} and {localities[-1]}"


def corpus_reports(articles: pd.DataFrame, terms: list[dict[str, str]]) -> list[Report]:
    """The reports the corpus calls for (see the module docstring), from its articles table
    (``locality`` and ``year`` columns) and the term list."""
    counts = articles.loc[articles["locality"] != "", "locality"].value_counts(sort=False)
    # Most articles first, as a reader looks for them; ties by name, so the order is stable.
    localities = sorted(counts.index, key=lambda place: (-counts[place], place))
    names = locality_names(localities)
    years = articles.dropna(subset=["year"]).groupby("locality")["year"].unique()
    reports = [
        Report(
            "00_data_quality",
            "00_data_quality",
            "Data quality: what the cleaning did to each article",
        ),
        Report(
            "10_corpus_overview",
            "10_corpus_overview",
            "Corpus overview: articles, lengths, outlets, officials",
        ),
    ]
    for place in localities:
        english = names[place].capitalize()
        reports.append(
            Report(
                f"20_locality_profile_{names[place]}",
                "20_locality_profile",
                f"{place} {english}: locality profile",
                {"locality": place},
            )
        )
    if len(localities) > 1:
        reports.append(
            Report("30_compare_localities", "30_compare_localities", _comparison_title(localities))
        )
    for place in localities:
        place_years = sorted(years.get(place, []))
        if len(place_years) > 1:
            reports.append(
                Report(
                    f"40_locality_over_time_{names[place]}",
                    "40_locality_over_time",
                    f"{place} {names[place].capitalize()} over time: "
                    + ", ".join(map(str, place_years)),
                    {"locality": place},
                )
            )
    reports += [
        Report(
            f"50_term_explorer_{row['name']}",
            "50_term_explorer",
            f"Term explorer: {row['term']} ({row['gloss']})",
            {"term": row["term"]},
        )
        for row in terms
    ]
    return reports


def read_report_list(
    path: Path = REPORT_LIST_FILE,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    processed_dir: Path | None = None,
) -> list[Report]:
    """The reports of the corpus of ``processed_dir``, with the extra reports and overrides
    of ``path``. Raises ``InputError`` when the processed data is missing."""
    from helpers.build.tables import read_table

    extra = {report.name: report for report in read_report_file(path, notebooks_dir)}
    computed = corpus_reports(
        read_table("articles", processed_dir), resources.read_rows(TERMS_FILE)
    )
    names = {report.name for report in computed}
    return [extra.get(report.name, report) for report in computed] + [
        report for name, report in extra.items() if name not in names
    ]


def read_report_file(
    path: Path = REPORT_LIST_FILE, notebooks_dir: Path = config.NOTEBOOKS_DIR
) -> list[Report]:
    """The rows of a report file, validated: unique names, existing notebooks, JSON-object
    parameters."""
    reports, seen = [], set()
    for line, row in resources.numbered_rows(path):

        def bad(reason, line=line):
            return InputError(path, f"line {line}: {reason}")

        name = (row.get("name") or "").strip()
        if not _NAME.match(name) or name.lower() == "index":  # index.html is the index page
            raise bad(f"report name {name!r} is not a plain file name")
        if name in seen:
            raise bad(f"report name {name!r} appears twice")
        notebook = (row.get("notebook") or "").strip()
        if not (notebooks_dir / f"{notebook}.ipynb").is_file():
            raise bad(f"no notebook {notebooks_dir / (notebook + '.ipynb')}")
        try:
            parameters = json.loads(row.get("parameters") or "{}")
        except json.JSONDecodeError as error:
            raise bad(f"parameters are not JSON ({error})") from None
        if not isinstance(parameters, dict):
            raise bad("parameters must be a JSON object")
        seen.add(name)
        reports.append(Report(name, notebook, (row.get("title") or name).strip(), parameters))
    return reports


def select(reports: list[Report], only: list[str] | None) -> list[Report]:
    """The reports named in ``only`` (all when it is empty); unknown names are an error."""
    if not only:
        return reports
    unknown = sorted(set(only) - {r.name for r in reports})
    if unknown:
        raise InputError(
            REPORT_LIST_FILE,
            f"unknown report(s) {', '.join(unknown)}; known: {', '.join(r.name for r in reports)}",
        )
    return [r for r in reports if r.name in only]
