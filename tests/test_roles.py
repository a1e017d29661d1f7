"""Person–role–organization extraction: one test per title form, on the real pipeline.

Example: "Ohio Governor Jane Roe spoke." -> ("Jane Roe", "Governor", "Ohio", None).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import extract_mentions
from kg.extract.records import Membership
from kg.extract.roles import MEMBER_ROLE, extract_memberships
from kg.extract.titles import ROLE_TITLES, is_office, title_at, title_label
from kg.nlp import load_pipeline

Row = tuple[str, str, str | None, str | None]


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return load_pipeline()


def memberships(nlp: Language, text: str) -> list[Membership]:
    doc = nlp(text)
    found = extract_memberships(doc, extract_mentions(doc))
    for m in found:
        assert doc.text[m.person.start : m.person.end] == m.person.text
        assert m.person.type == "Person"
        if m.organization is not None:
            org = m.organization
            assert doc.text[org.start : org.end] == org.text
            assert org.type in ("Organization", "Place")
        assert 0.0 <= m.evidence.confidence <= 1.0
        sentence = doc.text[m.evidence.sentence_start : m.evidence.sentence_end]
        assert m.person.text in sentence or m.evidence.rule
    return found


def rows(nlp: Language, text: str) -> list[Row]:
    """(person, role, organization or None, qualifier) for every membership of ``text``."""
    return [
        (m.person.text, m.role, m.organization.text if m.organization else None, m.qualifier)
        for m in memberships(nlp, text)
    ]


# -- titles before a name ------------------------------------------------------------------


def test_place_and_title_before_name(pipeline: Language) -> None:
    assert rows(pipeline, "Ohio Governor Jane Roe signed the bill on Monday.") == [
        ("Jane Roe", "Governor", "Ohio", None)
    ]


def test_agency_acronym_and_title_before_name(pipeline: Language) -> None:
    found = rows(pipeline, "FBI Director Anna Kowalski told senators the inquiry would go on.")
    assert found == [("Anna Kowalski", "Director", "FBI", None)]


def test_abbreviated_title_is_spelled_out(pipeline: Language) -> None:
    found = rows(pipeline, "Gov. Maria Lopez vetoed the budget late on Friday.")
    assert found == [("Maria Lopez", "Governor", None, None)]


def test_president_without_organization(pipeline: Language) -> None:
    found = rows(pipeline, "President Alan Greene flew to Paris on Tuesday.")
    assert found == [("Alan Greene", "President", None, None)]


def test_mayor_of_a_city_before_name(pipeline: Language) -> None:
    found = rows(pipeline, "Springfield Mayor Tom Baker closed the bridge.")
    assert ("Tom Baker", "Mayor", "Springfield", None) in found


def test_former_qualifier_on_multiword_title(pipeline: Language) -> None:
    found = rows(pipeline, "Former Attorney General Paul Ward criticised the ruling.")
    assert found == [("Paul Ward", "Attorney General", None, "former")]


def test_acting_qualifier(pipeline: Language) -> None:
    found = rows(pipeline, "Acting Secretary Dana Miles will testify next week.")
    assert found and found[0][1] == "Secretary" and found[0][3] == "acting"


def test_possessive_person_gives_no_organization(pipeline: Language) -> None:
    found = rows(pipeline, "The president's border czar Mark Stone arrived in Texas.")
    assert ("Mark Stone", "Border Czar", None, None) in found


def test_company_spokesman_before_name(pipeline: Language) -> None:
    found = rows(pipeline, "Exxon spokesman Carl Berg said the spill was contained.")
    assert found == [("Carl Berg", "Spokesman", "Exxon", None)]


def test_unknown_name_before_company_title_is_the_organization(pipeline: Language) -> None:
    text = "The minister said that Transnet chairperson Linda Mabaso had asked for a meeting."
    assert rows(pipeline, text) == [("Linda Mabaso", "Chairperson", "Transnet", None)]


def test_unknown_acronym_before_title_is_the_organization(pipeline: Language) -> None:
    found = rows(pipeline, "In a statement signed by CNTU Secretary Luis Ramos, the union agreed.")
    assert ("Luis Ramos", "Secretary", "CNTU", None) in found


def test_title_of_country_before_name(pipeline: Language) -> None:
    found = rows(pipeline, "The Prime Minister of Canada John Miller visited Ottawa.")
    assert found == [("John Miller", "Prime Minister", "Canada", None)]


def test_nationality_adjective_names_the_state(pipeline: Language) -> None:
    found = rows(pipeline, "He met former Dutch Prime Minister Jan de Vries in Brussels.")
    assert ("Jan de Vries", "Prime Minister", "Dutch", "former") in found


# -- appositions -----------------------------------------------------------------------------


def test_apposition_after_name_with_possessive_organization(pipeline: Language) -> None:
    found = rows(pipeline, "Tom Reed, the administration's border czar, visited the city.")
    assert found == [("Tom Reed", "Border Czar", "administration", None)]


def test_apposition_before_name(pipeline: Language) -> None:
    found = rows(pipeline, "The administration's border czar, Tom Reed, visited the city.")
    assert found == [("Tom Reed", "Border Czar", "administration", None)]


def test_apposition_title_of_place(pipeline: Language) -> None:
    found = rows(pipeline, "Sara Klein, governor of Oregon, declared an emergency.")
    assert found == [("Sara Klein", "Governor", "Oregon", None)]


def test_apposition_chief_executive_of_company(pipeline: Language) -> None:
    found = rows(pipeline, "Ann Lee, the chief executive of Acme Corporation, resigned.")
    assert found == [("Ann Lee", "Chief Executive", "Acme Corporation", None)]


def test_apposition_spokesperson_for_organization(pipeline: Language) -> None:
    found = rows(
        pipeline, "Priya Nair, a spokesperson for the World Health Organization, declined."
    )
    assert found == [("Priya Nair", "Spokesperson", "World Health Organization", None)]


def test_apposition_after_age(pipeline: Language) -> None:
    found = rows(pipeline, "John Carter, 58, a professor at Stanford University, died Monday.")
    assert ("John Carter", "Professor", "Stanford University", None) in found


def test_apposition_with_two_roles(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "Lena Park, director of the Ocean Institute and a member of the Sierra Club, spoke.",
    )
    assert ("Lena Park", "Director", "Ocean Institute", None) in found
    assert ("Lena Park", "Member", "Sierra Club", None) in found


def test_possessive_place_before_title_in_apposition(pipeline: Language) -> None:
    found = rows(pipeline, "Oregon's attorney general, Ruth Hale, filed the suit.")
    assert found == [("Ruth Hale", "Attorney General", "Oregon", None)]


def test_then_qualifier_in_apposition(pipeline: Language) -> None:
    found = rows(pipeline, "The shots wounded John Connor, then the Texas governor.")
    assert found == [("John Connor", "Governor", "Texas", "then")]


# -- verbs -----------------------------------------------------------------------------------


def test_copula_title_of_organization(pipeline: Language) -> None:
    found = rows(pipeline, "Maria Gomez is the mayor of San Antonio.")
    assert found == [("Maria Gomez", "Mayor", "San Antonio", None)]


def test_became_with_title(pipeline: Language) -> None:
    found = rows(pipeline, "In 2019, David Cho became chairman of Samsung Electronics.")
    assert ("David Cho", "Chairman", "Samsung Electronics", None) in found


def test_served_as(pipeline: Language) -> None:
    found = rows(pipeline, "Ross Palmer served as mayor of Calgary from 1977 to 1980.")
    assert found == [("Ross Palmer", "Mayor", "Calgary", None)]


def test_relative_clause_who_heads(pipeline: Language) -> None:
    found = rows(pipeline, "Gerald Smith, who heads the Springfield Historical Society, spoke.")
    assert ("Gerald Smith", "Head", "Springfield Historical Society", None) in found


def test_person_of_organization_is_a_member(pipeline: Language) -> None:
    found = rows(pipeline, "Growth will slow, said Peter Hall of the Brookings Institution.")
    assert found == [("Peter Hall", MEMBER_ROLE, "Brookings Institution", None)]


def test_inverted_copula_title_is_the_subject(pipeline: Language) -> None:
    found = rows(pipeline, "The current president of the Ford Foundation is Darren Walker.")
    assert ("Darren Walker", "President", "Ford Foundation", None) in found


def test_second_title_in_copula_list(pipeline: Language) -> None:
    found = rows(pipeline, "Erik Lund is a Swedish civil servant and former CEO of Deutsche Bank.")
    assert ("Erik Lund", "CEO", "Deutsche Bank", "former") in found


def test_occupation_with_a_nationality_is_not_a_title_of_the_next_organization(
    pipeline: Language,
) -> None:
    # the nationality makes "economist" the person's trade; "chairman and chief executive
    # of Acme" (no nationality) still share it
    found = rows(
        pipeline, "Ola Berg is a Norwegian economist and former chief executive of Statoil."
    )
    assert ("Ola Berg", "Chief Executive", "Statoil", "former") in found
    assert not [row for row in found if row[1] == "Economist" and row[2] == "Statoil"]


def test_passive_led_by_after_organization(pipeline: Language) -> None:
    found = rows(pipeline, "The Green Alliance, led by Maria Costa, won the vote in 2009.")
    assert ("Maria Costa", "Leader", "Green Alliance", None) in found


def test_joined_an_organization(pipeline: Language) -> None:
    found = rows(pipeline, "In 2004 Peter Lang joined the World Bank as an economist.")
    assert ("Peter Lang", MEMBER_ROLE, "World Bank", None) in found


def test_joined_the_faculty_of_a_university(pipeline: Language) -> None:
    found = rows(pipeline, "After his doctorate, Karl Weber joined the faculty of Yale University.")
    assert ("Karl Weber", MEMBER_ROLE, "Yale University", None) in found


def test_taught_at_two_organizations(pipeline: Language) -> None:
    found = rows(pipeline, "Helen Ross taught at Harvard University and the Juilliard School.")
    orgs = {org for person, _, org, _ in found if person == "Helen Ross"}
    assert {"Harvard University", "Juilliard School"} <= orgs


def test_second_title_shares_the_organization(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "Siemens chairman Jim Hagemann and chief executive Roland Busch met the union.",
    )
    assert ("Jim Hagemann", "Chairman", "Siemens", None) in found
    assert ("Roland Busch", "Chief Executive", "Siemens", None) in found


def test_curator_at_a_museum(pipeline: Language) -> None:
    found = rows(pipeline, "The bird was named after John Hale, a curator at the British Museum.")
    assert ("John Hale", "Curator", "British Museum", None) in found


def test_head_of_government_gets_the_nationality_of_the_sentence(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "The treaty was signed in 1815, with prime minister Olav Berg leading the Norwegian"
        " delegation.",
    )
    assert ("Olav Berg", "Prime Minister", "Norwegian", None) in found


def test_head_of_government_gets_the_country_of_the_document(pipeline: Language) -> None:
    text = (
        "Kenya's economy grew fast in the 1990s. Kenyan exporters sold tea abroad. "
        "President Daniel Otieno opened the new port."
    )
    found = rows(pipeline, text)
    assert ("Daniel Otieno", "President", "Kenyan", None) in found or (
        "Daniel Otieno",
        "President",
        "Kenya",
        None,
    ) in found


def test_head_of_government_gets_the_country_of_his_clause(pipeline: Language) -> None:
    opening = (
        "France and Germany signed a pact. German and French traders and German farmers cheered. "
    )
    text = opening + "In 2001 President Jean Moreau led the French delegation to Rome."
    # the country as the document names it, not the adjective
    assert ("Jean Moreau", "President", "France", None) in rows(pipeline, text)
    # a country outside the clause the holder is the subject of is not his
    text = opening + "Sources close to President Jean Moreau say the plan had French backing."
    assert ("Jean Moreau", "President", None, None) in rows(pipeline, text)


def test_governor_gets_the_state_of_the_document(pipeline: Language) -> None:
    text = (
        "Mary Hale was born in Dayton, Ohio, and studied law in Ohio. "
        "She later became a judge in Ohio. In 2015 Governor John Kasich appointed her."
    )
    assert ("John Kasich", "Governor", "Ohio", None) in rows(pipeline, text)


def test_an_office_named_with_its_place_keeps_it_where_the_surname_stands_alone(
    pipeline: Language,
) -> None:
    text = (
        "Former Alaska Gov. Mary Hale spoke in Dayton, Ohio, on Friday. Ohio voters cheered. "
        "Ohio delegates met in Ohio. Later former Gov. Hale left for home."
    )
    found = rows(pipeline, text)
    assert ("Mary Hale", "Governor", "Alaska", "former") in found
    assert [org for person, _, org, _ in found if person == "Hale"] == ["Alaska"]
    # a former office is not the one held now
    text = (
        "Kenya's economy grew fast. Kenyan exporters sold tea abroad. Daniel Otieno, a former "
        "president of Acme College, spoke. President Otieno opened the new port."
    )
    found = rows(pipeline, text)
    assert ("Otieno", "President", "Acme College", None) not in found


def test_the_countrys_title_is_the_place_named_before(pipeline: Language) -> None:
    text = (
        "The plan drew support across Kenya's farming regions, including from the country's"
        " Prime Minister Daniel Otieno."
    )
    assert ("Daniel Otieno", "Prime Minister", "Kenya", None) in rows(pipeline, text)


def test_governor_gets_no_state_when_none_dominates(pipeline: Language) -> None:
    text = "Mary Hale was born in Ohio and worked in Texas. Governor John Kasich appointed her."
    assert ("John Kasich", "Governor", None, None) in rows(pipeline, text)


def test_a_foreign_leader_keeps_his_own_nationality(pipeline: Language) -> None:
    found = rows(pipeline, "President Alan Greene met Chinese leader Li Wei in Paris.")
    assert ("Alan Greene", "President", "Chinese", None) not in found


def test_relative_clause_on_a_second_complement(pipeline: Language) -> None:
    # "Will" is parsed as an auxiliary: the name's subject word must still be found
    text = (
        "Will Carter (March 3, 1910 – June 2, 1980) was an American writer and puzzle maker"
        " who served as puzzle editor for the Chicago Tribune from 1950 - 1970."
    )
    assert ("Will Carter", "Editor", "Chicago Tribune", None) in rows(pipeline, text)


def test_who_clause_hung_on_a_place_in_the_complement(pipeline: Language) -> None:
    # the parser hangs "who served" on the place, not on "politician"
    text = (
        "Jane Roe (1911 – 1987) was a politician in the Australian state of Victoria,"
        " who served as mayor of Geelong from 1960 to 1964."
    )
    assert ("Jane Roe", "Mayor", "Geelong", None) in rows(pipeline, text)


def test_who_clause_inside_an_apposition(pipeline: Language) -> None:
    text = "Jane Roe, a lawyer from Dayton who works for Acme Corp, denied it."
    assert ("Jane Roe", MEMBER_ROLE, "Acme Corp", None) in rows(pipeline, text)
    # "who" after another person's name or a noun for a person is that person's clause
    found = rows(pipeline, "Jane Roe, a friend of Bo Chan, who heads Acme Corp, spoke.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    found = rows(pipeline, "Jane Roe, a friend of the governor who heads Acme Corp, spoke.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    # but a title after "as" is the person's own: "her work as an activist who …"
    text = (
        "Jane Roe was a historian best known for her work as an activist who established"
        " the Friends of Rivers in 1994."
    )
    assert ("Jane Roe", "Founder", "Friends of Rivers", None) in rows(pipeline, text)


def test_bracketed_other_name_before_the_apposition(pipeline: Language) -> None:
    text = "Jane Roe (Janie), deputy leader of the Acme Party group, said no."
    assert ("Jane Roe", "Deputy Leader", "Acme Party", None) in rows(pipeline, text)


def test_member_link_of_a_surname_with_a_titled_role_is_dropped(pipeline: Language) -> None:
    text = "Paul Varga, the chief executive of Acme Corp, spoke. Varga joined Acme Corp in 1980."
    found = rows(pipeline, text)
    assert ("Paul Varga", "Chief Executive", "Acme Corp", None) in found
    assert not [r for r in found if r[1] == MEMBER_ROLE]


def test_began_teaching_at_an_organization(pipeline: Language) -> None:
    text = (
        "Jane Roe became lead violinist of the Dover Symphony and at that time"
        " began teaching at the Wexford Academy of Music."
    )
    assert ("Jane Roe", MEMBER_ROLE, "Wexford Academy of Music", None) in rows(pipeline, text)
    # a wish is no fact
    assert rows(pipeline, "Jane Roe wanted to run Acme Corp.") == []


def test_attorney_representing_an_organization(pipeline: Language) -> None:
    text = "Ava Moss, the Boston lawyer representing Acme's, said she was disappointed."
    assert ("Ava Moss", "Lawyer", "Acme", None) in rows(pipeline, text)


def test_set_up_an_organization_is_founding_it(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe set up the Harbor Workers League in 1994.")
    assert ("Jane Roe", "Founder", "Harbor Workers League", None) in found
    # the object founded must be the organization itself
    assert rows(pipeline, "Jane Roe set up a meeting with the Acme Foundation.") == []


def test_title_after_a_participle_of_repute(pipeline: Language) -> None:
    text = (
        "Police detained six men, including Leo Brandt, considered by prosecutors to be a"
        " senior leader of the militant group Red Dawn Front, officials said."
    )
    assert ("Leo Brandt", "Senior Leader", "Red Dawn Front", None) in rows(pipeline, text)
    text = "Jane Roe, described as a senior member of the Acme Alliance, was arrested."
    assert ("Jane Roe", "Senior Member", "Acme Alliance", None) in rows(pipeline, text)


def test_organization_ending_in_a_year_is_an_event(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe was a coach at the World Athletics Cup 2010.")
    assert not [r for r in found if r[2] and r[2].endswith("2010")]


def test_second_apposition_after_and_a(pipeline: Language) -> None:
    text = (
        "Paul Okafor, cousin of Maria B. Okafor and a lecturer at the University of Wexford,"
        " led the protest."
    )
    assert ("Paul Okafor", "Lecturer", "University of Wexford", None) in rows(pipeline, text)


def test_two_people_of_one_organization(pipeline: Language) -> None:
    found = rows(pipeline, "She met Jane Roe and David Miller of the Wexford Foundation on Monday.")
    assert ("Jane Roe", MEMBER_ROLE, "Wexford Foundation", None) in found
    assert ("David Miller", MEMBER_ROLE, "Wexford Foundation", None) in found


def test_a_seat_on_the_board_or_faculty_of_an_organization(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe sits on the board of Acme Corp.")
    assert ("Jane Roe", MEMBER_ROLE, "Acme Corp.", None) in found
    text = "Jane Roe is on the faculties of the Wexford School of Music and the Dover College."
    found = rows(pipeline, text)
    assert ("Jane Roe", MEMBER_ROLE, "Wexford School of Music", None) in found
    assert ("Jane Roe", MEMBER_ROLE, "Dover College", None) in found


def test_a_seat_on_a_council_committee_or_court(pipeline: Language) -> None:
    text = "Mary Smith, who has served on the Millbrook City Council since 2010, said it was fair."
    assert ("Mary Smith", MEMBER_ROLE, "Millbrook City Council", None) in rows(pipeline, text)
    text = "Mary Smith was on the Supreme Court for ten years."
    assert ("Mary Smith", MEMBER_ROLE, "Supreme Court", None) in rows(pipeline, text)
    # being "on" a network or a ship is no seat
    assert rows(pipeline, "Mary Smith was on CNN on Sunday.") == []


def test_took_a_job_with_an_organization(pipeline: Language) -> None:
    text = "After the war Jane Roe took a position with the Acme Workers Council."
    assert ("Jane Roe", MEMBER_ROLE, "Acme Workers Council", None) in rows(pipeline, text)
    assert rows(pipeline, "After the war Jane Roe took a trip with the Acme Workers Council.") == []


def test_bare_vice_title_with_organization(pipeline: Language) -> None:
    found = rows(pipeline, "Karen Doyle, vice for marketing at General Motors, said sales rose.")
    assert ("Karen Doyle", "Vice", "General Motors", None) in found


# -- what is not a membership ------------------------------------------------------------


def test_no_role_for_a_plain_mention(pipeline: Language) -> None:
    assert rows(pipeline, "Jane Roe walked to the store with her dog.") == []


def test_occupation_without_organization_is_dropped(pipeline: Language) -> None:
    assert rows(pipeline, "It was written by producer Bob Crane and his bandmate.") == []


def test_occupation_in_a_place_is_no_membership(pipeline: Language) -> None:
    found = rows(pipeline, "Guy Stone, the New York attorney representing the firm, said no.")
    assert all(org != "New York" for _, _, org, _ in found)


def test_title_of_the_next_name_is_not_given_to_the_first(pipeline: Language) -> None:
    found = rows(pipeline, "Ken Starr, a fellow appointee of President Reagan, agreed.")
    assert ("Ken Starr", "President", None, None) not in found


def test_title_for_an_organization_mention_is_dropped(pipeline: Language) -> None:
    found = rows(pipeline, "The Ohio Board of Regents chairman resigned on Friday.")
    assert found == []


def test_adjective_is_not_a_title(pipeline: Language) -> None:
    assert rows(pipeline, "Angry protester Lisa Wong marched to City Hall.") == []


def test_output_is_sorted_and_deterministic(pipeline: Language) -> None:
    text = "Mayor Ann Fox met Governor Bill Tate and Senator Kim Oh in Denver."
    first = memberships(pipeline, text)
    assert first == memberships(pipeline, text)
    starts = [m.person.start for m in first]
    assert starts == sorted(starts) and len(starts) == 3


# -- the lexicon -----------------------------------------------------------------------------


def test_title_lexicon() -> None:
    assert title_at(["Minnesota", "Attorney", "General"]) == (1, 3)
    assert title_at(["the", "dog"]) is None
    assert title_label(["Homeland", "Security", "deputy", "secretary"]) == "Deputy Secretary"
    assert title_label(["Sen."]) == "Senator"
    assert title_label(["the", "company's", "ceo"]) == "CEO"
    assert {"governor", "mayor", "spokesperson", "ceo", "czar"} <= ROLE_TITLES


def test_offices_and_occupations() -> None:
    assert is_office("Governor") and is_office("Attorney General") and is_office("Border Czar")
    assert not is_office("Professor") and not is_office("Producer")


# -- pronouns, appointments, possessed parties ----------------------------------------------


def test_pronoun_subject_takes_the_person_last_named_as_subject(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "Sara Black is an American artist. She currently teaches at Antioch College.",
    )
    assert ("Sara Black", MEMBER_ROLE, "Antioch College", None) in found


def test_a_chain_of_subject_pronouns_carries_the_person_on(pipeline: Language) -> None:
    text = (
        "Jane Roe was born in Ohio in 1941. She moved to Texas in 1960. She married a farmer"
        " in 1962. She had two sons. She is also a professor of history at Wexford University."
    )
    assert ("Jane Roe", "Professor", "Wexford University", None) in rows(pipeline, text)


def test_pronoun_inside_a_quote_is_not_the_person_named_in_the_narration(
    pipeline: Language,
) -> None:
    text = (
        "Cruz attended every meeting, said Mark Jones, a political scientist at Rice "
        'University. "He is in pretty good shape, even though he is a U.S. senator," Jones said.'
    )
    found = rows(pipeline, text)
    assert ("Mark Jones", "Scientist", "Rice University", None) in found
    assert not [r for r in found if r[1] == "Senator"]


def test_pronoun_takes_the_last_subject_of_its_gender(pipeline: Language) -> None:
    text = (
        "Mary Hale covered the rally. Michael Roe grabbed her arm. "
        "She worked for The Dayton Daily News at the time."
    )
    found = rows(pipeline, text)
    assert ("Mary Hale", MEMBER_ROLE, "Dayton Daily News", None) in found
    assert not [r for r in found if r[0] == "Michael Roe"]


def test_pronoun_object_is_not_the_subject_of_its_own_verb(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "Abdul Jabar Sabet is an Afghan politician. "
        "In May 2006 Hamid Karzai appointed him Attorney General of Afghanistan.",
    )
    assert ("Abdul Jabar Sabet", "Attorney General", "Afghanistan", None) in found
    assert not [r for r in found if r[0] == "Hamid Karzai"]


def test_active_appointment_with_role_complement(pipeline: Language) -> None:
    found = rows(
        pipeline,
        "The independents announced their support for Labor, making Labor leader "
        "Steve Bracks premier.",
    )
    assert ("Steve Bracks", "Premier", None, None) in found


def test_possessed_party_is_led_by_the_person(pipeline: Language) -> None:
    found = rows(pipeline, "Brian Mulroney's Progressive Conservative Party won the election.")
    assert ("Brian Mulroney", "Leader", "Progressive Conservative Party", None) in found


def test_the_employer_before_a_beat_place(pipeline: Language) -> None:
    # the place between the employer and the title is the beat, not the employer
    found = rows(pipeline, "Jane Roe, a long time CNN Washington correspondent, died on Monday.")
    assert ("Jane Roe", "Correspondent", "CNN", None) in found
    found = rows(pipeline, "Reuters' Berlin correspondent, Jane Roe, said the talks failed.")
    assert ("Jane Roe", "Correspondent", "Reuters", None) in found


def test_a_nationality_adjective_takes_the_country_named_in_the_document(
    pipeline: Language,
) -> None:
    found = rows(pipeline, "Malaysia is growing fast. Malaysian Prime Minister Jane Roe spoke.")
    assert ("Jane Roe", "Prime Minister", "Malaysia", None) in found
    # no country name in the document: the adjective stays
    assert ("Jane Roe", "President", "Afghan", None) in rows(
        pipeline, "Afghan President Jane Roe spoke."
    )


def test_a_serial_comma_inside_a_list_of_titles(pipeline: Language) -> None:
    text = "Jane Roe was a reporter, producer, and editor at the CBC in Toronto."
    found = rows(pipeline, text)
    assert ("Jane Roe", "Editor", "CBC", None) in found
    assert ("Jane Roe", "Reporter", "CBC", None) in found


def test_a_member_of_an_unnamed_parliament_holds_an_office(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe served as a member of parliament (MP) for eight years.")
    assert ("Jane Roe", "Member of Parliament", None, None) in found
    # a named parliament stays the organization
    found = rows(pipeline, "Jane Roe is a member of the Acme Parliament.")
    assert ("Jane Roe", "Member", "Acme Parliament", None) in found


def test_resigning_as_a_title_is_a_former_role(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe resigned as chairman of Acme Holdings in 2010.")
    assert ("Jane Roe", "Chairman", "Acme Holdings", "former") in found
    found = rows(pipeline, "Jane Roe stepped down as chief executive of Acme Holdings last year.")
    assert ("Jane Roe", "Chief Executive", "Acme Holdings", "former") in found
    # a demand is no fact
    assert rows(pipeline, "Jane Roe should resign as chairman of Acme Holdings, he said.") == []


def test_a_country_name_counts_with_its_peoples_adjective(pipeline: Language) -> None:
    # "Afghan" and "Afghanistan" are one country against one "U.S."
    text = (
        "Jane Roe returned to Afghanistan in 2004 to work for Afghan courts. "
        "Sources close to President Bo Chan say that U.S. support helped her. "
        "She left Afghanistan in 2009."
    )
    assert ("Bo Chan", "President", "Afghanistan", None) in rows(pipeline, text)


def test_the_state_of_a_lawmakers_party_tag(pipeline: Language) -> None:
    text = "Michigan lost jobs. Rep. Jane Roe (D-Mich.) said the plan had failed."
    assert ("Jane Roe", "Representative", "Michigan", None) in rows(pipeline, text)
    text = "Utah voted first. Sen. Bo Chan, R-Utah, said the plan had failed."
    assert ("Bo Chan", "Senator", "Utah", None) in rows(pipeline, text)
    # a party alone names no state
    text = "Michigan lost jobs. Rep. Jane Roe (D) said the plan had failed."
    assert ("Jane Roe", "Representative", "Michigan", None) not in rows(pipeline, text)


def test_the_possessor_of_a_unit_after_of(pipeline: Language) -> None:
    text = "Jane Roe, director of the Wexford Institute's program on energy, said prices rose."
    assert ("Jane Roe", "Director", "Wexford Institute", None) in rows(pipeline, text)


def test_courtesy_title_is_kept_as_another_name() -> None:
    """ "said Mrs. Okoro": the person's node also answers to "Mrs. Okoro" (and "Dr. Lind")."""
    from kg.extract.records import DocumentFacts, DocumentInfo, Mention
    from kg.resolve import resolve

    text = "The plan works, said Mrs. Okoro, and Dr. Lind agreed. Okoro left."
    mentions = [
        Mention(name, "Person", start, start + len(name))
        for name, start in (("Okoro", text.index("Okoro")), ("Lind", text.index("Lind")))
    ]
    mentions.append(Mention("Okoro", "Person", text.rindex("Okoro"), text.rindex("Okoro") + 5))
    info = DocumentInfo(name="a.txt", title=None, date=None, sha256="0" * 64, length=len(text))
    corpus = resolve([DocumentFacts(document=info, text=text, mentions=mentions)])
    names = {e.name: e.aliases for e in corpus.entities.values()}
    assert names == {"Okoro": ("Mrs. Okoro",), "Lind": ("Dr. Lind",)}


