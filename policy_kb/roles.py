"""Editor roles: each group may change only the content its role covers.

Created after every migrate. Law editors translate and annotate the Act (the Japanese statute text
itself is read-only for everyone: it comes from the import); policy editors maintain documents,
organisations and sectors; incident editors maintain incidents. Sources are shared by all.
"""

from django.contrib.auth.models import Group, Permission

ROLES = {
    "Law editors": {
        "laws": [
            "act:change,view",
            "amendingact:add,change,view",
            "provisionchange:add,change,delete,view",
            "provision:change,view",
            "articleidentity:change,view",
            "version:view",
            "term:add,change,view",
            "source:add,change,view",
        ],
    },
    "Policy editors": {
        "strategy": [
            "document:add,change,view",
            "node:add,change,delete,view",
            "provisionlink:add,change,delete,view",
            "organisation:add,change,view",
            "organisationrelation:add,change,delete,view",
            "sector:change,view",
            "planedition:change,view",
        ],
        "laws": ["source:add,change,view", "articleidentity:view", "version:view", "amendingact:view"],
    },
    "Incident editors": {
        "incidents": [
            "incident:add,change,view",
            "impactfigure:add,change,delete,view",
            "incidentlink:add,change,delete,view",
            "attacktype:add,change,view",
            "country:add,change,view",
        ],
        "laws": ["source:add,change,view", "articleidentity:view", "version:view"],
        "strategy": ["document:view", "node:view", "sector:view"],
    },
}


def ensure_roles(**kwargs):
    for name, apps in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        codenames = []
        for app_label, entries in apps.items():
            for entry in entries:
                model, actions = entry.split(":")
                codenames += [(app_label, f"{action}_{model}") for action in actions.split(",")]
        permissions = [
            p
            for p in Permission.objects.filter(content_type__app_label__in=list(apps)).select_related("content_type")
            if (p.content_type.app_label, p.codename) in set(codenames)
        ]
        group.permissions.set(permissions)
