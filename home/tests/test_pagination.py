"""GOV.UK pagination links (home/pagination.py), shared by search and Find support."""

from django.http import QueryDict

from home.pagination import pagination


def numbers(result):
    return ["…" if item.get("ellipsis") else item["number"] for item in result["items"]]


def test_one_page_has_no_links():
    result = pagination(QueryDict("q=ehcp"), 1, 1)
    assert result == {"previous": "", "next": "", "items": []}


def test_first_page_links_forward_only_and_marks_itself_current():
    result = pagination(QueryDict("q=ehcp"), 1, 5)
    assert numbers(result) == [1, 2, "…", 5]
    assert result["previous"] == ""
    assert result["next"] == "?q=ehcp&page=2"
    assert [item["current"] for item in result["items"] if "number" in item] == [True, False, False]


def test_middle_page_shows_neighbours_with_a_gap_on_each_side():
    result = pagination(QueryDict("q=ehcp&page=5"), 5, 9)
    assert numbers(result) == [1, "…", 4, 5, 6, "…", 9]
    assert result["previous"] == "?q=ehcp&page=4"
    assert result["next"] == "?q=ehcp&page=6"


def test_no_ellipsis_for_a_gap_of_no_pages():
    assert numbers(pagination(QueryDict(""), 3, 4)) == [1, 2, 3, 4]


def test_links_keep_every_other_parameter_and_do_not_change_the_request():
    params = QueryDict("q=speech&section=guidance&audience=parents&page=2")
    result = pagination(params, 2, 3)
    assert result["items"][-1]["href"] == "?q=speech&section=guidance&audience=parents&page=3"
    assert params["page"] == "2"  # the request's own parameters are untouched
