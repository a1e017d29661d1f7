"""Statements: each quote form, the sentence in and the fact out (real spaCy pipeline)."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_mentions
from kg.extract.statements import extract_statements, find_quotes
from tests.support import assert_in_place


def said(nlp, text):
    doc = nlp(text)
    statements = extract_statements(doc, extract_mentions(doc))
    for s in statements:
        assert_in_place(doc.text, s)
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
        ("direct", "Ahmed Khan", "The plan is ready, We start building next week."),
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
    # the reported clause that holds the quote, as both golds annotate it
    text = "Governor Paul Martin said the talks had “made real progress on wages and pensions.”"
    found = said(nlp, text)
    assert found == [
        ("partial", "Paul Martin", "the talks had “made real progress on wages and pensions.”")
    ]


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


def test_pronoun_after_a_new_reported_speaker_is_not_the_quotes_first_pass_speaker(nlp):
    text = (
        "“The river will flood again this spring,” said Tomas Varga.\n\n"
        "Ilse Dravnieks, a hydrologist, noted that the old dams have not been inspected.\n\n"
        "“Nobody has repaired them since the war,” she said."
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Ilse Dravnieks",
        "Nobody has repaired them since the war,",
    )


def test_known_surname_tagged_as_a_common_noun_is_the_speaker(nlp):
    text = (
        "Commissioner Ruth Banks released her report on Monday.\n\n"
        '"The board failed in its duty to the public in every single case," Banks writes.'
    )
    assert said(nlp, text)[-1][1] in ("Banks", "Ruth Banks")


def test_surname_lookup_ignores_an_invisible_character(nlp):
    from kg.extract.speakers import SpeakerFinder

    doc = nlp("Lena Vogt led the talks for the union.")
    finder = SpeakerFinder(doc, doc.text, extract_mentions(doc), [])
    found = finder.person_by_surname("Vogt\u200b", len(doc.text))
    assert found is not None and found.text == "Lena Vogt"


def test_full_name_gender_is_not_taken_from_a_namesake(nlp):
    text = (
        "“The clinic is short of staff,” said Ana Reyes.\n\n"
        "Mr. Dorsey, the clinic's owner, did not reply.\n\n"
        "Mary Dorsey, a nurse at the clinic, agreed with Reyes.\n\n"
        "“We work double shifts every single week,” she said."
    )
    assert said(nlp, text)[-1][1] == "Mary Dorsey"


def test_name_in_apposition_inside_the_subject_phrase_counts_as_subject(nlp):
    text = (
        "“The attacks came from one group,” said analyst Jason Pratt.\n\n"
        "Director, security research at cybersecurity firm Norvex, Daniel Hale, "
        "agreed with this finding.\n\n"
        "“We believe it is the same gang,” he confirmed."
    )
    assert said(nlp, text)[-1][1] == "Daniel Hale"


def test_bare_surname_the_tagger_left_unmarked_is_a_person_for_pronouns(nlp):
    from kg.extract.records import Mention
    from kg.extract.speakers import SpeakerFinder

    doc = nlp("Rita Okafor lost her job in May. Okafor was afraid to tell anyone.")
    full = Mention("Rita Okafor", "Person", 0, 11)
    finder = SpeakerFinder(doc, doc.text, [full], [])
    assert [(m.text, m.start) for m in finder.people] == [("Rita Okafor", 0), ("Okafor", 33)]


def test_bare_surname_takes_the_gender_of_its_full_names_first_name(nlp):
    text = (
        "“We met at a bar downtown,” said Laura Brandt.\n\n"
        "Brandt first told Mark Vance that she loved him in the spring.\n\n"
        "“I love you too,” he said."
    )
    assert said(nlp, text)[-1][1] == "Mark Vance"


def test_unlabelled_proper_noun_subject_with_a_description_is_a_person(nlp):
    from kg.extract.speakers import SpeakerFinder

    doc = nlp("Siti, a fisher from the coast, was at sea when the wave hit.")
    assert [m.text for m in SpeakerFinder(doc, doc.text, [], []).people] == ["Siti"]
    doc = nlp("Hypertension is the leading cause of strokes in the region.")
    assert SpeakerFinder(doc, doc.text, [], []).people == []


def test_pronoun_after_another_persons_name_is_no_gender_evidence(nlp):
    text = (
        "“The talks will fail again this winter,” said Boris Lem.\n\n"
        "Irena Volkova, an analyst in Riga, noted that Putin’s stance stems from his view "
        "of the West.\n\n"
        "“The pressure will only grow from here on,” she said."
    )
    assert said(nlp, text)[-1][1] == "Irena Volkova"


def test_inverted_cue_object_is_a_speaker_and_a_distant_title_is_not_a_name(nlp):
    text = (
        "“We print every comic in this shop,” said owner Carl Mertens.\n\n"
        "There is a real joy in finishing a comic, insists 16-year-old Milo Brandt, no matter "
        "how many copies you sell. “It’s months and months of drawing panels and fixing "
        "mistakes,” says the self-taught artist, who sold 40 copies of his war comic, "
        "The Iron Soldier."
    )
    assert said(nlp, text)[-1][1] == "Milo Brandt"


def test_organization_description_is_the_company_last_named_as_subject(nlp):
    text = (
        "Norvex Systems said on Friday that the attacks had stopped.\n\n"
        "“We found no sign of stolen data in any of the logs,” the security firm wrote in a "
        "blog post."
    )
    assert said(nlp, text)[-1][1] == "Norvex Systems"


def test_organization_description_can_be_a_source_named_by_according_to(nlp):
    text = (
        "The richest tenth paid half of all taxes in 2013, according to the Fiscal Research "
        "Bureau.\n\nThe middle fifth paid nine percent of all taxes, the agency said in a June "
        "report."
    )
    assert said(nlp, text)[-1][1] == "Fiscal Research Bureau"


def test_quote_split_by_a_long_cue_sentence_about_the_speaker(nlp):
    text = (
        "“Every publisher turned me down,” says local cartoonist Omar Haddad, whose hero in "
        "Skyrider uses a wheelchair and is modelled on his own life as a young man growing up "
        "in the north. “They liked my stories, "
        "but not my drawings at all.”"
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Omar Haddad",
        "Every publisher turned me down, They liked my stories, but not my drawings at all.",
    )


def test_full_stop_of_an_abbreviated_title_does_not_end_the_cue_search(nlp):
    text = (
        "Chief Anna Moretti said the suspect fled on foot.\n\n"
        "“During that call, the operator could hear shots in the background,” Harbour Police "
        "Lt. Tom Varga said."
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Tom Varga")


def test_quote_paragraph_continues_after_a_long_attribution_sentence(nlp):
    text = (
        "“We needed a role model for all of this,” Karl Brenner, the founder of the company "
        "and the engineer behind the region’s best-selling electric delivery van, said on "
        "Tuesday inside his new factory built on the site of an old television-tube plant near "
        "the western border.\n\n"
        "“For so long, nobody entered this market alone, so it was great to see how that might "
        "work.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Karl Brenner")


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Several allies have already spoken out.\n\nA statement from the Nordic Council "
            "said, “the stated motive for the arrests raises concerns about legitimate research.”",
            "Nordic Council",
        ),
        (
            "A statement e-mailed to reporters by Dana Whitfield, who joined the board last "
            "month, said “the club will respect the order of the court.”",
            "Dana Whitfield",
        ),
    ],
)
def test_statement_that_says_is_credited_to_its_author(nlp, text, author):
    assert said(nlp, text)[-1][1] == author


def test_cue_of_the_next_sentence_is_not_taken_by_a_finished_quote(nlp):
    text = (
        "“We are very pleased with the first group,” says fund director Adam Kowal. “We are "
        "setting ourselves up for the next two groups, which will decide whether investors get "
        "paid or not.” While some critics say government should not pay a middle man, Kowal "
        "says the premium is fair."
    )
    first = said(nlp, text)[0]
    assert first[:2] == ("direct", "Adam Kowal") and first[2].endswith("paid or not.")


def test_signature_after_a_no_break_space_or_no_space(nlp):
    text = (
        "Readers sent us their views.\n"
        "“The debate changed nothing for my family at all.”\u00a0― Rosa Delgado\u00a0\n"
        "“He does not know our towns or our lives.”― Luis Arce\n"
    )
    assert [s[1] for s in said(nlp, text)] == ["Rosa Delgado", "Luis Arce"]


def test_signature_after_a_quote_in_two_apostrophes(nlp):
    # the closing mark is a pair: the dash comes after both apostrophes
    text = (
        "Readers sent us their views.\n"
        "''The sea always wins in the end, and the tide does not care.'' ― Carla Sanchez\n"
    )
    assert [s[1] for s in said(nlp, text)] == ["Carla Sanchez"]


def test_repeated_transcript_label_named_nowhere_else_is_the_speaker(nlp):
    text = (
        "Senator Mike Hale spoke to the host on Sunday.\n\n"
        "MORROW: Thank you for joining us this morning, senator.\n\n"
        "HALE: Glad to be here with you again.\n\n"
        "MORROW: Will you run for the seat again next year?\n\n"
        "WATCH: Full interview with the senator tonight\n\n"
        "WATCH: Highlights from the debate last week"
    )
    speakers = [s[1] for s in said(nlp, text)]
    assert speakers == ["MORROW", "Mike Hale", "MORROW"]


def test_cue_and_comma_right_before_the_quote_win_over_a_cue_after_it(nlp):
    text = (
        "When critics noted that the firm paid no tax, Lena Ortiz boasted, “That makes me a "
        "very smart owner.” Ortiz was defensive about an architect who said he was never paid "
        "for his work."
    )
    assert said(nlp, text)[0] == ("direct", "Lena Ortiz", "That makes me a very smart owner.")


def test_straight_closing_mark_without_its_opening_mark(nlp):
    text = (
        '"The bridge is safe," Dana Quill said. It will stay open all winter."\n\n'
        'and the crews will inspect it every week," said Quill in an email.'
    )
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == [
        "The bridge is safe,",
        "It will stay open all winter.",
        "and the crews will inspect it every week,",
    ]
    assert said(nlp, text)[-1][1:] == ("Dana Quill", "and the crews will inspect it every week,")


def test_orphan_straight_mark_in_a_paragraph_with_curly_marks_opens_nothing(nlp):
    text = '“It never rains,” she said, and the town agreed that summer was over."'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["It never rains,"]


def test_speaker_after_the_quote_when_the_parser_also_made_a_quote_word_a_subject(nlp):
    text = (
        "“She will be a fine judge. One of the finest lawyers in the whole state,” "
        "Rep. Alma Torres (D-Calif.) said in a phone interview."
    )
    assert said(nlp, text)[0][1] == "Alma Torres"


def test_a_dash_the_parser_made_a_subject_is_not_the_speaker(nlp):
    from spacy.tokens import Doc

    from kg.extract.speakers import subject_of

    # the parse of "… ― Baker boasted, “…”" where the dash came out as a second subject
    doc = Doc(
        nlp.vocab, words=["―", "Baker", "boasted"], heads=[2, 2, 2], deps=["nsubj"] * 2 + ["ROOT"]
    )
    assert subject_of(doc[2]).text == "Baker"


def test_person_named_right_before_a_participle_cue_speaks(nlp):
    text = (
        "A new ad from the Lowe campaign attacks its rival.\n\n"
        "The ad uses footage of Maria Vance asking, “Why am I not far ahead in every poll?”"
    )
    assert said(nlp, text)[-1][1] == "Maria Vance"


def test_two_right_single_marks_close_a_double_quote(nlp):
    text = "“We grow all our own herbs,’’ says Ana Ruiz. “Nobody else in town does.”"
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "We grow all our own herbs,",
        "Nobody else in town does.",
    ]
    assert said(nlp, text)[0] == (
        "direct",
        "Ana Ruiz",
        "We grow all our own herbs, Nobody else in town does.",
    )


def test_description_with_an_age_means_a_person_already_named(nlp):
    text = (
        "Carla Mendes opened the shop on King Street in 2010.\n\n"
        "“We bake every loaf by hand,” says the 41-year-old owner of the bakery."
    )
    assert said(nlp, text)[-1][1] == "Carla Mendes"


def test_person_who_heads_a_relative_clause_is_a_subject_a_description_can_mean(nlp):
    text = (
        "I am talking about Tom Reyes, who moved to the city in 1990.\n\n"
        "“We bake every loaf by hand,” says the self-taught baker."
    )
    assert said(nlp, text)[-1][1] == "Tom Reyes"


def test_bare_surname_speaker_is_the_first_full_name_named_as_a_subject(nlp):
    text = (
        "Coach Dan Ward praised his players after the game. His brother, Luke Ward, watched "
        "from the stands with their mother.\n\n"
        "“We played our best game of the year,” said Ward."
    )
    assert said(nlp, text)[-1][1] == "Dan Ward"


def test_surname_speaker_finds_a_full_name_the_tagger_called_an_organization(nlp):
    from kg.extract.records import Mention
    from kg.extract.speakers import SpeakerFinder

    text = "Noah Pratt and Leon Dube scored for the home side. Later Pratt spoke."
    doc = nlp(text)
    mentions = [
        Mention("Noah Pratt", "Organization", 0, 10),  # a tagging error
        Mention("Leon Dube", "Person", 15, 24),
        Mention("Pratt", "Person", 57, 62),
    ]
    finder = SpeakerFinder(doc, text, mentions, [])
    assert finder.full_name(mentions[2], 63) == Mention("Noah Pratt", "Person", 0, 10)
    # an organization speaker never becomes a person it was not named as
    acme = Mention("Acme", "Organization", 57, 62)
    assert finder.full_name(acme, 63) == acme


def test_pronoun_after_a_sentence_that_introduces_a_new_person_as_its_object(nlp):
    text = (
        "“I walk every single day now,” says retiree Tom Black.\n\n"
        "The program also produced good results for Toronto accountant Raj Patel, 50. "
        "“I had never lifted weights before this year,” he says."
    )
    assert said(nlp, text)[-1][1] == "Raj Patel"


def test_pronoun_keeps_the_speaker_when_the_sentence_before_continues_with_him(nlp):
    text = (
        "“I walk every single day now,” says retiree Tom Black.\n\n"
        "He thanked his coach Raj Patel for the plan. "
        "“It changed my whole life this year,” he says."
    )
    assert said(nlp, text)[-1][1] == "Tom Black"


def test_manner_of_speaking_verbs_are_cues_right_after_a_quote(nlp):
    text = "“You're late,” Omar Haddad blurted out. “But so am I, and that is fine.”"
    assert said(nlp, text) == [
        ("direct", "Omar Haddad", "You're late, But so am I, and that is fine."),
    ]

    text = (
        "Dana Price ran the company for a decade.\n\n"
        "“Nobody thought the merger would work, and she proved them all wrong,” remembered "
        "Leo Marsh, her former chief spokesman. “We stopped doubting her after that,” Marsh "
        "boomed.\n\n"
        "“You will not regret it,” Price assured the board.\n\n"
        "“This is fantastic!” beamed Ana Ruiz, a delegate from Ohio.\n\n"
        "“Will you sign it?” Ruiz pressed. “I would say this,” Price answered. “We will "
        "work something out.”"
    )
    assert said(nlp, text) == [
        (
            "direct",
            "Leo Marsh",
            "Nobody thought the merger would work, and she proved them all wrong,",
        ),
        ("direct", "Leo Marsh", "We stopped doubting her after that,"),
        ("direct", "Dana Price", "You will not regret it,"),
        ("direct", "Ana Ruiz", "This is fantastic!"),
        ("direct", "Ana Ruiz", "Will you sign it?"),
        ("direct", "Dana Price", "I would say this, We will work something out."),
    ]


def test_a_statement_saying_is_its_authors(nlp):
    """ "Roe issued a statement saying …", "In a letter stating …, Roe asked …": the
    participle hangs on the statement; its speaker is the one who put the statement out."""
    text = (
        "The council voted on Monday.\n\n"
        "Mayor Ana Ruiz released a statement saying the city would appeal the ruling.\n\n"
        "In a letter stating that the plan was illegal, Senator Joe Lund asked the court to "
        "stop it."
    )
    assert said(nlp, text) == [
        ("reported", "Ana Ruiz", "the city would appeal the ruling"),
        ("reported", "Joe Lund", "the plan was illegal"),
    ]


def test_a_name_before_a_participle_phrase_and_an_auxiliary_speaks(nlp):
    """ "after Jo Roe, asked about …, had said, “…”": the parser hung the name on "after";
    the person before the phrase that ends at the cue's auxiliary is the speaker."""
    text = (
        "The question came up again on Friday after Gov. Ana Ruiz, asked about the deaths "
        "of three inmates, had said, “Our prisons are safer than they have ever been.”"
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Ana Ruiz",
        "Our prisons are safer than they have ever been.",
    )