def test_kind_of_organization_described_before_its_name(pipeline: Language) -> None:
    """ "X of the law firm (of) Y": the description of Y's kind is skipped to its name."""
    text = "Lena Berg of the accounting firm of Dunmore, Pratt said Vexco would appeal."
    assert ("Lena Berg", MEMBER_ROLE, "Dunmore", None) in rows(pipeline, text)
    text = "Lena Berg of the law firm Holt Marsh declined to comment."
    assert rows(pipeline, text) == [("Lena Berg", MEMBER_ROLE, "Holt Marsh", None)]
    # no kind-of-organization noun: no description to skip
    text = "Lena Berg of the old town said Holt Marsh would appeal."
    assert rows(pipeline, text) == []


def test_organization_name_cut_before_a_verb(pipeline: Language) -> None:
    """An ORG span the model ran on over a lowercase verb ends before it."""
    from spacy.tokens import Span

    from kg.extract.entities import _cut_at_verb

    doc = pipeline("Lena Berg of Holt, Marsh said Vexco would appeal.")
    said = next(t.i for t in doc if t.text == "said")
    cut = _cut_at_verb(Span(doc, 3, said + 2, label="ORG"))
    assert cut.text == "Holt, Marsh"
    assert _cut_at_verb(Span(doc, 3, said, label="ORG")).text == "Holt, Marsh"


