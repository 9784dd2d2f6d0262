"""The admin's preview panel can show every page type, despite the site's strict CSP."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import GuidancePage


@pytest.fixture
def guidance_page(starter_site):
    return GuidancePage.objects.live().first()


def test_preview_of_a_guidance_page_may_be_framed_by_the_admin(admin_client, guidance_page):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[guidance_page.pk])
    form = nested_form_data(
        {
            "title": "A draft title for the preview",
            "slug": guidance_page.slug,
            "summary": "Draft summary.",
            "audience": "parents",
            "body": streamfield([("text", rich_text("<p>Draft text only the preview shows.</p>"))]),
            "related_pages": inline_formset([]),
            "alternative_formats": inline_formset([]),
        }
    )
    assert admin_client.post(preview_url, form).json()["is_valid"] is True

    response = admin_client.get(preview_url, {"mode": "", "in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Draft text only the preview shows." in response.content.decode()
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_live_pages_still_refuse_to_be_framed(client, guidance_page):
    response = client.get(Page.objects.get(pk=guidance_page.pk).url)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
