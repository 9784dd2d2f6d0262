"""The guidance pages: what SEN Support is, its four stages, the SEN Support Toolkit, examples
of extra help, SEND Support Plans, the SEND Support Advisory Partnership (SSAP), Enhanced SEN
Support and what happens when SEN Support is not enough.

Written afresh from seeds 002, 003 and 004 in shared/seeds/ (three other councils' pages).
Every fact, list item, role, section number and date in those seeds is on one of these pages;
guidance/tests/test_content.py checks each one.

How it is built (safe to run twice):
1. ensure the index page, then each guidance page by slug. A missing page is created as a
   draft with its title, summary and audience only; an existing page is left exactly as it is.
2. Each page created in this run then gets its body (which links to the other guidance pages,
   so they must all exist first) and its related pages, and is published once.
"""

from html import escape

from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceRelatedPage

from .utils import bullets, ensure_page, inset, page_link, rich, section, url_link

GOVUK_SEND = "https://www.gov.uk/children-with-special-educational-needs"
CODE_OF_PRACTICE = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"

# The date seed 003 ('What is SEN Support?') was last reviewed by its council.
SEED_003_REVIEWED = "23 March 2024"

INDEX = {
    "slug": "sen-support",
    "title": "SEN Support and guidance",
    "summary": (
        "What special educational needs (SEN) Support is, how it works in nurseries, schools and "
        "colleges, and what you can do if your child needs more help."
    ),
    "audience": "everyone",
}


def inline_page_link(page, text):
    """A rich text link to a page on this site (Wagtail's own link format)."""
    return f'<a linktype="page" id="{page.pk}">{escape(text)}</a>'


def inline_url_link(url, text):
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def text(*paragraphs):
    return ("text", rich(*paragraphs))


def warning(sentence):
    return ("warning", {"text": sentence})


def details(summary, *paragraphs):
    return ("details", {"summary": summary, "body": rich(*paragraphs)})


def steps(heading, *items):
    return (
        "step_by_step",
        {"heading": heading, "steps": [{"heading": name, "body": rich(*body)} for name, *body in items]},
    )


def next_steps(*links):
    return ("next_steps", {"heading": "What you can do next", "links": list(links)})


def where_from_003():
    return details(
        "Where this information comes from",
        "This page is based on another council's page, 'What is SEN Support?'. "
        f"That council last reviewed its page on {SEED_003_REVIEWED}.",
    )


# --- The pages --------------------------------------------------------------------------------
# Each spec: context key, slug, title, summary, audience, body(c) and related (context keys).
# body(c) gets the context dict, so a page can link to the other guidance pages.


def what_is_sen_support_body(c):
    return [
        text("The help your child gets from their nursery, school or college should meet their needs."),
        section(
            "Where your child can get SEN Support",
            "The extra help for children with SEN is called SEN Support. Your child can get it from:",
            bullets(
                "early years settings, such as nurseries and childminders",
                "schools",
                "further education providers, such as colleges and 16 to 19 academies",
            ),
        ),
        section(
            "The SEN Support Plan",
            "If a school or nursery decides that your child has SEN, it will write an SEN Support Plan. "
            "The plan sets out:",
            bullets("your child's needs", "the action needed to help them", "the outcomes planned for your child"),
            "If your child's needs are severe or complex, they may not start with SEN Support. "
            "They may go straight to the next step: an assessment of their special educational needs. "
            + inline_page_link(
                c["when_sen_support_is_not_enough"], "Find out what happens when SEN Support is not enough"
            )
            + ".",
        ),
        section(
            "Reviewing the plan",
            "The school will review the SEN Support Plan regularly. "
            "The review shows whether your child is making progress. "
            "It also shows whether the amount of support needs to change.",
        ),
        section(
            "How you and your child are involved",
            "You and your child are at the centre of every decision. Together with the school, you decide "
            "what action to take, what it should achieve and whether it is working.",
            "The school must:",
            bullets(
                "work closely with you and your child to find out what your child needs and what support will help",
                "take into account your concerns and views, and your child's, as well as the outcomes and next "
                "steps you have agreed",
                "include you in any decision to involve specialists",
                "share the details of the support plan with you and agree a date to review it",
                "ask you and your child what you think when the SEN Support Plan is reviewed",
            ),
        ),
        where_from_003(),
        next_steps(
            page_link(c["four_stages"], "Find out about the four stages of SEN Support"),
            page_link(c["extra_help_examples"], "See examples of the extra help your child may get"),
            page_link(c["sen_support_toolkit"], "Read about the SEN Support Toolkit"),
            url_link(
                CODE_OF_PRACTICE,
                "Read the special educational needs and disability (SEND) Code of Practice 2015 on GOV.UK",
            ),
        ),
    ]


