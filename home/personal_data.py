"""Find what may identify someone in text about to be published ('You said, we did').

Regulation 56 of the SEND Regulations 2014 asks for comments to be published in a form that
does not identify anyone. These are heuristics, not a guarantee: they find email addresses,
phone numbers and the likely names of children and family members ('my son Jake', 'a girl
called Amy', 'Mrs Patel'). The editor is warned and decides; nothing is changed silently."""

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK numbers: 0 or +44 then 9 or 10 more digits, with spaces, dots or dashes between groups.
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?|0)(?:[\s.-]?\d){9,10}(?!\d)")
RELATIVES = (
    r"son|daughter|child|boy|girl|grandson|granddaughter|brother|sister|husband|wife|partner|"
    r"mum|mother|dad|father|nephew|niece|twins?|baby|stepson|stepdaughter|grandchild"
)
WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
NAME = rf"{WORD}(?:\s{WORD})?"
RELATIVE_NAME = re.compile(rf"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?(?:{RELATIVES}),?\s+({NAME})")
CALLED = re.compile(rf"\b(?:called|named|name is|known as)\s+({NAME})")
TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+({NAME})")
# Capitalised words after 'my son' that are not names.
NOT_NAMES = {"I", "He", "She", "They", "It", "We", "The", "This", "That", "When", "And", "But", "Who", "Is", "Has"}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    def __str__(self):
        return f"{self.kind}: ‘{self.text}’"


def find_personal_data(*texts):
    """[Finding] for every email address, phone number and likely name in `texts`, in order,
    each once."""
    found = []
    for text in texts:
        text = text or ""
        found += [Finding("email address", m.group(0)) for m in EMAIL.finditer(text)]
        found += [Finding("phone number", m.group(0).strip()) for m in PHONE.finditer(text)]
        for pattern in (RELATIVE_NAME, CALLED, TITLE):
            for match in pattern.finditer(text):
                name = match.group(1)
                if name.split()[0] in NOT_NAMES:
                    continue
                found.append(Finding("possible name", match.group(0)))
    unique = []
    for finding in found:
        if finding not in unique:
            unique.append(finding)
    return unique


def warning_message(findings):
    """The editor's warning, or '' when nothing was found."""
    if not findings:
        return ""
    listed = "; ".join(str(f) for f in findings[:6])
    more = f" and {len(findings) - 6} more" if len(findings) > 6 else ""
    return (
        f"This may identify someone. Check and take out before it is published: {listed}{more}. "
        "Published comments must not identify anyone (regulation 56)."
    )
