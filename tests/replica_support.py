"""A real PostgreSQL streaming replica of the test server, for the read-replica tests.

`start_replica` copies the server QUOTEBOT_TEST_POSTGRES_URL names with `pg_basebackup -R`
(which also writes the settings that make the copy a standby following the server) into a
temporary folder, and starts it with the server's own binaries on a free port of 127.0.0.1.
PostgreSQL refuses to run as root: when the tests run as root, the copy belongs to, and runs
as, the `postgres` account instead.

The server must accept replication connections from 127.0.0.1 (pg_hba.conf's "all" does not
cover them): .ci/run adds `host replication postgres 127.0.0.1/32 trust` to CI's server. A
server without it fails the tests with a message that says so; only missing binaries skip.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import URL, Connection, create_engine, text

from store.db.engine import parse_database_url

#: What the standby must have at least as much of as the server it follows, or it will not
#: start as a hot standby.
_AT_LEAST_THE_PRIMARYS = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)
_REPLAY_WAIT_S = 60.0
_COMMAND_TIMEOUT_S = 120
_BACKUP_TRIES = 3


@dataclass
class Replica:
    """A running standby of the test server; `url` names the same database on it."""

    url: str
    primary_url: str
    folder: Path
    binaries: Path
    run_as: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def start(self) -> None:
        log = self.folder / "replica.log"
        _run(
            [*self._pg_ctl(), "-l", str(log), "-w", "-t", "60", "start"],
            f"starting the replica (its log: {log})",
        )

    def stop(self) -> None:
        _run(
            [*self._pg_ctl(), "-m", "fast", "-w", "stop"],
            "stopping the replica",
        )

    def _pg_ctl(self) -> list[str]:
        return [*self.run_as, str(self.binaries / "pg_ctl"), "-D", str(self.data)]

    def wait_for_replay(self) -> None:
        """Until the replica has replayed everything the primary has written so far."""
        with _connection(self.primary_url) as primary:
            written = primary.execute(text("SELECT pg_current_wal_lsn()")).scalar_one()
        deadline = time.monotonic() + _REPLAY_WAIT_S
        with _connection(self.url) as replica:
            while True:
                caught_up = replica.execute(
                    text("SELECT pg_last_wal_replay_lsn() >= CAST(:written AS pg_lsn)"),
                    {"written": written},
                ).scalar_one()
                if caught_up:
                    return
                if time.monotonic() > deadline:
                    raise AssertionError(f"the replica did not replay up to {written} in time")
                time.sleep(0.02)

    def pause_replay(self) -> None:
        """Stop applying the primary's changes, as a replica lagging behind would."""
        with _connection(self.url) as replica:
            replica.execute(text("SELECT pg_wal_replay_pause()"))
            deadline = time.monotonic() + _REPLAY_WAIT_S
            while replica.execute(text("SELECT pg_get_wal_replay_pause_state()")).scalar_one() != (
                "paused"
            ):
                if time.monotonic() > deadline:
                    raise AssertionError("the replica did not pause its replay in time")
                time.sleep(0.02)

    def resume_replay(self) -> None:
        with _connection(self.url) as replica:
            replica.execute(text("SELECT pg_wal_replay_resume()"))