def test_possessor_organization_before_a_name(pipeline: Language) -> None:
    """ "the FAA's Jane Roe": the organization whose possessive stands before the name."""
    text = "The FAA's Tom Becker said the plane was safe."
    assert rows(pipeline, text) == [("Tom Becker", MEMBER_ROLE, "FAA", None)]
    # a place's possessive is no employer
    assert rows(pipeline, "Iowa's Chuck Grassley said sales fell.") == []
    # "the agency's" takes up the agency named before
    text = "The Dale Water Agency sold its farm on Monday. The agency's Maria Lopez said so."
    assert rows(pipeline, text) == [("Maria Lopez", MEMBER_ROLE, "Dale Water Agency", None)]
    assert rows(pipeline, "The Dale Water Agency sold it. The city's Maria Lopez said so.") == []


def test_unit_of_a_university_gives_the_university_too(pipeline: Language) -> None:
    """ "Wexley College of the State University of Ohio" is a college and its university;
    "the School of Law (SL) of Wexley University" names both apart."""
    text = (
        "Jane Roe, a professor of history at Wexley College of the State University of Ohio, died."
    )
    found = rows(pipeline, text)
    assert ("Jane Roe", "Professor", "Wexley College", None) in found
    assert ("Jane Roe", "Professor", "State University of Ohio", None) in found
    text = "Jane Roe served as Dean of the School of Law (SL) of Wexley University for six years."
    assert ("Jane Roe", "Dean", "Wexley University", None) in rows(pipeline, text)
    # a unit alone names no university
    text = "Jane Roe, a professor at the School of Law, said prices rose."
    assert [org for _, _, org, _ in rows(pipeline, text)] == ["School of Law"]


