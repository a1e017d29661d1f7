"""extract_statements on sentences of many shapes, with the real spaCy pipeline.

Every sentence here is made up for the test; each assertion names the kind, the
speaker (the mention text, or None) and the statement text.
"""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_mentions
from kg.extract.records import Statement
from kg.extract.statements import extract_statements, find_quotes
from kg.nlp import DATELINE, load_pipeline
from tests.support import assert_in_place


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def run(nlp, text: str) -> list[Statement]:
    doc = nlp(text)
    mentions = extract_mentions(doc)
    statements = extract_statements(doc, mentions)
    for s in statements:
        assert_in_place(doc.text, s)
        assert s.kind in ("direct", "partial", "reported")
        assert 0.0 <= s.evidence.confidence <= 1.0
        assert s.evidence.sentence_start <= s.start <= s.evidence.sentence_end
        assert s.evidence.rule
    assert statements == sorted(statements, key=lambda s: (s.start, s.end))
    return statements


def facts(nlp, text: str) -> list[tuple[str, str | None, str]]:
    return [(s.kind, s.speaker.text if s.speaker else None, s.text) for s in run(nlp, text)]


def speakers(nlp, text: str) -> list[str | None]:
    return [s.speaker.text if s.speaker else None for s in run(nlp, text)]


def test_speaker_after_the_quote(nlp):
    found = run(nlp, "“The new bridge will open in June,” Carla Mendes said.")
    assert len(found) == 1
    statement = found[0]
    assert (statement.kind, statement.text) == ("direct", "The new bridge will open in June,")
    assert statement.speaker is not None and statement.speaker.text == "Carla Mendes"
    assert statement.speaker.type == "Person"
    assert statement.cue == "say"


def test_inverted_cue_said_name(nlp):
    found = facts(nlp, '"Our schools need more teachers this year," said Omar Haddad.')
    assert found == [("direct", "Omar Haddad", "Our schools need more teachers this year,")]


def test_speaker_before_with_a_colon(nlp):
    found = facts(nlp, "Greta Lindqvist said: “The harbour will be dredged next spring.”")
    assert found == [("direct", "Greta Lindqvist", "The harbour will be dredged next spring.")]


def test_split_quote_is_one_statement_of_its_speaker(nlp):
    text = "“The trains are late,” Victor Osei said. “We will add two more lines.”"
    assert facts(nlp, text) == [
        ("direct", "Victor Osei", "The trains are late, We will add two more lines."),
    ]
    (statement,) = run(nlp, text)
    assert (statement.start, statement.end) == (1, len(text) - 1)  # the cue between included


def test_quote_split_around_she_said_comma(nlp):
    text = (
        "Nora Quinlan runs the food bank.\n\n"
        "“Demand has doubled since the spring,” she said, “and our shelves are empty.”"
    )
    found = facts(nlp, text)
    # one statement, as a quote split by its cue after a full stop (see the README)
    joined = "Demand has doubled since the spring, and our shelves are empty."
    assert found == [("direct", "Nora Quinlan", joined)]


def test_he_added_colon_then_quote(nlp):
    text = (
        "Fire Chief Marcus Bell spoke on Friday.\n\n"
        "He added: “Every crew is back at the station and nobody was injured.”"
    )
    assert facts(nlp, text)[-1] == (
        "direct",
        "Marcus Bell",
        "Every crew is back at the station and nobody was injured.",
    )


def test_quote_over_two_paragraphs_belongs_to_the_speaker(nlp):
    text = (
        "Council member Priya Nair said: “The budget leaves the libraries without money.\n\n"
        "“We will vote against it on Tuesday and ask for a new draft.”"
    )
    found = facts(nlp, text)
    assert ("direct", "Priya Nair", "The budget leaves the libraries without money.") in found
    assert (
        "direct",
        "Priya Nair",
        "We will vote against it on Tuesday and ask for a new draft.",
    ) in found


def test_unclosed_mark_quotes_to_the_end_of_its_paragraph():
    quotes = find_quotes("She said: “First part of it.\n\n“Second part of it,” she said.")
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[0].end == len("She said: “First part of it.")


def test_closing_mark_typeset_as_opener_starts_a_quote():
    text = "Her notes (”Costs are rising fast”) were read out. ”We will cut the fees,” she said."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["Costs are rising fast", "We will cut the fees,"]
    assert find_quotes("It was over.”Then the rain came.") == []


def test_opening_mark_typeset_as_closer_ends_the_quote(nlp):
    """ "“It is unusual,“ said Roe": an opening mark after the quote's final punctuation and
    before a space closes the quote (it opened the next quote, which ran on to the end)."""
    text = "“It is unusual,“ said Ana Lima, a lawyer. “Apparently not,“ she added."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["It is unusual,", "Apparently not,"]
    assert speakers(nlp, "The race tightened.\n\n" + text)[0] == "Ana Lima"


def test_quote_paragraph_with_no_cue_continues_the_speaker(nlp):
    text = (
        "“We found the leak on Monday,” said Hector Alvarez, the plant manager.\n\n"
        "“The repairs will take at least three weeks to finish.”"
    )
    assert speakers(nlp, text) == ["Hector Alvarez", "Hector Alvarez"]


def test_quote_after_a_sentence_about_the_speaker(nlp):
    text = (
        "Mr. Dobbs calls himself the most careful member of the board. "
        "“Why would I spend money we do not have?”"
    )
    found = facts(nlp, text)
    # "calls himself …" is itself a (reported) self-description
    assert ("direct", "Dobbs", "Why would I spend money we do not have?") in found


