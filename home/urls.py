"""URLs the home app owns outside the page tree (for example the feedback form)."""

urlpatterns = []
