"""Entity mentions and the corrections of the small model's label errors."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.entities import (
    _kg_type,
    _untagged_acronyms,
    clean_surface,
    extract_mentions,
    trim_run_on_names,
    vote_types,
)
from kg.extract.records import Mention


def _mentions(nlp, text):
    return [(m.text, m.type) for m in extract_mentions(nlp(text))]


def test_agency_acronyms_are_organizations(nlp):
    found = _mentions(nlp, "Agents from ICE and the FBI arrived in Chicago on Monday.")
    assert ("ICE", "Organization") in found
    assert ("FBI", "Organization") in found
    assert ("Chicago", "Place") in found


def test_a_super_pac_is_no_name_but_a_named_pac_is(nlp):
    found = _mentions(
        nlp, "The super PAC said it would spend more. Keep Ohio Red PAC raised $2 million."
    )
    assert ("PAC", "Organization") not in found
    assert ("Ohio Red PAC", "Organization") in found


def test_named_operation_is_an_operation(nlp):
    found = _mentions(
        nlp, "Officers were deployed to Ohio as part of Operation Midway Blitz last week."
    )
    assert ("Operation Midway Blitz", "Operation") in found


def test_offsets_point_at_the_surface_text(nlp):
    doc = nlp("The White House's statement praised Sen. Mary Major of Ohio.")
    for m in extract_mentions(doc):
        assert doc.text[m.start : m.end] == m.text
    assert ("White House", "Organization") in [(m.text, m.type) for m in extract_mentions(doc)]


def test_surname_takes_the_type_of_its_full_name():
    mentions = [
        Mention("Jane Roe", "Person", 0, 8),
        Mention("Roe", "Organization", 20, 23),
        Mention("Roe", "Organization", 30, 33),
    ]
    assert {m.type for m in vote_types(mentions)} == {"Person"}


def test_majority_type_wins_per_surface_form():
    mentions = [Mention("Acme", "Organization", 0, 4)] * 2 + [Mention("Acme", "Person", 9, 13)]
    assert {m.type for m in vote_types(mentions)} == {"Organization"}


def test_headline_run_on_names_are_trimmed():
    mentions = [
        Mention("Lee Push", "Person", 0, 8),
        Mention("Lee", "Person", 20, 23),
        Mention("Kim’s Plan", "Person", 30, 40),
    ]
    assert [m.text for m in trim_run_on_names(mentions)] == ["Lee", "Lee", "Kim"]


def test_clean_surface_keeps_abbreviations():
    assert clean_surface("the U.S.") == "U.S."
    assert clean_surface("Acme Corp.'s") == "Acme Corp."
    assert clean_surface("the Pentagon's") == "Pentagon"


def test_untagged_lone_name_with_a_title_apposition_is_a_person(nlp):
    found = _mentions(nlp, "Tal, a senior Defense Ministry official, has not repeated these views.")
    assert ("Tal", "Person") in found
    found = _mentions(nlp, "Harrington taught at Harvard University and the National War College.")
    assert ("Harrington", "Person") in found
    assert ("President", "Person") not in _mentions(nlp, "President said the plan would work.")


def test_organization_tag_on_a_person_shown_by_the_sentence(nlp):
    found = _mentions(nlp, "Lindqvist, a lecturer in physics, died Monday.")
    assert ("Lindqvist", "Person") in found
    found = _mentions(nlp, "Winfield, 58, a former Dover College law professor, spoke.")
    assert ("Winfield", "Person") in found
    text = "The agency said that Sven E. Haglund of the Nordic Space Agency was chosen."
    found = _with_entities(nlp, text, [(4, 7, "ORG"), (8, 12, "ORG")])
    assert ("Sven E. Haglund", "Person") in found
    # a real organization keeps its type
    assert ("Nordic Space Agency", "Organization") in found


def test_untagged_surname_of_a_full_name_is_the_person(nlp):
    text = "Tomas Ferreira studied law. In 2003 Ferreira joined the firm."
    assert ("Ferreira", "Person") in _mentions(nlp, text)
    # after a determiner it is no name: "the Manifesto"
    assert ("Manifesto", "Person") not in _mentions(
        nlp, "Paul Manifesto wrote it. The Manifesto was printed in 1992."
    )


def _with_entities(nlp, text, ents):
    """``text`` parsed, with the entities ``ents`` ((first word, last word + 1, label))
    that the model might give."""
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return [(m.text, m.type) for m in extract_mentions(doc)]


def test_organization_cut_at_a_linking_word_runs_on(nlp):
    text = "Jane Roe led the Council for Unity and Renewal since 2014."
    found = _with_entities(nlp, text, [(0, 2, "PERSON"), (3, 8, "ORG"), (8, 9, "PERSON")])
    assert ("Council for Unity and Renewal", "Organization") in found
    assert ("Renewal", "Person") not in found


def test_organization_list_of_subjects_and_unclosed_bracket(nlp):
    text = "Roe taught at the Wexford Institute of Physics, Chemistry and Biology."
    found = _with_entities(nlp, text, [(3, 8, "ORG")])
    assert ("Wexford Institute of Physics, Chemistry and Biology", "Organization") in found
    text = "Roe served in the Army Signals Office (ASO) for years."
    found = _with_entities(nlp, text, [(3, 9, "ORG")])
    assert ("Army Signals Office", "Organization") in found


def test_organization_named_by_a_list_the_model_cut_at_a_comma(nlp):
    text = "Roe spoke for the Hydrology, Forestry and Soil Agency last week."
    found = _with_entities(nlp, text, [(0, 1, "PERSON"), (4, 5, "ORG"), (6, 10, "ORG")])
    assert ("Hydrology, Forestry and Soil Agency", "Organization") in found
    assert ("Hydrology", "Organization") not in found
    # a list of bodies or of places is no one name
    text = "Roe thanked the Army, Navy and Air Force."
    found = _with_entities(nlp, text, [(3, 4, "ORG"), (5, 6, "ORG"), (7, 9, "ORG")])
    assert ("Air Force", "Organization") in found
    assert ("Army", "Organization") in found
    text = "Roe toured the Bronx, Queens and Brooklyn Council."
    found = _with_entities(nlp, text, [(3, 4, "GPE"), (5, 6, "GPE"), (7, 9, "ORG")])
    assert ("Brooklyn Council", "Organization") in found
    text = "Roe wrote to the United Nations, and the Security Council replied."
    found = _with_entities(nlp, text, [(4, 6, "ORG"), (8, 11, "ORG")])
    assert ("Security Council", "Organization") in found


def test_untagged_name_with_an_age_and_a_title_is_a_person(nlp):
    found = _mentions(nlp, "Summer, 61, a retired Acme Corp engineer, spoke.")
    assert ("Summer", "Person") in found
    # a year is no age
    assert ("June", "Person") not in _mentions(nlp, "June, 1953, a hot month, ended.")


def test_full_name_in_running_text_is_not_trimmed_to_a_known_name(nlp):
    text = (
        "Li Wenbo founded the group in 1994. The group presented its plan to"
        " Li Wenbo, the mayor of the city. Later Li said the plan had failed."
    )
    mentions = [m.text for m in extract_mentions(nlp(text))]
    assert "Li" in mentions and "Li Wenbo" in mentions
    mentions = [Mention("Lee Push", "Person", 0, 8), Mention("Lee", "Person", 20, 23)]
    headline = "Lee Push Fails In Senate\nLee said no to the plan in the end"
    assert [m.text for m in trim_run_on_names(mentions, headline)] == ["Lee", "Lee"]
    running = "Lee Push said he would run again\nLee said no to the plan in the end"
    assert [m.text for m in trim_run_on_names(mentions, running)] == ["Lee Push", "Lee"]


def test_title_word_tagged_as_a_name_before_of_is_no_person(nlp):
    found = _mentions(nlp, "From 1990 he served as Dean of the Wexford School of Law.")
    assert ("Dean", "Person") not in found
    assert ("Wexford School of Law", "Organization") in found


def test_school_tagged_as_a_building_is_an_organization(nlp):
    found = _mentions(nlp, "He taught at the Santa Lucia Conservatory in Rome.")
    assert ("Santa Lucia Conservatory", "Organization") in found


def test_washington_dc_is_one_place(nlp):
    found = _mentions(nlp, "The program ran in Washington, D.C., Memphis, Tennessee, and Dallas.")
    assert ("Washington, D.C.", "Place") in found
    assert ("D.C.", "Place") not in found and ("Washington", "Place") not in found


def test_untagged_region_after_the_is_a_place(nlp):
    found = _mentions(nlp, "The new rules make it far more safe for the Twin Cities.")
    assert ("Twin Cities", "Place") in found
    # a region word inside a longer name is not a region of its own
    assert ("Twin Cities", "Place") not in _mentions(nlp, "She edits the Twin Cities Review.")


def test_untagged_acronym_as_subject_or_after_the_is_an_organization(nlp):
    assert ("KLMT", "Organization") in _mentions(nlp, "KLMT reported Monday that the bill passed.")
    # a modifier, a title or a known non-name is no organization
    found = _mentions(nlp, "Doctors began the PTSD treatment. She met the CEO.")
    assert not any(kind == "Organization" for _, kind in found)


def test_acronym_guards_dateline_and_caps_surname(nlp):
    words = ["FARLOW", ",", "Ore.", "—", "The", "mayor", "spoke", "."]
    deps = ["nsubj", "punct", "appos", "punct", "det", "nsubj", "ROOT", "punct"]
    heads = [6, 0, 0, 6, 5, 6, 6, 6]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, deps=deps, heads=heads, pos=pos)
    assert _untagged_acronyms(doc) == []  # a dateline's place
    doc = Doc(
        nlp.vocab,
        words=["Intro", "\n"] + words,
        deps=["ROOT", "dep"] + deps,
        heads=[0, 0] + [h + 2 for h in heads],
        pos=["PROPN", "SPACE"] + pos,
    )
    assert _untagged_acronyms(doc) == []  # a dateline opening a later line
    words = ["ROE", "reported", "that", "Roe", "left", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        pos=["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "PUNCT"],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        heads=[1, 1, 4, 4, 1, 1],
    )
    assert _untagged_acronyms(doc) == []  # a surname the text also writes in title case
    doc = Doc(
        nlp.vocab,
        words=["III", "left", "."],
        pos=["PROPN", "VERB", "PUNCT"],
        deps=["nsubj", "ROOT", "punct"],
        heads=[1, 1, 1],
    )
    assert _untagged_acronyms(doc) == []  # a Roman numeral
    doc = Doc(
        nlp.vocab,
        words=["KLMT", "reported", "."],
        pos=["PROPN", "VERB", "PUNCT"],
        deps=["nsubj", "ROOT", "punct"],
        heads=[1, 1, 1],
    )
    assert [m.text for m in _untagged_acronyms(doc)] == ["KLMT"]
    doc = Doc(
        nlp.vocab,
        words=["They", "signed", "the", "KLMT", "."],
        pos=["PRON", "VERB", "DET", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        heads=[1, 1, 3, 1, 1],
    )
    assert _untagged_acronyms(doc) == []  # a verb's object: as often an agreement or a law
    doc = Doc(
        nlp.vocab,
        words=["They", "sided", "with", "the", "KLMT", "."],
        pos=["PRON", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
        heads=[1, 1, 1, 4, 2, 1],
    )
    assert [m.text for m in _untagged_acronyms(doc)] == ["KLMT"]  # "sided with the KLMT"


def test_person_described_as_an_organization_is_one(nlp):
    text = (
        "The study is run by Merton Wells, a non-profit agency that helps people."
        " Merton Wells opened a shelter. Staff at Merton Wells said it was full."
    )
    found = _mentions(nlp, text)
    assert ("Merton Wells", "Organization") in found
    assert ("Merton Wells", "Person") not in found
    # a person's apposition keeps the person
    assert ("Merton Wells", "Person") in _mentions(nlp, "Merton Wells, a doctor, opened a shelter.")
    found = _mentions(nlp, "Merton Wells of the Arlo Group, a consulting company, said no.")
    assert ("Merton Wells", "Organization") not in found
    text = "Merton Wells, the founder of Arlo Sweets, a candy company based in Ohio, said no."
    assert ("Merton Wells", "Organization") not in _mentions(nlp, text)


def test_last_word_of_a_title_with_of_is_no_name(nlp):
    found = _mentions(nlp, "Former Secretary of State Jane Roe urged voters to stay home.")
    assert found == [("Jane Roe", "Person")]


def test_capitalised_common_phrase_is_no_person(nlp):
    # the same words after "an", or in lower case elsewhere, are a common noun phrase
    text = "Critics scoffed that President Standing Order might issue a Standing Order."
    assert not any(kind == "Person" for _, kind in _mentions(nlp, text))
    text = (
        "No standing order was needed, the mayor said. "
        "President Standing Order disagreed on Tuesday."
    )
    assert not any(kind == "Person" for _, kind in _mentions(nlp, text))
    # a name written only as a name stays a person
    text = "Ada Stone told reporters that a stone fell on the road."
    assert ("Ada Stone", "Person") in _mentions(nlp, text)


def test_organization_name_ends_before_a_title_abbreviation(nlp):
    found = _mentions(nlp, "A fire burned 200 acres, said county Fire Department Capt. Sam Ortega.")
    assert ("Fire Department", "Organization") in found
    assert not any(text.endswith("Capt") for text, _ in found)


def test_a_name_used_after_a_as_a_type_stays_a_name(nlp):
    # "a Maureen Gale novel" and "to be a Maureen Gale" (with "Ms. Gale" alone) are names
    text = "Readers loved a Maureen Gale novel, said Maureen Gale on Monday."
    assert ("Maureen Gale", "Person") in _mentions(nlp, text)
    text = "Maureen Gale wrote the book. Everyone wanted to be a Maureen Gale, Ms. Gale said."
    assert ("Maureen Gale", "Person") in _mentions(nlp, text)


def test_place_tag_on_a_body_named_after_its_place_is_an_organization(nlp):
    doc = nlp("Ray Lund sits on the Dale County Council and lived in the Soviet Union.")
    council = Span(doc, 4, 8, label="GPE")  # as the model may tag it
    union = Span(doc, 11, 14, label="GPE")
    assert council.text == "the Dale County Council" and union.text == "the Soviet Union"
    assert _kg_type(council) == "Organization"
    assert _kg_type(union) == "Place"  # "union" and "bank" also end names of places


def test_untagged_full_name_with_a_title_apposition_is_a_person(nlp):
    doc = nlp(
        "Bohdan Horobets, leader of the Vetch Union, will run. "
        "Mila Kos, a senior engineer at Acme, left."
    )
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]  # as the model may leave them
    found = [(m.text, m.type) for m in extract_mentions(doc)]
    assert ("Bohdan Horobets", "Person") in found
    assert ("Mila Kos", "Person") in found
    # a title an organization can hold too counts only for the subject of the clause
    doc = nlp("They met Vetch Holdings, leader of the market.")
    doc.ents = []
    assert ("Vetch Holdings", "Person") not in [(m.text, m.type) for m in extract_mentions(doc)]


def test_organization_name_runs_on_over_its_purpose_and_a_list(nlp):
    text = "Boyer is president of the Carnegie Foundation for the Advancement of Teaching."
    found = _mentions(nlp, text)
    assert ("Carnegie Foundation for the Advancement of Teaching", "Organization") in found
    assert ("Advancement of Teaching", "Organization") not in found
    text = (
        "Gerald McEntee, president of the American Federation of State, County and "
        "Municipal Employees, said so."
    )
    found = _mentions(nlp, text)
    assert ("American Federation of State, County and Municipal Employees", "Organization") in found
    # a person or a place after "for" is not part of the name
    found = _mentions(nlp, "Jo Roe of the Vetch Foundation for Ann Lee met donors in Ohio.")
    assert ("Vetch Foundation", "Organization") in found and ("Ann Lee", "Person") in found


def test_ordinal_before_an_organization_name_is_part_of_it(nlp):
    found = _mentions(nlp, "Judge Ann Roe of the 2nd U.S. Circuit Court of Appeals ruled.")
    assert ("2nd U.S. Circuit Court of Appeals", "Organization") in found
    assert ("Senate", "Organization") in _mentions(nlp, "It was the first Senate vote.")


def test_a_unit_of_a_legislature_after_its_name_is_the_organization(nlp):
    text = "Jo Roe, chairman of the House Appropriations treasury and postal subcommittee, spoke."
    found = _mentions(nlp, text)
    assert ("House Appropriations treasury and postal subcommittee", "Organization") in found
    text = "Bo Chan, chairman of the Harlan County House delegation, agreed."
    assert ("Harlan County House delegation", "Organization") in _mentions(nlp, text)
    # no unit of a one-word body, a possessor or a party
    assert ("Senate", "Organization") in _mentions(nlp, "He went before the Senate committee.")
    assert ("Acme Corp", "Organization") in _mentions(nlp, "Acme Corp's audit committee met.")
    assert ("Vetch Party", "Organization") in _mentions(nlp, "The Vetch Party delegation left.")


def test_a_headline_name_running_on_into_another_name_is_cut_at_the_first():
    headline = "Ana Reyes Rebukes Tom Hale Over Port Plan\nAna Reyes met Tom Hale on Monday."
    mentions = [
        Mention("Ana Reyes Rebukes Tom Hale", "Person", 0, 26),
        Mention("Ana Reyes", "Person", 42, 51),
        Mention("Tom Hale", "Person", 56, 64),
    ]
    assert [m.text for m in trim_run_on_names(mentions, headline)] == [
        "Ana Reyes", "Ana Reyes", "Tom Hale",
    ]


def test_a_generational_suffix_is_no_run_on_of_the_name_before_it():
    # a line of capitalised names reads as a headline; "III" is still part of the name
    line = "“Yes,” Jo Roe III, Founder Of The Acme Media Center, Tells Acme News\nJo Roe Sr."
    mentions = [Mention("Jo Roe III", "Person", 7, 17), Mention("Jo Roe", "Person", 69, 75)]
    assert [m.text for m in trim_run_on_names(mentions, line)] == ["Jo Roe III", "Jo Roe"]


def _first_mention(nlp, text, end, label="PERSON", tags=None):
    """The first mention of ``text`` as (text, type), with words [0, end) given the entity
    ``label`` and the given words the given tags."""
    doc = nlp(text)
    for i, tag in (tags or {}).items():
        doc[i].tag_ = tag
    doc.ents = [Span(doc, 0, end, label=label)]
    first = extract_mentions(doc)[0]
    return first.text, first.type


def test_a_person_name_run_on_over_of_ends_before_it(nlp):
    text = "Ignacio Ruiz of Harbor Freight said the store would stay open."
    assert _first_mention(nlp, text, 5) == ("Ignacio Ruiz", "Person")
    assert _first_mention(nlp, "Joan of Arc was canonised in 1920.", 3)[0] == "Joan of Arc"


def test_an_organization_headed_by_a_persons_title_is_a_titled_person(nlp):
    text = "Spokesman Lars Ekdahl said the ferry would run."
    assert _first_mention(nlp, text, 3, "ORG")[1] == "Person"
    assert _first_mention(nlp, "Professor Quill Academy opened a campus.", 3, "ORG")[1] == (
        "Organization"
    )


def _person_span(nlp, text, end, tags=None):
    """The first mention's text, with words [0, end) tagged PERSON and the given tags."""
    return _first_mention(nlp, text, end, tags=tags)[0]


