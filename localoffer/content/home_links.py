"""The home page's ways in: links for parents and carers, and for schools and settings.

Runs last, when every other part has made its pages. A list is filled only while it is
empty, so once an editor has changed the links a second run leaves them alone. A page that
another part did not make (its key is missing from the context) is skipped.
"""

from home.models import HomePage

from .checker import TITLE as CHECKER_TEXT
from .utils import page_link

# (context key, link text or "" for the page's title, description under the link)
PARENTS_LINKS = [
    ("what_is_sen_support", "", "What extra help at school is, and how it works."),
    ("four_stages", "", "Assess, plan, do and review: how SEN Support works."),
    ("extra_help_examples", "", "The kinds of extra help a school can give."),
    ("send_support_plans", "", "The plan that sets out your child's support."),
    ("when_sen_support_is_not_enough", "", "What you can do if your child needs more help."),
    ("sssen_checker", CHECKER_TEXT, "Answer a few questions about your child's school and plan."),
    ("glossary_page", "", "What the words and abbreviations mean."),
    ("directory", "", "Who to contact for help and advice."),
]

SCHOOLS_LINKS = [
    ("sssen", "Support Service for Special Educational Needs (SSSEN): criteria and how support is agreed", ""),
    ("ssap", "", ""),
    ("sen_support_toolkit", "", ""),
    ("enhanced_sen_support", "", ""),
    ("sssen_outcomes", "", ""),
    ("sssen_checker", CHECKER_TEXT, ""),
    ("directory", "", ""),
]


def build_links(context, spec):
    """The LinkBlock values for the pages in `spec` that exist, in order."""
    links = []
    for key, text, description in spec:
        page = context.get(key)
        if page is not None:
            # Raw stream data: page_link gives the page's id, as stored in the database.
            links.append({"type": "link", "value": page_link(page, text, description)})
    return links


def load(context, log):
    home = context.get("home")
    if home is None:
        return 0
    home = HomePage.objects.get(pk=home.pk)
    if home.has_unpublished_changes:
        log("The home page has a draft; its links were left alone")
        return 0
    changed = 0
    for field, spec in (("parents_links", PARENTS_LINKS), ("schools_links", SCHOOLS_LINKS)):
        if len(getattr(home, field)) == 0:
            links = build_links(context, spec)
            if links:
                setattr(home, field, links)
                changed += 1
    if changed:
        home.save_revision().publish()
        log("Filled in the home page's links")
    context["home"] = HomePage.objects.get(pk=home.pk)
    return changed
