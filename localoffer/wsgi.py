"""WSGI entry point: `gunicorn localoffer.wsgi`. Uses production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localoffer.settings.production")

application = get_wsgi_application()