def test_a_fronted_preposition_is_no_subject(nlp):
    """ "Of Carter, Haddad, who …, said, “…”": the parser made "Of" the subject of "said";
    a preposition is none, and the name before the relative clause speaks."""
    text = (
        "The crowd laughed.\n\n"
        "“He is funny. And if I went there for a week, I would love to see him,” New York "
        "lawyer Omar Haddad said of Lund. “But as mayor, his lack of knowledge is disturbing "
        "to me.” Of Carter, Haddad, who has given money to Jo Roe, said, “He is flat-out "
        "scary. I think he is a wonderful man.”"
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Omar Haddad",
        "He is flat-out scary. I think he is a wonderful man.",
    )


def test_a_short_quote_after_a_cue_an_adverb_and_a_comma_is_direct(nlp):
    """ "told the agency simply, “We lost.”": the comma closes the cue's clause, so the quote
    opens a clause of its own, however short."""
    text = (
        "The party was defeated at the polls. Nay Lin, its acting chairman, told the "
        "Reuters news agency simply, “We lost.” Crowds gathered outside."
    )
    assert said(nlp, text) == [("direct", "Nay Lin", "We lost.")]


def test_a_participle_that_describes_a_noun_is_no_cue(nlp):
    """ "told the Post in a written statement, “…”": "written" describes the statement; the
    cue is "told", and its subject the speaker."""
    text = (
        "Gov. Ana Ruiz rejected the report on Monday.\n\n"
        "Ruiz told the Daily Ledger in a written statement, “I will not sign a budget that "
        "cuts school funding again.”"
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Ana Ruiz",
        "I will not sign a budget that cuts school funding again.",
    )


