"""The command line's plain-text output of `extract` (the JSON contract is tested with each stage)."""

import re
import subprocess
import sys

from helpers import config
from helpers.nlp.facts.registry import KINDS, list_name


def test_extract_prints_the_facts_of_each_article_not_its_text():
    yunyang = next(p for p in config.raw_article_paths() if p.name.startswith("yunyang"))
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(yunyang)],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    assert out.startswith("# 云阳召开“千亿工业”高质量发展动员大会  [云阳县, 2020-08-14]")
    assert "  - 张学锋  (县委书记)" in out
    assert "chains: 3" in out and "  - 能源电子  (三大产业集群)" in out
    assert re.findall(r"^(\w+): \d+$", out, re.M) == [
        list_name(kind) for kind in KINDS
    ]  # one list per kind
    assert "  - 1+5+42\n" in out
    assert "  - 千亿  (工业, 100,000,000,000, 元)" in out
    assert "加快发展、时不我待" not in out  # the text itself is what `clean` prints
