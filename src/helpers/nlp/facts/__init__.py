"""Facts read from an article's text: slogans, figures and targets, chain lists, officials,
documents.

Every fact carries the character span of its ``text`` in the article and the sentence it
sits in, so a reader can check it against the source. Nothing here is a lookup of known
answers: the rules read the structures the articles use (“1”即…, 八个细分领域 after a list
of eight names, 市委书记 before a name), so editing a sentence changes the facts.

Each kind of fact has its module (``slogans``, ``targets``, ``chains``, ``officials``,
``documents``), whose ``extract(text, sentences)`` is registered under the kind's name in
``registry``: the one place that lists the kinds. A new kind is a module, its test in
``tests/nlp/facts/`` and one line in the registry. Modules that read one structure for a
kind stand beside them: ``formulas`` (strategy formulas without numerals, for slogans),
``figures`` (a figure's type and restatements, for targets), ``clauses`` and ``numbers``
(shared). The structures they read are data in ``data/``: ``chain_words.csv``,
``slogan_frames.csv``, ``figure_types.csv``, ``posts.csv``, ``document_types.txt``.
"""