def test_partial_quote_inside_reported_speech(nlp):
    text = "Ruth Okafor said they had “made remarkable headway on wages and pensions.”"
    found = facts(nlp, text)
    assert found == [
        ("partial", "Ruth Okafor", "they had “made remarkable headway on wages and pensions.”")
    ]


def test_two_partial_quotes_in_one_clause(nlp):
    # two quotes, together less than half of the reported clause: the clause, once
    text = "Ruth Okafor said they had “made real headway” that she expected to “grow soon.”"
    found = facts(nlp, text)
    assert found == [
        ("partial", "Ruth Okafor", "they had “made real headway” that she expected to “grow soon.”")
    ]


def test_quotes_that_are_most_of_the_clause_stay_quotes(nlp):
    text = "Ruth Okafor said “the budget is a disgrace” and “a betrayal of every family here.”"
    found = facts(nlp, text)
    assert found and all(kind == "partial" for kind, _, _ in found)
    assert ("partial", "Ruth Okafor", "the budget is a disgrace") in found


def test_short_quote_in_a_long_reported_clause_gives_the_clause(nlp):
    # the eval sets' gold keeps the whole reported clause when the quote is a small part of it
    text = "Senator Ruth Okafor said the committee had “made headway” on the budget this week."
    found = facts(nlp, text)
    assert len(found) == 1
    kind, speaker, statement = found[0]
    assert (kind, speaker) == ("partial", "Ruth Okafor")
    assert statement.startswith("the committee had “made headway”")


def test_reported_speech_is_the_complement_clause(nlp):
    text = "Liam Brennan said the county clerks have been sharing records with the state."
    assert facts(nlp, text) == [
        ("reported", "Liam Brennan", "the county clerks have been sharing records with the state")
    ]


def test_reported_speech_told_reporters_that(nlp):
    text = "Mayor Ingrid Holm told reporters that the city would hire forty new nurses."
    found = run(nlp, text)
    assert len(found) == 1
    assert found[0].kind == "reported" and found[0].cue == "tell"
    assert found[0].speaker is not None and found[0].speaker.text == "Ingrid Holm"
    assert found[0].text == "the city would hire forty new nurses"


def test_said_in_a_statement_by_an_organization(nlp):
    text = "The Environmental Protection Agency said in a statement that the river is safe again."
    found = run(nlp, text)
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.type == "Organization"
    assert "Environmental Protection Agency" in found[0].speaker.text
    assert found[0].text == "the river is safe again"


def test_according_to(nlp):
    text = "According to Samuel Adeyemi, the factory will reopen in March."
    assert facts(nlp, text) == [("reported", "Samuel Adeyemi", "the factory will reopen in March")]


def test_he_and_she_resolve_to_the_right_person(nlp):
    text = (
        "Maria Costa and John Whitfield met the press after the vote.\n\n"
        "“This is a good day for the valley,” she said.\n\n"
        "“I still have doubts about the cost of the plan,” he said."
    )
    assert speakers(nlp, text) == ["Maria Costa", "John Whitfield"]


def test_he_prefers_the_fullest_name_of_the_last_speaker(nlp):
    text = (
        "“Prices will fall,” said Daniel Rourke, the bank's chief economist.\n\n"
        "Rourke spoke at a conference in Dublin.\n\n"
        "“Wages will rise next year,” he said."
    )
    assert speakers(nlp, text)[-1] in ("Daniel Rourke", "Rourke")
    assert speakers(nlp, text)[0] == "Daniel Rourke"


def test_role_noun_refers_to_the_titled_person(nlp):
    text = (
        "Governor Alice Brandt signed the bill on Monday.\n\n"
        "“It protects every renter in the state,” the governor said."
    )
    assert speakers(nlp, text)[-1] == "Alice Brandt"


def test_unnamed_officials_are_never_a_person(nlp):
    text = (
        "Ken Walsh heads the agency. “The fire is fully contained now,” officials said. "
        "“The road will stay closed overnight,” a spokesperson said."
    )
    found = facts(nlp, text)
    assert [speaker for _, speaker, _ in found] == [None, None]


def test_cue_verbs_beyond_say(nlp):
    text = (
        "“Nobody should drive tonight,” warned Dr. Hana Sato. "
        "“The storm will pass by morning,” Sato insisted."
    )
    found = run(nlp, text)
    assert [s.cue for s in found] == ["warn", "insist"]
    assert {s.speaker.text for s in found if s.speaker} <= {"Hana Sato", "Sato"}


def test_headline_scare_quotes_and_titles_are_not_statements(nlp):
    text = (
        "Mayor slams ‘very good’ deal as “a disaster”\n\n"
        "The so-called “reform” passed. Critics watched “The Long Night” on Sunday."
    )
    assert run(nlp, text) == []


def test_single_scare_quoted_word_is_no_statement(nlp):
    assert run(nlp, "The plan was described as “ambitious” by the newspaper.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Cities’ mayors met. He said “yes",
        "“",
        "”Oops“ said",
        "O’Brien’s “plan’ ‘is” odd.",
        "Workers’ rights matter, said the union’s leader ‘today.",
        "''It is late,'' said Mr. Ames ''",
    ],
)
def test_stray_marks_and_apostrophes_never_crash(nlp, text):
    run(nlp, text)


