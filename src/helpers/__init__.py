"""Comparative analysis of Chinese local-government industrial policy news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("helpers")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