def test_worked_as_a_title_at_an_organization(pipeline: Language) -> None:
    found = rows(pipeline, "Jane Roe worked as a reporter and editor at the CBC.")
    assert ("Jane Roe", "Reporter", "CBC", None) in found
    assert ("Jane Roe", "Editor", "CBC", None) in found
    # a wished or planned job is none
    assert rows(pipeline, "Jane Roe would work as an adviser at the CBC.") == []


def test_title_after_a_name_with_of_and_a_preposed_description(pipeline: Language) -> None:
    """ "a University of Iowa law professor": "of" inside the organization's name does not
    end the phrase; "A former Acme Corp. engineer, Jane Roe …": a description that opens
    the sentence is its subject's."""
    text = "Jo Roe, a University of Iowa law professor, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Professor", "University of Iowa", None)]
    text = "A University of Iowa law professor, Jo Roe helped write the brief."
    assert rows(pipeline, text) == [("Jo Roe", "Professor", "University of Iowa", None)]
    assert rows(pipeline, "A day after the vote, Jo Roe met the Acme Corp. board.") == []


def test_of_the_organization_after_an_adjective(pipeline: Language) -> None:
    text = "Spokesman Jo Roe of the smaller Acme Corp. told reporters the firm grew."
    assert ("Jo Roe", MEMBER_ROLE, "Acme Corp.", None) in rows(pipeline, text)


