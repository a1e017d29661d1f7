"""Roles and operations: each pattern, the sentence in and the fact out."""

from __future__ import annotations

from kg.extract.entities import extract_mentions
from kg.extract.operations import extract_operations
from kg.extract.roles import extract_memberships
from kg.extract.titles import title_at


def roles(nlp, text):
    doc = nlp(text)
    found = extract_memberships(doc, extract_mentions(doc))
    for m in found:
        assert doc.text[m.person.start : m.person.end] == m.person.text
    return [
        (m.person.text, m.role, m.organization.text if m.organization else None, m.qualifier)
        for m in found
    ]


def places(nlp, text):
    doc = nlp(text)
    return [
        (o.operation.text, o.location.text) for o in extract_operations(doc, extract_mentions(doc))
    ]


def test_title_before_name_with_place(nlp):
    assert ("Tim Walz", "Governor", "Minnesota", None) in roles(
        nlp, "Minnesota Governor Tim Walz met the press."
    )


def test_abbreviated_title_is_expanded(nlp):
    assert ("Mary Major", "Senator", None, None) in roles(nlp, "Sen. Mary Major voted no.")


def test_agency_before_title(nlp):
    found = roles(nlp, "FBI Director Anna Kowalski testified on Tuesday.")
    assert ("Anna Kowalski", "Director", "FBI", None) in found


def test_former_is_kept_as_a_qualifier(nlp):
    found = roles(nlp, "Former Attorney General Jane Roe criticised the ruling.")
    assert found and found[0][1] == "Attorney General" and found[0][3] == "former"


def test_apposition_after_name_with_of(nlp):
    found = roles(nlp, "Ann Lee, the chief executive of Acme Corporation, resigned on Friday.")
    assert found == [("Ann Lee", "Chief Executive", "Acme Corporation", None)]


def test_apposition_before_name(nlp):
    found = roles(nlp, "The company's spokesperson, Ravi Patel, declined to comment.")
    assert [(p, r) for p, r, *_ in found] == [("Ravi Patel", "Spokesperson")]


def test_possessive_title(nlp):
    found = roles(nlp, "President Donald Trump's border czar Tom Homan visited the city.")
    assert ("Tom Homan", "Border Czar", None, None) in found


def test_verb_ties_person_to_organization(nlp):
    found = roles(nlp, "Gerald Smith, who runs the Springfield Historical Society, gave a tour.")
    assert ("Gerald Smith", "Head", "Springfield Historical Society", None) in found


def test_no_role_for_a_plain_mention(nlp):
    assert roles(nlp, "Jane Roe walked to the store with her dog.") == []


def test_title_lexicon():
    assert title_at(["Minnesota", "Attorney", "General"]) == (1, 3)
    assert title_at(["Homeland", "Security", "Secretary"]) == (2, 3)
    assert title_at(["the", "dog"]) is None


def test_operation_with_place_in_same_sentence(nlp):
    text = "Agents were deployed to Chicago as part of Operation Midway Blitz in September."
    assert places(nlp, text) == [("Operation Midway Blitz", "Chicago")]


def test_operation_without_place_gives_nothing(nlp):
    assert places(nlp, "Operation Midway Blitz ended on Friday.") == []


def test_battle_takes_place_where_it_is_named_after(nlp):
    assert ("Battle of Warsaw", "Warsaw") in places(
        nlp, "The Battle of Warsaw was fought in August 1920 between two armies."
    )


def test_a_partys_candidate_is_in_the_party(nlp):
    found = roles(
        nlp,
        "The interview was with Maria Gonzalez, presidential candidate of the Green Harbor"
        " Movement, on radio.",
    )
    assert found == [("Maria Gonzalez", "Candidate", "Green Harbor Movement", None)]
    found = roles(nlp, "The Harbor Reform Party candidate David Miller spoke on Monday.")
    assert found == [("David Miller", "Candidate", "Harbor Reform Party", None)]
    # a candidate for an office is no member of the body he runs for
    assert roles(nlp, "David Miller, a candidate for the Senate, spoke on Monday.") == []


def test_a_bracket_after_the_organization_before_a_title(nlp):
    # "Name (ACRONYM) title Person": the bracket does not end the organization's phrase
    text = "Polls show that the Harbor Reform Party (HRP) candidate David Miller gained."
    found = roles(nlp, text)
    assert found == [("David Miller", "Candidate", "Harbor Reform Party", None)]


def test_a_title_abbreviation_split_from_its_dot(nlp):
    # the tokenizer splits "Lt." into "Lt" and "."
    assert roles(nlp, "Navy Lt. Sam Ortega said the boat sank.") == [
        ("Sam Ortega", "Lieutenant", "Navy", None)
    ]