def test_apostrophes_do_not_cut_a_quote(nlp):
    text = "“The city’s buses and the Teachers’ union agree,” Rosa Lind said."
    assert facts(nlp, text) == [
        ("direct", "Rosa Lind", "The city’s buses and the Teachers’ union agree,")
    ]


def test_single_marks_inside_double_quotes_stay_inside(nlp):
    text = "“He told me ‘wait until Monday’ and then left,” Ali Demir said."
    assert facts(nlp, text) == [
        ("direct", "Ali Demir", "He told me ‘wait until Monday’ and then left,")
    ]


def test_archive_style_double_apostrophe_quotes(nlp):
    text = "''The tax plan is far too complicated,'' said Walter Greene, an economist."
    assert facts(nlp, text) == [("direct", "Walter Greene", "The tax plan is far too complicated,")]


def test_statements_are_sorted_and_deterministic(nlp):
    text = (
        "“We are ready,” said Tomas Berg. Berg said the team had trained for months. "
        "According to Lena Fischer, the match starts at noon."
    )
    first, second = run(nlp, text), run(nlp, text)
    assert first == second
    assert [s.start for s in first] == sorted(s.start for s in first)
    assert [s.kind for s in first] == ["direct", "reported", "reported"]


def test_second_speech_act_does_not_swallow_the_first_clause(nlp):
    text = (
        "Mayor Ingrid Holm said the city would hire forty new nurses, and said in a message "
        "to staff: “Every ward will be fully staffed by the end of the year.”"
    )
    found = facts(nlp, text)
    assert ("reported", "Ingrid Holm", "the city would hire forty new nurses") in found
    assert any(
        kind == "direct" and text.startswith("Every ward will be fully staffed")
        for kind, _, text in found
    )


def test_several_short_quotes_in_one_reported_clause(nlp):
    text = (
        "The fence brings “security” to the valley and has cut “hostile incidents,” "
        "Pablo Herrera said."
    )
    found = facts(nlp, text)
    assert len(found) == 1
    kind, speaker, statement = found[0]
    assert (kind, speaker) == ("partial", "Pablo Herrera")
    assert "“security”" in statement and "hostile incidents" in statement


def test_partial_quote_ending_a_sentence_takes_no_cue_from_the_next(nlp):
    text = (
        "Karen Dietz toured the new wall on Monday, calling it the “safest border in our "
        "history.” She said the county would add twelve more guards next spring."
    )
    found = facts(nlp, text)
    assert ("reported", "Karen Dietz", "the county would add twelve more guards next spring") in (
        found
    )


def test_object_of_an_attribution_verb_is_reported_speech(nlp):
    text = (
        "Senator Ruth Okafor called for a full review of the hospital contracts. "
        "Okafor urged the governor to release the audit before the vote."
    )
    found = facts(nlp, text)
    assert ("reported", "Ruth Okafor", "a full review of the hospital contracts") in found
    assert any(
        kind == "reported" and speaker in ("Okafor", "Ruth Okafor") and "release the audit" in t
        for kind, speaker, t in found
    )


def test_object_cue_without_a_speaker_gives_nothing(nlp):
    assert run(nlp, "Critics called for a full review of the hospital contracts.") == []


def test_it_said_is_the_organization_last_named_as_subject(nlp):
    text = (
        "Northgate Power restored electricity to most homes on Sunday.\n\n"
        "“Crews will work through the night to reach the last few streets,” it said."
    )
    found = run(nlp, text)
    assert found and found[-1].speaker is not None
    assert found[-1].speaker.text == "Northgate Power"


def test_surname_before_a_cue_the_tagger_missed(nlp):
    text = (
        "The review was written by Murray Sinclair.\n\n"
        "“The board failed to act on these reports for many years,” Sinclair states. "
        "“It must be replaced.”"
    )
    found = speakers(nlp, text)
    assert found and all(s in ("Sinclair", "Murray Sinclair") for s in found)


def test_surname_after_a_cue_the_tagger_missed(nlp):
    text = (
        "Data Team\n\nBill Skelly runs the data team. "
        "“Having access to the file is valuable,” said Skelly, explaining he worked closely "
        "with others."
    )
    assert speakers(nlp, text) == ["Bill Skelly"]


def test_surname_the_tagger_took_for_a_common_noun_written_with_a_first_name(nlp):
    text = (
        "Wall Talk\n\nFox News host Sean Hannity asked about the wall. "
        "“They said it is negotiable on the wall,” Hannity said in reference to the plan."
    )
    assert speakers(nlp, text) == ["Sean Hannity"]
    # a capitalised word the article also writes in lower case is no name
    text = (
        "Wall Talk\n\nThe Border Officials met the officials of the town. "
        "“It is negotiable on the wall,” Officials said in reference to the plan."
    )
    assert "Border Officials" not in speakers(nlp, text)


def test_speaker_the_parser_made_the_head_of_the_cue_or_the_object_of_as(nlp):
    text = (
        "Debate Night\n\nThe issue came up on Friday. Mark Dobbins, the 2012 Republican "
        "presidential nominee, tweeted in response: ''Important distinction: our leaders "
        "fight terrorists.''"
    )
    assert speakers(nlp, text) == ["Mark Dobbins"]
    text = (
        "Court Fight\n\nThe seat is open. As Arun Mehta, professor of constitutional law at "
        "Yale and author of a book, put it, ''Senate Republicans should remember that a "
        "compromise candidate today may be better.''"
    )
    assert speakers(nlp, text) == ["Arun Mehta"]


