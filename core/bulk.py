"""A switch that marks a bulk load or import, so per-record side effects wait for its end."""

import threading
from contextlib import contextmanager

from django.dispatch import Signal

_state = threading.local()

bulk_load_finished = Signal()
"""Sent when the outermost bulk_load() block of a thread ends (whether or not it raised): receivers redo at
once what they skipped per record (e.g. advancing the content version)."""


@contextmanager
def bulk_load():
    """Context manager: inside it, in_bulk_load() is True (signal handlers skip per-record index updates)."""
    previous = getattr(_state, "active", False)
    _state.active = True
    try:
        yield
    finally:
        _state.active = previous
        if not previous:
            bulk_load_finished.send(sender=bulk_load)


def in_bulk_load():
    """True inside a bulk_load() block of this thread."""
    return getattr(_state, "active", False)
