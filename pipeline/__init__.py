"""IMR letter pipeline: letters -> items -> tags -> features -> models -> reports."""

__version__ = "0.1.0"