def test_the_post_that_reads_a_quote_is_its_authors(nlp):
    text = (
        "Researcher Nadia Cole stated in the company’s blog post that the servers were "
        "hacked. Other firms were hit the same week.\n\n"
        "“We found the flaw last week and fixed it within a day,” the post read."
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Nadia Cole",
        "We found the flaw last week and fixed it within a day,",
    )


def test_clause_without_a_speech_verb_introducing_a_quote_with_a_colon(nlp):
    text = (
        "The city pool closed in May.\n\n"
        "Mayor Ruth Okafor took to social media on Sunday with this: “The pool reopens in "
        "June, and it will be free for every child.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Ruth Okafor")


def test_a_name_that_labels_a_quote_after_a_colon_is_its_speaker(nlp):
    """ "Rep. Jo Roe (R-Ind.): “…”", "HEADING - Jo Roe: “…”": a name alone before the colon,
    at most with a title and a party, labels the quote; a name inside a phrase does not."""
    text = (
        "The hearing ran late.\n\n"
        "Rep. Nora Flint (R-Ind.): “I have never heard anyone cite that figure before.”\n\n"
        "TURNOUT IS UP IN EVERY COUNTY - Omar Velez: “Our survey finds that more young "
        "people voted this year.”\n\n"
        "Former state treasurer Ada Brooks: “We closed that gap two years ago.”\n\n"
        "A letter to Omar Velez: “You have lost my vote for good this time.”"
    )
    assert [s[1] for s in said(nlp, text)] == ["Nora Flint", "Omar Velez", "Ada Brooks", None]
    text = "The city pool closed in May. The question is simple: “Who pays for the repairs now?”"
    assert said(nlp, text)[-1][:2] == ("direct", None)
    text = (
        "The city pool closed in May.\n\n"
        "Mayor Ruth Okafor has since apologized for what happened: “We should have warned "
        "the families much sooner.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Ruth Okafor")


def test_according_to_a_named_source_before_a_quote(nlp):
    text = (
        "The debate was tense.\n\n"
        "According to Pablo Ortega, “the moderators should stay out of it and let the "
        "candidates argue with each other.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Pablo Ortega")
    text = (
        "The debate was tense.\n\n"
        "According to Jane Roe: “The bridge will be ready before the winter storms arrive.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Jane Roe")


def test_embedded_post_signed_with_name_handle_and_date(nlp):
    text = (
        "The minister answered online.\n\n"
        "We will fund every rural clinic next year. No exceptions. https://t.co/AbC123xyz "
        "— Leah Moreau (@LeahMoreauMP) March 3, 2019\n\n"
        "Critics were not convinced."
    )
    assert said(nlp, text) == [
        ("direct", "Leah Moreau", "We will fund every rural clinic next year. No exceptions.")
    ]


def test_quote_after_a_sentence_whose_subject_is_his_or_hers(nlp):
    text = (
        "“I sold every copy of the first book,” said artist Sam Reyes.\n\n"
        "His hard work has paid off, with sales turning him into a local star. "
        "“Kids ask me how to start a comic every single week.”"
    )
    assert said(nlp, text)[-1][1] == "Sam Reyes"


def test_subject_inside_another_quote_gives_way_to_the_name_before_an_apposition(nlp):
    from spacy.tokens import Doc

    from kg.extract.records import Mention
    from kg.extract.speakers import SpeakerFinder

    # “We won,” Raines, an aide, said on “Dawn.” — parsed with the show's name as the subject
    words = ["“", "We", "won", ",", "”", "Raines", ",", "an", "aide", ",", "said", "on"]
    words += ["“", "Dawn", ".", "”"]
    spaces = [False, True, False, False, True, False, True, True, False, True, True, True]
    spaces += [False, False, False, False]
    heads = [2, 2, 10, 2, 2, 10, 5, 8, 5, 5, 10, 10, 10, 10, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "dep", "punct", "det", "appos"]
    deps += ["punct", "ROOT", "prep", "punct", "nsubj", "punct", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    text = doc.text
    raines = Mention("Raines", "Person", text.index("Raines"), text.index("Raines") + 6)
    quotes = find_quotes(text)
    finder = SpeakerFinder(doc, text, [raines], quotes)
    speaker, _ = finder.for_cue(doc[10], (quotes[0].opened_at, quotes[0].end + 1))
    assert speaker == raines


def test_gerund_cue_object_of_a_verb_takes_that_verbs_subject(nlp):
    text = (
        "Judge Alma Reyes spoke about her first years in court.\n\n"
        "Reyes said she recalled thinking, “This is what people mean when nobody in the "
        "room sees you.”"
    )
    assert said(nlp, text)[-1][:2] == ("direct", "Alma Reyes")


def test_role_noun_the_tagger_took_into_the_speakers_name_is_left_out(nlp):
    text = "“We will march in the rain if we have to,” Organizer Tina Walsh said on Friday."
    assert said(nlp, text)[0][1] == "Tina Walsh"


def test_quoted_nickname_is_left_out_of_the_speakers_name(nlp):
    text = (
        "At least four crew members were hurt, lead singer Rafael “Rafa” Duarte told fans in "
        "a video. “We will play again when everyone is home,” Rafael “Rafa” Duarte said."
    )
    assert said(nlp, text)[-1][1] == "Rafael Duarte"


def test_colon_after_a_clause_with_no_verb_ends(nlp):
    """A colon-introduced quote after a verbless phrase: the search for the clause's verb
    stops at the root (it used to climb from the root to itself forever)."""
    import signal

    def stop(*_):
        raise TimeoutError("the speaker search did not end")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    try:
        found = said(
            nlp,
            "The big question for the council: “Will the bridge be ready before the winter "
            "storms arrive?”",
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert found == [("direct", None, "Will the bridge be ready before the winter storms arrive?")]


def test_reported_clause_whose_subject_the_parser_took_for_the_object(nlp):
    text = (
        "Jane Roe said a “historic” level of trust between the police and residents"
        " since\xa0she took office\xa0in May has made the change possible."
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Jane Roe",
            "a “historic” level of trust between the police and residents"
            " since\xa0she took office\xa0in May has made the change possible",
        )
    ]


def test_reported_clause_runs_to_its_last_word_when_the_parse_crosses(nlp):
    """The parser hangs ", which …" on the clause's subject, before its verb: the clause's
    words are then not in order in its subtree, and the clause ended at its verb's last
    word ("the two are very close")."""
    text = "Jo Roe noted the two are very close, which made the decision to split even harder."
    assert said(nlp, text) == [
        (
            "reported",
            "Jo Roe",
            "the two are very close, which made the decision to split even harder",
        )
    ]


def test_a_report_before_its_cue_that_the_parser_took_for_a_subject(nlp):
    """ "[X signals Y], said Roe": the tagger reads "signals" as a noun and the parser hangs the
    whole report on "said" as a second subject beside the speaker; the report is the content
    and the name after the cue the speaker, not the partial quote inside with no speaker."""
    text = (
        'The closure of the plant signals "the end of an era" for the town,'
        " said Jane Roe, the mayor of Millbrook."
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Jane Roe",
            'The closure of the plant signals "the end of an era" for the town',
        )
    ]


