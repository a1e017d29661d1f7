"""Operation–location facts: a named operation and where it takes place.

``extract_operations(doc, mentions)`` links each Operation mention to a Place when

* the sentence ties them together. The place must be located: the object of a
  location preposition ("in", "to", "into", "across", …) or a modifier ("the
  Minneapolis metropolitan area"), not "Japan's army" or "against Venice"; and it
  hangs on a word that governs the operation's name (``same-clause``: "Agents were
  deployed to Minnesota as part of Operation Metro Surge"), or inside the operation's
  phrase (``operation-phrase``: "Operation Metro Surge in Minneapolis"), or inside an
  apposition after it (``operation-apposition``: "Operation X, an initiative that sent
  agents into Y"), or within :data:`NEAR_TOKENS` tokens of it (``near``: "the attack
  on Oslo during the Norwegian Campaign");
* the operation is named after the place (``named-after-place``): "the Battle of Warsaw";
* the operation is named after the people of a place the document names
  (``named-after-people``): "the Norwegian Campaign" -> Norway.

Operations are the Operation mentions passed in, plus spaCy EVENT entities whose name
holds an event word ("Siege", "Offensive", …) that no mention covers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.records import Evidence, Mention, OperationLocation

# A located place this close to an operation's name is where it happens.
NEAR_TOKENS = 10
LOCATION_PREPOSITIONS = frozenset(
    "in into to across throughout within inside at near around on over onto toward towards "
    "through along off".split()
)
# "the coast of X", "the outskirts of X": X is where the thing governing the part is.
PLACE_PARTS = frozenset(
    """coast shore shores outskirts suburbs suburb centre center heart north south east west
    northeast northwest southeast southwest border borders island islands region area
    province county city town village capital streets waters edge""".split()
)
# spaCy EVENT entities with one of these words are named operations or battles.
EVENT_WORDS = frozenset(
    """operation battle siege sack invasion raid campaign uprising offensive rebellion revolt
    insurrection expedition blockade airlift surge massacre bombing occupation""".split()
)
EVENT_OF_PLACE = re.compile(
    r"\b(?:Battle|Siege|Sack|Invasion|Capture|Liberation|Raid|Massacre|Occupation|Bombing)"
    r" of (?:the )?((?:[A-Z][\w'’\-]*\s?)+)"
)
# Demonym endings: "Norwegian" -> "Norw…", "Italian" -> "Ital…", "Chinese" -> "Chin…".
_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i")


def _event_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """EVENT entities naming an operation that no Operation mention covers yet."""
    covered = [(m.start, m.end) for m in mentions if m.type == "Operation"]
    extra = []
    for ent in doc.ents:
        if ent.label_ != "EVENT":
            continue
        words = {t.lower_ for t in ent}
        if not words & EVENT_WORDS:
            continue
        span = ent
        if span[0].lower_ == "the":
            span = span[1:]
        if not span.text[:1].isupper():
            continue
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        extra.append(Mention(span.text, "Operation", span.start_char, span.end_char))
    return extra


def _location_of(place: Span) -> Token | None:
    """The word a place is attached to: the verb or noun its preposition hangs on, or
    the noun it modifies ("the Minneapolis metropolitan area" -> area); None when the
    place is not a location in this sentence ("Japan's army", "against Venice")."""
    root = place.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in PLACE_PARTS:
        root = root.head.head  # "off the coast of Mull" is located like "off the coast"
    if root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPOSITIONS:
        return root.head.head
    if root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        if noun.dep_ == "pobj" and noun.head.lower_ in LOCATION_PREPOSITIONS:
            return noun.head.head
        return noun
    if root.dep_ == "appos" and root.head.dep_ == "pobj":
        prep = root.head.head
        if prep.lower_ in LOCATION_PREPOSITIONS:
            return prep.head
    return None


def _ancestors(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def _linked(operation: Span, place: Span) -> str | None:
    """The rule by which the sentence places the operation at ``place``, or None."""
    anchor = _location_of(place)
    if anchor is None:
        return None
    op_root = operation.root
    if anchor in _ancestors(op_root):
        return "same-clause"  # "deployed to Minnesota as part of Operation X"
    if op_root in _ancestors(anchor):
        return "operation-phrase"  # "Operation X in Minneapolis"
    appositive = _appositive_head(operation)
    if appositive is not None and appositive in _ancestors(anchor):
        return "operation-apposition"  # "Operation X, an initiative that sent agents into Y"
    subject = _subject_of(op_root)
    if subject is not None and subject.head.lemma_ == "be":
        attrs = [c for c in subject.head.children if c.dep_ == "attr"]
        if any(a in _ancestors(anchor) for a in attrs):
            return "operation-predicate"  # "Operation X was a raid that took place in Y"
    between = place.doc[min(operation.end, place.end) : max(operation.start, place.start)]
    if len(between) <= NEAR_TOKENS and not any(t.text in (";", ":") for t in between):
        return "near"  # "the attack on Oslo during the Norwegian Campaign"
    return None


def _subject_of(token: Token) -> Token | None:
    """The subject noun phrase a name belongs to: itself, or the noun it is in apposition
    to ("The Winnebago War, also known as the Winnebago Uprising, was …" -> War)."""
    for node in _ancestors(token):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return None
    return None


def _appositive_head(operation: Span) -> Token | None:
    """The noun of the phrase set off after an operation's name: "Operation X, a federal
    initiative that …" -> initiative (the parser often attaches it elsewhere)."""
    doc = operation.doc
    i = operation.end
    while i < len(doc) and doc[i].is_punct and doc[i].text not in (".", ";", ":"):
        i += 1
    if i == operation.end or i >= len(doc) or doc[i].pos_ != "DET":
        return None
    j = i + 1
    while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "ADV"):
        if doc[j].pos_ == "NOUN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "NOUN"):
            return doc[j]
        j += 1
    return None


