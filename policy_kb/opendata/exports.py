"""The data files: every collection as JSON and as CSV, each version of an act as Akoma Ntoso XML.

CSV is UTF-8 with a byte-order mark (so that spreadsheet programs in Japan open it as UTF-8), one column per
language for translated fields, lists joined with "; ". JSON carries the same rows, with nested rows (the
parts of a document, an incident's figures) and ISO dates. Both list public records only.
"""

import csv
import io
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from laws.models import Version

from .akn import akoma_ntoso, version_for
from .catalogue import COLLECTIONS, PROVISIONS
from .columns import csv_value, row_dict

BOM = "\ufeff"


def site_base(request):
    """The site's absolute base URL without a trailing slash: POLICY_KB_SITE_URL, else the request's host."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def rows_as_dicts(collection, base, **scope):
    """The collection's rows as dicts (see columns.row_dict)."""
    return [row_dict(collection, row, base) for row in collection.rows(**scope)]


def json_body(collection, items):
    """The JSON document of an export: {"collection", "count", "items"}, UTF-8, keys in column order."""
    document = {"collection": collection.key, "count": len(items), "items": items}
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def csv_body(collection, items):
    """The CSV of an export: a BOM, a header row of column names, one row per item (nested columns left out)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    columns = collection.csv_columns
    writer.writerow([column.name for column in columns])
    for item in items:
        writer.writerow([csv_value(item[column.name]) for column in columns])
    return out.getvalue().encode()


def _response(collection, items, fmt, filename):
    if fmt == "json":
        response = HttpResponse(json_body(collection, items), content_type="application/json")
    else:
        response = HttpResponse(csv_body(collection, items), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.{fmt}"'
    return response


@require_safe
def collection_file(request, key, fmt):
    """/data/<key>.<json|csv>: one collection. Raises Http404 for an unknown collection or format."""
    collection = COLLECTIONS.get(key)
    if collection is None or collection.scoped or fmt not in ("json", "csv"):
        raise Http404(_("There is no data file at this address. See the list of data files."))
    return _response(collection, rows_as_dicts(collection, site_base(request)), fmt, key)


@require_safe
def provisions_file(request, act, version, fmt):
    """/data/laws/<act>/<version>/provisions.<json|csv>: the provisions of one version of an act."""
    if fmt not in ("json", "csv"):
        raise Http404(_("There is no data file at this address. See the list of data files."))
    try:
        items = rows_as_dicts(PROVISIONS, site_base(request), act=act, version=version)
    except Version.DoesNotExist:
        raise Http404(_("This knowledge base holds no such act or version.")) from None
    return _response(PROVISIONS, items, fmt, f"{act}-{version}-provisions")


@require_safe
def akoma_ntoso_file(request, act, version, language):
    """/data/laws/<act>/<version>/akn.<ja|en>.xml: one version as Akoma Ntoso 3.0, in Japanese or English."""
    try:
        found = version_for(act, version)
    except Version.DoesNotExist:
        raise Http404(_("This knowledge base holds no such act or version.")) from None
    if language not in ("ja", "en"):
        raise Http404(_("There is no data file at this address. See the list of data files."))
    if not found.is_loaded:
        raise Http404(_("The text of this version is not loaded, so it cannot be exported."))
    response = HttpResponse(akoma_ntoso(found, language), content_type="application/akn+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{act}-{version}.{language}.akn.xml"'
    return response
