"""The service pages: the SSSEN service page and its outcomes report (seeds 000 and 001).

Seed 000 is Derbyshire's older web page about the Support Service for Special Educational
Needs (SSSEN); seed 001 is the service's 'Key Service Outcomes', a summary of its annual
report of December 2019. Where they disagree, the newer (001) stands and the page says what
changed: about 80 teachers (66.6 full-time equivalent) rather than about 90; EHC plans rather
than statements of SEN; the SSSEN teacher recommends whether support continues based on
whether the child still meets the criteria.

The Head of Service's name, telephone, email and address are a Contact snippet that
contacts.py attaches to the SSSEN page; they are not written into the page itself.
"""

from services.models import ServiceIndexPage, ServicePage, ServiceReportPage

from .utils import bullets, ensure_page, inset, rich, section

OUTCOMES_SOURCE = "SSSEN Key Service Outcomes, a summary of the annual report"
YEAR = "2018 to 2019"
OLDER_PAGE_SOURCE = "Derbyshire County Council's SSSEN web page"

EHC_PLAN_WORDING = (
    "Additional teaching, advice and support will be delivered in school by a teacher from SSSEN. "
    "This will give learning opportunities on at least a weekly basis."
)

CHILDREN_SERVICES_VISION = (
    "Working creatively together to inspire and empower children, young people and their families and "
    "communities to be the best they can be: safe, healthy, happy, learning and working"
)


def figure(value, label, year="", source=""):
    return {"value": value, "label": label, "year": year, "source": source}


def figures(heading, items, intro=""):
    return ("key_figures", {"heading": heading, "intro": rich(intro) if intro else "", "figures": items})


def comments(heading, items):
    return ("comments", {"heading": heading, "comments": [{"text": t, "attribution": a} for t, a in items]})


# ---------------------------------------------------------------------------------------------
# The service index
# ---------------------------------------------------------------------------------------------

SERVICE_INDEX = {
    "title": "Services and support",
    "summary": (
        "Services for children with special educational needs and disabilities (SEND): "
        "who each one is for, how to ask for it and what it achieves."
    ),
}

# ---------------------------------------------------------------------------------------------
# The SSSEN service page (seeds 000 and 001)
# ---------------------------------------------------------------------------------------------

