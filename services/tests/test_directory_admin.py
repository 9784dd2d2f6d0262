"""The directory in the admin: snippets for organisations, locations and taxonomies, the
service page's 'Directory' tab, help text on every field. The shipped taxonomies are tested with the starter content
(localoffer/tests/content/test_directory.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from services.models import (
    FindSupportPage,
    Location,
    Organisation,
    ServiceCostOption,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    Taxonomy,
    TaxonomyTerm,
)

from .factories import make_service, make_shared_records, make_site, make_taxonomies

DIRECTORY_FIELDS = [
    "organisation",
    "status",
    "minimum_age",
    "maximum_age",
    "cost",
    "fees_description",
    "taxonomy_terms",
    "areas",
]


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def test_every_editor_field_has_help_text():
    models = [Organisation, Location, Taxonomy, TaxonomyTerm, ServiceCostOption, ServiceLanguage, ServiceSchedule]
    missing = [
        f"{model.__name__}.{field.name}"
        for model in models
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and field.name not in ("sort_order", "page", "id")
        and not field.help_text
    ]
    missing += [f"ServicePage.{name}" for name in DIRECTORY_FIELDS if not ServicePage._meta.get_field(name).help_text]
    missing += [f"ServiceLocation.{f}" for f in ("location",) if not ServiceLocation._meta.get_field(f).help_text]
    missing += [f"FindSupportPage.{f}" for f in ("intro",) if not FindSupportPage._meta.get_field(f).help_text]
    assert not missing


def test_snippets_are_in_the_admin(admin_client):
    make_taxonomies()
    make_shared_records()
    for model in (Organisation, Location, Taxonomy, TaxonomyTerm):
        url = reverse(f"wagtailsnippets_services_{model._meta.model_name}:list")
        response = admin_client.get(url)
        assert response.status_code == 200, url
    response = admin_client.get(reverse("wagtailsnippets_services_taxonomyterm:list"))
    assert "Cognition and learning" in response.text


def test_the_service_page_has_a_directory_tab(admin_client):
    _, index, _ = make_site()
    service = make_service(index, 1, make_shared_records())
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[service.pk]))
    assert response.status_code == 200
    for text in ("Directory", "Who runs the service.", "Regular opening times", "Cost options", "Where it is offered"):
        assert text in response.text, text


def test_ages_must_be_in_order(db):
    service = ServicePage(title="x", slug="x", minimum_age=10, maximum_age=5)
    with pytest.raises(Exception, match="oldest age"):
        service.clean()
