"""Content due for review: what is overdue or soon due, by owner, for the admin report and the
reminder emails. Covers every page type and every other model that uses ReviewMixin (contacts)
without importing them: it finds them in the app registry, so home imports nothing above it."""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log
from wagtail.models import Page

from .models import ReviewMixin, ReviewRecord, next_review_date

OVERDUE = "overdue"
DUE_SOON = "soon"


@dataclass
class ReviewItem:
    obj: object
    title: str
    kind: str
    owner: object
    review_by: date
    status: str
    edit_url: str
    content_type_id: int

    @property
    def owner_name(self):
        if self.owner is None:
            return "No owner"
        return self.owner.get_full_name() or self.owner.get_username()

    @property
    def days(self):
        return abs((self.review_by - date.today()).days)


def reviewed_models():
    """Every concrete model with review dates: page types and snippets such as contacts."""
    return [m for m in apps.get_models() if issubclass(m, ReviewMixin) and not m._meta.abstract]


def owned_by(user, is_page):
    """Items `user` is responsible for: those they own, and pages with no owner that they created
    (Wagtail's own 'owner' field is the page's creator)."""
    if is_page:
        return Q(content_owner=user) | Q(content_owner__isnull=True, owner=user)
    return Q(content_owner=user)


def responsible_person(obj):
    """The item's owner; for a page without one, the person who created it."""
    if obj.content_owner_id is None and isinstance(obj, Page):
        return obj.owner
    return obj.content_owner


def due_items(today=None, soon_days=None, user=None):
    """Items whose 'review by' date has passed or falls within `soon_days` days, sorted by
    owner then date. With `user`, only that owner's items."""
    today = today or date.today()
    soon_days = settings.REVIEW_DUE_SOON_DAYS if soon_days is None else soon_days
    horizon = today + timedelta(days=soon_days)
    finder = AdminURLFinder()
    items = []
    for model in reviewed_models():
        is_page = issubclass(model, Page)
        queryset = model.objects.filter(review_by__lte=horizon).select_related(
            "content_owner", *(["owner"] if is_page else [])
        )
        if is_page:
            queryset = queryset.filter(depth__gt=1)
        if user is not None:
            queryset = queryset.filter(owned_by(user, is_page))
        content_type = ContentType.objects.get_for_model(model)
        for obj in queryset:
            items.append(
                ReviewItem(
                    obj=obj,
                    title=str(obj.title if isinstance(obj, Page) else obj),
                    kind=model._meta.verbose_name,
                    owner=responsible_person(obj),
                    review_by=obj.review_by,
                    status=OVERDUE if obj.review_by < today else DUE_SOON,
                    edit_url=finder.get_edit_url(obj) or "",
                    content_type_id=content_type.pk,
                )
            )
    items.sort(key=lambda item: (item.owner is None, item.owner_name.lower(), item.review_by, item.title))
    return items


def by_owner(items):
    """[(owner name, owner, [items])], owners A to Z, 'No owner' last."""
    return [
        (name, group[0].owner, group)
        for name, group in ((name, list(group)) for name, group in groupby(items, key=lambda i: i.owner_name))
    ]


def can_mark_reviewed(user, obj):
    """Only someone who may edit an item may say it is still right."""
    if not user.has_perm("home.review_content"):
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


@transaction.atomic
def mark_reviewed(obj, user, today=None):
    """Record that `user` checked `obj` today and found nothing to change: last reviewed is
    today, review by is 12 months on. Updates the live row (and a pending draft, so publishing
    the draft later does not bring back the old dates), without making a new revision."""
    today = today or date.today()
    new_review_by = next_review_date(today)
    model = type(obj)
    model.objects.filter(pk=obj.pk).update(last_reviewed=today, review_by=new_review_by)
    latest = getattr(obj, "latest_revision", None)
    if latest is not None and getattr(obj, "has_unpublished_changes", False):
        latest.content["last_reviewed"] = today.isoformat()
        latest.content["review_by"] = new_review_by.isoformat()
        latest.save(update_fields=["content"])
    obj.last_reviewed, obj.review_by = today, new_review_by
    title = obj.title if isinstance(obj, Page) else str(obj)
    log(instance=obj, action="home.mark_reviewed", user=user)  # shows in the item's history
    return ReviewRecord.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk),
        object_title=title[:255],
        reviewed_by=user,
        next_review_by=new_review_by,
    )
