"""The database-specific half of search: one backend per database, chosen by the connection's vendor."""

from django.db import connection

from . import postgresql, sqlite

BACKENDS = {"sqlite": sqlite, "postgresql": postgresql}


def backend():
    """The backend module of the default database. Raises NotImplementedError for another database."""
    try:
        return BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}") from None
