"""Content part 'checker': the SSSEN eligibility check, 'Check if your child can get SSSEN support'.

Built as a child of the SSSEN service page (context["sssen"], made by services.py) from the
criteria in seeds 000 and 001 (the newer 001 stands: a state-funded maintained nursery, infant,
junior or primary school in Derbyshire; an EHC, GRIP or EYSEN IF plan with SSSEN named as
provision on it; education - complex cognition and learning needs - as the primary need;
support agreed by the Head of Service).

Results link to the live guidance pages, the SSSEN page and the contact directory, when those
exist. Safe to run twice: an existing checker page is left exactly as it is.
"""

from services.models import CheckerPage

from .utils import ensure_page, rich

SLUG = "check-if-your-child-can-get-sssen-support"
TITLE = "Check if your child can get SSSEN support"

PLAN_WORDING = (
    "Additional teaching, advice and support will be delivered in school by a teacher from SSSEN. "
    "This will give learning opportunities on at least a weekly basis."
)


def answer(label, value, leads_to, reason="", hint="", not_sure=False):
    return {"label": label, "value": value, "leads_to": leads_to, "reason": reason, "hint": hint, "not_sure": not_sure}


def not_sure(leads_to, reason):
    return answer("I'm not sure", "not-sure", leads_to, reason=reason, not_sure=True)


QUESTIONS = [
    {
        "slug": "school",
        "question": "Where does your child go to school or nursery?",
        "hint": "Choose where your child goes now.",
        "check_answers_label": "School or nursery",
        "error_message": "Select where your child goes to school or nursery",
        "answers": [
            answer(
                "A state-funded nursery, infant, junior or primary school",
                "primary",
                "in-derbyshire",
                hint="A school or nursery paid for by the state and maintained by the council.",
            ),
            answer(
                "A secondary school",
                "secondary",
                "not-likely-setting",
                reason="SSSEN works in nursery, infant, junior and primary schools. It does not work in "
                "secondary schools.",
            ),
            answer(
                "An independent school or another kind of setting",
                "other",
                "not-likely-setting",
                reason="SSSEN works in state-funded (maintained) schools. It does not work in independent "
                "schools or other settings.",
            ),
            answer(
                "My child does not go to a school or nursery",
                "none",
                "not-likely-setting",
                reason="SSSEN teachers give their support in school, so your child needs to go to a state-funded "
                "nursery, infant, junior or primary school.",
            ),
            not_sure(
                "not-sure",
                "Ask the school or nursery if it is state-funded (maintained). SSSEN works in state-funded "
                "nursery, infant, junior and primary schools.",
            ),
        ],
    },
    {
        "slug": "in-derbyshire",
        "question": "Is your child's school or nursery in Derbyshire?",
        "hint": "SSSEN is part of Derbyshire County Council. It works with schools in Derbyshire.",
        "check_answers_label": "School or nursery in Derbyshire",
        "error_message": "Select if your child's school or nursery is in Derbyshire",
        "answers": [
            answer("Yes", "yes", "plan"),
            answer(
                "No",
                "no",
                "not-likely-setting",
                reason="SSSEN only works with schools in Derbyshire. The council for the area your child's school "
                "is in can tell you what support it offers.",
            ),
            not_sure(
                "not-sure",
                "Check which council area your child's school or nursery is in. The school can tell you.",
            ),
        ],
    },
    {
        "slug": "plan",
        "question": "Does your child have an education, health and care (EHC) plan, a GRIP plan or an EYSEN IF plan?",
        "hint": "A GRIP plan is a graduated response for individual pupil plan.\n"
        "An EYSEN IF plan is an Early Years SEN Inclusion Fund plan (SEN means special educational needs).",
        "check_answers_label": "EHC, GRIP or EYSEN IF plan",
        "error_message": "Select if your child has an EHC plan, a GRIP plan or an EYSEN IF plan",
        "answers": [
            answer("Yes", "yes", "sssen-named"),
            answer(
                "No",
                "no",
                "not-likely-plan",
                reason="To get SSSEN support, a child needs an EHC plan, a GRIP plan or an EYSEN IF plan. "
                "Your child does not have one of these plans.",
            ),
            not_sure(
                "not-sure",
                "Ask your child's school, or its special educational needs co-ordinator (SENCO), if your child "
                "has an EHC plan, a GRIP plan or an EYSEN IF plan.",
            ),
        ],
    },
    {
        "slug": "sssen-named",
        "question": "Is SSSEN named as provision on your child's plan?",
        "hint": "Provision is the support the plan says your child will get. Where SSSEN is named, the plan "
        f"usually says: '{PLAN_WORDING}'",
        "check_answers_label": "SSSEN named on the plan",
        "error_message": "Select if SSSEN is named as provision on your child's plan",
        "answers": [
            answer("Yes", "yes", "main-need"),
            answer(
                "No",
                "no",
                "not-likely-named",
                reason="SSSEN is not named as provision on your child's plan. SSSEN only supports children "
                "whose plan names it.",
            ),
            not_sure(
                "not-sure",
                "Look at the provision in your child's plan, or ask the school's SENCO, to see if SSSEN is named.",
            ),
        ],
    },
    {
        "slug": "main-need",
        "question": "Is education your child's main need?",
        "hint": "SSSEN supports children whose main (primary) need is education. This means complex cognition and "
        "learning needs, with significant barriers to learning. Your child's plan may say what their main need is.",
        "check_answers_label": "Main need is education",
        "error_message": "Select if education is your child's main need",
        "answers": [
            answer("Yes", "yes", "likely"),
            answer(
                "No",
                "no",
                "not-likely-need",
                reason="SSSEN supports children whose main need is education (complex cognition and learning "
                "needs). Your child's main need is something else.",
            ),
            not_sure(
                "not-sure",
                "Ask the school's SENCO what your child's main (primary) need is. It may be written in your "
                "child's plan.",
            ),
        ],
    },
]

