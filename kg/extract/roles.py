"""Person–role–organization facts ("Minnesota Governor Tim Walz").

``extract_memberships(doc, mentions)`` yields one :class:`Membership` per role a
person is given in the text. Rules (each recorded as the evidence's rule name):

* ``title-before-name``  "Minnesota Governor Tim Walz", "DHS Secretary Noem",
  "former Attorney General Jane Roe", "Trump's border czar Tom Homan",
  "Acme Corp. spokesman Ravi Patel";
* ``appos-after-name``   "Tom Homan, the administration's border czar," /
  "Jane Roe, governor of Ohio," / "Ann Lee, a spokesperson for Acme," /
  "Bo Chan, 58, an Acme employee";
* ``appos-before-name``  "the administration's border czar, Tom Homan" /
  "Ohio's attorney general, Jane Roe,";
* ``copula``             "Jane Roe is the mayor of Springfield" / "Roe became CEO of Acme" /
  "Roe served as mayor of Springfield" / "Roe was elected governor of Ohio";
* ``left-role``          "Roe resigned as chairman of Acme" / "Roe stepped down as CEO of Acme"
  (qualifier "former");
* ``verb-organization``  "Jane Roe, who heads Acme," / "Roe works for Acme" (role from the verb);
* ``of-organization``    "Jane Roe of Acme Corp", "Jane Roe and Bo Chan of Acme" (the
  generic role "member"); ``on-the-board`` "Roe sits on the board of Acme" (member);
* ``possessor-organization`` "the FAA's Tom Becker said" (member).

A senator, representative or judge found without an organization sits in the chamber
or court the same sentence names ("Sen. Jane Roe … the Congress"; the rule name gets
``+sentence-body``); a head of state or governor gets the country or state the document is
about (``+document-place``, :mod:`kg.extract.document_places`).

A candidate is a member of the party that runs them ("candidate of the Acme Party",
"Labour candidate Jane Roe"): the title "Candidate" keeps only a party as organization
(a party word, a name with "Party", "Movement", "Alliance", … or an acronym), not the body
run for ("a candidate for the Senate").

A role in a unit of a university ("Acme College of the Wexford University", "the School
of Law of Wexford University") is also a role in the university.

Titles come from a lexicon of generic titles of news writing (:mod:`kg.extract.titles`),
nothing specific to any article. Public offices (governor, senator, president, …) are
kept when the text names no organization ("President Donald Trump"); any other title
(spokesperson, professor, lawyer, general, …) needs its organization in the text, and
that organization must be an Organization, not a Place ("a New York lawyer" works in New
York, not for it). Qualifiers ("former", "acting", "interim", "then", "outgoing", …) are
kept: a former governor is not the governor. "Deputy", "vice", "assistant" are part of
the role ("Deputy Secretary"), not qualifiers: a deputy holds a different office.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.document_places import DocumentPlaces
from kg.extract.gazetteer import GOVERNED_PLACES, US_STATE_ABBREVIATIONS, fold_place
from kg.extract.quote_marks import find_quotes
from kg.extract.records import FROM_THE_SENTENCE, Evidence, Membership, Mention
from kg.extract.speakers import FEMALE_PRONOUNS, gender_of, person_genders
from kg.extract.titles import (
    ABBREVIATIONS,
    OF_TITLES_LENGTH,
    PARTY_TITLES,
    PARTY_WORDS,
    QUALIFIERS,
    ROLE_TITLES,
    fold_word,
    is_office,
    is_role_prefix,
    title_at,
    title_label,
    title_start,
)

# -- the finder's word lists ---------------------------------------------------------------

# "the administration's border czar": generic organizations a title may belong to.
GENERIC_ORGANIZATIONS = frozenset({"administration", "government"})
# "the company" takes up a name ending in one of these: "Acme Co.", "Acme Corp."
COMPANY_NOUNS = frozenset({"company", "firm"})
COMPANY_SUFFIXES = frozenset(
    {"co", "corp", "inc", "company", "corporation", "ltd", "llc", "plc", "group"}
)
MEMBER_ROLE = "member"
# "a member of parliament": legislatures whose member is an office (Member of Parliament).
LEGISLATURES = frozenset({"parliament"})
# "the country's prime minister": nouns that stand for a place named before.
PLACE_NOUNS = frozenset({"country", "nation", "state", "province", "city", "republic"})
# "X works for Y", "X, who heads Y": verbs that tie a person to an organization.
WORK_VERBS = frozenset({"work", "serve", "intern", "volunteer", "teach", "lecture", "report"})
# "Roe covers the courts for the Acme Ledger": a writer's beat for the paper they write for.
BEAT_VERBS = frozenset({"cover", "write"})
# What a writer writes regularly for the paper that employs them ("wrote a column for X").
COLUMN_NOUNS = frozenset({"column", "blog", "newsletter"})
LEAD_VERBS: dict[str, str] = {
    "lead": "Leader",
    "head": "Head",
    "run": "Head",
    "operate": "Head",
    "found": "Founder",
    "establish": "Founder",
    "co-found": "Co-Founder",
    "cofound": "Co-Founder",
    "chair": "Chair",
    "direct": "Director",
    "manage": "Manager",
    "own": "Owner",
    "coach": "Coach",
    "captain": "Captain",
}
# Head words of organizations that a person's possessive names as led by them.
PARTY_HEADS = frozenset({"party", "union", "movement", "alliance", "front", "coalition"})
# "a professor at Acme College of the Wexford University": a unit of an institution
# named with it; a person of the unit works for the institution too.
UNIT_HEADS = frozenset({"college", "school", "faculty", "department", "institute"})
PARENT_HEADS = frozenset({"university"})
# Personal pronouns that stand for a person named before ("He taught at Acme").
PRONOUNS = frozenset({"he", "she", "him"})
# The pronouns a relative clause about the name itself opens with: "Roe, who is …".
RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})
# "X joined Acme", "X joined the faculty of Acme University" (a generic member link).
JOIN_VERBS = frozenset({"join", "rejoin"})
# "Roe took a job at Acme": taking a job, position or post with an organization.
TAKE_VERBS = frozenset({"take", "accept", "land"})
JOB_NOUNS = frozenset({"job", "position", "post"})
STAFF_NOUNS = frozenset({"faculty", "staff", "board", "team", "cabinet", "payroll"})
# "Roe of the law firm of Acme", "Roe of the rights group Acme": a kind of organization
# described before its name.
KIND_NOUNS = frozenset(
    """firm company group agency organization organisation association union institute
    bank foundation network newspaper magazine""".split()
)
# "Roe sits on the board of Acme": verbs of a seat on a board, faculty or staff.
BOARD_VERBS = frozenset({"be", "serve", "sit", "remain"})
# Last words of the bodies one holds a seat on: "serves on the Armed Services Committee".
SEAT_BODY_WORDS = frozenset(
    "council committee subcommittee commission board court panel caucus tribunal".split()
)
# Nouns for people: a "who" clause on one of them is about that person.
PERSON_NOUNS = frozenset(
    """man woman person friend son daughter wife husband brother sister father mother
    child colleague partner people boy girl""".split()
)
# "began teaching at X": verbs whose complement verb is a fact, not a wish or a plan.
ASPECT_VERBS = frozenset({"begin", "start", "continue", "go", "return", "resume", "keep"})
# Verbs whose complement gives the subject a role: "X is/became/served as/was elected Y".
COPULAS = frozenset({"be", "become", "remain", "serve", "act"})
ELECTION_VERBS = frozenset(
    {"elect", "appoint", "name", "nominate", "choose", "promote", "make", "hire", "select", "tap"}
)
ORG_PREPOSITIONS = frozenset({"of", "for", "at", "with", "in", "to", "on"})
# Titles whose "to X" names where they are sent, not whom they work for.
ENVOYS = frozenset({"ambassador", "envoy", "emissary", "consul", "ambassador-designate"})
# "she would be the best president": a role wished or foreseen is not held.
MODALS = frozenset("would could might may should must can shall 'd ’d".split())
# "Roe, considered to be the leader of Acme": participles of repute before a title.
REPUTE_PARTICIPLES = frozenset(
    {"considered", "believed", "thought", "described", "regarded", "seen", "reported"}
)
# "the attorney representing Acme": participles that tie a title to its client or employer.
ORG_PARTICIPLES = frozenset({"representing"})
# Titles that name the kind of body their holder sits in, and the head words of those
# bodies' names: "Sen. Jane Roe" sits in the Senate (or Congress) the sentence names.
CHAMBERS: dict[str, frozenset[str]] = {
    "senator": frozenset({"senate", "congress"}),
    "representative": frozenset({"house", "congress"}),
    "congressman": frozenset({"house", "congress"}),
    "congresswoman": frozenset({"house", "congress"}),
    "assemblyman": frozenset({"assembly"}),
    "assemblywoman": frozenset({"assembly"}),
    "mp": frozenset({"parliament"}),
    "member of parliament": frozenset({"parliament"}),
    "justice": frozenset({"court"}),
    "chief justice": frozenset({"court"}),
    "judge": frozenset({"court"}),
}
# Nouns of running for a body: "the Supreme Court nominee", "his Senate campaign".
RACE_NOUNS = frozenset(
    "nominee nomination candidate candidacy campaign race bid hopeful seat vacancy pick "
    "contender primary run".split()
)
# The rules that find a title naming its holder, where a chamber may be taken from the
# sentence (a predicate "became a judge" is about the past or a career, not this sentence).
NAMING_RULES = frozenset({"title-before-name", "appos-after-name", "appos-before-name"})
_CLAUSE_ADPS = frozenset({"as", "since", "from", "until", "during", "after", "before", "when"})
_APOSTROPHES = ("'s", "’s", "'", "’")
_POSSESSIVE_MARKS = ("'s", "’s")
# "a mentor to Roe at X", "appearing after Roe at X": "at" is where someone met the person
_PLACE_NOT_WORK_ADPS = frozenset({"to", "after", "before", "against", "than", "like", "over"})
_US_STATES_FOLDED = {fold_place(s).replace(" ", ""): s for s in US_STATE_ABBREVIATIONS.values()}
_ORG_TYPES = ("Organization", "Place")


# -- the finder ----------------------------------------------------------------------------


@dataclass
class _Found:
    person: Mention
    role: str
    organization: Mention | None
    qualifier: str | None
    sentence: Span
    rule: str
    confidence: float


class _Finder(DocumentPlaces):
    """Runs every rule over one document; remembers what it found."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, m)
        self.norp: dict[int, Span] = {
            t.i: ent for ent in doc.ents if ent.label_ == "NORP" for t in ent
        }
        self.found: list[_Found] = []
        self._document_country: list[Mention | None] = []

    # -- helpers ---------------------------------------------------------------------------

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def span_of(self, mention: Mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def add(
        self,
        person: Mention,
        role: str | None,
        org: Mention | None,
        qualifier: str | None,
        sentence: Span,
        rule: str,
        confidence: float,
    ) -> None:
        if not role or org == person:
            return
        if org is not None and org.text.split()[-1].isdigit() and len(org.text.split()[-1]) == 4:
            org = None  # "coach at the Athletics Cup 2010": a name ending in a year is an event
        if org is not None and role.lower().split()[-1] in org.text.lower().split():
            org = None  # "the Bishop of Pittsburgh" tagged as one organization
        if org is not None and role.lower().split()[-1] in PARTY_TITLES and not _is_party(org):
            org = None  # "a candidate for the Senate" is no member of the Senate
        office = is_office(role)
        if org is None and not office:
            return  # "producer Bob Crewe": an occupation, not a membership
        if org is not None and org.type == "Place" and not office:
            return  # "a New York lawyer" works in New York, not for it
        if org is None:
            confidence -= 0.1
        parent = None
        if org is not None and org.type == "Organization":
            org, parent = self._unit_of(org)
            if parent is None:
                org, parent = self._possessive_pair(org)
        for unit in (org, parent) if parent is not None else (org,):
            self.found.append(
                _Found(person, role, unit, qualifier, sentence, rule, round(confidence, 2))
            )

    def _possessive_pair(self, org: Mention) -> tuple[Mention, Mention | None]:
        """``org`` and the organization its possessive ties it to, as (unit, owner): "of
        Harvard University's Kennedy School", "at Harvard University's Kennedy School" ->
        (Kennedy School, Harvard University); a country owns no member ("Belarus's Security
        Committee" -> (Security Committee, None)); ``(org, None)`` with no possessive."""
        unit = self._possessed_unit(org)
        if unit is not None:
            return unit, None if self._country_named(org) else org
        return org, self._possessor_organization(org)

    def _possessed_unit(self, org: Mention) -> Mention | None:
        """The organization an organization's possessive names: "of Harvard University's
        John F. Kennedy School of Government" -> the school (a person there belongs to
        both)."""
        span = self.span_of(org)
        if span is None:
            return None
        j = span.end
        if span[-1].text in _POSSESSIVE_MARKS:
            j -= 1
        if j + 1 >= len(self.doc) or self.doc[j].text not in _POSSESSIVE_MARKS:
            return None
        unit = self.mention(self.doc[j + 1])
        if unit is None or unit.type != "Organization" or unit.start < org.end:
            return None
        return unit

    def _possessor_organization(self, org: Mention) -> Mention | None:
        """The organization whose possessive comes right before ``org``: "a professor at
        Harvard University's Kennedy School" -> Harvard University."""
        span = self.span_of(org)
        if span is None or span.start < 2:
            return None
        mark = self.doc[span.start - 1]
        if mark.text not in _POSSESSIVE_MARKS:
            return None
        owner = self.mention(self.doc[span.start - 2])
        if owner is None or owner.type != "Organization" or owner == org:
            return None
        if self._country_named(owner):
            return None  # "the chief of Belarus's Security Committee": a country's body
        return owner

    def _country_named(self, org: Mention) -> bool:
        """An "organization" that is a country or a state by its tag or by its name."""
        span = self.span_of(org)
        tagged = span is not None and span[0].ent_type_ in ("GPE", "LOC", "NORP")
        return tagged or fold_place(org.text) in GOVERNED_PLACES

    def _unit_of(self, org: Mention) -> tuple[Mention, Mention | None]:
        """A unit of a university and the university: "Acme College of the Wexford
        University" (one name, split at "of the") or "the School of Law (SL) of Wexford
        University" (two names); ``(org, None)`` for any other organization."""
        words = org.text.lower().split()
        if not UNIT_HEADS & set(words):
            return org, None
        cut = org.text.find(" of the ")
        if cut > 0 and UNIT_HEADS & set(org.text[:cut].lower().split()):
            rest = org.text[cut + len(" of the ") :]
            if PARENT_HEADS & set(rest.lower().split()):
                unit = Mention(org.text[:cut], "Organization", org.start, org.start + cut)
                return unit, Mention(rest, "Organization", org.end - len(rest), org.end)
        span = self.span_of(org)
        if span is None:
            return org, None
        j = span.end
        if j < len(self.doc) and self.doc[j].text == "(":
            while j < len(self.doc) and j - span.end < 6 and self.doc[j].text != ")":
                j += 1
            j += 1
        if j + 1 >= len(self.doc) or self.doc[j].lower_ != "of":
            return org, None
        j += 2 if self.doc[j + 1].lower_ == "the" else 1
        parent = self.mention(self.doc[j]) if j < len(self.doc) else None
        if parent is None or parent.type != "Organization":
            return org, None
        if not PARENT_HEADS & set(parent.text.lower().split()):
            return org, None
        return org, parent

    def org_in(self, tokens: Iterable[Token], last: bool = True) -> Mention | None:
        """The last (or first) Organization/Place mention among ``tokens``."""
        found = [m for t in tokens if (m := self.mention(t)) and m.type in _ORG_TYPES]
        if not found:
            return None
        return found[-1] if last else found[0]

    def norp_place(self, tokens: Sequence[Token]) -> Mention | None:
        """A nationality adjective names the state: "Afghan Prime Minister X" -> Afghan, or
        the country's name where the document names it (:meth:`country_named`)."""
        for token in reversed(tokens):
            ent = self.norp.get(token.i)
            if ent is not None and ent.text.lower() not in PARTY_WORDS:
                adjective = Mention(ent.text, "Place", ent.start_char, ent.end_char)
                return self.country_named(adjective) or adjective
        return None

    def generic_org(self, tokens: Sequence[Token]) -> Mention | None:
        """ "the administration's border czar": the possessor is an unnamed organization."""
        for i, token in enumerate(tokens[:-1]):
            if token.lower_ in GENERIC_ORGANIZATIONS and tokens[i + 1].text in _APOSTROPHES:
                if i > 0 and tokens[i - 1].lower_ == "the":
                    return Mention(token.text, "Organization", token.idx, token.idx + len(token))
        return None

    def antecedent_org(self, noun: Token) -> Mention | None:
        """ "a spokesman for the agency": the nearest earlier Organization whose name has
        the common noun as a word ("the Acme Safety Agency"); "the company" takes up
        "Acme Co."."""
        if noun.pos_ != "NOUN" or self.mention(noun) is not None:
            return None
        word = noun.lower_
        for m in reversed(self.mentions):
            if m.start >= noun.idx or m.type != "Organization":
                continue
            words = {w.strip(".,").lower() for w in m.text.split()[1:]}
            if word in words or (word in COMPANY_NOUNS and words & COMPANY_SUFFIXES):
                return m
        return None

    def definite_org(self, before: Sequence[Token]) -> Mention | None:
        """ "the agency's spokesman", "a company official": a common noun in front of a
        title that takes up an organization named earlier (:meth:`antecedent_org`)."""
        for i, token in enumerate(before):
            if i == 0 or before[i - 1].lower_ not in ("the", "a", "an"):
                continue
            possessed = i + 1 < len(before) and before[i + 1].text in _APOSTROPHES
            last = i == len(before) - 1 and before[i - 1].lower_ != "the"
            if possessed or last:
                return self.antecedent_org(token)
        return None

    def acronym_org(self, before: Sequence[Token]) -> Mention | None:
        """ "CNTP Secretary Jane Roe": an unknown all-capital acronym right before a title."""
        token = before[-1]
        text = token.text
        if (
            2 <= len(text) <= 6
            and text.isalpha()
            and text.isupper()
            and fold_word(text) not in ROLE_TITLES
            and token.i not in self.norp
            and token.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON")
        ):
            start = self._hyphenated_start(token)
            return Mention(
                self.doc.text[start : token.idx + len(text)],
                "Organization",
                start,
                token.idx + len(text),
            )
        return None

    def _hyphenated_start(self, token: Token) -> int:
        """Where the hyphenated compound that ends in ``token`` starts: "ANSA-TASK" is one
        name, not "TASK" (the parts written without spaces around the hyphen)."""
        doc, i = self.doc, token.i
        while (
            i >= 2
            and doc[i - 1].text in ("-", "–")
            and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_
            and doc[i - 2].text.isalpha()
            and doc[i - 2].text[:1].isupper()
        ):
            i -= 2
        return doc[i].idx

    def bare_name_org(self, before: Sequence[Token]) -> Mention | None:
        """ "that Eskom chairperson Jane Roe": one capitalised word, not a place, people or
        person and not opening the sentence, right before a company title."""
        token = before[-1]
        if len(before) > 1 and before[-2].pos_ == "PROPN":
            return None
        if (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.text.isalpha()
            and not token.is_sent_start
            and fold_word(token.text) not in ROLE_TITLES
            and token.lower_ not in QUALIFIERS
            and token.lower_ not in PARTY_WORDS
            and token.i not in self.norp
            and token.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON", "DATE")
        ):
            return Mention(token.text, "Organization", token.idx, token.idx + len(token))
        return None

    # -- "Minnesota Governor Tim Walz" -----------------------------------------------------

    def title_before(self, person: Mention, span: Span) -> None:
        sentence = span.sent
        i = span.start - 1
        while i >= sentence.start and (ABBREVIATIONS.get(self.doc[i].lower_, "x") is None):
            i -= 1  # "Prime Minister Dr. Jane Roe"
        words: list[Token] = self._of_title_before(i, sentence)
        if words:
            i = words[0].i - 1
        loose = 0
        while i >= sentence.start and len(words) < 10:
            token = self.doc[i]
            mention = self.mention(token)
            if mention is not None and mention.type == "Person" and mention != person:
                nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
                if nxt is None or nxt.text not in _APOSTROPHES:
                    break  # another name: "Jane Roe Governor Tim Walz" is two people
                words.insert(0, token)
            elif token.text in _APOSTROPHES or (
                token.text in ("-", "–") and words and not token.whitespace_
            ):  # "then-Gov.", not "his rivals - Sen. Roe"
                words.insert(0, token)
            elif token.text == "." and self._split_abbreviation(i - 1):
                pass  # "Lt" "." as the tokenizer split "Lt.": the word comes next
            elif token.text == ")" and (opening := self._named_bracket(i, sentence)) is not None:
                i = opening  # "the Acme Party (AP) candidate Jane Roe": past the bracket
            elif token.is_punct or token.like_num:
                break
            elif mention is not None or token.i in self.norp:
                words.insert(0, token)
            elif (
                token.lower_ in QUALIFIERS
                or fold_word(token.text) in ROLE_TITLES
                or self._split_abbreviation(token.i)
            ):
                words.insert(0, token)
            elif token.pos_ in ("PROPN", "NOUN", "ADJ") or token.text[:1].isupper():
                if token.pos_ in ("VERB", "AUX", "PRON", "ADP", "CCONJ", "SCONJ"):
                    break
                loose += 1
                if loose > 3:
                    break
                words.insert(0, token)
            elif token.lower_ in ("the", "its", "his", "her", "their", "our", "a", "an"):
                words.insert(0, token)
                break
            else:
                break
            i -= 1
        texts = [self._word(t) for t in words]
        found = title_at(texts)
        if found is None or found[1] != len(words):
            self._title_of_org_before(person, span)
            return
        label = title_label(texts)
        start = found[0]
        while start > 0 and is_role_prefix(texts[start - 1]):
            start -= 1
        before = words[:start]
        if any(t.text in _APOSTROPHES for t in words[start:]):
            return
        qualifier = self._qualifier(before, i)
        org = self._org_before(before, label or "")
        if org is None and not before:
            org = self._shared_org(i, sentence)
        if org is None:
            org = self._anaphoric_place(before)
        if org is None:
            org = self._org_after_name(span)
        self.add(person, label, org, qualifier, sentence, "title-before-name", 0.9)

    def _split_abbreviation(self, i: int) -> bool:
        """Token ``i`` is a title abbreviation whose dot the tokenizer split off ("Lt" ".")."""
        doc = self.doc
        return (
            0 <= i < len(doc) - 1
            and not doc[i].whitespace_
            and doc[i + 1].text == "."
            and bool(ABBREVIATIONS.get(doc[i].lower_ + "."))
        )

    def _word(self, token: Token) -> str:
        """A token's text, with the dot the tokenizer split off a title abbreviation."""
        return token.text + "." if self._split_abbreviation(token.i) else token.text

    def _named_bracket(self, close: int, sentence: Span) -> int | None:
        """ "Acme Party (AP)", "AP (Acme Party)": the "(" of a short bracket closed at
        ``close`` that follows an organization's name, or None."""
        for j in range(close - 1, max(sentence.start, close - 7), -1):
            if self.doc[j].text == "(":
                named = j > sentence.start and (m := self.mention(self.doc[j - 1])) is not None
                return j if named and m.type == "Organization" and j + 1 < close else None
            if self.doc[j].is_punct and self.doc[j].text not in ("'", "’", "-", "."):
                return None
        return None

    def _of_title_before(self, i: int, sentence: Span) -> list[Token]:
        """The tokens of a title of the lexicon written with "of" ending at token ``i``
        ("Secretary of State", "Speaker of the House"), or []."""
        first = max(sentence.start, i + 1 - OF_TITLES_LENGTH)
        tokens = list(self.doc[first : i + 1])
        found = title_at([t.text for t in tokens])
        if found is None or found[1] != len(tokens):
            return []
        title = tokens[found[0] :]
        return title if any(t.lower_ == "of" for t in title) else []

    def _org_after_name(self, span: Span) -> Mention | None:
        """ "Gov. Jane Roe of Ohio", "Sen. Bo Chan, Republican of Iowa": the organization
        or place named right after a titled name."""
        doc, end = self.doc, span.sent.end
        j = span.end
        state = self._party_state(j, end)
        if state is not None:
            return state
        if j < end and doc[j].text == ",":
            j += 2 if j + 1 < end and doc[j + 1].lower_ in ("a", "an") else 1
            if j >= end or doc[j].lower_ not in PARTY_WORDS:
                return None
            j += 1
        if j + 1 >= end or doc[j].lower_ not in ("of", "from"):
            return None
        k = j + 1
        if k < end and doc[k].lower_ == "the":
            k += 1
        org = self.mention(doc[k]) if k < end else None
        if org is None or org.type not in _ORG_TYPES:
            return None
        return org

    def _party_state(self, j: int, end: int) -> Mention | None:
        """ "Sen. Jane Roe, R-Utah," / "Rep. Bo Chan (D-Minn.)" / "Rep. Ann Lee (Mich.)": the
        US state of a lawmaker's party-and-state tag right after the name, as the document
        names it in full; None where it does not, and for a party alone ("(R)")."""
        doc = self.doc
        if j >= end or doc[j].text not in (",", "("):
            return None
        closer = ")" if doc[j].text == "(" else ","
        k = j + 1
        while k < end and k - j <= 5 and doc[k].text != closer:
            k += 1
        if k >= end and closer == ")" or k - j > 5 or k == j + 1:
            return None
        tokens = list(doc[j + 1 : k])
        dash = next((n for n, t in enumerate(tokens) if t.text.endswith(("-", "–"))), None)
        if dash is not None:
            party = "".join(t.text for t in tokens[: dash + 1]).rstrip("-–")
            if party.upper() not in ("R", "D", "I"):
                return None
            tokens = tokens[dash + 1 :]
        elif closer == ",":
            return None  # ", Utah,": no party, perhaps only where the person lives
        if not tokens:
            return None
        folded = fold_place("".join(t.text_with_ws for t in tokens)).replace(" ", "")
        name = US_STATE_ABBREVIATIONS.get(folded) or _US_STATES_FOLDED.get(folded)
        if name is None:
            return None
        # the state as the document names it in full: an abbreviation ("Vt.") would make a
        # second node beside the state's own
        return next(
            (
                m
                for m in self.mentions
                if m.type == "Place" and fold_place(m.text) == fold_place(name)
            ),
            None,
        )

    def _anaphoric_place(self, before: Sequence[Token]) -> Mention | None:
        """ "Bangladesh's society … the country's Prime Minister Jane Roe": "the country's"
        (state's, nation's, province's) is the last place named before it, in this sentence
        or the one before."""
        if len(before) < 3 or before[-1].text not in _APOSTROPHES:
            return None
        if before[-2].lower_ not in PLACE_NOUNS or before[-3].lower_ != "the":
            return None
        start = before[-3].sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for token in reversed(self.doc[start : before[-3].i]):
            m = self.mention(token)
            if m is not None and m.type == "Place":
                return m
        return None

    def _shared_org(self, i: int, sentence: Span) -> Mention | None:
        """ "Acme chairman Jane Roe and chief executive Bo Chan": the second title shares
        the organization of the first."""
        if i - 1 < sentence.start or self.doc[i].lower_ not in ("and", ","):
            return None
        previous = self.mention(self.doc[i - 1])
        if previous is None or previous.type != "Person":
            return None
        for f in reversed(self.found):
            if (
                f.person == previous
                and f.rule == "title-before-name"
                and f.organization is not None
                and f.organization.type == "Organization"
            ):
                return f.organization
        return None

    def _title_of_org_before(self, person: Mention, span: Span) -> None:
        """ "the President of Kazakhstan Jane Roe": a title, "of", a name, then the person."""
        sentence = span.sent
        i = span.start - 1
        org = self.mention(self.doc[i]) if i >= sentence.start else None
        if org is None or org.type not in _ORG_TYPES:
            return
        org_span = self.span_of(org)
        if org_span is None:
            return
        k = org_span.start - 1
        while k >= sentence.start and self.doc[k].lower_ in ("the",):
            k -= 1
        if k < sentence.start + 1 or self.doc[k].lower_ != "of":
            return
        words = []
        j = k - 1
        while j >= sentence.start and len(words) < 5 and not self.doc[j].is_punct:
            if self.doc[j].pos_ in ("VERB", "AUX", "ADP"):
                break
            words.insert(0, self.doc[j])
            j -= 1
        texts = [t.text for t in words]
        found = title_at(texts)
        if found is None or found[1] != len(words):
            return
        qualifier = self._qualifier(words[: title_start(texts)], j)
        self.add(person, title_label(texts), org, qualifier, sentence, "title-of-before-name", 0.8)

    def _org_before(self, before: Sequence[Token], label: str) -> Mention | None:
        """The organization in the words in front of a title, or None."""
        if not before:
            return None
        org = self.org_in(before)
        if org is not None and org.type == "Place" and label and not is_office(label):
            # "a CNN Washington correspondent": the place is the beat, the employer is the
            # organization named before it
            org = next(
                (
                    m
                    for t in reversed(before)
                    if (m := self.mention(t)) and m.type == "Organization"
                ),
                org,
            )
        if org is not None:
            end = max(t.i for t in before if self.mention(t) == org)
            possessed = end + 1 < len(self.doc) and self.doc[end + 1].text in _APOSTROPHES
            persons = [t for t in before if (m := self.mention(t)) and m.type == "Person"]
            if persons and persons[-1].i > end and not possessed:
                return None
            return org
        if any((m := self.mention(t)) and m.type == "Person" for t in before):
            return None  # "Trump's border czar": the possessor is a person
        core = list(before)
        while len(core) > 1 and core[-1].pos_ == "ADJ" and core[-1].text.islower():
            core.pop()  # "ITAR-TASS diplomatic correspondent": the name before the adjective
        generic = (
            self.generic_org(list(before)) or self.definite_org(before) or self.acronym_org(core)
        )
        if generic is None and label and not is_office(label):
            generic = self.bare_name_org(core)
        if generic is not None:
            return generic
        # a party is a name: "Labour MP", not "conservative chat host"
        party = [t for t in before if t.lower_ in PARTY_WORDS and t.text[:1].isupper()]
        if party and not is_office(label):
            token = party[-1]
            return Mention(token.text, "Organization", token.idx, token.idx + len(token))
        return self.norp_place(before)

    def _qualifier(self, words: Sequence[Token], before: int) -> str | None:
        for token in words:
            if token.lower_ in QUALIFIERS:
                return QUALIFIERS[token.lower_]
        if before >= 0:
            previous = self.doc[before]
            if previous.lower_ in QUALIFIERS:
                return QUALIFIERS[previous.lower_]
            if previous.text in ("-", "–") and before > 0:
                return QUALIFIERS.get(self.doc[before - 1].lower_)
        return None

    # -- noun phrases: "the chief executive of Acme", "Acme's spokesperson" ------------------

    def phrase_roles(self, tokens: Sequence[Token]) -> list[tuple[str, Mention | None, str | None]]:
        """Roles named by a noun phrase given as tokens: [(label, organization, qualifier)].

        The phrase is cut at its first verb or clause word; coordinated titles
        ("chairman and chief executive of Acme") share the organization after the last.
        """
        cut: list[Token] = []
        for token in tokens:
            if token.lower_ in ORG_PARTICIPLES and cut and fold_word(cut[-1].text) in ROLE_TITLES:
                cut.append(token)  # "the attorney representing Acme"
                continue
            if (
                token.pos_ in ("VERB", "AUX")
                and fold_word(token.text) not in ROLE_TITLES
                and token.lower_ not in QUALIFIERS
                and token.dep_ not in ("amod", "compound")
            ):
                break
            if token.lower_ in ("who", "which", "that", "whose", "since", "from", "until"):
                break
            if token.text in (";", ":", "(", ")", "—", "–", '"', "“", "”") or (
                token.text == "," and cut and not self._comma_in_title_list(token)
            ):
                break
            cut.append(token)
        results: list[tuple[str, Mention | None, str | None]] = []
        pending: list[tuple[str, list[Token], str | None]] = []
        start = 0
        for k in range(len(cut)):
            nxt = cut[k + 1] if k + 1 < len(cut) else None
            if title_at([t.text for t in cut[start : k + 1]]) is None:
                continue
            if nxt is not None and (m := self.mention(nxt)) and m.type == "Person":
                break  # "a fellow appointee of President Reagan": Reagan's title
            if nxt is not None and (
                _continues_noun(nxt)
                or nxt.text in _APOSTROPHES
                or (nxt.text == "-" and nxt.whitespace_ == "")
                or title_at([t.text for t in cut[start : k + 2]]) is not None
                or _of_title_goes_on(cut, start, k)
                or self._unnamed_legislature(cut, k + 1)
                or _title_after_adjectives(cut, k + 1)
            ):
                continue  # "chief executive", "the governor's mansion": not the title's end
            texts = [t.text for t in cut[start : k + 1]]
            label = title_label(texts)
            t0 = k + 1 - (len(texts) - title_start(texts))
            b = t0
            while b > start and (
                (cut[b - 1].pos_ == "ADJ" and fold_word(cut[b - 1].text) not in ROLE_TITLES)
                or (cut[b - 1].lower_ == "and" and b < t0)
            ):
                b -= 1
            if b < t0 and b > start and _title_after_adjectives(cut, b):
                if fold_word(cut[b - 1].text) in ROLE_TITLES:
                    # "chief medical officer": the title word, its adjectives and the title
                    t0 = b - 1
                    label = " ".join(
                        t.lower_ if t.lower_ == "and" else t.text[:1].upper() + t.text[1:]
                        for t in cut[t0 : k + 1]
                    )
            # "brother of Bo Chan and a professor at X": a new noun phrase after "and a/the"
            # is a second apposition; what came before it is not the title's
            for b in range(t0 - 2, start - 1, -1):
                if cut[b].lower_ == "and" and cut[b + 1].pos_ == "DET":
                    start = b + 1
                    break
            before = cut[start:t0]
            if any(
                t.pos_ in ("VERB", "AUX", "ADP")
                and t.lower_ not in QUALIFIERS
                and self.mention(t) is None  # "a University of Iowa professor": in a name
                for t in before
            ):
                break
            if any(
                (m := self.mention(t))
                and m.type == "Person"
                and t.i < cut[t0].i
                and not self._possessive(t)
                for t in before
            ):
                break  # "Jane Roe, Director John Smith": a title for someone else
            qualifier = next((QUALIFIERS[t.lower_] for t in before if t.lower_ in QUALIFIERS), None)
            pending.append((label or "", list(before), qualifier))
            after_org = self._org_after(cut, k + 1)
            if after_org is not None or nxt is None or nxt.lower_ not in ("and", "&", ","):
                more = self._coordinated_orgs(after_org) if after_org is not None else []
                for n, (lab, bef, qual) in enumerate(pending):
                    # "a Norwegian economist and former CEO of Acme": a nationality makes
                    # the first an occupation, not a second title of Acme
                    trade = n < len(pending) - 1 and any(t.i in self.norp for t in bef)
                    org = self._title_org(None if trade else after_org, bef, lab)
                    results.append((lab, org, qual))
                    if not trade:
                        results.extend((lab, other, qual) for other in more)
                pending = []
                if after_org is not None or nxt is None or nxt.lower_ in ORG_PREPOSITIONS:
                    # the next conjunct may be another role: "... and a member of Y", also
                    # after a title's object that is no organization ("a spokesman for
                    # reform and president of Acme")
                    rest = self._next_conjunct(cut, k + 1)
                    if rest is None:
                        break
                    start = rest
                    continue
                break
            start = k + 2
        for lab, bef, qual in pending:
            results.append((lab, self._org_before(bef, lab), qual))
        return results

    def _title_org(
        self, after: Mention | None, before: Sequence[Token], label: str
    ) -> Mention | None:
        """The organization of a title: the one after it, else the one in the words before
        it (:meth:`_org_before`). A place after a title that is no office is the beat when
        the words before name an organization ("a Red Cross disaster chairman for Dale
        County"), as a place before it is ("a CNN Washington correspondent"); "an Assistant
        State's attorney in Cook County" names none (a possessive makes it a title)."""
        if after is None:
            return self._org_before(before, label)
        if after.type != "Place" or is_office(label):
            return after
        named = self._org_before(before, label)
        if (
            named is not None
            and named.type == "Organization"
            and any(self.mention(t) == named for t in before)  # named, not guessed
            and not any(t.text in _APOSTROPHES for t in before)
        ):
            return named
        return after

    def _unnamed_legislature(self, cut: Sequence[Token], k: int) -> bool:
        """ "a member of parliament (MP)": "of" and a legislature that is no name here carry
        on the title "Member of Parliament" (an office); "member of the Acme Parliament"
        is a member of that organization."""
        return (
            k + 1 < len(cut)
            and cut[k].lower_ == "of"
            and cut[k + 1].lower_ in LEGISLATURES
            and title_at([t.text for t in cut[: k + 2]]) is not None
            and self.mention(cut[k + 1]) is None
        )

    def _comma_in_title_list(self, comma: Token) -> bool:
        """ "publisher, editor and co-owner of X", "a reporter, producer, and editor at X": a
        comma inside a list of titles (the serial comma before "and" too)."""
        nxt = comma.nbor(1) if comma.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.lower_ in ("and", "or") and nxt.i + 1 < len(self.doc):
            nxt = nxt.nbor(1)
        return nxt is not None and fold_word(nxt.text) in ROLE_TITLES

    def _possessive(self, token: Token) -> bool:
        m = self.mention(token)
        if m is None:
            return False
        span = self.span_of(m)
        return (
            span is not None
            and span.end < len(self.doc)
            and (self.doc[span.end].text in _APOSTROPHES)
        )

    def _org_after(self, cut: Sequence[Token], k: int) -> Mention | None:
        """ "… of/for/at [the] Acme Corp": the organization after a title."""
        if k >= len(cut) or cut[k].lower_ not in ORG_PREPOSITIONS | ORG_PARTICIPLES:
            return None
        if cut[k].lower_ == "to" and k > 0 and cut[k - 1].lower_ in ENVOYS:
            return None  # "ambassador to the U.S.": the host country, not the employer
        j = k + 1
        while j < len(cut) and cut[j].lower_ in ("the", "a", "an"):
            j += 1
        # "the Miami-based Acme Caucus": the place the organization is based in is not it
        for b in range(j + 1, min(j + 5, len(cut) - 1)):
            if cut[b].text == "-" and cut[b + 1].lower_ == "based":
                j = b + 2
                break
        if (
            cut[k + 1 : k + 2]
            and cut[k + 1].lower_ == "the"
            and j < len(cut)
            and (j + 1 == len(cut) or cut[j + 1].pos_ in ("ADP", "PUNCT"))
            and (org := self.antecedent_org(cut[j])) is not None
        ):
            return org  # "a spokesman for the agency (in Dover)": the agency named before
        window: list[Token] = []
        while j < len(cut) and cut[j].lower_ not in ("and", "&", ",") and len(window) < 12:
            if window and (cut[j].pos_ in ("VERB", "AUX") or cut[j].lower_ in _CLAUSE_ADPS):
                break  # "King of Joseon as the head of …": the first object only
            window.append(cut[j])
            j += 1
        whole = window
        if cut[k].lower_ not in ORG_PARTICIPLES:  # "the lawyer representing Acme's"
            window = [t for t in window if not self._possessive(t)]  # "the chief of Ohio's Bureau"
        # a name that begins before the preposition is no object of it: "Assistant Secretary
        # of State for Energy Resources" tagged "State for Energy Resources"
        after = cut[k].idx + len(cut[k])
        org = self.org_in(window, last=False)
        if org is not None and org.start >= after:
            return org
        # "director of the Acme Institute's program on energy": no organization but the
        # possessor, which runs the program
        org = self.org_in(whole, last=False)
        if org is not None and org.type == "Organization" and org.start >= after:
            return org
        if cut[k].lower_ in ("of", "for") and window:
            return self.norp_place(window[:2])
        return None

    def _coordinated_orgs(self, first: Mention) -> list[Mention]:
        """ "professor at Acme University, Beta College and Gamma Institute": the further
        organizations listed after the first one a title names, each a whole noun phrase
        (a bracket of years after each may follow). "Springfield, Illinois" is no list."""
        span = self.span_of(first)
        if span is None:
            return []
        end = span.sent.end
        found: list[Mention] = []
        previous = first
        j = self._skip_bracket(span.end, end)
        while j < end:
            comma = self.doc[j].text == ","
            if comma:
                j += 1
            conjoined = j < end and self.doc[j].lower_ in ("and", "or")
            if conjoined:
                j += 1
            if not (comma or conjoined):
                break
            while j < end and self.doc[j].lower_ in ("the", "a", "an"):
                j += 1
            org = self.mention(self.doc[j]) if j < end else None
            org_span = self.span_of(org) if org is not None else None
            if org is None or org_span is None or org_span.start != j:
                break
            if not conjoined and previous.type == "Place" and org.type == "Place":
                break  # a town and its state or country
            j = self._skip_bracket(org_span.end, end)
            if j < end and not (
                self.doc[j].is_punct
                or self.doc[j].lower_ in ("and", "or")
                or self.doc[j].pos_ in ("ADP", "VERB", "AUX")
            ):
                break  # "and the Acme envoy": the name only begins another noun phrase
            if j < end and self.doc[j].text in _APOSTROPHES:
                break
            if org.type in _ORG_TYPES:
                found.append(org)  # a name typed as a person is passed over, not taken
            previous = org
        return found

    def _skip_bracket(self, j: int, end: int) -> int:
        """The token after a bracket opening at ``j`` ("(2007)"), else ``j``."""
        if j < end and self.doc[j].text == "(":
            for k in range(j + 1, min(j + 10, end)):
                if self.doc[k].text == ")":
                    return k + 1
        return j

    def _next_conjunct(self, cut: Sequence[Token], k: int) -> int | None:
        for j in range(k, len(cut)):
            if cut[j].lower_ in ("and", "&") or cut[j].text == ",":
                return j + 1
        return None

    # -- appositions -----------------------------------------------------------------------

    def appos_after(self, person: Mention, span: Span) -> None:
        sentence = span.sent
        j = span.end
        if j >= sentence.end or self.doc[j].text not in (",", "("):
            return
        if span.root.dep_ == "pobj" and span.root.head.i == sentence.start:
            return  # "Against Roe, the Ohio governor won": the next phrase is the subject
        j += 1
        j = self._skip_parenthetical_name(j, sentence)
        # "Bo Chan, 58, an Acme employee": skip an age
        if j + 1 < sentence.end and self.doc[j].like_num and self.doc[j + 1].text == ",":
            j += 2
        if j >= sentence.end:
            return
        j = self._skip_reputed(j, sentence)
        first = self.doc[j]
        if first.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ") and (
            first.lower_ not in ("its", "his", "her", "their")
        ):
            if first.lower_ == "of":
                self._of_org(person, self.doc[j : sentence.end], sentence)
            return
        if (
            (m := self.mention(first)) is not None
            and m.type == "Person"
            and (not self._possessive(first))
        ):
            return
        found = self.phrase_roles(list(self.doc[j : sentence.end]))
        if [org for _, org, _ in found] == [None]:
            described = self._described_then_named(j, sentence)
            found = [(label, described, qualifier) for label, _, qualifier in found]
        for label, org, qualifier in found:
            self.add(person, label, org, qualifier, sentence, "appos-after-name", 0.85)

    def _described_then_named(self, j: int, sentence: Span) -> Mention | None:
        """ "chairman of the main opposition party, the Acme Party": an organization a
        title's object describes in common words and the next apposition names."""
        doc, end = self.doc, sentence.end
        k = next((i for i in range(j, min(j + 5, end)) if doc[i].lower_ in ("of", "for")), None)
        if k is None:
            return None
        comma = next((i for i in range(k + 1, min(k + 8, end)) if doc[i].text == ","), None)
        if comma is None or comma == k + 1:
            return None
        words = doc[k + 1 : comma]
        if words[-1].pos_ != "NOUN" or any(
            t.pos_ not in ("DET", "ADJ", "NOUN") or not t.is_lower or self.mention(t) for t in words
        ):
            return None
        n = comma + 1
        if n < end and doc[n].lower_ == "the":
            n += 1
        org = self.mention(doc[n]) if n < end else None
        if org is None or org.type != "Organization":
            return None
        span = self.span_of(org)
        closes = span is not None and (span.end >= end or doc[span.end].text in (",", "(", ")"))
        return org if closes else None

    def _skip_reputed(self, j: int, sentence: Span) -> int:
        """ "Roe, considered by police to be a top leader of Acme" / "Roe, described as a
        senior member of Acme": a participle of repute, its agent and "to be"/"as" are
        skipped; returns the index of the title phrase (``j`` when there is none)."""
        if self.doc[j].lower_ not in REPUTE_PARTICIPLES:
            return j
        for k in range(j + 1, min(j + 8, sentence.end - 1)):
            if self.doc[k].is_punct:
                return j
            if self.doc[k].lower_ == "to" and self.doc[k + 1].lower_ == "be":
                return k + 2
            if self.doc[k].lower_ == "as":
                return k + 1
        return j

    def _skip_parenthetical_name(self, j: int, sentence: Span) -> int:
        """ "Jane Roe (Janie), deputy leader of X": a bracketed other name (no title, at most
        four words) and the comma after it are skipped; returns the index after them."""
        if j < 1 or self.doc[j - 1].text != "(":
            return j
        k = j
        while k < sentence.end and k - j < 5 and self.doc[k].text != ")":
            k += 1
        if k - j > 4 or k + 1 >= sentence.end or self.doc[k].text != ")":
            return j
        inner = [t.text for t in self.doc[j:k]]
        if not inner or title_at(inner) is not None or not inner[0][:1].isupper():
            return j
        if self.doc[k + 1].text != ",":
            return j
        return k + 2

    def appos_before(self, person: Mention, span: Span) -> None:
        sentence = span.sent
        i = span.start - 1
        while i > sentence.start and ABBREVIATIONS.get(self.doc[i].lower_, "x") is None:
            i -= 1  # "The head of the service, Dr. Jane Roe, said"
        if i <= sentence.start or self.doc[i].text != ",":
            return
        after = self.doc[span.end] if span.end < len(self.doc) else None
        is_appos = span.root.dep_ == "appos" and span.root.head.i < span.start
        closes = after is None or after.is_punct or after.i >= sentence.end
        # "A University of Iowa law professor, Roe helped …": an indefinite description
        # that opens the sentence, set before its subject
        preposed = (
            span.root.dep_ in ("nsubj", "nsubjpass")
            and self.doc[sentence.start].lower_ in ("a", "an")
            and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[sentence.start : i])
        )
        if not (is_appos or closes or preposed):
            return
        # the phrase before the comma: back to a clause boundary
        k = i - 1
        while k >= sentence.start and not (
            self.doc[k].is_punct and self.doc[k].text not in _APOSTROPHES + ("-",)
        ):
            if self.doc[k].pos_ in ("VERB", "AUX", "SCONJ") or self.doc[k].lower_ in (
                "by",
                "with",
                "and",
                "to",
                "from",
                "as",
            ):
                break
            k -= 1
        tokens = list(self.doc[k + 1 : i])
        if not tokens or tokens[0].lower_ in ("of",):
            return
        if preposed and not (is_appos or closes) and k >= sentence.start:
            return  # the description must be the whole opening of the sentence
        if not is_appos and k >= sentence.start and self.doc[k].pos_ in ("VERB", "AUX"):
            return  # "After meeting the president, Smith said …"
        results = self.phrase_roles(tokens)
        if not results:
            return
        label, org, qualifier = results[-1]
        # the title must end the phrase or be followed by its organization only
        self.add(person, label, org, qualifier, sentence, "appos-before-name", 0.8)

    # -- "X is the mayor of Y", "X served as mayor of Y", "X, who heads Y" ---------------

    def predicates(self, person: Mention, span: Span) -> None:
        # the name's subject word, even where the parser hangs a first name elsewhere
        root = next(
            (t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head not in span),
            span.root,
        )
        verbs: list[Token] = []
        if root.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(root.head)
        self._made_role(person, root, span)
        # "Roe, who is …", not "Roe, whose husband is …": a clause about someone else
        verbs += [
            c
            for c in root.children
            if c.dep_ in ("relcl", "acl")
            and not any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in RELATIVE_SUBJECTS
                for s in c.children
            )
        ]
        verbs += self._who_clauses(root, verbs[:1])
        verbs += [
            c
            for v in list(verbs)
            for c in v.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        ]
        # "began teaching at X", "went on to work for X": a verb of work or leading that
        # completes the subject's verb is the subject's too
        verbs += [
            c
            for v in list(verbs)
            for c in v.children
            if c.dep_ == "xcomp"
            and c.pos_ == "VERB"
            and v.lemma_.lower() in ASPECT_VERBS
            and (c.lemma_.lower() in WORK_VERBS or c.lemma_.lower() in LEAD_VERBS)
        ]
        sentence = span.sent
        for verb in verbs:
            lemma = verb.lemma_.lower()
            complements: list[Token] = []
            if lemma in COPULAS and _hypothetical(verb):
                pass  # "she would be the most effective president", "if Roe becomes mayor"
            elif lemma in COPULAS:
                complements += [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")]
                complements += _as_objects(verb)
            elif lemma in WORK_VERBS and not _hypothetical(verb):
                # "Roe worked as a reporter and editor at Acme": the "as" phrase is a role
                complements += _as_objects(verb)
            elif lemma in ELECTION_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
                complements += [c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")]
                complements += _as_objects(verb)
            elif _leaving(verb) and not _hypothetical(verb):
                # "Roe resigned as chairman of Acme": the role was held, and is no more
                for o in _as_objects(verb):
                    if o.pos_ not in ("NOUN", "PROPN"):
                        continue
                    tokens = [t for t in o.subtree]
                    for label, org, qualifier in self.phrase_roles(tokens):
                        q = qualifier or "former"
                        self.add(person, label, org, q, sentence, "left-role", 0.75)
            # "a civil servant and former CEO of X", "a sociologist, the first president of X"
            complements += [
                c
                for noun in list(complements)
                for c in noun.children
                if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")
            ]
            for noun in list(complements):
                for clause in noun.children:
                    if clause.dep_ == "relcl" and clause.lemma_.lower() in COPULAS:
                        complements += _as_objects(clause)
            for noun in complements:
                if noun.pos_ not in ("NOUN", "PROPN") or noun.i < span.end - 1:
                    continue
                if _superlative(noun):
                    continue  # "she'll be the strongest president": a judgement, no office
                if self.mention(noun) is not None and self.mention(noun).type == "Person":
                    continue
                left = min(t.i for t in noun.subtree)
                right = max(t.i for t in noun.subtree)
                tokens = list(self.doc[left : right + 1])
                for label, org, qualifier in self.phrase_roles(tokens):
                    self.add(person, label, org, qualifier, sentence, "copula", 0.8)
            self._participle_title(person, verb, sentence)
            self._verb_link(person, verb, lemma, sentence)
            self._on_the_board(person, verb, lemma, sentence)
        self._inverted_copula(person, span)
        self._led_by(person, span)

    def _participle_title(self, person: Mention, verb: Token, sentence: Span) -> None:
        """ "Roe was visiting professor at Acme": a title that opens with a participle
        ("visiting professor", "managing director") read by the parser as "was visiting"
        and an object."""
        if verb.tag_ != "VBG" or not any(
            c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
        ):
            return
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.i + 1), None)
        if noun is None or noun.pos_ != "NOUN" or title_at([verb.text, noun.text]) != (0, 2):
            return
        label = title_label([verb.text, noun.text])
        right = max(t.i for t in noun.subtree)
        for found, org, qualifier in self.phrase_roles(list(self.doc[noun.i : right + 1])):
            if found == title_label([noun.text]):
                found = label
            self.add(person, found, org, qualifier, sentence, "copula", 0.8)

    def _who_clauses(self, root: Token, verbs: Sequence[Token]) -> list[Token]:
        """ "Roe, a lawyer from Dayton who works for Acme," / "Roe was a teacher in the
        county of Kent, who served as mayor of Dover": a "who" clause inside
        the person's apposition or copula complement describes the person, whatever noun
        of the phrase the parser hangs it on (none that is another person's name)."""
        phrases = [c for c in root.children if c.dep_ == "appos"]
        phrases += [
            c
            for v in verbs
            if v.lemma_.lower() in COPULAS
            for c in v.children
            if c.dep_ in ("attr", "oprd")
        ]
        found: list[Token] = []
        for phrase in phrases:
            for token in phrase.subtree:
                if token.dep_ != "relcl" or token.head == root:
                    continue
                if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children):
                    continue
                head = self.mention(token.head)
                if head is not None and head.type == "Person":
                    continue
                if (
                    token.head != phrase
                    and token.head.head.lower_ != "as"  # "his work as an activist who …"
                    and (
                        token.head.lower_ in ROLE_TITLES
                        or token.head.lemma_.lower() in PERSON_NOUNS
                    )
                ):
                    continue  # "a friend of the governor who heads Acme": the governor's
                found.append(token)
        return found

    def _on_the_board(self, person: Mention, verb: Token, lemma: str, sentence: Span) -> None:
        """ "Roe sits on the board of Acme", "Roe is on the faculties of X and Y": a seat on
        an organization's board, faculty or staff is a (member) link to it, as is a seat on
        a body named as such ("serves on the Millbrook City Council")."""
        if lemma not in BOARD_VERBS:
            return
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "on":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                body = self.mention(noun)
                if (
                    body is not None
                    and body.type == "Organization"
                    and body.text.split()[-1].lower() in SEAT_BODY_WORDS
                ):
                    # "Roe serves on the House Armed Services Committee", "was on the Supreme
                    # Court": a seat on a council, committee or court is a (member) link to it
                    found = _Found(person, MEMBER_ROLE, body, None, sentence, "on-the-board", 0.7)
                    self.found.append(found)
                    continue
                if noun.lemma_.lower() not in STAFF_NOUNS:
                    continue
                targets = [
                    o
                    for p in noun.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
                targets += [c for t in list(targets) for c in t.conjuncts if c.i > t.i]
                for target in targets:
                    org = self.mention(target)
                    if org is not None and org.type == "Organization":
                        self.found.append(
                            _Found(person, MEMBER_ROLE, org, None, sentence, "on-the-board", 0.7)
                        )

    def _made_role(self, person: Mention, root: Token, span: Span) -> None:
        """ "Karzai appointed him Attorney General of Afghanistan", "the authority elected
        Roe the president of Acme", "making Jane Roe premier", "Acme hired Roe as its general
        counsel": an active verb of appointment with the person as its object and the role
        as its complement. An organization that appoints gives the role its own when the
        phrase names none ("Acme named Roe chief executive")."""
        head = root.head
        complements: list[Token] = []
        described: list[Token] = []
        appointer: Mention | None = None
        if (
            root.dep_ in ("dobj", "oprd")
            and head.lemma_.lower() in ELECTION_VERBS
            and not any(c.dep_ == "auxpass" for c in head.children)
        ):
            complements = [c for c in head.children if c.dep_ in ("oprd", "attr", "xcomp")]
            complements += _as_objects(head, after=root.i)  # "hired Roe as its counsel"
            complements += [  # "elected Roe to be chairman of …", "to serve as chairman"
                noun for verb in complements if verb.dep_ == "xcomp" for noun in _role_of(verb)
            ]
            if head.lemma_.lower() != "make":
                appointer = self._subject_organization(head)
            # an apposition set off by a comma describes the person, and the appointer
            # gives it no organization; one without ("named Roe its chief") is the role
            for child in root.children:
                if child.dep_ == "appos":
                    comma = any(t.text == "," for t in self.doc[root.i + 1 : child.left_edge.i])
                    (described if comma else complements).append(child)
        elif (
            root.dep_ == "nsubj"
            and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("ccomp", "xcomp", "oprd")
            and head.head.lemma_.lower() in ELECTION_VERBS
        ):
            complements = [head]
        for noun in complements + described:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.i < span.end:
                continue
            if (m := self.mention(noun)) is not None and m.type == "Person":
                continue
            tokens = [t for t in noun.subtree if t.i >= span.end]
            by = appointer if noun in complements else None
            for label, org, qualifier in self.phrase_roles(tokens)[:1]:
                self.add(person, label, org or by, qualifier, span.sent, "made-role", 0.75)

    def _subject_organization(self, verb: Token) -> Mention | None:
        """The organization named as the subject of ``verb`` ("Acme Corp. named …")."""
        for child in verb.children:
            if child.dep_ == "nsubj":
                mention = self.mention(child)
                return mention if mention is not None and mention.type == "Organization" else None
        return None

    def _inverted_copula(self, person: Mention, span: Span) -> None:
        """ "The current president of Acme is Jane Roe": the title is the subject."""
        root = span.root
        verb = root.head
        if root.dep_ != "attr" or verb.lemma_.lower() not in ("be", "become", "remain"):
            return
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.i >= span.start:
                continue
            if subject.pos_ not in ("NOUN", "PROPN") or self.mention(subject) is not None:
                continue
            left = min(t.i for t in subject.subtree)
            tokens = list(self.doc[left : subject.i + 1]) + [
                t for t in subject.subtree if t.i > subject.i and t.i < verb.i
            ]
            results = self.phrase_roles(tokens)
            for label, org, qualifier in results[:1]:
                self.add(person, label, org, qualifier, span.sent, "copula-inverted", 0.75)

    def _led_by(self, person: Mention, span: Span) -> None:
        """ "the Acme Party, led by Jane Roe": a leading verb in the passive after its
        organization."""
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ != "by" or root.head.dep_ != "agent":
            return
        verb = root.head.head
        lemma = verb.lemma_.lower()
        if lemma not in LEAD_VERBS or verb.dep_ != "acl" or verb.tag_ != "VBN":
            return
        org = self.mention(verb.head)
        if org is None or org.type != "Organization":
            return
        found = _Found(person, LEAD_VERBS[lemma], org, None, span.sent, "led-by", 0.7)
        self.found.append(found)

    def _verb_link(self, person: Mention, verb: Token, lemma: str, sentence: Span) -> None:
        targets: list[Token] = []
        if lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            lemma = "found"  # "Roe set up the Acme Alliance"
        if lemma in LEAD_VERBS:
            targets = [c for c in verb.children if c.dep_ == "dobj"]
        elif lemma in WORK_VERBS:
            targets = [
                o
                for p in verb.children
                if p.dep_ == "prep"
                and (p.lower_ in ("for", "at") or (p.lower_ == "with" and lemma != "work"))
                for o in p.children
                if o.dep_ == "pobj"
            ]
            targets += [
                o
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "in" and lemma == "serve"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        elif lemma in BEAT_VERBS and not _hypothetical(verb):
            # "Roe covers the courts for the Acme Ledger", "Roe writes for Acme"; the parser
            # may hang "for" on the beat or the column ("wrote a column for Acme"; a letter
            # written for someone is no job there)
            beats = [
                c
                for c in verb.children
                if c.dep_ == "dobj" and (lemma == "cover" or c.lemma_.lower() in COLUMN_NOUNS)
            ]
            targets = [
                o
                for p in [*verb.children, *(c for b in beats for c in b.children)]
                if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        elif lemma in TAKE_VERBS:
            # "Roe took a job at Acme", "took a position with Acme"
            for job in verb.children:
                if job.dep_ == "dobj" and job.lemma_.lower() in JOB_NOUNS:
                    targets = [
                        o
                        for p in [*verb.children, *job.children]
                        if p.dep_ == "prep" and p.lower_ in ("with", "at")
                        for o in p.children
                        if o.dep_ == "pobj"
                    ]
        elif lemma in JOIN_VERBS:
            targets = [c for c in verb.children if c.dep_ == "dobj"]
            # "joined the faculty of X": the organization is the object's "of" phrase
            targets += [
                o
                for d in targets
                if d.lower_ in STAFF_NOUNS
                for p in d.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            targets = [t for t in targets if t.lower_ not in STAFF_NOUNS]
        # "taught at Harvard and the War College": every conjunct
        targets += [c for t in list(targets) for c in t.conjuncts if c.i > t.i]
        for target in targets:
            org = self.mention(target)
            if org is None or org.type != "Organization":
                if LEAD_VERBS.get(lemma) == "Founder":
                    continue  # "set up a meeting with Acme": the founded thing is the object
                # "heads the board of Acme", not "leads a program with Acme"
                org = self.org_in([t for t in target.subtree if _owned_by(t, target)], last=False)
                if org is None or org.type != "Organization":
                    continue
            role = LEAD_VERBS.get(lemma, MEMBER_ROLE)
            if org == person:
                continue
            self.found.append(_Found(person, role, org, None, sentence, "verb-organization", 0.7))

    # -- "Jane Roe's Acme Party" --------------------------------------------------------------

    def possessed_party(self, person: Mention, span: Span) -> None:
        """ "Brian Mulroney's Progressive Conservative Party", "Roe's corrupt Oil Workers
        Union": a party or union that a person possesses is one the person leads."""
        j = span.end
        sentence = span.sent
        if j >= sentence.end or self.doc[j].text not in _APOSTROPHES:
            return
        j += 1
        skipped = 0
        while j < sentence.end and self.mention(self.doc[j]) is None and skipped < 3:
            if self.doc[j].pos_ not in ("ADV", "ADJ"):
                return
            skipped += 1
            j += 1
        org = self.mention(self.doc[j]) if j < sentence.end else None
        if org is None or org.type != "Organization":
            return
        if org.text.split()[-1].lower() not in PARTY_HEADS:
            return
        self.found.append(_Found(person, "Leader", org, None, sentence, "possessed-party", 0.6))

    def possessor_organization(self, person: Mention, span: Span) -> None:
        """ "the Washington Post's Jane Roe", "Acme's Bo Chan said": an organization whose
        possessive stands right before a name (no title between) is the person's; "the
        department's Bo Chan" takes up the department named earlier (:meth:`antecedent_org`)."""
        i = span.start - 1
        if i - 1 < span.sent.start or self.doc[i].text not in _APOSTROPHES:
            return
        possessor = self.doc[i - 1]
        org = self.mention(possessor)
        if org is None and i - 2 >= span.sent.start and self.doc[i - 2].lower_ == "the":
            org = self.antecedent_org(possessor)
        if org is None or org.type != "Organization" or org.end > self.doc[i].idx:
            return
        self.found.append(
            _Found(person, MEMBER_ROLE, org, None, span.sent, "possessor-organization", 0.6)
        )

    # -- "Jane Roe of Acme Corp" -------------------------------------------------------------

    def of_organization(self, person: Mention, span: Span) -> None:
        j = span.end
        sentence = span.sent
        if j + 1 < sentence.end and self.doc[j].text == ",":
            j += 1
            if j + 1 < sentence.end and self.doc[j].like_num and self.doc[j + 1].text == ",":
                j += 2  # "Ulf Berg, 47, of the Space Agency"
            else:
                return
        if (
            j < sentence.end
            and self.doc[j].lower_ == "at"
            and span.root.dep_ == "pobj"
            and span.root.head.lower_ in _PLACE_NOT_WORK_ADPS
        ):
            return  # "an adviser to Mr. Roe at Acme Law School": where they met, not his work
        if j < sentence.end and self.doc[j].lower_ in ("of", "at"):
            self._of_org(person, self.doc[j : sentence.end], sentence)
        elif j + 1 < sentence.end and self.doc[j].lower_ == "and":
            # "Jane Roe and Bo Chan of Acme Corp": both are of Acme
            other = self.mention(self.doc[j + 1])
            other_span = self.span_of(other) if other is not None else None
            if other is None or other.type != "Person" or other_span is None:
                return
            k = other_span.end
            if k < sentence.end and self.doc[k].lower_ == "of":
                self._of_org(person, self.doc[k : sentence.end], sentence)

    def _of_org(self, person: Mention, tokens: Span, sentence: Span) -> None:
        k = 1
        while k < len(tokens) and tokens[k].lower_ in ("the",):
            k += 1
        if k >= len(tokens):
            return
        k = self._kind_described(tokens, k)
        org = self.mention(tokens[k])
        if org is not None and org.type == "Place" and self._possessive(tokens[k]):
            # "Jo Roe of Boston's Acme Hospital": the place's possessive before the name
            owner = self.span_of(org).end + 1  # past the apostrophe
            org = self.mention(self.doc[owner]) if owner < tokens.end else None
        if org is None and tokens[k].pos_ == "ADJ" and tokens[k].text.islower():
            # "of the smaller Acme company": an adjective before the name
            org = self.mention(tokens[k + 1]) if k + 1 < len(tokens) else None
        if org is None or org.type != "Organization":
            return
        org, owner = self._possessive_pair(org)
        for member_of in (org, owner) if owner is not None else (org,):
            self.found.append(
                _Found(person, MEMBER_ROLE, member_of, None, sentence, "of-organization", 0.6)
            )

    def _kind_described(self, tokens: Span, k: int) -> int:
        """ "of the corporate law firm of Acme", "of the rights group Acme": lowercase words
        ending in a kind of organization, then "of" or nothing, before its name; returns the
        index of the name (``k`` when there is no such description)."""
        j = k
        while (
            j < len(tokens)
            and j - k < 4
            and tokens[j].text.islower()
            and tokens[j].pos_ in ("ADJ", "NOUN")
        ):
            j += 1
        if j == k or j >= len(tokens) or tokens[j - 1].lower_ not in KIND_NOUNS:
            return k
        if tokens[j].lower_ == "of" and j + 1 < len(tokens):
            j += 1
        return j

    # -- "He taught at Acme": a pronoun for the person last named as a subject ------------

    def pronoun_antecedents(self) -> list[tuple[Token, Mention]]:
        """Each personal pronoun that is a clause's subject or object ("he taught at X",
        "Roe appointed him …"), with the person last named as a subject before it, in
        its own or the three sentences before; none where no subject was named, nor for a
        pronoun inside a quote."""
        subjects: list[tuple[Token, Mention]] = []  # (subject token, person mention)
        for m in self.mentions:
            if m.type != "Person":
                continue
            span = self.span_of(m)
            if span is None:
                continue
            root = next(
                (t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head not in span),
                None,
            )
            if root is not None:
                subjects.append((root, m))
        # a surname the NER missed later on ("Sabet was an aide"): the person's subject too
        surnames: dict[str, Mention] = {}
        for m in self.mentions:
            words = m.text.split()
            if m.type == "Person" and len(words) > 1 and words[-1][:1].isupper():
                surnames.setdefault(words[-1], m)
        for token in self.doc:
            person = surnames.get(token.text)
            if (
                person is not None
                and token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "PROPN"
                and self.mention(token) is None
            ):
                subjects.append((token, person))
        subjects.sort(key=lambda pair: pair[0].i)
        out: list[tuple[Token, Mention]] = []
        sentences = {s.start: n for n, s in enumerate(self.doc.sents)}
        text = self.doc.text  # spaCy rebuilds it on every access
        quotes = find_quotes(text)
        people = [m for m in self.mentions if m.type == "Person"]
        genders = person_genders(self.doc, text, people)
        for token in self.doc:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON":
                continue
            # a quote's "he" is someone the speaker talks of, often not in the narration:
            # '"He's in good shape, even though he's a senator," said Roe' is not Roe
            if any(q.start <= token.idx < q.end for q in quotes):
                continue
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            # not the subject of the pronoun's own verb: "Roe appointed him" is not Roe, nor
            # one of the other gender: "Roe … She worked for …" is not Mr. Roe
            gender = "female" if token.lower_ in FEMALE_PRONOUNS else "male"
            before = [
                (t, m)
                for t, m in subjects
                if t.i < token.i
                and t.head != token.head
                and gender_of(m, genders) in (None, gender)
            ]
            if not before:
                continue
            subject, antecedent = before[-1]
            if sentences[token.sent.start] - sentences[subject.sent.start] > 3:
                continue
            out.append((token, antecedent))
            if token.dep_ in ("nsubj", "nsubjpass"):
                # "Roe … He … He is also a professor": a chain of subject pronouns carries
                # the person on, each within three sentences of the one before
                subjects.append((token, antecedent))
                subjects.sort(key=lambda pair: pair[0].i)
        return out

    def chamber_offices(self) -> None:
        """A legislator or judge found without an organization sits in the body of that
        kind the same sentence names, the one nearest the name ("Sen. Jane Roe … looking to
        the Congress", "Judge Bo Chan announced the 5th Circuit Court of Appeals'
        decision"). Only a title naming the person ("Judge Bo Chan", "Bo Chan, a senator,"):
        "Roe, who became a judge in 1982, … Supreme Court nominees" sits in no court named.
        Not where the person's other roles name such a body already ("chairman of the
        Senate Committee on …"): that one is the more precise. A body run for ("the Supreme
        Court nominee, Judge Roe", "a Senate campaign") is no seat in it."""
        for n, f in enumerate(self.found):
            heads = CHAMBERS.get(f.role.lower())
            if f.organization is not None or heads is None or f.rule not in NAMING_RULES:
                continue
            if any(
                g.person.text == f.person.text
                and g.organization is not None
                and (
                    g.role.lower() == f.role.lower()
                    or heads & set(g.organization.text.lower().split())
                )
                for g in self.found
            ):
                continue
            bodies = [
                m
                for m in self.mentions
                if m.type == "Organization"
                and f.sentence.start_char <= m.start
                and m.end <= f.sentence.end_char
                and _name_head(m.text) in heads
                and not self._names_a_race(m)
            ]
            if bodies:
                body = min(bodies, key=lambda m: abs(m.start - f.person.start))
                self.found[n] = replace(f, organization=body, rule=f.rule + FROM_THE_SENTENCE)

    def _names_a_race(self, mention: Mention) -> bool:
        """ "Supreme Court" in "the Supreme Court nominee", "Senate" in "a Senate campaign":
        a body's name before a noun of running for it."""
        span = self.span_of(mention)
        if span is None or span.end >= len(self.doc):
            return False
        return self.doc[span.end].lemma_.lower() in RACE_NOUNS

    # -- results ---------------------------------------------------------------------------

    def memberships(self) -> list[Membership]:
        """One membership per (person mention, role, organization); a role without an
        organization is dropped where the same mention has it with one; a generic
        "member" link is dropped where the person has a titled role in the same organization.
        """
        best: dict[tuple[int, str, str], _Found] = {}
        for f in self.found:
            key = (f.person.start, f.role.lower(), f.organization.text if f.organization else "")
            if key not in best or best[key].confidence < f.confidence:
                best[key] = f
        # by surname: "David Roe … Roe joined Acme" repeats the titled role of "David Roe"
        titled_orgs = {
            (best[k].person.text.split()[-1], k[2]) for k in best if k[2] and k[1] != MEMBER_ROLE
        }
        with_org = {(k[0], k[1]) for k in best if k[2]}
        out: list[Membership] = []
        for key, f in best.items():
            if not key[2] and (key[0], key[1]) in with_org:
                continue
            if key[1] == MEMBER_ROLE and (f.person.text.split()[-1], key[2]) in titled_orgs:
                continue
            evidence = Evidence(f.sentence.start_char, f.sentence.end_char, f.rule, f.confidence)
            out.append(Membership(f.person, f.role, f.organization, evidence, f.qualifier))
        return sorted(
            out,
            key=lambda m: (
                m.person.start,
                m.role,
                m.organization.start if m.organization else -1,
            ),
        )


def _name_head(name: str) -> str:
    """The head word of an organization's name, lower-cased: "Senate" for "the U.S. Senate"
    and "Senate of the Republic", "court" for "5th Circuit Court of Appeals", "committee"
    for "Senate Armed Services Committee"."""
    for joint in (" of ", " for ", " on "):
        name = name.split(joint, 1)[0]
    words = [w.strip(".,'’") for w in name.lower().split()]
    if words[-2:] == ["white", "house"]:
        return "white house"  # the president's office, no chamber
    return words[-1] if words else ""


def _is_party(org: Mention) -> bool:
    """A party by its name: a party word ("Labour"), a head such as "Party", "Movement",
    "Alliance" among its words, or an acronym ("the KLMT")."""
    words = org.text.lower().replace("(", " ").replace(")", " ").split()
    return (
        org.type == "Organization"
        and bool(words)
        and (
            org.text.lower() in PARTY_WORDS
            or bool(PARTY_HEADS & set(words))
            or (org.text.isalpha() and org.text.isupper() and len(org.text) >= 2)
        )
    )


def _owned_by(token: Token, noun: Token) -> bool:
    """True when ``token`` is inside ``noun``'s phrase through no preposition other than "of"
    ("the board of Acme", "the Acme board"), not in "with Acme" or "for Acme"."""
    while token.i != noun.i:
        if token.dep_ == "prep" and token.lower_ != "of":
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _of_title_goes_on(cut: Sequence[Token], start: int, k: int) -> bool:
    """The title ending at ``cut[k]`` runs on as a title written with "of": "Secretary" +
    "of State", "Speaker" + "of the House" (not "Secretary" + "of Acme")."""
    if k + 1 >= len(cut) or cut[k + 1].lower_ != "of":
        return False
    for end in range(k + 3, min(k + 1 + OF_TITLES_LENGTH, len(cut) + 1)):
        texts = [t.text for t in cut[start:end]]
        found = title_at(texts)
        if found is not None and found[1] == len(texts):
            return True
    return False


def _role_of(verb: Token) -> list[Token]:
    """The role an infinitive gives its subject: "to be [chairman]", "to serve as [chairman]"."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        return [c for c in verb.children if c.dep_ == "attr"]
    if lemma in ("serve", "act"):
        return _as_objects(verb)
    return []


def _as_objects(verb: Token, after: int = -1) -> list[Token]:
    """The objects of the "as" phrases of ``verb`` after token ``after``: "served as
    [chairman]", "hired Roe as [its counsel]"."""
    return [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "as" and p.i > after
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _leaving(verb: Token) -> bool:
    """ "resigned", "retired", "stepped down", "quit": a verb of leaving a post."""
    lemma = verb.lemma_.lower()
    if lemma in ("resign", "retire", "quit"):
        return True
    return lemma == "step" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children
    )


def _hypothetical(verb: Token) -> bool:
    """ "if she appoints him", "would name her", "if they win and Roe becomes mayor": a verb
    under a condition or a modal, or coordinated with one under a condition."""
    if verb.dep_ == "conj" and verb.head.i != verb.i and _hypothetical(verb.head):
        return True
    return any(
        (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"))
        or (c.dep_ == "aux" and c.lower_ in MODALS)
        for c in verb.children
    )


def _superlative(noun: Token) -> bool:
    """ "the strongest president", "the most effective leader"."""
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or any(a.lower_ == "most" for a in c.children))
        for c in noun.children
    )


def _title_after_adjectives(cut: Sequence[Token], k: int) -> bool:
    """ "chief medical officer", "chief scientific and medical officer": adjectives from
    ``k`` on lead to another title word, which ends the title."""
    j = k
    while (
        j < len(cut)
        and j < k + 5
        and (
            cut[j].pos_ == "ADJ" or (cut[j].lower_ == "and" and j > k and cut[j - 1].pos_ == "ADJ")
        )
    ):
        j += 1
    return j > k and j < len(cut) and fold_word(cut[j].text) in ROLE_TITLES


def _continues_noun(token: Token) -> bool:
    """True when ``token`` carries on the noun phrase ("mansion" in "governor mansion")."""
    return token.pos_ in ("NOUN",) and token.text[:1].islower() and token.dep_ != "appos"


def extract_memberships(doc: Doc, mentions: list[Mention]) -> list[Membership]:
    """Roles that people are given in ``doc``, sorted by position.

    >>> doc = nlp("Minnesota Governor Tim Walz spoke.")
    >>> [(m.person.text, m.role, m.organization.text) for m in
    ...  extract_memberships(doc, extract_mentions(doc))]
    [('Tim Walz', 'Governor', 'Minnesota')]
    """
    finder = _Finder(doc, mentions)
    for person in finder.mentions:
        if person.type != "Person" or not any(c.isalpha() for c in person.text):
            continue
        span = finder.span_of(person)
        if span is None:
            continue
        for rule in (
            finder.title_before,
            finder.appos_after,
            finder.appos_before,
            finder.predicates,
            finder.of_organization,
            finder.possessed_party,
            finder.possessor_organization,
        ):
            try:
                rule(person, span)
            except (IndexError, ValueError):
                continue  # an odd sentence costs that rule only
    for pronoun, antecedent in finder.pronoun_antecedents():
        try:
            finder.predicates(antecedent, finder.doc[pronoun.i : pronoun.i + 1])
        except (IndexError, ValueError):
            continue
    finder.chamber_offices()
    finder.national_offices()
    finder.state_offices()
    return finder.memberships()
