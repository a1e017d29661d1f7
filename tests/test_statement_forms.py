"""Statements: each quote form, the sentence in and the fact out (real spaCy pipeline)."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_mentions
from kg.extract.statements import extract_statements, find_quotes


def said(nlp, text):
    doc = nlp(text)
    statements = extract_statements(doc, extract_mentions(doc))
    for s in statements:
        assert doc.text[s.start : s.end] == s.text
        assert 0.0 <= s.evidence.confidence <= 1.0
    return [(s.kind, s.speaker.text if s.speaker else None, s.text) for s in statements]


def test_speaker_after_quote(nlp):
    assert said(nlp, "“We will rebuild the bridge by spring,” Mayor Jane Roe said.") == [
        ("direct", "Jane Roe", "We will rebuild the bridge by spring,")
    ]


def test_inverted_speaker_after_quote(nlp):
    found = said(nlp, '"The budget is balanced for the first time," said Tom Baker on Monday.')
    assert found == [("direct", "Tom Baker", "The budget is balanced for the first time,")]


def test_speaker_before_colon_quote(nlp):
    found = said(nlp, "Maria Lopez said: “Our clinics will stay open all winter.”")
    assert found == [("direct", "Maria Lopez", "Our clinics will stay open all winter.")]


def test_quote_split_around_the_cue(nlp):
    text = "“The plan is ready,” Ahmed Khan said. “We start building next week.”"
    assert said(nlp, text) == [
        ("direct", "Ahmed Khan", "The plan is ready,"),
        ("direct", "Ahmed Khan", "We start building next week."),
    ]


def test_he_added_colon_in_its_own_paragraph(nlp):
    text = (
        "Police Chief Robert Stone spoke to reporters on Tuesday.\n\nHe added:\n\n"
        "“Nobody was hurt and the roads are open again tonight.”"
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Robert Stone",
        "Nobody was hurt and the roads are open again tonight.",
    )


def test_quote_paragraph_continues_the_last_speaker(nlp):
    text = (
        "“The water is safe to drink,” said Helen Park, the city engineer.\n\n"
        "“We tested every well in the county twice this month.”"
    )
    assert [s[1] for s in said(nlp, text)] == ["Helen Park", "Helen Park"]


def test_multi_paragraph_quote_without_closing_mark(nlp):
    quotes = find_quotes("He said: “First part of it.\n\n“Second part of it,” he said.")
    assert [(q.closed) for q in quotes] == [False, True]


def test_pronoun_resolves_to_the_last_named_person_not_one_inside_the_quote(nlp):
    text = (
        "Sarah Chen met the press on Monday.\n\n"
        "“Let me be clear, President Smith supports this plan,” she said."
    )
    assert said(nlp, text)[-1][1] == "Sarah Chen"


def test_partial_quote_inside_reported_speech(nlp):
    text = "Governor Paul Martin said the talks had “made real progress on wages and pensions.”"
    found = said(nlp, text)
    assert found == [("partial", "Paul Martin", "made real progress on wages and pensions.")]


def test_two_short_partial_quotes_in_one_clause_give_the_clause(nlp):
    text = "Paul Martin said they had “made real progress” that he expected to “grow soon.”"
    found = said(nlp, text)
    assert len(found) == 1 and found[0][:2] == ("partial", "Paul Martin")
    assert found[0][2].startswith("they had “made real progress”")


def test_short_scare_quote_in_reported_speech_gives_the_clause(nlp):
    found = said(nlp, "Dana White said the number of arrests is “too low.”")
    assert found and found[0][0] == "partial" and found[0][1] == "Dana White"
    assert found[0][2].startswith("the number of arrests is")


def test_reported_speech_without_quote_marks(nlp):
    found = said(nlp, "Kevin Ortiz said local officials have been sharing data with the agency.")
    assert found == [
        ("reported", "Kevin Ortiz", "local officials have been sharing data with the agency")
    ]


def test_according_to(nlp):
    found = said(nlp, "According to Linda Park, the factory will reopen in March.")
    assert found == [("reported", "Linda Park", "the factory will reopen in March")]


def test_unnamed_officials_are_not_attributed_to_a_person(nlp):
    text = "Jane Roe runs the agency. “The fire is contained,” officials said."
    assert said(nlp, text) == [("direct", None, "The fire is contained,")]


def test_scare_quotes_and_headline_quotes_are_not_statements(nlp):
    text = "Mayor slams ‘very good’ deal as “a disaster”\n\nThe so-called “reform” passed."
    assert said(nlp, text) == []


def test_transcript_lines(nlp):
    text = "Host Chris Wallace interviewed Mike Pence.\n\nPENCE: Well, look, we will win this race."
    assert said(nlp, text)[-1] == ("direct", "Mike Pence", "Well, look, we will win this race.")


@pytest.mark.parametrize(
    "text",
    ["The Cities’ mayors met. He said “yes", "“", "”Oops“ said", "O’Brien’s “plan’ ‘is” odd."],
)
def test_stray_marks_never_crash(nlp, text):
    said(nlp, text)


def test_coordinated_cue_takes_the_subject_of_the_first(nlp):
    text = (
        "Kevin Ortiz said protesters have been blocking the roads, "
        "and said in a message to them: “You will not stop the work.”"
    )
    assert ("direct", "Kevin Ortiz", "You will not stop the work.") in said(nlp, text)


def test_paragraph_introduced_by_a_colon_cue(nlp):
    text = (
        "Maria Lopez spoke after the vote.\n\nShe added:\n\n"
        "We will keep every clinic open all year."
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Maria Lopez",
        "We will keep every clinic open all year.",
    )


def test_trailing_participle_is_not_part_of_reported_speech(nlp):
    text = "Ann Lee said she reached a deal with the union, signaling a shift in the talks."
    assert said(nlp, text) == [("reported", "Ann Lee", "she reached a deal with the union")]
