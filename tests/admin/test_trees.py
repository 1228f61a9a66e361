"""Document parts and attack types as trees in the admin: indented without inline style, moved with buttons that
keep the tree valid and are logged, parents chosen only within the part's own document."""

import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import translation

from core import trees
from incidents.models import AttackType
from strategy.models import Document, Node
from tests.factories import AttackTypeFactory, DocumentFactory, NodeFactory

pytestmark = pytest.mark.django_db

NODE_LIST = "/admin/strategy/node/"
ATTACK_LIST = "/admin/incidents/attacktype/"


def document_order(document):
    """[(key, parent key, depth)] of a document's parts in the order its public page shows them."""
    keys = dict(Node.objects.filter(document=document).values_list("pk", "key"))
    return [
        (node.key, keys.get(node.parent_id), node.level)
        for node in Node.objects.filter(document=document).order_by("tree_id", "lft")
    ]


def assert_valid_tree(model, scope=None):
    """mptt's columns describe the parent links, and `position` agrees with the tree: a rebuild from the parent
    links and positions alone gives every scope (document) the same order."""
    nodes = {node.pk: node for node in model._tree_manager.all()}
    for node in nodes.values():
        assert node.lft < node.rght
        if node.parent_id is None:
            assert node.level == 0
            continue
        parent = nodes[node.parent_id]
        assert (node.tree_id, node.level) == (parent.tree_id, parent.level + 1), node
        assert parent.lft < node.lft < node.rght < parent.rght, node
        if scope:
            assert getattr(node, scope) == getattr(parent, scope), f"{node} is not in its parent's {scope}"
    for node in nodes.values():
        inside = [n for n in nodes.values() if n.tree_id == node.tree_id and node.lft < n.lft < node.rght]
        assert node.rght - node.lft == 2 * len(inside) + 1, node

    def shape():
        rows = model._tree_manager.order_by("tree_id", "lft").values_list(
            scope or "tree_id", "pk", "parent_id", "level"
        )
        grouped = {}
        for group, *row in rows:
            grouped.setdefault(group if scope else None, []).append(tuple(row))
        return grouped

    before = shape()
    model._tree_manager.rebuild()
    assert shape() == before


def post_move(client, url, node, direction):
    return client.post(url, {"tree_move": f"{node.pk}:{direction}"})


def test_the_parts_list_is_indented_by_class_without_any_style_attribute(admin_client, kb):
    html = admin_client.get(NODE_LIST).content.decode()
    assert "style=" not in html
    assert "<script>" not in html  # no inline script either (CSP)
    levels = [int(level) for level in re.findall(r'class="tree-node tree-level-(\d)"', html)]
    assert set(levels) >= {0, 1, 2}
    assert 'href="/static/css/admin.css"' in html


def test_a_row_offers_only_the_moves_it_allows(admin_client):
    document = DocumentFactory()
    first, second = NodeFactory(document=document), NodeFactory(document=document)
    child = NodeFactory(parent=second)
    html = admin_client.get(NODE_LIST, {"document__id__exact": document.pk}).content.decode()

    def moves(node):
        return set(re.findall(rf'value="{node.pk}:(\w+)"', html))

    assert moves(first) == {"down"}
    assert moves(second) == {"up", "indent"}
    assert moves(child) == {"outdent"}


def test_moves_change_the_public_order_keep_the_tree_valid_and_are_logged(admin_client):
    document = DocumentFactory()
    a, b, c = (NodeFactory(document=document, key=f"test-{key}") for key in "abc")
    NodeFactory(document=DocumentFactory())  # another document's tree between and after them
    url = f"{NODE_LIST}?document__id__exact={document.pk}"

    response = post_move(admin_client, url, c, "up")
    assert response.status_code == 302 and response.url == url
    assert [key for key, _parent, _level in document_order(document)] == ["test-a", "test-c", "test-b"]

    post_move(admin_client, url, c, "indent")  # under a, as its last child
    assert document_order(document) == [("test-a", None, 0), ("test-c", "test-a", 1), ("test-b", None, 0)]
    post_move(admin_client, url, b, "indent")
    assert document_order(document) == [("test-a", None, 0), ("test-c", "test-a", 1), ("test-b", "test-a", 1)]
    post_move(admin_client, url, c, "down")
    post_move(admin_client, url, c, "outdent")  # just after its former parent
    assert document_order(document) == [("test-a", None, 0), ("test-b", "test-a", 1), ("test-c", None, 0)]
    assert_valid_tree(Node, scope="document")

    page = admin_client.get(f"/ja/strategy/documents/{document.slug}/")
    assert page.status_code == 200, page
    html = page.content.decode()
    assert html.index(a.title_ja) < html.index(b.title_ja) < html.index(c.title_ja)

    entries = LogEntry.objects.filter(object_id=str(c.pk), action_flag=CHANGE).order_by("pk")
    assert entries.count() == 4
    with translation.override("en"):
        assert [entry.get_change_message() for entry in entries] == [
            "Changed position.",
            "Changed parent and position.",
            "Changed position.",
            "Changed parent.",  # the last of a's children, it follows a: its number among the top level stays 1
        ]