def test_speaker_whose_phrase_ends_at_a_cue_with_no_subject(nlp):
    text = (
        "Nevada Unrest\n\nThe meeting ended late. Alarmed by the unrest in Nevada, Senator "
        "Harold Reed, the minority leader, said that he spoke with Mr. Sanders on Tuesday."
    )
    assert speakers(nlp, text) == ["Harold Reed"]


def test_a_date_the_parser_made_the_subject_is_no_speaker(nlp):
    from spacy.tokens import Doc

    from kg.extract.records import Mention
    from kg.extract.speakers import SpeakerFinder

    # the parse of a real sentence: "Saturday" the subject, the senator an apposition
    words = "Saturday at the convention Sen. Ellen Warde said the plan failed .".split()
    heads = [7, 0, 3, 1, 6, 6, 3, 7, 9, 10, 7, 7]
    deps = "nsubj prep det pobj compound compound appos ROOT det nsubj ccomp punct".split()
    tags = "NNP IN DT NN NNP NNP NNP VBD DT NN VBD .".split()
    pos = "PROPN ADP DET NOUN PROPN PROPN PROPN VERB DET NOUN VERB PUNCT".split()
    lemmas = "Saturday at the convention Sen. Ellen Warde say the plan fail .".split()
    ents = ["B-DATE"] + ["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = Doc(
        nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas, ents=ents
    )
    start = doc[5].idx
    warde = Mention("Ellen Warde", "Person", start, doc[6].idx + len("Warde"))
    finder = SpeakerFinder(doc, doc.text, [warde], [])
    assert finder.for_cue(doc[7])[0] == warde


def test_quote_signed_with_a_dash_and_a_name(nlp):
    text = (
        "Readers told us what they think of the plan.\n\n"
        "“The council must fix the roads before the winter comes.” ― Marta Okonkwo\n"
        "“Our neighbourhood deserves better bus service than this.” — Pavel Hrubý"
    )
    assert speakers(nlp, text) == ["Marta Okonkwo", "Pavel Hrubý"]


def test_name_in_apposition_to_a_description_is_the_speaker(nlp):
    text = (
        "Liam Ostrander won the regional prize last year. "
        "“He practised every single night for months,” says Ostrander’s dad, Darrin."
    )
    assert speakers(nlp, text)[-1] == "Darrin"


def test_described_resident_after_an_inverted_cue_is_the_person_named(nlp):
    text = (
        "There is real joy in finishing a project, insists Tomasz Wierzbicki. "
        "“It takes months and months of patient work,” says the self-taught Winnipeg resident."
    )
    assert speakers(nlp, text)[-1] == "Tomasz Wierzbicki"


def test_quote_signed_with_a_trailing_no_break_space(nlp):
    text = (
        "“The ferry must run every hour in summer,” Maria Castillo said.\n"
        "“Our market needs a covered hall for the rainy months.”\u2015 Tobias Renner\u00a0\n"
    )
    assert speakers(nlp, text) == ["Maria Castillo", "Tobias Renner"]


def test_transcript_label_of_a_speaker_named_only_by_the_label(nlp):
    text = (
        "Senator Dana Whitlock spoke to a radio host on Sunday. A partial transcript:\n\n"
        "HOSTETTER: Will you support the harbour bill when it comes to a vote next week?\n\n"
        "WHITLOCK: I will vote for it, because the harbour needs new cranes and deeper berths.\n\n"
        "HOSTETTER: And what do you say to the fishermen who oppose the dredging plan?\n\n"
        "UPDATE: The vote was moved to Thursday after a request from the committee chair.\n\n"
        "UPDATE: The committee chair later said the vote would take place on Friday morning.\n"
    )
    found = speakers(nlp, text)
    assert found[:3] == ["HOSTETTER", "Dana Whitlock", "HOSTETTER"]
    assert "UPDATE" not in found


HEADLINE_BODY = (
    "\n\nMayor Hana Okafor spoke on Tuesday at the opening of the new depot. "
    "The city will buy forty buses this year, officials said."
)


@pytest.mark.parametrize(
    ("headline", "content"),
    [
        ("Okafor: Buses Will Run All Night.", "Buses Will Run All Night"),
        ("Okafor Says Buses Will Run All Night.", "Buses Will Run All Night"),
        ("Buses Will Run All Night, Hana Okafor Says.", "Buses Will Run All Night"),
        ("Hana Okafor Calls Depot ‘A Landmark’ For The City.", "Depot ‘A Landmark’ For The City"),
    ],
)
def test_headline_that_attributes(nlp, headline, content):
    found = run(nlp, headline + HEADLINE_BODY)
    first = [s for s in found if s.evidence.rule == "headline"]
    assert len(first) == 1 and first[0].text == content
    assert first[0].speaker is not None and first[0].speaker.text.endswith("Okafor")


@pytest.mark.parametrize(
    "headline",
    [
        "Poll: Buses Will Run All Night.",
        "Okafor Comment Sparks Debate.",
        "Okafor’s Plan: More Buses.",
    ],
)
def test_headline_that_does_not_attribute(nlp, headline):
    assert not [s for s in run(nlp, headline + HEADLINE_BODY) if s.evidence.rule == "headline"]


