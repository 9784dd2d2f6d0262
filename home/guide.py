"""The council's guide for editors (docs/editors.md), shown inside the admin.

The admin's Help menu links here instead of to Wagtail's generic guide on wagtail.org, so the
help an editor opens matches this site and calls no outside service. The Markdown file in the
repository stays the one source; its screenshots (docs/images/) are served beside it."""

from pathlib import Path

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors.md"
IMAGES = GUIDE.parent / "images"


def render_guide():
    """docs/editors.md as HTML. The file is ours (in the repository), not editors' input."""
    return markdown.markdown(GUIDE.read_text(encoding="utf-8"), extensions=["tables", "fenced_code", "toc"])


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/editors_guide.html"
    page_title = "Guide for editors"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = mark_safe(render_guide())  # noqa: S308 (our own file, see render_guide)
        return context


def guide_image(request, name):
    """A screenshot from docs/images/ (PNG only, no other folder)."""
    path = IMAGES / name
    if not name.endswith(".png") or path.parent != IMAGES or not path.is_file():
        raise Http404("No such image")
    return FileResponse(path.open("rb"), content_type="image/png")
