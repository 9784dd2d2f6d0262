"""Helpers the content loader uses to build the page tree without touching what exists."""


def ensure_page(parent, model, slug, publish=True, **fields):
    """Return the child of `parent` with this slug, creating and publishing it if missing.

    An existing page is left exactly as it is, so a second run of the loader changes
    nothing and never overwrites what editors have changed. With `publish=False` a missing
    page is created as a draft, for a part that fills it in and publishes it later.
    Returns (page, created).
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields) if publish else model(slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page, True


def rich(*paragraphs):
    """Paragraphs of plain text as rich text HTML (each string one paragraph).
    Strings that already start with '<' (lists, headings) are kept as they are."""
    return "".join(p if p.lstrip().startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def bullets(*items):
    """A bulleted list as rich text HTML."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def section(heading, *paragraphs):
    return ("section", {"heading": heading, "body": rich(*paragraphs)})


def inset(*paragraphs):
    return ("inset", {"text": rich(*paragraphs)})


def page_link(page, text="", description=""):
    return {"page": page.pk if page else None, "url": "", "text": text, "description": description}


def url_link(url, text, description=""):
    return {"page": None, "url": url, "text": text, "description": description}
