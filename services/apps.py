from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Services"

    def ready(self):
        from home.cache import depends_on

        # Contacts show on service pages and in the directory, with their areas and tags.
        depends_on("services.Contact", "services.Area", "services.ContactTag", "services.ServicePageContact")
        # The directory's shared records show on service pages, 'Find support' and the Open
        # Referral API (whose answers the page cache keeps too): an editor's change to one
        # must not wait for a cached page to expire.
        depends_on(
            "services.Organisation",
            "services.Location",
            "services.Taxonomy",
            "services.TaxonomyTerm",
            "services.ServiceCostOption",
            "services.ServiceLanguage",
            "services.ServiceLocation",
            "services.ServiceSchedule",
        )

        from .shortlist import register

        register()  # services and contacts can go on 'My shortlist' (home/shortlist.py)
