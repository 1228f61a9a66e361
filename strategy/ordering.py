"""The order of organisation kinds: one for the diagram's ring, one for the nested list of bodies."""

from .models import Organisation

# The fixed order of kinds: used for the diagram's ring (from the top, clockwise and anticlockwise in turn),
# so superiors sit above the hub, peers beside it, and the bodies it directs below it.
KIND_ORDER = [
    Organisation.Kind.CABINET,
    Organisation.Kind.MINISTER,
    Organisation.Kind.HEADQUARTERS,
    Organisation.Kind.COUNCIL,
    Organisation.Kind.OFFICE,
    Organisation.Kind.SECRETARIAT,
    Organisation.Kind.TEAM,
    Organisation.Kind.AGENCY,
    Organisation.Kind.CORPORATION,
    Organisation.Kind.MINISTRIES,
    Organisation.Kind.LOCAL,
    Organisation.Kind.CATEGORY,
    Organisation.Kind.OTHER,
]


# The nested list reads top-down: the bodies of the Cabinet before the office holders.
LIST_KIND_ORDER = [
    Organisation.Kind.CABINET,
    Organisation.Kind.HEADQUARTERS,
    Organisation.Kind.COUNCIL,
    Organisation.Kind.SECRETARIAT,
    Organisation.Kind.OFFICE,
    Organisation.Kind.TEAM,
    Organisation.Kind.MINISTER,
    *KIND_ORDER[7:],
]


def kind_rank(organisation, order=KIND_ORDER):
    """The position (an int) of the organisation's kind in `order`; after every listed kind if not listed."""
    try:
        return order.index(organisation.kind)
    except ValueError:
        return len(order)


def diagram_rank(organisation):
    """Sort key of the diagram: (kind_rank, Japanese name)."""
    return (kind_rank(organisation), organisation.name_ja)


def list_rank(organisation):
    """Sort key of the nested list and of an organisation's units: (rank in LIST_KIND_ORDER, Japanese name)."""
    return (kind_rank(organisation, LIST_KIND_ORDER), organisation.name_ja)
