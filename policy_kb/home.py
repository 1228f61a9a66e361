"""What the home page shows: the entry points and a few counts, in a fixed number of queries."""

from incidents.models import Incident
from laws.models import Act, Provision, Term
from strategy.models import Document


def home_context():
    act = Act.objects.order_by("pk").first()
    return {
        "act": act,
        "article_count": Provision.objects.articles().filter(version__key="current").count(),
        "documents": list(Document.objects.for_list().filter(kind__in=["strategy", "hq_decision", "action_plan"])[:6]),
        "document_count": Document.objects.count(),
        "incidents": list(Incident.objects.order_by("-start_date")[:5]),
        "incident_count": Incident.objects.count(),
        "term_count": Term.objects.count(),
    }
