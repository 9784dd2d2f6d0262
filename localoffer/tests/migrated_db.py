"""The SQLite test database as the migrations leave it, kept as SQL so that each test process
loads it in milliseconds instead of running the 233 migrations again (about 14 s a process).

`migrated-sqlite.sql` (next to this file) starts with a fingerprint of everything that decides
what the migrations make: every migration file, our code that runs during `migrate` or decides
which permissions it creates (each app's `apps.py`, models and Wagtail hooks,
`localoffer/permissions.py`, `localoffer/locales.py`), the settings it reads, and the versions of
every installed package and of SQLite. When the fingerprint does not match (a new migration, a
package upgrade, a new language), the test process migrates for real, as before, and writes the
file again; commit it with the change. Only SQLite's run uses it: the PostgreSQL run always
migrates. See docs/testing.md.
"""

import hashlib
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from django.conf import settings

SNAPSHOT = Path(__file__).with_name("migrated-sqlite.sql")
PROJECT_APPS = ["localoffer", "search", "guidance", "services", "home"]
SETTINGS = ["INSTALLED_APPS", "LANGUAGE_CODE", "LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES", "AUTH_USER_MODEL"]
HEADER = "-- fingerprint: "


def migration_files():
    """The file of every migration Django knows, installed packages' included."""
    import sys

    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True, load=False)
    loader.load_disk()
    return sorted(
        {Path(sys.modules[type(migration).__module__].__file__) for migration in loader.disk_migrations.values()}
    )


def code_files():
    """Our code that runs during `migrate`, or decides which models and permissions exist."""
    base = Path(settings.BASE_DIR)
    files = [base / "localoffer" / "permissions.py", base / "localoffer" / "locales.py"]
    for app in PROJECT_APPS:
        folder = base / app
        files += [folder / "apps.py", folder / "models.py", *folder.glob("*hooks.py"), *folder.glob("models/*.py")]
    return sorted(path for path in files if path.exists())


def package_versions():
    """The installed version of each package that provides an installed app (Django, Wagtail,
    wagtail-localize, ...): their code runs during `migrate` too. Tools such as pip or pytest
    are left out, so a newer pip on another machine does not make the snapshot stale."""
    owners = metadata.packages_distributions()
    names = {dist for app in settings.INSTALLED_APPS for dist in owners.get(app.split(".")[0], [])}
    return sorted(f"{name.lower()}=={metadata.version(name)}" for name in names)


def fingerprint(files=None, extra=()):
    """A hash of what the migrated database depends on (see the module docstring)."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in files if files is not None else migration_files() + code_files():
        name = str(path.relative_to(base)) if path.is_relative_to(base) else "/".join(path.parts[-3:])
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr(package_versions()).encode())
    digest.update(sqlite3.sqlite_version.encode())
    digest.update(repr([(name, getattr(settings, name, None)) for name in SETTINGS]).encode())
    digest.update(repr(list(extra)).encode())
    return digest.hexdigest()


def _literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


def dump(conn):
    """The whole database as SQL that rebuilds it exactly: tables (FTS5 ones by their CREATE
    VIRTUAL TABLE, which makes their own shadow tables), every row in rowid order, the
    AUTOINCREMENT counters, then indexes, triggers and views. The same database always gives the
    same text. (Python's `iterdump` writes FTS5 tables in a form that does not load back.)"""
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [
        name for kind, name, _table, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")
    ]

    def shadow(table):
        return any(table.startswith(f"{name}_") for name in virtual)

    tables = [
        (name, sql)
        for kind, name, _table, sql in objects
        if kind == "table" and not name.startswith("sqlite_") and not shadow(name)
    ]
    lines = ["BEGIN;"]
    lines += [f"{sql};" for _name, sql in tables]
    for name, _sql in tables:
        if name in virtual:
            count = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608 - our own table names
            if count:
                raise ValueError(f"{name}: a full-text table with rows after migrating; the snapshot cannot keep them")
            continue
        for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):  # noqa: S608 - our own table names
            lines.append(f'INSERT INTO "{name}" VALUES({",".join(_literal(value) for value in row)});')
    if any(name == "sqlite_sequence" for _kind, name, _table, _sql in objects):
        lines.append("DELETE FROM sqlite_sequence;")
        for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name"):
            lines.append(f"INSERT INTO sqlite_sequence VALUES({_literal(name)},{_literal(seq)});")
    lines += [
        f"{sql};"
        for kind, _name, table, sql in objects
        if kind in ("index", "trigger", "view") and not shadow(table) and not table.startswith("sqlite_")
    ]
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def read(expected):
    """The snapshot's SQL, or None if there is none or it was made from other migrations, code,
    settings or versions."""
    try:
        text = SNAPSHOT.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    first, _, body = text.partition("\n")
    return body if first == HEADER + expected else None


def save(conn, print_fingerprint):
    """Write the snapshot (atomically: another test process may be reading or writing it)."""
    text = f"{HEADER}{print_fingerprint}\n{dump(conn)}"
    handle, temporary = tempfile.mkstemp(dir=SNAPSHOT.parent, prefix=".migrated-sqlite-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, SNAPSHOT)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def restore(conn, sql):
    """Rebuild the database from the snapshot's SQL, into an empty database. Tables are made in
    the order SQLite keeps them, which is not the order of their foreign keys, so foreign keys
    are checked once at the end instead of row by row."""
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.executescript(sql)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"The migrated-database snapshot breaks foreign keys: {problems[:5]}")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def snapshot_migrations(alias="default"):
    """While active, creating the SQLite in-memory test database loads the snapshot when its
    fingerprint matches, and otherwise migrates as Django does and saves a new snapshot."""
    from django.core.management import call_command
    from django.db import connections

    connection = connections[alias]
    creation = connection.creation
    original = creation.create_test_db

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        name = creation._get_test_db_name()
        if connection.vendor != "sqlite" or keepdb or not creation.is_in_memory_db(name):
            return original(verbosity, autoclobber, serialize, keepdb)
        expected = fingerprint()
        sql = read(expected)
        if sql is None:
            name = original(verbosity, autoclobber, serialize, keepdb)
            save(connection.connection, expected)
            return name
        # As Django's create_test_db does, with the snapshot in place of `migrate`.
        creation._create_test_db(verbosity, autoclobber, keepdb)
        connection.close()
        settings.DATABASES[alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        connection.ensure_connection()
        restore(connection.connection, sql)
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        call_command("createcachetable", database=alias)
        return name

    creation.create_test_db = create_test_db
    try:
        yield
    finally:
        del creation.create_test_db