def test_a_quote_after_cue_and_that_which_the_parser_hung_the_cue_inside(nlp):
    """ "Roe acknowledged Sunday that “…, we know …”": the parser takes the quote's second
    clause for the sentence's root and the cue for its complement; the cue before "that"
    still gives the quote its speaker."""
    quote = (
        "just as we have seen there are many angry people in the valley,"
        " we know there are angry people here at home too."
    )
    text = f"Residents spoke on Monday.\n\nJane Roe acknowledged Sunday that “{quote}”"
    assert said(nlp, text) == [("partial", "Jane Roe", quote)]


def test_a_pull_quote_signed_on_the_line_that_closes_it(nlp):
    """Pull-quotes set between paragraphs are signed on their last line, inside the marks:
    the name is the speaker, and the line is no statement of its own (typed with straight
    marks, it reads as a second quote)."""
    text = (
        "Residents spoke on Monday.\n\n"
        '"The bridge will not be ready before the winter storms arrive.\nCouncil member'
        ' Jane Roe."\n\nThe council met again.\n\n'
        "“We have waited long enough for a new bridge.\nTom Baker, Millbrook Civic League.”\n"
    )
    assert said(nlp, text) == [
        ("direct", "Jane Roe", "The bridge will not be ready before the winter storms arrive."),
        ("direct", "Tom Baker", "We have waited long enough for a new bridge."),
    ]


def test_a_quote_paragraph_signed_on_the_paragraph_after_it(nlp):
    """Fact-check columns set each claim as a paragraph and its author on the next one,
    behind a hyphen; a list item after a quote ("- Cut the red tape.") names no one."""
    text = (
        "Jane Roe is the mayor of Millbrook.\n\nTom Baker spoke on Monday.\n\n"
        '"The new bridge will cost less than the old ferry did in a year."\n\n'
        "- Roe.\n\nThe claim is wrong.\n"
    )
    assert said(nlp, text) == [
        ("direct", "Jane Roe", "The new bridge will cost less than the old ferry did in a year.")
    ]
    text = 'Residents spoke on Monday.\n\n"We will keep the plant open."\n\n- Cut Red Tape.\n'
    assert said(nlp, text) == [("direct", None, "We will keep the plant open.")]


def test_a_closing_line_that_says_something_is_no_signature(nlp):
    text = (
        "Residents spoke on Monday.\n\n"
        "“We will build the bridge by spring.\nJane Roe, the mayor, said so at the meeting.”\n"
    )
    assert all(speaker != "Jane Roe" for _, speaker, _ in said(nlp, text))


def test_a_report_in_a_relative_clause_starts_after_its_cue(nlp):
    """ "six closures that she said are unrelated": the relative pronoun is the reported
    clause's subject, before the cue; the statement never holds its own cue."""
    text = (
        "Residents spoke on Monday.\n\nJane Roe said the vote was fair.\n\nThe bridge has had"
        " six closures in the past eight days that she said are unrelated to the new rules."
    )
    assert said(nlp, text)[-1] == ("reported", "Jane Roe", "are unrelated to the new rules")


def test_the_person_told_is_not_the_subject_of_the_reported_clause(nlp):
    text = "Jane Roe told reporters the council will vote again next week on the budget."
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the council will vote again next week on the budget")
    ]


def test_object_cue_whose_content_is_a_clause(nlp):
    text = "Senator Jane Roe demanded that the council publish the full budget before the vote."
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the council publish the full budget before the vote")
    ]
    text = "Jane Roe questioned whether the city could afford a second bridge."
    assert said(nlp, text) == [("reported", "Jane Roe", "the city could afford a second bridge")]


def test_clause_after_a_dash_is_the_writers_gloss_not_the_report(nlp):
    text = (
        "On Monday, Jane Roe visited a group of factory owners, promising to ease safety rules"
        " and sell more public land for mining ― surely not what the union had hoped."
    )
    found = said(nlp, text)
    assert not any(t.startswith("not what") for _, _, t in found)
    assert found[0][:2] == ("reported", "Jane Roe")
    assert found[0][2].startswith("to ease safety rules and sell more public land for mining")


def test_clause_without_its_own_subject_is_not_reported(nlp):
    # "Nothing [Roe says] [is accurate]": the clause's subject is the noun the cue describes
    assert said(nlp, "We checked. Nothing Jane Roe says is accurate in the slightest.") == []
    assert said(nlp, "Jane Roe said the harbor is accurate on every chart.") == [
        ("reported", "Jane Roe", "the harbor is accurate on every chart")
    ]


def test_object_content_stops_at_a_dash_opening_another_report(nlp):
    text = (
        "Senator Jane Roe called on the governor to veto the bill on water rights -- spending"
        " the senator said would mostly help developers."
    )
    found = said(nlp, text)
    assert ("reported", "Jane Roe", "the governor to veto the bill on water rights") in found


def test_object_cues_of_blame_praise_and_admission(nlp):
    found = said(nlp, "Senator Jane Roe berated the council for its handling of the flood.")
    assert found == [("reported", "Jane Roe", "the council for its handling of the flood")]
    found = said(nlp, "Jane Roe apologized for her remarks about the union.")
    assert found == [("reported", "Jane Roe", "her remarks about the union")]
    found = said(nlp, "Jane Roe admitted skipping the final vote on the budget.")
    assert found == [("reported", "Jane Roe", "skipping the final vote on the budget")]
    found = said(nlp, "Jane Roe later explained her reasoning on the budget.")
    assert found == [("reported", "Jane Roe", "her reasoning on the budget")]


def test_speaker_of_an_infinitive_cue_is_the_one_made_to_speak(nlp):
    text = "Senator Jane Roe pressed Tom Baker to admit that the audit had found errors."
    assert said(nlp, text) == [("reported", "Tom Baker", "the audit had found errors")]


def test_according_to_a_document_published_by_its_source(nlp):
    text = (
        "Young workers are leaving the farms, according to a report which was published Monday"
        " by the Harbor Institute."
    )
    assert said(nlp, text) == [
        ("reported", "Harbor Institute", "Young workers are leaving the farms")
    ]
    # a source the document only drew on is not the one speaking
    text = (
        "Young workers are leaving the farms, according to a report that used data from the"
        " Harbor Institute."
    )
    assert said(nlp, text) == [("reported", None, "Young workers are leaving the farms")]


def test_negated_cue_reports_nothing(nlp):
    assert said(nlp, "Jane Roe would not say whether the council had broken any rules.") == []
    assert said(nlp, "Jane Roe said the council had broken no rules.") == [
        ("reported", "Jane Roe", "the council had broken no rules")
    ]


def test_reported_clause_runs_over_an_abbreviation_period(nlp):
    text = "Jane Roe says the harvest fell short by 400 lbs. because the rains came late."
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the harvest fell short by 400 lbs. because the rains came late")
    ]
    text = "Jane Roe says the harvest fell short by 400 lbs. The rains came late."
    assert said(nlp, text) == [("reported", "Jane Roe", "the harvest fell short by 400 lbs")]


def test_trailing_participle_continues_the_report_unless_a_comment_or_a_new_cue(nlp):
    text = (
        "Jane Roe said the new park would link the two neighborhoods, giving children a safe way"
        " to school."
    )
    assert said(nlp, text) == [
        (
            "reported",
            "Jane Roe",
            "the new park would link the two neighborhoods, giving children a safe way to school",
        )
    ]
    text = (
        "Jane Roe said the city will join the regional transit plan, signaling a shift after"
        " months of dispute."
    )
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the city will join the regional transit plan")
    ]
    text = (
        "Jane Roe said the bridge would close for repairs, adding that the ferry would run"
        " twice an hour."
    )
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the bridge would close for repairs"),
        ("reported", "Jane Roe", "the ferry would run twice an hour"),
    ]


