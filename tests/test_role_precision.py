"""Roles: wrong organizations found by reading kg's output on political news.

Each test is one pattern that used to give a person the wrong organization (or a role
they do not hold), with an invented sentence.
"""

from __future__ import annotations

from kg.extract.entities import extract_mentions
from kg.extract.roles import extract_memberships


def roles(nlp, text):
    doc = nlp(text)
    return [
        (m.person.text, m.role, m.organization.text if m.organization else None)
        for m in extract_memberships(doc, extract_mentions(doc))
    ]


def test_place_after_a_titled_name(nlp):
    found = roles(nlp, "The vote was close, said Sen. Mary Major of Texas on Monday.")
    assert ("Mary Major", "Senator", "Texas") in found


def test_party_and_state_after_a_titled_name(nlp):
    found = roles(nlp, "He worked with Senator Anna Kowalski, Republican of Ohio, on the bill.")
    assert ("Anna Kowalski", "Senator", "Ohio") in found


def test_spaced_dash_separates_the_title_from_the_words_before(nlp):
    found = roles(nlp, "Her GOP rivals - Sen. Mary Major of Texas and others - will speak.")
    assert ("Mary Major", "Senator", "GOP") not in found
    assert ("Mary Major", "Senator", "Texas") in found


def test_ambassador_to_a_country_does_not_work_for_it(nlp):
    found = roles(nlp, "Jane Roe, the British ambassador to the U.S., spoke first.")
    assert all(org not in ("U.S.", "United States") for _, _, org in found)


def test_a_role_wished_for_is_not_held(nlp):
    found = roles(nlp, "Jane Roe said that Mary Major would be the most effective president.")
    assert not [r for r in found if r[0] == "Mary Major"]


def test_a_superlative_role_is_a_judgement(nlp):
    found = roles(nlp, "They think Mary Major will be the strongest president in years.")
    assert not [r for r in found if r[0] == "Mary Major"]


def test_a_role_announced_for_the_future_is_kept(nlp):
    found = roles(nlp, "Jane Roe will be the chief executive of Acme Corp from May.")
    assert ("Jane Roe", "Chief Executive", "Acme Corp") in found


def test_lowercase_ideology_is_no_party(nlp):
    found = roles(nlp, "He spoke with conservative radio host Jane Roe on Monday.")
    assert all(org != "conservative" for _, _, org in found)


def test_appositive_after_a_fronted_phrase_is_the_subject(nlp):
    found = roles(nlp, "Against Jane Roe, the Ohio governor won 51 percent of the vote.")
    assert not [r for r in found if r[0] == "Jane Roe"]


def test_a_states_people_do_not_make_a_country(nlp):
    text = (
        "Iowans vote on Monday. Iowans are proud of the caucus. Many Iowans went out. "
        "President Jane Roe wants Iowans to back her plan."
    )
    assert ("Jane Roe", "President", "Iowans") not in roles(nlp, text)


def test_a_whose_clause_is_about_someone_else(nlp):
    found = roles(nlp, "Jane Roe, whose husband was president of Acme Corp, has given money.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    # a clause about the name itself still counts
    found = roles(nlp, "Jane Roe, who was president of Acme Corp, has given money.")
    assert ("Jane Roe", "President", "Acme Corp") in found


def test_a_stance_is_no_country(nlp):
    # "anti-Muslim" shares its first four letters with Antigua, no country's people
    text = (
        "The anti-Muslim rhetoric grew. Anti-Muslim attacks rose. Anti-Muslim groups met. "
        "President Jane Roe condemned them."
    )
    found = roles(nlp, text)
    assert ("Jane Roe", "President", None) in found
    assert all(org is None or "Muslim" not in org for _, _, org in found)


def test_a_city_is_not_a_governors_state(nlp):
    text = (
        "Flint has had lead in its water. Flint residents are angry. In Flint, Gov. Jane Roe "
        "said the state would pay."
    )
    assert all(org != "Flint" for _, _, org in roles(nlp, text))


def test_a_governor_gets_the_state_the_document_is_about(nlp):
    text = (
        "Ohio lawmakers met on Monday. Ohio has a new budget. Gov. Jane Roe signed it on Tuesday."
    )
    assert ("Jane Roe", "Governor", "Ohio") in roles(nlp, text)


def test_the_base_of_an_organization_is_not_the_organization(nlp):
    found = roles(nlp, "Jane Roe, president of the Miami-based Acme Workers Caucus, spoke.")
    assert ("Jane Roe", "President", "Miami") not in found
    assert ("Jane Roe", "President", "Acme Workers Caucus") in found


def test_at_after_a_meeting_preposition_is_no_employer(nlp):
    found = roles(nlp, "Jane Roe was an adviser to Mr. Chan at Wexford Law School.")
    assert not [r for r in found if r[0] == "Chan"]
    found = roles(nlp, "Trump, appearing after Jane Roe at the NBC forum, spoke.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    found = roles(
        nlp, "Roe received his doctorate in 1959 under Andrey Chan at Moscow State University."
    )
    assert ("Andrey Chan", "member", "Moscow State University") in found


def test_a_role_under_a_condition_is_not_held(nlp):
    found = roles(nlp, "If Jane Roe becomes mayor of Leeds, the plan will change.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    found = roles(nlp, "Jane Roe says she would cut taxes if she were prime minister of Freedonia.")
    assert not [r for r in found if r[0] == "Jane Roe"]


def test_working_with_an_organization_is_collaboration(nlp):
    found = roles(nlp, "Jane Roe has worked with the Wexford Police Service on youth programs.")
    assert not [r for r in found if r[0] == "Jane Roe"]
    found = roles(nlp, "Jane Roe worked for the Wexford Police Service for ten years.")
    assert ("Jane Roe", "member", "Wexford Police Service") in found


def test_leading_a_program_with_a_partner_does_not_lead_the_partner(nlp):
    text = (
        "Jane Roe, who is leading the new program with the Acme Centre for Impact Investing, spoke."
    )
    found = roles(nlp, text)
    assert not [r for r in found if r[2] == "Acme Centre for Impact Investing"]
    assert ("Jane Roe", "Head", "Acme Holdings") in roles(
        nlp, "Jane Roe heads the board of Acme Holdings."
    )


def test_a_title_written_with_of_keeps_its_last_word(nlp):
    # "of State" is part of the title: no organization named "State"
    found = roles(nlp, "Former Secretary of State Jane Roe urged voters to stay home.")
    assert found == [("Jane Roe", "Secretary of State", None)]
    found = roles(nlp, "Ohio Secretary of State Bo Chan certified the vote on Friday.")
    assert found == [("Bo Chan", "Secretary of State", "Ohio")]
    found = roles(nlp, "The bill stalled, and Speaker of the House Ann Lee blamed the rules.")
    assert found == [("Ann Lee", "Speaker of the House", None)]


def test_a_hyphenated_acronym_is_one_organization(nlp):
    # not only the part after the hyphen
    found = roles(nlp, "(By ANSA-TASK correspondent Dana Petrova)")
    assert found == [("Dana Petrova", "Correspondent", "ANSA-TASK")]
