"""A switch that marks a bulk load or import, so per-record side effects wait for its end."""

import threading
from contextlib import contextmanager

_state = threading.local()


@contextmanager
def bulk_load():
    """Context manager: inside it, in_bulk_load() is True (signal handlers skip per-record index updates)."""
    previous = getattr(_state, "active", False)
    _state.active = True
    try:
        yield
    finally:
        _state.active = previous


def in_bulk_load():
    """True inside a bulk_load() block of this thread."""
    return getattr(_state, "active", False)