def test_a_word_in_front_of_a_persons_name_is_no_part_of_it(nlp):
    # a noun that describes a person
    assert _person_span(nlp, "Filmmaker Ines Halvorsen said the film would open.", 3) == (
        "Ines Halvorsen"
    )
    # a word the tagger reads as no proper noun (a headline's verb, an adverb)
    text = "Entrusting Ines Halvorsen with the budget was a mistake."
    assert _person_span(nlp, text, 3, {0: "VBG"}) == "Ines Halvorsen"
    text = "Certainly Ines Halvorsen has gone too far."
    assert _person_span(nlp, text, 3, {0: "RB"}) == "Ines Halvorsen"
    # a people's name ("Floridians Jeb Bush and Marco Rubio")
    text = "Floridians Ines Halvorsen and Bo Chan are racing."
    assert _person_span(nlp, text, 3, {0: "NNPS"}) == "Ines Halvorsen"
    # not a first name the tagger took for a plural
    text = "Ines Mara Halvorsen and Bo Chan are racing."
    assert _person_span(nlp, text, 3, {0: "NNPS"}) == "Ines Mara Halvorsen"
    # a first name stays, and so does a name of two words
    text = "Marine Halvorsen Lund said the film would open."
    assert _person_span(nlp, text, 3, {0: "NNP"}) == "Marine Halvorsen Lund"
    assert _person_span(nlp, "Filmmaker Halvorsen said it.", 2) == "Filmmaker Halvorsen"