def test_a_writers_beat_for_a_paper(nlp):
    found = roles(nlp, "Lee Morgan has covered education for the Daily Ledger since 1981.")
    assert found == [("Lee Morgan", "member", "Daily Ledger", None)]
    # writing something for someone is no job there
    assert roles(nlp, "Dale Nelson wrote a letter for the Harbor Council.") == []


def test_a_split_rank_abbreviation_is_no_organization(nlp):
    # "Lt." before "Gen." is part of the rank, not an organization named "Lt"
    found = roles(nlp, "The speech by retired Navy Lt. Gen. Sam Ortega drew boos.")
    assert found == [("Sam Ortega", "Lieutenant General", "Navy", "former")]


def test_the_agency_takes_up_the_organization_named_before(nlp):
    found = roles(
        nlp,
        "The Acme Safety Agency will issue new rules, said Tom Reed, a spokesman for the agency"
        " in Dover.",
    )
    assert ("Tom Reed", "Spokesman", "Acme Safety Agency", None) in found
    assert not [f for f in found if f[2] == "Dover"]


def test_a_company_official_takes_up_the_company_named_before(nlp):
    found = roles(
        nlp, "Brightwater Co. of Dover plans a new service, said Ann Lee, a company official."
    )
    assert ("Ann Lee", "Official", "Brightwater Co.", None) in found


def test_the_fleets_officer_takes_up_the_fleet_named_before(nlp):
    found = roles(
        nlp,
        "The Northern Fleet reported a fire, according to the fleet's senior duty officer"
        " Tom Reed.",
    )
    assert [(p, o) for p, _, o, _ in found] == [("Tom Reed", "Northern Fleet")]


def test_occupations_are_titles(nlp):
    found = roles(
        nlp, "Maria Stone, a lobbyist with the Acme Petroleum Institute, said prices would rise."
    )
    assert ("Maria Stone", "Lobbyist", "Acme Petroleum Institute", None) in found
    found = roles(nlp, "Tom Reed, an ecologist at Northfield University, said crops would fail.")
    assert ("Tom Reed", "Ecologist", "Northfield University", None) in found
    found = roles(nlp, "Brightwater Broadcasting anchorman Tom Reed spoke to the governors.")
    assert ("Tom Reed", "Anchorman", "Brightwater Broadcasting", None) in found


def test_title_word_adjectives_and_title_are_one_title(nlp):
    found = roles(
        nlp,
        "Tom Reed, chief medical officer for the Acme Heart Association in Dover, said prices"
        " would rise.",
    )
    assert found == [("Tom Reed", "Chief Medical Officer", "Acme Heart Association", None)]


def test_a_name_with_an_age_or_who_is_a_person(nlp):
    found = roles(nlp, "Brandt, 54, is a former Northfield University professor of economics.")
    assert ("Brandt", "Professor", "Northfield University", "former") in found
    found = roles(nlp, "Varga, who headed the Acme Disease Institute, said the budget was short.")
    assert [(p, o) for p, _, o, _ in found] == [("Varga", "Acme Disease Institute")]


def test_a_title_is_held_at_each_organization_listed(nlp):
    found = roles(
        nlp,
        "Anna Kowalski was a lecturer at Corvale University (2004), Marsh Institute (2006 - 2009),"
        " and Penbury College (2012).",
    )
    orgs = {o for p, r, o, _ in found if p == "Anna Kowalski" and r == "Lecturer"}
    assert orgs == {"Corvale University", "Marsh Institute", "Penbury College"}
    # a town and its state are no list of organizations
    found = roles(nlp, "Anna Kowalski served as a city councilor in Salem, Oregon.")
    assert [o for _, _, o, _ in found] == ["Salem"]


def test_a_title_opening_with_a_participle_after_was(nlp):
    found = roles(nlp, "Anna Kowalski was visiting professor at Corvale University in 2011.")
    assert ("Anna Kowalski", "Visiting Professor", "Corvale University", None) in found
    assert roles(nlp, "Anna Kowalski was visiting friends in Harlow Falls.") == []


def test_a_second_title_after_one_whose_object_is_no_organization(nlp):
    found = roles(
        nlp,
        "Ernest Boyle, a national spokesman for reform and president of the Carnegie Trust, "
        "said it was a problem.",
    )
    assert ("Ernest Boyle", "President", "Carnegie Trust", None) in found
    assert ("Ernest Boyle", "Spokesman", None, None) in found


def test_an_organization_described_then_named_in_the_next_apposition(nlp):
    assert roles(
        nlp,
        "Tom Brown, chairman of the main opposition party, the Acme Liberal Party, said the "
        "vote was rigged.",
    ) == [("Tom Brown", "Chairman", "Acme Liberal Party", None)]