def test_that_clause_the_parser_hung_on_the_occasion(nlp):
    text = "Jane Roe told reporters on Friday after the hearing that the council would appeal."
    assert said(nlp, text) == [("reported", "Jane Roe", "the council would appeal")]


def test_object_cue_speaker_is_never_inside_its_content(nlp):
    text = (
        "The mayor spoke on Friday after the club sent out several posts criticizing Jane Roe,"
        " the harbor commissioner."
    )
    assert said(nlp, text) == []


def test_reported_clause_holding_its_own_speaker_is_a_misparse(nlp):
    assert said(nlp, "It was not the first time: Jane Roe declared war on the harbor board.") == []


def test_according_to_a_speech_its_speaker_delivered(nlp):
    text = (
        "The bridge will be rebuilt, according to a speech Jane Roe gave to the chamber of"
        " commerce."
    )
    assert said(nlp, text) == [("reported", "Jane Roe", "The bridge will be rebuilt")]


def test_second_that_clause_hung_on_the_cue_is_said_too(nlp):
    text = (
        "Jane Roe told the paper that the school would stay open, but that classes could move"
        " online."
    )
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "the school would stay open, but that classes could move online")
    ]


def test_cue_set_into_the_sentence_it_reports(nlp):
    text = (
        "Jane Roe grew up on the island. The ferry was its lifeline, Roe said, until the bridge"
        " opened in 2004."
    )
    assert said(nlp, text) == [
        (
            "reported",
            "Jane Roe",
            "The ferry was its lifeline, Roe said, until the bridge opened in 2004",
        )
    ]
    # the cue may stand before the verb of the sentence it reports, after its subject
    assert said(
        nlp, "Jane Roe grew up in the valley. The difference now, Roe said, is the money."
    ) == [("reported", "Jane Roe", "The difference now, Roe said, is the money")]
    # a fragment with no verb of its own is no report
    fragment = "Jane Roe grew up in the valley. The difference now, Roe said, the money."
    assert said(nlp, fragment) == []


def test_partial_quote_that_runs_on_past_its_sentence(nlp):
    """A quote opened mid-sentence and running on for more sentences is one partial quote of
    the cue that governs the sentence it opens in, not a reported clause cut at the stop."""
    text = (
        "After the meeting, Kwame Osei said he and his team were “very proud of the work. "
        "It shows what the town can build when people work together.”"
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Kwame Osei",
            "very proud of the work. It shows what the town can build when people work together.",
        )
    ]


def test_object_control_the_one_made_to_speak_is_the_speaker(nlp):
    """ "X forced Y to admit that …": Y speaks (the object of the verb the infinitive hangs
    on), not X."""
    text = "Senator Ana Ruiz forced Paul Brandt to admit that the bank had misled its customers."
    found = said(nlp, text)
    assert found == [("reported", "Paul Brandt", "the bank had misled its customers")]


def test_as_the_speaker_put_it(nlp):
    """ "As Roe put it, “…”": the idiom attributes the quote it introduces; "put" alone
    is no speech verb."""
    text = (
        "As Lena Park, a housing economist, recently put it, “Nobody builds homes when "
        "interest rates double in a year.”"
    )
    assert said(nlp, text) == [
        ("direct", "Lena Park", "Nobody builds homes when interest rates double in a year.")
    ]
    text = "Lena Park put the report on the table and left. “Nobody reads these,” she said."
    assert [s[1] for s in said(nlp, text)] == ["Lena Park"]


def test_author_of_a_study_named_in_a_relative_clause(nlp):
    """ "according to a survey which was published by Acme": the survey's author is the
    agent of the relative clause that describes it."""
    text = (
        "Small towns are losing doctors faster than cities, according to a survey which was "
        "published Tuesday by the Rural Health Institute."
    )
    found = said(nlp, text)
    assert found == [
        ("reported", "Rural Health Institute", "Small towns are losing doctors faster than cities")
    ]


def test_speaker_the_parser_hung_on_a_fronted_phrase(nlp):
    """ "In a meeting in Denver, Rosa Alvarez, the head of …, told …": the parser makes the
    name a conjunct of the place, leaving the cue without a subject; the name is its
    speaker."""
    text = (
        "In a town hall meeting this week in Denver, Rosa Alvarez, the head of the tenants' "
        'union, firmly told the landlords that "nobody here can pay that much more next year."'
    )
    assert said(nlp, text) == [
        ("partial", "Rosa Alvarez", "nobody here can pay that much more next year.")
    ]


def test_a_run_of_quoted_phrases_is_one_clause(nlp):
    """Several quotes in one reported clause that opens with words of its own are one
    statement, the clause, with or without a verb between them; quotes on both sides of a
    report inside the report ("that he expected to") stay apart."""
    text = (
        "Coach Dana Fields said her new goalie was “quick as a cat,” “calm under pressure” "
        "and “ready to start.”"
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Dana Fields",
            "her new goalie was “quick as a cat,” “calm under pressure” and “ready to start.”",
        )
    ]
    text = (
        "Ravi Patel said the crews had all “made real progress” that he expected to "
        "“continue in the coming weeks.”"
    )
    assert said(nlp, text) == [
        ("partial", "Ravi Patel", "made real progress"),
        ("partial", "Ravi Patel", "continue in the coming weeks."),
    ]
    text = (
        "Mayor Lena Ortiz said in a statement that the council “has a long record of waste” "
        "and has “failed the people of this city for years.”"
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Lena Ortiz",
            "the council “has a long record of waste” and has “failed the people of this city "
            "for years.”",
        )
    ]
    text = (
        "Sam Okafor said his rivals are engaged in reckless “games” that show their “contempt "
        "for the voters of this state.”"
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Sam Okafor",
            "his rivals are engaged in reckless “games” that show their “contempt for the "
            "voters of this state.”",
        )
    ]


def test_a_quote_after_a_colon_ends_the_reported_clause(nlp):
    """ "said the merger was a “costly mistake” and that …: “We …”": the quote after the
    colon is the speaker's own sentence, a statement of its own, not the end of the clause
    that holds the partial quote."""
    text = (
        "Tom Reyes said the merger was a “costly mistake” and that he has learned his "
        "lesson: “We will never sign a deal like it again.”"
    )
    assert said(nlp, text) == [
        (
            "partial",
            "Tom Reyes",
            "the merger was a “costly mistake” and that he has learned his lesson",
        ),
        ("direct", "Tom Reyes", "We will never sign a deal like it again."),
    ]


def test_an_age_alone_is_the_person_named(nlp):
    """ "the 45-year-old said" (an adjective to the parser) is the person the text named."""
    text = (
        "Dr. Ann Lee, chief of medicine at the hospital, warned of delays. “We are seeing "
        "more patients than ever before,” the 45-year-old said."
    )
    assert said(nlp, text) == [
        ("direct", "Ann Lee", "We are seeing more patients than ever before,")
    ]


def test_the_speaker_of_a_quote_in_a_relative_clause_is_the_name_before_who(nlp):
    """ "…, Jo Roe, who said it “…”": the person named right before ", who" (the last name of
    a list, wherever the parser hung the clause)."""
    text = 'The plan drew fire from Jo Roe, who said it "would hurt the poorest families the most."'
    assert said(nlp, text) == [
        ("partial", "Jo Roe", 'it "would hurt the poorest families the most."')
    ]
    text = (
        "Guests included Tom Hanks, Jo Roe and Ann Lee, who joked, "
        '"I haven\'t seen the new wing yet, but I will."'
    )
    assert said(nlp, text) == [
        ("direct", "Ann Lee", "I haven't seen the new wing yet, but I will.")
    ]