def _demonym_place(operation: Mention, places: list[Mention]) -> Mention | None:
    """ "Norwegian Campaign" -> a Norway mention of the document."""
    first = operation.text.split()[0] if operation.text.split() else ""
    if not first[:1].isupper() or first.lower() in ("operation", "battle", "the"):
        return None
    lower = first.lower()
    stem = lower
    for suffix in _DEMONYM_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            stem = lower[: -len(suffix)]
            break
    for place in places:
        name = place.text.lower()
        if " " in name or name == lower:
            continue
        common = len(_common_prefix(stem, name))
        if common >= 4 and common >= 0.6 * len(name):
            return place
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _named_place(operation: Mention) -> Mention | None:
    """The place an event is named after: "Battle of Warsaw" -> Warsaw."""
    match = EVENT_OF_PLACE.search(operation.text)
    if match is None:
        return None
    name = match.group(1).strip()
    start = operation.start + match.start(1)
    return Mention(name, "Place", start, start + len(name))


def extract_operations(doc: Doc, mentions: list[Mention]) -> list[OperationLocation]:
    """Operations of ``doc`` with the places they take place in, sorted by position.

    >>> doc = nlp("Agents went to Chicago as part of Operation Midway Blitz.")
    >>> [(o.operation.text, o.location.text) for o in
    ...  extract_operations(doc, extract_mentions(doc))]
    [('Operation Midway Blitz', 'Chicago')]
    """
    operations = [m for m in mentions if m.type == "Operation"] + _event_mentions(doc, mentions)
    places = [m for m in mentions if m.type == "Place"]
    results: list[OperationLocation] = []
    seen: set[tuple[int, str]] = set()

    def add(operation: Mention, place: Mention, sentence: Span, rule: str, conf: float) -> None:
        if (operation.start, place.text) in seen or place.text == operation.text:
            return
        seen.add((operation.start, place.text))
        evidence = Evidence(sentence.start_char, sentence.end_char, rule, conf)
        results.append(OperationLocation(operation, place, evidence))

    for operation in sorted(operations, key=lambda m: m.start):
        op_span = doc.char_span(operation.start, operation.end, alignment_mode="expand")
        if op_span is None:
            continue
        sentence = op_span.sent
        for place in places:
            if not (sentence.start_char <= place.start and place.end <= sentence.end_char):
                continue
            if operation.start <= place.start < operation.end:
                continue  # "Battle of Warsaw": the name itself is no statement of place
            place_span = doc.char_span(place.start, place.end, alignment_mode="expand")
            rule = _linked(op_span, place_span) if place_span is not None else None
            if rule is not None:
                add(operation, place, sentence, rule, 0.6 if rule == "near" else 0.75)
        named = _named_place(operation)
        if named is not None:
            add(operation, named, sentence, "named-after-place", 0.7)
        people = _demonym_place(operation, places)
        if people is not None:
            add(operation, people, sentence, "named-after-people", 0.6)
    return sorted(results, key=lambda r: (r.operation.start, r.location.start))