def test_place_possessive_and_place_beat_give_way_to_the_organization(pipeline: Language) -> None:
    """ "Jo Roe of Boston's Acme Hospital"; "the Acme Corp. sales director for Ohio": the
    place is where the organization is or the beat, not the employer."""
    text = "Jo Roe of Boston's Mount Vetch Hospital disputed the findings."
    assert ("Jo Roe", MEMBER_ROLE, "Mount Vetch Hospital", None) in rows(pipeline, text)
    text = "Jo Roe, the Acme Corp. sales director for Ohio, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Director", "Acme Corp.", None)]
    text = "Jo Roe then served as an Assistant State's attorney in Cook County."
    assert ("Jo Roe", "Attorney", "State", None) not in rows(pipeline, text)
    # an office after "for"/"to" keeps its place
    text = "Jo Roe, the U.S. ambassador to Japan, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Ambassador", "U.S.", None)]


def test_a_beat_for_a_paper_is_work_for_it(pipeline: Language) -> None:
    """ "Roe covers the courts for the Acme Ledger", also where the parser hangs "for" on
    the beat ("covers the White House for …")."""
    text = "Jo Nash covers the White House for The Associated Press."
    assert rows(pipeline, text) == [("Jo Nash", MEMBER_ROLE, "Associated Press", None)]
    text = "Jo Nash writes for the Vetch Ledger."
    assert rows(pipeline, text) == [("Jo Nash", MEMBER_ROLE, "Vetch Ledger", None)]
    text = "Jo Nash wrote a weekly column for the Vetch News Agency."
    assert rows(pipeline, text) == [("Jo Nash", MEMBER_ROLE, "Vetch News Agency", None)]


