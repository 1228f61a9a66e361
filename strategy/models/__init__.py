"""The strategy app's models: policy documents and their parts, critical infrastructure sectors, organisations,
typed links from documents and action plan editions."""

from core.editing import Status

from .bodies import Organisation, OrganisationQuerySet, OrganisationRelation, Sector
from .documents import Document, DocumentQuerySet, Node, NodeQuerySet, TitleStatus
from .links import PlanEdition, ProvisionLink

__all__ = [
    "Document",
    "DocumentQuerySet",
    "Node",
    "NodeQuerySet",
    "Organisation",
    "OrganisationQuerySet",
    "OrganisationRelation",
    "PlanEdition",
    "ProvisionLink",
    "Sector",
    "Status",
    "TitleStatus",
]
