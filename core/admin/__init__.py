"""Admin building blocks shared by the apps: width-insensitive search and tree lists whose parts can be moved."""

from .search import WidthInsensitiveSearch, width_variants
from .tree import TreeAdmin, TreeParentForm

__all__ = ["TreeAdmin", "TreeParentForm", "WidthInsensitiveSearch", "width_variants"]
