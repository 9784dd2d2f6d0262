"""Query building: cleaning, tokenising, synonyms from the glossary and word forms."""

from wagtail.search.query import And, Or, Phrase, PlainText

from search.query import MAX_QUERY_LENGTH, SynonymGroup, build_query, clean_query, tokenise, word_forms

GROUPS = {
    ("senco",): ("senco", [("senco",), ("special", "educational", "needs", "co", "ordinator"), ("sendco",)]),
    ("sendco",): ("senco", [("senco",), ("special", "educational", "needs", "co", "ordinator"), ("sendco",)]),
    ("ehcp",): ("ehc-plan", [("ehc", "plan"), ("education", "health", "and", "care", "plan"), ("ehcp",)]),
    ("ehc", "plan"): ("ehc-plan", [("ehc", "plan"), ("education", "health", "and", "care", "plan"), ("ehcp",)]),
}


def leaves(query):
    if isinstance(query, (And, Or)):
        return [leaf for sub in query.subqueries for leaf in leaves(sub)]
    return [query]


def test_sendco_expands_to_senco_and_the_full_form():
    built = build_query("what does a sendco do", GROUPS)
    assert [idea.label for idea in built.ideas] == ["sendco"]
    texts = {leaf.query_string for leaf in leaves(built.all_words_query())}
    assert {"senco", "sendco", "special educational needs co ordinator"} <= texts


def test_ehcp_expands_to_phrases():
    built = build_query("EHCP", GROUPS)
    phrases = {leaf.query_string for leaf in leaves(built.all_words_query()) if isinstance(leaf, Phrase)}
    assert phrases == {"ehc plan", "education health and care plan"}


def test_multi_word_glossary_name_is_one_idea():
    built = build_query("ehc plan review", GROUPS)
    assert [idea.label for idea in built.ideas] == ["ehc plan", "review"]
    assert isinstance(built.all_words_query(), And)
    assert isinstance(built.any_words_query(), Or)


def test_word_forms_stand_in_for_stemming():
    assert {"assessment", "assessments", "assessed", "assessing"} <= set(word_forms("assess"))
    assert "assess" in word_forms("assessments")
    assert "decide" in word_forms("deciding")
    assert "stop" in word_forms("stopped")
    assert "asses" not in word_forms("assess")


def test_stop_words_are_dropped_but_not_everything():
    assert [i.label for i in build_query("how do I get help with reading", GROUPS).ideas] == ["reading"]
    assert [i.label for i in build_query("what help is there for my child at school", GROUPS).ideas] == ["school"]
    only_filler = build_query("how do I", GROUPS)
    assert not only_filler.empty  # searched as typed rather than nothing


PAGE_GROUPS = {
    **GROUPS,
    ("not", "working"): SynonymGroup("", [("not", "working"), ("struggling",)], frozenset([7])),
    ("struggling",): SynonymGroup("", [("not", "working"), ("struggling",)], frozenset([7])),
    ("dyslexia",): SynonymGroup("", [("dyslexia",), ("reading", "difficulties")], frozenset([9])),
}


def test_pages_also_searched_as_words_are_ideas_with_their_page():
    built = build_query("sen support isn't working", PAGE_GROUPS)
    idea = built.ideas[-1]
    assert idea.label == "not working" and idea.pages == {7} and ("struggling",) in idea.forms
    texts = {leaf.query_string for leaf in leaves(built.all_words_query())}
    assert {"not working", "struggling"} <= texts


def test_a_misspelt_word_is_read_as_the_closest_known_word():
    vocabulary = {"d": ["dyslexia", "decide"], "s": ["senco", "sendco", "support"]}
    built = build_query("dislexia", PAGE_GROUPS, vocabulary)
    idea = built.ideas[0]
    assert (idea.label, idea.corrected_from, idea.pages) == ("dyslexia", "dislexia", {9})
    assert ("dislexia",) in idea.forms and ("reading", "difficulties") in idea.forms
    assert built.corrected == {"dislexia": "dyslexia"}
    assert not build_query("support", PAGE_GROUPS, vocabulary).corrected  # known words stay


def test_unbalanced_quotes_and_operators_are_plain_words():
    assert tokenise('"ehc plan') == [(("ehc",), False), (("plan",), False)]
    assert tokenise('"ehc plan" x') == [(("ehc", "plan"), True), (("x",), False)]
    built = build_query('NEAR(a b) OR "x AND -y* ^z', GROUPS)
    for leaf in leaves(built.all_words_query()):
        assert isinstance(leaf, (PlainText, Phrase))
        assert all(ch.isalnum() or ch in " '" for ch in leaf.query_string)


def test_clean_query_cuts_and_strips_control_characters():
    assert clean_query("a\x00b\x07c  d") == "a b c d"
    assert len(clean_query("x" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("  ") == ""
    assert build_query("<>!@#$%", GROUPS).empty
