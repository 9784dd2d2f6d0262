"""Load data files (docs/content.md) into the site: pages, snippets and site settings.

`load_site(directory, log)` creates what is missing and leaves everything that exists exactly
as it is, so editors' changes survive and a second run creates nothing:
- a page is matched by its key (its place in the tree: parent and slug); the one exception is
  a field added since the site was loaded (FILLED_IN_WHEN_EMPTY), filled in while empty;
- a snippet by its key field (`slug`, else `name`);
- a site setting is filled in only while it is empty (all of them on a new site).

It runs in two passes, so pages can link to each other in any order: first every missing page
is made as a draft under its parent (links to pages not made yet are left out), then each new
page gets all its fields with every link resolved, and is published. A problem in a file raises
ContentError naming the file and the field; the caller runs the whole load in one transaction,
so nothing is half-loaded.
"""

import math
from pathlib import Path

import yaml
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import DraftStateMixin, Page, Site

from .format import (
    ContentError,
    block_from_file,
    child_fields,
    child_relations,
    content_fields,
    in_default_language,
    key_field,
    rich_from_file,
)

PAGE_META = ("type", "order", "live")

# Page fields added after sites were first loaded (the 'also searched as' words for the search).
# On a page that already exists, the file's value is filled in while the field is empty and no
# person has saved the page: into the page and its live revision, with no new revision, so an
# editor's next draft starts from it and an editor's own words are never overwritten.
FILLED_IN_WHEN_EMPTY = ("also_searched_as",)


