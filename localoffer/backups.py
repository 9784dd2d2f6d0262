"""Back up and restore the whole site: the database and the uploaded files (media).

A backup is a folder with three files:

- ``database.dump``: ``pg_dump --format=custom`` on PostgreSQL, or ``database.sqlite3`` (a
  consistent copy made with SQLite's backup API) on SQLite;
- ``media.tar.gz``: everything under MEDIA_ROOT (documents, images and their renditions);
- ``manifest.json``: when it was made, from which database engine, and the files' SHA-256.

``manage.py backup DIR`` and ``manage.py restore DIR`` call these; docs/operations.md gives the
schedule and retention.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """Something a person running the command must fix; the message says what."""


def _engine():
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _postgres_env():
    """libpq's environment variables for the current database (no password on the command line)."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def _run(command):
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client (Debian: postgresql-client).")
    result = subprocess.run([tool, *command[1:]], env=_postgres_env(), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _sqlite_path():
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:memorydb") or "mode=memory" in name:
        raise BackupError("This SQLite database is in memory: there is no file to back up.")
    return Path(name)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def back_up(directory):
    """Write a backup of the database and MEDIA_ROOT into ``directory``; return the manifest."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    if engine == "postgresql":
        database_file = directory / POSTGRES_DUMP
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={database_file}"])
    else:
        database_file = directory / SQLITE_COPY
        source = sqlite3.connect(_sqlite_path())
        target = sqlite3.connect(database_file)
        with target:
            source.backup(target)
        source.close()
        target.close()
    media_root = Path(settings.MEDIA_ROOT)
    media_file = directory / MEDIA_ARCHIVE
    with tarfile.open(media_file, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    manifest = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "files": {path.name: _sha256(path) for path in (database_file, media_file)},
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(directory):
    """Replace the database and MEDIA_ROOT with the backup in ``directory``."""
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{directory} is not a backup made by `manage.py backup` ({error}).") from error
    engine = _engine()
    if manifest.get("engine") != engine:
        raise BackupError(f"This backup is of a {manifest.get('engine')} database; this site uses {engine}.")
    for name, digest in manifest["files"].items():
        if not (directory / name).exists() or _sha256(directory / name) != digest:
            raise BackupError(f"{name} is missing or damaged (its checksum does not match the manifest).")

    connection.close()
    if engine == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(directory / POSTGRES_DUMP),
            ]
        )
    else:
        source = sqlite3.connect(directory / SQLITE_COPY)
        target = sqlite3.connect(_sqlite_path())
        with target:
            source.backup(target)
        source.close()
        target.close()

    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True)
    with tarfile.open(directory / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    return manifest
