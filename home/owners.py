"""Who owns shipped content: a named role, set at install time.

The content the portal ships (pages, contacts) has no author among the council's staff, so
nobody would get its review reminders. `default_content_owner()` returns the account named by
the `LOCALOFFER_CONTENT_OWNER` setting (a username; by default the role account
'local-offer-team', made when first needed, which cannot sign in), and
`assign_content_owner()` gives it everything that has no owner yet. The content loader and the
`assign_content_owner` command call it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from .review import reviewed_models


def default_content_owner(username=None):
    """The owner of shipped content. An existing account with that username is used as it is;
    otherwise a role account is created with the name from `LOCALOFFER_CONTENT_OWNER_NAME`
    and no password (it cannot sign in; give its email address to the team's shared inbox)."""
    username = username or settings.LOCALOFFER_CONTENT_OWNER
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    if user is None:
        first, _, last = settings.LOCALOFFER_CONTENT_OWNER_NAME.partition(" ")
        user = User(**{User.USERNAME_FIELD: username}, first_name=first, last_name=last)
        user.email = settings.LOCALOFFER_CONTENT_OWNER_EMAIL
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def assign_content_owner(owner=None):
    """Give every page and contact without an owner to `owner` (default: the shipped content's
    owner), in the live rows and in unpublished drafts. Returns how many items changed."""
    owner = owner or default_content_owner()
    changed = 0
    for model in reviewed_models():
        unowned = model.objects.filter(content_owner__isnull=True)
        if issubclass(model, Page):
            unowned = unowned.filter(depth__gt=1)
        drafts = (
            [
                obj.latest_revision
                for obj in unowned.filter(has_unpublished_changes=True).select_related("latest_revision")
            ]
            if hasattr(model, "has_unpublished_changes")
            else []
        )
        for revision in drafts:
            if revision is not None and not revision.content.get("content_owner"):
                revision.content["content_owner"] = owner.pk
                revision.save(update_fields=["content"])
        changed += unowned.update(content_owner=owner)
    return changed
