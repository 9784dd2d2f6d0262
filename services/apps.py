from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Services"

    def ready(self):
        from home.cache import depends_on

        # Contacts show on service pages and in the directory, with their areas and tags.
        depends_on("services.Contact", "services.Area", "services.ContactTag", "services.ServicePageContact")

        from .shortlist import register

        register()  # services and contacts can go on 'My shortlist' (home/shortlist.py)
