"""What every page's callbacks share: a database that cannot be read becomes the view's empty
state (logged), never a 500."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import duckdb

from dashboard import figures
from dashboard.db import DatabaseError
from dashboard.i18n import normalize_lang, t

log = logging.getLogger(__name__)


def guarded(fallback: Callable[[str], object]) -> Callable:
    """Turn a failure to read the database into the view's empty state, logged, instead of a 500.
    The page's language is the callback's ``lang`` argument, or else its last one."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: object, **kwargs: object) -> object:
            try:
                return fn(*args, **kwargs)
            except (DatabaseError, duckdb.Error) as exc:
                if not isinstance(exc, DatabaseError):  # that one the Database logs, once per file
                    log.error("%s: %s", fn.__name__, exc)
                return fallback(normalize_lang(kwargs["lang"] if "lang" in kwargs else args[-1]))

        return wrapper

    return decorate


def db_error_figure(lang: str) -> figures.Figure:
    return figures.empty_figure(lang, t("error.db.title", lang))
