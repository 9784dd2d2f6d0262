"""The SSSEN content the loader builds from seeds 000 and 001, checked fact by fact on the pages
people actually read, and the home page's links.

FACTS is a table: for each page (by its loader context key), the strings that must appear in
the text of the page at its real URL. Together they cover every fact, figure, criterion, role
and date in the two seeds, except the Head of Service's contact details, which are a Contact
snippet attached by the contact directory (and must not be written into the page itself).
"""

import html
import re

import pytest
from django.apps import apps
from django.core.management import call_command

from home.models import HomePage
from services.models import ServiceIndexPage, ServicePage, ServiceReportPage

EHC_PLAN_WORDING = (
    "Additional teaching, advice and support will be delivered in school by a teacher from SSSEN. "
    "This will give learning opportunities on at least a weekly basis."
)

FACTS = {
    "services_index": [
        "Services and support",
        "special educational needs and disabilities (SEND)",
        "Support Service for Special Educational Needs (SSSEN)",
    ],
    "sssen": [
        # Who runs it and who it is for (000, 001)
        "Support Service for Special Educational Needs (SSSEN)",
        "Derbyshire County Council's Children's Services",
        "SSSEN – Cognition and Learning",
        "special educational needs (SEN)",
        "nursery, infant, junior and primary schools in Derbyshire",
        "complex cognition and learning needs",
        # Criteria (001 stands; 000's differences are explained)
        "state-funded maintained nursery, infant, junior or primary school in Derbyshire",
        "education, health and care (EHC) plan",
        "Graduated Response for Individual Pupil (GRIP) plan",
        "Early Years SEN Inclusion Fund (EYSEN IF) plan",
        "SSSEN is named as provision on the child's plan",
        "Education is the child's primary need",
        "significant barriers to learning and complex cognitive and learning needs that meet SSSEN criteria",
        "statement of special educational needs",
        "Statements of special educational needs were replaced by EHC plans",
        # Referral and who decides
        "SSSEN must be named as provision on the child's EHC, GRIP or EYSEN IF plan",
        "Who decides",
        "The Head of Service agrees support",
        "The Head of Service also decides when SSSEN support stops",
        "recommendations in the SSSEN review report, in line with SSSEN criteria",
        # What it provides
        "weekly support to the child and to the school",
        "up to 90 minutes of support a week during term time",
        "more flexible, depending on the child's needs",
        "liaises regularly with parents and carers",
        # Progress and review
        "evaluated and reported at the review meeting",
        "The SSSEN teacher recommends whether the support should continue",
        "whether the child still meets SSSEN criteria",
        "stop (discontinue) SSSEN support",
        "reached the expectations for their age, or met the outcomes in their plan",
        # Staffing (001's 80 / 66.6 stands; 000's 90 is mentioned)
        "About 80",
        "full-time and part-time specialist teachers, including the Head of Service",
        "66.6 full-time equivalent (FTE) posts",
        "seven area teams",
        "qualifications in, and extensive experience of, special educational needs and inclusion",
        "about 90 teachers",
        "The figure above is from December 2019",
        "changes staffing according to the number of pupils",
        "covers the whole county",
        # Role
        "included and do well",
        "builds the skills and expertise of schools in Derbyshire",
        "current local and national plans (strategies)",
        # The wording on EHC plans
        EHC_PLAN_WORDING,
        "a teacher from the SSSEN team",
        # Monitoring and review
        "service development plan each year",
        "linked to the children's services plan",
        "reviewed every year in the annual service report",
        "link advisers from the education improvement service judge the seven teams using Ofsted criteria",
        "asks schools, parents, pupils and other agencies",
        # Working in partnership
        "works in partnership with schools, parents and carers, and other professionals",
        "high-quality teaching support",
        "personalised learning",
        "helps every child to be included",
        # Services schools can buy (001)
        "special educational needs co-ordinator (SENCO)",
        "provision mapping",
        "pupils who do not get SSSEN support",
        "training networks for SENCOs in the Autumn and Summer terms",
        # Key figures carry their year and source
        "December 2019",
        "December 2019. Source: SSSEN Key Service Outcomes, a summary of the annual report",
        # The outcomes report is linked from the service page
        "SSSEN key service outcomes: 2018 to 2019",
    ],
    "sssen_outcomes": [
        "SSSEN key service outcomes: 2018 to 2019",
        "Support Service for Special Educational Needs (SSSEN)",
        "Derbyshire County Council's Children's Services",
        "SSSEN – Cognition and Learning",
        "December 2019",
        "2018 to 2019",
        # Overview
        "special educational needs (SEN)",
        "builds expertise and capacity in schools in Derbyshire",
        "about 80 full-time and part-time specialist teachers, including the Head of Service",
        "66.6 full-time equivalent, or FTE",
        "seven teams",
        "state-funded maintained nursery, infant, junior or primary school in Derbyshire",
        "education, health and care (EHC) plan",
        "Graduated Response for Individual Pupil (GRIP) plan",
        "Early Years SEN Inclusion Fund (EYSEN IF) plan",
        # Developments achieved 2018-19
        "special educational needs and disabilities (SEND)",
        "remodelled the service",
        "SEND research and local and national reviews",
        "outcomes of the Rochford Review",
        "shared and promoted best practice",
        "pupil voice",
        "secure email to parents and carers",
        # National Curriculum progress
        "Assessing without Levels",
        "banding system",
        "small steps for children with SEND",
        "Local Authority Link Adviser",
        "internal service database",
        "'Outstanding' in Reading, Writing and Mathematics",
        "Ofsted framework from before the new framework",
        "full SSSEN Annual Report 2019",
        # P levels
        "P levels (also called P scales)",
        "no longer statutory",
        "'pre-key stage' assessment",
        "no national benchmarks",
        "increased from 1.23 to 1.31",
        "1.31",
        # Exclusions
        "past five years",
        "25%",
        "25% of SSSEN's caseload (150 children) are at risk of exclusion from mainstream primary schools",
        "social, emotional and mental health needs",
        "communication and interaction needs",
        "significant cognitive difficulties",
        "Only one child was permanently excluded in the last academic year",
        "about 150 pupils",
        "consistently very low",
        # Teaching, learning and assessment
        "appraisal",
        "observations",
        "pupil tracking",
        "work scrutiny",
        "discussions with pupils",
        "100% of teaching, learning and assessment was judged 'Good' or 'Outstanding'",
        "72% was 'Outstanding', an increase of 2% on the year before",
        # QDD
        "Ofsted Education Inspection Framework",
        "Self-Evaluation Summary (SES)",
        "Record of Visit",
        "Key Areas for Improvement for 2018 to 2019",
        "Quality Development Dialogue (QDD) reviews with the Adviser in November 2019",
        # Training
        "'Moving on from P Scales – new statutory pre-key stage assessment for pupils working below expectations'",
        "scale of 1 to 10",
        "9.8 out of 10",
        "9.4 out of 10",
        "9.2 out of 10",
        "how useful and relevant the content was",
        "how effective the training methods were",
        "36",
        "bespoke assessments carried out",
        "26",
        "bespoke consultancy or training sessions delivered in schools across the county",
        "131",
        "delegates at SENCO training networks across the county",
        "special educational needs co-ordinator (SENCO)",
        "provision mapping",
        "Autumn and Summer terms",
        # Schools survey
        "218",
        "responses from 249 questionnaires sent to schools",
        "88%",
        "an increase of 10% on last year",
        "effective in meeting the educational needs and inclusion of children with SEND",
        "73.4%",
        "65.1%",
        "'Good' to 'Outstanding'",
        # Parents and carers survey
        "479",
        "responses from 672 questionnaires sent to parents and carers",
        "71%",
        "an increase of 2% on last year",
        "99.8%",
        "knew what their child was learning",
        "an increase of 1% on the year before",
        "95.4%",
        "gave them ideas to help their child's learning",
        "2.1%",
        # Children's survey
        "91.4%",
        "helped them get better at their work. 1.6% said 'No'. 7% were not sure, said 'sometimes' or did not answer",
        "Last year: 89.5%, 0.7% and 9.8%.",
        "87.3%",
        "helped them with their class work. 1.2% said 'No'. 11.5% were not sure",
        "Last year: 84%, 1.5% and 14.5%.",
        # Other agencies
        "100%",
        "75%",
        "an increase of 13% on last year's responses",
        # Comments and the vision
        "Head of Service, Area Managers and Support Teachers",
        "Children's Services vision",
        "Working creatively together to inspire and empower children, young people and their families and "
        "communities to be the best they can be: safe, healthy, happy, learning and working",
        "The team supporting our schools are incredible.",
        "His confidence across many areas has improved",
        "they have more confidence and independence as a result of interventions",
        "I want to be a mechanic.",
        "She is a true 'advocate' for the children involved",
        "I was very worried about SATs",
        "narrowing the gap in learning",
        "She has worked with us as opposed to coming in with a set of ideas.",
        "My child being in the classroom more has helped her progress.",
        "I like working with a partner or as part of a small group.",
        "What are you proud of?",
        "how many mm in cm, cm in m, m in km",
        "I'm better at being shown how to do things rather than talk about it.",
        "we did 6s yesterday and I flew through them",
        "I find it useful when people take things slowly",
        "I have always liaised with the SSSEN teacher since day 1.",
        "We know what has been done and achieved session by session",
        "helped to communicate and engage with parents which has been brilliant!",
        "School",
        "Parent",
        "Pupil",
        # Even Better If
        "'Even Better If ...'",
        "would be fantastic to have an overlap into secondary",
        "Further and on-going support with the pre-key stage standards implementation.",
        "Ideas for intervention resources for use within lessons.",
        "continuing professional development (CPD)",
        "Most suggestions from parents were about their own child",
        # Complaints and compliments
        "There were no formal complaints to the Head of Service this year.",
        "many other compliments",
        "The support we receive from SSSEN is essential to the successful placement of a child at our school.",
        # Future developments
        "Thriving Communities programme",
        "from primary to secondary school (transition)",
        "assessing children and monitoring their progress, including the service database",
        "changes to national assessment and to Ofsted",
        "include Early Years",
        "packages of SEN resources",
        "S4S traded offer",
        "within the Children's Services vision",
        # Where the full report is
        "The full 'SSSEN Annual Report, December 2019' is available on the Local Offer website.",
        "Find out who can get SSSEN support and how to ask for it",
    ],
}

