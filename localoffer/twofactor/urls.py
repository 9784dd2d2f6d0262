"""The two-factor pages, under /admin/two-factor/."""

from django.urls import path

from . import views

app_name = "twofactor"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