def test_reported_clause_split_in_two_by_the_parser_is_one_statement(nlp):
    text = (
        "Reyes went on to explain how he believes cuts to school spending left his and other "
        "teachers' classes crowded when trying to teach."
    )
    found = facts(nlp, text)
    assert found == [
        (
            "reported",
            "Reyes",
            "how he believes cuts to school spending left his and other teachers' classes "
            "crowded when trying to teach",
        )
    ]


def test_naming_verb_with_an_object_complement_reports_the_name_given(nlp):
    found = facts(nlp, "Jones has called the stadium plan a waste of public money.")
    assert found == [("reported", "Jones", "the stadium plan a waste of public money")]
    assert facts(nlp, "Jones called the police after the crash on Main Street.") == []


def test_describe_with_its_object_after_it_reports_object_and_description(nlp):
    found = facts(nlp, "Ms. Ortiz described the budget as a waste of money.")
    assert found == [("reported", "Ortiz", "the budget as a waste of money")]
    text = "The talks began after what Ms. Ortiz described as a productive call with the mayor."
    assert facts(nlp, text) == []


def test_responded_by_or_with_reports_the_response(nlp):
    text = "Jones responded by pointing to the old bridge as proof that new rules are not needed."
    assert facts(nlp, text) == [
        ("reported", "Jones", "pointing to the old bridge as proof that new rules are not needed")
    ]
    text = "Jones has responded with attacks on the mayor and the council."
    assert facts(nlp, text) == [("reported", "Jones", "attacks on the mayor and the council")]


def test_split_quote_with_a_long_description_of_the_speaker(nlp):
    text = (
        "“The levy is a mistake,” said Walter Brennan, a former director of the regional "
        "planning office and now a senior fellow at a research institute in the capital. "
        "“It will raise rents for every small shop in the district.”"
    )
    assert speakers(nlp, text) == ["Walter Brennan"]
    assert run(nlp, text)[0].text.endswith("in the district.")


def test_quote_closed_by_a_less_common_speech_verb(nlp):
    text = (
        "“Every time you say that, you help the people who want to close the mill,” Dana "
        "Whitlock said.\n\n"
        "“Why is this not clear proof that the mill is too big to manage?” Carl Jensen wondered."
    )
    assert speakers(nlp, text) == ["Dana Whitlock", "Carl Jensen"]


def test_cue_after_a_quote_needs_a_verb_ending(nlp):
    # "yellow" is not a form of "yell"
    text = (
        "With signs reading “Save the old mill” and “The council is a sham,” about 100 "
        "protesters in yellow vests rallied outside city hall on Saturday."
    )
    assert run(nlp, text) == []


def test_demanded_right_after_a_quote_is_a_cue(nlp):
    text = (
        "“Every time you say that, you help the people who want to close the mill,” Dana "
        "Whitlock said.\n\n"
        "“Why is this not clear proof that the mill is too big to manage?” Carl Jensen demanded."
    )
    assert speakers(nlp, text) == ["Dana Whitlock", "Carl Jensen"]
    assert facts(nlp, "Each letter demanded a payment of $500 in cash from the shop owners.") == []


def test_attacked_and_bragged_about_report_their_object(nlp):
    found = facts(nlp, "Jones attacked the mayor for her support of the new stadium.")
    assert found == [("reported", "Jones", "the mayor for her support of the new stadium")]
    found = facts(nlp, "Jones often brags about his record in the county debates.")
    assert found == [("reported", "Jones", "his record in the county debates")]


def test_reported_object_without_the_writers_trailing_relative_clause(nlp):
    text = (
        "Senator Omar Reyes has acknowledged the danger of the flooding, which makes him "
        "something of an outlier among his colleagues."
    )
    assert facts(nlp, text) == [("reported", "Omar Reyes", "the danger of the flooding")]


def test_reported_object_ending_in_a_quote_keeps_its_closing_mark(nlp):
    found = facts(nlp, 'Jones attacked the mayor for her "reckless spending."')
    assert found == [("reported", "Jones", 'the mayor for her "reckless spending."')]
    text = (
        "The council met on Monday. Senator Omar Reyes questioned the mayor's “fuzzy math” "
        "and her record on the flooding."
    )
    assert facts(nlp, text)[0][1:] == ("Omar Reyes", "the mayor's “fuzzy math”")


def test_passive_object_cue_is_credited_to_the_agent(nlp):
    text = "Mayor Hana Okafor was criticized by Senator Omar Reyes for her handling of the flood."
    found = facts(nlp, text)
    assert found and all(speaker == "Omar Reyes" for _, speaker, _ in found)
    text = "Mayor Hana Okafor was criticized for her handling of the flood."
    assert facts(nlp, text) == []


def test_passive_reporting_verb_is_not_credited_to_the_one_told(nlp):
    text = "Mayor Hana Okafor was told that the bridge would close for the whole winter."
    assert facts(nlp, text) == []


def test_according_to_in_mid_sentence_sources_the_clause_before_it(nlp):
    text = (
        "The top earners would see their incomes rise by 12 percent, according to the "
        "Harbor Institute, more than twice the gain for the middle class."
    )
    found = facts(nlp, text)
    assert [s for _, _, s in found] == [
        "The top earners would see their incomes rise by 12 percent"
    ]
    # a subject alone before the source is part of the clause sourced after it
    text = "Shelter residents, according to the new survey, are afraid of losing their beds."
    assert [s for _, _, s in facts(nlp, text)] == [
        "Shelter residents are afraid of losing their beds"
    ]


