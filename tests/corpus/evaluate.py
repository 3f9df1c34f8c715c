"""`make eval`: how right the cleaning and the extraction are on the pattern corpus.

Every article of ``tests/corpus/articles/`` is cleaned and analysed as a user's own file
would be (no catalog row, no errata) and compared with its hand-read expectations in
``tests/corpus/expected/``: the share of articles with clean text, no chrome, the right
headline, locality and date, and recall and precision per fact kind. Then the coding of themes
and instruments against the hand-coded validation set (``helpers.nlp.coding_eval``), per split.

    python tests/corpus/evaluate.py            # the table
    python tests/corpus/evaluate.py --misses   # and every miss, article by article
    python tests/corpus/evaluate.py --coding-misses [SPLIT ...]  # and every coding miss
"""

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opencc import OpenCC

from helpers.analysis import sectors
from helpers.clean.articles import load_file
from helpers.clean.errata import suspicious_runs
from helpers.clean.sources import Sources
from helpers.errors import InputError
from helpers.nlp import coding_eval
from helpers.nlp.analyse import extract_article

CORPUS = Path(__file__).resolve().parent
_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' ]+[)）]")
_IGNORED = re.compile(r"[\s，,。．.、；;：:！!？?“”\"'‘’（）()《》【】—\-]")
_TO_SIMPLIFIED = OpenCC("t2s")


def squeeze(text: str) -> str:
    """Text compared without spaces and punctuation, in Simplified."""
    return _IGNORED.sub("", _TO_SIMPLIFIED.convert(text or ""))


@dataclass
class Tally:
    """Counts of one measure: how many were right of how many."""

    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.right += ok
        self.total += 1
        if not ok:
            self.misses.append(miss)

    def share(self) -> str:
        return (
            f"{self.right}/{self.total} ({100 * self.right / self.total:.0f}%)"
            if self.total
            else "-"
        )


@dataclass
class Retrieval:
    """Recall and precision of one fact kind."""

    found: int = 0  # expected items that were found
    expected: int = 0
    correct: int = 0  # found items that were expected
    extracted: int = 0
    misses: list[str] = field(default_factory=list)

    def add(
        self,
        expected: list[str],
        extracted: list[str],
        article: str,
        same: Callable[[str, str], bool],
    ) -> None:
        hits = [e for e in expected if any(same(e, x) for x in extracted)]
        good = [x for x in extracted if any(same(e, x) for e in expected)]
        self.found += len(hits)
        self.expected += len(expected)
        self.correct += len(good)
        self.extracted += len(extracted)
        self.misses += [f"{article}: missed {e}" for e in expected if e not in hits]
        self.misses += [f"{article}: spurious {x}" for x in extracted if x not in good]

    def figures(self) -> str:
        recall = f"{100 * self.found / self.expected:.0f}%" if self.expected else "-"
        precision = f"{100 * self.correct / self.extracted:.0f}%" if self.extracted else "-"
        return f"recall {recall:>4} ({self.found}/{self.expected})  precision {precision:>4} ({self.correct}/{self.extracted})"


def _same(a: str, b: str) -> bool:
    return squeeze(a) == squeeze(b)


def _same_chain(a: str, b: str) -> bool:
    strip = re.compile(r"(?:产业链|产业集群|集群|产业|业)$")
    return strip.sub("", squeeze(a)) == strip.sub("", squeeze(b))