def test_a_number_or_a_headline_verb_next_to_a_persons_name_is_no_part_of_it(nlp):
    assert _person_span(nlp, "Ines Halvorsen 2 won the vote.", 3, {2: "CD"}) == "Ines Halvorsen"
    text = "Ines Halvorsen Responds To Critics\n\nShe spoke on Monday."
    assert _person_span(nlp, text, 5, {2: "VBZ"}) == "Ines Halvorsen"
    # a headline's infinitive in front of the name ("Votes To Condemn Donald Trump's Ban")
    text = "Council Votes To Condemn Ines Halvorsen’s Plan\n\nThe council met on Monday."
    assert [t.text for t in nlp(text)[3].children if t.dep_ == "aux"] == ["To"]
    assert _with_entities(nlp, text, [(3, 6, "PERSON")]) == [("Ines Halvorsen", "Person")]
    # in running text a word tagged as a verb inside a name stays ("Grant" in a name)
    text = "Ines Grant Halvorsen spoke on Monday about the plan for the city."
    assert _person_span(nlp, text, 3, {1: "VB"}) == "Ines Grant Halvorsen"


def test_a_person_of_an_organization_tagged_as_one_organization_is_both(nlp):
    text = "Ines Halvorsen of Harbor Rights Watch, who observed the vote, spoke on Monday."
    found = _with_entities(nlp, text, [(0, 6, "ORG")])
    assert ("Ines Halvorsen", "Person") in found
    assert ("Harbor Rights Watch", "Organization") in found
    # words that read as no person's name before "of" are not cut off
    text = "It was left to Public Works and the House of Lords, who took it upon themselves."
    found = _with_entities(nlp, text, [(4, 11, "ORG")])
    assert ("Lords", "Organization") not in found
    # an organization the model tagged as one stays whole
    text = "Harbor Rights Watch of Oslo said on Monday that the vote was fair."
    found = _with_entities(nlp, text, [(0, 5, "ORG")])
    assert ("Harbor Rights Watch of Oslo", "Organization") in found


