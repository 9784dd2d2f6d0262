"""Blocks only service pages use."""

from wagtail import blocks


class CriterionBlock(blocks.CharBlock):
    """One eligibility criterion, as a plain sentence."""

    class Meta:
        icon = "tick"
        label = "Criterion"
        help_text = "One thing that must be true, for example 'Education is the child's main need'."
        preview_value = "The child goes to a state-funded primary school."
