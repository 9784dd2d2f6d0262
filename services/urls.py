"""URLs the services app owns outside the page tree."""

urlpatterns = []
