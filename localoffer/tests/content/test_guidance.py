"""The guidance content the loader ships: every fact from seeds 002, 003 and 004 is on its page,
the pages link to each other and to nothing invented, and a second run of the loader changes
nothing.

The facts are checked in the visible text of each page's <main>, rendered through its real URL.
"""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
import yaml
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceRelatedPage
from localoffer.content import STARTER

# The guidance pages in the starter content, in their order: short name -> slug.
PAGES = {
    "what_is_sen_support": "what-is-sen-support",
    "four_stages": "four-stages-of-sen-support",
    "sen_support_toolkit": "sen-support-toolkit",
    "extra_help_examples": "what-sen-support-may-include",
    "send_support_plans": "send-support-plans",
    "ssap": "send-support-advisory-partnership",
    "enhanced_sen_support": "enhanced-sen-support",
    "when_sen_support_is_not_enough": "when-sen-support-is-not-enough",
}
PAGE_KEYS = list(PAGES)
GUIDANCE_FOLDER = STARTER / "pages" / "home" / "sen-support"


def starter_titles():
    """The guidance pages' titles as the data files give them, in their `order`."""
    files = [yaml.safe_load(path.read_text()) for path in GUIDANCE_FOLDER.glob("*.yaml")]
    return [data["title"] for data in sorted(files, key=lambda data: data["order"])]


ALLOWED_OUTSIDE_LINKS = {
    "https://www.gov.uk/children-with-special-educational-needs",
    "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
}

