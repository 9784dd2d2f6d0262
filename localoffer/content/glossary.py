"""Content part 'glossary': the glossary terms and the A to Z glossary page.

Every acronym and piece of jargon the shipped content uses has a term here. Meanings come
from the council documents in shared/seeds/ or are plain standard definitions; nothing local
is invented. Terms are matched by slug, so a second run creates only what is missing and
never overwrites an editor's changes.
"""

from guidance.models import GlossaryPage, GlossaryTerm

from .utils import ensure_page

# (slug, term, full form, meaning, other words people use)
TERMS = [
    (
        "ehc-plan",
        "EHC plan",
        "Education, Health and Care plan",
        "A legal document that sets out a child or young person's special educational needs, the support "
        "they must get and the outcomes it should help them reach. The council issues one after an EHC "
        "needs assessment, when a child needs more help than their school can give from its own resources.",
        "EHCP, EHC plans, EHCPs, education health and care plan, education health and care plans",
    ),
    (
        "ehc-needs-assessment",
        "EHC needs assessment",
        "Education, Health and Care needs assessment",
        "A detailed look at a child or young person's needs, to decide whether they need an EHC plan. It may "
        "be asked for when needs are severe or unusual, or need much more help than a school can give. "
        "Schools, parents and young people can ask for one.",
        "EHCNA, EHCNAs, EHC assessment, EHC needs assessments, statutory assessment, needs assessment, "
        "education health and care needs assessment",
    ),
    (
        "senco",
        "SENCO",
        "Special Educational Needs Co-ordinator",
        "The teacher in a school or nursery who organises help for pupils with special educational needs. "
        "They help assess, plan and review a child's support, and work with the class teacher and parents.",
        "SENDCo, SENDCO, SEN co-ordinator, SEN coordinator, special educational needs coordinator, "
        "special educational needs and disabilities co-ordinator",
    ),
    (
        "sen",
        "SEN",
        "special educational needs",
        "A child or young person has special educational needs if they have a learning difficulty or "
        "disability that makes learning harder for them than for most others of the same age, so they need "
        "extra or different help.",
        "special needs, special educational need, learning difficulties",
    ),
    (
        "send",
        "SEND",
        "special educational needs and disabilities",
        "Special educational needs and disabilities: learning difficulties or disabilities that make "
        "learning harder for a child or young person than for others of the same age.",
        "special educational needs and disability, disabilities",
    ),
    (
        "sen-support",
        "SEN Support",
        "",
        "Extra or different help that a nursery, school or college gives a child with special educational "
        "needs from its own resources, without an EHC plan. It follows four stages: assess, plan, do and "
        "review.",
        "SEND Support, special educational needs support",
    ),
    (
        "ssp",
        "SSP",
        "SEND Support Plan",
        "A plan that sets out a child's needs, the help they will get and the outcomes it should help them "
        "reach. The class teacher leads it, with the SENDCo. Some councils call it an SEN Support Plan.",
        "SEND Support Plan, SEND Support Plans, SEN Support Plan, support plan",
    ),
    (
        "grip",
        "GRIP",
        "Graduated Response for Individual Pupil",
        "A GRIP plan sets out a pupil's outcomes and the support to reach them. A GRIP plan can name the "
        "Support Service for Special Educational Needs (SSSEN) as the help a child needs.",
        "GRIP plan, GRIP plans, graduated response for individual pupil plan",
    ),
    (
        "eysen-if",
        "EYSEN IF",
        "Early Years SEN Inclusion Fund",
        "Funding to help early years settings, such as nurseries, include children with special educational "
        "needs. An EYSEN IF plan can name SSSEN as the help a child needs.",
        "EYSENIF, early years inclusion fund, early years SEN inclusion funding",
    ),
    (
        "sssen",
        "SSSEN",
        "Support Service for Special Educational Needs",
        "A team of specialist teachers who support children with complex learning needs in maintained "
        "nursery, infant, junior and primary schools, usually each week. A child can get this help when SSSEN "
        "is named on their EHC, GRIP or EYSEN IF plan.",
        "SSEN, S.S.S.E.N, support service for special educational needs, specialist teacher support",
    ),
    (
        "ssap",
        "SSAP",
        "SEND Support Advisory Partnership",
        "A group of professionals from education, health and care that gives schools advice, resources and "
        "sometimes extra funding, so more children's needs can be met at SEND Support. Schools make the "
        "referrals.",
        "SEND Support Advisory Partnership, support advisory partnership",
    ),
    (
        "oap",
        "OAP",
        "Ordinarily Available Provision",
        "The help every mainstream school or setting should give any pupil who needs it, from its own "
        "budget, as part of high-quality teaching for all.",
        "ordinarily available provision, ordinarily available support, ordinarily available",
    ),
    (
        "quality-first-teaching",
        "Quality First Teaching",
        "",
        "High-quality, inclusive teaching for all pupils. It is the first step of the graduated approach.",
        "QFT, high quality teaching, inclusive teaching",
    ),
    (
        "graduated-approach",
        "Graduated approach",
        "",
        "How schools give SEN Support: a cycle of assess, plan, do and review, adding more help step by step "
        "when a child needs it.",
        "graduated response, assess plan do review, four stages",
    ),
    (
        "camhs",
        "CAMHS",
        "Child and Adolescent Mental Health Services",
        "NHS services that assess and support children and young people with emotional, behavioural or "
        "mental health difficulties.",
        "child and adolescent mental health services, mental health services, children's mental health",
    ),
    (
        "educational-psychologist",
        "Educational psychologist",
        "",
        "A qualified professional, registered with the Health and Care Professions Council, who works in "
        "education and the community to help children's learning and emotional wellbeing.",
        "EP, ed psych, psychologist",
    ),
    (
        "p-levels",
        "P levels",
        "",
        "Levels once used to assess pupils working below the standard of the National Curriculum. They are no "
        "longer statutory, following the Rochford Review.",
        "P scales, P-levels, P level, P-scales",
    ),
    (
        "pre-key-stage-standards",
        "Pre-key stage standards",
        "",
        "The statutory way to assess pupils working below the standard of national curriculum tests. They "
        "replaced P scales.",
        "pre key stage standards, pre-key stage assessment",
    ),
    (
        "rochford-review",
        "Rochford Review",
        "",
        "A national review of how to assess pupils working below the standard of national curriculum tests. "
        "It led to P levels no longer being statutory.",
        "the Rochford Review, Rochford",
    ),
    (
        "qdd",
        "QDD",
        "Quality Development Dialogue",
        "A review in which a link adviser and a team look at the quality of the team's work, using Ofsted's "
        "inspection framework.",
        "quality development dialogue",
    ),
    (
        "ses",
        "SES",
        "Self-Evaluation Summary",
        "A team's own summary of how well it is doing and what it needs to improve.",
        "self evaluation summary, self-evaluation",
    ),
    (
        "cpd",
        "CPD",
        "Continuing Professional Development",
        "Training and learning that staff do to keep their skills up to date.",
        "continuing professional development, staff training",
    ),
    (
        "fte",
        "FTE",
        "full-time equivalent",
        "A way of counting staff: two people who each work half the week count as one full-time equivalent.",
        "fte, full time equivalent",
    ),
    (
        "ict",
        "ICT",
        "Information and Communication Technology",
        "Computers, tablets and other technology, including equipment that helps a child learn.",
        "information and communication technology, computers",
    ),
    (
        "sendiass",
        "SENDIASS",
        "SEND Information, Advice and Support Service",
        "A free, confidential and impartial service that gives children, young people and parents "
        "information, advice and support about special educational needs and disabilities.",
        "SENDIAS, IASS, information advice and support service, parent partnership",
    ),
    (
        "ofsted",
        "Ofsted",
        "Office for Standards in Education, Children's Services and Skills",
        "The body that inspects schools, nurseries and children's services in England.",
        "OFSTED, inspection",
    ),
    (
        "statement-of-sen",
        "Statement of SEN",
        "statement of special educational needs",
        "The legal document that set out a child's special educational needs and support before EHC plans. "
        "EHC plans have replaced statements.",
        "statement, statements of SEN, statement of special educational needs, statemented",
    ),
    (
        "enhanced-sen-support",
        "Enhanced SEN Support",
        "",
        "Funding the council can give as an alternative to an EHC needs assessment, with the parents' "
        "agreement. It does not affect parents' right to ask for an EHC needs assessment.",
        "enhanced support, top up funding, top-up funding",
    ),
    (
        "sen-support-toolkit",
        "SEN Support Toolkit",
        "",
        "Guidance that explains what early years providers, schools and post-16 providers must do to meet "
        "children's special educational needs, and the SEND processes they must follow.",
        "SEND toolkit, toolkit",
    ),
    (
        "send-code-of-practice",
        "SEND Code of Practice",
        "",
        "The government's statutory guidance for England on special educational needs and disabilities, "
        "published in 2015. Schools and councils must follow it.",
        "code of practice, SEN code of practice",
    ),
    (
        "exclusion",
        "Exclusion",
        "",
        "When a head teacher stops a pupil coming to school, for a fixed time or for good (permanent exclusion).",
        "excluded, permanent exclusion, suspension, excluded from school",
    ),
]


def load(context, log):
    created = 0
    for slug, term, full_form, meaning, other_words in TERMS:
        if GlossaryTerm.objects.filter(slug=slug).exists() or GlossaryTerm.objects.filter(term=term).exists():
            continue
        obj = GlossaryTerm(slug=slug, term=term, full_form=full_form, meaning=meaning, other_words=other_words)
        obj.save()
        obj.save_revision().publish()
        created += 1
    if created:
        log(f"glossary: {created} terms")

    home = context.get("home")
    if home is not None:
        page, page_created = ensure_page(
            home,
            GlossaryPage,
            "glossary",
            title="Glossary: SEND words and acronyms explained",
            summary="What the words and acronyms used about special educational needs and disabilities (SEND) mean.",
            intro="Schools, the council and health services use a lot of short forms. Find what they mean here, "
            "from A to Z.",
        )
        context["glossary_page"] = page
        created += int(page_created)
    return created
