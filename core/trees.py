"""Moving a node of an mptt tree among its siblings (up, down, indent, outdent) with its order field kept in step.

A tree model here is an MPTTModel whose siblings are ordered by an integer field (`order_field`, e.g. "position",
also its MPTTMeta.order_insertion_by) and whose roots may be grouped by `scope` fields (a document's parts are the
roots of several trees that share the document). mptt's own move_to() writes the nested-set columns; the order
field of the siblings is then renumbered 0, 1, 2… in tree order, so a rebuild() gives the same tree.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

UP, DOWN, INDENT, OUTDENT = "up", "down", "indent", "outdent"
DIRECTIONS = (UP, DOWN, INDENT, OUTDENT)


class MoveRefused(ValueError):
    """The move cannot be made (the first part cannot go up, a top-level part cannot be outdented…).

    The message says why, in the active language.
    """


def siblings(node, scope=()):
    """The node's siblings and itself in tree order (a list): the children of its parent, or for a top-level
    node the roots whose `scope` fields (attribute names, e.g. ("document_id",)) equal the node's."""
    manager = type(node)._tree_manager
    if node.parent_id is None:
        rows = manager.filter(parent__isnull=True, **{name: getattr(node, name) for name in scope})
    else:
        rows = manager.filter(parent_id=node.parent_id)
    return list(rows.order_by("tree_id", "lft"))


def children(node):
    """The node's children in tree order (a list)."""
    return list(type(node)._tree_manager.filter(parent_id=node.pk).order_by("tree_id", "lft"))


def possible_moves(node, sibling_pks):
    """The directions that can be applied to `node`, given its siblings' primary keys in tree order."""
    index = sibling_pks.index(node.pk)
    moves = []
    if index > 0:
        moves += [UP, INDENT]
    if index < len(sibling_pks) - 1:
        moves.append(DOWN)
    if node.parent_id is not None:
        moves.append(OUTDENT)
    return [direction for direction in DIRECTIONS if direction in moves]


@transaction.atomic
def move(node, direction, *, scope=(), order_field="position"):
    """Move `node` one step: UP or DOWN among its siblings, INDENT under the sibling before it (as its last child),
    OUTDENT to just after its parent. Returns the names of the fields that changed on the node ("parent",
    order_field). Its descendants move with it; mptt's columns stay valid and the order field of every sibling
    touched is renumbered in tree order (quietly, with QuerySet.update). Raises MoveRefused when the move is not
    possible, ValueError for an unknown direction.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    model = type(node)
    node = model._tree_manager.select_for_update().get(pk=node.pk)
    row = siblings(node, scope)
    index = [sibling.pk for sibling in row].index(node.pk)
    others = row[:index] + row[index + 1 :]
    if direction == UP:
        if index == 0:
            raise MoveRefused(_("It is already the first at its level."))
        target, position, groups = row[index - 1], "left", [_inserted(others, index - 1, node)]
    elif direction == DOWN:
        if index == len(row) - 1:
            raise MoveRefused(_("It is already the last at its level."))
        target, position, groups = row[index + 1], "right", [_inserted(others, index + 1, node)]
    elif direction == INDENT:
        if index == 0:
            raise MoveRefused(_("There is nothing before it at its level to go under."))
        target, position = row[index - 1], "last-child"
        groups = [others, [*children(target), node]]
    else:
        if node.parent_id is None:
            raise MoveRefused(_("It is already at the top level."))
        target, position = node.parent, "right"
        upper = siblings(target, scope)
        at = [s.pk for s in upper].index(target.pk) + 1
        groups = [others, _inserted(upper, at, node)]
    old_parent = node.parent_id
    new_order = {}
    for group in groups:
        for number, member in enumerate(group):
            new_order[member.pk] = number
    # The node's own new place in the order is saved by move_to(); telling mptt it is the value it started from
    # keeps mptt from placing the node again by order_insertion_by.
    setattr(node, order_field, new_order[node.pk])
    node._mptt_meta.update_mptt_cached_fields(node)
    node.move_to(target, position)
    for group in groups:
        for member in group:
            if member.pk != node.pk and getattr(member, order_field) != new_order[member.pk]:
                model._tree_manager.filter(pk=member.pk).update(**{order_field: new_order[member.pk]})
    changed = ["parent"] if node.parent_id != old_parent else []
    if new_order[node.pk] != getattr(row[index], order_field):
        changed.append(order_field)
    return changed


def next_position(node, order_field="position"):
    """An order value that makes mptt insert `node` after every sibling of its (new) parent: one more than the
    largest among the parent's children, or for a top-level node among all top-level nodes (mptt orders the roots
    of every scope together by order_insertion_by). Call renumber() after saving to bring the values back to 0, 1…
    """
    manager = type(node)._tree_manager
    rows = manager.filter(parent_id=node.parent_id) if node.parent_id else manager.filter(parent__isnull=True)
    largest = rows.exclude(pk=node.pk).aggregate(largest=Max(order_field))["largest"]
    return 0 if largest is None else largest + 1


def _inserted(nodes, at, node):
    return [*nodes[:at], node, *nodes[at:]]


def renumber(node, scope=(), order_field="position"):
    """Set the order field of the node's siblings (itself included) to 0, 1, 2… in tree order, quietly.

    For after a form changed a node's parent: mptt placed it, this makes the order field agree with the tree.
    """
    model = type(node)
    for number, sibling in enumerate(siblings(node, scope)):
        if getattr(sibling, order_field) != number:
            model._tree_manager.filter(pk=sibling.pk).update(**{order_field: number})
