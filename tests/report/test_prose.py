"""The notebooks' prose states values, not the names of the constants that hold them."""

import json
import re

import pytest

from helpers import config
from helpers.analysis import quality, similarity

NOTEBOOKS = sorted((config.PROJ_ROOT / "notebooks").glob("*.ipynb"))
_CONSTANT = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")


def _markdown(path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_markdown_names_no_constant(path):
    assert _CONSTANT.findall(_markdown(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_markdown_states_the_constants_current_values(path):
    text = re.sub(r"\s+", " ", _markdown(path))
    for number in re.findall(r"[Pp]ast (\d+) articles a fixed random sample", text):
        assert int(number) == similarity.ARTICLE_SAMPLE
    for number in re.findall(r"[Pp]ast (\d+) articles(?! a fixed)", text):
        assert int(number) == quality.LIST_ALL
    for number in re.findall(r"at most (\d+) localities", text):
        assert int(number) == similarity.HEATMAP_GROUPS
