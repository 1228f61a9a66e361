"""Run a command against a throwaway PostgreSQL cluster: initdb in a temporary folder, a free port,
an empty database `policy_kb` that DATABASE_URL names for the command, the cluster stopped and
removed afterwards. pytest makes its own test database beside it; other commands use `policy_kb`.

    python tests/with_postgres.py -- python -m pytest

PostgreSQL's server binaries are installed with apt when missing (as root). As root, the cluster
runs as the `postgres` user, because initdb refuses to run as root.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile


def find_binary(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def ensure_server():
    if find_binary("initdb") and find_binary("pg_ctl"):
        return
    if os.geteuid() != 0:
        sys.exit("PostgreSQL server binaries (initdb, pg_ctl) are missing: install the postgresql package.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, env=env)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def cluster():
    """A throwaway PostgreSQL cluster for the duration of a with block: yields its base URL
    ("postgres://postgres@127.0.0.1:PORT"), with one empty database `policy_kb`; stopped and removed after."""
    ensure_server()
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = tempfile.mkdtemp(prefix="policy-kb-pg-")
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    data, log, port = os.path.join(folder, "data"), os.path.join(folder, "log"), free_port()
    try:
        subprocess.run(
            [*as_postgres, initdb, "-D", data, "--locale=C.UTF-8", "--encoding=UTF8", "-A", "trust", "-U", "postgres"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                *as_postgres,
                pg_ctl,
                "-D",
                data,
                "-l",
                log,
                "-w",
                "start",
                "-o",
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        createdb(port, "policy_kb")
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_postgres, pg_ctl, "-D", data, "-m", "fast", "-w", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


def createdb(port, name):
    """Create an empty database `name` in the cluster listening on 127.0.0.1:port."""
    subprocess.run([find_binary("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", name], check=True)


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    command = argv[argv.index("--") + 1 :]
    with cluster() as base:
        env = {**os.environ, "DATABASE_URL": f"{base}/policy_kb"}
        print(f"PostgreSQL test cluster on {base.rsplit('@', 1)[1]}", flush=True)
        return subprocess.run(command, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