def test_the_real_documents_stay_valid_after_moves_in_several_of_them(admin_client):
    moved = 0
    for document in Document.objects.filter(nodes__parent__isnull=False).distinct()[:4]:
        node = Node.objects.filter(document=document, parent__isnull=False).order_by("tree_id", "-lft").first()
        before = document_order(document)
        for direction in ("outdent", "up", "indent"):
            post_move(admin_client, NODE_LIST, node, direction)
        assert len(document_order(document)) == len(before)
        moved += 1
    assert moved == 4
    assert_valid_tree(Node, scope="document")


def test_an_impossible_move_changes_nothing_and_says_why(admin_client):
    document = DocumentFactory()
    first = NodeFactory(document=document)
    NodeFactory(document=document)
    before = document_order(document)
    response = admin_client.post(NODE_LIST, {"tree_move": f"{first.pk}:up"}, follow=True)
    assert "It is already the first at its level." in response.content.decode()
    assert document_order(document) == before
    assert admin_client.post(NODE_LIST, {"tree_move": f"{first.pk}:sideways"}).status_code == 400


def test_policy_editors_move_parts_and_incident_editors_only_see_them(editor_client):
    document = DocumentFactory()
    first, second = NodeFactory(document=document), NodeFactory(document=document)
    client = editor_client("Incident editors")
    assert "tree_move" not in client.get(NODE_LIST).content.decode()
    assert post_move(client, NODE_LIST, second, "up").status_code == 403
    client = editor_client("Policy editors")
    assert post_move(client, NODE_LIST, second, "up").status_code == 302
    assert [key for key, _p, _l in document_order(document)] == [second.key, first.key]


def test_the_parent_choices_name_each_document_and_keep_to_the_parts_own(admin_client):
    node = Node.objects.filter(parent__isnull=False).select_related("document").first()
    html = admin_client.get(reverse("admin:strategy_node_change", args=[node.pk])).content.decode()
    select = re.search(r'<select name="parent".*?</select>', html, re.S).group(0)
    groups = re.findall(r'<optgroup label="([^"]*)"', select)
    assert groups == [node.document.title_en]
    offered = {int(pk) for pk in re.findall(r'<option value="(\d+)"', select)}
    own = set(node.document.nodes.values_list("pk", flat=True))
    descendants = set(node.get_descendants(include_self=True).values_list("pk", flat=True))
    assert offered == own - descendants
    assert 'name="document"' not in html and 'name="position"' not in html  # read-only once the part exists

    add = admin_client.get(reverse("admin:strategy_node_add")).content.decode()
    add_select = re.search(r'<select name="parent".*?</select>', add, re.S).group(0)
    assert len(re.findall(r"<optgroup ", add_select)) == Document.objects.filter(nodes__isnull=False).distinct().count()
    known = admin_client.get(reverse("admin:strategy_node_add"), {"document": node.document_id}).content.decode()
    known_select = re.search(r'<select name="parent".*?</select>', known, re.S).group(0)
    assert {int(pk) for pk in re.findall(r'<option value="(\d+)"', known_select)} == own


