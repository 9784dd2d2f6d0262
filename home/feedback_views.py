"""'Is this page useful?': a plain form POST that works without JavaScript.

1. POST /feedback/ with page and useful=yes|no. The answer is stored at once (page, yes or no,
   today's date: nothing else). The question is on every public page, and public pages are
   cached and shared by everyone, so it carries no per-visitor CSRF token: a cross-site post is
   refused by its Origin (or Referer) header instead, spam by the honeypot and the rate limit
   (docs/security.md, 'Is this page useful?' explains why that is enough).
2. 'Yes' goes to the thank-you page. 'No' goes to /feedback/more/<token>/, which asks
   'What was missing?'. The token is signed and expires after an hour, so only the person who
   answered can add a comment to that answer, and only once.
3. /feedback/comment/ takes a comment about the Local Offer as a whole (not one page) and what it
   is about: its content, its accessibility, or how it was made (regulation 56). It is not a
   cached page, so it uses Django's CSRF token.
Bad input gets a GOV.UK error summary and a 400, never a 500; nothing half-written is stored.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from .forms import COMMENT_MAX, CommentForm, MissingForm, ThanksQuery, UsefulForm
from .models import Feedback
from .views import rate_limited

TOKEN_SALT = "home.feedback"  # noqa: S105 (a signing namespace, not a secret)
TOKEN_MAX_AGE = 60 * 60


def _limited(request):
    return is_ratelimited(
        request, group="home.feedback", key="ip", rate=settings.FEEDBACK_RATE_LIMIT, method="POST", increment=True
    )


def _thanks_url(page):
    url = reverse("home:feedback_thanks")
    return f"{url}?page={page.pk}" if page else url


def _live_page(value):
    """The live public page with this id, or None for a missing, odd or out-of-range id."""
    page_id = ThanksQuery.parse({"page": str(value or "")}).values["page"]
    if page_id is None:
        return None
    return Page.objects.live().public().filter(pk=page_id, depth__gt=1).first()


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else "null"


def is_same_origin(request):
    """Was this POST sent by a form on this site?

    Browsers send `Origin` with every cross-site POST (and with same-site ones), so a form on
    another site is refused by it. Without `Origin`, the `Referer` is checked the same way. A
    request with neither did not come from a current browser; a script could forge both
    headers anyway, which is what the honeypot and the rate limit are for."""
    allowed = {_origin(request.build_absolute_uri("/"))}
    allowed |= {origin.lower().rstrip("/") for origin in settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin.lower().rstrip("/") in allowed
    referer = request.META.get("HTTP_REFERER")
    if referer is not None:
        return _origin(referer) in allowed
    return True


@csrf_exempt  # no per-visitor token on cached pages: see the module docstring
@require_POST
def feedback(request):
    if not is_same_origin(request):
        return render(request, "home/feedback_cross_site.html", status=403)
    if _limited(request):
        return rate_limited(request)
    form = UsefulForm(request.POST)
    if form.is_spam():
        return redirect(_thanks_url(_live_page(request.POST.get("page"))))
    if not form.is_valid():
        return render(request, "home/feedback_error.html", {"form": form}, status=400)
    page = form.cleaned_data["page"]
    useful = form.cleaned_data["useful"] == "yes"
    item = Feedback.objects.create(page=page, useful=useful)
    if useful:
        return redirect(_thanks_url(page))
    token = signing.dumps(item.pk, salt=TOKEN_SALT)
    return redirect("home:feedback_more", token=token)


def _feedback_from_token(token):
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return Feedback.objects.select_related("page").filter(pk=pk, useful=False).first()


@require_http_methods(["GET", "POST"])
def feedback_more(request, token):
    item = _feedback_from_token(token)
    if item is None:
        return render(request, "home/feedback_expired.html", status=400)
    if item.comment:
        return redirect(_thanks_url(item.page))
    if request.method == "POST":
        if _limited(request):
            return rate_limited(request)
        form = MissingForm(request.POST)
        if form.is_spam():
            return redirect(_thanks_url(item.page))
        if form.is_valid():
            item.comment = form.cleaned_data["comment"]
            item.about = form.cleaned_data["about"]
            item.save(update_fields=["comment", "about"])
            return redirect(_thanks_url(item.page))
        status = 400
    else:
        form = MissingForm()
        status = 200
    context = {"form": form, "item": item, "feedback_page": item.page, "comment_max": COMMENT_MAX}
    return render(request, "home/feedback_more.html", context, status=status)


@require_http_methods(["GET", "POST"])
def feedback_comment(request):
    """'Comment on the Local Offer': a comment about the Local Offer as a whole, not one page.
    Not a cached page, so it carries Django's usual CSRF token."""
    status = 200
    if request.method == "POST":
        if _limited(request):
            return rate_limited(request)
        form = CommentForm(request.POST)
        if form.is_spam():
            return redirect(_thanks_url(None))
        if form.is_valid():
            Feedback.objects.create(
                page=None, useful=False, about=form.cleaned_data["about"], comment=form.cleaned_data["comment"]
            )
            return redirect(_thanks_url(None))
        status = 400
    else:
        form = CommentForm()
    return render(request, "home/feedback_comment.html", {"form": form, "comment_max": COMMENT_MAX}, status=status)


@require_GET
def feedback_thanks(request):
    return render(request, "home/feedback_thanks.html", {"feedback_page": _live_page(request.GET.get("page"))})
