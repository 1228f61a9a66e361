"""Citations of supplementary provisions (附則) resolved to their place on an act's supplementary-provisions page.

An act's text carries several 附則 blocks: its own (key "main") and one per amending act. 附則第二条 names the
Article 2 of whichever block has one (several → the reader chooses); 平成二十八年法律第三十一号附則第一条 names the
block of that amending act only.
"""

from core.numerals import law_number_key
from laws.address import ProvisionAddress
from laws.models import AmendingAct, Provision
from laws.records import act_short_name


def amending_act_numbered(written):
    """The AmendingAct whose Japanese or English law number is `written` (in any writing), or None. One query."""
    key = law_number_key(written)
    for amending in AmendingAct.objects.select_related("act"):
        if key in {law_number_key(amending.law_number_ja), law_number_key(amending.law_number_en or "")}:
            return amending
    return None


def _block_names(rows):
    """{(act id, block key): (Japanese, English) name of the block}: 附則 / Suppl. Prov. for an act's own, with the
    amending act's law number for the others. One query."""
    keys = {row.parent.number for row in rows} - {"main"}
    amending = {
        (a.act_id, a.key): a
        for a in AmendingAct.objects.filter(act__in={row.version.act_id for row in rows}, key__in=keys)
    }
    names = {}
    for row in rows:
        block = (row.version.act_id, row.parent.number)
        if block in amending:
            law = amending[block]
            names[block] = (f"（{law.law_number_ja}）", f" ({law.law_number_en or law.law_number_ja})")
        else:
            names[block] = ("", "")
    return names


def supplementary_targets(citation, pairs, blocks=None):
    """Where a supplementary-provision citation leads in (act, version) pairs: ([(url, label_ja, label_en,
    version key)], problem). The article (or, for 附則第二項, the paragraph of a block without articles) in every
    block that has it, or only in `blocks` (block keys) when given; its paragraph must exist when cited.
    problem: "" or "no_supplementary" / "no_paragraph" when nothing is found. Two or three queries."""
    versions = [version for _act, version in pairs]
    kind, number = (
        (Provision.Kind.ARTICLE, citation.article)
        if citation.article
        else (Provision.Kind.PARAGRAPH, citation.paragraph)
    )
    rows = Provision.objects.filter(
        version__in=versions,
        supplementary=True,
        kind=kind,
        number=str(number),
        parent__kind=Provision.Kind.SUPPLEMENTARY,
    ).select_related("parent", "version__act")
    if blocks is not None:
        rows = rows.filter(parent__number__in=blocks)
    if citation.article and citation.paragraph:
        rows = rows.prefetch_related("children")
    rows = sorted(rows, key=lambda row: (row.version.in_force_from, row.parent.position))
    if not rows:
        return [], "no_supplementary"
    names = _block_names(rows)
    targets, problem = [], "no_supplementary"
    for row in rows:
        paragraph = citation.paragraph if citation.article else None
        if paragraph and not any(child.number == str(paragraph) for child in row.children.all()):
            problem = "no_paragraph"
            continue
        address = ProvisionAddress.in_version(
            row.version,
            article=citation.article,
            paragraph=citation.paragraph,
            supplementary=row.parent.number,
            act=row.version.act.slug,
        )
        name_ja, name_en = names[(row.version.act_id, row.parent.number)]
        act = row.version.act
        label_ja = f"{act_short_name(act, 'ja')}{address.label('ja')}{name_ja}（{row.version.label_ja}）"
        version_en = row.version.label_en or row.version.label_ja
        label_en = f"{act_short_name(act, 'en')} {address.label('en')}{name_en} ({version_en})"
        targets.append((address.path(), label_ja, label_en, row.version.key))
    return targets, "" if targets else problem