def test_honorific_between_the_description_and_the_name(pipeline: Language) -> None:
    """ "The head of X, Dr. Jane Roe, said": the honorific does not hide the apposition."""
    text = "The head of the Vetch Kidney Service, Dr. Jane Roe, said the work was hard."
    assert rows(pipeline, text) == [("Jane Roe", "Head", "Vetch Kidney Service", None)]
    text = "The chief executive of Acme Corp., Mr. Tom Hale, declined to comment."
    assert rows(pipeline, text) == [("Tom Hale", "Chief Executive", "Acme Corp.", None)]


def test_appointed_to_be_or_to_serve_as_a_role(pipeline: Language) -> None:
    """ "elected Roe to be chairman of X", "appointed Roe to serve as chairman of X": the
    infinitive's complement is the role the appointment gives."""
    text = "The Democrats elected Jo Roe to be chairman of the Vetch Governors' Association."
    assert rows(pipeline, text) == [("Jo Roe", "Chairman", "Vetch Governors' Association", None)]
    text = "The board appointed Jo Roe to serve as chairman of the Acme Foundation."
    assert rows(pipeline, text) == [("Jo Roe", "Chairman", "Acme Foundation", None)]


def test_title_written_with_of_in_an_apposition(pipeline: Language) -> None:
    """ "the Assistant Secretary of State for Energy Resources": the title runs on over "of
    State", and a name the tagger began inside it ("State for Energy Resources") is no
    organization of it."""
    text = "Jo Roe, the Assistant Secretary of State for Energy Resources, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Assistant Secretary of State", None, None)]
    text = "Jo Roe, the Secretary of State of Ohio, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Secretary of State", "Ohio", None)]
    text = "Jo Roe, secretary of the Acme Foundation, said so."
    assert rows(pipeline, text) == [("Jo Roe", "Secretary", "Acme Foundation", None)]
