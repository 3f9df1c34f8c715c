"""Comparisons on the processed tables: DataFrames in, DataFrames out, no I/O."""
