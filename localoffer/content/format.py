"""The content format: which fields of a model are written in the data files, and how.

One set of rules serves the loader (files -> database) and the exporter (database -> files):

- A page is written by its key, the path of its web address under the home page
  (`/sen-support/what-is-sen-support/`; the home page is `/`). A snippet is written by its
  key field (`slug`, or `name` when it has no slug).
- Page and snippet choosers (foreign keys, many-to-many fields, chooser blocks inside a
  StreamField) hold keys, and rich text links to pages are written
  `<a linktype="page" key="/the/page/">`, never with database ids.
- A StreamField is a list of one-key mappings, `- block_type: value`; a StructBlock is a
  mapping of its child blocks; a ListBlock is a plain list.
- Rich text is HTML. The exporter puts each paragraph, heading, list and list item on its own
  line; the loader joins those lines again, so the stored HTML is exactly what was written.
See docs/content.md.
"""

import json
import re

from django.db import models
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

# Page's own fields that belong in a page's file (the slug is the file's name).
PAGE_FIELDS = ("title", "seo_title", "search_description", "show_in_menus")

# Fields that describe a copy's history or state in this database, not its content. Review
# dates and owners are set when content is loaded (see home.models.ReviewMixin).
NOT_CONTENT = {
    "id",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "latest_revision",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "translation_key",
    "locale",
    "content_owner",
    "last_reviewed",
    "review_by",
    "site",
}


class ContentError(Exception):
    """A problem in a data file: which file, which field, and what is wrong."""

    def __init__(self, file, field, message):
        self.file, self.field, self.message = file, field, message
        where = f"{file}" + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


def key_field(model):
    """The field that names a snippet in the data files: `slug`, else `name`, else None."""
    names = {field.name for field in model._meta.get_fields()}
    for name in ("slug", "name"):
        if name in names:
            return name
    return None


def in_default_language(queryset):
    """Translatable snippets (glossary terms) in English only: the data files hold the default
    language; translations are made in the admin or with PO files (docs/adopting.md)."""
    from wagtail.models import Locale, TranslatableMixin

    if issubclass(queryset.model, TranslatableMixin) and not is_page_model(queryset.model):
        return queryset.filter(locale=Locale.get_default())
    return queryset


def is_page_model(model):
    return model is not None and issubclass(model, Page)


def content_fields(model):
    """The fields of `model` that the data files hold, in the model's order, each with its kind:
    value, rich, stream, page, snippet, snippets (many-to-many) or tags."""
    fields = []
    for field in model._meta.get_fields():
        if field.auto_created or not getattr(field, "concrete", False) or field.name in NOT_CONTENT:
            continue
        if is_page_model(model) and field.model is Page and field.name not in PAGE_FIELDS:
            continue
        if getattr(field, "remote_field", None) and getattr(field.remote_field, "parent_link", False):
            continue
        if not field.editable and not isinstance(field, TaggableManager):
            continue
        kind = field_kind(field)
        if kind:
            fields.append((field, kind))
    if is_page_model(model):
        # The title first and Page's other fields (search engine title, menus) last.
        rank = {"title": 0}
        fields.sort(key=lambda entry: rank.get(entry[0].name, 2 if entry[0].model is Page else 1))
    return fields


def empty_value(field, kind):
    """What a field holds when nobody has filled it in, in the file's form (the exporter
    leaves such fields out, and the loader leaves them to the model)."""
    if kind == "value":
        default = field.get_default()
        return default.isoformat() if hasattr(default, "isoformat") else default
    return [] if kind in ("stream", "snippets", "tags") else (None if kind in ("page", "snippet") else "")


def field_kind(field):
    if isinstance(field, TaggableManager):
        return "tags"
    if isinstance(field, StreamField):
        return "stream"
    if isinstance(field, RichTextField):
        return "rich"
    if field.many_to_many:
        return "snippets" if key_field(field.related_model) else None
    if isinstance(field, models.ForeignKey):
        if is_page_model(field.related_model):
            return "page"
        # Users, images and documents are not content the files carry.
        return "snippet" if key_field(field.related_model) and field.related_model._meta.app_label != "auth" else None
    return "value"


def child_relations(model):
    """The inline lists of a page or snippet (ParentalKey children), without tag links."""
    from modelcluster.models import get_all_child_relations
    from taggit.models import ItemBase

    return [
        rel
        for rel in get_all_child_relations(model)
        # Tag links are written as `tags`; editors' comments in the admin are not content.
        if not issubclass(rel.related_model, ItemBase) and rel.related_model._meta.app_label != "wagtailcore"
    ]


def child_fields(rel):
    """The fields of one item of an inline list: everything but its id, parent and order."""
    return [
        (field, kind)
        for field, kind in content_fields(rel.related_model)
        if field.name not in ("sort_order", rel.field.name)
    ]