def four_stages_body(c):
    return [
        text(
            "Special educational needs (SEN) Support has four stages: Assess, Plan, Do and Review. "
            "You should be involved at every stage.",
        ),
        steps(
            "What happens at each stage",
            (
                "Assess",
                "Your child's difficulties must be assessed, so that they get the right support. "
                "For example, the assessment should include:",
                bullets(
                    "asking you what you think",
                    "talking to the professionals who work with your child, such as their teacher",
                    "looking at records and other information",
                ),
                "The assessment needs to be looked at again regularly, so that the support keeps meeting your "
                "child's needs. This might mean getting advice, and a further assessment, from someone like an "
                "educational psychologist, a specialist teacher or a health professional.",
            ),
            (
                "Plan",
                "Your child's school or other setting needs to agree with you the outcomes that the SEN Support "
                "should achieve. In other words: how your child will benefit from the support they get.",
                "Everyone involved needs to have a say in what kind of support your child will get.",
                "Together you also decide a date to review the support. At the review you check how well the "
                "support is working, and whether the outcomes have been achieved or are being achieved.",
            ),
            (
                "Do",
                "The setting puts the planned support in place.",
                "Your child's teacher is still responsible for working with your child every day.",
                "The SENCO (Special Educational Needs Co-ordinator), and any support staff or specialist teaching "
                "staff who help your child, should work closely together. They track your child's progress and "
                "check that the support is working.",
            ),
            (
                "Review",
                "Your child's support should be reviewed at the time agreed in the plan.",
                "Together you then decide:",
                bullets(
                    "whether the support is having a positive impact",
                    "whether the outcomes have been achieved, or are being achieved",
                    "whether any changes should be made, and what they should be",
                ),
            ),
        ),
        where_from_003(),
        next_steps(
            page_link(c["extra_help_examples"], "See examples of the extra help your child may get"),
            page_link(c["what_is_sen_support"], "Find out how the school must involve you and your child"),
            page_link(c["when_sen_support_is_not_enough"], "Find out what happens if SEN Support is not enough"),
        ),
    ]


def sen_support_toolkit_body(c):
    return [
        section(
            "What the toolkit covers",
            "The SEN Support Toolkit explains what early years providers, schools and post-16 providers are "
            "responsible for when they meet the special educational needs (SEN) of children and young people.",
            "It also gives guidance on many of the special educational needs and disabilities (SEND) processes "
            "that education providers must follow.",
        ),
        section(
            "Who the toolkit is for",
            "The toolkit is written for:",
            bullets(
                "early years providers, such as nurseries and childminders",
                "schools",
                "post-16 providers, such as colleges",
            ),
            "Parents and carers can also use it to find out what their child's nursery, school or college "
            "is responsible for.",
        ),
        inset("The council will add its SEN Support Toolkit to this page."),
        where_from_003(),
        next_steps(
            page_link(c["what_is_sen_support"], "Find out what SEN Support is"),
            page_link(c["four_stages"], "Find out about the four stages of SEN Support"),
            url_link(CODE_OF_PRACTICE, "Read the SEND Code of Practice on GOV.UK"),
        ),
    ]