# The Head of Service's contact details belong in the Contact snippet, not in the page text.
CONTACT_DETAILS = ["Belinda James", "01629 532722", "belinda.james@derbyshire.gov.uk", "S41 8LQ", "Peter Webster"]

CHECKER_TEXT = "Check if your child can get SSSEN support"


def page_text(response):
    """The visible text of a response: tags removed, entities decoded, whitespace collapsed."""
    text = re.sub(r"</?(a|abbr|strong|em|b|i|span|time|mark)\b[^>]*>", "", response.content.decode())
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def live_pages():
    """The loader's pages by context key, found by their slugs."""
    return {
        "services_index": ServiceIndexPage.objects.get(slug="services"),
        "sssen": ServicePage.objects.get(slug="sssen"),
        "sssen_outcomes": ServiceReportPage.objects.get(slug="sssen-outcomes-2018-to-2019"),
    }


@pytest.fixture
def loaded(starter_site):
    return live_pages()


@pytest.mark.parametrize("key", sorted(FACTS))
def test_every_fact_is_on_the_page(client, loaded, key):
    page = loaded[key]
    response = client.get(page.url)
    assert response.status_code == 200
    text = page_text(response)
    missing = [fact for fact in FACTS[key] if " ".join(fact.split()) not in text]
    assert missing == [], f"{page.url} is missing: {missing}"


