"""Person–role–organization facts ("Minnesota Governor Tim Walz").

``extract_memberships(doc, mentions)`` yields one :class:`Membership` per role a
person is given in the text. Rules (each recorded as the evidence's rule name):

* ``title-before-name``  "Minnesota Governor Tim Walz", "DHS Secretary Noem",
  "former Attorney General Jane Roe", "Trump's border czar Tom Homan";
* ``appos-after-name``   "Tom Homan, the administration's border czar," /
  "Jane Roe, governor of Ohio," / "Ann Lee, a spokesperson for Acme,";
* ``appos-before-name``  "the administration's border czar, Tom Homan";
* ``copula``             "Jane Roe is the mayor of Springfield";
* ``works-at``           "Jane Roe of Acme Corp" / "Jane Roe at the Institute of X"
  (a person–organization link with the generic role "member").

The title lexicon holds generic titles of news writing, nothing specific to any
article. Qualifiers ("former", "acting", "interim", "then", "ex") are kept: a
former governor is not the governor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.records import Evidence, Membership, Mention

# Generic titles (lower case); multi-word titles are matched first.
ROLE_TITLES: frozenset[str] = frozenset(
    """president vice-president governor lieutenant-governor mayor deputy-mayor secretary
    undersecretary senator representative congressman congresswoman congressmember lawmaker
    legislator minister premier chancellor ambassador envoy czar tsar spokesperson spokesman
    spokeswoman ceo cfo coo cto chairman chairwoman chair chairperson director commissioner
    chief judge justice prosecutor sheriff superintendent administrator treasurer comptroller
    founder co-founder cofounder owner publisher editor correspondent columnist reporter
    anchor host producer professor dean provost principal coach manager captain general
    admiral colonel commander head leader boss executive officer attorney counsel lawyer
    economist analyst researcher scientist pastor bishop archbishop cardinal pope rabbi imam
    king queen prince princess emperor monarch pm mp mep councillor councilor councilman
    councilwoman alderman trustee delegate adviser advisor aide strategist pollster
    organizer organiser activist president-elect partner""".split()
)
MULTIWORD_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """attorney general|vice president|lieutenant governor|prime minister|
            foreign minister|finance minister|defense secretary|defence secretary|
            secretary of state|secretary general|secretary-general|chief executive|
            chief executive officer|chief financial officer|chief operating officer|
            executive director|managing director|general manager|police chief|fire chief|
            chief of staff|press secretary|national security adviser|
            national security advisor|border czar|district attorney|state attorney|
            chief justice|supreme leader|house speaker|speaker of the house|majority leader|
            minority leader|whip|head coach|editor in chief|editor-in-chief|
            general counsel|deputy director|deputy secretary|assistant secretary|
            undersecretary|inspector general|surgeon general|solicitor general|
            chief economist|chief scientist|senior adviser|senior advisor|
            special counsel|special envoy|first minister|first lady""".replace("\n", "").split("|")
        ),
        key=len,
        reverse=True,
    )
)
ABBREVIATIONS = {
    "gov.": "Governor",
    "gov": "Governor",
    "sen.": "Senator",
    "sen": "Senator",
    "rep.": "Representative",
    "rep": "Representative",
    "pres.": "President",
    "sec.": "Secretary",
    "lt.": "Lieutenant",
    "gen.": "General",
    "atty.": "Attorney",
    "supt.": "Superintendent",
    "amb.": "Ambassador",
    "cmdr.": "Commander",
    "col.": "Colonel",
    "adm.": "Admiral",
    "capt.": "Captain",
    "prof.": "Professor",
    "dr.": None,
    "mr.": None,
    "mrs.": None,
    "ms.": None,
}
QUALIFIERS = {
    "former": "former",
    "acting": "acting",
    "interim": "interim",
    "then": "then",
    "ex": "former",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "late": "late",
}
ACRONYM_TITLES = {
    "ceo": "CEO",
    "cfo": "CFO",
    "coo": "COO",
    "cto": "CTO",
    "pm": "PM",
    "mp": "MP",
    "mep": "MEP",
}
ORG_TYPES = ("Organization", "Place")
MEMBER_ROLE = "member"
# "X works for Y", "X, who heads Y": verbs that tie a person to an organization.
WORK_VERBS = frozenset({"work", "serve", "intern", "volunteer", "teach"})
LEAD_VERBS: dict[str, str] = {
    "lead": "Leader",
    "head": "Head",
    "run": "Head",
    "operate": "Operator",
    "found": "Founder",
    "co-found": "Co-Founder",
    "cofound": "Co-Founder",
    "chair": "Chair",
    "direct": "Director",
    "manage": "Manager",
    "own": "Owner",
    "join": MEMBER_ROLE,
    "represent": "Representative",
    "coach": "Coach",
    "captain": "Captain",
}


def _title_label(words: list[str]) -> str:
    """A title as a label: "GOV." -> "Governor", "border czar" -> "Border Czar", "ceo" -> "CEO"."""
    out = []
    for word in words:
        lower = word.lower()
        if lower in ABBREVIATIONS and ABBREVIATIONS[lower]:
            out.append(ABBREVIATIONS[lower])
        elif lower in ACRONYM_TITLES:
            out.append(ACRONYM_TITLES[lower])
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lower.split("-")))
    return " ".join(out)


def title_at(words: list[str]) -> tuple[int, int] | None:
    """The title ending the word list ``words`` as (start, end) indexes, longest first.

    >>> title_at(["Minnesota", "Attorney", "General"])
    (1, 3)
    """
    lowered = [w.lower().strip(".") if w.lower() not in ABBREVIATIONS else w.lower() for w in words]
    for title in MULTIWORD_TITLES:
        n = len(title)
        if n <= len(lowered) and tuple(lowered[-n:]) == title:
            return len(lowered) - n, len(lowered)
    if lowered:
        last = lowered[-1]
        if last in ROLE_TITLES or (last in ABBREVIATIONS and ABBREVIATIONS[last]):
            return len(lowered) - 1, len(lowered)
    return None


def title_in(words: list[str]) -> tuple[int, int] | None:
    """The last title anywhere in ``words`` ("the administration's border czar")."""
    for end in range(len(words), 0, -1):
        found = title_at(words[:end])
        if found:
            return found
    return None


class _Finder:
    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.results: list[Membership] = []
        self.seen: set[tuple[int, str]] = set()

    def mention_at(self, token: Token, types: tuple[str, ...]) -> Mention | None:
        for m in self.mentions:
            if m.type in types and m.start <= token.idx < m.end:
                return m
        return None

    def mentions_in(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        found = [m for m in self.mentions if m.type in types and start <= m.start and m.end <= end]
        if found or "Place" not in types:
            return found
        # "Norwegian Prime Minister X": a nationality adjective names the state
        return [
            Mention(e.text, "Place", e.start_char, e.end_char)
            for e in self.doc.ents
            if e.label_ == "NORP" and start <= e.start_char and e.end_char <= end
        ]

    def add(
        self,
        person: Mention,
        words: list[Token],
        title: tuple[int, int],
        org: Mention | None,
        qualifier: str | None,
        sentence: Span,
        rule: str,
        confidence: float,
    ) -> None:
        label = _title_label([t.text for t in words[title[0] : title[1]]])
        if not label or label.lower() in ("mr.", "mrs.", "ms.", "dr."):
            return
        key = (person.start, label.lower())
        if key in self.seen:
            return
        self.seen.add(key)
        evidence = Evidence(sentence.start_char, sentence.end_char, rule, confidence)
        self.results.append(Membership(person, label, org, evidence, qualifier))

    # -- "Minnesota Governor Tim Walz" ---------------------------------------------------

    def title_before(self, person: Mention) -> None:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return
        sentence = span.sent
        words: list[Token] = []
        i = span.start - 1
        while i >= sentence.start and len(words) < 8:
            token = self.doc[i]
            if token.text in ("’s", "'s", "'", "’"):
                words.insert(0, token)
            elif token.is_punct and token.text not in ("-",):
                break
            elif (
                token.pos_ in ("PROPN", "NOUN", "ADJ")
                or token.lower_ in QUALIFIERS
                or (token.text[:1].isupper() and token.pos_ not in ("VERB", "AUX", "PRON", "DET"))
            ):
                words.insert(0, token)
            else:
                break
            i -= 1
        texts = [t.text for t in words]
        title = title_at(texts)
        if title is None:
            return
        qualifier = self._qualifier(words, title[0], i)
        prefix = words[: title[0]]
        org = None
        if prefix:
            orgs = self.mentions_in(prefix[0].idx, words[title[0]].idx, ORG_TYPES)
            org = orgs[-1] if orgs else None
        self.add(person, words, title, org, qualifier, sentence, "title-before-name", 0.9)

    def _qualifier(self, words: list[Token], title_start: int, before: int) -> str | None:
        for token in words[:title_start]:
            if token.lower_ in QUALIFIERS:
                return QUALIFIERS[token.lower_]
        if before >= 0:
            previous = self.doc[before]
            if previous.lower_ in QUALIFIERS:
                return QUALIFIERS[previous.lower_]
            if previous.text == "-" and before > 0 and self.doc[before - 1].lower_ in QUALIFIERS:
                return QUALIFIERS[self.doc[before - 1].lower_]
        return None

    # -- appositions -------------------------------------------------------------------------

    def appositions(self, person: Mention) -> None:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return
        head = span.root
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                self._from_phrase(person, child, "appos-after-name")
        if head.dep_ == "appos" and head.head.i < head.i:
            self._from_phrase(person, head.head, "appos-before-name", exclude=span)
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
            for attr in head.head.children:
                if attr.dep_ == "attr" and attr.i > head.i:
                    self._from_phrase(person, attr, "copula")

    def _from_phrase(
        self, person: Mention, noun: Token, rule: str, exclude: Span | None = None
    ) -> None:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return
        tokens = [
            t for t in noun.subtree if exclude is None or not (exclude.start <= t.i < exclude.end)
        ]
        tokens = [
            t
            for t in tokens
            if t.i <= noun.i
            or t.dep_ in ("prep", "pobj", "compound", "amod")
            or t.head.dep_ in ("prep", "pobj")
            or t.head.i > noun.i
        ]
        head_words = [t for t in tokens if t.i <= noun.i]
        title = title_at([t.text for t in head_words])
        if title is None:
            for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
                if title_at([conj.text]):
                    self._from_phrase(person, conj, rule, exclude)
            return
        qualifier = next((QUALIFIERS[t.lower_] for t in head_words if t.lower_ in QUALIFIERS), None)
        org = None
        after = [
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with", "to")
        ]
        for prep in after:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                sub = list(objects[0].subtree)
                found = self.mentions_in(sub[0].idx, sub[-1].idx + len(sub[-1].text), ORG_TYPES)
                if found:
                    org = found[0]
                    break
        if org is None and head_words[: title[0]]:
            before = head_words[: title[0]]
            found = self.mentions_in(before[0].idx, head_words[title[0]].idx, ORG_TYPES)
            org = found[-1] if found else None
        sentence = noun.sent
        self.add(person, head_words, title, org, qualifier, sentence, rule, 0.8)

    # -- "Jane Roe, who heads Acme", "Jane Roe works for Acme" -----------------------------------

    def verb_links(self, person: Mention) -> None:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return
        head = span.root
        verbs = [c for c in head.children if c.dep_ == "relcl"]
        if head.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(head.head)
        verbs += [
            c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"
        ]
        for verb in verbs:
            lemma = verb.lemma_.lower()
            targets: list[Token] = []
            if lemma in LEAD_VERBS:
                targets = [c for c in verb.children if c.dep_ == "dobj"]
            elif lemma in WORK_VERBS:
                targets = [
                    o
                    for p in verb.children
                    if p.dep_ == "prep" and p.lower_ in ("for", "at", "in", "with")
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            for target in targets:
                org = self.mention_at(target, ("Organization",))
                if org is None:
                    continue
                role = LEAD_VERBS.get(lemma, MEMBER_ROLE)
                key = (person.start, role.lower())
                if key in self.seen:
                    continue
                self.seen.add(key)
                sentence = verb.sent
                evidence = Evidence(
                    sentence.start_char, sentence.end_char, "verb-organization", 0.65
                )
                self.results.append(Membership(person, role, org, evidence, None))

    # -- "Jane Roe of Acme Corp" ----------------------------------------------------------------

    def works_at(self, person: Mention) -> None:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return
        head = span.root
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "from", "with"):
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if not objects:
                continue
            org = self.mention_at(objects[0], ("Organization",))
            if org is None:
                continue
            key = (person.start, MEMBER_ROLE)
            if key in self.seen or any(m.person.start == person.start for m in self.results):
                continue
            self.seen.add(key)
            sentence = head.sent
            evidence = Evidence(sentence.start_char, sentence.end_char, "works-at", 0.6)
            self.results.append(Membership(person, MEMBER_ROLE, org, evidence, None))


def extract_memberships(doc: Doc, mentions: list[Mention]) -> list[Membership]:
    """Roles that people are given in ``doc``, in text order.

    >>> [(m.person.text, m.role, m.organization.text) for m in extract_memberships(doc, ms)]
    [('Tim Walz', 'Governor', 'Minnesota')]   # for: "Minnesota Governor Tim Walz said …"
    """
    finder = _Finder(doc, mentions)
    for person in finder.mentions:
        if person.type != "Person" or not re.search(r"[A-Za-z]", person.text):
            continue
        try:
            finder.title_before(person)
            finder.appositions(person)
            finder.verb_links(person)
            finder.works_at(person)
        except (IndexError, ValueError):
            continue  # an odd sentence costs the sentence only
    return sorted(finder.results, key=lambda m: (m.person.start, m.role))