def test_quoted_transcript_turn_runs_over_its_reopened_paragraphs(nlp):
    text = (
        "Senator Dana Whitlock spoke to a radio host on Sunday. A partial transcript:\n\n"
        '"HOSTETTER: Will you support the harbour bill when it comes to a vote next week?\n\n'
        '"WHITLOCK: I will vote for it, because the harbour needs new cranes.\n\n'
        '"The fishermen have waited long enough for deeper berths and a safer channel.\n\n'
        '"HOSTETTER: And what do you say to the people who oppose the dredging plan?\n'
    )
    found = [(s.speaker.text if s.speaker else None, s.text) for s in run(nlp, text)]
    assert (
        "Dana Whitlock",
        "I will vote for it, because the harbour needs new cranes.\n\n"
        '"The fishermen have waited long enough for deeper berths and a safer channel.',
    ) in found
    assert len(found) == 3


def test_title_of_a_show_in_quotes_is_not_a_statement(nlp):
    text = "Jones told the hosts of “The Morning Harbour Show,” that the bridge would reopen."
    assert all("Morning Harbour" not in s for _, _, s in facts(nlp, text))
    text = "Jones said the plan was “a waste of public money” for the town."
    assert facts(nlp, text)


def test_a_title_set_off_after_a_noun_names_a_work(nlp):
    text = (
        "Jones spoke on Monday.\n\nIn her memoir, “A Harbour for Us All,” published in 2015, "
        "Jones wrote that the bridge had shaped the town."
    )
    assert all("Harbour for Us" not in s for _, _, s in facts(nlp, text))
    text = (
        "Lund, a contestant on the quiz show, “The Bright Hour,” who later worked for the "
        "network, said the host was kind."
    )
    assert all("Bright Hour" not in s for _, _, s in facts(nlp, text))
    # nor is a title whose first word the parser read as a verb the clause a cue reports
    text = (
        "Jones spoke on Monday.\n\nIn her 2012 book, ''Make Your Town a Garden,'' Ms. Jones "
        "suggested looking at the empty lots on every street and asking this: Would we rather "
        "have weeds?"
    )
    assert all("Your Town" not in s for _, _, s in facts(nlp, text))
    # after a cue, or ending its sentence, Title Case is still what was said
    text = "Jones said, “We Will Build It,” and walked off the stage."
    assert ("direct", "Jones", "We Will Build It,") in facts(nlp, text)


def test_partial_quote_in_a_nested_cue_gives_the_outer_reported_clause(nlp):
    text = (
        "Jones said during a rally in Dover that Smith once described the treaty as “the gold "
        "standard” of trade deals when she was in office."
    )
    found = facts(nlp, text)
    assert len(found) == 1 and found[0][1] == "Jones"
    assert found[0][2].startswith("Smith once described the treaty as “the gold standard”")


def test_adverbial_clause_hung_on_the_cue_belongs_to_the_reported_clause(nlp):
    text = (
        "Gowdy said that claim smacked of hypocrisy, because Democrats have been at the "
        "forefront of questioning the decisions."
    )
    found = facts(nlp, text)
    assert len(found) == 1 and found[0][1] == "Gowdy"
    assert found[0][2].endswith(
        "because Democrats have been at the forefront of questioning the decisions"
    )


def test_reported_that_clause_after_the_cue_beats_a_fronted_clause(nlp):
    found = facts(
        nlp,
        "Writing for a city panel that all agreed Brandt won the vote, Lena Ortiz noted that "
        "the way Brandt spoke was critical to his success.",
    )
    assert ("reported", "Lena Ortiz", "the way Brandt spoke was critical to his success") in found


def test_weak_cue_reports_a_that_clause(nlp):
    found = facts(
        nlp, "Mayor Tomas Reyes agreed that the zoning rules should be modernized before spring."
    )
    assert found == [
        ("reported", "Tomas Reyes", "the zoning rules should be modernized before spring")
    ]
    assert facts(nlp, "Mayor Tomas Reyes agreed to meet the council before spring.") == []


def test_cue_mistagged_as_a_noun_after_a_name(nlp):
    found = facts(nlp, "Mendez charges that the firms donated millions to the foundation.")
    assert found == [("reported", "Mendez", "the firms donated millions to the foundation")]


def test_object_cue_keeps_a_coordinated_wh_clause(nlp):
    found = facts(
        nlp,
        "Judge Ana Ruiz spoke of the legacy of the mills, built on cheap labor, and how the "
        "town slowly recovered after they closed.",
    )
    assert found == [
        (
            "reported",
            "Ana Ruiz",  # the title is no part of the name
            "the legacy of the mills, built on cheap labor, and how the town slowly recovered "
            "after they closed",
        )
    ]


def test_coordinated_content_is_a_gerund_or_wh_clause_not_a_second_act(nlp):
    from kg.extract.reported_speech import _coordinated_content

    doc = nlp("Paul Brandt has mentioned refinancing farm loans and forcing lenders to cut fees.")
    assert _coordinated_content(next(t for t in doc if t.text == "forcing"))
    doc = nlp("Paul Brandt vowed to cut fees and established a panel to review them.")
    assert not _coordinated_content(next(t for t in doc if t.text == "established"))


def test_headline_name_on_topic_colon(nlp):
    text = (
        "Okafor on Trade: Tariffs Will Hurt Farmers.\n\n"
        "Mr. Okafor spoke to growers in the valley on Monday about the harvest.\n"
    )
    found = [f for f in facts(nlp, text) if f[2].startswith("Tariffs")]
    assert found == [("reported", "Okafor", "Tariffs Will Hurt Farmers")]


