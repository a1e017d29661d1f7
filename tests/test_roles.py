"""Person–role–organization extraction: one test per title form, on the real pipeline.

Example: "Ohio Governor Jane Roe spoke." -> ("Jane Roe", "Governor", "Ohio", None).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import extract_mentions
from kg.extract.records import Membership
from kg.extract.roles import (
    MEMBER_ROLE,
    ROLE_TITLES,
    extract_memberships,
    is_office,
    title_at,
    title_label,
)
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
