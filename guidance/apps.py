from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = "Guidance"

    def ready(self):
        from home.cache import depends_on

        # A glossary term shows on every page that uses it (the explainer) and on the glossary.
        depends_on("guidance.GlossaryTerm")

        from home.shortlist import register_page_type

        register_page_type("guidance.GuidancePage")  # guidance pages can go on 'My shortlist'
