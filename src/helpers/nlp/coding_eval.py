"""How far the codebooks agree with the hand-coded validation set (``data/coding_validation.csv``).

Each row of the set is one sentence, hand-coded by ``data/coding_guide.md``: origin (seed or
corpus), split (dev: read while writing rules; dev2: held out for a first measurement, then
read to revise the rules; heldout: never read, it measures them), file,
part, sentence_id, text, themes, instruments (codes joined by ``|``), note.

A sentence is coded **in its article** when file, part and sentence_id resolve (the seed file
in ``data/raw/``, the pattern-corpus file in ``tests/corpus/articles/``) and the sentence there
is the row's text: that is what the build codes and the reports count, and the article's facts
(officials' posts, chain items) are part of the context rules. Otherwise the text is coded
alone, with the facts found in it alone; ``in_article`` says which.

:func:`evaluate` gives per-code precision, recall, F1, support and Cohen's kappa per split,
micro averages per dimension and for instrument sides; :func:`trust` flags each code whose
precision on the held-out split (the dev split while no held-out rows exist) is below
:data:`MIN_PRECISION`, so reports can warn about it.
"""

import functools
import hashlib
import pickle
from pathlib import Path

import pandas as pd

from helpers import atomic, config, resources
from helpers.analysis import agreement
from helpers.errors import InputError
from helpers.nlp import themes
from helpers.nlp.facts.registry import extract_facts
from helpers.nlp.sentences import Sentence, split_sentences

VALIDATION_FILE = config.PACKAGE_DATA_DIR / "coding_validation.csv"
# The set's sentences come from this repository's seeds and pattern corpus, whichever project
# folder (HELPERS_PROJECT_ROOT) the reports read: the checkout beside the package.
_REPOSITORY = config.PACKAGE_DIR.parents[1]
FOLDERS = {
    "seed": _REPOSITORY / "data" / "raw",
    "corpus": _REPOSITORY / "tests" / "corpus" / "articles",
}
SPLITS = ("dev", "dev2", "heldout")
MIN_PRECISION = 0.80


def _codes(cell: str) -> set[str]:
    return {code.strip() for code in (cell or "").split("|") if code.strip()}


def load(path: str | Path = VALIDATION_FILE) -> pd.DataFrame:
    """The validation rows, codes as sets; raises InputError naming the line of an unknown code
    or split."""
    known = {code.code for code in themes.codes()}
    rows = []
    for line, row in resources.numbered_rows(path):
        gold = {"theme": _codes(row["themes"]), "instrument": _codes(row["instruments"])}
        unknown = (gold["theme"] | gold["instrument"]) - known
        if unknown or row["split"] not in SPLITS:
            problem = f"unknown code {sorted(unknown)}" if unknown else f"split {row['split']!r}"
            raise InputError(path, f"line {line}: {problem}")
        rows.append(
            {
                **row,
                "part": int(row["part"]),
                "sentence_id": int(row["sentence_id"]),
                "gold_theme": gold["theme"],
                "gold_instrument": gold["instrument"],
            }
        )
    return pd.DataFrame(rows)


@functools.cache
def _article(origin: str, file: str, part: int) -> tuple[list[Sentence], list[dict]] | None:
    """The sentences and facts of one article of a validation file, or None if not found."""
    from helpers.clean.articles import load_file

    path = FOLDERS.get(origin, Path("/nonexistent")) / file
    if not path.is_file():
        return None
    articles = load_file(path)
    if part >= len(articles):
        return None
    text = articles[part].text
    sentences = split_sentences(text)
    return sentences, extract_facts(text, sentences)


def code_row(origin: str, file: str, part: int, sentence_id: int, text: str) -> dict:
    """The coder's theme and instrument codes of one validation sentence, with ``in_article``."""
    found = _article(origin, file, part)
    if found and sentence_id < len(found[0]) and found[0][sentence_id].text.strip() == text:
        sentences, facts = found
        sentence = sentences[sentence_id]
        facts = [f for f in facts if f["sentence_id"] == sentence_id]
        in_article = True
    else:
        sentence = Sentence(0, 0, len(text), text)
        sentences = [sentence]
        facts = extract_facts(text, sentences)
        in_article = False
    spans = tuple(themes.context_spans(facts, sentences).get(sentence.sentence_id, ()))
    coded = themes.code_sentence(sentence.text, spans)
    return {
        "in_article": in_article,
        **{f"coded_{d}": {c.code for dim, c, _ in coded if dim == d} for d in themes.DIMENSIONS},
    }