SSSEN = {
    "title": "Support Service for Special Educational Needs (SSSEN)",
    "summary": (
        "Specialist teachers from Derbyshire County Council who teach children with complex learning "
        "needs in nursery and primary schools, and help their schools. Find out who can get this support "
        "and how it works."
    ),
    "who_it_is_for": rich(
        "The Support Service for Special Educational Needs (SSSEN) is part of Derbyshire County Council's "
        "Children's Services. It is also called 'SSSEN – Cognition and Learning'.",
        "Its specialist teachers work with children who have special educational needs (SEN) in nursery, "
        "infant, junior and primary schools in Derbyshire.",
        "It is for children whose main need is learning. These children find learning much harder than most "
        "children of their age. This is called having complex cognition and learning needs.",
    ),
    "criteria_intro": "To get support from SSSEN, all of these must be true:",
    "eligibility_criteria": [
        (
            "criterion",
            "The child goes to a state-funded maintained nursery, infant, junior or primary school in Derbyshire.",
        ),
        (
            "criterion",
            "The child has an education, health and care (EHC) plan, a Graduated Response for Individual Pupil "
            "(GRIP) plan or an Early Years SEN Inclusion Fund (EYSEN IF) plan.",
        ),
        ("criterion", "SSSEN is named as provision on the child's plan."),
        (
            "criterion",
            "Education is the child's primary need. For SSSEN this means complex cognition and learning needs.",
        ),
        (
            "criterion",
            "The child has significant barriers to learning and complex cognitive and learning needs that meet "
            "SSSEN criteria.",
        ),
    ],
    "eligibility_notes": rich(
        "The Head of Service agrees support when a child meets the criteria.",
        "<h3>What changed</h3>",
        "An earlier version of this information said children with a statement of special educational needs "
        "could also get support. Statements of special educational needs were replaced by EHC plans. The "
        "criteria from December 2019 add Early Years SEN Inclusion Fund plans, and say the school must be "
        "state-funded and in Derbyshire.",
    ),
    "who_can_refer": rich(
        "You do not apply to SSSEN yourself. Support comes through the child's plan: SSSEN must be named as "
        "provision on the child's EHC, GRIP or EYSEN IF plan.",
        "If you are a parent or carer and you think your child may need SSSEN, talk to your child's school "
        "about their plan.",
    ),
    "how_to_refer": rich(
        "The child's plan names SSSEN as the provision the child needs. On an EHC plan, the wording SSSEN "
        "uses is shown further down this page.",
    ),
    "what_happens_next": bullets(
        "The Head of Service checks that the child meets SSSEN criteria and agrees the support.",
        "A specialist teacher from SSSEN works with your child and their school every week.",
        "The teacher keeps in touch with you regularly.",
        "Your child's progress is checked and reported at the review meeting for their plan.",
    ),
    "who_decides": rich(
        "The <strong>Head of Service</strong> agrees support when the child has significant barriers to "
        "learning and complex cognitive and learning needs that meet SSSEN criteria.",
        "The Head of Service also decides when SSSEN support stops. This decision follows the recommendations "
        "in the SSSEN review report, in line with SSSEN criteria.",
    ),
    "what_it_provides": rich(
        "SSSEN gives weekly support to the child and to the school.",
        bullets(
            "Most children get up to 90 minutes of support a week during term time.",
            "The amount of time can be more flexible, depending on the child's needs.",
            "The SSSEN teacher liaises regularly with parents and carers.",
            "The teacher gives the school advice on teaching the child.",
        ),
        "<h3>Services schools can buy</h3>",
        "Schools can also buy bespoke services from SSSEN, tailored for them. These have included:",
        bullets(
            "assessments of pupils who do not get SSSEN support, with advice on teaching and learning "
            "strategies to meet their needs",
            "support for a new special educational needs co-ordinator (SENCO)",
            "support with provision mapping",
            "consultancy on particular areas of special educational needs and disabilities (SEND), "
            "to train school staff",
        ),
        "SSSEN also runs training networks for SENCOs in the Autumn and Summer terms.",
    ),
    "how_progress_is_reviewed": rich(
        "Your child's plan sets out the outcomes they are working towards. Progress towards these outcomes is "
        "evaluated and reported at the review meeting.",
        "The SSSEN teacher recommends whether the support should continue. The recommendation depends on "
        "whether the child still meets SSSEN criteria.",
        "The Head of Service then decides whether to stop (discontinue) SSSEN support. The decision follows "
        "the recommendations in the SSSEN review report, in line with SSSEN criteria.",
        "<h3>What changed</h3>",
        "An earlier version of this information said the SSSEN teacher would recommend stopping support when "
        "the child reached the expectations for their age, or met the outcomes in their plan.",
    ),
    "key_figures": [
        (
            "figure",
            figure(
                "About 80",
                "full-time and part-time specialist teachers, including the Head of Service",
                "December 2019",
                OUTCOMES_SOURCE,
            ),
        ),
        ("figure", figure("66.6", "full-time equivalent (FTE) posts", "December 2019", OUTCOMES_SOURCE)),
        ("figure", figure("7", "area teams of specialist teachers", "December 2019", OUTCOMES_SOURCE)),
        (
            "figure",
            figure("Up to 90 minutes", "of support a week in term time, for most children", "", OLDER_PAGE_SOURCE),
        ),
    ],
    "body": [
        section(
            "What SSSEN aims to do",
            "SSSEN aims to make sure that children with special educational needs are included and do well "
            "at school. It also builds the skills and expertise of schools in Derbyshire, so they can support "
            "these children themselves.",
            "It does this in line with current local and national plans (strategies).",
        ),
        section(
            "Who works for SSSEN",
            "SSSEN has about 80 full-time and part-time specialist teachers, including the Head of Service. "
            "Together they make 66.6 full-time equivalent (FTE) posts.",
            "The teachers work in seven area teams. They have qualifications in, and extensive experience of, "
            "special educational needs and inclusion.",
            "The service regularly checks how well it covers the whole county. It changes staffing according to "
            "the number of pupils in each area.",
            "An earlier page about SSSEN said it had about 90 teachers. The figure above is from December 2019.",
        ),
        section(
            "What SSSEN support says on an EHC plan",
            "When an EHC plan includes SSSEN support, the plan uses these exact words:",
        ),
        inset(EHC_PLAN_WORDING),
        (
            "details",
            {
                "summary": "Older plans: statements of special educational needs",
                "body": rich(
                    "Some older information about SSSEN mentions statements of special educational needs. "
                    "Statements were replaced by EHC plans. The older wording said the support would come "
                    "from 'a teacher from the SSSEN team'."
                ),
            },
        ),
        section(
            "How the service is checked",
            bullets(
                "SSSEN has a service development plan each year. It is linked to the children's services plan "
                "and reviewed every year in the annual service report.",
                "Each year, link advisers from the education improvement service judge the seven teams "
                "using Ofsted criteria. Ofsted is the body that inspects schools.",
                "Every year the service asks schools, parents, pupils and other agencies what they think "
                "of it (evaluation).",
                "Staffing is adjusted according to pupil numbers, and coverage is monitored across the county.",
            ),
        ),
        section(
            "Working in partnership",
            "SSSEN works in partnership with schools, parents and carers, and other professionals. Together "
            "they aim to give high-quality teaching support that makes learning as personal as possible to each "
            "child (personalised learning) and helps every child to be included.",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
# The SSSEN outcomes report, 2018 to 2019 (seed 001)
# ---------------------------------------------------------------------------------------------

SSSEN_OUTCOMES = {
    "title": "SSSEN key service outcomes: 2018 to 2019",
    "summary": (
        "A summary of the Support Service for Special Educational Needs (SSSEN) annual report, December 2019: "
        "how children progressed, what schools, parents and children said, and plans for the future."
    ),
    "period": "2018 to 2019",
    "published": "December 2019",
    "body": [
        (
            "text",
            rich(
                "This is a summary of the annual report of the Support Service for Special Educational Needs "
                "(SSSEN). SSSEN is part of Derbyshire County Council's Children's Services. It is also called "
                "'SSSEN – Cognition and Learning'.",
                "The full 'SSSEN Annual Report, December 2019' is available on the Local Offer website.",
            ),
        ),
        section(
            "About the service",
            "SSSEN aims to make sure children with special educational needs (SEN) are included and do well. It "
            "also builds expertise and capacity in schools in Derbyshire, in line with current local and "
            "national strategies.",
            "It has about 80 full-time and part-time specialist teachers, including the Head of Service "
            "(66.6 full-time equivalent, or FTE). They work in seven teams.",
            "To get support, a child must go to a state-funded maintained nursery, infant, junior or primary "
            "school in Derbyshire. They must have an education, health and care (EHC) plan, a Graduated Response "
            "for Individual Pupil (GRIP) plan or an Early Years SEN Inclusion Fund (EYSEN IF) plan, with SSSEN "
            "named as provision on the plan.",
        ),
        section(
            "What the service developed in 2018 to 2019",
            "In 2018 to 2019 the service achieved these developments:",
            bullets(
                "It remodelled the service to include children with special educational needs and disabilities "
                "(SEND) more, in light of SEND research and local and national reviews.",
                "It developed how it assesses children, in line with the outcomes of the Rochford Review, and "
                "shared and promoted best practice.",
                "It reviewed how it listens to pupils (pupil voice) and what difference this makes.",
                "It started offering secure email to parents and carers, to keep in touch with them more.",
            ),
        ),
        section(
            "Progress in the National Curriculum",
            "The way schools report national assessments has changed. Children are no longer given levels "
            "('Assessing without Levels'). So SSSEN developed a banding system. It breaks down each National "
            "Curriculum year group into small steps for children with SEND.",
            "With the Local Authority Link Adviser, SSSEN developed criteria for judging progress, based on "
            "the systems for assessment. An internal service database compares the progress of different "
            "groups of pupils every year. The full SSSEN Annual Report 2019 has the detailed figures.",
            "Judged against these criteria, outcomes for children working within National Curriculum "
            "expectations were <strong>'Outstanding' in Reading, Writing and Mathematics</strong>. This "
            "judgement uses the Ofsted framework from before the new framework was introduced.",
        ),
        section(
            "Progress for children working below the National Curriculum (P levels)",
            "P levels (also called P scales) were a way of measuring the progress of children working below the "
            "level of the National Curriculum. After the Rochford Review, P levels are no longer statutory "
            "(required by law). A new statutory 'pre-key stage' assessment replaces them for pupils working "
            "below the expected standard. There are no national benchmarks to compare annual progress against.",
            "In 2018 to 2019 the average progress of SSSEN pupils on P levels increased from 1.23 to 1.31. "
            "This means P level learners made progress faster.",
        ),
        figures(
            "Progress, inclusion and teaching",
            [
                figure(
                    "1.31",
                    "average progress of SSSEN pupils on P levels, up from 1.23",
                    YEAR,
                ),
                figure(
                    "25%",
                    "of SSSEN's caseload (150 children) are at risk of exclusion from mainstream primary schools",
                    YEAR,
                ),
                figure(
                    "1",
                    "child was permanently excluded in the last academic year",
                    YEAR,
                ),
                figure(
                    "100%",
                    "of teaching, learning and assessment was judged 'Good' or 'Outstanding'",
                    YEAR,
                ),
                figure(
                    "72%",
                    "of teaching, learning and assessment was 'Outstanding', up 2% on the year before",
                    YEAR,
                ),
            ],
        ),
        section(
            "Helping children stay in their school (preventing exclusion)",
            "SSSEN's data has been consistently strong over the past five years. Its support has also helped "
            "prevent pupils with SEND from being excluded from school.",
            "25% of SSSEN's caseload (150 children) are at risk of exclusion from mainstream primary schools. "
            "As well as significant cognitive difficulties (difficulties with thinking and learning), these "
            "children have other SEND at the same time: social, emotional and mental health needs, or "
            "communication and interaction needs.",
            "Only one child was permanently excluded in the last academic year. This shows SSSEN helped prevent "
            "the exclusion of about 150 pupils, who kept their place in a mainstream school in 2018 to 2019.",
            "Exclusions of pupils with SSSEN support have stayed consistently very low.",
        ),
        section(
            "Teaching, learning and assessment",
            "Every teacher in the service has an individual teacher summary and an overall judgement, recorded "
            "through their appraisal. This includes:",
            bullets(
                "observations", "pupil tracking", "work scrutiny (looking at pupils' work)", "discussions with pupils"
            ),
            "In 2018 to 2019, 100% of teaching, learning and assessment was judged 'Good' or 'Outstanding'. "
            "72% was 'Outstanding', an increase of 2% on the year before.",
        ),
        section(
            "Quality Development Dialogue (QDD)",
            "The service's work is evaluated using the Ofsted Education Inspection Framework. Each SSSEN team "
            "writes a Self-Evaluation Summary (SES). The Link Adviser writes a Record of Visit.",
            "All teams achieved their Key Areas for Improvement for 2018 to 2019, after Quality Development "
            "Dialogue (QDD) reviews with the Adviser in November 2019. All teams have shown very strong outcomes "
            "for pupils with SEND over time, linked to their SES and QDD reviews for the past five years.",
        ),
        section(
            "Training for schools",
            "In 2018 to 2019 SSSEN wrote and ran a training course for school staff: 'Moving on from P Scales "
            "– new statutory pre-key stage assessment for pupils working below expectations'.",
            "People who went to SSSEN's training (delegates) rated it on a scale of 1 to 10.",
        ),
        figures(
            "Ratings for the 'Moving on from P Scales' course",
            [
                figure("9.8 out of 10", "average rating for how useful and relevant the content was", YEAR),
                figure("9.8 out of 10", "average rating for how effective the training methods were", YEAR),
            ],
        ),
        figures(
            "Bespoke services for schools",
            [
                figure("36", "bespoke assessments carried out", YEAR),
                figure("26", "bespoke consultancy or training sessions delivered in schools across the county", YEAR),
                figure("9.4 out of 10", "average rating for how useful and relevant the content was", YEAR),
                figure("9.4 out of 10", "average rating for how effective the training methods were", YEAR),
            ],
            intro=(
                "SSSEN offers bespoke services, tailored for individual schools and bought by them directly. These "
                "have included assessments of pupils who do not get SSSEN support, to advise on teaching and "
                "learning strategies for their needs. Schools have also asked for support for a new special "
                "educational needs co-ordinator (SENCO), or with provision mapping. SSSEN has also given schools "
                "consultancy on particular areas of SEND, to develop their staff."
            ),
        ),
        figures(
            "SENCO training networks",
            [
                figure("131", "delegates at SENCO training networks across the county", YEAR),
                figure("9.2 out of 10", "average rating for how useful and relevant the content was", YEAR),
                figure("9.2 out of 10", "average rating for how effective the training methods were", YEAR),
            ],
            intro="SENCO training networks were held in the Autumn and Summer terms.",
        ),
        section(
            "What people told us",
            "Every year SSSEN sends questionnaires to children, parents, schools and other agencies, to help "
            "judge the quality of the service.",
        ),
        figures(
            "What schools told us",
            [
                figure("218", "responses from 249 questionnaires sent to schools", YEAR),
                figure("88%", "of schools replied, an increase of 10% on last year", YEAR),
                figure(
                    "100%",
                    "of schools said SSSEN's teaching, strategies, training and support are effective in meeting "
                    "the educational needs and inclusion of children with SEND",
                    YEAR,
                ),
                figure("73.4%", "of schools rated this 'Outstanding'", YEAR),
                figure(
                    "100%",
                    "of schools said the impact of SSSEN on the progress of the children it supports is "
                    "'Good' to 'Outstanding'",
                    YEAR,
                ),
                figure("65.1%", "of schools rated the impact 'Outstanding'", YEAR),
            ],
        ),
        figures(
            "What parents and carers told us",
            [
                figure(
                    "479",
                    "responses from 672 questionnaires sent to parents and carers",
                    YEAR,
                ),
                figure(
                    "71%",
                    "of parents and carers replied, an increase of 2% on last year",
                    YEAR,
                ),
                figure(
                    "99.8%",
                    "knew what their child was learning with their SSSEN Support Teacher, an increase of 1% on the "
                    "year before",
                    YEAR,
                ),
                figure(
                    "95.4%",
                    "said the SSSEN Support Teacher gave them ideas to help their child's learning, an increase of "
                    "2.1% on the year before",
                    YEAR,
                ),
            ],
        ),
        figures(
            "What children told us",
            [
                figure(
                    "91.4%",
                    "thought the activities with their Support Teacher helped them get better at their work. "
                    "1.6% said 'No'. 7% were not sure, said 'sometimes' or did not answer. "
                    "Last year: 89.5%, 0.7% and 9.8%.",
                    YEAR,
                ),
                figure(
                    "87.3%",
                    "felt the work with their Support Teacher helped them with their class work. "
                    "1.2% said 'No'. 11.5% were not sure, said 'sometimes' or did not answer. "
                    "Last year: 84%, 1.5% and 14.5%.",
                    YEAR,
                ),
            ],
        ),
        figures(
            "What other agencies told us",
            [
                figure(
                    "100%",
                    "of other agencies said the impact of working with SSSEN on children with special educational "
                    "needs was 'Good' or 'Outstanding'",
                    YEAR,
                ),
                figure(
                    "75%",
                    "rated it 'Outstanding', an increase of 13% on last year's responses",
                    YEAR,
                ),
            ],
            intro="SSSEN asks other agencies for feedback from time to time, to judge how well it works with them.",
        ),
        section(
            "Comments on the service",
            "These comments are a sample from the questionnaires sent to parents and carers, schools and other "
            "agencies in 2018 to 2019. Each one stands for several comments on the same theme. The Head of "
            "Service, Area Managers and Support Teachers follow up individual comments where needed.",
            "This year the comments are grouped by the service's key priorities, set out in its Service Plan. "
            "The Service Plan links to the Children's Services Service Plan and to the Children's Services vision:",
        ),
        inset(f"<strong>Children's Services vision:</strong> '{CHILDREN_SERVICES_VISION}'"),
        comments(
            "Comments linked to the vision",
            [
                (
                    "The team supporting our schools are incredible. They work closely with the children (obviously) "
                    "and establish fantastic working relationships. The SSSEN team here also works brilliantly "
                    "alongside the teachers and other professionals, as well as parents, to ensure these children "
                    "have the best possible opportunities.",
                    "School",
                ),
                (
                    "SSSEN has supported my child's learning both in school and out of school with the strategies she "
                    "has shared. His confidence across many areas has improved and has had a positive impact.",
                    "Parent",
                ),
                (
                    "Supported children can access more of our curriculum; they have more confidence and "
                    "independence as a result of interventions.",
                    "School",
                ),
                ("I'll probably have to go to college, I want to be a mechanic.", "Pupil"),
                (
                    "Our pupils have made excellent progress and teachers/TA's have been empowered by the expert "
                    "advice given. The input from our SSSEN teacher has made a vital contribution to the progress of "
                    "our children with SEND. She is a true 'advocate' for the children involved and supports both "
                    "staff and parents to play an effective and functioning role too.",
                    "School",
                ),
                (
                    "I think I've improved a lot since Year 5. I was very worried about SATs but now, with all the "
                    "help from my support teachers and class teachers, I think I'm ready for it.",
                    "Pupil",
                ),
            ],
        ),
        comments(
            "Priority: to remodel the service to further develop inclusion in light of SEND research and local "
            "and national reviews",
            [
                (
                    "Our SSSEN teacher has worked alongside the cohort, including working with other children with "
                    "similar needs to support full inclusion wherever possible. Ongoing liaison with all key staff, "
                    "face-to-face or via email has been invaluable. This has enabled the children to remain fully "
                    "engaged in learning together whilst making maximum progress and narrowing the gap in learning. "
                    "Lessons have been planned to run alongside the main teaching whilst being tailored to meet the "
                    "personalised learning goals of each child, resulting in positive learning outcomes as well as "
                    "improved emotional well-being. Excellent relationships have been forged, not only with the "
                    "pupils but also key staff.",
                    "School",
                ),
                (
                    "Our SSSEN teacher has been very friendly and helpful. She has worked with us as opposed to "
                    "coming in with a set of ideas. Thank you.",
                    "School",
                ),
                ("My child being in the classroom more has helped her progress.", "Parent"),
                ("I like working with a partner or as part of a small group.", "Pupil"),
            ],
        ),
        (
            "text",
            rich(
                "<h3>Priority: to review the service's engagement with pupil voice and its impact</h3>",
                "The pupil questionnaires were improved by adding more open questions, such as 'What are you proud "
                "of?'. Pupils were also asked what could help them with their learning. SSSEN and school staff can "
                "then follow this up, so that what pupils say is central to their support.",
            ),
        ),
        comments(
            "What pupils said",
            [
                (
                    "Being able to know how to weigh and I'm proud that you helped me with this, that I can remember "
                    "how many mm in cm, cm in m, m in km and this meant I could put my hand up in class today and get "
                    "the right answer and I felt very proud and happy.",
                    "Pupil",
                ),
                ("I'm better at being shown how to do things rather than talk about it.", "Pupil"),
                (
                    "I'm proud of how I'm getting up in lessons and grabbing these (holds prompts cards SSSEN Teacher "
                    "made). I'm also proud of how I'm getting better at times tables because we did 6s yesterday and "
                    "I flew through them.",
                    "Pupil",
                ),
                ("I find it useful when people take things slowly i.e. give options with time to think.", "Pupil"),
            ],
        ),
        comments(
            "Priority: to extend communication with parents and carers by offering secure email",
            [
                (
                    "I have always liaised with the SSSEN teacher since day 1. We have shared ideas on how to "
                    "interest my child whilst learning, with much success.",
                    "Parent",
                ),
                (
                    "SSSEN has communicated with us brilliantly this year. We know what has been done and achieved "
                    "session by session, this really helps us as parents.",
                    "Parent",
                ),
                (
                    "Our SSSEN teacher has also helped to communicate and engage with parents which has been "
                    "brilliant! Thank you!",
                    "School",
                ),
            ],
        ),
        comments(
            "Suggestions for the service: 'Even Better If ...'",
            [
                (
                    "Excellent service - would be fantastic to have an overlap into secondary. SSSEN has been "
                    "brilliant with my child. Many thanks.",
                    "Parent",
                ),
                ("Further and on-going support with the pre-key stage standards implementation.", "School"),
                ("Ideas for intervention resources for use within lessons.", "School"),
            ],
        ),
        (
            "text",
            rich(
                "Most suggestions from schools were about their own training needs for the next year: their "
                "continuing professional development (CPD). SSSEN Area Managers will follow these up and offer "
                "bespoke consultancy where it fits.",
                "Most suggestions from parents were about their own child. SSSEN Teachers and Area Managers will "
                "follow these up.",
            ),
        ),
        section("Complaints", "There were no formal complaints to the Head of Service this year."),
        section(
            "Compliments",
            "As well as the yearly questionnaires, the service received many other compliments. This one came "
            "from a school:",
        ),
        comments(
            "A compliment from a school",
            [
                (
                    "The support we receive from SSSEN is essential to the successful placement of a child "
                    "at our school.",
                    "School",
                )
            ],
        ),
        section(
            "What the service plans next",
            bullets(
                "To develop an SSSEN offer linked to the Thriving Communities programme. It will be based on "
                "different ways of working in a range of areas, including the move from primary to secondary "
                "school (transition).",
                "To review and develop SSSEN's systems for assessing children and monitoring their progress, "
                "including the service database. This is because of changes to national assessment and to "
                "Ofsted, and will include Early Years.",
                "To create packages of SEN resources to support schools, and to extend the SSSEN services "
                "schools can buy through the S4S traded offer.",
            ),
            "SSSEN will strive to make sure children with SEND are included and do well, within the Children's "
            "Services vision.",
        ),
        section(
            "The full report",
            "The full 'SSSEN Annual Report, December 2019' is available on the Local Offer website.",
        ),
    ],
}


def load(context, log):
    created = 0
    home = context["home"]

    index, was_created = ensure_page(home, ServiceIndexPage, "services", **SERVICE_INDEX)
    created += int(was_created)
    context["services_index"] = index

    sssen, was_created = ensure_page(index, ServicePage, "sssen", **SSSEN)
    created += int(was_created)
    context["sssen"] = sssen
    if was_created:
        log("Created the SSSEN service page")

    next_steps = (
        "next_steps",
        {
            "heading": "What you can do next",
            "links": [
                {
                    "page": sssen,
                    "url": "",
                    "text": "Find out who can get SSSEN support and how to ask for it",
                    "description": "",
                }
            ],
        },
    )
    outcomes, was_created = ensure_page(
        sssen,
        ServiceReportPage,
        "sssen-outcomes-2018-to-2019",
        **{**SSSEN_OUTCOMES, "body": SSSEN_OUTCOMES["body"] + [next_steps]},
    )
    created += int(was_created)
    context["sssen_outcomes"] = outcomes
    if was_created:
        log("Created the SSSEN outcomes report page")
    return created