def check_pages_are_where_the_loader_says(loaded):
    assert loaded["services_index"].url == "/services/"
    assert loaded["sssen"].url == "/services/sssen/"
    assert loaded["sssen"].title == "Support Service for Special Educational Needs (SSSEN)"
    assert loaded["sssen_outcomes"].get_parent().pk == loaded["sssen"].pk


def check_sssen_uses_every_structured_field(loaded):
    sssen = loaded["sssen"]
    for field in (
        "summary",
        "who_it_is_for",
        "eligibility_notes",
        "who_can_refer",
        "how_to_refer",
        "what_happens_next",
        "who_decides",
        "what_it_provides",
        "how_progress_is_reviewed",
    ):
        assert getattr(sssen, field).strip(), field
    assert len(sssen.eligibility_criteria) == 5
    assert len(sssen.key_figures) >= 3
    assert all(block.value["year"] or block.value["source"] for block in sssen.key_figures)
    block_types = [block.block_type for block in sssen.body]
    assert "inset" in block_types
    inset = next(block for block in sssen.body if block.block_type == "inset")
    assert EHC_PLAN_WORDING in str(inset.value["text"])


def check_report_uses_key_figures_and_attributed_comments(loaded):
    report = loaded["sssen_outcomes"]
    assert report.period == "2018 to 2019"
    assert report.published == "December 2019"
    figures = [f for block in report.body if block.block_type == "key_figures" for f in block.value["figures"]]
    assert len(figures) == 28
    assert all(f["value"] and f["label"] for f in figures)
    comments = [c for block in report.body if block.block_type == "comments" for c in block.value["comments"]]
    assert len(comments) == 21
    assert {c["attribution"] for c in comments} == {"School", "Parent", "Pupil"}


