"""URLs the home app owns outside the page tree: the 'Is this page useful?' form, 'My
shortlist' and the council's brand colour stylesheet."""

from django.urls import path

from . import feedback_views, shortlist_views, views

app_name = "home"

urlpatterns = [
    path("feedback/", feedback_views.feedback, name="feedback"),
    path("feedback/more/<str:token>/", feedback_views.feedback_more, name="feedback_more"),
    path("feedback/thanks/", feedback_views.feedback_thanks, name="feedback_thanks"),
    path("shortlist/", shortlist_views.shortlist_page, name="shortlist"),
    path("shortlist/add/", shortlist_views.add, name="shortlist_add"),
    path("shortlist/remove/", shortlist_views.remove, name="shortlist_remove"),
    path("shortlist/save/", shortlist_views.save, name="shortlist_save"),
    path("feedback/comment/", feedback_views.feedback_comment, name="feedback_comment"),
    path("brand.css", views.brand_css, name="brand_css"),
]