def test_headline_sees(nlp):
    text = (
        "Okafor Sees 'Grave Risk' if Tariffs Rise Again.\n\n"
        "Jane Okafor spoke to growers in the valley on Monday about the harvest.\n"
    )
    found = [f for f in facts(nlp, text) if f[2].startswith("'Grave")]
    assert found == [("reported", "Jane Okafor", "'Grave Risk' if Tariffs Rise Again")]


def test_characterizing_cue_with_its_name_given(nlp):
    found = facts(nlp, "Senator Paul Brandt has portrayed himself as a friend of small farmers.")
    assert found == [("reported", "Paul Brandt", "himself as a friend of small farmers")]
    found = facts(nlp, "Mayor Ruth Olsen likened the new levy to a tax on commuters.")
    assert found == [("reported", "Ruth Olsen", "the new levy to a tax on commuters")]
    assert facts(nlp, "Mayor Ruth Olsen compared prices at the two markets.") == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Governor Lena Ortiz encouraged residents to conserve water this summer.",
            "residents to conserve water this summer",
        ),
        (
            "Governor Lena Ortiz stressed the need to repair the old dam.",
            "the need to repair the old dam",
        ),
        (
            "Governor Lena Ortiz bemoaned the long delays at the border.",
            "the long delays at the border",
        ),
        (
            "Governor Lena Ortiz noted the rise in rents across the county.",
            "the rise in rents across the county",
        ),
    ],
)
def test_more_object_cues(nlp, sentence, content):
    assert facts(nlp, sentence) == [("reported", "Lena Ortiz", content)]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Last year, Paul Brandt dismissed the island of Elba as a “backyard of Italy” — a "
            "remark that angered many.",
            "the island of Elba as a “backyard of Italy”",
        ),
        (
            "Former Governor Paul Brandt criticized the Clean Water Act as a “broken law” during "
            "a campaign stop in Dover, Del., for his son.",
            "the Clean Water Act as a “broken law”",
        ),
    ],
)
def test_object_content_stops_at_a_gloss_or_occasion(nlp, sentence, content):
    assert [f[2] for f in facts(nlp, sentence) if f[0] == "reported"] == [content]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "According to the most recent figures from Statistics Norway, the jobless rate of "
            "young workers fell to 3 percent.",
            "Statistics Norway",
        ),
        (
            "According to Greenfield Transit's annual report, ridership on the city buses rose by "
            "12 percent last year.",
            "Greenfield Transit",
        ),
    ],
)
def test_according_to_a_document_credits_its_owner(nlp, sentence, source):
    assert speakers(nlp, sentence) == [source]


def test_according_to_with_the_clause_parsed_as_an_apposition(nlp):
    found = facts(
        nlp,
        "According to conservative radio host Dale Pruitt, the plan reeks of “panic” and haste.",
    )
    assert found == [("reported", "Dale Pruitt", "the plan reeks of “panic” and haste")]


def test_reported_clause_runs_over_a_sentence_split_mid_line(nlp):
    # the parser ends a sentence after "13th"; no mark closes it and the line goes on
    found = facts(
        nlp, "Pruitt said he felt the 13th Precinct had been ignored by the council for years."
    )
    assert found == [
        (
            "reported",
            "Pruitt",
            "he felt the 13th Precinct had been ignored by the council for years",
        )
    ]


def test_tell_someone_to_do_something(nlp):
    found = facts(nlp, "Mayor Ruth Olsen told her aides to find a way to cut the budget.")
    assert found == [("reported", "Ruth Olsen", "her aides to find a way to cut the budget")]
    assert facts(nlp, "Mayor Ruth Olsen told the story of the old mill.") == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Senator Maria Olsen cited the closures of two rural hospitals to help explain her "
            "vote on the bill.",
            "the closures of two rural hospitals",
        ),
        (
            "Governor Paul Brandt called on the council to approve the budget.",
            "the council to approve the budget",
        ),
    ],
)
def test_object_content_leaves_out_a_purpose_infinitive(nlp, sentence, content):
    # the purpose may be a speech act of its own ("to help explain her vote"), as PolNeAR
    # counts it; the cue's content stops before it either way
    reported = [f[2] for f in facts(nlp, sentence) if f[0] == "reported"]
    assert reported[0] == content


def test_reported_content_runs_on_past_a_colon_that_spells_it_out(nlp):
    found = facts(
        nlp,
        "Economist Jane Roe said the city faces three problems: traffic is getting worse, "
        "rents are rising and schools are crowded.",
    )
    assert [f[2] for f in found if f[0] == "reported"] == [
        "the city faces three problems: traffic is getting worse, rents are rising and "
        "schools are crowded"
    ]
    # a quote after the colon is a statement of its own
    found = facts(nlp, "Mayor Paul Brandt said the plan had one goal: “Fewer cars.”")
    assert ("direct", "Paul Brandt", "Fewer cars.") in found


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "In a speech in Dover on Friday, Maria Olsen laid out her plans to expand rural "
            "broadband.",
            "her plans to expand rural broadband",
        ),
        (
            "Maria Olsen is raising questions about the cost of the new stadium.",
            "the cost of the new stadium",
        ),
        ("Maria Olsen voiced concerns over the plan to close the clinic.", "the plan to close"),
        ("Maria Olsen laid the groundwork for a run.", None),
        ("Maria Olsen raised money for the campaign.", None),
    ],
)
def test_phrasal_and_noun_object_cues(nlp, sentence, content):
    found = [f[2] for f in facts(nlp, sentence) if f[0] == "reported"]
    assert found == ([] if content is None else [found[0]])
    assert content is None or found[0].startswith(content)