def extra_help_examples_body(c):
    return [
        section(
            "Help at school",
            "Special educational needs (SEN) Support could mean your child is taught in a different way. "
            "Or they could get help from an extra adult.",
            "Schools use criteria about expected progress. The criteria show when a child is not making enough "
            "progress, so that they can arrange extra support. They make it fair when schools decide which "
            "children should get more help and which should get less.",
        ),
        section(
            "Examples of extra help",
            "Extra help for pupils with SEN can include:",
            bullets(
                "targets for your child alone, set after the school, your child, you and other practitioners "
                "have talked",
                "the SENCO (Special Educational Needs Co-ordinator) taking part in assessing, planning and "
                "reviewing your child's progress",
                "changing a task so that your child can manage it. For example, a pupil with literacy difficulties "
                "might make a poster to show what they have learned, instead of writing an essay",
                "regular, planned support from the teacher, teaching assistants and the SENCO",
                "flexible group work that supports your child's own learning targets",
                "sessions on their own or in small groups for literacy and numeracy",
                "social skills groups",
                "changes to the classroom, such as a quiet study area, blinds to reduce glare, "
                "or soft feet on chairs to reduce noise",
                "access to ICT (information and communication technology) solutions, and to specialist materials "
                "and equipment",
                "specialist support or advice from other practitioners, such as an educational psychologist or a "
                "speech and language therapist",
                "a programme to improve handwriting or other physical skills",
            ),
        ),
        section(
            "Help from specialists",
            "Sometimes your child may get help from a specialist, such as:",
            bullets(
                "an educational psychologist",
                "child and adolescent mental health services (CAMHS)",
                "a specialist teaching and learning service",
                "a special educational needs and disabilities (SEND) support service",
                "a therapist, such as a speech therapist or an occupational therapist",
            ),
            "Educational psychologists are qualified professionals. They are registered with the Health and Care "
            "Professions Council. They work in education and in the community to promote the emotional wellbeing "
            "of children and young people.",
            "Specialist teaching services and SEND support services include teachers qualified to work with "
            "specific needs. These include visual impairment, hearing impairment and communication difficulties.",
            "If your child has a hearing or visual impairment, the school can ask the Sensory Impairment Service "
            "for advice directly.",
        ),
        section(
            "If your child needs more help",
            "Sometimes children do not make enough progress, or still find it hard to manage in school, even with "
            "extra support. Then the school will get advice from other practitioners. This might include a "
            "further, more detailed assessment, so that the school and your family get good advice.",
            "You will always be given copies of any reports written about your child, and you will be able to "
            "talk about them.",
        ),
        section(
            "How extra help is paid for",
            "The school usually pays for this support from its delegated budget: the money it manages itself.",
            "Some pupils have greater needs that cannot be met within this budget. For them, the school and the "
            "parents, or the young person, can ask for a top-up through an Education, Health and Care (EHC) "
            "needs assessment.",
        ),
        next_steps(
            page_link(c["four_stages"], "Find out about the four stages of SEN Support"),
            page_link(c["enhanced_sen_support"], "Read about Enhanced SEN Support"),
            page_link(c["when_sen_support_is_not_enough"], "Find out what happens if SEN Support is not enough"),
        ),
    ]


