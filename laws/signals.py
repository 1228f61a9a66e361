"""The laws app's own signal: a version's text was replaced by an import."""

from django.dispatch import Signal

# Sent after a version's provisions were replaced by an import (sender: Version, kwarg: version).
version_text_replaced = Signal()