def check_contact_details_are_not_written_into_the_pages(loaded):
    for page in loaded.values():
        fields = [str(getattr(page, name, "")) for name in ("summary", "body")]
        if isinstance(page, ServicePage):
            fields += [str(getattr(page, f.name)) for f in ServicePage._meta.get_fields() if hasattr(f, "stream_block")]
            fields += [
                getattr(page, name)
                for name in ("who_it_is_for", "eligibility_notes", "who_can_refer", "who_decides", "what_it_provides")
            ]
        text = " ".join(fields)
        for detail in CONTACT_DETAILS:
            assert detail not in text, f"{detail} is written into {page.url}"


def test_page_structure(client, loaded):
    """One load of the content for several checks of how the pages are built (loading takes seconds)."""
    report_html = client.get(loaded["sssen_outcomes"].url).content.decode()
    assert '<a class="govuk-link" href="/services/sssen/">Find out who can get SSSEN support' in report_html
    check_pages_are_where_the_loader_says(loaded)
    check_sssen_uses_every_structured_field(loaded)
    check_report_uses_key_figures_and_attributed_comments(loaded)
    check_contact_details_are_not_written_into_the_pages(loaded)


def test_loader_is_safe_to_run_twice_and_keeps_editors_changes(loaded):
    sssen = loaded["sssen"]
    sssen.summary = "Changed by an editor."
    sssen.save_revision().publish()
    call_command("load_local_offer", verbosity=0)
    assert ServiceIndexPage.objects.count() == 1
    assert ServicePage.objects.filter(slug="sssen").count() == 1
    assert ServiceReportPage.objects.count() == 1
    assert ServicePage.objects.get(slug="sssen").summary == "Changed by an editor."


# The home page's links ---------------------------------------------------------------------


def live_pages_of(*labels):
    """The live pages of these page types (a missing type is an error, not a skip)."""
    pages = []
    for label in labels:
        pages += list(apps.get_model(label).objects.live())
    return pages


def check_home_page_links_to_every_guidance_and_service_page(client, loaded):
    html_text = client.get("/").content.decode()
    pages = live_pages_of(
        "services.ServicePage",
        "services.ServiceReportPage",
        "guidance.GuidancePage",
        "services.CheckerPage",
        "guidance.GlossaryPage",
        "services.ContactDirectoryPage",
    )
    assert loaded["sssen"] in pages
    missing = [page.url for page in pages if f'href="{page.url}"' not in html_text]
    assert missing == []


def check_home_page_links_to_the_check_with_its_exact_text(client, loaded):
    home = HomePage.objects.get()
    html_text = client.get("/").content.decode()
    for checker in live_pages_of("services.CheckerPage"):
        assert f'href="{checker.url}">{CHECKER_TEXT}</a>' in html_text
        parents = [block.value["page"].pk for block in home.parents_links if block.value["page"]]
        assert checker.pk in parents
    # The SSSEN page and its report are always among the schools' links.
    school_pages = [block.value["page"].pk for block in home.schools_links]
    assert loaded["sssen"].pk in school_pages
    assert loaded["sssen_outcomes"].pk in school_pages


def test_home_page_links(client, loaded):
    check_home_page_links_to_every_guidance_and_service_page(client, loaded)
    check_home_page_links_to_the_check_with_its_exact_text(client, loaded)


def test_editors_changes_to_the_home_links_survive_a_second_run(loaded):
    home = HomePage.objects.get()
    home.parents_links = [
        ("link", {"page": None, "url": "https://www.gov.uk/", "text": "An editor's link", "description": ""})
    ]
    home.schools_links = [("link", {"page": loaded["sssen"], "url": "", "text": "Only this", "description": ""})]
    home.save_revision().publish()
    call_command("load_local_offer", verbosity=0)
    home = HomePage.objects.get()
    assert [block.value["text"] for block in home.parents_links] == ["An editor's link"]
    assert [block.value["text"] for block in home.schools_links] == ["Only this"]