def coded(path: str | Path = VALIDATION_FILE) -> pd.DataFrame:
    """The validation rows with the coder's codes beside the hand codes."""
    rows = load(path)
    if rows.empty:
        return rows
    results = [code_row(r.origin, r.file, r.part, r.sentence_id, r.text) for r in rows.itertuples()]
    return pd.concat([rows, pd.DataFrame(results, index=rows.index)], axis=1)


def _sides(codes: set[str]) -> set[str]:
    side = themes.side_of()
    return {side[code] for code in codes}


@functools.cache
def evaluate(path: str | Path = VALIDATION_FILE) -> dict[str, dict]:
    """Per split present in the file: ``sentences``, ``in_article`` (how many were coded in
    their article), ``per_code`` (a table: dimension, code, support, predicted, tp, precision,
    recall, f1, kappa), ``dimensions`` (micro precision/recall and mean kappa per dimension),
    ``sides`` (a per-side table) and ``sides_micro``.

    Measuring means cleaning and coding every article the set comes from (seconds, and the
    cleaning's dictionaries in memory for good), and every report kernel asks for it (the
    trust marks): the result is kept in the project's cache folder under a digest of all it
    depends on, so a kernel reads it instead."""
    cache = config.CACHE_DIR / f"coding-agreement-{_inputs_digest(Path(path))}.pickle"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        result = _measured(path)
        atomic.write_with(cache, lambda tmp: tmp.write_bytes(pickle.dumps(result)))
        return result


def _measured(path: str | Path) -> dict[str, dict]:
    table = coded(path)
    out = {}
    for split in SPLITS:
        part = table[table["split"] == split] if len(table) else table
        if part.empty:
            continue
        frames, dimensions = [], {}
        for dimension in themes.DIMENSIONS:
            names = [c.code for c in themes.codes() if c.dimension == dimension]
            scores = agreement.per_code(
                list(part[f"gold_{dimension}"]), list(part[f"coded_{dimension}"]), names
            )
            frames.append(scores.assign(dimension=dimension))
            dimensions[dimension] = agreement.micro(scores)
        gold_sides = [_sides(c) for c in part["gold_instrument"]]
        coded_sides = [_sides(c) for c in part["coded_instrument"]]
        sides = agreement.per_code(gold_sides, coded_sides, list(themes.SIDES))
        out[split] = {
            "sentences": len(part),
            "in_article": int(part["in_article"].sum()),
            "per_code": pd.concat(frames)[["dimension", *agreement.PER_CODE]],
            "dimensions": dimensions,
            "sides": sides.rename(columns={"code": "side"}),
            "sides_micro": agreement.micro(sides),
        }
    return out


def _inputs_digest(path: Path) -> str:
    """What the coder's agreement with ``path`` depends on: the package's code and data (the
    codebooks, the rules, the set itself) and the articles the set's rows come from."""
    from helpers.build.freshness import code_fingerprint

    digest = hashlib.sha256(code_fingerprint().encode() + Path(path).read_bytes())
    for origin, file in sorted({(r.origin, r.file) for r in load(path).itertuples()}):
        article = FOLDERS.get(origin, Path("/nonexistent")) / file
        digest.update(
            f"{origin}/{file}".encode() + (article.read_bytes() if article.is_file() else b"")
        )
    return digest.hexdigest()[:24]


