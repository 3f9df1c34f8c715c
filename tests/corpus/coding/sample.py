"""Draw the sentences of the coding validation set (``src/helpers/data/coding/validation.csv``).

Sentences come from the seed corpus (``data/raw/``) and the pattern corpus
(``tests/corpus/articles/``), cleaned and split as the build does. Pattern-corpus articles are
split by article: those whose name hashes even give development sentences (rules may be written
while reading them), the others held-out sentences (never read while writing rules). Seed
sentences are split one by one, with the same hash. The draw is random but fixed (seeded), so
the sample can be re-drawn and checked; hand-coding is added to the file afterwards.

    python tests/corpus/coding/sample.py > sample.csv
"""

import csv
import hashlib
import random
import sys
from pathlib import Path

from helpers.clean.articles import load_file
from helpers.nlp.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "data" / "raw"
CORPUS = ROOT / "tests" / "corpus" / "articles"
SIZES = {
    ("seed", "dev"): 40,
    ("seed", "heldout"): 80,
    ("corpus", "dev"): 90,
    ("corpus", "heldout"): 170,
}


def _even(key: str) -> bool:
    return hashlib.sha256(key.encode()).digest()[0] % 2 == 0


def sentences() -> list[dict]:
    out = []
    for origin, folder in (("seed", SEEDS), ("corpus", CORPUS)):
        for path in sorted(folder.glob("*.txt")):
            for part, article in enumerate(load_file(path)):
                for sentence in split_sentences(article.text):
                    text = sentence.text.strip()
                    if len(text) < 4:
                        continue
                    key = f"{path.name}#{part}#{sentence.sentence_id}"
                    by = key if origin == "seed" else path.name
                    out.append(
                        {
                            "origin": origin,
                            "split": "dev" if _even(by) else "heldout",
                            "file": path.name,
                            "part": part,
                            "sentence_id": sentence.sentence_id,
                            "text": text,
                        }
                    )
    return out


def main() -> int:
    rng = random.Random(20261202)
    pool = sentences()
    drawn = []
    for (origin, split), size in SIZES.items():
        candidates = [s for s in pool if s["origin"] == origin and s["split"] == split]
        drawn += rng.sample(candidates, min(size, len(candidates)))
    drawn.sort(key=lambda s: (s["split"], s["origin"], s["file"], s["part"], s["sentence_id"]))
    writer = csv.DictWriter(sys.stdout, [*drawn[0], "themes", "instruments", "note"])
    writer.writeheader()
    for row in drawn:
        writer.writerow({**row, "themes": "", "instruments": "", "note": ""})
    return 0


if __name__ == "__main__":
    sys.exit(main())