def send_support_plans_body(c):
    return [
        section(
            "What SEND means",
            "Children and young people with special educational needs and disabilities (SEND) have learning "
            "difficulties or disabilities. These make it harder for them to learn than for others of the same age. "
            "They may need extra help, or different help, so that their education supports them well.",
        ),
        section(
            "How SEND is identified",
            "A child's SEND can be identified:",
            bullets(
                "by their school or setting",
                "by their parents or carers",
                "by other professionals",
                "by a combination of all three",
            ),
            "It is essential to identify needs early and to start support early, so that the right help is in place.",
        ),
        section(
            "How support is given",
            "Support for children and young people with additional learning needs is given in three broad ways:",
            bullets(
                "a SEND Support Plan (SSP) in their mainstream school, early years setting or college",
                "an Education, Health and Care needs assessment (EHCNA)",
                "an Education, Health and Care plan (EHCP)",
            ),
            "Most children and young people with SEND are supported through an SSP.",
        ),
        section(
            "The graduated approach",
            "Support through an SSP follows the graduated approach. It has three parts:",
            bullets(
                "<strong>Quality First Teaching</strong>: high-quality, inclusive teaching for all pupils, known "
                "as Ordinarily Available Provision (OAP)",
                "<strong>Targeted Support</strong>: extra interventions based on the needs that have been assessed",
                "<strong>Personalised Provision</strong>: strategies tailored to the child that are ordinarily "
                "available in all mainstream settings",
            ),
            "All schools and settings have funding within their budgets to do this.",
        ),
        section(
            "What a SEND Support Plan is",
            "An SSP sets out the support that a child or young person with SEND needs.",
            "The class teacher leads the plan. The SENDCo (Special Educational Needs and Disabilities "
            "Co-ordinator) and any outside partners who are relevant support the teacher.",
            "The SSP should clearly set out:",
            bullets(
                "the child's or young person's needs",
                "the provision (support) needed to meet those needs",
                "the outcomes everyone is working towards",
            ),
            "For more guidance, read sections 6.59 to 6.66 of the "
            + inline_url_link(CODE_OF_PRACTICE, "SEND Code of Practice")
            + ".",
        ),
        section(
            "Extra support at the SEND Support stage",
            "The borough whose guidance this page is based on is introducing a SEND Support Advisory Partnership "
            "(SSAP), to give schools more help at this stage. "
            + inline_page_link(c["ssap"], "Read about the SEND Support Advisory Partnership")
            + ".",
            "Some children have more complex needs and need a higher level of provision. "
            + inline_page_link(c["when_sen_support_is_not_enough"], "Find out when an EHCP may be needed")
            + ".",
        ),
        section(
            "In summary",
            "Most children and young people with SEND have their needs met well through:",
            bullets(
                "ordinarily available provision",
                "SEND Support Plans",
                "extra support through the SSAP, where it is needed",
            ),
            "Only a small number need an EHCP to get a higher level of specialist provision.",
            "Early help, high-quality support and working together are still the foundations of excellent "
            "SEND provision.",
        ),
        details(
            "Where this information comes from",
            "This page is based on another borough's page about SEND Support Plans. Your child's school may use "
            "a different name for the plan, such as SEN Support Plan.",
        ),
        next_steps(
            page_link(c["ssap"], "Read about the SEND Support Advisory Partnership"),
            page_link(c["four_stages"], "Find out about the four stages of SEN Support"),
            page_link(c["when_sen_support_is_not_enough"], "Find out when an EHCP may be needed"),
            url_link(CODE_OF_PRACTICE, "Read the SEND Code of Practice on GOV.UK"),
        ),
    ]


def ssap_body(c):
    return [
        inset(
            "<strong>This page describes another borough's partnership, not a service in every area.</strong> "
            "That borough is trying out the SEND Support Advisory Partnership (SSAP) with selected schools. "
            "It plans to start it in all its schools from Autumn 2025."
        ),
        section(
            "What the SSAP is",
            "The SSAP is a new approach. Its purpose is to strengthen the support children get at the SEND "
            "Support stage.",
            "It is a multi-agency group: people from different services working together. It gives schools "
            "advice and resources and, where appropriate, extra funding. This helps schools meet pupils' SEND "
            "needs earlier and more effectively.",
        ),
        section(
            "What schools can get through the SSAP",
            "Through the SSAP:",
            bullets(
                "schools can ask for expert advice and for help to solve problems",
                "funding or commissioned services can be given where the setting's own resources have been used "
                "up, or where a pupil needs more than ordinarily available support",
                "education, health and care professionals discuss a pupil together (a multi-disciplinary "
                "discussion), so that all of the pupil's needs are looked at as a whole",
            ),
        ),
        section(
            "How a referral is made",
            "Schools make referrals to the SSAP.",
            "A referral may also follow a recommendation from another panel, such as the SEND Panel or the "
            "Early Help Panel. This is most likely where a request for an Education, Health and Care needs "
            "assessment (EHCNA) has not been agreed.",
        ),
        section(
            "What the SSAP aims to do",
            "The SSAP aims to:",
            bullets(
                "help schools meet more needs at the SEND Support stage",
                "reduce the need for formal EHCNAs where possible",
                "provide interventions that are early, targeted and sustainable",
            ),
        ),
        section(
            "What can happen after a referral",
            "After a referral to the SSAP, the outcome could be:",
            bullets(
                "an action plan for the school to carry out",
                "access to outside services, such as therapies or outreach support",
                "extra funding for specified interventions",
                "signposting to other support that is relevant",
                "no further action, if that is appropriate",
            ),
        ),
        section(
            "What the SSAP could change in future",
            "The SSAP is an important step towards stronger early intervention and a SEND support system that "
            "can last.",
            "Over time, the hope is that:",
            bullets(
                "fewer pupils will need a statutory Education, Health and Care plan (EHCP) for lower-level needs",
                "more pupils will have their needs met well, earlier",
                "SEND resources can be used more strategically and fairly",
            ),
        ),
        next_steps(
            page_link(c["send_support_plans"], "Read about SEND Support Plans and the graduated approach"),
            page_link(c["when_sen_support_is_not_enough"], "Find out when an EHCP may be needed"),
        ),
    ]