def test_a_new_part_cannot_get_a_parent_in_another_document(admin_client):
    document, other = DocumentFactory(), DocumentFactory()
    stranger = NodeFactory(document=other)
    data = {
        "document": document.pk,
        "parent": stranger.pk,
        "key": "test-new-part",
        "kind": "measure",
        "status": "published",
        "number": "",
        "title_ja": "新しい部分",
        "title_en": "A new part",
        "body_ja": "",
        "body_en": "",
        "title_status": "document",
        "note_ja": "",
        "note_en": "",
        "provision_links-TOTAL_FORMS": "0",
        "provision_links-INITIAL_FORMS": "0",
        "provision_links-MIN_NUM_FORMS": "0",
        "provision_links-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(reverse("admin:strategy_node_add"), data)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert not Node.objects.filter(key="test-new-part").exists()
    data["parent"] = NodeFactory(document=document).pk
    assert admin_client.post(reverse("admin:strategy_node_add"), data).status_code == 302
    created = Node.objects.get(key="test-new-part")
    assert created.parent_id == data["parent"] and created.position == 0  # the parent's first and only child
    assert_valid_tree(Node, scope="document")


def test_a_part_added_in_the_form_comes_last_in_its_document_or_under_its_parent(admin_client):
    document, other = DocumentFactory(), DocumentFactory()
    first = NodeFactory(document=document, position=0)
    NodeFactory(document=other, position=5)  # another document's tree after it, with a larger position
    second = NodeFactory(document=document, position=1)
    for key, parent in (("test-added-root", ""), ("test-added-child", first.pk)):
        data = {
            "document": document.pk,
            "parent": parent,
            "key": key,
            "kind": "measure",
            "status": "published",
            "title_ja": "追加した部分",
            "title_en": "An added part",
            "title_status": "document",
            **{f"provision_links-{k}": v for k, v in _empty_formset().items()},
        }
        assert admin_client.post(reverse("admin:strategy_node_add"), data).status_code == 302
    assert document_order(document) == [
        (first.key, None, 0),
        ("test-added-child", first.key, 1),
        (second.key, None, 0),
        ("test-added-root", None, 0),
    ]
    assert [n.position for n in trees.siblings(Node.objects.get(key="test-added-root"), ("document_id",))] == [0, 1, 2]
    assert_valid_tree(Node, scope="document")


def test_changing_a_parent_in_the_form_keeps_positions_in_tree_order(admin_client):
    document = DocumentFactory()
    a, b, c = (NodeFactory(document=document) for _ in range(3))
    url = reverse("admin:strategy_node_change", args=[b.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"parent": a.pk, **{f"provision_links-{k}": v for k, v in _empty_formset().items()}})
    assert admin_client.post(url, data).status_code == 302
    assert [(n.pk, n.position) for n in trees.siblings(Node.objects.get(pk=c.pk), ("document_id",))] == [
        (a.pk, 0),
        (c.pk, 1),
    ]
    assert_valid_tree(Node, scope="document")


def _empty_formset():
    return {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


def test_attack_types_are_indented_and_move_for_good(admin_client):
    parent = AttackTypeFactory(slug="test-attack-parent")
    first, second = AttackTypeFactory(parent=parent, slug="test-attack-b"), AttackTypeFactory(parent=parent)
    html = admin_client.get(ATTACK_LIST).content.decode()
    assert "style=" not in html
    assert re.search(rf'tree-level-1">{re.escape(str(first))}<', html)
    post_move(admin_client, ATTACK_LIST, second, "up")
    assert list(parent.get_children().values_list("pk", flat=True)) == [second.pk, first.pk]
    assert_valid_tree(AttackType)  # the rebuild orders by position before slug, and keeps the move
    assert list(AttackType.objects.get(pk=parent.pk).get_children().values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]


def test_moving_a_top_level_part_leaves_other_documents_alone(admin_client):
    document, other = DocumentFactory(), DocumentFactory()
    a = NodeFactory(document=document)
    x = NodeFactory(document=other)
    b = NodeFactory(document=document)
    y = NodeFactory(document=other)
    trees.move(b, trees.UP, scope=("document_id",))
    assert [k for k, _p, _l in document_order(document)] == [b.key, a.key]
    assert [k for k, _p, _l in document_order(other)] == [x.key, y.key]
    with pytest.raises(trees.MoveRefused):
        trees.move(Node.objects.get(pk=b.pk), trees.UP, scope=("document_id",))
    with pytest.raises(trees.MoveRefused):
        trees.move(Node.objects.get(pk=b.pk), trees.OUTDENT, scope=("document_id",))
    assert_valid_tree(Node, scope="document")
