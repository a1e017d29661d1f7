"""The places a document is about, for the role finder: its country and its state.

:class:`DocumentPlaces` is mixed into the role finder of :mod:`kg.extract.roles`. A head of
state or government (:data:`NATIONAL_OFFICES`) whose text names no country gets the country
the document names far more than any other, else the one country named in the holder's
clause; a governor (:data:`STATE_OFFICES`) gets the state the document names most. A
country's people ("Norwegian") and its name ("Norway") count as one country (one
:func:`_nation_key`); a nationality adjective gives the country's name where the document
names it. The country and state tables live in :mod:`kg.extract.gazetteer`.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import COUNTRIES, IRREGULAR_DEMONYMS, STATES, fold_place
from kg.extract.records import FROM_THE_DOCUMENT, Mention
from kg.extract.titles import PARTY_WORDS, ROLE_TITLES, fold_word

# Heads of state and government: the office belongs to a country even when the text
# leaves it unnamed ("President Jane Roe").
NATIONAL_OFFICES = frozenset(
    """president|prime minister|premier|chancellor|pm|taoiseach|vice president|
    vice-president|president-elect|deputy prime minister""".replace("\n", "").split("|")
)
# The head of a state or province: given the state the document is about when it names none.
STATE_OFFICES = frozenset({"governor"})
# The names of the two countries news most often abbreviates, and those with their peoples.
_US_COUNTRY = frozenset(
    "u.s.|u.s|us|usa|u.s.a.|united states|america|united states of america".split("|")
)
_UK_COUNTRY = frozenset("u.k.|uk|britain|great britain|united kingdom".split("|"))
US_NAMES = _US_COUNTRY | {"american", "americans"}
UK_NAMES = _UK_COUNTRY | {"british", "briton", "britons"}
NATIONAL_NAMES = _US_COUNTRY | _UK_COUNTRY
# Group names that are no nation: parties (PARTY_WORDS) and faiths.
NOT_NATIONS = PARTY_WORDS | frozenset(
    """catholic catholics protestant protestants christian christians muslim muslims islamic
    jewish jews hindu hindus buddhist buddhists sikh sikhs sunni sunnis shia shiite shiites
    orthodox evangelical evangelicals anglican methodist baptist lutheran mormon mormons
    democrats republicans""".split()
)
_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i")


@functools.lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(_nation_key(name) for name in COUNTRIES)


@functools.lru_cache(maxsize=4096)
def _is_country_people(text: str) -> bool:
    """ "Norwegian", "Afghan", "Pakistani" name a country's people; "Iowans", "Central
    American", the language "Spanish" and a stance ("anti-Muslim", "pro-Kremlin") do not
    count."""
    folded = fold_place(text)
    if folded in US_NAMES or folded in UK_NAMES:
        return True
    if "-" in folded:
        return False  # "anti-muslim" shares its first letters with Antigua
    stem = _demonym_stem(folded.removesuffix("s"))
    if " " not in folded and _nation_key(folded) in _country_keys():  # one word: "Afghan"
        return True
    return any(
        len(_common_prefix(stem, name)) >= max(4, int(0.6 * len(name))) for name in COUNTRIES
    )


def _demonym_stem(word: str) -> str:
    """ "Norwegian" -> "norweg", "Pakistani" -> "pakistan", "Chinese" -> "chin"."""
    lower = word.lower()
    for suffix in _DEMONYM_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


def _nation_key(text: str) -> str:
    """One key for a country and its people: "Norway", "Norwegian" -> "norw"."""
    lower = text.lower().removeprefix("the ")
    lower = IRREGULAR_DEMONYMS.get(  # "French" -> france, "Poles" -> poland
        lower, IRREGULAR_DEMONYMS.get(lower.removesuffix("s"), lower)
    )
    if lower in US_NAMES:
        return "us"
    if lower in UK_NAMES:
        return "uk"
    return _demonym_stem(lower)[:4]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _office_place_key(name: str) -> str:
    """One key for the names of one place: a country and its people are one (see
    :func:`_nation_key`), as are "U.S." and "the United States"."""
    lower = name.lower().removeprefix("the ")
    if lower in NATIONAL_NAMES or fold_place(name) in COUNTRIES or _is_country_people(name):
        return _nation_key(name)
    return fold_place(name)


def _same_person(a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` name one person of the document: the same name, or a full name and
    its last words ("Former Alaska Gov. Sarah Palin" … "Former Gov. Palin")."""
    return a.text == b.text or a.text.endswith(" " + b.text) or b.text.endswith(" " + a.text)