def enhanced_sen_support_body(c):
    return [
        section(
            "What Enhanced SEN Support is",
            "A local authority (council) can give funding for your child's SEN Support instead of carrying out "
            "an EHC needs assessment.",
            "It can only do this with your agreement as a parent.",
        ),
        warning(
            "Enhanced SEN Support does not affect your statutory (legal) right as a parent to ask for an "
            "EHC needs assessment."
        ),
        section(
            "How it fits with other help",
            "Schools usually pay for SEN Support from their delegated budget: the money they manage themselves.",
            "Some pupils have greater needs that cannot be met within this budget. For them, the school and the "
            "parents, or the young person, can ask for a top-up through an EHC needs assessment. Enhanced SEN "
            "Support is funding given as an alternative to that assessment.",
        ),
        next_steps(
            page_link(c["when_sen_support_is_not_enough"], "Find out about EHC needs assessments"),
            page_link(c["extra_help_examples"], "See examples of the extra help your child may get"),
            url_link(GOVUK_SEND, "Read about help for children with special educational needs on GOV.UK"),
        ),
    ]


def when_not_enough_body(c):
    return [
        text(
            "Most children and young people with special educational needs and disabilities (SEND) have their "
            "needs met through SEN Support at their nursery, school or college. Some children have more complex "
            "needs and need a higher level of provision.",
        ),
        section(
            "When an assessment may be needed",
            "An Education, Health and Care needs assessment (EHCNA) may be requested when:",
            bullets(
                "a child's needs are particularly severe or unusual",
                "the provision they need goes well beyond what their school can give from its existing resources",
            ),
            "If the school or nursery believes that your child's needs are complex or severe, it can suggest "
            "asking for an EHC needs assessment.",
            "If your child's needs are severe or complex, they may go straight to an assessment, without having "
            "SEN Support first.",
        ),
        warning("As a parent, you have a statutory (legal) right to ask for an EHC needs assessment."),
        section(
            "Top-up funding",
            "Schools usually pay for SEN Support from their delegated budget: the money they manage themselves.",
            "Some pupils have greater needs that cannot be met within this budget. For them, the school and the "
            "parents, or the young person, can ask for a top-up through an EHC needs assessment.",
        ),
        section(
            "If an EHC plan is agreed",
            "If it is agreed, an Education, Health and Care plan (EHCP) will be issued. The plan formally sets "
            "out your child's needs and the support they must get.",
            "Only a small number of children and young people need an EHCP to get a higher level of specialist "
            "provision.",
        ),
        section(
            "Other help before an assessment",
            "With your agreement, a local authority can give funding instead of an EHC needs assessment. "
            + inline_page_link(c["enhanced_sen_support"], "Read about Enhanced SEN Support")
            + ".",
            "One borough is trying out a SEND Support Advisory Partnership (SSAP), which can help schools where a "
            "request for an EHC needs assessment has not been agreed. "
            + inline_page_link(c["ssap"], "Read about the SSAP")
            + ".",
        ),
        next_steps(
            page_link(c["enhanced_sen_support"], "Read about Enhanced SEN Support"),
            page_link(c["what_is_sen_support"], "Find out what SEN Support is"),
            url_link(GOVUK_SEND, "Read about help for children with special educational needs on GOV.UK"),
        ),
    ]


