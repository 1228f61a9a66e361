"""The one vocabulary of typed links: each relation, how it reads from either end, and what it means."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationType(models.TextChoices):
    """The type of a typed link, read from its source: "legal basis", "implements", "prompted", …"""

    LEGAL_BASIS = "legal_basis", _("legal basis")
    IMPLEMENTS = "implements", _("implements")
    REVISES = "revises", _("revises")
    SUPERSEDES = "supersedes", _("supersedes")
    AMENDS = "amends", _("amends")
    PROMPTED = "prompted", _("prompted")
    INVESTIGATED_UNDER = "investigated_under", _("investigated under")
    ILLUSTRATES_RISK = "illustrates_risk", _("illustrates the risk addressed by")
    RESPONDS_TO = "responds_to", _("responds to")
    REPORTS_TO = "reports_to", _("reports to")
    ENTRUSTS_TO = "entrusts_to", _("entrusts work to")
    COOPERATES_WITH = "cooperates_with", _("cooperates with")
    MAY_RECOMMEND_TO = "may_recommend_to", _("may recommend to")
    REQUESTS_COOPERATION_FROM = "requests_cooperation_from", _("may request cooperation from")
    PROVIDES_MATERIALS_TO = "provides_materials_to", _("provides materials to")
    SECRETARIAT_OF = "secretariat_of", _("secretariat of")
    PART_OF = "part_of", _("part of")
    SUMMARISES = "summarises", _("summarises")
    RELATED = "related", _("related to")


# How a link reads from its target's side ("legal basis" seen from the article: "legal basis of").
RELATION_INVERSE = {
    RelationType.LEGAL_BASIS: _("legal basis of"),
    RelationType.IMPLEMENTS: _("implemented by"),
    RelationType.REVISES: _("revised by"),
    RelationType.SUPERSEDES: _("superseded by"),
    RelationType.AMENDS: _("amended by"),
    RelationType.PROMPTED: _("prompted by"),
    RelationType.INVESTIGATED_UNDER: _("legal basis for investigating"),
    RelationType.ILLUSTRATES_RISK: _("addresses the risk illustrated by"),
    RelationType.RESPONDS_TO: _("answered by"),
    RelationType.REPORTS_TO: _("receives reports from"),
    RelationType.ENTRUSTS_TO: _("entrusted with work by"),
    RelationType.COOPERATES_WITH: _("cooperates with"),
    RelationType.MAY_RECOMMEND_TO: _("may receive recommendations from"),
    RelationType.REQUESTS_COOPERATION_FROM: _("asked to cooperate by"),
    RelationType.PROVIDES_MATERIALS_TO: _("receives materials from"),
    RelationType.SECRETARIAT_OF: _("has as its secretariat"),
    RelationType.PART_OF: _("includes"),
    RelationType.SUMMARISES: _("summarised in"),
    RelationType.RELATED: _("related to"),
}

RELATION_DEFINITIONS = {
    RelationType.LEGAL_BASIS: _("The record was made under the provision: the provision is what authorises it."),
    RelationType.IMPLEMENTS: _("The record puts the target into practice."),
    RelationType.REVISES: _("The record is a revised edition of the target, which stays a separate record."),
    RelationType.SUPERSEDES: _("The record replaces the target, which is no longer current."),
    RelationType.AMENDS: _("The amending act or its overview changed the provision."),
    RelationType.PROMPTED: _("The incident is named by a source as a reason for the policy response."),
    RelationType.INVESTIGATED_UNDER: _("The incident was investigated using the powers the provision grants."),
    RelationType.ILLUSTRATES_RISK: _("The incident is an example of the risk that the target is meant to address."),
    RelationType.RESPONDS_TO: _("The record is a response to the target."),
    RelationType.REPORTS_TO: _("The organisation reports to the target organisation."),
    RelationType.ENTRUSTS_TO: _("The organisation may entrust part of its work to the target."),
    RelationType.COOPERATES_WITH: _("The two organisations work in close cooperation."),
    RelationType.MAY_RECOMMEND_TO: _("The organisation may address recommendations to the target."),
    RelationType.REQUESTS_COOPERATION_FROM: _("The organisation may ask the target for cooperation."),
    RelationType.PROVIDES_MATERIALS_TO: _("The organisation must provide materials and information to the target."),
    RelationType.SECRETARIAT_OF: _("The organisation runs the target's secretariat."),
    RelationType.PART_OF: _("The organisation is established within the target."),
    RelationType.SUMMARISES: _("A part of a briefing or overview presents the target in brief."),
    RelationType.RELATED: _("A relation that none of the other types describes; the note says which."),
}


def relation_wording(relation_type, outgoing=True):
    """How a link reads from its source (`outgoing`) or from its target: a lazily translated string.

    Raises ValueError for a value that is not a RelationType."""
    relation_type = RelationType(relation_type)
    return relation_type.label if outgoing else RELATION_INVERSE[relation_type]
