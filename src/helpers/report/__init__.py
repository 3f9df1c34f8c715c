"""Presentation: glosses, display, charts, fonts, HTML export, kernels and the report runner."""
