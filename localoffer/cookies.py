"""Every cookie the site sets, in one place. The cookies page says the same thing in plain English
(localoffer/content/starter/pages/home/cookies.yaml); localoffer/tests/test_cookies.py checks that
it does, and visits the site as a visitor to check that nothing else is set.

All of them are strictly necessary, so the site asks for no consent and shows no banner. There
are no analytics, advertising or preference cookies. Public pages set no cookie at all: they are
cached and shared by every visitor (home/cache.py).
"""

from django.conf import settings

from home import shortlist

DAY = 60 * 60 * 24
WEEK = 7 * DAY


def lifetime(seconds):
    """A cookie's lifetime in words: '1 year', '2 weeks'. Django's year-long cookies last 52
    weeks, so 52 weeks or more count in years."""
    weeks = seconds // WEEK
    if weeks >= 52:
        years = weeks // 52
        return f"{years} year" if years == 1 else f"{years} years"
    if weeks >= 1:
        return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"
    days = max(seconds // DAY, 1)
    return f"{days} day" if days == 1 else f"{days} days"


# name, who gets it, what it is for, how long it lasts (max_age in seconds, and in words)
COOKIES = [
    {
        "name": settings.CSRF_COOKIE_NAME,
        "who": "Visitors who fill in the 'What was missing?' form after answering 'No' to 'Is this "
        "page useful?' or the 'Comment on the Local Offer' form, and editors who sign in to the admin",
        "purpose": "Stops other websites sending forms to this site in your name (cross-site request forgery).",
        "max_age": settings.CSRF_COOKIE_AGE,
        "lifetime": lifetime(settings.CSRF_COOKIE_AGE),
    },
    {
        "name": settings.SESSION_COOKIE_NAME,
        "who": "Editors who sign in to the admin, and no one else",
        "purpose": "Keeps you signed in, and remembers that you gave your two-factor code.",
        "max_age": settings.SESSION_COOKIE_AGE,
        # Wagtail's sign-in keeps it for SESSION_COOKIE_AGE with 'Remember me' ticked, otherwise
        # only until the browser closes; signing out removes it.
        "lifetime": lifetime(settings.SESSION_COOKIE_AGE) + " if you tick 'Remember me', otherwise until you close "
        "your browser; it is removed when you sign out",
    },
    {
        "name": shortlist.COOKIE_NAME,
        "who": "Visitors who choose 'Add to my shortlist', and only then",
        "purpose": "Holds the numbers of the pages and contacts on your shortlist, so it stays on your device "
        "and we keep no copy.",
        "max_age": shortlist.COOKIE_MAX_AGE,
        "lifetime": "90 days after you last change your shortlist",
    },
]

# The cookies a visitor who does not sign in may get, and the views that set them: the CSRF
# token from the two comment forms ('What was missing?' and 'Comment on the Local Offer',
# home/feedback_views.py), pages for one visitor that are never cached; the shortlist from
# 'Add to my shortlist' and 'Save this list' (home/shortlist_views.py), only when asked.
VISITOR_COOKIES = {settings.CSRF_COOKIE_NAME, shortlist.COOKIE_NAME}
VISITOR_COOKIE_URL_NAMES = {"home:feedback_more", "home:feedback_comment", "home:shortlist_add", "home:shortlist_save"}