SENCO = (
    "Talk to the special educational needs co-ordinator (SENCO) at your child's school or nursery. "
    "They can tell you what help your child gets now and what else could help."
)
SEN_SUPPORT = (
    "Ask about SEN Support: extra help in school or nursery, planned and checked in four stages "
    "(assess, plan, do, review)."
)
EHC_ASSESSMENT = (
    "If SEN Support is not enough, ask the school or the council about an education, health and care (EHC) needs "
    "assessment. As a parent, you have a legal (statutory) right to ask for one."
)

RESULTS = [
    {
        "slug": "likely",
        "kind": "likely",
        "heading": "Your child is likely to meet the SSSEN criteria",
        "body": rich(
            "From your answers, your child is likely to meet the criteria for support from the Support Service "
            "for Special Educational Needs (SSSEN).",
            "<h2>What happens next</h2>",
            "<ul><li>The Head of Service agrees SSSEN support when a child has significant barriers to learning and "
            "complex cognition and learning needs that meet the SSSEN criteria.</li>"
            "<li>Most children get up to 90 minutes of support a week in term time. It can be more or less, "
            "depending on their needs.</li>"
            "<li>An SSSEN teacher supports your child and the school every week, and keeps in touch with you.</li>"
            "<li>Your child's progress is checked and reported at the review meeting.</li>"
            "<li>The SSSEN teacher recommends whether support should continue. The Head of Service decides.</li></ul>",
            "<h2>Who to contact</h2>",
            "Talk to your child's school first: the special educational needs co-ordinator (SENCO) works with "
            "SSSEN. You can also contact SSSEN. The contact details are on the SSSEN page.",
        ),
        "links_heading": "Contact details",
        "links": [
            ("sssen", "", "Who the service is for, what it provides and how to contact it."),
            ("directory", "Contact directory", "Phone numbers and addresses for SSSEN and other services."),
        ],
    },
    {
        "slug": "not-likely-setting",
        "kind": "not_likely",
        "heading": "Your child is not likely to get SSSEN support",
        "body": rich(
            "From your answers, your child does not meet the SSSEN criteria. Your child can still get extra help.",
            "<h2>What you can do</h2>",
            f"<ul><li>{SENCO}</li><li>{SEN_SUPPORT}</li><li>{EHC_ASSESSMENT}</li></ul>",
        ),
        "links_heading": "Where to find out more",
        "links": [
            ("what_is_sen_support", "", "Extra help in school or nursery, and how it is planned."),
            ("four_stages", "", "Assess, plan, do, review."),
            ("when_sen_support_is_not_enough", "", "Asking for an EHC needs assessment."),
            ("directory", "Contact directory", "Who to contact, including the SENCO and SENDIASS."),
        ],
    },
    {
        "slug": "not-likely-plan",
        "kind": "not_likely",
        "heading": "Your child is not likely to get SSSEN support",
        "body": rich(
            "From your answers, your child does not meet the SSSEN criteria yet. There are other ways to get help "
            "for your child.",
            "<h2>What you can do</h2>",
            f"<ul><li>{SENCO}</li><li>{SEN_SUPPORT}</li>"
            "<li>Ask the school about a SEND Support Plan. It sets out your child's needs, the support and the "
            "outcomes the school is working towards.</li>"
            "<li>Ask the school about the SEND Support Advisory Partnership (SSAP). Schools refer to it for "
            "advice and, sometimes, extra funding. It is one borough's pilot, so it may not be offered where you "
            "live: see the guidance.</li>"
            "<li>Ask about Enhanced SEN Support: funding from the council instead of an EHC needs assessment, "
            "with your agreement.</li>"
            f"<li>{EHC_ASSESSMENT}</li></ul>",
        ),
        "links_heading": "Where to find out more",
        "links": [
            ("what_is_sen_support", "", ""),
            ("four_stages", "", ""),
            ("send_support_plans", "", ""),
            ("ssap", "", "One borough's pilot."),
            ("enhanced_sen_support", "", ""),
            ("when_sen_support_is_not_enough", "", "Asking for an EHC needs assessment."),
            ("directory", "Contact directory", ""),
        ],
    },
    {
        "slug": "not-likely-named",
        "kind": "not_likely",
        "heading": "Your child is not likely to get SSSEN support",
        "body": rich(
            "From your answers, your child has a plan, but it does not name SSSEN as provision.",
            "<h2>What you can do</h2>",
            "<ul><li>Ask about SSSEN at your child's next plan review meeting. The provision on the plan is "
            "looked at again then.</li>"
            f"<li>{SENCO}</li></ul>",
        ),
        "links_heading": "Where to find out more",
        "links": [
            ("sssen", "", "Who SSSEN supports and how."),
            ("directory", "Contact directory", ""),
        ],
    },
    {
        "slug": "not-likely-need",
        "kind": "not_likely",
        "heading": "Your child is not likely to get SSSEN support",
        "body": rich(
            "From your answers, your child's main need is not education (complex cognition and learning needs), "
            "so SSSEN is not likely to be the right service.",
            "<h2>What you can do</h2>",
            f"<ul><li>{SENCO}</li><li>Ask about your child's support at the next plan review meeting.</li></ul>",
        ),
        "links_heading": "Where to find out more",
        "links": [
            ("what_is_sen_support", "", ""),
            ("directory", "Contact directory", ""),
        ],
    },
    {
        "slug": "not-sure",
        "kind": "not_sure",
        "heading": "We cannot tell yet if your child can get SSSEN support",
        "body": rich(
            "Check this, then start the check again.",
            "<h2>Who to ask</h2>",
            "<ul><li>Your child's school or nursery, and its special educational needs co-ordinator (SENCO).</li>"
            "<li>SSSEN: the contact details are on the SSSEN page.</li></ul>",
            "<h2>What SSSEN looks for</h2>",
            "<ul><li>Your child goes to a state-funded (maintained) nursery, infant, junior or primary school in "
            "Derbyshire.</li>"
            "<li>Your child has an education, health and care (EHC) plan, a GRIP plan or an EYSEN IF plan, with "
            "SSSEN named as provision on it.</li>"
            "<li>Education (complex cognition and learning needs) is your child's main need.</li></ul>",
        ),
        "links_heading": "Where to find out more",
        "links": [
            ("sssen", "", "Who SSSEN supports and how to contact it."),
            ("directory", "Contact directory", ""),
        ],
    },
]


