"""What the home page shows: the entry points and a few counts, in a fixed number of queries."""

from django.db.models import Count, Q, Window
from django.utils import timezone

from incidents.models import Incident
from laws.models import Act, Provision, Term
from strategy.models import Document

HOME_ACTS = 5
HOME_DOCUMENT_KINDS = ["strategy", "hq_decision", "action_plan"]


def home_context():
    """The first acts with their counts, recent documents and incidents, and totals (six queries); drafts are
    left out of every list and count."""
    today = timezone.localdate()
    acts = list(
        Act.objects.annotate(
            version_count=Count("versions", distinct=True),
            amendment_count=Count("amending_acts", distinct=True),
            act_total=Window(Count("pk")),  # acts in all: the rows after grouping
        ).order_by("promulgated", "slug")[:HOME_ACTS]
    )
    in_force = Q(version__in_force_from__lte=today) & (
        Q(version__in_force_until__isnull=True) | Q(version__in_force_until__gt=today)
    )
    counts = dict(
        Provision.objects.articles()
        .filter(in_force, version__act__in=acts)
        .values_list("version__act")
        .annotate(total=Count("pk"))
        .values_list("version__act", "total")
    )
    for act in acts:
        act.article_count = counts.get(act.pk, 0)
    return {
        "acts": acts,
        "act_count": acts[0].act_total if acts else 0,
        "documents": list(Document.objects.public().for_list().filter(kind__in=HOME_DOCUMENT_KINDS)[:6]),
        "document_count": Document.objects.public().count(),
        "incidents": list(Incident.objects.public().order_by("-start_date")[:5]),
        "incident_count": Incident.objects.public().count(),
        "term_count": Term.objects.public().count(),
    }