def test_a_surname_stands_for_a_speaker_the_tagger_missed(nlp):
    """A full name found only as a cue's subject ("Defence lawyer Ana Ruiz said") is the
    person a later bare surname means."""
    text = (
        "Defence lawyer Ana Ruiz said her client would appeal. “This verdict is deeply "
        "flawed,” Ruiz said outside the courthouse."
    )
    assert [s[1] for s in said(nlp, text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_capitalised_title_is_not_a_name(nlp):
    """ "the CEO added": a title the tagger left unmarked is a description (the person given
    it or speaking), never a person named "CEO"."""
    text = (
        "The company's chief executive, Lisa Wong, defended the deal. “This merger makes us "
        "stronger,” Wong said. “We expect savings within a year,” the CEO added."
    )
    assert [s[1] for s in said(nlp, text) if s[0] == "direct"] == ["Lisa Wong", "Lisa Wong"]


def test_a_relative_first_name_does_not_outvote_the_pronouns(nlp):
    """A surname whose one gendered full form is a relative ("her husband, Frank Moretti")
    keeps the gender its pronouns give it ("Moretti knew she …"), so "she said" finds her."""
    text = (
        "Carla Moretti took over the firm in 2001. Moretti promised she would cut costs. "
        "Moretti knew she had little time. Her husband, Frank Moretti, backed the plan at "
        "home. Later that year Moretti met the board. “We will not back down from this "
        "merger,” she said."
    )
    assert said(nlp, text)[-1] == (
        "direct",
        "Carla Moretti",
        "We will not back down from this merger,",
    )


def test_a_common_first_name_outweighs_the_pronouns_after_it(nlp):
    """ "Michael Brandt said she was wrong": the "she" is someone else; Michael Brandt stays
    a man, and a later "she said" is the woman named before."""
    text = (
        "Jane Roe chaired the meeting. Michael Brandt warned that she would lose the vote. "
        "Michael Brandt said she was wrong. “The numbers simply do not add up for this "
        "town,” she said."
    )
    assert said(nlp, text)[-1][1] == "Jane Roe"


def test_a_surname_shared_by_a_couple_goes_to_the_one_of_its_gender(nlp):
    """ "Mrs. Santos said" among "Maria Santos" and "Frank Santos": Maria, though Frank was
    the subject of a clause and she was not."""
    text = (
        "Voters cheered for Maria Santos at the rally. Her husband, Frank Santos, introduced "
        "her to the crowd. “I take full responsibility for what went wrong,” Mrs. Santos said."
    )
    assert said(nlp, text) == [
        ("direct", "Maria Santos", "I take full responsibility for what went wrong,")
    ]


def test_a_quote_that_opens_its_clause_runs_to_the_clause_end(nlp):
    """A partial quote that opens a clause of its own which runs on after the closing mark
    (“it would send a terrible message” to let the board keep the funds) is that clause."""
    text = (
        "Though Judge Maria Lind said she was reluctant to punish a charity, she believed the "
        "board had acted badly by “hiding the accounts from members,” and “it would send a "
        "terrible message” to let the board keep the funds."
    )
    assert said(nlp, text)[-1] == (
        "partial",
        "Maria Lind",
        "it would send a terrible message” to let the board keep the funds",
    )


def test_a_parenthetical_cue_speaks_for_the_partial_quote_of_its_sentence(nlp):
    """ "Roe said, most residents believe “…”": the quote's nearest cue has an unnamed
    subject; the parenthetical "Roe said" is who is speaking."""
    text = (
        "During her two terms in office, Mayor Ana Ruiz said, most residents have come to "
        'believe "that the river is worth saving at any cost."'
    )
    assert said(nlp, text) == [
        ("partial", "Ana Ruiz", "that the river is worth saving at any cost.")
    ]


def test_a_named_person_modifying_an_unnamed_source_is_not_the_speaker(nlp):
    """ "a Clinton campaign spokesman said": the person named before the source noun is whose
    spokesman it is, not who spoke; an organization there still speaks ("an Intel
    spokeswoman said")."""
    text = (
        "Hillary Clinton spoke in Ohio. “Most of her e-mails were already in the system,” a "
        "Clinton campaign spokesman said."
    )
    assert said(nlp, text) == [("direct", None, "Most of her e-mails were already in the system,")]
    text = (
        "Intel cut 1,000 jobs. “The cuts were needed to stay competitive,” an Intel "
        "spokeswoman said."
    )
    assert said(nlp, text) == [("direct", "Intel", "The cuts were needed to stay competitive,")]


def test_the_tail_of_an_organization_name_is_that_organization(nlp):
    """A name the tagger missed beside a cue ("Hydro said") that ends the name of an
    organization the text named ("Atlantic Hydro") is that organization, not a new person."""
    text = (
        "Crews from Atlantic Hydro restored power on Sunday. “The last outages will be fixed "
        "by Tuesday,” Hydro said."
    )
    doc = nlp(text)
    first = [m for m in extract_mentions(doc) if m.text == "Atlantic Hydro"]  # the other missed
    statements = extract_statements(doc, first)
    assert [(s.speaker.text, s.speaker.type) for s in statements] == [
        ("Atlantic Hydro", "Organization")
    ]


def test_a_link_to_another_story_is_no_statement(nlp):
    """ "READ MORE: Deficit will last a decade, minister says" links to another story."""
    text = (
        "Jo Roe, the party's leader, spoke in Halifax on Monday.\n\n"
        "READ MORE: Federal deficit will last another decade, Finance Department says\n\n"
        "Roe said the party would balance the budget within four years."
    )
    assert said(nlp, text) == [
        ("reported", "Jo Roe", "the party would balance the budget within four years")
    ]


def test_a_lowercase_phrase_quoted_mid_sentence_without_cue_is_no_statement(nlp):
    """A quote with no cue and no speaker that opens in lower case after a comma is a phrase
    the writer quotes (“along with some complex ones.”), not someone's statement."""
    text = (
        "The exam tests basic spelling. It also covers the common idioms of the language, "
        "“along with a few rare ones.”"
    )
    assert said(nlp, text) == []


def test_a_second_cue_parsed_as_the_first_ones_clause_keeps_its_speaker(nlp):
    """ "Roe said that she thinks X but said “Y”": the parser hangs the second, subjectless
    "said" on the first as its clause; it is the same speaker's."""
    text = (
        "Professor Dana Fox said Monday that she thinks the study should be published but "
        'said "the problem is the sample."'
    )
    assert said(nlp, text)[-1] == ("partial", "Dana Fox", "the problem is the sample.")


def test_a_surname_run_into_the_organization_before_it_is_the_person(nlp):
    """ "… the editorial board of the Denver Herald Baker said": the tagger made one
    organization of the paper and the known surname of the one speaking."""
    text = (
        "Governor Tom Baker spoke about the budget in March. In a meeting with the editorial "
        'board of the Denver Herald Baker said that the state "cannot afford another tax cut '
        'this year."'
    )
    assert said(nlp, text)[-1] == (
        "partial",
        "Tom Baker",
        'the state "cannot afford another tax cut this year."',
    )


def test_a_report_ending_according_to_a_named_source_is_the_sources(nlp):
    """ "He had told his sister that X, according to Kowalski": the telling is Kowalski's
    account (the whole sentence is hers) and X, nested in it, is his."""
    text = (
        "Martin Bell lived alone on the farm for decades. Maria Kowalski cared for him in his "
        "last year. He had told his sister that his one regret was that he had never left the "
        "valley, according to Kowalski, but he seemed at peace."
    )
    assert sorted(said(nlp, text)) == [
        (
            "reported",
            "Kowalski",
            "He had told his sister that his one regret was that he had never left the valley",
        ),
        ("reported", "Martin Bell", "his one regret was that he had never left the valley"),
    ]


def test_according_to_the_city_is_the_city_named_never_a_person(nlp):
    """ "according to the city" is the place the text named "City of …"; with none named, no
    one (not the mayor last mentioned)."""
    text = (
        "The City of Northfield approved the budget on Monday. Mayor Tom Ward opposed it. The "
        "new pool will replace the old one, according to the city, and the old one will close."
    )
    assert said(nlp, text)[-1] == (
        "reported",
        "City of Northfield",
        "The new pool will replace the old one",
    )
    text = text.replace("The City of Northfield approved", "Councillors approved")
    assert said(nlp, text)[-1][1] != "Tom Ward"


def test_a_sentence_split_at_an_abbreviation_keeps_its_speaker(nlp):
    """ "Retiree Jo Marsh, who lost 9 lbs. “and a dress size” in a year, says …": the parser
    split the sentence at "lbs."; the cue after the split still has the person before it."""
    text = (
        "The clinic runs a walking group. Retiree Jo Marsh, who lost 9 lbs. “and a dress size” "
        "over the summer, says the group helped her."
    )
    assert ("direct", "Jo Marsh", "and a dress size") in said(nlp, text)
    # a real sentence end: the next sentence opens in upper case and names no one
    text = (
        "Retiree Jo Marsh, who lost 9 lbs. Her doctor was pleased. “It works,” says a nurse "
        "at the clinic."
    )
    assert all(s[1] != "Jo Marsh" for s in said(nlp, text))


def test_a_participle_cue_hung_on_a_quoted_verb_is_the_opening_subjects(nlp):
    """ "Mr. Roe brushed off the charge, calling it ''a joke'' -- and, when pressed later,
    insisting, ''…''": the parser hangs the last participle on the quoted verb; the speaker
    is the named subject the sentence opens with."""
    text = (
        "Senator Paul Hale spoke in Ohio. Mr. Hale hardly settled the matter, treating the "
        "question first as a joke -- ''That makes me popular'' -- and, when pressed after the "
        "rally, insisting, ''Of course, I paid the fine.''"
    )
    assert said(nlp, text)[-1] == ("direct", "Paul Hale", "Of course, I paid the fine.")
    # a participle that describes a thing ("a policy urging …") is no one's cue
    text = (
        "Paul Hale, the head of the agency, vowed not to repeat that mistake and established "
        "a policy urging employees to report gross abuses."
    )
    assert not any(s[1] == "Paul Hale" and s[2].startswith("employees") for s in said(nlp, text))


def test_according_to_set_inside_a_sentence_sources_the_whole_clause(nlp):
    """ "Since May, according to Roe, X …": the phrase before the source has no verb, so the
    sourced clause runs over both sides; the statement's words leave the phrase out."""
    found = said(
        nlp,
        "Since last November, according to Human Rights Watch, state security forces have "
        "killed more than 400 protesters in the region.",
    )
    assert found == [
        (
            "reported",
            "Human Rights Watch",
            "Since last November state security forces have killed more than 400 protesters in "
            "the region",
        )
    ]
    # a clause of its own before the source is what it sourced
    text = "The plant will close in May, according to Ann Roe, and 300 jobs will go."
    assert said(nlp, text) == [("reported", "Ann Roe", "The plant will close in May")]


def test_an_abbreviation_ending_the_report_ends_its_sentence(nlp):
    text = (
        "Carl Ruiz says the ferry will run late across the U.S. He says the crews need more time."
    )
    assert said(nlp, text) == [
        ("reported", "Carl Ruiz", "the ferry will run late across the U.S"),
        ("reported", "Carl Ruiz", "the crews need more time"),
    ]


def test_a_bare_speech_verb_coordinated_in_the_report_is_part_of_it(nlp):
    text = (
        "Mayor Tom Hale says he would call the builders in and tell them “no more delays” "
        "and tells reporters he is hopeful."
    )
    found = said(nlp, text)
    assert ("partial", "Tom Hale") == found[0][:2]
    assert found[0][2].startswith("he would call the builders in and tell them")


def test_a_partial_quote_under_a_cue_without_speaker_is_the_outer_speakers(nlp):
    text = (
        "Councilwoman Rita Moss said it is naive to believe that "
        "“the market alone will fix the housing shortage.”"
    )
    found = said(nlp, text)
    assert len(found) == 1
    assert found[0][0] == "partial" and found[0][1].endswith("Moss")


def test_a_participle_hung_on_the_reported_clause_is_the_opening_subjects(nlp):
    text = (
        "Mayor Dan Cole argued that a toll would keep trucks from crossing the old bridge "
        "illegally, saying it is all about safety."
    )
    assert said(nlp, text) == [
        ("reported", "Dan Cole", "a toll would keep trucks from crossing the old bridge illegally"),
        ("reported", "Dan Cole", "it is all about safety"),
    ]


def test_what_a_speaker_uses_to_speak_is_not_the_speaker(nlp):
    text = "Mayor Ines Vidal used her budget speech to call for the closure of the old landfill."
    assert said(nlp, text) == [
        ("reported", "Ines Vidal", "the closure of the old landfill"),
    ]


def test_content_ending_on_a_conjunction_runs_on_to_what_it_joins(nlp):
    text = (
        "Carla Diaz will come on the show to talk about the harbor and how many ships "
        "can still dock there."
    )
    assert said(nlp, text) == [
        ("reported", "Carla Diaz", "the harbor and how many ships can still dock there"),
    ]


def test_a_quote_split_by_its_cue_mid_sentence_is_one_statement(nlp):
    text = (
        "Court news\n\n"
        "“Your honor,” Vance said, “I have never seen that happen in thirty years.\n\n"
        "“The jury was stunned.”"
    )
    found = said(nlp, text)
    assert found[0] == (
        "direct",
        "Vance",
        "Your honor, I have never seen that happen in thirty years.",
    )


def test_a_quote_sourced_with_according_to_after_it(nlp):
    text = "“The ferry will run all winter,” according to Ines Halvorsen, the harbour master."
    assert said(nlp, text) == [("direct", "Ines Halvorsen", "The ferry will run all winter,")]
    # an organization, and the one whose document is named
    text = (
        "The Harbour Trust sued the city. “We will appeal the ruling,” according to a "
        "statement from the Harbour Trust."
    )
    assert said(nlp, text) == [("direct", "Harbour Trust", "We will appeal the ruling,")]


def test_a_participle_the_parser_read_as_the_verb_before_the_cue(nlp):
    text = (
        "Ines Halvorsen testified for hours. Halvorsen, exasperated, famously responded: "
        "“What difference does it make?”"
    )
    assert said(nlp, text) == [("direct", "Ines Halvorsen", "What difference does it make?")]


def test_a_surname_opening_with_a_particle_is_the_person_named_before(nlp):
    text = "Mayor Bill de Blasio spoke on Monday. “We are ready for the storm,” de Blasio said."
    assert said(nlp, text) == [("direct", "Bill de Blasio", "We are ready for the storm,")]
    # with no such person named before, no speaker is made up from the particle
    text = "“We are ready for the storm,” de Blasio said."
    assert said(nlp, text)[0][1] is None


def test_the_person_a_title_names_after_the_cue_is_the_speaker(nlp):
    # the parser makes the title or the service the subject; the titled person speaks
    text = "“The candidates do not understand the military,” said Army Capt. Christian Pardo."
    assert said(nlp, text) == [
        ("direct", "Christian Pardo", "The candidates do not understand the military,")
    ]
    text = "“We were hoping for more,” said Air Force 1st Lt. Tyler Livingston."
    assert said(nlp, text) == [("direct", "Tyler Livingston", "We were hoping for more,")]
    # an outlet and a title written with a hyphen ("co" "-" "host" to the tokenizer)
    text = "“Imagine the two of them on one stage,” mused Blaze co-host Stu Burguiere."
    assert said(nlp, text) == [("direct", "Stu Burguiere", "Imagine the two of them on one stage,")]
    text = "“We will open in June,” said Acme co-founder Stu Burguiere."
    assert said(nlp, text) == [("direct", "Stu Burguiere", "We will open in June,")]
    # a person named before the speaker's title is not the speaker
    text = (
        "Acme CEO Jo Lund spoke. Acme CEO Jo Lund’s spokesman Tom Hale said the plant would close."
    )
    assert said(nlp, text) == [("reported", "Tom Hale", "the plant would close")]


def test_a_noun_phrase_closing_the_sentence_after_a_comma_is_the_writers_gloss(nlp):
    """ "said X, a move that …": the writer's description of what was said, not part of it;
    an appositive naming who a person is stays in the report."""
    text = (
        "Mayor Jo Roe said the plan would close three clinics by June, a move that could "
        "leave thousands without care."
    )
    assert said(nlp, text) == [("reported", "Jo Roe", "the plan would close three clinics by June")]
    text = (
        "Coach Dana Fields said the new captain would be Ann Lee, a defender from Ohio, "
        "after the vote."
    )
    found = said(nlp, text)
    assert found and found[0][2].startswith("the new captain would be Ann Lee, a defender")


def test_a_name_labelling_a_quote_right_after_another_quote_is_its_speaker(nlp):
    """A debate summary on one line: 'Roe: “A.” Lee: “B.”'."""
    text = (
        'Jo Roe: "Our goal is to fix every road by spring." '
        'Ann Lee: "The plan is to fix the bridges first -- not the roads."'
    )
    assert said(nlp, text) == [
        ("direct", "Jo Roe", "Our goal is to fix every road by spring."),
        ("direct", "Ann Lee", "The plan is to fix the bridges first -- not the roads."),
    ]


def test_two_apostrophes_as_quotation_marks_do_not_cut_the_sentence(nlp):
    """''…'', the quotation marks of some news archives: the parser cut a sentence at them
    ("That" | "''" | "is the cure …"), so the next quote lost the speaker named before it."""
    text = (
        "That ''is the cure we needed,'' said Ana Ruiz, the city's health officer at the "
        "time. ''If I had waited, the clinic would have closed.''"
    )
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == [
        "That ''is the cure we needed,'' said Ana Ruiz, the city's health officer at the time.",
        "''If I had waited, the clinic would have closed.''",
    ]
    found = said(nlp, text)
    assert ("direct", "Ana Ruiz", "If I had waited, the clinic would have closed.") in found
    # a pair opening a paragraph still opens its sentence
    doc = nlp("Ana Ruiz spoke on Monday.\n\n''We won,'' she said.")
    assert [s.text.strip() for s in doc.sents][-1] == "''We won,'' she said."


def test_a_scare_quote_between_the_quote_and_its_cue_is_no_next_quote(nlp):
    """ '“…,” Jo Roe, wearing “Vote Lee” pins, said': the cue after the short quote still
    closes the first one."""
    text = (
        "“We have had better fairs than this one,” county delegate Jo Roe, wearing a straw hat "
        "and “Vote Lee” pins, said as the band played."
    )
    assert said(nlp, text) == [("direct", "Jo Roe", "We have had better fairs than this one,")]


def test_a_party_in_parentheses_after_the_name_before_a_participle_phrase(nlp):
    """ "Sen. Jo Roe (D-Ill.), noting X, said, “…”": the name before the party speaks."""
    text = (
        "Lawmakers met on Monday. But Sen. Jo Roe (D-Ill.), noting the size of the crowd, "
        'said, "Let me tell you, this bill has a real chance this year."'
    )
    found = said(nlp, text)
    assert ("direct", "Jo Roe", "Let me tell you, this bill has a real chance this year.") in found


def test_two_titles_before_one_name_give_the_name(nlp):
    text = (
        "“He is reprising that role,” said former Ohio Gov. and "
        "National Harbor Committee Chairman Ed Varnell."
    )
    assert [s[1] for s in said(nlp, text)] == ["Ed Varnell"]


def test_a_cue_set_off_inside_the_next_clause_is_not_the_finished_quotes(nlp):
    """“… alone,” Roe said. “B.” Ohio, he said, was …: the second quote continues Roe's;
    the aside "he said" attributes the clause after it."""
    text = (
        "“Maybe we are just trying to let the rival learn the lesson,” Dana Roe said. “We are "
        "trying to show some mercy to the rival.” Ohio, he said, was “where we have a real "
        "chance to win.”"
    )
    first = said(nlp, text)[0]
    assert first[:2] == ("direct", "Dana Roe")
    assert first[2].endswith("mercy to the rival.")


def test_a_report_runs_on_past_a_cue_set_off_by_commas(nlp):
    """"A, Roe said, by B": the phrase after the aside is said too; one that tells where it
    was said ("in a statement") is not."""
    text = (
        "Tom Devine is upbeat. The argument would be aided, Devine said, by the upcoming"
        " primary calendar."
    )
    assert said(nlp, text) == [
        (
            "reported",
            "Tom Devine",
            "The argument would be aided, Devine said, by the upcoming primary calendar",
        )
    ]
    text = "Mark Roe spoke on Monday. The plan is dead, Roe said, in a statement."
    assert said(nlp, text) == [("reported", "Mark Roe", "The plan is dead")]


def test_the_speaker_of_a_cue_set_into_the_report_is_no_sign_of_a_misparse(nlp):
    """The speaker's name stands inside the reported sentence, in the cue's own words."""
    text = "Okafor wrote the audit. Police, Okafor says, have no plans to deal with the flooding."
    assert said(nlp, text) == [
        ("reported", "Okafor", "Police, Okafor says, have no plans to deal with the flooding")
    ]


def test_reported_speech_ends_before_the_paragraph_break(nlp):
    """The sentence a report runs to the end of holds the paragraph break after it; the
    statement's text does not."""
    text = (
        "There was another problem.\n\nStaff used the figures for October. The result, "
        "according to a survey of listed clubs by Lakeside Radio, is 352 missing children.\n\n"
        "Dana Roe said the chart was wrong from the start\n\nThe council met on Monday."
    )
    found = said(nlp, text)
    assert found and all(content == content.strip() for _, _, content in found)
    assert ("reported", None, "The result is 352 missing children") in found


def test_a_cue_coordinated_with_a_verb_shares_that_verbs_subject(nlp):
    # "praised" hangs on "toured", whose subject is Roe, not on Lund's "said"
    text = (
        "The plant reopened on Monday.\n\nAs Jane Roe toured the plant and praised its "
        "workers, Tom Lund said the talks would go on."
    )
    found = said(nlp, text)
    assert ("reported", "Jane Roe", "its workers") in found
    assert ("reported", "Tom Lund", "the talks would go on") in found
    # coordinated with the verb of a reported clause, a cue keeps the outer speaker
    text = "Jane Roe said the plan would work and said: “We will finish in May.”"
    assert ("direct", "Jane Roe", "We will finish in May.") in said(nlp, text)
    text = (
        "The race tightened on Monday.\n\nJane Roe wrote in the early hours that Lund was "
        "“a fraud” and “a liar” and urged voters to “look closely” at his record."
    )
    assert ("reported", "Jane Roe", "voters to “look closely” at his record") in said(nlp, text)


def test_a_participle_hung_on_what_a_noun_says_speaks_for_the_sentences_subject(nlp):
    # the parser hangs "saying" on "breaking", the verb of the claims, whose subject is
    # the Lund campaign: Roe is the one saying it
    text = (
        "Jane Roe spoke on Monday.\n\nJane Roe dismissed claims that the Lund campaign is "
        "breaking the law through its deal with the party — saying the rival campaign chose "
        "not to accept the same help."
    )
    found = said(nlp, text)
    assert ("reported", "Jane Roe", "the rival campaign chose not to accept the same help") in (
        found
    )


def test_an_infinitive_cue_on_a_predicate_adjective_speaks_for_the_adjectives_subject(nlp):
    # "point" hangs on "quick", which has no subject of its own: the subject of "was" speaks
    text = (
        "Jane Roe spoke on Monday.\n\nJane Roe was quick to point out that not all of the "
        "council's members shared such views."
    )
    assert ("reported", "Jane Roe", "not all of the council's members shared such views") in (
        said(nlp, text)
    )


def test_an_adjective_that_foretells_a_saying_names_no_speaker_for_it(nlp):
    # "likely to argue": nothing has been said yet; an empty "it" names no one either
    text = (
        "Jane Roe spoke on Monday.\n\nJane Roe is likely to argue that the budget is too "
        "small. It is fair to say that the vote was close."
    )
    assert [s for s in said(nlp, text) if s[1] is not None] == []


def test_a_surname_tagged_as_a_place_is_the_person_the_article_names(nlp):
    # the tagger takes "Nabeuli" alone for a place; the article names "Sami Nabeuli"
    text = (
        "Shop owners spoke on Monday.\n\nInside the market, Sami Nabeuli said he sells bread "
        "to three schools.\n\nThe bakery opened in May, Nabeuli said."
    )
    found = said(nlp, text)
    assert [s[1] for s in found if s[2].startswith("The bakery opened")] == ["Sami Nabeuli"]


def test_a_gerund_subject_the_parser_hung_on_the_cue_opens_the_reported_clause(nlp):
    # the parser makes "seeing" the cue's complement and "was" a clause under it
    text = (
        "Residents spoke on Monday.\n\nJane Roe said seeing so many police officers at "
        "Pride was a welcome sight."
    )
    assert said(nlp, text) == [
        ("reported", "Jane Roe", "seeing so many police officers at Pride was a welcome sight")
    ]


def test_a_report_between_the_halves_of_a_split_quote_is_its_own_statement(nlp):
    # the joined quote spans the cue's clause between its halves but does not say it
    text = (
        "Residents spoke on Monday.\n\n“The plan is sound,” says Jane Roe, noting that the "
        "council voted twice. “We will build it.”"
    )
    found = said(nlp, text)
    assert ("direct", "Jane Roe", "The plan is sound, We will build it.") in found
    assert ("reported", "Jane Roe", "the council voted twice") in found


def test_remind_reports_only_a_that_clause(nlp):
    text = (
        "Residents spoke on Monday.\n\nJane Roe reminded voters that the polls close at eight. "
        "The old song reminds Tom Baker of home."
    )
    assert said(nlp, text) == [("reported", "Jane Roe", "the polls close at eight")]
