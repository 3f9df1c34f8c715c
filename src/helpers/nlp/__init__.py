"""Sentences, tokens, facts and theme codes of a clean article."""