def test_an_organization_headed_by_a_noun_that_describes_a_person_is_that_person(nlp):
    text = "Actress Ines Halvorsen was honored on Monday."
    assert _first_mention(nlp, text, 3, "ORG") == ("Ines Halvorsen", "Person")
    text = "Author Quill Foundation gave the prize."
    assert _first_mention(nlp, text, 3, "ORG") == ("Author Quill Foundation", "Organization")


def test_institution_name_whose_first_words_the_model_left_untagged(nlp):
    """ "the" + "U.S. Tidal" + "Energy Research Office": one name; a word an entity holds
    or a title stays out."""
    text = "Col. Jo Roe of the U.S. Tidal Energy Research Office spoke."
    found = _with_entities(nlp, text, [(2, 4, "PERSON"), (8, 11, "ORG")])
    assert ("U.S. Tidal Energy Research Office", "Organization") in found
    text = "Jo Roe of the Vetch Energy Research Office spoke."
    found = _with_entities(nlp, text, [(0, 2, "PERSON"), (4, 5, "GPE"), (5, 8, "ORG")])
    assert ("Energy Research Office", "Organization") in found
    text = "Jo Roe met the Director Energy Research Office."
    found = _with_entities(nlp, text, [(0, 2, "PERSON"), (5, 8, "ORG")])
    assert ("Energy Research Office", "Organization") in found
    text = "Jo Roe works at the D.C.-based Energy Research Office."
    found = _with_entities(nlp, text, [(0, 2, "PERSON"), (6, 9, "ORG")])
    assert ("Energy Research Office", "Organization") in found


