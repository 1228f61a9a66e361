"""Check the address of every source with short timeouts and record what answered; never fails on the network."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils.translation import ngettext

from laws.models import Source
from laws.services.links import check_sources


class Command(BaseCommand):
    help = (
        "Request the address of every source (or of those named) and record its status and the time of the check. "
        "A source whose address does not answer is recorded as unreachable; the run itself always completes."
    )

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="Check only the sources with these keys.")
        parser.add_argument("--timeout", type=float, default=5.0, help="Seconds allowed to connect and to read.")
        parser.add_argument("--workers", type=int, default=8, help="Addresses checked at the same time.")
        parser.add_argument(
            "--only-unchecked", action="store_true", help="Check only the sources whose address was never checked."
        )

    def handle(self, *args, keys, timeout, workers, only_unchecked, **options):
        sources = Source.objects.exclude(url="").order_by("key")
        if keys:
            sources = sources.filter(key__in=keys)
        if only_unchecked:
            sources = sources.filter(Q(link_checked_at__isnull=True) | Q(link_status=Source.LinkStatus.UNCHECKED))
        sources = list(sources)
        results = check_sources(sources, timeout=timeout, workers=workers)
        by_pk = {source.pk: source for source in sources}
        failed = (Source.LinkStatus.BROKEN, Source.LinkStatus.UNREACHABLE)
        for result in results:
            source = by_pk[result.source_id]
            detail = result.error or (f"→ {result.final_url}" if result.final_url else "")
            code = result.http_status if result.http_status is not None else "-"
            line = f"{result.status:<11} {code!s:>3} {source.key} {source.url} {detail}".rstrip()
            self.stdout.write(self.style.WARNING(line) if result.status in failed else line)
        broken = sum(1 for result in results if result.status in failed)
        summary = ngettext(
            "%(checked)d address checked; broken or unreachable: %(broken)d.",
            "%(checked)d addresses checked; broken or unreachable: %(broken)d.",
            len(results),
        )
        self.stdout.write(summary % {"checked": len(results), "broken": broken})
