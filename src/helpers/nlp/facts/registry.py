"""The registry of fact extractors: one extractor per kind of fact, all with one signature.

An extractor reads a clean Simplified text and its sentences and returns the facts of its kind
(:data:`~helpers.nlp.facts.fact.Extractor`). Like papermill's engines, extractors are registered
by name, here their kind, and the registry runs them all and orders what they found
(:meth:`Extractors.extract`). Everything that lists the kinds reads :data:`KINDS`.
"""

from helpers.nlp.facts import chains, documents, officials, slogans, targets
from helpers.nlp.facts.fact import Extractor
from helpers.nlp.sentences import Sentence, sentence_at, split_sentences


class Extractors:
    """Fact extractors by kind, in the order they were registered."""

    def __init__(self) -> None:
        self._by_kind: dict[str, Extractor] = {}

    def register(self, kind: str, extractor: Extractor) -> None:
        """Add the extractor of a new kind of fact, after the kinds registered before it."""
        if kind in self._by_kind:
            raise ValueError(f"a fact extractor is already registered for kind {kind!r}")
        self._by_kind[kind] = extractor

    def get(self, kind: str) -> Extractor:
        """The extractor registered for ``kind``."""
        if kind not in self._by_kind:
            raise KeyError(
                f"no fact extractor is registered for kind {kind!r} (kinds: {', '.join(self._by_kind)})"
            )
        return self._by_kind[kind]

    def kinds(self) -> tuple[str, ...]:
        """The registered kinds, in the order registered."""
        return tuple(self._by_kind)

    def extract(self, text: str, sentences: list[Sentence] | None = None) -> list[dict]:
        """All facts of a clean Simplified text, one dict per fact: sorted by start, and facts
        that start together in the order their kinds were registered.

        Keys: sentence_id, kind, text, start, end, value, unit, measure, year, detail (a dict).
        A fact whose span does not fit inside one sentence is dropped.

        >>> from helpers.nlp.facts.fact import Fact
        >>> registry = Extractors()
        >>> registry.register("word", lambda text, sentences: [Fact("招商", 2, 4)])
        >>> [(f["kind"], f["text"], f["sentence_id"]) for f in registry.extract("要抓招商。")]
        [('word', '招商', 0)]
        """
        sentences = sentences if sentences is not None else split_sentences(text)
        found = [
            (fact.start, order, kind, fact)
            for order, (kind, extract) in enumerate(self._by_kind.items())
            for fact in extract(text, sentences)
        ]
        rows = []
        for _, _, kind, fact in sorted(found, key=lambda item: item[:2]):
            sentence = sentence_at(sentences, fact.start)
            if sentence is None or fact.end > sentence.end:
                continue
            rows.append({"sentence_id": sentence.sentence_id, "kind": kind, **vars(fact)})
        return rows


# The order of registration is the order of facts that start at the same character.
extractors = Extractors()
extractors.register("slogan", slogans.extract)
extractors.register("target", targets.extract)
extractors.register("chain", chains.extract)
extractors.register("chain_list", chains.extract_lists)
extractors.register("official", officials.extract)
extractors.register("document", documents.extract)

KINDS = extractors.kinds()
extract_facts = extractors.extract


def list_name(kind: str) -> str:
    """The name of a list of facts of ``kind`` (a key of ``extract --json``'s articles).

    >>> [list_name(kind) for kind in KINDS]
    ['slogans', 'targets', 'chains', 'chain_lists', 'officials', 'documents']
    """
    return kind + "s"
