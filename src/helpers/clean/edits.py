"""Record what a cleaning step changed, so the audit can say what, how often, with examples.

Every cleaning step is a ``str -> str`` function with an optional ``log`` list; when the
caller passes one, the step appends one ``(before, after)`` pair per edit. Steps stay pure
and cheap when nobody is listening (``log=None``).
"""

import re
from collections.abc import Callable, Iterable

EditLog = list[tuple[str, str]] | None

MAX_EXAMPLES = 3


def sub(pattern: re.Pattern, repl: str | Callable[[re.Match], str], text: str, log: EditLog) -> str:
    """``pattern.sub(repl, text)``, logging each match that actually changes.

    ``repl`` is a literal string (no group references) or a function of the match.

    >>> log = []
    >>> sub(re.compile(r",,"), ",", "a,,b,,c", log), log
    ('a,b,c', [(',,', ','), (',,', ',')])
    """
    if not callable(repl):
        new, count = pattern.subn(repl.replace("\\", "\\\\"), text)
        if count and log is not None:  # listed afterwards: no call back into Python per match
            log.extend(
                (found, repl)
                for found in map(re.Match.group, pattern.finditer(text))
                if found != repl
            )
        return new
    if log is None:
        return pattern.sub(repl, text)

    def replace(match: re.Match) -> str:
        new = repl(match)
        if new != match.group(0):
            log.append((match.group(0), new))
        return new

    return pattern.sub(replace, text)


def show(fragment: str) -> str:
    """A fragment made visible in one line: newlines as ⏎, nothing as ∅.

    >>> show("a\\nb"), show("")
    ('a⏎b', '∅')
    """
    return fragment.replace("\n", "⏎") if fragment else "∅"


def audit_row(step: str, log: Iterable[tuple[str, str]], changes: int | None = None) -> dict:
    """One audit entry: the step, how many edits it made, the first distinct examples.

    ``changes`` is the number of edits when ``log`` is an iterator over them (read only as
    far as the examples need).

    >>> audit_row("glosses", [("(chǎn)", ""), ("(yè)", ""), ("(chǎn)", "")])
    {'step': 'glosses', 'changes': 3, 'examples': '(chǎn) → ∅ | (yè) → ∅'}
    """
    examples: list[str] = []
    seen = set()
    for edit in log:
        if edit in seen:  # a repeated edit gives a repeated example
            continue
        seen.add(edit)
        example = f"{show(edit[0])} → {show(edit[1])}"
        if example not in examples:
            examples.append(example)
        if len(examples) == MAX_EXAMPLES:
            break
    return {
        "step": step,
        "changes": len(log) if changes is None else changes,
        "examples": " | ".join(examples),
    }