@contextlib.contextmanager
def start_replica(primary_url: str) -> Iterator[Replica]:
    """A streaming replica of the server of `primary_url`, removed at the end."""
    primary = parse_database_url(primary_url)
    with _connection(primary_url) as connection:
        version = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
        settings = {
            name: connection.execute(text(f"SHOW {name}")).scalar_one()
            for name in _AT_LEAST_THE_PRIMARYS
        }
    binaries = _binaries(version)
    run_as, owner = _account()
    folder = Path(tempfile.mkdtemp(prefix="quotebot-replica-"))
    try:
        if owner is not None:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        _base_backup(binaries, run_as, primary, folder / "data")
        port = _free_port()
        _configure(folder, port, settings, owner)
        replica = Replica(
            url=primary.set(host="127.0.0.1", port=port).render_as_string(hide_password=False),
            primary_url=primary_url,
            folder=folder,
            binaries=binaries,
            run_as=run_as,
        )
        replica.start()
        try:
            yield replica
        finally:
            _run(
                [*replica._pg_ctl(), "-m", "immediate", "-w", "stop"],
                "stopping the replica",
                check=False,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _binaries(version: int) -> Path:
    """The folder of the server version's pg_basebackup and pg_ctl; skips the test without."""
    candidates = [Path(f"/usr/lib/postgresql/{version}/bin")]
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    for folder in candidates:
        if (folder / "pg_ctl").is_file() and (folder / "pg_basebackup").is_file():
            return folder
    pytest.skip(f"no PostgreSQL {version} binaries (pg_basebackup, pg_ctl) to make a replica with")


def _account() -> tuple[list[str], pwd.struct_passwd | None]:
    """How to run PostgreSQL's programs: as ourselves, or as `postgres` when we are root."""
    if os.geteuid() != 0:
        return [], None
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("the tests run as root, and there is no postgres account to run a replica as")
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.fail("the tests run as root, and there is no runuser to run a replica as postgres")
    return [runuser, "-u", owner.pw_name, "--"], owner


def _base_backup(binaries: Path, run_as: list[str], primary: URL, data: Path) -> None:
    command = [*run_as, str(binaries / "pg_basebackup"), "-R", "-D", str(data)]
    command += ["-h", primary.host or "127.0.0.1", "-p", str(primary.port or 5432)]
    command += ["-U", primary.username or "postgres", "-X", "stream"]
    # A fast checkpoint, and no fsync of a copy thrown away at the end: seconds, not half a
    # minute.
    command += ["--checkpoint=fast", "--no-sync", "--no-manifest"]
    environment = dict(os.environ)
    if primary.password:
        environment["PGPASSWORD"] = str(primary.password)
    for _ in range(_BACKUP_TRIES):
        outcome = subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=_COMMAND_TIMEOUT_S
        )
        if outcome.returncode == 0:
            return
        problem = outcome.stderr.strip()
        if "pg_hba.conf" in problem and "replication" in problem:
            pytest.fail(
                f"pg_basebackup could not copy the test server: {problem}; add "
                "`host replication postgres 127.0.0.1/32 trust` to the server's pg_hba.conf "
                "and reload it (.ci/run does)"
            )
        # Seen on a busy shared server: a checkpoint that another test session's CREATE or
        # DROP DATABASE forces ends the backup's WAL stream ("terminating process ... to
        # release replication slot"). The next try starts afresh.
        shutil.rmtree(data, ignore_errors=True)
    pytest.fail(f"pg_basebackup could not copy the test server: {problem}")


def _configure(
    folder: Path, port: int, settings: dict[str, str], owner: pwd.struct_passwd | None
) -> None:
    """The standby's own configuration: a distribution's server keeps its postgresql.conf and
    pg_hba.conf outside the data folder, so the copy has none."""
    data = folder / "data"
    files = {
        "postgresql.conf": "\n".join(
            [
                f"port = {port}",
                "listen_addresses = '127.0.0.1'",
                f"unix_socket_directories = '{folder}'",
                "hot_standby = on",
                "fsync = off",
                "shared_buffers = 16MB",
                *(f"{name} = {value}" for name, value in settings.items()),
                "",
            ]
        ),
        "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
        "pg_ident.conf": "",
    }
    for name, content in files.items():
        path = data / name
        path.write_text(content, encoding="utf-8")
        if owner is not None:
            os.chown(path, owner.pw_uid, owner.pw_gid)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], what: str, *, check: bool = True) -> None:
    outcome = subprocess.run(command, capture_output=True, text=True, timeout=_COMMAND_TIMEOUT_S)
    if check and outcome.returncode != 0:
        raise AssertionError(f"{what} failed: {outcome.stderr.strip() or outcome.stdout.strip()}")


@contextlib.contextmanager
def _connection(url: str) -> Iterator[Connection]:
    engine = create_engine(parse_database_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
