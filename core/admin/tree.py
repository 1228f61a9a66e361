"""Tree admins without inline style or script: indented change lists, move buttons, parents chosen within a scope.

mptt's MPTTModelAdmin indents its change list with style="" attributes, which the site's Content Security Policy
blocks. TreeAdmin keeps mptt's form and delete action but uses Django's own change list: the indentation is a
class (static/css/admin.css, linked from templates/admin/base_site.html), and each row has buttons that move the
record up, down, under the record before it or out of its parent (core.trees), posted with the change list's own
form, so they work without JavaScript.
"""

from django.contrib import admin, messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from mptt.admin import MPTTModelAdmin
from mptt.forms import MPTTAdminForm

from core import trees
from core.i18n import localized

MOVE_FIELD = "tree_move"  # the name of the move buttons in the change list's form: value "<pk>:<direction>"
DEEPEST_INDENT = 8  # deeper levels are indented as much as this one (static/css/admin.css)

MOVE_BUTTONS = {
    trees.UP: ("↑", _("Move up")),
    trees.DOWN: ("↓", _("Move down")),
    trees.INDENT: ("→", _("Move under the one above")),
    trees.OUTDENT: ("←", _("Move out of its parent")),
}


class TreeParentForm(MPTTAdminForm):
    """mptt's admin form (no parent among the node's own descendants) with the parent limited to the node's scope.

    tree_scope: names of the fields that parent and child share (("document",) for a document's parts); the
    choices are then only records of the same scope when the form knows it (from the record, the submitted data
    or the initial values), grouped under the scope's name either way. scope_label: the translated field that
    names a scope record ("title"), or None for str().
    """

    tree_scope = ()
    scope_label = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(self._meta.model._mptt_meta.parent_attr)
        if field is None:
            return
        known = self._known_scope()
        queryset = field.queryset.order_by(*(f"{name}_id" for name in self.tree_scope), "tree_id", "lft")
        if self.tree_scope:
            queryset = queryset.select_related(*self.tree_scope)
        if known is not None:
            queryset = queryset.filter(**known)
        field.queryset = queryset
        field.choices = self._grouped_choices(queryset)

    def _known_scope(self):
        """{attname: value} of the scope fields when every one is known, else None."""
        known = {}
        for name in self.tree_scope:
            attname = self._meta.model._meta.get_field(name).attname
            value = None
            if self.is_bound and name in self.fields:
                value = self.data.get(self.add_prefix(name)) or None
            elif getattr(self.instance, attname, None) is not None:
                value = getattr(self.instance, attname)
            elif self.initial.get(name):
                value = self.initial[name]
                value = getattr(value, "pk", value)
            if value is None:
                return None
            known[attname] = value
        return known

    def _grouped_choices(self, queryset):
        empty = [("", gettext("(none: at the top level)"))]
        if not self.tree_scope:
            return empty + [(node.pk, _indented(node)) for node in queryset]
        groups = {}
        for node in queryset:
            scope = getattr(node, self.tree_scope[0])
            label = localized(scope, self.scope_label).text if self.scope_label else str(scope)
            groups.setdefault((scope.pk, label), []).append((node.pk, _indented(node)))
        return empty + [(label, options) for (_pk, label), options in groups.items()]


def _indented(node):
    return f"{'— ' * node.level}{node}"