def normalise_key(key):
    """'/sen-support/what-is-sen-support/' for 'sen-support/what-is-sen-support' and the like."""
    parts = [part for part in str(key).strip().split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


class LoadRefs:
    """Turns the keys in the files into database ids. While `strict` is off, a key of a page
    not made yet gives None (the first pass); when it is on, an unknown key is an error."""

    def __init__(self):
        self.page_ids = {}
        self.snippet_ids = {}
        self.strict = False
        self.file = None

    def error(self, where, message):
        return ContentError(self.file, where, message)

    def page_id(self, key, where):
        pk = self.page_ids.get(normalise_key(key))
        if pk is None and self.strict:
            raise self.error(where, f"no page has the key '{key}' (a page's key is its address, like '/glossary/')")
        return pk

    def snippet_keys(self, model):
        if model not in self.snippet_ids:
            keys = in_default_language(model._default_manager.all()).values_list(key_field(model), "pk")
            self.snippet_ids[model] = dict(keys)
        return self.snippet_ids[model]

    def snippet_id(self, model, key, where):
        pk = self.snippet_keys(model).get(key)
        if pk is None:
            raise self.error(where, f"no {model._meta.verbose_name} has the key '{key}'")
        return pk


def read_file(path, root):
    name = str(path.relative_to(root))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(name, None, f"is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(name, None, "should be a mapping of field names to values")
    return name, data


def model_from_label(label, name, base):
    try:
        model = apps.get_model(str(label))
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, base):
        raise ContentError(name, "type", f"'{label}' is not a {base.__name__} type (write it as app.Model)")
    return model


def fields_from_file(model, data, refs, where="", skip=(), only=None):
    """Split a file's mapping into field values (keys turned into ids), many-to-many values and
    inline lists. Unknown names are an error that lists the model's fields. `only` limits the
    fields (for the items of an inline list)."""
    fields = {field.name: (field, kind) for field, kind in (only or content_fields(model))}
    relations = {} if only else {rel.get_accessor_name(): rel for rel in child_relations(model)}
    values, many, children = {}, {}, {}
    for name, value in data.items():
        place = f"{where}{name}"
        if name in skip:
            continue
        if name in relations:
            rel = relations[name]
            if not isinstance(value or [], list):
                raise refs.error(place, "should be a list")
            items = []
            for number, item in enumerate(value or [], 1):
                if not isinstance(item, dict):
                    raise refs.error(f"{place}[{number}]", "should be a mapping of field names to values")
                item_values, _many, _children = fields_from_file(
                    rel.related_model, item, refs, f"{place}[{number}].", only=child_fields(rel)
                )
                child = rel.related_model(**item_values)
                # The file's order is the order on the page (Orderable's sort_order): without it
                # every item has none, and a database may give them back in any order.
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = number - 1
                items.append(child)
            children[name] = items
            continue
        if name not in fields:
            known = ", ".join(list(fields) + list(relations))
            raise refs.error(place, f"is not a field of {model._meta.label} (its fields: {known})")
        field, kind = fields[name]
        if kind == "stream":
            values[name] = block_from_file(field.stream_block, value, refs, place)
        elif kind == "rich":
            values[name] = rich_from_file(value, lambda key, place=place: refs.page_id(key, place))
        elif kind == "page":
            values[field.attname] = refs.page_id(value, place) if value else None
        elif kind == "snippet":
            values[field.attname] = refs.snippet_id(field.related_model, value, place) if value else None
        elif kind == "snippets":
            many[name] = [refs.snippet_id(field.related_model, key, place) for key in value or []]
        elif kind == "tags":
            many[name] = [str(tag) for tag in value or []]
        else:
            values[name] = value
    return values, many, children


def apply(obj, values, many, children):
    for name, value in values.items():
        setattr(obj, name, value)
    for name, value in many.items():
        manager = getattr(obj, name)
        if hasattr(manager, "through") and name == "tags":
            manager.add(*value)
        else:
            manager.set(value)
    for name, items in children.items():
        setattr(obj, name, items)


def validation_error(name, exc, where=""):
    if hasattr(exc, "message_dict"):
        field, messages = next(iter(exc.message_dict.items()))
        field = None if field == "__all__" else f"{where}{field}"
        return ContentError(name, field, " ".join(messages))
    return ContentError(name, where.rstrip(".") or None, " ".join(exc.messages))


# --- Snippets ---------------------------------------------------------------------------------


def load_snippets(directory, refs, log):
    folder = directory / "snippets"
    files = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        name, data = read_file(path, directory)
        refs.file = name
        model = model_from_label(data.get("type"), name, object)
        if key_field(model) is None:
            raise ContentError(name, "type", f"{model._meta.label} has no slug or name to match it by")
        if not isinstance(data.get("items") or [], list):
            raise ContentError(name, "items", "should be a list")
        files.append((name, model, data.get("items") or []))
    # Snippets that others choose (areas for contacts) first.
    files.sort(key=lambda entry: sum(kind in ("snippet", "snippets") for _f, kind in content_fields(entry[1])))

    created = 0
    for name, model, items in files:
        refs.file = name
        key = key_field(model)
        existing = refs.snippet_keys(model)
        for number, item in enumerate(items, 1):
            where = f"items[{number}]."
            if not isinstance(item, dict) or not item.get(key):
                raise ContentError(name, f"{where}{key}", f"every item needs a '{key}'")
            if item[key] in existing:
                continue
            values, many, children = fields_from_file(model, item, refs, where)
            obj = model()
            apply(obj, values, {}, children)
            try:
                obj.full_clean()
            except ValidationError as exc:
                raise validation_error(name, exc, where) from exc
            apply(obj, {}, many, {})
            obj.save()
            if isinstance(obj, DraftStateMixin):
                obj.save_revision().publish()
            existing[item[key]] = obj.pk
            created += 1
            log(f"  {model._meta.verbose_name}: {obj}")
    return created


# --- Pages ------------------------------------------------------------------------------------


def page_files(directory):
    """Every page file in tree order (a parent before its children; siblings by `order`, then
    by name), each as (file name, data, key, parent key)."""
    folder = directory / "pages"
    tops = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if len(tops) != 1:
        raise ContentError("pages/", None, "should hold exactly one file, the home page (for example pages/home.yaml)")
    home_path = tops[0]
    name, data = read_file(home_path, directory)
    found = [(name, data, "/", None, home_path.stem)]

    def walk(path, key):
        sub = path.with_suffix("")
        if not sub.is_dir():
            return
        children = []
        for child in sub.glob("*.yaml"):
            child_name, child_data = read_file(child, directory)
            order = child_data.get("order", math.inf)
            if not isinstance(order, int | float):
                raise ContentError(child_name, "order", "should be a number")
            children.append((order, child.stem, child, child_name, child_data))
        for folder_path in sub.iterdir():
            if folder_path.is_dir() and not folder_path.with_suffix(".yaml").exists():
                raise ContentError(str(folder_path.relative_to(directory)), None, "is a folder with no page file")
        for _order, slug, child, child_name, child_data in sorted(children, key=lambda c: (c[0], c[1])):
            child_key = f"{key}{slug}/"
            found.append((child_name, child_data, child_key, key, slug))
            walk(child, child_key)

    walk(home_path, "/")
    return found


def ensure_home(model, slug, site_data):
    """The site's home page, or None when it must be made. Replaces Wagtail's empty 'Welcome'
    page on a new database, and makes the default site if there is none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, model):
        return site, site.root_page.specific
    home = model.objects.filter(slug=slug).first()
    return site, home


def make_home(model, slug, values, site, site_data):
    root = Page.get_first_root_node()
    for child in root.get_children():
        if type(child.specific) is Page:
            child.delete()  # Wagtail's first migration makes a plain 'Welcome' page
    root.refresh_from_db()
    home = model(slug=slug, live=False, **values)
    root.add_child(instance=home)
    return home


def attach_site(site, home, site_data):
    if site is None:
        Site.objects.create(
            hostname=site_data.get("hostname", "localhost"),
            port=site_data.get("port", 80),
            site_name=site_data.get("site_name", ""),
            root_page=home,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


def fill_in_existing(name, data, pk, log):
    """Fill in the FILLED_IN_WHEN_EMPTY fields of an existing page (see there). Returns 1 if
    the page got any, else 0."""
    wanted = {field: data[field] for field in FILLED_IN_WHEN_EMPTY if data.get(field)}
    if not wanted:
        return 0
    for field, value in wanted.items():
        if not isinstance(value, str):
            raise ContentError(name, field, "should be text (words separated by commas)")
    page = Page.objects.get(pk=pk).specific
    wanted = {field: value for field, value in wanted.items() if getattr(page, field, None) == ""}
    if not wanted or page.revisions.exclude(user=None).exists():
        return 0
    for field, value in wanted.items():
        setattr(page, field, value)
    page.save(update_fields=list(wanted))
    revision = page.live_revision or page.latest_revision
    if revision is not None:
        revision.content.update(wanted)
        revision.save(update_fields=["content"])
    log(f"  page: {page.title} ({', '.join(wanted)} filled in)")
    return 1


def load_pages(directory, refs, site_data, log):
    files = page_files(directory)
    new_pages = []
    existing = []

    # First pass: find the pages that exist, make the missing ones as drafts.
    for name, data, key, parent_key, slug in files:
        refs.file = name
        model = model_from_label(data.get("type"), name, Page)
        if key == "/":
            site, home = ensure_home(model, slug, site_data)
            if home is not None:
                attach_site(site, home, site_data)
                refs.page_ids = {
                    "/" + url_path[len(home.url_path) :]: pk
                    for pk, url_path in Page.objects.descendant_of(home, inclusive=True).values_list("pk", "url_path")
                }
                existing.append((name, data, home.pk))
                continue
        elif key in refs.page_ids:
            existing.append((name, data, refs.page_ids[key]))
            continue
        values, _many, _children = fields_from_file(model, data, refs, skip=PAGE_META)
        try:
            if key == "/":
                page = make_home(model, slug, values, site, site_data)
                attach_site(site, page, site_data)
            else:
                page = model(slug=slug, live=False, **values)
                Page.objects.get(pk=refs.page_ids[parent_key]).add_child(instance=page)
        except ValidationError as exc:
            raise validation_error(name, exc) from exc
        refs.page_ids[key] = page.pk
        new_pages.append((name, data, page))

    # Second pass: every link can now be resolved; fill in and publish the new pages.
    refs.strict = True
    for name, data, page in new_pages:
        refs.file = name
        # Fresh from the database: adding children changed its tree fields (numchild).
        page = type(page).objects.get(pk=page.pk)
        values, many, children = fields_from_file(type(page), data, refs, skip=PAGE_META)
        apply(page, values, many, children)
        try:
            page.save()
            revision = page.save_revision()
        except ValidationError as exc:
            raise validation_error(name, exc) from exc
        if data.get("live", True):
            revision.publish()
        log(f"  page: {page.title}")
    refs.strict = False
    for name, data, pk in existing:
        refs.file = name
        fill_in_existing(name, data, pk, log)
    return len(new_pages)


# --- Settings ---------------------------------------------------------------------------------


def load_settings(directory, refs, log):
    path = directory / "settings.yaml"
    if not path.exists():
        return
    name, data = read_file(path, directory)
    refs.file = name
    refs.strict = True
    site = Site.objects.get(is_default_site=True)
    for label, values in (data.get("settings") or {}).items():
        model = model_from_label(label, name, BaseSiteSetting)
        where = f"settings.{label}."
        obj = model.objects.filter(site=site).first()
        new = obj is None
        if new:
            obj = model(site=site)
        fields, _many, _children = fields_from_file(model, values or {}, refs, where)
        for attname, value in fields.items():
            if new or getattr(obj, attname) in (None, ""):
                setattr(obj, attname, value)
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise validation_error(name, exc, where) from exc
        obj.save()
    refs.strict = False


def site_data_of(directory):
    path = directory / "settings.yaml"
    if not path.exists():
        return {}
    name, data = read_file(path, directory)
    site_data = data.get("site") or {}
    if not isinstance(site_data, dict):
        raise ContentError(name, "site", "should be a mapping of hostname, port and site_name")
    return site_data


def load_site(directory, log=print):
    """Load every data file under `directory`; return how many pages and snippets were made."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentError(str(directory), None, "is not a folder")
    refs = LoadRefs()
    created = load_snippets(directory, refs, log)
    created += load_pages(directory, refs, site_data_of(directory), log)
    load_settings(directory, refs, log)
    return created