# page key -> what must appear in the page's visible text. Between them, every fact, figure,
# criterion, role, list item, section number and date in seeds 002, 003 and 004.
FACTS = {
    "what_is_sen_support": [
        # seed 003: where SEN Support is available
        "special educational needs (SEN)",
        "The extra help for children with SEN is called SEN Support",
        "nurseries and childminders",
        "schools",
        "colleges and 16 to 19 academies",
        # the SEN Support Plan
        "If a school or nursery decides that your child has SEN, it will write an SEN Support Plan",
        "your child's needs",
        "the action needed to help them",
        "the outcomes planned",
        "If your child's needs are severe or complex",
        "straight to the next step: an assessment of their special educational needs",
        # reviewing the plan
        "The school will review the SEN Support Plan regularly",
        "whether your child is making progress",
        "whether the amount of support needs to change",
        # involving you and your child: every 'the school must' item
        "what action to take, what it should achieve and whether it is working",
        "The school must:",
        "work closely with you and your child to find out what your child needs",
        "take into account your concerns and views, and your child's",
        "outcomes and next steps you have agreed",
        "include you in any decision to involve specialists",
        "share the details of the support plan with you and agree a date to review it",
        "ask you and your child what you think when the SEN Support Plan is reviewed",
        # where it comes from
        "23 March 2024",
        "Code of Practice 2015",
    ],
    "four_stages": [
        "four stages: Assess, Plan, Do and Review",
        # Assess
        "Your child's difficulties must be assessed, so that they get the right support",
        "asking you what you think",
        "talking to the professionals who work with your child, such as their teacher",
        "looking at records and other information",
        "looked at again regularly",
        "educational psychologist, a specialist teacher or a health professional",
        # Plan
        "needs to agree with you the outcomes that the SEN Support should achieve",
        "how your child will benefit from the support they get",
        "Everyone involved needs to have a say in what kind of support your child will get",
        "decide a date to review the support",
        "how well the support is working",
        "whether the outcomes have been achieved or are being achieved",
        # Do
        "The setting puts the planned support in place",
        "teacher is still responsible for working with your child every day",
        "SENCO (Special Educational Needs Co-ordinator)",
        "support staff or specialist teaching staff",
        "track your child's progress",
        "check that the support is working",
        # Review
        "reviewed at the time agreed in the plan",
        "whether the support is having a positive impact",
        "whether the outcomes have been achieved, or are being achieved",
        "whether any changes should be made, and what they should be",
        "23 March 2024",
    ],
    "sen_support_toolkit": [
        "early years providers, schools and post-16 providers",
        "special educational needs (SEN) of children and young people",
        "special educational needs and disabilities (SEND) processes",
        "education providers must follow",
        "nurseries and childminders",
        "The council will add its SEN Support Toolkit to this page",
        "23 March 2024",
    ],
    "extra_help_examples": [
        # seed 003: what SEN Support may include
        "taught in a different way",
        "help from an extra adult",
        # seed 004: criteria about expected progress
        "criteria about expected progress",
        "not making enough progress, so that they can arrange extra support",
        "They make it fair",
        "which children should get more help and which should get less",
        # seed 004: every example of extra help
        "targets for your child alone, set after the school, your child, you and other practitioners have talked",
        "SENCO (Special Educational Needs Co-ordinator) taking part in assessing, planning and reviewing",
        "a pupil with literacy difficulties might make a poster to show what they have learned, instead of "
        "writing an essay",
        "regular, planned support from the teacher, teaching assistants and the SENCO",
        "flexible group work that supports your child's own learning targets",
        "sessions on their own or in small groups for literacy and numeracy",
        "social skills groups",
        "a quiet study area",
        "blinds to reduce glare",
        "soft feet on chairs to reduce noise",
        "ICT (information and communication technology) solutions",
        "specialist materials and equipment",
        "an educational psychologist or a speech and language therapist",
        "a programme to improve handwriting or other physical skills",
        # seed 003: specialists
        "Educational psychologists are qualified professionals",
        "registered with the Health and Care Professions Council",
        "in education and in the community to promote the emotional wellbeing of children and young people",
        "child and adolescent mental health services (CAMHS)",
        "a specialist teaching and learning service",
        "a special educational needs and disabilities (SEND) support service",
        "teachers qualified to work with specific needs",
        "visual impairment, hearing impairment and communication difficulties",
        "a speech therapist or an occupational therapist",
        "hearing or visual impairment, the school can ask the Sensory Impairment Service for advice directly",
        # seed 004: advice from other practitioners, reports
        "the school will get advice from other practitioners",
        "more detailed assessment",
        "You will always be given copies of any reports written about your child",
        "able to talk about them",
        # seed 004: money
        "delegated budget",
        "the school and the parents, or the young person, can ask for a top-up",
        "Education, Health and Care (EHC) needs assessment",
    ],
    "send_support_plans": [
        # seed 002: understanding SEND
        "special educational needs and disabilities (SEND)",
        "learning difficulties or disabilities",
        "harder for them to learn than for others of the same age",
        "extra help, or different help",
        # how SEND is identified: three ways and a combination
        "by their school or setting",
        "by their parents or carers",
        "by other professionals",
        "by a combination of all three",
        "identify needs early",
        # ways support is provided
        "additional learning needs is given in three broad ways",
        "SEND Support Plan (SSP) in their mainstream school, early years setting or college",
        "Education, Health and Care needs assessment (EHCNA)",
        "Education, Health and Care plan (EHCP)",
        "Most children and young people with SEND are supported through an SSP",
        # the graduated approach, three levels
        "graduated approach",
        "Quality First Teaching",
        "high-quality, inclusive teaching for all pupils",
        "Ordinarily Available Provision (OAP)",
        "Targeted Support",
        "extra interventions based on the needs that have been assessed",
        "Personalised Provision",
        "ordinarily available in all mainstream settings",
        "All schools and settings have funding within their budgets",
        # the SSP
        "The class teacher leads the plan",
        "SENDCo (Special Educational Needs and Disabilities Co-ordinator)",
        "outside partners",
        "the child's or young person's needs",
        "the provision (support) needed to meet those needs",
        "the outcomes everyone is working towards",
        "sections 6.59 to 6.66 of the SEND Code of Practice",
        "SEND Support Advisory Partnership (SSAP)",
        # in summary
        "ordinarily available provision",
        "extra support through the SSAP, where it is needed",
        "Only a small number need an EHCP to get a higher level of specialist provision",
        "Early help, high-quality support and working together",
        "foundations of excellent SEND provision",
    ],
    "ssap": [
        # whose pilot it is
        "another borough's partnership",
        "with selected schools",
        "all its schools from Autumn 2025",
        # what it is
        "SEND Support Advisory Partnership (SSAP)",
        "multi-agency group",
        "advice and resources and, where appropriate, extra funding",
        "earlier and more effectively",
        # through SSAP
        "expert advice and for help to solve problems",
        "funding or commissioned services",
        "the setting's own resources have been used up",
        "more than ordinarily available support",
        "education, health and care professionals",
        "multi-disciplinary",
        # referrals
        "Schools make referrals to the SSAP",
        "SEND Panel",
        "Early Help Panel",
        "Education, Health and Care needs assessment (EHCNA) has not been agreed",
        # aims
        "help schools meet more needs at the SEND Support stage",
        "reduce the need for formal EHCNAs where possible",
        "early, targeted and sustainable",
        # outcomes
        "an action plan for the school to carry out",
        "therapies or outreach support",
        "extra funding for specified interventions",
        "signposting to other support",
        "no further action, if that is appropriate",
        # future directions
        "stronger early intervention",
        "fewer pupils will need a statutory Education, Health and Care plan (EHCP) for lower-level needs",
        "more pupils will have their needs met well, earlier",
        "SEND resources can be used more strategically and fairly",
    ],
    "enhanced_sen_support": [
        "A local authority (council) can give funding",
        "Enhanced special educational needs (SEN) Support is funding",
        "instead of an Education, Health and Care (EHC) needs assessment",
        "instead of carrying out an EHC needs assessment",
        "with your agreement as a parent",
        "does not affect your statutory (legal) right as a parent to ask for an EHC needs assessment",
        "delegated budget",
        "top-up through an EHC needs assessment",
    ],
    "when_sen_support_is_not_enough": [
        # seed 002: when an EHCP may be needed, both conditions
        "more complex needs and need a higher level of provision",
        "Education, Health and Care needs assessment (EHCNA) may be requested when",
        "particularly severe or unusual",
        "goes well beyond what their school can give from its existing resources",
        "Education, Health and Care plan (EHCP) will be issued",
        "formally sets out your child's needs and the support they must get",
        "Only a small number",
        # seed 004: the school or nursery can suggest it; top-up; the right
        "If the school or nursery believes that your child's needs are complex or severe",
        "suggest asking for an EHC needs assessment",
        "statutory (legal) right to ask for an EHC needs assessment",
        "delegated budget",
        "top-up through an EHC needs assessment",
        # seed 003: straight to assessment
        "go straight to an assessment, without having SEN Support first",
        "Enhanced SEN Support",
        "SEND Support Advisory Partnership (SSAP)",
    ],
}