class _Finding(Protocol):
    """What is read here of a role finding (the role finder's ``_Found``)."""

    person: Mention
    role: str
    organization: Mention | None
    qualifier: str | None
    rule: str
    confidence: float


class DocumentPlaces:
    """The document's country and state, a mixin of the role finder: it reads the document,
    its mentions and the roles found so far from the finder it is mixed into, and gives a
    place to the offices found without one."""

    doc: Doc
    mentions: list[Mention]
    found: list[_Finding]
    _document_country: list[Mention | None]  # the country, once looked up
    mention: Callable[[Token], Mention | None]
    span_of: Callable[[Mention], Span | None]

    def national_offices(self) -> None:
        """A head of state or government whose text names no state gets the country the
        document is about: the one it names far more than any other ("President Jane Roe"
        in an article on Norway, its "Norwegian" ministers and "Norway")."""
        self._offices_of_the_document(NATIONAL_OFFICES, self.document_country)

    def state_offices(self) -> None:
        """A governor whose text names no state gets the state (or province) the document
        is about: a place other than a country that it names at least twice, and at least
        twice as often as any other ("Governor Jane Roe" in an article on Ohio)."""
        self._offices_of_the_document(STATE_OFFICES, self.document_state)

    def _offices_of_the_document(
        self, offices: frozenset[str], place_of_document: Callable[[], Mention | None]
    ) -> None:
        """Give each holder of one of ``offices`` found without an organization the one the
        document gives the same person's office elsewhere ("Former Alaska Gov. Sarah Palin"
        … "Former Gov. Palin"), else ``place_of_document()`` (looked up once, when needed)."""
        place: list[Mention | None] = []
        for n, f in enumerate(self.found):
            if f.organization is not None or f.role.lower() not in offices:
                continue
            named = {
                _office_place_key(g.organization.text): g.organization
                for g in self.found
                if g.organization is not None
                and g.role.lower() == f.role.lower()
                and g.qualifier == f.qualifier  # "a former president of Dartmouth" is not
                and _same_person(g.person, f.person)  # the office of "President Kim" now
            }  # named elsewhere: "Prime Minister of Norway Jane Roe" … "Prime Minister Roe"
            if len(named) > 1:
                continue  # "President of Dartmouth" and "World Bank President": which one?
            if not named and not place:
                place.append(place_of_document())
            where = next(iter(named.values())) if named else place[0]
            if where is None and offices is NATIONAL_OFFICES:
                where = self.clause_country(f.person)
            if where is not None:
                confidence = round(f.confidence - 0.1, 2)
                rule = f.rule + FROM_THE_DOCUMENT
                self.found[n] = replace(f, organization=where, rule=rule, confidence=confidence)

    def clause_country(self, person: Mention) -> Mention | None:
        """Where no country dominates the document: the one country named in the clause
        the holder is the subject of ("prime minister Jane Roe leading the French
        delegation"); None where it names none or several."""
        span = self.span_of(person)
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = span.root.head
        left = min(t.i for t in clause.subtree)
        right = max(t.i for t in clause.subtree)
        start, end = self.doc[left].idx, self.doc[right].idx + len(self.doc[right])
        inside = [m for m in self._countries() if start <= m.start and m.end <= end]
        if len({_nation_key(m.text) for m in inside}) != 1:
            return None
        if not self.mention_of(inside[0]):  # an adjective: "the Norwegian delegation"
            return self.country_named(inside[0]) or inside[0]
        return inside[0]

    def document_state(self) -> Mention | None:
        countries = {_nation_key(m.text) for m in self._countries()}
        groups: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.type != "Place" or fold_place(m.text).removesuffix(" state") not in STATES:
                continue  # a city is no state: "Gov. Roe" in an article on Flint
            key = _nation_key(m.text)
            if key not in countries:
                groups.setdefault(key, []).append(m)
        ranked = sorted(groups.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < 2:
            return None
        if len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1]):
            return None
        counts = Counter(m.text for m in ranked[0])
        return next(m for m in ranked[0] if counts[m.text] == max(counts.values()))

    def _countries(self) -> list[Mention]:
        """Nationality adjectives and country names of the document, as mentions."""
        found: list[Mention] = []
        norps = [
            ent
            for ent in self.doc.ents
            if ent.label_ == "NORP"
            and not any(w.lower().strip(".") in NOT_NATIONS for w in ent.text.split())
        ]
        # a country's people as an adjective ("the Pakistani prime minister"), not a
        # state's ("Iowans") nor a crowd ("a majority of Americans")
        norps = [
            ent
            for ent in norps
            if _is_country_people(ent.text) and ent.root.tag_ not in ("NNS", "NNPS")
        ]
        stems = {_demonym_stem(ent.text) for ent in norps}
        # "Afghan" / "Afghanistan", "Polish" / "Poland": one key for a people and its country
        keys = {_nation_key(ent.text) for ent in norps}
        for ent in norps:
            if any(self.mention(t) is not None for t in ent):
                continue  # part of a name: "the Norwegian Labour Party"
            nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
            if nxt is not None and (
                fold_word(nxt.text) in ROLE_TITLES or self.mention(nxt) is not None
            ):
                continue  # someone's title or name: "Chinese leader Li Wei"
            found.append(Mention(ent.text, "Place", ent.start_char, ent.end_char))
        for m in self.mentions:
            name = m.text.lower()
            if m.type == "Place" and (
                name in NATIONAL_NAMES
                or fold_place(name) in COUNTRIES
                and (
                    any(
                        len(_common_prefix(st, name)) >= max(4, int(0.6 * len(name)))
                        for st in stems
                    )
                    or _nation_key(m.text) in keys
                )
            ):
                found.append(m)
        return sorted(found, key=lambda m: m.start)

    def document_country(self) -> Mention | None:
        """The country that the document names at least twice as often as any other."""
        if not self._document_country:
            groups: dict[str, list[Mention]] = {}
            for m in self._countries():
                groups.setdefault(_nation_key(m.text), []).append(m)
            ranked = sorted(groups.values(), key=len, reverse=True)
            best = None
            if ranked and (len(ranked) == 1 or len(ranked[0]) >= 2 * len(ranked[1])):
                places = [m for m in ranked[0] if self.mention_of(m)] or ranked[0]
                counts = Counter(m.text for m in places)
                best = next(m for m in places if counts[m.text] == max(counts.values()))
            self._document_country.append(best)
        return self._document_country[0]

    def mention_of(self, m: Mention) -> bool:
        """True when ``m`` is one of the document's entity mentions (a country name)."""
        return any(x == m for x in self.mentions)

    def country_named(self, adjective: Mention) -> Mention | None:
        """The document's name for the country of a nationality adjective ("Malaysian" ->
        "Malaysia" where the text names Malaysia), its most frequent one; None where the
        document never names the country."""
        key = _nation_key(adjective.text)
        names = [
            m
            for m in self.mentions
            if m.type == "Place"
            and m.text != adjective.text
            and (m.text.lower() in NATIONAL_NAMES or fold_place(m.text) in COUNTRIES)
            and _nation_key(m.text) == key
        ]
        if not names:
            return None
        counts = Counter(m.text for m in names)
        return next(m for m in names if counts[m.text] == max(counts.values()))
