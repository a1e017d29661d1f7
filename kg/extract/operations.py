"""Operation–location facts: a named operation and where it takes place.

``extract_operations(doc, mentions)`` links each Operation mention to

* the place it is named after: "Battle of Warsaw" -> Warsaw (``named-after-place``);
* the places named in the same sentence when the sentence ties them together: the
  place is the object of a location preposition ("in", "to", "into", "across", …)
  or modifies a noun ("the Minneapolis metropolitan area") (``same-sentence-prep``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.records import Evidence, Mention, OperationLocation

LOCATION_PREPOSITIONS = frozenset(
    "in into to across throughout within inside at near around on over from".split()
)


def _place_is_located(sentence: Span, place: Mention) -> bool:
    """True when ``place`` is introduced by a location preposition or modifies a noun."""
    span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPOSITIONS:
        return True
    if root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.pos_ == "NOUN":
        return True  # "the Minneapolis metropolitan area", "Minnesota's streets"
    preceding = sentence.doc[max(span.start - 2, sentence.start) : span.start]
    return any(t.lower_ in LOCATION_PREPOSITIONS for t in preceding)


EVENT_OF_PLACE = re.compile(
    r"\b(?:Battle|Siege|Sack|Invasion|Capture|Liberation|Raid|Massacre) of (?:the )?"
    r"((?:[A-Z][\w'’\-]*\s?)+)"
)


def _named_place(operation: Mention) -> Mention | None:
    """The place an event is named after: "Battle of Warsaw" -> "Warsaw"."""
    match = EVENT_OF_PLACE.search(operation.text)
    if match is None:
        return None
    name = match.group(1).strip()
    start = operation.start + match.start(1)
    return Mention(name, "Place", start, start + len(name))


def extract_operations(doc: Doc, mentions: list[Mention]) -> list[OperationLocation]:
    """Operations of ``doc`` with the places they take place in, in text order.

    >>> [(o.operation.text, o.location.text) for o in extract_operations(doc, ms)]
    [('Operation Midway Blitz', 'Chicago')]  # "Agents went to Chicago in Operation Midway Blitz."
    """
    operations = [m for m in mentions if m.type == "Operation"]
    places = [m for m in mentions if m.type == "Place"]
    results: list[OperationLocation] = []
    seen: set[tuple[str, str]] = set()
    for operation in operations:
        span = doc.char_span(operation.start, operation.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent
        named = _named_place(operation)
        if named is not None and (operation.text, named.text) not in seen:
            seen.add((operation.text, named.text))
            evidence = Evidence(sentence.start_char, sentence.end_char, "named-after-place", 0.8)
            results.append(OperationLocation(operation, named, evidence))
        for place in places:
            if not (sentence.start_char <= place.start and place.end <= sentence.end_char):
                continue
            if (operation.text, place.text) in seen or not _place_is_located(sentence, place):
                continue
            seen.add((operation.text, place.text))
            evidence = Evidence(sentence.start_char, sentence.end_char, "same-sentence-prep", 0.7)
            results.append(OperationLocation(operation, place, evidence))
    return sorted(results, key=lambda r: (r.operation.start, r.location.start))
