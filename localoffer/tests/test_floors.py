"""The house in floors (docs/architecture.md): imports and migrations point down, never up,
and never sideways between guidance/ and services/.

Each rule is checked twice: on the real code, and on a small made-up violation, so a check
that had stopped finding anything would fail too.
"""

import ast
from pathlib import Path

from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {"localoffer": 4, "search": 3, "guidance": 2, "services": 2, "home": 1}

# Tests of the shipped content that still sit in the apps they check; they move beside the
# content (issue 14: "tests of the shipped content live with the content"). No other file
# may be added here.
KNOWN_UPWARD_IMPORTS = {
    "home/tests/test_you_said_we_did.py",
    "guidance/tests/test_content.py",
    "guidance/tests/test_glossary.py",
    "services/tests/test_checker_paths.py",
    "services/tests/test_contacts.py",
}


def crosses_floors(from_app, to_app):
    """True if `from_app` may not depend on `to_app`: a higher floor, or another app on the
    same floor. Apps outside the house (Django, Wagtail) are always fine."""
    if from_app not in FLOORS or to_app not in FLOORS or from_app == to_app:
        return False
    return FLOORS[to_app] >= FLOORS[from_app]


# --- Migrations ----------------------------------------------------------------------------


def migration_violations(migrations):
    """`migrations` maps (app_label, name) to a Migration; returns the dependencies that
    point to a higher floor or sideways, as 'app.name -> app.name'."""
    found = []
    for (app_label, name), migration in sorted(migrations.items()):
        for dependency in migration.dependencies:
            dep_app, dep_name = dependency[0], dependency[1]
            if crosses_floors(app_label, dep_app):
                found.append(f"{app_label}.{name} -> {dep_app}.{dep_name}")
    return found


def test_no_migration_depends_on_a_higher_floor_or_a_neighbour():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = {key: migration for key, migration in loader.disk_migrations.items() if key[0] in FLOORS}
    assert {app for app, _ in ours} >= {"home", "guidance", "services", "search", "localoffer"}
    assert migration_violations(ours) == []


def test_the_migration_check_finds_an_upward_dependency():
    class Fake:
        dependencies = [("home", "0002_editorial"), ("services", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    class Sideways:
        dependencies = [("services", "0001_initial")]

    class Down:
        dependencies = [("home", "0001_initial"), ("guidance", "0001_initial"), ("search", "0001_search_log")]

    found = migration_violations(
        {("home", "0003_editorial_groups"): Fake, ("guidance", "0004_x"): Sideways, ("localoffer", "0001_x"): Down}
    )
    assert found == [
        "guidance.0004_x -> services.0001_initial",
        "home.0003_editorial_groups -> services.0001_initial",
    ]


# --- Imports -------------------------------------------------------------------------------


def imported_apps(source):
    """The top-level packages a module imports, anywhere in it (inside functions too)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def import_violations(files):
    """`files` maps a path relative to the project ('home/models.py') to its source; returns
    'path imports app' for each import from a higher floor or a neighbour."""
    found = []
    for path, source in sorted(files.items()):
        app = path.split("/")[0]
        for imported in sorted(imported_apps(source)):
            if crosses_floors(app, imported):
                found.append(f"{path} imports {imported}")
    return found


def project_files():
    files = {}
    for app in FLOORS:
        for path in (ROOT / app).rglob("*.py"):
            files[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return files


def test_no_module_imports_a_higher_floor_or_a_neighbour():
    files = project_files()
    assert "home/models/__init__.py" in files or "home/models.py" in files
    found = [item for item in import_violations(files) if item.split(" imports ")[0] not in KNOWN_UPWARD_IMPORTS]
    assert found == []


def test_the_import_check_finds_upward_and_sideways_imports():
    files = {
        "home/models.py": "from wagtail.models import Page\n\ndef f():\n    from search.log import record\n",
        "home/blocks.py": "import localoffer.settings\nfrom . import views\n",
        "guidance/models.py": "from home.models import BasePage\nfrom services.models import Contact\n",
        "services/views.py": "import guidance.glossary as glossary\n",
        "search/views.py": "from guidance.models import GlossaryTerm\nfrom services.models import Contact\n",
        "localoffer/urls.py": "from search import views\nimport home.urls\n",
    }
    assert import_violations(files) == [
        "guidance/models.py imports services",
        "home/blocks.py imports localoffer",
        "home/models.py imports search",
        "services/views.py imports guidance",
    ]
