"""Content part 'editorial': the 'You said, we did' page under the home page.

The seeds hold no comments about the Local Offer, so the page ships with none and says why;
moderators add the comments as 'You said, we did' items. The Editors and Moderators groups
are made by a data migration (home/permissions.py), not here.
"""

from home.models import YouSaidWeDidPage

from .utils import ensure_page, rich


def load(context, log):
    home = context.get("home")
    if home is None:
        return 0
    page, created = ensure_page(
        home,
        YouSaidWeDidPage,
        "you-said-we-did",
        title="You said, we did",
        summary="Comments we have received about the Local Offer, and what we did about them.",
        intro=rich(
            "The council must publish the comments it receives about its Local Offer and say what it "
            "will do about them. This is a rule in the Special Educational Needs and Disability (SEND) "
            "Regulations 2014 (regulation 56).",
            "We take out names and anything else that could identify someone before we publish a comment.",
            "You can comment on any page by answering ‘Is this page useful?’ at the bottom of the page.",
        ),
        empty_text=rich(
            "We have not published any comments yet. When we receive comments about the Local Offer, "
            "we will publish them here with our response."
        ),
    )
    context["you_said_we_did"] = page
    if created:
        log("  'You said, we did' page")
    return int(created)