@functools.cache
def trust(path: str | Path = VALIDATION_FILE) -> pd.DataFrame:
    """One row per code: dimension, code, split (the one measured: heldout where it has rows,
    else dev), precision, predicted, and ``trusted``: precision at least :data:`MIN_PRECISION`
    (False below it; None where the code was never given in the split, so nothing is known)."""
    result = evaluate(path)
    split = "heldout" if "heldout" in result else "dev" if "dev" in result else None
    rows = []
    for code in themes.codes():
        row = {"dimension": code.dimension, "code": code.code, "split": split}
        score = None
        if split:
            table = result[split]["per_code"]
            score = table[table["code"] == code.code].iloc[0]
        measured = score is not None and score["predicted"] > 0
        rows.append(
            {
                **row,
                "precision": float(score["precision"]) if measured else None,
                "predicted": int(score["predicted"]) if score is not None else 0,
                "trusted": bool(score["precision"] >= MIN_PRECISION) if measured else None,
            }
        )
    return pd.DataFrame(rows)


def warning(code: str) -> str:
    """The warning a report shows beside a code: empty for a trusted code.

    >>> warning("no_such_code")
    ''
    """
    rows = trust()
    row = rows[rows["code"] == code]
    if row.empty or row.iloc[0]["trusted"] is True:
        return ""
    row = row.iloc[0]
    if row["trusted"] is None:
        return f"⚠ not validated ({row['split'] or 'no'} split)"
    return f"⚠ precision {row['precision']:.0%} < {MIN_PRECISION:.0%} ({row['split']} split)"


def _pct(value: float) -> str:
    return "  n/a" if value != value else f"{value:5.0%}"  # NaN: nothing to measure


def summary_lines(result: dict[str, dict]) -> list[str]:
    """The figures of :func:`evaluate` as the lines ``make eval`` prints, split by split."""
    lines = []
    for split, figures in result.items():
        lines.append(
            f"  {split}: {figures['sentences']} sentences "
            f"({figures['in_article']} coded in their article)"
        )
        for dimension, micro in figures["dimensions"].items():
            lines.append(
                f"    {dimension + 's':<12} precision {_pct(micro['precision'])}  recall "
                f"{_pct(micro['recall'])}  mean kappa {micro['mean_kappa']:.2f} "
                f"({micro['codes_with_kappa']} codes)  [{micro['tp']} of {micro['predicted']} "
                f"coded, {micro['support']} by hand]"
            )
        sides = figures["sides_micro"]
        lines.append(
            f"    {'sides':<12} precision {_pct(sides['precision'])}  recall "
            f"{_pct(sides['recall'])}  mean kappa {sides['mean_kappa']:.2f}"
        )
        for row in figures["sides"].itertuples():
            lines.append(
                f"      {row.side:<22} P {_pct(row.precision)}  R {_pct(row.recall)}  "
                f"n={row.support}"
            )
        lines.append(f"    {'code':<28}     P      R     F1  kappa  hand  coded")
        for row in figures["per_code"].itertuples():
            if row.support or row.predicted:
                flag = " ⚠" if row.predicted and row.precision < MIN_PRECISION else ""
                kappa = "  n/a" if row.kappa != row.kappa else f"{row.kappa:5.2f}"
                lines.append(
                    f"      {row.code:<26} {_pct(row.precision)}  {_pct(row.recall)}  "
                    f"{_pct(row.f1)}  {kappa}  {row.support:4d}  {row.predicted:5d}{flag}"
                )
    return lines


def miss_lines(splits: tuple[str, ...] = ("dev", "dev2")) -> list[str]:
    """Each sentence of ``splits`` where the coder and the hand codes differ: split, file and
    sentence, the text, then per dimension the codes missed (-) and the codes added (+)."""
    table = coded()
    lines = []
    for row in table[table["split"].isin(splits)].itertuples():
        diffs = []
        for dimension in themes.DIMENSIONS:
            gold, got = getattr(row, f"gold_{dimension}"), getattr(row, f"coded_{dimension}")
            diffs += [f"-{c}" for c in sorted(gold - got)] + [f"+{c}" for c in sorted(got - gold)]
        if diffs:
            lines.append(f"[{row.split}] {row.file}#{row.part}.{row.sentence_id}: {row.text}")
            lines.append(
                f"    hand {sorted(row.gold_theme | row.gold_instrument)}  {' '.join(diffs)}"
            )
    return lines