def test_object_content_stops_at_a_spaced_hyphen_gloss(nlp):
    found = facts(
        nlp,
        'Another critic, Maria Olsen, likened the tax to "robbing the poor" - a charge that '
        "stung the mayor.",
    )
    assert [f[2] for f in found if f[0] == "reported"] == ['the tax to "robbing the poor"']


def test_reported_clause_parsed_as_an_adverbial_after_an_occasion(nlp):
    found = facts(
        nlp, "Maria Olsen said after the meeting she would not accept the offer if it were made."
    )
    assert ("reported", "Maria Olsen", "she would not accept the offer if it were made") in found
    assert [f for f in facts(nlp, "Maria Olsen left after the meeting when she was told.")] == []


def test_quote_after_a_no_break_space_as_read_from_a_file(nlp):
    """A no-break space before the quote ("Monday.\u00a0“…”"), as web articles have it:
    the text as read gives the quote its speaker and its continuation after "Roe said."."""
    from kg.documents import decode_text

    raw = (
        "Jo Roe lost the case on Monday.\u00a0\u201cThis has to stop,\u201d Roe said. "
        "\u201cOur system cannot work this way.\u201d"
    )
    found = facts(nlp, decode_text(raw.encode()))
    assert [(kind, speaker) for kind, speaker, _ in found] == [("direct", "Jo Roe")]
    assert found[0][2].startswith("This has to stop") and found[0][2].endswith("this way.")


def test_wire_dateline_is_not_the_speaker(nlp):
    """ "LONDON (Reuters) - Jo Roe said …": the dateline ends at its dash, so the place and
    the agency are no second subject of "said"."""
    text = "LONDON (Reuters) - Jo Roe said he was unlikely to have a good relationship with Bo."
    assert speakers(nlp, text) == ["Jo Roe"]
    text = "RENO, Nev. (AP) — Jo Roe said the plan would fail in the spring."
    assert speakers(nlp, text) == ["Jo Roe"]


def test_a_dated_or_title_case_wire_dateline_is_not_the_speaker(nlp):
    """ "DALTON, Nov. 19 (UPI) — …" (a date before the agency) and "Dalton (AFP) – …" (a
    place in title case, with its agency) are datelines too."""
    text = (
        "DALTON, July 19 (UPI) — Former Attorney General Jo Roe told delegates that the plan"
        " should be dropped."
    )
    assert speakers(nlp, text) == ["Jo Roe"]
    dateline = DATELINE.match(text)
    assert dateline is not None and (dateline["place"], dateline["agency"]) == ("DALTON", "UPI")
    text = (
        "Dalton (AFP) – Mayor Jo Roe has taken a swipe at her rival, saying that the plan"
        " would fail in the spring."
    )
    assert speakers(nlp, text) == ["Jo Roe"]


def test_the_object_of_told_is_the_hearer(nlp):
    """“…,” Roe, 58, told Acme News: with no subject parsed, the name after "told" is the
    one spoken to, not the speaker."""
    text = (
        "Jo Ramos hosts the show. \u201cWe were tremendously wrong to not have confronted him"
        " from the beginning,\u201d Ramos, 58, told AFP in an interview in Vetch on Monday."
    )
    assert speakers(nlp, text) == ["Jo Ramos"]


def test_name_and_apposition_before_the_cue_with_no_subject_parsed(nlp):
    """“…,” Jo Roe, a top Acme adviser, said: where the parser read the name into the
    quote, the person before the apposition is the speaker."""
    text = (
        "\u201cIt is not the position that everything is hunky-dory,\u201d Gene Varga, a top"
        " outside Jo Roe adviser, said at a recent event on the economy in Iowa."
    )
    assert speakers(nlp, text) == ["Gene Varga"]


def test_quotation_mark_typed_against_the_cue(nlp):
    """'Jo Roe said,“Look, …”': the mark typed without a space is its own token, so the
    quote has its cue and its speaker (also after a colon and for a straight mark)."""
    for text in (
        "Jo Roe said,\u201cLook, these images have no place in a campaign.\u201d",
        "Jo Roe said:\u201cLook, these images have no place in a campaign.\u201d",
        'Jo Roe said,"Look, these images have no place in a campaign."',
    ):
        assert facts(nlp, text) == [
            ("direct", "Jo Roe", "Look, these images have no place in a campaign.")
        ]


def test_manner_of_speaking_after_a_quote(nlp):
    """“Get out,” Jo Lund growled: a verb of manner is a cue right after a quote."""
    assert speakers(nlp, "\u201cGet out,\u201d Jo Lund growled at the reporters.") == ["Jo Lund"]
    assert speakers(nlp, "\u201cThat is a lie,\u201d Jo Lund fumed on Monday.") == ["Jo Lund"]


def test_speaker_after_describing_words_after_the_cue(nlp):
    """“…,” said retired neurosurgeon Jo Roe, asked about …: the describing words before
    the name are no speaker, the name after them is."""
    text = (
        '"I am not going to say it is a mistake, so forget about it," said retired'
        " neurosurgeon Ben Varga, asked about his claims."
    )
    assert speakers(nlp, text)[0] == "Ben Varga"