PAGES = [
    {
        "key": "what_is_sen_support",
        "slug": "what-is-sen-support",
        "title": "What is SEN Support?",
        "summary": (
            "If your child has special educational needs (SEN), they can get extra help at nursery, school or "
            "college. Find out where it is available, what the plan covers and how you are involved."
        ),
        "audience": "parents",
        "body": what_is_sen_support_body,
        "related": ["four_stages", "extra_help_examples", "sen_support_toolkit", "when_sen_support_is_not_enough"],
    },
    {
        "key": "four_stages",
        "slug": "four-stages-of-sen-support",
        "title": "The four stages of SEN Support: Assess, Plan, Do, Review",
        "summary": (
            "What happens at each of the four stages of special educational needs (SEN) Support, and how you take part."
        ),
        "audience": "parents",
        "body": four_stages_body,
        "related": ["what_is_sen_support", "extra_help_examples", "send_support_plans"],
    },
    {
        "key": "sen_support_toolkit",
        "slug": "sen-support-toolkit",
        "title": "The SEN Support Toolkit",
        "summary": (
            "How early years providers, schools and post-16 providers meet children's special educational needs "
            "(SEN): what the SEN Support Toolkit covers and who it is for."
        ),
        "audience": "schools",
        "body": sen_support_toolkit_body,
        "related": ["what_is_sen_support", "four_stages", "send_support_plans"],
    },
    {
        "key": "extra_help_examples",
        "slug": "what-sen-support-may-include",
        "title": "What SEN Support may include",
        "summary": "Examples of the extra help your child may get at school, who may give it and how it is paid for.",
        "audience": "parents",
        "body": extra_help_examples_body,
        "related": ["four_stages", "enhanced_sen_support", "when_sen_support_is_not_enough"],
    },
    {
        "key": "send_support_plans",
        "slug": "send-support-plans",
        "title": "SEND Support Plans and the graduated approach",
        "summary": (
            "How mainstream schools, colleges and early years settings plan support for children and young "
            "people with special educational needs and disabilities."
        ),
        "audience": "everyone",
        "body": send_support_plans_body,
        "related": ["four_stages", "ssap", "when_sen_support_is_not_enough"],
    },
    {
        "key": "ssap",
        "slug": "send-support-advisory-partnership",
        "title": "The SEND Support Advisory Partnership (SSAP)",
        "summary": (
            "How one borough's partnership gives schools advice, resources and sometimes extra funding, so that "
            "they can meet pupils' special educational needs and disabilities (SEND) earlier."
        ),
        "audience": "schools",
        "body": ssap_body,
        "related": ["send_support_plans", "enhanced_sen_support", "when_sen_support_is_not_enough"],
    },
    {
        "key": "enhanced_sen_support",
        "slug": "enhanced-sen-support",
        "title": "Enhanced SEN Support",
        "summary": (
            "Enhanced special educational needs (SEN) Support is funding that a local authority can give, with "
            "your agreement, instead of an Education, Health and Care (EHC) needs assessment."
        ),
        "audience": "parents",
        "body": enhanced_sen_support_body,
        "related": ["extra_help_examples", "when_sen_support_is_not_enough", "ssap"],
    },
    {
        "key": "when_sen_support_is_not_enough",
        "slug": "when-sen-support-is-not-enough",
        "title": "When SEN Support is not enough: EHC needs assessments and plans",
        "summary": (
            "When your child may need an Education, Health and Care (EHC) needs assessment, your right to ask "
            "for one, and what an EHC plan sets out."
        ),
        "audience": "parents",
        "body": when_not_enough_body,
        "related": ["what_is_sen_support", "enhanced_sen_support", "ssap"],
    },
]


def as_raw_stream(blocks):
    """(name, value) pairs as StreamField's stored (JSON) form, in which a page link is a page id."""
    return [{"type": name, "value": value} for name, value in blocks]


def load(context, log):
    created = 0
    index, index_created = ensure_page(
        context["home"],
        GuidanceIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        summary=INDEX["summary"],
        audience=INDEX["audience"],
    )
    context["guidance_index"] = index
    created += int(index_created)

    new_pages = []
    for spec in PAGES:
        page, was_created = ensure_page(
            index,
            GuidancePage,
            spec["slug"],
            publish=False,
            title=spec["title"],
            summary=spec["summary"],
            audience=spec["audience"],
        )
        context[spec["key"]] = page
        if was_created:
            new_pages.append((page, spec))

    for page, spec in new_pages:
        page.body = as_raw_stream(spec["body"](context))
        page.related_pages = [GuidanceRelatedPage(page=context[key]) for key in spec["related"]]
        page.save_revision().publish()
        log(f"Created the guidance page '{page.title}'")
    for page, _spec in new_pages:
        # publish() saves a copy made from the revision; later parts need the live page.
        page.refresh_from_db()
    return created + len(new_pages)