def raw_stream(field, value):
    """A StreamField's value as stored (JSON-ready lists and dicts with ids)."""
    prepared = field.get_prep_value(value)
    if isinstance(prepared, str):
        prepared = json.loads(prepared)
    return prepared or []


# --- Rich text --------------------------------------------------------------------------------

_PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
_BLOCK_START = re.compile(r"><(?=/?(?:p|h[2-6]|ul|ol|li|blockquote|hr)\b)")


def rich_to_file(html, page_key):
    """Stored rich text -> the file's form: page links by key, one block element a line."""
    if not html:
        return html or ""

    def swap(match):
        tag = match.group(0)
        found = re.search(r'\bid="(\d+)"', tag)
        if not found:
            return tag
        key = page_key(int(found.group(1)))
        return tag.replace(found.group(0), f'key="{key}"') if key else tag

    html = _PAGE_LINK.sub(swap, html)
    return _BLOCK_START.sub(">\n<", html)


def rich_from_file(text, page_id):
    """The file's rich text -> stored HTML: page keys to ids, the lines joined again.
    `page_id(key)` returns the id or None (a page not made yet)."""
    if not text:
        return ""
    html = re.sub(r">\n<", "><", str(text).strip())

    def swap(match):
        tag = match.group(0)
        found = re.search(r'\bkey="([^"]*)"', tag)
        if not found:
            return tag
        pk = page_id(found.group(1))
        # A page not made yet (the loader's first pass): a plain <a> until the second pass.
        return tag.replace(found.group(0), f'id="{pk}"') if pk else "<a>"

    return _PAGE_LINK.sub(swap, html)


# --- StreamField blocks -----------------------------------------------------------------------


def _list_item_value(item):
    """A ListBlock item in either stored form: the newer {type: item, value, id} or a plain value."""
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


def block_to_file(block, raw, refs):
    """A block's stored value -> the file's form (see the module docstring)."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {item["type"]: block_to_file(block.child_blocks[item["type"]], item.get("value"), refs)}
            for item in raw or []
            if item.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        return [block_to_file(block.child_block, _list_item_value(item), refs) for item in raw or []]
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        return {
            name: block_to_file(child, raw[name], refs) for name, child in block.child_blocks.items() if name in raw
        }
    if isinstance(block, blocks.PageChooserBlock):
        return refs.page_key(raw) if raw else None
    if isinstance(block, SnippetChooserBlock):
        return refs.snippet_key(block.target_model, raw) if raw else None
    if isinstance(block, blocks.RichTextBlock):
        return rich_to_file(raw, refs.page_key)
    if isinstance(block, blocks.ChooserBlock):
        return None  # images and documents are not carried by the files
    return raw


def block_from_file(block, data, refs, where):
    """The file's form of a block -> the stored value. `where` names the place for errors."""
    if isinstance(block, blocks.StreamBlock):
        if data in (None, ""):
            return []
        if not isinstance(data, list):
            raise refs.error(where, "should be a list of blocks, each written '- block_type: value'")
        items = []
        for number, item in enumerate(data, 1):
            if not isinstance(item, dict) or len(item) != 1:
                raise refs.error(f"{where}, block {number}", "should be one 'block_type: value' pair")
            ((name, value),) = item.items()
            if name not in block.child_blocks:
                known = ", ".join(block.child_blocks)
                raise refs.error(f"{where}, block {number}", f"unknown block type '{name}' (known: {known})")
            child = block.child_blocks[name]
            items.append({"type": name, "value": block_from_file(child, value, refs, f"{where}.{name}")})
        return items
    if isinstance(block, blocks.ListBlock):
        if data in (None, ""):
            return []
        if not isinstance(data, list):
            raise refs.error(where, "should be a list")
        return [block_from_file(block.child_block, item, refs, f"{where}[{n}]") for n, item in enumerate(data, 1)]
    if isinstance(block, blocks.StructBlock):
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise refs.error(where, f"should be a mapping of {', '.join(block.child_blocks)}")
        unknown = set(data) - set(block.child_blocks)
        if unknown:
            known = ", ".join(block.child_blocks)
            raise refs.error(where, f"unknown part(s) {', '.join(sorted(unknown))} (known: {known})")
        return {
            name: block_from_file(block.child_blocks[name], value, refs, f"{where}.{name}")
            for name, value in data.items()
        }
    if isinstance(block, blocks.PageChooserBlock):
        return refs.page_id(data, where) if data else None
    if isinstance(block, SnippetChooserBlock):
        return refs.snippet_id(block.target_model, data, where) if data else None
    if isinstance(block, blocks.RichTextBlock):
        return rich_from_file(data, lambda key: refs.page_id(key, where))
    return data
