"""Every cookie the site sets, in one place: the cookies page's text and the test that visits
the site as a visitor (localoffer/tests/test_cookies.py) both read it.

All of them are strictly necessary, so the site asks for no consent and shows no banner. There
are no analytics, advertising or preference cookies.
"""

from django.conf import settings

# name, who gets it, what it is for, how long it lasts
COOKIES = [
    {
        "name": settings.CSRF_COOKIE_NAME,
        "who": "Visitors who see a form that sends information (the 'Is this page useful?' form), and editors",
        "purpose": "Stops other websites sending forms to this site in your name (cross-site request forgery).",
        "lifetime": f"{settings.CSRF_COOKIE_AGE // (60 * 60 * 24 * 7)} weeks",
    },
    {
        "name": settings.SESSION_COOKIE_NAME,
        "who": "Editors who sign in to the admin only",
        "purpose": "Keeps you signed in, and remembers that you gave your two-factor code.",
        "lifetime": f"{settings.SESSION_COOKIE_AGE // (60 * 60 * 24 * 7)} weeks, or until you sign out",
    },
]

# The cookies a visitor who does not sign in may get.
VISITOR_COOKIES = {settings.CSRF_COOKIE_NAME}
