"""Create an editor: a staff account in one of the roles of policy_kb.roles, with a password typed or from the
environment."""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from policy_kb.roles import ROLES

PASSWORD_VARIABLE = "POLICY_KB_EDITOR_PASSWORD"  # noqa: S105 (the name of a variable, not a password)
# Short names for the roles on the command line: law, policy, incident.
ROLE_NAMES = {name.split()[0].lower(): name for name in ROLES}


class Command(BaseCommand):
    help = (
        "Create a staff account in one editor role (law, policy or incident). The password is asked for twice, or "
        f"read from the {PASSWORD_VARIABLE} environment variable when no one is at the keyboard."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_NAMES), help="The editor's role.")
        parser.add_argument("--email", default="", help="The editor's e-mail address (optional).")
        parser.add_argument("--first-name", default="", dest="first_name")
        parser.add_argument("--last-name", default="", dest="last_name")

    def handle(self, *args, username, role, email, first_name, last_name, **options):
        user_model = get_user_model()
        group = Group.objects.filter(name=ROLE_NAMES[role]).first()
        if group is None:
            raise CommandError(f"The role {ROLE_NAMES[role]!r} does not exist yet: run `manage.py migrate` first.")
        if user_model.objects.filter(username=username).exists():
            raise CommandError(f"An account named {username!r} exists already; nothing was changed.")
        user = user_model(username=username, email=email, first_name=first_name, last_name=last_name, is_staff=True)
        password = self._password(user)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Created {username!r}, a staff account in the role {group.name!r}."))

    def _password(self, user):
        """The password from the environment, or typed twice at a terminal; checked by AUTH_PASSWORD_VALIDATORS."""
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            if not sys.stdin.isatty():
                raise CommandError(
                    f"No password: set {PASSWORD_VARIABLE}, or run the command at a terminal to type it."
                )
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ; nothing was created.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("The password was refused: " + " ".join(error.messages)) from None
        return password
