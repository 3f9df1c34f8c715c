"""A report of one's own: one notebook run with parameters given on the command line.

``helpers reports --notebook 20_locality_profile --param locality=株洲市 --param top_terms=30``
builds ``reports/20_locality_profile_custom.html``. A value is read as JSON where it is JSON
(``30``, ``true``, ``["衡阳市", "株洲市"]``) and as a string otherwise (``株洲市``); a name that
is not in the notebook's ``parameters`` cell is refused before anything runs.
"""

import ast
import json
from pathlib import Path

from helpers import config
from helpers.errors import InputError
from helpers.report.listing import Report

CUSTOM_SUFFIX = "_custom"


def notebook_parameters(path: Path) -> list[str]:
    """The names assigned in a notebook's cell tagged ``parameters``."""
    # Late: nbformat's validator costs about a second, and only a custom run reads a notebook.
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    cells = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    return [
        target.id
        for cell in cells
        for node in ast.parse(cell.source).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]


def parse_value(text: str):
    """A parameter's value: JSON where it parses, else the text as it is.

    >>> parse_value("30"), parse_value("株洲市"), parse_value('["衡阳市", "株洲市"]')
    (30, '株洲市', ['衡阳市', '株洲市'])
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def custom_report(
    notebook: str, assignments: list[str], notebooks_dir: Path = config.NOTEBOOKS_DIR
) -> Report:
    """The report of ``notebook`` run with ``NAME=VALUE`` assignments. Raises ``InputError``."""
    path = notebooks_dir / f"{notebook}.ipynb"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in notebooks_dir.glob("*.ipynb")))
        raise InputError("--notebook", f"no notebook {notebook!r}; known: {known}")
    names = notebook_parameters(path)
    parameters = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or name.strip() not in names:
            raise InputError(
                "--param",
                f"{assignment!r} is not NAME=VALUE with a parameter of {notebook} "
                f"({', '.join(names)})",
            )
        parameters[name.strip()] = parse_value(value)
    title = f"{notebook} with " + ", ".join(f"{k}={v}" for k, v in parameters.items())
    return Report(notebook + CUSTOM_SUFFIX, notebook, title, parameters)
