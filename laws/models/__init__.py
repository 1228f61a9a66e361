"""The laws app's models: acts and their versions, provisions and when they came into force, amendments, sources,
typed links and glossary."""

from .acts import Act, AmendingAct, ArticleIdentity, ArticleNumber, ProvisionChange, Version
from .commencement import Commencement
from .provisions import Provision
from .references import LawReference, Source, TypedLink
from .terms import Term

__all__ = [
    "Act",
    "AmendingAct",
    "ArticleIdentity",
    "ArticleNumber",
    "Commencement",
    "LawReference",
    "Provision",
    "ProvisionChange",
    "Source",
    "Term",
    "TypedLink",
    "Version",
]