# An acronym and how it is spelled out: on each page, the first use must be spelled out.
ACRONYMS = {
    "SEN": "special educational needs",
    "SEND": "special educational needs and disabilit",
    "SENCO": "Special Educational Needs Co-ordinator",
    "SENDCo": "Special Educational Needs and Disabilities Co-ordinator",
    "EHC": "Education, Health and Care",
    "EHCNA": "Education, Health and Care needs assessment",
    "EHCP": "Education, Health and Care plan",
    "SSP": "SEND Support Plan",
    "SSAP": "SEND Support Advisory Partnership",
    "OAP": "Ordinarily Available Provision",
    "CAMHS": "child and adolescent mental health services",
    "ICT": "information and communication technology",
}


# Tags that start a new line of text; inline tags (a, abbr, strong) join their text to the words around them.
BLOCK_TAGS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "div", "aside", "details", "summary", "br", "section"}


class _MainText(HTMLParser):
    """The visible text of <main> (tags removed), plus its links."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth:
            self.links.append(dict(attrs).get("href", ""))
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def main_text(html):
    parser = _MainText()
    parser.feed(html)
    text = re.sub(r"\s+", " ", unescape("".join(parser.parts)))
    # Typographic apostrophes and dashes count as the plain ones.
    text = text.replace("\u2019", "'").replace("\u2013", "-")
    return text, parser.links


def body_text(text, title):
    """The page's own text: after its title (which may use an acronym its summary spells out) and
    before the related pages (other pages' titles) and the page's dates."""
    return text.split(title, 1)[1].split(" Related pages ")[0].split("Last updated:")[0]


@pytest.fixture(scope="module")
def _rendered(_starter_site_state, django_db_blocker):
    """Render every guidance page of the starter site through its URL, once for the module."""
    pages = {}
    with django_db_blocker.unblock():
        client = Client()
        index = GuidanceIndexPage.objects.get(slug="sen-support")
        for key, slug in [("guidance_index", "")] + list(PAGES.items()):
            page = index if key == "guidance_index" else GuidancePage.objects.child_of(index).get(slug=slug)
            response = client.get(page.url)
            html = response.content.decode()
            text, links = main_text(html)
            pages[key] = {
                "status": response.status_code,
                "url": page.url,
                "title": page.title,
                "html": html,
                "text": text,
                "links": links,
            }
        # Which internal links resolve, while the pages exist.
        internal = {href.split("#")[0] for page in pages.values() for href in page["links"] if href.startswith("/")}
        link_status = {href: client.get(href).status_code for href in internal}
    return {"pages": pages, "link_status": link_status}


@pytest.fixture
def rendered(_rendered, starter_site):
    return _rendered


def test_the_fact_table_covers_every_guidance_page():
    assert set(FACTS) == set(PAGE_KEYS)
    assert len(PAGE_KEYS) == 8


@pytest.mark.parametrize(("key", "fact"), [(key, fact) for key, facts in FACTS.items() for fact in facts])
def test_fact_is_on_its_page(rendered, key, fact):
    page = rendered["pages"][key]
    assert page["status"] == 200
    assert fact in page["text"], f"{fact!r} is missing from {page['url']}"


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_acronyms_are_spelled_out_at_first_use(rendered, key):
    page = rendered["pages"][key]
    text = body_text(page["text"], page["title"])
    for acronym, spelled_out in ACRONYMS.items():
        first = re.search(rf"\b{re.escape(acronym)}\b", text)
        if first is None:
            continue
        expansion = text.lower().find(spelled_out.lower())
        assert expansion != -1 and expansion <= first.start() + 10, (
            f"{acronym} is used on {page['url']} before it is spelled out as {spelled_out!r}"
        )


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_each_page_ends_with_what_you_can_do_next(rendered, key):
    page = rendered["pages"][key]
    assert "What you can do next" in page["text"]
    assert "Related pages" in page["text"]


def test_links_go_to_real_pages_or_allowed_gov_uk_pages(rendered):
    hrefs = {href for page in rendered["pages"].values() for href in page["links"]}
    outside = {href for href in hrefs if href.startswith("http")}
    assert outside <= ALLOWED_OUTSIDE_LINKS
    assert outside == ALLOWED_OUTSIDE_LINKS  # both are used somewhere
    broken = {href: status for href, status in rendered["link_status"].items() if status != 200}
    assert broken == {}
    # The guidance pages link to each other.
    guidance_urls = {page["url"] for key, page in rendered["pages"].items() if key != "guidance_index"}
    linked = {href.split("#")[0] for href in hrefs} & guidance_urls
    assert linked == guidance_urls


def test_index_lists_every_guidance_page_in_order(rendered):
    index = rendered["pages"]["guidance_index"]
    titles = starter_titles()
    assert len(titles) == len(PAGES)
    positions = [index["text"].find(title) for title in titles]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_four_stages_are_numbered_steps_in_order(rendered):
    html = rendered["pages"]["four_stages"]["html"]
    steps = re.findall(r'<h3 class="govuk-heading-m lo-steps__heading">([^<]+)</h3>', html)
    assert steps == ["Assess", "Plan", "Do", "Review"]
    assert '<ol class="lo-steps">' in html


def test_ssap_page_says_it_is_another_boroughs_pilot_before_anything_else(rendered):
    html = rendered["pages"]["ssap"]["html"]
    inset = html.find('class="govuk-inset-text"')
    first_section = html.find('<h2 class="govuk-heading-l">')
    assert -1 < inset < first_section
    inset_text, _ = main_text("<main>" + html[inset : html.find("</div>", inset)] + "</main>")
    assert "another borough" in inset_text
    assert "Autumn 2025" in inset_text
    assert "selected schools" in inset_text


@pytest.mark.parametrize("key", ["enhanced_sen_support", "when_sen_support_is_not_enough"])
def test_the_right_to_ask_for_an_assessment_is_a_warning(rendered, key):
    html = rendered["pages"][key]["html"]
    start = html.find('class="govuk-warning-text"')
    assert start != -1
    warning_text, _ = main_text("<main>" + html[start : html.find("</div>", start)] + "</main>")
    assert "right" in warning_text
    assert "EHC needs assessment" in warning_text


# --- The loader -------------------------------------------------------------------------------


def guidance_state():
    pages = GuidancePage.objects.order_by("path")
    return {
        "pages": Page.objects.count(),
        "revisions": {page.slug: page.latest_revision_id for page in pages},
        "related": GuidanceRelatedPage.objects.count(),
    }


def test_loader_builds_the_guidance_tree(starter_site):
    index = GuidanceIndexPage.objects.get(slug="sen-support")
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.live
    children = GuidancePage.objects.child_of(index).live().order_by("path")
    assert [page.slug for page in children] == list(PAGES.values())
    for page in children:
        assert page.summary
        assert page.audience in {"parents", "schools", "everyone"}
        assert [block.block_type for block in page.body][-1] == "next_steps"
        assert page.get_related_pages()
        assert not page.has_unpublished_changes
        assert page.revisions.count() == 1


def test_second_run_creates_nothing_and_keeps_an_editors_change(starter_site):
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    page.summary = "An editor rewrote this summary."
    page.body = [("text", "<p>An editor rewrote this page.</p>")]
    page.related_pages = []
    page.save_revision().publish()
    removed = GuidancePage.objects.get(slug="enhanced-sen-support")
    removed.unpublish()
    before = guidance_state()

    call_command("load_local_offer", verbosity=0, no_index=True)

    assert guidance_state() == before
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    assert page.summary == "An editor rewrote this summary."
    assert [block.value.source for block in page.body] == ["<p>An editor rewrote this page.</p>"]
    assert page.related_pages.count() == 0
    assert not GuidancePage.objects.get(slug="enhanced-sen-support").live
