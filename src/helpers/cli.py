"""Command line: ``python -m helpers {clean,extract,build,add,reports}``.

Errors about input files are printed as one line naming the file and the problem
(exit code 2); other files are still processed.
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from helpers.errors import InputError, InputErrors

EXIT_BAD_INPUT = 2


def _print_error(error: Exception) -> None:
    for line in str(error).splitlines():
        print(f"error: {line}", file=sys.stderr)


def _per_file(
    paths: Iterable[Path], records_of: Callable[[Path], list[dict]]
) -> tuple[list[dict], bool]:
    """Collect the records of every file; report bad files on stderr and keep going."""
    records, failed = [], False
    for path in paths:
        try:
            records.extend(records_of(path))
        except InputError as error:
            _print_error(error)
            failed = True
    return records, failed


def _clean_records(path: Path) -> list[dict]:
    from helpers.clean.articles import load_file

    return [article.to_record() for article in load_file(path)]


def _extract_records(path: Path) -> list[dict]:
    from helpers.nlp.analyse import extract_article

    return [extract_article(record) for record in _clean_records(path)]


def _fact_lists() -> list[str]:
    """The fact lists of an ``extract`` record, one per registered kind of fact."""
    from helpers.nlp.facts.registry import KINDS, list_name

    return [list_name(kind) for kind in KINDS]


def _fact_line(fact: dict) -> str:
    """One extracted fact as a readable line: its text, then what it is or measures."""
    value = fact.get("value")
    said = [
        fact.get("measure") if fact.get("measure") != fact["text"] else None,
        f"{value:,.0f}" if value is not None and value == int(value) else value,
        fact.get("unit"),
        fact.get("year"),
    ]
    said = [str(item) for item in said if item not in (None, "")]
    return f"  - {fact['text']}" + (f"  ({', '.join(said)})" if said else "")


def _emit(records: list[dict], as_json: bool, facts: bool = False) -> None:
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return
    for record in records:
        print(
            f"# {record['title']}  [{record['locality']}, {record['date']}]  ({record['source']})"
        )
        if facts:
            for name in _fact_lists():
                print(f"{name}: {len(record[name])}")
                print("\n".join(map(_fact_line, record[name])) or "  (none)")
            codes = sorted(
                {theme["label_en"] for theme in record["themes"] if theme["dimension"] == "theme"}
            )
            print(f"themes: {', '.join(codes) or '(none)'}")
        else:
            print(record["text"])
        print()


def cmd_clean(args: argparse.Namespace) -> int:
    records, failed = _per_file(args.paths, _clean_records)
    _emit(records, args.json)
    return EXIT_BAD_INPUT if failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    records, failed = _per_file(args.paths, _extract_records)
    _emit(records, args.json, facts=True)
    return EXIT_BAD_INPUT if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    from helpers.build.pipeline import build

    started = time.perf_counter()
    out_dir = build(
        engine=args.engine,
        scheduler=args.scheduler,
        raw_dir=args.raw_dir,
        out_dir=args.out_dir,
        progress=not args.quiet,
    )
    if not args.quiet:
        from helpers.build.tables import read_table

        articles = read_table("articles", out_dir)
        print(
            f"built {len(articles)} articles from {articles['source'].nunique()} files -> {out_dir} "
            f"in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from helpers.add import add_files

    added, errors = add_files(args.paths)
    for target in added:
        print(f"added {target} (catalog row inferred: review it)", file=sys.stderr)
    for error in errors:
        _print_error(error)
    return EXIT_BAD_INPUT if errors else 0


def cmd_reports(args: argparse.Namespace) -> int:
    from helpers.report.custom import custom_report
    from helpers.report.runner import build_reports

    if args.param and not args.notebook:
        raise InputError("--param", "needs --notebook NOTEBOOK: the notebook to run with it")
    if args.notebook and args.only:
        raise InputError("--notebook", "runs one notebook of its own; leave out --only")
    failures = build_reports(
        code=args.code,
        jobs=args.jobs,
        force=args.force,
        only=args.only,
        progress=not args.quiet,
        custom=custom_report(args.notebook, args.param) if args.notebook else None,
    )
    return 1 if failures else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Clean, analyse and report on Chinese local-government industrial policy news.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = commands.add_parser("clean", help="print the cleaned articles of each raw file")
    clean.add_argument("--json", action="store_true", help="one JSON array of article objects")
    clean.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    clean.set_defaults(func=cmd_clean)

    extract = commands.add_parser("extract", help="print each article with its extracted facts")
    extract.add_argument("--json", action="store_true", help="one JSON array of article objects")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.set_defaults(func=cmd_extract)

    build = commands.add_parser("build", help="write data/processed/*.parquet from data/raw/")
    build.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local worker processes (default) or a Dask cluster",
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="address of an existing Dask scheduler (with --engine dask)",
    )
    build.add_argument("--raw-dir", type=Path, help="read articles from here instead of data/raw")
    build.add_argument("--out-dir", type=Path, help="write Parquet here instead of data/processed")
    build.add_argument("--quiet", action="store_true", help="no progress bars")
    build.set_defaults(func=cmd_build)

    add = commands.add_parser(
        "add",
        help="copy articles into data/raw/ with their checksums and inferred catalog rows",
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    add.set_defaults(func=cmd_add)

    reports = commands.add_parser("reports", help="execute the notebooks and export HTML reports")
    reports.add_argument("--code", action="store_true", help="keep code cells in the HTML")
    reports.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPUs)")
    reports.add_argument(
        "--force", action="store_true", help="rebuild even if inputs are unchanged"
    )
    reports.add_argument("--only", nargs="*", metavar="NAME", help="build only these reports")
    reports.add_argument(
        "--notebook",
        metavar="NOTEBOOK",
        help="run this notebook (e.g. 20_locality_profile) with --param values as NOTEBOOK_custom",
    )
    reports.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter of --notebook (VALUE read as JSON where it is, else as text); repeatable",
    )
    reports.add_argument("--quiet", action="store_true", help="no progress bar")
    reports.set_defaults(func=cmd_reports)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, InputErrors) as error:
        _print_error(error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, and keep Python from
        # complaining again while it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
