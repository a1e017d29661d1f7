"""Operation–location extraction on the real pipeline.

Example: "Agents went to Chicago as part of Operation Midway Blitz."
-> [("Operation Midway Blitz", "Chicago")].
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import extract_mentions
from kg.extract.operations import extract_operations
from kg.extract.records import Mention, OperationLocation
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return load_pipeline()


def links(nlp: Language, text: str) -> list[OperationLocation]:
    doc = nlp(text)
    found = extract_operations(doc, extract_mentions(doc))
    for link in found:
        for mention in (link.operation, link.location):
            assert doc.text[mention.start : mention.end] == mention.text
        assert link.operation.type == "Operation" and link.location.type == "Place"
        assert 0.0 <= link.evidence.confidence <= 1.0
    return found


def pairs(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(o.operation.text, o.location.text) for o in links(nlp, text)]


def test_as_part_of_operation(pipeline: Language) -> None:
    text = "Agents were deployed to Chicago as part of Operation Midway Blitz in September."
    assert pairs(pipeline, text) == [("Operation Midway Blitz", "Chicago")]


def test_operation_in_a_city(pipeline: Language) -> None:
    text = "Operation Desert Rain in Phoenix ended after three weeks."
    assert pairs(pipeline, text) == [("Operation Desert Rain", "Phoenix")]


def test_operation_sent_to_a_place(pipeline: Language) -> None:
    text = (
        "The launch of Operation River Shield, a federal initiative that sent hundreds of "
        "officers into the Denver metropolitan area, drew protests."
    )
    assert ("Operation River Shield", "Denver") in pairs(pipeline, text)


def test_operation_without_place_gives_nothing(pipeline: Language) -> None:
    assert pairs(pipeline, "Operation Midway Blitz ended on Friday.") == []


def test_possessive_place_is_not_the_location(pipeline: Language) -> None:
    text = "Operation Iron Gate targeted smugglers, officials told Mexico's government."
    assert pairs(pipeline, text) == []


def test_place_in_another_clause_far_away_is_not_linked(pipeline: Language) -> None:
    text = (
        "After Operation Iron Gate ended in failure last spring, the minister who had "
        "championed it quietly resigned and later retired to a farm in Portugal."
    )
    assert ("Operation Iron Gate", "Portugal") not in pairs(pipeline, text)


def test_battle_takes_place_where_it_is_named_after(pipeline: Language) -> None:
    found = links(pipeline, "The Battle of Warsaw was fought in August 1920.")
    assert [(o.operation.text, o.location.text) for o in found] == [("Battle of Warsaw", "Warsaw")]
    assert found[0].evidence.rule == "named-after-place"


def test_the_coast_of_a_place_locates_like_the_place(pipeline: Language) -> None:
    text = "The two fleets met off the coast of Sicily at the Battle of the Grey Cape in 1402."
    assert ("Battle of the Grey Cape", "Sicily") in pairs(pipeline, text)


def test_the_owner_of_a_place_is_not_a_location(pipeline: Language) -> None:
    text = "The mayor of Lyon praised the Siege Relief Campaign on Monday."
    assert pairs(pipeline, text) == []


def test_conflict_that_took_place_in_a_region(pipeline: Language) -> None:
    text = (
        "The Black Hawk War, also known as the Black Hawk Uprising, was a brief conflict "
        "that took place in 1832 in the Upper Mississippi River region."
    )
    found = pairs(pipeline, text)
    assert ("Black Hawk Uprising", "Upper Mississippi River") in found


def test_campaign_named_after_a_people(pipeline: Language) -> None:
    text = "Few ships were lost in the Norwegian Campaign of 1940. The fjords of Norway were mined."
    assert ("Norwegian Campaign", "Norway") in pairs(pipeline, text)


def test_event_entities_with_event_words_are_operations(pipeline: Language) -> None:
    doc = pipeline("Rebels fought in Homs during the great siege of the old town.")
    start = doc.text.index("great")
    event = doc.char_span(start, doc.text.index(" of the old"), label="EVENT")
    doc.ents = [e for e in doc.ents if e.end <= event.start or e.start >= event.end] + [event]
    homs = Mention("Homs", "Place", doc.text.index("Homs"), doc.text.index("Homs") + 4)
    assert extract_operations(doc, [homs]) == []  # "great siege" is not a name
    doc = pipeline("Rebels fought in Homs during the Great Siege.")
    start = doc.text.index("Great")
    event = doc.char_span(start, start + len("Great Siege"), label="EVENT")
    doc.ents = [e for e in doc.ents if e.end <= event.start or e.start >= event.end] + [event]
    found = extract_operations(doc, [homs])
    assert [(o.operation.text, o.operation.type, o.location.text) for o in found] == [
        ("Great Siege", "Operation", "Homs")
    ]


def test_mentions_passed_in_are_reused(pipeline: Language) -> None:
    doc = pipeline("Agents were deployed to Chicago as part of Operation Midway Blitz.")
    mentions = extract_mentions(doc)
    found = extract_operations(doc, mentions)
    assert found and found[0].operation in mentions and found[0].location in mentions


def test_sorted_by_position(pipeline: Language) -> None:
    text = "Operation Blue Harbor in Boston and Operation Red Canyon in Denver began in May."
    found = links(pipeline, text)
    keys = [(o.operation.start, o.location.start) for o in found]
    assert keys == sorted(keys)
    assert ("Operation Blue Harbor", "Boston") in pairs(pipeline, text)
