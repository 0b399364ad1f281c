"""Thin callbacks, one module per page. Importing this package registers them with Dash."""

from dashboard.callbacks import benchmark, compare, explorer, jury, present  # noqa: F401