def test_an_organizations_possessive_names_a_unit_the_person_belongs_to_as_well(nlp):
    found = roles(nlp, "Maria Ortiz of Stanford University's Hoover Institution said no.")
    assert ("Maria Ortiz", "member", "Stanford University", None) in found
    assert ("Maria Ortiz", "member", "Hoover Institution", None) in found
    found = roles(nlp, "Jo Roe, a professor at Columbia University's Teachers College, spoke.")
    assert ("Jo Roe", "Professor", "Teachers College", None) in found
    assert ("Jo Roe", "Professor", "Columbia University", None) in found
    found = roles(nlp, "The chief of Belarus's Security Committee, Ivan Petrov, said no.")
    assert not any(org == "Belarus" for _, _, org, _ in found)


def test_a_hyphenated_title_is_one_title(nlp):
    # the tokenizer splits "Secretary-General" in three; the role is the whole compound
    assert ("Ines Halvorsen", "Secretary-General", "UN", None) in roles(
        nlp, "UN Secretary-General Ines Halvorsen called for a ceasefire."
    )
    assert ("Ines Halvorsen", "Deputy Secretary-General", "NATO", None) in roles(
        nlp, "Ines Halvorsen, NATO's deputy secretary-general, said the allies agreed."
    )
    assert title_at(["the", "Acme", "vice", "-", "chair"]) == (2, 5)
    assert title_at(["Attorney", "-", "General"]) == (0, 3)
    # a dash between words that make no compound title leaves the last word's title
    assert title_at(["Acme", "-", "Director"]) == (2, 3)


def test_an_organization_that_appoints_gives_the_role_its_own(nlp):
    assert ("Ines Halvorsen", "General Counsel", "Quillfeather Corp.", None) in roles(
        nlp, "Quillfeather Corp. has hired Ines Halvorsen as its general counsel."
    )
    assert ("Ines Halvorsen", "Chief Executive", "Quillfeather Corp.", None) in roles(
        nlp, "Quillfeather Corp. named Ines Halvorsen its new chief executive."
    )
    # the phrase's own organization comes first; an apposition describes the person only
    found = roles(
        nlp, "Quillfeather Corp. named Ines Halvorsen, a former banker, as chief financial officer."
    )
    assert ("Ines Halvorsen", "Chief Financial Officer", "Quillfeather Corp.", None) in found
    assert not any(role == "Banker" for _, role, _, _ in found)
    # a person who appoints gives no organization
    found = roles(nlp, "Ana Ruiz named Ines Halvorsen as her chief of staff.")
    assert not any(person == "Ines Halvorsen" and org for person, _, org, _ in found)


def test_a_legislator_sits_in_the_chamber_the_sentence_names(nlp):
    found = roles(
        nlp,
        'Sen. Mara Quill, R-Ore., said, "Voters are looking to the Congress to act."',
    )
    assert ("Mara Quill", "Senator", "Congress", None) in found
    found = roles(nlp, "Rep. Tom Averill told reporters the House of Representatives would vote.")
    assert ("Tom Averill", "Representative", "House of Representatives", None) in found


def test_a_judge_sits_in_the_court_the_sentence_names(nlp):
    found = roles(
        nlp,
        "Judge Lena Orsk announced the ruling of the 4th U.S. Circuit Court of Appeals panel.",
    )
    assert ("Lena Orsk", "Judge", "4th U.S. Circuit Court of Appeals", None) in found


def test_no_chamber_from_a_committee_or_a_career(nlp):
    # the committee the senator chairs is the more precise body; "became a judge" is no
    # seat on the court the sentence names
    found = roles(
        nlp,
        "Sen. Mara Quill, chairman of the Senate Armed Services Committee, said the Senate "
        "would vote.",
    )
    assert ("Mara Quill", "Senator", "Senate", None) not in found
    found = roles(
        nlp,
        "Dale Finch, who became a judge in 1982, is a possible Supreme Court nominee.",
    )
    assert not [f for f in found if f[2] == "Supreme Court"]
    found = roles(nlp, "Senators vowed to block the Supreme Court nominee, Judge Lena Orsk.")
    assert ("Lena Orsk", "Judge", "Supreme Court", None) not in found
    found = roles(nlp, "Rep. Tom Averill met aides at the White House on Monday.")
    assert ("Tom Averill", "Representative", "White House", None) not in found


def test_an_adjective_between_an_unknown_name_and_the_title(nlp):
    found = roles(nlp, "(By KRAB-TASS diplomatic correspondent Ivan Sorel)")
    assert ("Ivan Sorel", "Correspondent", "KRAB-TASS", None) in found
