"""A fact, and the signature every extractor of facts has."""

from collections.abc import Callable
from dataclasses import dataclass, field

from helpers.nlp.sentences import Sentence


@dataclass
class Fact:
    """One extracted item; ``text`` is ``article_text[start:end]``. Its kind is the kind its
    extractor is registered under.

    ``measure`` is what a figure measures, an official's role, the list a chain belongs to,
    or the slogan a slogan is written for (itself, or 三高四新 for “三高地” and “四个新”);
    ``figure_type`` is a figure's type: target, result or plan.
    """

    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    measure: str | None = None
    year: int | None = None
    detail: dict = field(default_factory=dict)
    figure_type: str | None = None


Extractor = Callable[[str, list[Sentence]], list[Fact]]