class TreeAdmin(MPTTModelAdmin):
    """A ModelAdmin for an mptt model ordered among its siblings by `tree_order_field`.

    tree_scope: field names whose values a node shares with its parent and, for a top-level node, with the other
    top-level nodes it is ordered among (("document",)); tree_scope_label: see TreeParentForm. The list shows
    tree_title (indented) first and tree_moves for editors who may change records; the order field is read-only
    (the buttons set it) and the scope fields are read-only once a record exists, so a move never leaves its tree.
    """

    tree_scope = ()
    tree_scope_label = None
    tree_order_field = "position"
    change_list_template = None  # Django's own: mptt's indents with style="" attributes
    form = TreeParentForm
    sortable_by = ()  # always in tree order, or the indentation would mislead
    list_per_page = 200

    @admin.display(description=_("title"))
    def tree_title(self, obj):
        return format_html('<span class="tree-node tree-level-{}">{}</span>', min(obj.level, DEEPEST_INDENT), str(obj))

    @admin.display(description=_("move"))
    def tree_moves(self, obj):
        allowed = getattr(obj, "tree_possible_moves", [])
        return format_html(
            '<span class="tree-moves">{}</span>',
            format_html_join(
                "",
                '<button type="submit" class="tree-move" name="{}" value="{}:{}" title="{}" aria-label="{}">'
                "{}</button>",
                (
                    (MOVE_FIELD, obj.pk, direction, label, f"{label}: {obj}", symbol)
                    for direction, (symbol, label) in MOVE_BUTTONS.items()
                    if direction in allowed
                ),
            ),
        )

    def _scope_attnames(self):
        return tuple(self.model._meta.get_field(name).attname for name in self.tree_scope)

    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        if not self.has_change_permission(request):
            shown = [name for name in shown if name != "tree_moves"]
        return shown

    def get_readonly_fields(self, request, obj=None):
        fixed = [self.tree_order_field, *(self.tree_scope if obj is not None else ())]
        return [*super().get_readonly_fields(request, obj), *fixed]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.tree_scope = tuple(name for name in self.tree_scope)
        form.scope_label = self.tree_scope_label
        return form

    def get_changelist_instance(self, request):
        """The change list, each record of the page carrying the moves it allows (one query for all)."""
        changelist = super().get_changelist_instance(request)
        rows = list(changelist.result_list)
        scope = self._scope_attnames()
        parents = {row.parent_id for row in rows if row.parent_id is not None}
        roots = {tuple(getattr(row, name) for name in scope) for row in rows if row.parent_id is None}
        family = {}
        if rows:
            related = self.model._tree_manager.filter(parent_id__in=parents)
            if roots:
                related = related | self.model._tree_manager.filter(parent__isnull=True)
            for pk, parent_id, *values in related.order_by("tree_id", "lft").values_list("pk", "parent_id", *scope):
                key = parent_id if parent_id is not None else ("root", *values)
                family.setdefault(key, []).append(pk)
        for row in rows:
            key = row.parent_id if row.parent_id is not None else ("root", *(getattr(row, name) for name in scope))
            row.tree_possible_moves = trees.possible_moves(row, family.get(key, [row.pk]))
        changelist.result_list = rows
        return changelist

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and MOVE_FIELD in request.POST:
            return self.tree_move(request)
        return super().changelist_view(request, extra_context)

    def tree_move(self, request):
        """Apply the move a button posted, record it in the admin log and come back to the same list."""
        pk, _sep, direction = request.POST[MOVE_FIELD].partition(":")
        if direction not in trees.DIRECTIONS:
            raise BadRequest(gettext("This move is not one the list offers."))
        obj = self.get_object(request, pk)
        if obj is None:
            self.message_user(request, gettext("That record no longer exists."), messages.WARNING)
            return HttpResponseRedirect(request.get_full_path())
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            changed = trees.move(obj, direction, scope=self._scope_attnames(), order_field=self.tree_order_field)
        except trees.MoveRefused as refusal:
            self.message_user(request, f"{obj}: {refusal}", messages.WARNING)
        else:
            obj.refresh_from_db()
            self.log_change(request, obj, [{"changed": {"fields": [_field_label(self.model, n) for n in changed]}}])
            self.message_user(request, gettext("Moved: %(record)s") % {"record": obj}, messages.SUCCESS)
        return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        """Save; a new record, or one given another parent, goes last among its new siblings, and the order field
        of the siblings it left and joined is numbered again in tree order."""
        old = type(obj)._tree_manager.filter(pk=obj.pk).first() if change else None
        moved = old is None or old.parent_id != obj.parent_id
        if moved:
            setattr(obj, self.tree_order_field, trees.next_position(obj, self.tree_order_field))
        super().save_model(request, obj, form, change)
        if moved:
            scope = self._scope_attnames()
            if old is not None:
                trees.renumber(old, scope, self.tree_order_field)
            obj.refresh_from_db()
            trees.renumber(obj, scope, self.tree_order_field)


def _field_label(model, name):
    """A field's verbose name as the admin log stores it (untranslated; the log translates it when shown)."""
    field = model._meta.get_field(name)
    with translation.override(None):
        return str(getattr(field, "verbose_name", name))