def test_wire_dateline_is_no_part_of_the_name_after_it(nlp):
    """ "CLEVELAND - Jo Roe …": the tagger ran the place into the name; a dateline with a
    state or an agency gives its place and agency, a lead-in in capitals gives nothing."""
    found = [(m.text, m.type) for m in extract_mentions(nlp(
        "CLEVELAND - Jo Roe painted a dire portrait of the nation on Thursday."
    ))]
    assert found == [("Jo Roe", "Person")]
    found = [(m.text, m.type) for m in extract_mentions(nlp(
        "RENO, Nev. (AP) — The plan would fail, the governor said on Monday."
    ))]
    assert ("RENO", "Place") in found and ("AP", "Organization") in found
    found = [(m.text, m.type) for m in extract_mentions(nlp(
        "FAREWELL - After 30 years the Acme Ledger closed its doors on Monday."
    ))]
    assert "FAREWELL" not in [text for text, _ in found]


def test_full_name_the_model_tagged_elsewhere_in_the_document(nlp):
    """ "Jo Roe" left untagged where the article first names her is the person it tags later;
    the same words inside a longer name ("Jo Roe Smith") are not."""
    text = "Jo Roe spoke on Monday. Later Jo Roe left, and Anna Jo Roe Smith stayed."
    found = _with_entities(nlp, text, [(7, 9, "PERSON")])
    assert found[:2] == [("Jo Roe", "Person"), ("Jo Roe", "Person")]
    assert len([1 for text, _ in found if text == "Jo Roe"]) == 2


def test_a_social_network_is_no_person(nlp):
    found = dict(_mentions(nlp, "Dana Voss posted a message on Twitter reading thanks."))
    assert found.get("Twitter") == "Organization"


def test_a_speech_verb_opening_an_inverted_attribution_is_no_part_of_the_name(nlp):
    found = _mentions(
        nlp,
        "The checks failed twice last year. Said Marlow, "
        "“The thought that a mistake of ours played a part is very painful to us.”",
    )
    assert ("Marlow", "Person") in found
    assert not [text for text, _ in found if text.startswith("Said")]
