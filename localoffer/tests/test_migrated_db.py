"""The snapshot of the migrated SQLite test database (localoffer/tests/migrated_db.py): it
loads back exactly, and it goes stale when anything the migrations depend on changes."""

import sqlite3

import pytest
from django.db import connection

from localoffer.tests import migrated_db


def _files(tmp_path, migration="operations = []"):
    first = tmp_path / "0001_initial.py"
    first.write_text(migration)
    second = tmp_path / "wagtail_hooks.py"
    second.write_text("hooks = []")
    return [first, second]


def test_the_fingerprint_changes_with_a_migration_our_code_or_a_setting(tmp_path, settings):
    files = _files(tmp_path)
    before = migrated_db.fingerprint(files)
    assert migrated_db.fingerprint(files) == before  # the same inputs, the same fingerprint

    files[0].write_text("operations = ['a new field']")
    after_migration = migrated_db.fingerprint(files)
    assert after_migration != before

    files[1].write_text("hooks = ['a new snippet']")
    after_hooks = migrated_db.fingerprint(files)
    assert after_hooks != after_migration

    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("fr", "French")]
    assert migrated_db.fingerprint(files) != after_hooks


def test_the_fingerprint_covers_every_migration_and_the_code_run_by_migrate():
    files = migrated_db.migration_files()
    names = {str(path) for path in files}
    assert any(name.endswith("wagtail/migrations/0001_initial.py") for name in names)
    assert any(name.endswith("localoffer/migrations/0001_editorial_groups.py") for name in names)
    assert any(name.endswith("home/migrations/0001_initial.py") for name in names)
    code = {path.name for path in migrated_db.code_files()}
    assert {"permissions.py", "locales.py", "apps.py", "wagtail_hooks.py"} <= code
    versions = migrated_db.package_versions()
    assert any(version.startswith("django==") for version in versions)
    assert any(version.startswith("wagtail==") for version in versions)
    assert not any(version.startswith(("pip==", "pytest==")) for version in versions)


def _awkward_database():
    """Tables in an order their foreign keys do not follow (as SQLite's table remakes leave
    them), an AUTOINCREMENT counter past the last row, a full-text table, an index, a trigger,
    and values of every kind."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        """
        PRAGMA foreign_keys = ON;
        CREATE TABLE child (id integer PRIMARY KEY AUTOINCREMENT, parent_id integer REFERENCES parent (id));
        CREATE TABLE parent (id integer PRIMARY KEY AUTOINCREMENT, name text, size real, data blob);
        INSERT INTO parent VALUES (1, 'O''Brien', 0.1, X'00ff'), (2, NULL, 1e300, NULL);
        INSERT INTO child VALUES (1, 2);
        INSERT INTO child (parent_id) VALUES (1);
        DELETE FROM child WHERE id = 2;
        CREATE INDEX child_parent ON child (parent_id);
        CREATE TRIGGER child_touch AFTER INSERT ON child BEGIN SELECT 1; END;
        CREATE VIRTUAL TABLE words USING fts5 (body);
        """
    )
    return conn


def test_a_dump_loads_back_exactly():
    original = _awkward_database()
    sql = migrated_db.dump(original)
    assert migrated_db.dump(original) == sql  # the same database, the same text

    copy = sqlite3.connect(":memory:")
    migrated_db.restore(copy, sql)
    assert migrated_db.dump(copy) == sql
    assert copy.execute("SELECT name, size, data FROM parent ORDER BY id").fetchall() == [
        ("O'Brien", 0.1, b"\x00\xff"),
        (None, 1e300, None),
    ]
    # The AUTOINCREMENT counter is kept: a deleted id is not given out again.
    copy.execute("INSERT INTO child (parent_id) VALUES (1)")
    assert copy.execute("SELECT max(id) FROM child").fetchone() == (3,)
    # Foreign keys are on again, and the full-text table works.
    with pytest.raises(sqlite3.IntegrityError):
        copy.execute("INSERT INTO child (parent_id) VALUES (99)")
    copy.execute("INSERT INTO words (body) VALUES ('special educational needs')")
    assert copy.execute("SELECT count(*) FROM words WHERE words MATCH 'educational'").fetchone() == (1,)


def test_a_snapshot_that_breaks_a_foreign_key_is_refused():
    conn = _awkward_database()
    sql = migrated_db.dump(conn).replace('INSERT INTO "child" VALUES(1,2);', 'INSERT INTO "child" VALUES(1,99);')
    with pytest.raises(ValueError, match="foreign keys"):
        migrated_db.restore(sqlite3.connect(":memory:"), sql)


def test_a_snapshot_from_other_inputs_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(migrated_db, "SNAPSHOT", tmp_path / "migrated-sqlite.sql")
    assert migrated_db.read("abc") is None  # no file yet
    migrated_db.save(_awkward_database(), "abc")
    assert migrated_db.read("abc") == migrated_db.dump(_awkward_database())
    assert migrated_db.read("def") is None
    assert list(tmp_path.iterdir()) == [tmp_path / "migrated-sqlite.sql"]  # no temporary file left


@pytest.mark.django_db
def test_the_test_database_has_every_migration_and_is_the_snapshot():
    """Every migration is recorded as applied, on both databases. On SQLite, whether this
    process loaded the snapshot or migrated (and wrote it), its database is exactly what the
    snapshot holds; PostgreSQL's run always migrates, and keeps no snapshot."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    loader = MigrationLoader(None, ignore_no_migrations=True, load=False)
    loader.load_disk()
    assert set(MigrationRecorder(connection).applied_migrations()) == set(loader.disk_migrations)
    if connection.vendor == "sqlite":
        snapshot = migrated_db.read(migrated_db.fingerprint())
        assert snapshot is not None, "the snapshot was not written, or not for these migrations"
        connection.ensure_connection()
        assert migrated_db.dump(connection.connection) == snapshot
