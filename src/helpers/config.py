"""Every path the project uses, defined once and derived from the package location.

Notebooks opened in JupyterLab and notebooks run by papermill from another working
directory find the same files because nothing here depends on the current directory.
"""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA_DIR = PACKAGE_DIR / "data"
# The presentation layer: what it holds only shows results, so editing it never makes the
# processed data stale (it does change every report).
PRESENTATION_PACKAGES = ("report", "analysis")
REPORT_DIR = PACKAGE_DIR / "report"
REPORT_DATA_DIR = REPORT_DIR / "data"

# src/helpers -> src -> project root. HELPERS_PROJECT_ROOT lets tests and benchmarks
# point the whole pipeline at a scratch copy without touching the real data.
PROJ_ROOT = Path(os.environ.get("HELPERS_PROJECT_ROOT", PACKAGE_DIR.parents[1])).resolve()

DATA_DIR = PROJ_ROOT / "data"
RAW_DATA_DIR = DATA_DIR / "raw"
PROCESSED_DATA_DIR = DATA_DIR / "processed"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
CACHE_DIR = PROJ_ROOT / ".cache"

CATALOG_FILE = RAW_DATA_DIR / "catalog.csv"
ERRATA_FILE = RAW_DATA_DIR / "errata.csv"
RAW_MANIFEST_FILE = RAW_DATA_DIR / "SHA256SUMS"

# The tables of the latest build are published together: each build writes a fresh folder
# and then switches the link ``current`` to it in one step (helpers.build.sets).
CURRENT_SET = "current"
PROCESSED_SET_DIR = PROCESSED_DATA_DIR / CURRENT_SET
TABLE_NAMES = ("articles", "cleaning_log", "sentences", "tokens", "facts", "themes")
PROCESSED_TABLES = {name: PROCESSED_SET_DIR / f"{name}.parquet" for name in TABLE_NAMES}

# The files of the raw folder that are not articles; every other file is read as one (and
# named on one line if its format has no reader). Hidden files are never articles.
RAW_DATA_FILES = (CATALOG_FILE.name, ERRATA_FILE.name, RAW_MANIFEST_FILE.name)
RAW_NOTES_PREFIX = "README"


def is_raw_article(path: Path) -> bool:
    """Whether a file of the raw folder is an article (not the catalog, errata, checksums,
    a README or a hidden file)."""
    name = path.name
    return not (name in RAW_DATA_FILES or name.startswith((RAW_NOTES_PREFIX, ".")) or path.is_dir())


def raw_article_paths(raw_dir: Path | None = None) -> list[Path]:
    """The article files of the raw folder, in a stable order."""
    return sorted(filter(is_raw_article, (raw_dir or RAW_DATA_DIR).glob("*")))
