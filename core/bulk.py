"""A switch that marks a bulk load or import, so per-record side effects wait for its end, and the thread-local
switch it is built on (ThreadSwitch, also used by core.imported)."""

import threading
from contextlib import contextmanager

from django.dispatch import Signal


class ThreadSwitch:
    """A switch on for the length of a `with switch.on():` block in one thread (blocks may nest)."""

    def __init__(self):
        self._state = threading.local()

    @contextmanager
    def on(self):
        """Context manager: the switch is on inside the block and back as it was after it."""
        previous = self.is_on()
        self._state.active = True
        try:
            yield
        finally:
            self._state.active = previous

    def is_on(self):
        """True inside an on() block of this thread."""
        return getattr(self._state, "active", False)


_bulk = ThreadSwitch()

bulk_load_finished = Signal()
"""Sent when the outermost bulk_load() block of a thread ends (whether or not it raised): receivers redo at
once what they skipped per record (e.g. advancing the content version)."""


@contextmanager
def bulk_load():
    """Context manager: inside it, in_bulk_load() is True (signal handlers skip per-record index updates)."""
    nested = _bulk.is_on()
    try:
        with _bulk.on():
            yield
    finally:  # sent once the switch is off again, so receivers do their work unskipped
        if not nested:
            bulk_load_finished.send(sender=bulk_load)


def in_bulk_load():
    """True inside a bulk_load() block of this thread."""
    return _bulk.is_on()
