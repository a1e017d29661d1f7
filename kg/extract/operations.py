"""Operation–location facts: a named operation and where it takes place.

``extract_operations(doc, mentions)`` links each Operation mention to the places
named in the same sentence when the sentence ties them together: the place is
the object of a location preposition ("in", "to", "into", "across", …) or of a
deployment verb's destination, or it modifies the operation ("the Minneapolis
operation"). Rules: ``same-sentence-prep`` and ``place-modifier``.
"""

from __future__ import annotations

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
        for place in places:
            if not (sentence.start_char <= place.start and place.end <= sentence.end_char):
                continue
            if (operation.text, place.text) in seen or not _place_is_located(sentence, place):
                continue
            seen.add((operation.text, place.text))
            evidence = Evidence(sentence.start_char, sentence.end_char, "same-sentence-prep", 0.7)
            results.append(OperationLocation(operation, place, evidence))
    return sorted(results, key=lambda r: (r.operation.start, r.location.start))
