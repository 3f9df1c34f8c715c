"""Cleaned articles -> the processed Parquet tables: schema, local and Dask engines, freshness."""
