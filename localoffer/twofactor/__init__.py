"""Two-factor sign-in for the Wagtail admin (django-otp).

After the password (Wagtail's own sign-in page, behind django-axes), an editor gives a
six-digit code from an authenticator app (TOTP) or one of ten single-use recovery codes. An
account that has no authenticator yet is sent to set one up before it can do anything else in
the admin. Failed codes count towards the same lockout as wrong passwords.

- ``policy.py``: who must use a second factor, and whether they have one.
- ``middleware.py``: sends a signed-in account that has not given its code to the right page.
- ``views.py`` and ``forms.py``: set up, verify, new recovery codes.
- Templates: ``templates/twofactor/``, built on the Wagtail admin's sign-in page.

It lives on the top floor because it wires the whole admin, not one app (docs/architecture.md).
"""
