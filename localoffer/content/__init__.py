"""The portal's content as data: the starter content and the one loader and exporter for it.

starter/     the content the project ships: pages, snippets and site settings as YAML files,
             written from the council documents in shared/seeds/ (docs/content.md)
format.py    which fields the files hold and how: links by key, StreamField blocks, rich text
loader.py    files -> database (`manage.py load_local_offer [DIR]`): creates only what is missing
exporter.py  database -> files (`manage.py export_local_offer DIR`), the same format
"""

from pathlib import Path

STARTER = Path(__file__).resolve().parent / "starter"
