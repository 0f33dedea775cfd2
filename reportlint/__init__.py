"""reportlint: consistency linting for Chinese budget-performance reports."""

__version__ = "0.1.0"