def evaluate(corpus: Path = CORPUS) -> dict:
    """Every measure over the corpus."""
    cleaning = {
        name: Tally()
        for name in ("one article", "clean text", "no chrome", "headline", "locality", "date")
    }
    facts = {
        kind: Retrieval() for kind in ("officials", "chains", "slogans", "figures", "documents")
    }
    posts = Tally()
    figure_types = Tally()
    figure_years = Tally()
    declared = Tally()
    for expected_file in sorted((corpus / "expected").glob("*.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        name = expected["file"]
        try:
            articles = load_file(corpus / "articles" / name, Sources())
        except InputError as error:
            for tally in cleaning.values():
                tally.add(False, f"{name}: {error}")
            continue
        article = articles[0]
        whole = f"{article.title}\n{article.text}"
        cleaning["one article"].add(len(articles) == 1, f"{name}: {len(articles)} articles")
        problems = [f"gloss {g}" for g in _GLOSS.findall(whole)]
        problems += [f"mojibake {run}" for run in suspicious_runs(whole)]
        problems += ["not Simplified"] * (_TO_SIMPLIFIED.convert(whole) != whole)
        problems += [
            f"lost: {s[:20]}" for s in expected["body"] if squeeze(s) not in squeeze(article.text)
        ]
        cleaning["clean text"].add(not problems, f"{name}: {'; '.join(problems)}")
        left = [c for c in expected["chrome"] if squeeze(c) and squeeze(c) in squeeze(whole)]
        cleaning["no chrome"].add(not left, f"{name}: left {left}")
        cleaning["headline"].add(
            _same(article.title, expected["title"]),
            f"{name}: {article.title!r} for {expected['title']!r}",
        )
        cleaning["locality"].add(
            article.locality == expected["locality"],
            f"{name}: {article.locality!r} for {expected['locality']!r}",
        )
        cleaning["date"].add(
            article.date == expected["date"], f"{name}: {article.date!r} for {expected['date']!r}"
        )

        found = extract_article(article.to_record())
        want = expected["facts"]
        officials = {f["text"]: f.get("measure") or "" for f in found["officials"]}
        facts["officials"].add([o["name"] for o in want["officials"]], list(officials), name, _same)
        for official in want["officials"]:
            if official["name"] in officials:
                posts.add(
                    _same(officials[official["name"]], official["post"]),
                    f"{name}: {official['name']} {officials[official['name']]!r} for {official['post']!r}",
                )
        chain_items = [f["detail"].get("name", f["text"]) for f in found["chains"]]
        facts["chains"].add(
            [i for chain in want["chains"] for i in chain["items"]], chain_items, name, _same_chain
        )
        slogans = list(dict.fromkeys(f["text"].strip('“”"') for f in found["slogans"]))
        facts["slogans"].add(want["slogans"], slogans, name, _same)
        facts["figures"].add(
            [f["text"] for f in want["figures"]], [f["text"] for f in found["targets"]], name, _same
        )
        for figure in want["figures"]:
            types = [
                f.get("figure_type") for f in found["targets"] if _same(f["text"], figure["text"])
            ]
            if types:
                figure_types.add(
                    figure["type"] in types,
                    f"{name}: {figure['text']} {'/'.join(map(str, types))} for {figure['type']}",
                )
            years = [f["year"] for f in found["targets"] if _same(f["text"], figure["text"])]
            if years:
                figure_years.add(
                    figure.get("year") in years,
                    f"{name}: {figure['text']} {'/'.join(map(str, years))} for {figure.get('year')}",
                )
        for chain in want["chains"]:
            if chain["declared"] is not None:
                counts = {
                    f["detail"].get("declared")
                    for f in found["chains"]
                    if any(_same_chain(i, f["detail"].get("name") or "") for i in chain["items"])
                }
                declared.add(
                    chain["declared"] in counts,
                    f"{name}: {chain['head']} {sorted(counts, key=str)} for {chain['declared']}",
                )
        documents = [f["text"] for f in found.get("documents", [])]
        facts["documents"].add(want.get("documents", []), documents, name, _same)
    return {
        "cleaning": cleaning,
        "facts": facts,
        "posts": posts,
        "figure types": figure_types,
        "figure years": figure_years,
        "declared": declared,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument(
        "--coding-misses",
        nargs="*",
        metavar="SPLIT",
        help="list every validation sentence the coder disagrees on (of these splits; "
        "default dev and dev2): the text, the hand codes and the machine codes",
    )
    args = parser.parse_args(argv)
    result = evaluate()
    print(
        f"Pattern corpus: {len(list((CORPUS / 'expected').glob('*.json')))} articles ({CORPUS})\n"
    )
    print("Cleaning (share of articles)")
    for name, tally in result["cleaning"].items():
        print(f"  {name:<12} {tally.share()}")
    print("\nFacts")
    for kind, retrieval in result["facts"].items():
        print(f"  {kind:<10} {retrieval.figures()}")
    print(f"  {'posts':<10} whole post right for {result['posts'].share()} of the officials found")
    print(f"  {'types':<10} type right for {result['figure types'].share()} of the figures found")
    print(f"  {'years':<10} year right for {result['figure years'].share()} of the figures found")
    print(
        f"  {'counts':<10} declared count right for {result['declared'].share()} of the counted lists"
    )
    names = list(
        dict.fromkeys(
            item
            for path in sorted((CORPUS / "expected").glob("*.json"))
            for chain in json.loads(path.read_text(encoding="utf-8"))["facts"]["chains"]
            for item in chain["items"]
        )
    )
    unmapped = [name for name in names if sectors.sectors_of(name) == [sectors.UNMAPPED]]
    print(
        f"  {'sectors':<10} {len(names) - len(unmapped)}/{len(names)} "
        f"({sectors.mapped_share(names):.0%}) of the distinct chain names map to a sector"
        f"; unmapped: {'、'.join(unmapped) or 'none'}"
    )
    print(
        f"\nCoding (validation set {coding_eval.VALIDATION_FILE.name}; ⚠ precision under "
        f"{coding_eval.MIN_PRECISION:.0%})"
    )
    try:
        print("\n".join(coding_eval.summary_lines(coding_eval.evaluate())))
    except InputError as error:  # a bad validation row: one line, no traceback
        print(f"  {error}")
        return 1
    if args.misses:
        print("\nMisses")
        tallies = [("posts", result["posts"]), ("types", result["figure types"])]
        tallies.append(("years", result["figure years"]))
        tallies.append(("counts", result["declared"]))
        for name, tally in [*result["cleaning"].items(), *tallies]:
            for miss in tally.misses:
                print(f"  [{name}] {miss}")
        for kind, retrieval in result["facts"].items():
            for miss in retrieval.misses:
                print(f"  [{kind}] {miss}")
    if args.coding_misses is not None:
        print("\nCoding misses (- hand only, + machine only)")
        for line in coding_eval.miss_lines(tuple(args.coding_misses) or ("dev", "dev2")):
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
