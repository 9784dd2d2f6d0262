"""Write the live site out as data files, in the format the loader reads (docs/content.md).

`export_site(directory)` writes settings.yaml, snippets/*.yaml and pages/**.yaml. Loading the
export into an empty database and exporting again gives the same files, byte for byte.
"""

from pathlib import Path

import yaml
from wagtail.models import Page, Site
from wagtail.snippets.models import get_snippet_models

from .format import (
    block_to_file,
    child_fields,
    child_relations,
    content_fields,
    empty_value,
    in_default_language,
    key_field,
    raw_stream,
    rich_to_file,
)

# File names for the snippets the portal ships; any other keyed snippet is written under
# its model label, for example snippets/services.area.yaml.
SNIPPET_FILES = {
    "services.area": "areas",
    "services.contact": "contacts",
    "services.location": "locations",
    "services.organisation": "organisations",
    "services.taxonomy": "taxonomies",
    "services.taxonomyterm": "taxonomy-terms",
    "guidance.glossaryterm": "glossary",
    "home.schedule2item": "schedule2",
}


class _Dumper(yaml.SafeDumper):
    """YAML that reads well: text with line breaks as a block, keys in the model's order."""


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data):
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class ExportRefs:
    """Turns database ids into the keys the files use."""

    def __init__(self, home):
        prefix = home.url_path
        self.page_keys = {
            pk: "/" + url_path[len(prefix) :]
            for pk, url_path in Page.objects.descendant_of(home, inclusive=True).values_list("pk", "url_path")
        }
        self.snippet_keys = {}

    def page_key(self, pk):
        return self.page_keys.get(pk)

    def snippet_key(self, model, pk):
        keys = self.snippet_keys.get(model)
        if keys is None:
            keys = self.snippet_keys[model] = dict(
                in_default_language(model._default_manager.all()).values_list("pk", key_field(model))
            )
        return keys.get(pk)


def object_to_file(obj, fields, refs, everything=False):
    """A page's, snippet's or setting's content fields as the file's mapping. Fields left at
    their default are left out, unless `everything` (site settings list every field)."""
    data = {}
    for field, kind in fields:
        value = getattr(obj, field.attname) if kind in ("page", "snippet") else getattr(obj, field.name)
        if kind == "stream":
            value = block_to_file(field.stream_block, raw_stream(field, value), refs)
        elif kind == "rich":
            value = rich_to_file(value, refs.page_key)
        elif kind == "page":
            value = refs.page_key(value) if value else None
        elif kind == "snippet":
            value = refs.snippet_key(field.related_model, value) if value else None
        elif kind == "snippets":
            value = sorted(refs.snippet_key(field.related_model, item.pk) for item in value.all())
        elif kind == "tags":
            value = sorted(tag.name for tag in value.all())
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        if everything or value != empty_value(field, kind):
            data[field.name] = value
    for rel in child_relations(type(obj)):
        items = getattr(obj, rel.get_accessor_name()).all()
        if any(field.name == "sort_order" for field in rel.related_model._meta.fields):
            # The page's order; items saved without one (an older load) in the order they were made.
            items = items.order_by("sort_order", "pk")
        if items:
            data[rel.get_accessor_name()] = [object_to_file(item, child_fields(rel), refs) for item in items]
    return data


def export_pages(home, refs, directory):
    written = 0
    pages = Page.objects.descendant_of(home, inclusive=True).order_by("path").specific()
    files = {}
    for page in pages:
        parts = ["home"] + [part for part in refs.page_key(page.pk).strip("/").split("/") if part]
        parts[0] = home.slug
        path = directory / "pages" / Path(*parts[:-1]) / f"{parts[-1]}.yaml"
        data = {"type": page._meta.label}
        if page.pk != home.pk:
            siblings = files.setdefault(page.path[: -Page.steplen], [])
            siblings.append(page.pk)
            data["order"] = len(siblings)
        if not page.live:
            data["live"] = False
        data.update(object_to_file(page, content_fields(type(page)), refs))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml(data), encoding="utf-8")
        written += 1
    return written


def export_snippets(refs, directory):
    written = 0
    for model in sorted(get_snippet_models(), key=lambda m: m._meta.label_lower):
        key = key_field(model)
        if key is None:
            continue  # a snippet without a slug or name (such as 'You said, we did' comments)
        fields = content_fields(model)
        objects = in_default_language(model._default_manager.all()).order_by(key)
        items = [object_to_file(obj, fields, refs) for obj in objects]
        if not items:
            continue
        name = SNIPPET_FILES.get(model._meta.label_lower, model._meta.label_lower)
        path = directory / "snippets" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml({"type": model._meta.label, "items": items}), encoding="utf-8")
        written += len(items)
    return written


def export_settings(site, refs, directory):
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.contrib.settings.registry import registry

    data = {"site": {"hostname": site.hostname, "port": site.port, "site_name": site.site_name}, "settings": {}}
    for model in registry:
        if not issubclass(model, BaseSiteSetting):
            continue
        obj = model.objects.filter(site=site).first()
        if obj is not None:
            data["settings"][model._meta.label] = object_to_file(obj, content_fields(model), refs, everything=True)
    (directory / "settings.yaml").write_text(dump_yaml(data), encoding="utf-8")


def export_site(directory):
    """Write the default site's pages, snippets and settings under `directory`.
    Returns (pages, snippets) written."""
    directory = Path(directory)
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    refs = ExportRefs(home)
    directory.mkdir(parents=True, exist_ok=True)
    export_settings(site, refs, directory)
    snippets = export_snippets(refs, directory)
    pages = export_pages(home, refs, directory)
    return pages, snippets
