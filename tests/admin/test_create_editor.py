"""manage.py create_editor: a staff account in one role, with a password from the environment or typed at a terminal."""

import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent
GOOD_PASSWORD = "a long editor passphrase 42"


@pytest.fixture
def password_in_environment(monkeypatch):
    monkeypatch.setenv("POLICY_KB_EDITOR_PASSWORD", GOOD_PASSWORD)


@pytest.mark.parametrize(
    ("role", "group"),
    [("law", "Law editors"), ("policy", "Policy editors"), ("incident", "Incident editors")],
)
def test_it_creates_a_staff_account_in_the_role(kb, password_in_environment, role, group, client):
    call_command("create_editor", f"test-{role}-editor", "--role", role, "--email", "editor@example.org", stdout=None)
    user = get_user_model().objects.get(username=f"test-{role}-editor")
    assert user.is_staff and not user.is_superuser and user.is_active
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.check_password(GOOD_PASSWORD) and user.email == "editor@example.org"
    response = client.post("/admin/login/", {"username": user.username, "password": GOOD_PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and response.url == "/admin/"


def test_the_role_decides_what_the_editor_may_open(kb, password_in_environment, client):
    call_command("create_editor", "test-policy-only", "--role", "policy")
    client.force_login(get_user_model().objects.get(username="test-policy-only"))
    assert client.get("/admin/strategy/node/").status_code == 200
    assert client.get("/admin/incidents/incident/").status_code == 403


def test_a_weak_password_an_existing_name_or_no_password_creates_nothing(kb, monkeypatch):
    monkeypatch.setenv("POLICY_KB_EDITOR_PASSWORD", "short")
    with pytest.raises(CommandError, match="password was refused"):
        call_command("create_editor", "test-weak", "--role", "law")
    monkeypatch.setenv("POLICY_KB_EDITOR_PASSWORD", GOOD_PASSWORD)
    call_command("create_editor", "test-twice", "--role", "law")
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_editor", "test-twice", "--role", "incident")
    monkeypatch.delenv("POLICY_KB_EDITOR_PASSWORD")
    with open(os.devnull) as nothing:
        monkeypatch.setattr(sys, "stdin", nothing)  # no one at a terminal
        with pytest.raises(CommandError, match="No password"):
            call_command("create_editor", "test-nobody", "--role", "law")
    with pytest.raises(CommandError):
        call_command("create_editor", "test-unknown-role", "--role", "admin")
    users = get_user_model().objects.filter(username__startswith="test-")
    assert list(users.values_list("username", flat=True)) == ["test-twice"]
    assert list(users.get().groups.values_list("name", flat=True)) == ["Law editors"]


def read_until(fd, text, timeout=60):
    """What the terminal shows until `text` appears (raises TimeoutError after `timeout` seconds)."""
    seen, deadline = b"", time.monotonic() + timeout
    while text.encode() not in seen:
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited for {text!r}, saw {seen.decode(errors='replace')!r}")
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 1024)
            except OSError:
                break
    return seen.decode(errors="replace")


@pytest.mark.slow
def test_the_password_can_be_typed_at_a_terminal():
    """The command in its own process on a fresh database, its standard input a real pseudo-terminal."""
    with tempfile.TemporaryDirectory(prefix="policy-kb-editor-") as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3", "POLICY_KB_VAR_DIR": folder}
        env.pop("POLICY_KB_EDITOR_PASSWORD", None)
        env.pop("DJANGO_SETTINGS_MODULE", None)
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True)
        controller, terminal = pty.openpty()
        process = subprocess.Popen(
            [*manage, "create_editor", "typed-editor", "--role", "incident"],
            cwd=ROOT,
            env=env,
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            start_new_session=True,
        )
        os.close(terminal)
        try:
            read_until(controller, "Password: ")
            os.write(controller, f"{GOOD_PASSWORD}\n".encode())
            read_until(controller, "Password (again): ")
            os.write(controller, f"{GOOD_PASSWORD}\n".encode())
            output = read_until(controller, "Created")
            assert process.wait(timeout=60) == 0, output
        finally:
            process.kill()
            os.close(controller)
        check = subprocess.run(
            [
                *manage,
                "shell",
                "-c",
                "from django.contrib.auth.models import User; u = User.objects.get(username='typed-editor'); "
                f"print(u.is_staff, u.check_password({GOOD_PASSWORD!r}), "
                "list(u.groups.values_list('name', flat=True)))",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        assert check.stdout.strip().splitlines()[-1] == "True True ['Incident editors']"
