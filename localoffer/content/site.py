"""The home page, the footer's information pages and the site settings."""

from wagtail.models import Page, Site

from home.models import HomePage, InformationPage, SiteSettings

from .utils import rich, section

HOME_SLUG = "home"


def get_or_create_home(log):
    """The site's HomePage. Replaces Wagtail's empty 'Welcome' page on a new database."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific, False
    existing = HomePage.objects.first()
    if existing:
        home = existing
        created = False
    else:
        root = Page.get_first_root_node()
        # Wagtail's first migration makes a plain 'Welcome' page at /home/; remove it so the
        # real home page can have the slug.
        for child in root.get_children():
            if type(child.specific) is Page:
                child.delete()
        home = HomePage(
            title="Local Offer for children and young people with SEND",
            slug=HOME_SLUG,
            summary=(
                "Find out what help there is for children and young people with special "
                "educational needs and disabilities (SEND), who can get it and how to ask for it."
            ),
            intro=rich(
                "The Local Offer is where the council publishes the support available for "
                "children and young people with SEND, and their families."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        created = True
        log("Created the home page")
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Local Offer"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home, created


INFORMATION_PAGES = [
    {
        "slug": "accessibility-statement",
        "setting": "accessibility_page",
        "title": "Accessibility statement",
        "summary": "How accessible this website is, and how to tell us about a problem.",
        "body": [
            section(
                "Using this website",
                "We want as many people as possible to be able to use this website. You should be able to:",
                "<ul><li>change colours, contrast levels and fonts using your browser or device settings</li>"
                "<li>zoom in up to 400% without the text spilling off the screen</li>"
                "<li>move around the website using just a keyboard</li>"
                "<li>use the website without JavaScript</li>"
                "<li>listen to the website using a screen reader</li></ul>",
            ),
            section(
                "How accessible this website is",
                "We built this website to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 "
                "at level AA. We check every type of page with automated tests and by using a keyboard only.",
                "Some documents you can download, such as PDFs, may not be fully accessible.",
            ),
            section(
                "Reporting accessibility problems",
                "If you find a problem with this website, or need information in a different format, "
                "contact the council's Local Offer team. The council will add its contact details here.",
            ),
            section(
                "Enforcement procedure",
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
                "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. "
                "If you are not happy with how we respond to your complaint, contact the Equality Advisory "
                "and Support Service (EASS).",
            ),
            section(
                "Preparation of this statement",
                "The council will add the date this statement was prepared and last reviewed.",
            ),
        ],
    },
    {
        "slug": "cookies",
        "setting": "cookies_page",
        "title": "Cookies",
        "summary": "The small files this website puts on your device, and why.",
        "body": [
            section(
                "Cookies on this website",
                "Cookies are small files saved on your phone, tablet or computer when you visit a website.",
                "This website only uses cookies that are strictly necessary for it to work. "
                "We do not use cookies to track you or to measure how you use the website, "
                "so we do not ask for your permission.",
            ),
            section(
                "Strictly necessary cookies",
                "<ul><li><strong>csrftoken</strong>: protects the forms on this website, such as "
                "'Is this page useful?', from being misused by other websites. It expires after a year.</li>"
                "<li><strong>sessionid</strong>: only for council staff who sign in to edit the website. "
                "It keeps them signed in.</li></ul>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "setting": "privacy_page",
        "title": "Privacy",
        "summary": "What information this website keeps, and what it does not.",
        "body": [
            section(
                "What we keep",
                "You can use this website without telling us who you are.",
                "If you answer 'Is this page useful?', we keep your answer and any comment you write, "
                "but not your name, email address or IP address. Please do not write personal "
                "information in the comment box. Comments are deleted after a set period.",
                "When you use the eligibility check, your answers are not stored. They stay in the "
                "web address of the page you are on.",
                "We count the words people search for, so we can improve the website. We do not record who searched.",
            ),
            section(
                "Who to contact",
                "The council will add the contact details of its data protection officer here.",
            ),
        ],
    },
]


def load(context, log):
    created = 0
    home, home_created = get_or_create_home(log)
    context["home"] = home
    context["home_created"] = home_created
    created += int(home_created)

    from .utils import ensure_page

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    for spec in INFORMATION_PAGES:
        page, was_created = ensure_page(
            home, InformationPage, spec["slug"], title=spec["title"], summary=spec["summary"], body=spec["body"]
        )
        created += int(was_created)
        context[spec["slug"]] = page
        if getattr(site_settings, spec["setting"] + "_id") is None:
            setattr(site_settings, spec["setting"], page)
    site_settings.save()
    return created
