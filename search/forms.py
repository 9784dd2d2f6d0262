"""The search page's query parameters, read through home's one validated path
(``home.params``): words, a part of the website, who it is for, and a page number."""

from home.params import BoundedIntegerField, KnownValueField, QueryForm, TextField

from .query import MAX_QUERY_LENGTH, clean_query

# A results page past this is never useful (10 results a page): anything above is refused.
MAX_PAGE = 10_000


class SearchForm(QueryForm):
    id_prefix = "search-"
    anchors = {"page": "search-q"}  # no page-number input: the summary links to the search box

    q = TextField(max_length=MAX_QUERY_LENGTH * 4)
    section = KnownValueField(message="We do not recognise that part of the website, so we searched all of it.")
    audience = KnownValueField(
        message="We do not recognise who the results should be for, so we show results for everyone."
    )
    page = BoundedIntegerField(min_value=1, max_value=MAX_PAGE, label_text="page number")

    def __init__(self, data, *, sections=(), audiences=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["section"].choices = [("", "All of the website"), *[(s.slug, s.title) for s in sections]]
        self.fields["audience"].choices = [("", "Everyone"), *audiences]

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    @property
    def too_long(self):
        return len(self.data.get("q", "")) > MAX_QUERY_LENGTH