def result_value(result, context):
    links = []
    for key, text, description in result["links"]:
        page = context.get(key)
        if page is not None:
            links.append({"page": page, "text": text, "description": description})
    return {**result, "links": links}


def load(context, log):
    sssen = context.get("sssen")
    if sssen is None:
        log("checker: no SSSEN service page in the context; the check was not built.")
        return 0
    page, created = ensure_page(
        sssen,
        CheckerPage,
        SLUG,
        title=TITLE,
        audience="parents",
        summary="Answer up to 5 questions to find out if your child is likely to get support from the Support "
        "Service for Special Educational Needs (SSSEN), and what else can help.",
        intro=rich(
            "The Support Service for Special Educational Needs (SSSEN) is a team of specialist teachers at "
            "Derbyshire County Council. They teach children with complex learning needs in nursery and primary "
            "schools, and help their schools.",
            "Use this check to find out if your child is likely to meet the SSSEN criteria. If not, it tells you "
            "what other help you can ask for.",
        ),
        before_you_start=rich(
            "This check only gives a guide. The Head of Service decides who gets SSSEN support.",
            "It helps to have your child's plan with you, if they have one.",
            "We do not keep your answers. They are only in the web address of the pages you see.",
        ),
        start_button_text="Start now",
        questions=[("question", question) for question in QUESTIONS],
        results=[("result", result_value(result, context)) for result in RESULTS],
    )
    context["sssen_checker"] = page
    if created:
        log(f"checker: created '{TITLE}'")
    return int(created)
