"""Who said it: the speaker of a speech verb ("cue") within one document.

:class:`SpeakerFinder` maps a cue to the mention of its speaker: a named subject of the cue
(or a name right beside a cue the parser left without a subject: “…,” DeBoer said.; or the
person a surname the tagger took for a place names: "Nefzi said" after "Adel Nefzi"); he/she
resolved to the last speaker, else the last person of that gender named as a subject (gender
from honorifics, pronouns in the person's own sentences, or a common first name); "the
governor" to the person given that title; "the department" to the organization of that
name; a definite description ("the rookie defenceman") to the person last speaking or
acting; unnamed sources to None. It knows nothing of how a statement was found (that is
:mod:`kg.extract.statements`' job), only the document, its mentions and its quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import (
    ADDRESSEE_CUES,
    HEARER_CUES,
    cue_lemma,
    fronted_report,
    is_according,
    is_cue,
)
from kg.extract.entities import INSTITUTION_WORDS, NOT_NAMES
from kg.extract.gazetteer import GOVERNED_PLACES, fold_place
from kg.extract.quote_marks import QuoteSpan, after_closing_mark
from kg.extract.records import Mention
from kg.extract.titles import ABBREVIATIONS, HYPHENS, ROLE_TITLES, fold_word

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DASHES = frozenset({"—", "―", "–", "--"})
# Dependencies of a cue's reported clause: a cue coordinated with its verb ("said the plan
# would work and said: …", a misparse) speaks with the outer cue's subject, not the clause's.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# From a participle cue up to the clause that has the subject: "…, he was quoted as saying".
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "prep"})
# Adjectives that foretell a saying rather than tell of one: "Roe is likely to argue …".
FORETELLING_ADJECTIVES = frozenset(
    "likely unlikely sure certain bound apt liable set due expected poised".split()
)
# Objects a speaker uses to say something with, never made to speak themselves: "used his
# speech to call for …", "took the podium to defend …".
MEANS_NOUNS = frozenset(
    """speech address remarks statement interview appearance platform podium stage time
    opportunity occasion chance moment floor microphone post tweet column op-ed letter
    video ad advertisement account page""".split()
)
MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
SPEAKER_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | {"they", "i", "we"}
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "madam", "queen", "dame"})
# Nouns that name a role: "the governor said" is the person the text gave that title.
ROLE_NOUNS = frozenset(
    """governor mayor president senator secretary minister premier chancellor judge justice
    spokesperson spokesman spokeswoman chief director commissioner sheriff attorney czar
    ceo chair chairman chairwoman leader prosecutor lawyer ambassador representative""".split()
)
# Common nouns of news writing the tagger takes into a name ("Organizer Jo Roe said").
NAME_PREFIX_NOUNS = ROLE_NOUNS | frozenset(
    """organizer organiser retiree volunteer coach owner founder activist author professor
    economist researcher manager teacher student farmer protester analyst resident""".split()
)
# Sources that stay unnamed: "the spokesperson said" is not the last person named.
UNNAMED_SOURCES = frozenset(
    """official source spokesperson spokesman spokeswoman representative witness expert analyst
    critic observer resident person man woman someone insider aide staffer employee""".split()
)
# Unnamed sources that, made definite and described ("the laid-back Cambridge resident"),
# mean a person already named.
DESCRIBED_SOURCES = frozenset("resident person man woman witness expert observer".split())
# An age in a description ("the 39-year-old founder of …"): a person the text has named.
AGED = re.compile(r"\b\d+-year-old\b")
# Things that "say": a document is not a person ("the report said").
NON_PERSON_NOUNS = frozenset(
    """statement report study survey poll document letter release email e-mail post tweet
    memo filing lawsuit complaint ruling decision order court bill law plan proposal website
    site data figure record research analysis article story book paper notice sign video""".split()
)
# Common English first names, for a he/she check when no honorific or pronoun tells.
MALE_FIRST_NAMES = frozenset(
    """john james robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
    tyler aaron jose adam henry nathan douglas doug peter zachary kyle walter harold jeremy
    ethan carl keith roger gerald christian terry sean arthur austin noah lawrence jesse joe
    bryan billy bill jordan albert dylan bruce willie gabriel alan juan logan wayne ralph roy
    eugene randy vincent russell louis philip bobby johnny bradley tom tim mike jim bob dan
    steve chris greg ted ron ken rick dave andy pete tony""".split()
)
FEMALE_FIRST_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann anne teresa kathryn sara janice jean alice madison doris abigail julia judy grace
    denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
    isabella charlotte rose alexis kayla hillary nancy kristi kate jane sue liz""".split()
)
# Either: a person's full name opens with one (kg.resolve names a person by it).
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
# Where something was said: "said in a statement / post / interview that …".
MEDIUM_NOUNS = frozenset(
    """statement post tweet interview letter email e-mail release message memo video speech
    briefing conference call filing op-ed column blog note""".split()
)
SALIENCE_CHARS = 1500
# A proper-noun subject of a speech verb with one of these labels is a person the tagger
# missed or mislabelled ("Stanovaya said" tagged as a facility).
MISTAGGED_NAME_LABELS = frozenset({"", "PERSON", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
# Capitalised words that head a subject without being a name ("Director, …, Kevin Hale").
UNTITLED_WORDS = ROLE_NOUNS | UNNAMED_SOURCES | NON_PERSON_NOUNS | INSTITUTION_WORDS
# Descriptions of an organization: "the agency said" is the one the text named, "the firm
# wrote" the company last named as a subject.
ORGANIZATION_NOUNS = INSTITUTION_WORDS | frozenset(
    """firm utility company automaker carmaker airline retailer insurer broadcaster
    publisher charity nonprofit manufacturer operator regulator""".split()
)
# Places that speak through their government: "according to the city" is the one named
# "City of …" (never a person), and no one when the text names none.
GOVERNED_PLACE_NOUNS = frozenset(
    "city town village township municipality county province state".split()
)
# Invisible characters scraped text glues to words ("Traeger\u200b said").
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


# Entity labels of a time the parser can take for a cue's subject ("Saturday … Roe said").
TIME_LABELS = frozenset({"DATE", "TIME"})


# Documents a source speaks through: "according to the union's release / figures from
# Statistics Canada".
DOCUMENT_NOUNS = NON_PERSON_NOUNS | frozenset(
    """findings numbers figures statistics estimates website records documents speech
    remarks interview testimony address""".split()
)


def document_owner(noun: Token) -> Token | None:
    """Whose document a source noun is: the possessor ("the union's release" -> union) or the
    source after "from"/"by" ("the numbers from Statistics Canada"); None otherwise."""
    if noun.lower_ not in DOCUMENT_NOUNS and noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in noun.children:
        # "a speech Roe gave last spring": the subject of a relative clause without a
        # relative pronoun, the one who made the document
        if child.dep_ == "relcl" and child.i > noun.i and child.left_edge.tag_ not in ("WDT", "WP"):
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
            if subjects:
                return subjects[0]
    # "figures from the census office", "a report (which was) published by the institute":
    # the source after "from"/"by", or the agent of a passive verb describing the document
    passives = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]
    for child in (*noun.children, *(c for v in passives for c in v.children)):
        if (child.dep_ == "prep" or child.dep_ == "agent") and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


class SpeakerFinder:
    """Maps a cue verb to the mention of its speaker, within one document."""

    def __init__(
        self, doc: Doc, text: str, mentions: list[Mention], quotes: list[QuoteSpan]
    ) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        # people named inside a quotation are not what a later "he said" refers to
        self.text = text
        self.people = [
            m
            for m in self.mentions + self._unmarked_people(doc)
            if m.type == "Person" and not any(q.start <= m.start < q.end for q in quotes)
        ]
        self.people.sort(key=lambda m: m.start)
        self.quoted = [(q.opened_at, after_closing_mark(self.text, q)) for q in quotes]
        self.genders = person_genders(doc, self.text, self.people)
        self.history: list[tuple[int, Mention]] = []  # (offset, speaker) in text order

    def _unmarked_people(self, doc: Doc) -> list[Mention]:
        """Later mentions of a person the tagger left unmarked: the bare surname of a full
        name it did mark ("Morgan McNeely" … "McNeely was afraid"), so that "she" can find
        them."""
        surnames = {
            m.text.split()[-1] for m in self.mentions if m.type == "Person" and " " in m.text
        }
        found = []
        for token in doc:
            if (
                token.text in surnames
                and token.is_title
                and self.mention_at(token) is None
                and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
            ):
                found.append(Mention(token.text, "Person", token.idx, token.idx + len(token)))
            elif (
                token.dep_ in SUBJECT_DEPS
                and token.tag_ == "NNP"
                and token.ent_type_ in ("", "PERSON")
                and token.is_title
                and token.lower_ not in UNTITLED_WORDS
                and self.mention_at(token) is None
                and any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children)
                and (named := self._new_name(token)) is not None
                and _bare_name_start(doc, doc.char_span(named.start, named.end)[0])
            ):
                found.append(named)  # "Yuni, a resident of the town, was watching television"
        return found

    def last_speaker(self, at: int) -> tuple[Mention | None, int]:
        """The person last credited with a statement before offset ``at``, and where."""
        best: tuple[Mention | None, int] = (None, -1)
        for position, speaker in self.history:
            if best[1] < position < at:
                best = (speaker, position)
        return best

    def mention_at(self, token: Token) -> Mention | None:
        """The named mention covering ``token`` (or its name chain), if any."""
        for m in self.mentions:
            if m.start <= token.idx < m.end:
                return m
        return None

    def for_cue(
        self, cue: Token, quote: tuple[int, int] | None = None
    ) -> tuple[Mention | None, str]:
        """The speaker of ``cue`` (see ``_cue_speaker``), by the full name the text gave them."""
        speaker, how = self._cue_speaker(cue, quote)
        return self._untitled(self.full_name(speaker, cue.idx)), how

    def _untitled(self, speaker: Mention | None) -> Mention | None:
        """A person's name without the common noun the tagger took into it at a sentence's
        start ("Organizer Jo Roe said" -> "Jo Roe") or a quoted nickname ("Jo “JJ” Roe")."""
        if speaker is None or speaker.type != "Person" or len(speaker.text.split()) < 3:
            return speaker
        nickname = re.sub(r"\s[“\"‘'][^“”\"‘’']{1,30}[”\"’']\s", " ", speaker.text)
        if nickname != speaker.text:
            # Riefian “Ifan” Fajarsyah -> Riefian Fajarsyah (the name the text gives in full)
            return Mention(nickname, "Person", speaker.start, speaker.end)
        span = self.doc.char_span(speaker.start, speaker.end)
        if span is None or span[0].lower_ not in NAME_PREFIX_NOUNS:
            return speaker
        start = span[1].idx
        return Mention(self.text[start : speaker.end], "Person", start, speaker.end)

    def full_name(self, speaker: Mention | None, before: int) -> Mention | None:
        """A bare surname (or a surname the tagger took for an organization: "Al Roe said")
        stands for a person named in full with it before ``before``: of several, the first
        one named as a subject ("Ted Cruz said …" / "his father, Rafael Cruz, who …" / "Cruz
        said"), else the first one named."""
        if speaker is None or (speaker.type == "Person" and " " in speaker.text):
            return speaker
        limit = min(before, speaker.start)
        named = [
            m if m.type == "Person" else Mention(m.text, "Person", m.start, m.end)
            # with the speakers credited so far: a name the tagger missed ("Defence lawyer Ana
            # Ruiz said") found as a cue's subject
            for m in self.mentions + self.people + [m for _, m in self.history]
            if m.start < limit
            and m.text.endswith(" " + speaker.text)
            and (m.type == "Person" or (speaker.type == "Person" and _person_like(m.text)))
            and not any(a <= m.start < b for a, b in self.quoted)
        ]
        if not named:
            return speaker
        named.sort(key=lambda m: m.start)
        gender = self.genders.get(speaker.text)
        if gender is not None:
            # "Clinton" known as "she" among "Hillary Clinton" and "Bill Clinton": the one
            # whose first name does not say otherwise
            named = [m for m in named if _first_name_gender(m.text) in (gender, None)] or named
        subjects = [m for m in named if self._is_subject(m)]
        return subjects[0] if subjects else named[0]

    def _cue_speaker(
        self, cue: Token, quote: tuple[int, int] | None = None
    ) -> tuple[Mention | None, str]:
        """The speaker of ``cue`` and how it was found ("name", "pronoun", "role", "none").

        Without a parsed subject (or with one inside the quote, a parse error), a name
        written right beside the cue is the speaker: “…,” DeBoer said. / “…,” says Kim.
        """
        if is_according(cue):
            return self.according_source(cue)  # "“…,” according to Roe.": named after "to"
        if cue.tag_ == "VBG" and cue.i > 0:
            # "footage of Jo Roe asking, “…”": a person named right before a participle cue
            # is the one speaking, whatever the parser hung the participle on
            named = self.mention_at(cue.nbor(-1))
            if named is not None and named.type == "Person":
                return named, "name"
        subject = subject_of(cue, quote)
        if subject is not None and _named_time(subject):
            subject = None  # "Saturday at the convention Sen. Jo Roe said": a misparse
        if (
            subject is not None
            and cue.dep_ == "advcl"
            and _content_of_a_noun(cue.head)
            and (opening := self.opening_subject(cue)) is not None
        ):
            # "Roe dismissed claims that the Acme campaign is breaking the law — saying …":
            # a participle the parser hung on what a noun says ("claims that …") speaks for
            # the sentence's subject, not for the claim's
            return opening, "name"
        if subject is not None and not (quote and quote[0] <= subject.idx < quote[1]):
            if not self._quoted(subject.idx):
                found, how = self.for_subject(subject)
                if found is None and subject.head != cue and (
                    opening := self.opening_subject(cue)
                ):
                    # "Roe argued that the plan would work, saying …": the parser hung the
                    # participle on the reported clause, whose subject ("plan") says nothing
                    return opening, "name"
                return found, how
        # no subject outside the quotes: a word of this quote or another one made the subject
        # ("… said on “Fox and Friends.”"), or none was parsed. A person named before an
        # apposition that ends at the cue comes first ("“…,” Jo Roe, a top aide, said").
        named = self.appositive_name(cue)
        if named is not None:
            return named, "name"
        adjacent = self.adjacent_name(cue)
        if adjacent is not None:
            return adjacent, "name"
        inverted = _inverted_speaker(cue)
        if inverted is not None:
            return self.for_subject(inverted)
        if cue.i > 0 and cue.pos_ == "NOUN" and cue.nbor(-1).pos_ == "NOUN":
            return self.for_subject(cue.nbor(-1))  # “…,” the post read. (parsed "post read")
        # a subject the parser left elsewhere: hung on a fronted phrase, before a sentence
        # split at an abbreviation, or the sentence's opening subject for ", saying"
        for lost_subject in (
            self.stranded_subject,
            self.misparsed_subject,
            self.subject_before_split,
            self.opening_subject,
        ):
            found = lost_subject(cue)
            if found is not None:
                return found, "name"
        return None, "none"

    def according_source(self, according: Token) -> tuple[Mention | None, str]:
        """The source of "according to X": X, or whose document X is ("according to the
        union's release" -> the union), and how it was found."""
        objects = [c for c in according.nbor().children if c.dep_ == "pobj"]
        if not objects:
            return None, "none"
        owner = document_owner(objects[0])
        speaker, how = self.for_subject(owner) if owner is not None else (None, "none")
        if speaker is None:
            speaker, how = self.for_subject(objects[0])
        return speaker, how

    def opening_subject(self, cue: Token) -> Mention | None:
        """The person a participle cue with no subject found speaks for when the parser hung
        it on a quoted verb or lost its clause: the named subject the sentence opens with
        ("Roe was defensive when asked about the fee, saying, “…”")."""
        if (
            cue.tag_ != "VBG"
            or cue.i == 0
            # ", saying" or "— saying", not "a policy urging staff to …"
            or (cue.nbor(-1).text != "," and cue.nbor(-1).text not in DASHES)
            or any(c.dep_ in SUBJECT_DEPS for c in cue.children)
        ):
            return None
        for token in cue.sent:
            if token.i >= cue.i:
                return None
            if token.dep_ in SUBJECT_DEPS and not self._quoted(token.idx):
                m = self.mention_at(token)
                return m if m is not None and m.type == "Person" else None
        return None

    def subject_before_split(self, cue: Token) -> Mention | None:
        """The person a cue's sentence opens with when the parser split it at an
        abbreviation's period: "Jo Roe, who lost 16 lbs. “and a belt size” in May, says …"
        (the next "sentence" starts in lower case). The person must be the head of the
        fragment before the period, or its subject."""
        sentence = cue.sent
        if sentence.start < 2 or any(
            c.dep_ in SUBJECT_DEPS and not self._quoted(c.idx) for c in cue.children
        ):
            return None
        period, word = self.doc[sentence.start - 1], self.doc[sentence.start - 2]
        if period.text != "." or word.whitespace_ or not (word.is_alpha and word.is_lower):
            return None
        first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
        if first is None or not first.is_lower or first.i > cue.i:
            return None
        fragment = word.sent
        for m in self.people:
            if fragment.start_char <= m.start < fragment.end_char:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in ("ROOT", *SUBJECT_DEPS):
                    return m
        return None

    def stranded_subject(self, cue: Token) -> Mention | None:
        """The person a finite cue with no subject has as its subject in fact, where the
        parser hung the name on a fronted phrase: "In a panel in Washington, Jo Roe, the
        league's chief, told …" (Roe parsed as a conjunct of Washington). The name must
        follow the phrase's last word, set off by a comma, and be the last person before
        the cue in its sentence."""
        if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in cue.children
        ):
            return None
        for left in cue.lefts:
            if left.dep_ != "prep":
                continue
            for token in left.subtree:
                if token.dep_ not in ("conj", "appos") or token.head.pos_ != "PROPN":
                    continue
                m = self.mention_at(token)
                if (
                    m is not None
                    and m.type == "Person"
                    and token.doc[token.left_edge.i - 1].text == ","
                    and not any(p.start > m.end and p.end <= cue.idx for p in self.people)
                ):
                    return m
        return None

    def misparsed_subject(self, cue: Token) -> Mention | None:
        """The person a cue with no subject (a day's name aside) speaks for where the parser
        made the name something else: the head of the cue read as a participle ("Jo Roe,
        the party's nominee, tweeted in response: “…”"), a participle read as the verb whose
        subject the name is ("Jo Roe, exasperated, responded: “…”"), the object of "as"
        ("As Jo Roe, a professor of law, put it, “…”"), or a name hung elsewhere whose
        phrase ends right before a finite cue (see ``_name_ending_at``)."""
        if any(
            (c.dep_ in SUBJECT_DEPS and not _named_time(c)) or c.dep_ == "expl"
            for c in cue.children
        ):
            return None
        if cue.dep_ == "acl" and cue.tag_ in ("VBD", "VBN") and cue.head.i < cue.i:
            named = self.mention_at(cue.head)
            if named is not None and named.type == "Person":
                return named
        if cue.dep_ == "dep" and cue.head.tag_ in ("VBD", "VBN") and cue.head.i < cue.i:
            # "Jo Roe, exasperated, responded: “…”": the participle read as the main verb
            for subject in cue.head.children:
                named = self.mention_at(subject) if subject.dep_ in SUBJECT_DEPS else None
                if named is not None and named.type == "Person":
                    return named
        for marker in cue.lefts:
            if marker.lower_ != "as" or marker.dep_ not in ("mark", "prep"):
                continue
            for name in marker.children:
                named = self.mention_at(name) if name.dep_ == "pobj" else None
                if named is not None and named.type == "Person":
                    return named
        if cue.tag_ in ("VBD", "VBZ", "VBP"):
            return self._name_ending_at(cue)
        return None

    def _name_ending_at(self, cue: Token) -> Mention | None:
        """The last person named before a finite ``cue`` whose phrase (the name with its
        apposition or bracket) ends right before it, wherever the parser hung the name:
        "Alarmed by the unrest in Ohio, Senator Jo Roe, the minority leader, said that …"."""
        before = [p for p in self.people if cue.sent.start_char <= p.start and p.end <= cue.idx]
        if not before:
            return None
        named = before[-1]
        span = self.doc.char_span(named.start, named.end, alignment_mode="expand")
        if span is None:
            return None
        edge = span.root.right_edge.i
        between = self.doc[edge + 1 : cue.i]
        if edge < cue.i and all(t.text == "," for t in between):
            return named
        return None

    def appositive_name(self, cue: Token) -> Mention | None:
        """The person named before an apposition or a participle phrase that ends right
        before ``cue`` and its auxiliaries: "Jo Roe, a top campaign aide, said", "Roe, asked
        about the vote, had said", "Sen. Jo Roe (D-Ill.), noting X, said"."""
        doc = cue.doc
        end = cue.i
        while end > 0 and doc[end - 1].dep_ == "aux" and doc[end - 1].head.i == cue.i:
            end -= 1
        if end < 2 or doc[end - 1].text != ",":
            return None
        for i in range(end - 2, max(0, end - 14), -1):
            if doc[i].text == "," and i > 0:
                last = i - 1
                if doc[last].text == ")":
                    # "Sen. Jo Roe (D-Ill.), noting …, said": a party in parentheses
                    opening = next(
                        (k for k in range(last - 1, max(0, last - 8), -1) if doc[k].text == "("),
                        None,
                    )
                    last = opening - 1 if opening else last
                m = self.mention_at(doc[last])
                return m if m is not None and m.type == "Person" else None
        return None

    def adjacent_name(self, cue: Token) -> Mention | None:
        """A Person/Organization name ending just before ``cue`` or starting just after it."""
        doc = cue.doc
        if cue.i > 0:
            before = doc[cue.i - 1]
            m = self.mention_at(before)
            if (
                m is not None
                and m.type == "Organization"
                and " " in m.text
                and m.text.split()[-1] == before.text
                and (known := self.person_by_surname(before.text, m.start)) is not None
            ):
                # "… of the Denver Herald Roe said": the tagger ran a known person's
                # surname, the one speaking, into the organization before it
                return known
            if m is not None and m.type in ("Person", "Organization"):
                return m
            if before.pos_ == "PROPN" and before.text[:1].isupper():
                return self._new_name(before) or self.person_by_surname(before.text, cue.idx)
            if before.is_title and (known := self.person_by_surname(before.text, cue.idx)):
                return known  # “…,” Sinclair states. (tagged as a common noun)
        if cue.i + 1 < len(doc) and cue.lemma_.lower() not in HEARER_CUES:
            after = doc[cue.i + 1]  # not "“…,” Roe, 58, told Acme News": the hearer
            m = self.mention_at(after)
            if m is not None and m.type in ("Person", "Organization") and m.start == after.idx:
                # "said Army Capt. Jo Roe": the person the title names, not its service
                return self._titled_person_after(after) or m
            if after.pos_ == "PROPN" and after.ent_type_ in ("", "PERSON") and after.is_title:
                if (titled := self._titled_person_after(after)) is not None:
                    return titled  # "mused Blaze co-host Jo Roe": an outlet, a title, a name
                name = [after]
                while name[-1].i + 1 < len(doc) and doc[name[-1].i + 1].pos_ == "PROPN":
                    name.append(doc[name[-1].i + 1])
                return self._new_name(name[-1])
            if after.is_title and (known := self.person_by_surname(after.text, cue.idx)):
                return known  # “…,” said Sinclair. (a known surname tagged as another word)
            return self._described_person_after(after)
        return None

    def _described_person_after(self, first: Token) -> Mention | None:
        """ "“…,” said retired neurosurgeon Jo Roe": a person named after a few describing
        words (adjectives and nouns, no other person) that open the phrase after the cue."""
        doc = first.doc
        for token in doc[first.i : first.i + 5]:
            m = self.mention_at(token)
            if m is not None and m.type == "Person":
                return m if m.start == token.idx and token.i > first.i else None
            describes = token.pos_ in ("ADJ", "NOUN", "PROPN") or token.dep_ == "amod"
            if not describes or token.is_punct:  # "retired": a participle as adjective
                return None
        return None

    def _titled_person_after(self, first: Token) -> Mention | None:
        """The person named after a title in the phrase that ``first`` opens or is in ("Army
        Capt. Jo Roe", "Air Force 1st Lt. Jo Roe", "Blaze co-host Jo Roe"): capitalised words,
        numbers, abbreviation dots and the parts of a hyphenated word only after ``first``,
        then a Person mention right after a title."""
        doc = first.doc
        for token in doc[first.i + 1 : first.i + 8]:
            if token.text != "." and not (
                token.text[:1].isupper() or token.like_num or _in_hyphenated_word(token)
            ):
                return None
            m = self.mention_at(token)
            if m is not None and m.type == "Person" and m.start == token.idx:
                previous = doc[token.i - 2 if doc[token.i - 1].text == "." else token.i - 1]
                return m if _title_word(previous) else None
        return None

    def for_subject(self, subject: Token) -> tuple[Mention | None, str]:
        lower = subject.lower_
        if subject.pos_ == "PRON" or lower in SPEAKER_PRONOUNS:
            if lower in ("he", "she"):
                return self.resolve_pronoun(subject), "pronoun"
            if lower == "it":
                return self.resolve_it(subject.idx), "pronoun"
            return None, "none"
        # "said Army Capt. Jo Roe" parsed with the title or the service as the subject: the
        # person the title names, after it
        titled = self._titled_person_after(subject)
        if titled is not None:
            return titled, "name"
        if _title_word(subject):
            # "said former Ohio Gov. and party Chairman Jo Roe": two titles before one name,
            # parsed with the first title as the subject and the name as its conjunct
            for child in subject.children:
                if (
                    child.dep_ == "conj"
                    and (m := self.mention_at(child)) is not None
                    and m.type == "Person"
                ):
                    return m, "name"
        mention = self.mention_at(subject)
        if mention is None:
            for child in subject.children:
                if (
                    child.dep_ in ("compound", "flat", "appos")
                    and _beside(subject, child)
                    and (m := self.mention_at(child))
                    and not (
                        # "a Clinton campaign spokesman said": whose spokesman, not the speaker
                        child.dep_ == "compound"
                        and m.type == "Person"
                        and subject.lemma_.lower() in UNNAMED_SOURCES
                    )
                ):
                    mention = m
                    break
        if mention is not None and mention.type in ("Person", "Organization"):
            return mention, "name"
        if (
            mention is not None
            and mention.type == "Place"
            and mention.text == subject.text  # a lone word, not "the Rust Belt"
            and subject.pos_ == "PROPN"
            and fold_place(subject.text) not in GOVERNED_PLACES
        ):
            # "Nefzi said" tagged as a place, in an article that names "Adel Nefzi": a
            # person's surname (a country or a state speaking is its government)
            if (known := self._named_by_surname(subject)) is not None:
                return known, "name"
        for child in subject.children:
            # "Wise's dad, Darrin": the name in apposition to a description
            if child.dep_ == "appos" and child.pos_ == "PROPN" and _beside(subject, child):
                if (named := self._new_name(child)) is not None:
                    return named, "name"
        if (
            subject.pos_ == "PROPN"
            and subject.ent_type_ == "ORG"
            and (named := self._new_name(subject)) is not None
            and named.type == "Organization"
        ):
            return named, "name"  # "Hydro said", kept out of the mentions: "BC Hydro"
        if (
            subject.pos_ == "PROPN"
            and subject.lower_ not in UNTITLED_WORDS
            and (
                subject.ent_type_ in MISTAGGED_NAME_LABELS
                or (subject.ent_type_ == "NORP" and subject.tag_ == "NNP")  # "Palvetzian said"
            )
        ):
            return self._new_name(subject), "name"
        if subject.pos_ == "NOUN" and subject.is_title:
            # “…,” Sinclair writes. (a known surname tagged as a noun, or one the article
            # writes with a first name the tagger left unmarked)
            if (known := self._named_by_surname(subject)) is not None:
                return known, "name"
        return self.described(subject)

    def described(self, subject: Token) -> tuple[Mention | None, str]:
        """A definite description: "the governor" -> the person given that title; "the
        department" -> the organization of that name; "the 39-year-old founder" -> the person
        last speaking or acting. Indefinite, plural or generic sources ("a spokesperson",
        "officials", "the statement") -> None."""
        noun = subject.lemma_.lower()
        if (
            subject.lower_ == "old"
            and subject.left_edge.lower_ == "the"
            and AGED.search(self.text[subject.left_edge.idx : subject.idx + 3])
        ):
            # "the 45-year-old said": an age alone (parsed as an adjective) is someone named
            return self.salient_person(subject.idx), "role"
        if subject.pos_ not in ("NOUN", "PROPN") or subject.tag_ in ("NNS", "NNPS"):
            return None, "none"
        if noun in NON_PERSON_NOUNS or noun in MEDIUM_NOUNS:
            author = self.author_of(subject) or self.medium_author(subject)
            return (author, "name") if author is not None else (None, "none")
        if not any(c.lower_ == "the" and c.dep_ == "det" for c in subject.children):
            return None, "none"
        if noun in ROLE_NOUNS:
            holder = self.holder_of(noun, subject.idx)
            if holder is not None:
                return holder, "role"
        if noun in DESCRIBED_SOURCES and any(
            c.dep_ in ("amod", "compound", "nummod") for c in subject.children
        ):
            # "the self-taught Cambridge resident": someone the text has already named
            return self.salient_person(subject.idx), "role"
        if noun in GOVERNED_PLACE_NOUNS:
            return self.governed_place(noun, subject.idx), "role"
        if noun in ORGANIZATION_NOUNS:
            named = self.organization_named(noun, subject.idx)
            return named or self.salient_organization(subject.idx), "role"
        if noun in UNNAMED_SOURCES or noun in NON_PERSON_NOUNS:
            return None, "none"
        if AGED.search(self.text[subject.left_edge.idx : subject.idx]):
            # "the 39-year-old founder of the press": an age is given to someone already named
            return self.salient_person(subject.idx), "role"
        if any(c.dep_ in ("prep", "poss") for c in subject.children):
            return None, "none"  # "the head of the agency": someone not yet named
        return self.salient_person(subject.idx), "role"

    def antecedent(self, cue: Token) -> Mention | None:
        """The person a cue in a relative clause speaks for: "Mayor Jo Roe, who says the deal
        is “a disaster”" -> Jo Roe (the named antecedent of "who")."""
        token = cue
        while token.dep_ in ("conj", "xcomp") and token.head != token:
            token = token.head
        who = [c for c in token.children if c.lower_ == "who" and c.dep_ in SUBJECT_DEPS]
        if token.dep_ != "relcl" or not who:
            return None
        # the name right before ", who" (the parser may hang the clause on another name of
        # a list: "Ann Poe and Jo Roe, who joked")
        return next((m for m in self.people if self.text[m.end : who[0].idx].strip() == ","), None)

    def author_of(self, document: Token) -> Mention | None:
        """Who a statement or post that "said" comes from: "A statement from the EU said" /
        "A statement e-mailed to reporters by Jo Roe said" / "a survey which was published
        by Acme" -> the EU / Jo Roe / Acme."""
        for child in document.children:
            preps = [child] if child.dep_ == "prep" and child.lower_ in ("from", "by") else []
            if child.dep_ in ("acl", "relcl"):
                preps = [c for c in child.children if c.dep_ == "agent"]
            for prep in preps:
                for obj in prep.children:
                    m = self.mention_at(obj) if obj.dep_ == "pobj" else None
                    if m is not None and m.type in ("Person", "Organization"):
                        return m
        return None

    def medium_author(self, document: Token) -> Mention | None:
        """Who "the post" / "the statement" that says is: the speaker of the last cue said
        in a medium of that name before it ("Jo Roe stated in a blog post that …" … “…,” the
        post read), within a few paragraphs."""
        if document.i == 0 or document.nbor(-1).lower_ != "the":
            return None
        noun = document.lemma_.lower()
        for token in reversed(document.doc[: document.i]):
            if document.idx - token.idx > SALIENCE_CHARS:
                return None
            prep = token.head
            if (
                token.lemma_.lower() == noun
                and token.dep_ == "pobj"
                and prep.dep_ == "prep"
                and is_cue(prep.head)
                and not self._quoted(token.idx)
            ):
                return self.for_cue(prep.head)[0]
        return None

    def person_by_surname(self, word: str, before: int) -> Mention | None:
        """The last person named before ``before`` whose name ends in ``word`` (an invisible
        character the text glued to it, such as a zero-width space, ignored)."""
        word = word.strip(INVISIBLE)
        for m in reversed(self.people):
            if m.start < before and m.text.split()[-1] == word:
                return m
        return None

    def _named_by_surname(self, subject: Token) -> Mention | None:
        """The person a lone word the tagger mistyped stands for: a person named before with
        that surname, else a name the article writes it in after a first name."""
        return self.person_by_surname(subject.text, subject.idx) or self._written_name(subject)

    def _written_name(self, word: Token) -> Mention | None:
        """A capitalised noun the tagger took for a common word, written elsewhere in the
        article after a first name ("Hannity said" where the article names "Sean Hannity"),
        as that person; never a word the article also writes in lower case ("Police said")."""
        if re.search(rf"\b{re.escape(word.lower_)}\b", self.text):
            return None
        for found in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word.text)}\b", self.text):
            first = self.doc.char_span(found.start(1), found.end(1))
            if (
                first is not None
                and first[0].pos_ == "PROPN"
                and not first[0].is_stop
                and first[0].lower_ not in UNTITLED_WORDS
                and (
                    first[0].ent_type_ in ("", "PERSON")
                    or _first_name_gender(found.group(0)) is not None  # tagged ORG: "Sean"
                )
            ):
                return Mention(found.group(0), "Person", found.start(), found.end())
        return None

    def resolve_it(self, at: int) -> Mention | None:
        """ "it said": the organization last named as a subject in the preceding paragraphs,
        when no person or organization has been a subject since."""
        for m in reversed(self.mentions):
            if m.end > at:
                continue
            if at - m.start > SALIENCE_CHARS:
                return None
            if any(a <= m.start < b for a, b in self.quoted):
                continue
            if m.type in ("Person", "Organization") and self._is_subject(m):
                return m if m.type == "Organization" else None
        return None

    def organization_named(self, noun: str, before: int) -> Mention | None:
        """The last organization before ``before`` whose name contains ``noun`` ("department")."""
        for m in reversed(self.mentions):
            if m.start < before and m.type == "Organization" and noun in m.text.lower().split():
                return m
        return None

    def governed_place(self, noun: str, before: int) -> Mention | None:
        """The last place or organization before ``before`` named "<Noun> of …" ("the city" ->
        "City of Surrey")."""
        for m in reversed(self.mentions):
            words = m.text.lower().split()
            if words[:1] == ["the"]:
                words = words[1:]
            if (
                m.start < before
                and m.type in ("Place", "Organization")
                and words[:2] == [noun, "of"]
            ):
                return m
        return None

    def salient_organization(self, at: int) -> Mention | None:
        """The organization "the agency" / "the firm" means when no name contains the noun:
        the last one named as a subject or a source ("according to the Budget Office") in
        the preceding paragraphs, outside quotes."""
        for m in reversed(self.mentions):
            if m.start >= at or m.type != "Organization":
                continue
            if at - m.start > SALIENCE_CHARS:
                return None
            if not any(a <= m.start < b for a, b in self.quoted) and (
                self._is_subject(m) or self._is_source(m)
            ):
                return m
        return None

    def _is_source(self, mention: Mention) -> bool:
        """The object of "according to" or the agent of a passive ("done by the agency")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj":
            return False
        head = span.root.head
        return head.dep_ == "agent" or (
            head.lower_ == "to" and head.i > 0 and head.nbor(-1).lower_ == "according"
        )

    def salient_person(self, at: int) -> Mention | None:
        """The person a description most likely means: the last speaker when recent, else the
        last person named as a subject, within the preceding few paragraphs."""
        speaker, position = self.last_speaker(at)
        window = at - SALIENCE_CHARS
        subjects = [m for m in self.people if window < m.start < at and self._is_subject(m)]
        if subjects and (speaker is None or subjects[-1].start > position):
            return subjects[-1]
        if speaker is not None and position > window:
            return speaker
        return None

    def _new_name(self, head: Token) -> Mention | None:
        """A proper-noun subject the tagger missed, as a Person mention ("Smithers"), the
        organization the document names in full with it ("Hydro said" after "BC Hydro"), or
        the person named before whose surname opens with a particle ("de Blasio")."""
        tokens = [t for t in head.subtree if t.dep_ in ("compound", "flat") or t == head]
        tokens = [t for t in tokens if t.pos_ == "PROPN" and t.i <= head.i]
        if tokens and not tokens[0].text[:1].isupper():
            # "de Blasio said": a surname opening with a particle is the known person's
            # whose name ends in it ("Bill de Blasio"), never a new name
            surname = self.text[tokens[0].idx : head.idx + len(head.text)]
            return next(
                (
                    m
                    for m in reversed(self.people)
                    if m.start < head.idx and m.text.endswith(" " + surname)
                ),
                None,
            )
        if not tokens:
            return None
        start, end = tokens[0].idx, head.idx + len(head.text)
        text = self.text[start:end]
        if not re.fullmatch(r"[A-Z][\w'’.\- ]*", text):
            return None
        return self.organization_ending(text) or Mention(text, "Person", start, end)

    def organization_ending(self, name: str) -> Mention | None:
        """The organization the document names as ``name`` or with ``name`` as the end of its
        name ("Hydro" -> "BC Hydro")."""
        return next(
            (
                m
                for m in self.mentions
                if m.type == "Organization" and (m.text == name or m.text.endswith(" " + name))
            ),
            None,
        )

    def holder_of(self, role: str, before: int) -> Mention | None:
        """The person the document names with ``role`` before offset ``before``."""
        for m in reversed(self.people):
            if m.start >= before:
                continue
            window = self.text[max(0, m.start - 60) : m.start].lower()
            after = self.text[m.end : m.end + 60].lower()
            if re.search(rf"\b{role}\b[\w\s.]*$", window) or re.match(
                rf"^,\s+(?:the\s+|a\s+)?[\w\s'’]*\b{role}\b", after
            ):
                return m
        return None

    def resolve_pronoun(self, pronoun: Token) -> Mention | None:
        """The person "he"/"she" refers to: the last speaker if no other person has been the
        subject since, else the nearest preceding person of a compatible gender."""
        gender = "male" if pronoun.lower_ in MALE_PRONOUNS else "female"
        at = pronoun.idx
        candidates = [m for m in self.people if m.end <= at]
        if not candidates:
            return None
        newcomer = self._newcomer(pronoun, gender)
        if newcomer is not None:
            return newcomer
        last, last_at = self.last_speaker(at)
        if last is not None and self._compatible(last, gender):
            between = [m for m in candidates if m.start > last_at]
            if not any(
                self._is_subject(m) and self._other(m, last) and self._compatible(m, gender)
                for m in between
            ):
                return last
        for m in reversed(candidates):
            if self._compatible(m, gender) and self._is_subject(m):
                return m
        for m in reversed(candidates):
            if self._compatible(m, gender):
                return m
        return None

    def _newcomer(self, pronoun: Token, gender: str) -> Mention | None:
        """The one person of ``gender`` the sentence before the pronoun's introduces as an
        object, when that sentence has no pronoun of the same gender and no named subject:
        "… produced results for accountant Jo Roe, 50. “…,” she says." (news style names a
        new speaker just before their quote). Not when the pronoun's own sentence names a
        person of that gender before it, nor for a name used as a modifier ("the Roe plan")."""
        own = pronoun.sent
        if any(
            own.start_char <= m.start < pronoun.idx and self._compatible(m, gender)
            for m in self._outside_quotes(own)
        ):
            return None
        previous = own
        while True:
            if previous.start == 0:
                return None
            previous = self.doc[previous.start - 1].sent
            if len([t for t in previous if t.is_alpha and not self._quoted(t.idx)]) >= 3:
                break
        same = MALE_PRONOUNS if gender == "male" else FEMALE_PRONOUNS
        if any(t.lower_ in same and not self._quoted(t.idx) for t in previous):
            return None
        subjects = [t for t in previous.root.children if t.dep_ in SUBJECT_DEPS]
        if any(t.pos_ == "PROPN" or self.mention_at(t) for t in subjects):
            return None
        named = [m for m in self._outside_quotes(previous) if self._compatible(m, gender)]
        if len({m.text for m in named}) != 1 or self._is_subject(named[0]):
            return None
        span = self.doc.char_span(named[0].start, named[0].end, alignment_mode="expand")
        if span is None or span.root.dep_ in ("compound", "poss", "amod", "nmod"):
            return None
        return named[-1]

    def _quoted(self, at: int) -> bool:
        return any(a <= at < b for a, b in self.quoted)

    def _outside_quotes(self, sentence: Span) -> list[Mention]:
        """The people named in ``sentence``, outside its quotes."""
        return [
            m
            for m in self.people
            if sentence.start_char <= m.start < sentence.end_char and not self._quoted(m.start)
        ]

    def _other(self, a: Mention, b: Mention) -> bool:
        return a.text != b.text and not b.text.endswith(a.text) and not a.text.endswith(b.text)

    def _compatible(self, mention: Mention, gender: str) -> bool:
        # the full name's own evidence, then its first name, then what its surname had:
        # "Mary Nicholson" is not the "Nicholson" of an earlier "Mr. Nicholson"
        known = gender_of(mention, self.genders)
        return known is None or known == gender

    def _is_subject(self, mention: Mention) -> bool:
        """The mention is its clause's subject, or a name in apposition inside the subject
        phrase: "Director, research at Acme, Kevin Hale, agreed." (the parser's subject is
        the title, the name hangs on it)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        if span.root.dep_ in SUBJECT_DEPS or _inverted_speaker(span.root.head) == span.root:
            return True
        if any(
            c.dep_ == "relcl"
            and any(w.dep_ in SUBJECT_DEPS and w.lower_ == "who" for w in c.children)
            for c in span.root.children
        ):
            return True  # "Jo Roe, who was born in Mexico, …": the subject of its relative clause
        if span.root.dep_ != "appos":
            return False
        for ancestor in span.root.ancestors:
            if ancestor.dep_ in SUBJECT_DEPS:
                return True
            if ancestor.pos_ in ("VERB", "AUX"):
                return False
        return False

    def remember(self, speaker: Mention | None, at: int) -> None:
        if speaker is not None and speaker.type == "Person":
            self.history.append((at, speaker))


def person_genders(doc: Doc, text: str, people: list[Mention]) -> dict[str, str]:
    """Gender evidence per surname and per full name: an honorific before a mention ("Ms.
    Lee"), else the majority of he/his vs she/her later in the sentences where the person is
    the subject, up to the next person named.

    >>> person_genders(nlp("Ms. Lee spoke."), "Ms. Lee spoke.", [Mention("Lee", "Person", 4, 7)])
    {'Lee': 'female'}
    """
    genders: dict[str, str] = {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    starts = {m.start for m in people}
    for m in people:
        keys = {m.text.split()[-1], m.text}
        before = text[max(0, m.start - 6) : m.start].strip().lower().split()
        word = before[-1] if before else ""
        for key in keys:
            if word in MALE_TITLES:
                genders.setdefault(key, "male")
            elif word in FEMALE_TITLES:
                genders.setdefault(key, "female")
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in SUBJECT_DEPS:
            continue
        for token in span.root.sent[span.end - span.root.sent.start :]:
            if token.idx in starts:
                break  # a pronoun after another person's name is more likely theirs
            for key in keys:
                if token.lower_ in MALE_PRONOUNS:
                    votes[key]["male"] += 1
                elif token.lower_ in FEMALE_PRONOUNS:
                    votes[key]["female"] += 1
    # a bare surname takes the gender of the first name its full form carries ("Julie
    # Easley" … "Easley"), unless two people of that surname differ
    by_first_name: dict[str, set[str]] = defaultdict(set)
    for m in people:
        if " " in m.text and (gender := _first_name_gender(m.text)):
            by_first_name[m.text.split()[-1]].add(gender)
    for surname, found in by_first_name.items():
        if len(found) == 1:
            gender = found.pop()
            other = "female" if gender == "male" else "male"
            counts = votes.get(surname, Counter())
            if counts[other] >= 2 and counts[other] > counts[gender]:
                continue  # "Frank Fiorina", her husband, in a story whose Fiorina is "she"
            genders.setdefault(surname, gender)
    for key, counts in votes.items():
        if " " in key and _first_name_gender(key):
            continue  # a common first name outweighs the pronouns after it ("Bill Clinton")
        if key not in genders and counts["male"] != counts["female"]:
            genders[key] = "male" if counts["male"] > counts["female"] else "female"
    return genders


def _reported_clause_verb(verb: Token) -> bool:
    """The verb of a clause some cue reports, however the parser hung it: a complement, or
    a "that" clause ("tweeted that Machado was …", parsed as an adverbial clause)."""
    return verb.dep_ in REPORTED_CLAUSE_DEPS or any(
        c.lower_ == "that" and c.dep_ in ("mark", "advmod") and c.i < verb.i for c in verb.children
    )


def _content_of_a_noun(verb: Token) -> bool:
    """The verb of a "that" clause that tells what a noun says: "claims that the campaign is
    breaking the law"."""
    return (
        verb.dep_ in ("acl", "ccomp")
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


def _in_hyphenated_word(token: Token) -> bool:
    """A part of a word written with a hyphen, the hyphen included ("co" "-" "host")."""
    doc = token.doc
    if token.text in HYPHENS:
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    before = token.i > 0 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_
    return before or after


def _title_word(token: Token) -> bool:
    """A title or its abbreviation, with the dot the tokenizer split off ("Capt" ".")."""
    doc = token.doc
    split_dot = token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_
    word = fold_word(token.text + "." if split_dot else token.text)
    return word in ROLE_TITLES or bool(ABBREVIATIONS.get(word))


def _named_time(token: Token) -> bool:
    """A day's or month's name ("Saturday"), never a speaker; not an age ("the
    45-year-old said"), which the tagger also marks as a date."""
    return token.ent_type_ in TIME_LABELS and token.pos_ == "PROPN"


def _person_like(name: str) -> bool:
    """A name the tagger called an organization that reads as a person's: two or three
    capitalised words, none an institution's ("Caleb Jones", not "Ford Motor Company")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][a-z][\w'’\-]*", w) for w in words)
        and not any(w.lower() in ORGANIZATION_NOUNS or w.lower() in NOT_NAMES for w in words)
    )


def _bare_name_start(doc: Doc, first: Token) -> bool:
    """A name standing alone: opening its sentence or after a comma or a conjunction, not
    after a determiner or an ordinal ("the 13th Amendment")."""
    if first.i == 0:
        return True
    before = doc[first.i - 1]
    return before.is_punct or before.is_space or before.pos_ in ("CCONJ", "SCONJ", "ADV")


def _inverted_speaker(cue: Token) -> Token | None:
    """The speaker the parser took for the object of a subjectless cue in inverted order:
    "…, insists 16-year-old Xander Wise" / "…,” points out the Cambridge resident"; never the
    addressee of a verb of telling ("told reporters")."""
    lemma = cue_lemma(cue)
    if lemma is None or lemma in ADDRESSEE_CUES or cue.tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in cue.children):
        return None
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr") and child.left_edge.i - cue.i <= 2:
            return child
    return None


def _beside(head: Token, child: Token) -> bool:
    """``child`` names ``head`` itself: a compound before it, or an apposition right after
    it ("Wise's dad, Darrin"), not a title at the end of a relative clause ("the resident,
    who sold copies of his comic, The Undead Soldier")."""
    if child.dep_ != "appos":
        return True
    between = head.doc[head.i + 1 : child.left_edge.i]
    return child.i > head.i and not any(t.dep_ == "relcl" or t.pos_ == "VERB" for t in between)


def gender_of(person: Mention, genders: dict[str, str]) -> str | None:
    """The gender ``genders`` gives a person (see :func:`person_genders`): the full name's own
    evidence, then its first name, then its surname's; None where nothing tells."""
    return (
        genders.get(person.text)
        or _first_name_gender(person.text)
        or genders.get(person.text.split()[-1])
    )


def _first_name_gender(name: str) -> str | None:
    """Gender of a common English first name ("Jane Roe" -> "female"), else None."""
    first = name.split()[0].lower().rstrip(".")
    if first in MALE_FIRST_NAMES:
        return "male"
    if first in FEMALE_FIRST_NAMES:
        return "female"
    return None


def _predicate_adjective(token: Token, cue: Token) -> bool:
    """An adjective the ``cue``'s infinitive hangs on, predicated of its speaker: "Roe was
    quick to point out that …", "she was eager to add …". Its subject is the cue's. Not under
    an empty "it" ("it is fair to say that …" names no speaker), nor where the adjective
    foretells rather than tells ("Roe is likely to argue that …": no one has said it yet)."""
    if token.dep_ != "acomp" or token.pos_ != "ADJ" or token.lower_ in FORETELLING_ADJECTIVES:
        return False
    infinitive = any(c.dep_ == "xcomp" and (c == cue or c.is_ancestor(cue)) for c in token.children)
    subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
    return infinitive and bool(subjects) and subjects[0].lower_ not in ("it", "this", "that")


def subject_of(cue: Token, quote: tuple[int, int] | None = None) -> Token | None:
    """The subject of a speech verb, climbing from a participle ("…, saying") to its clause.

    A coordinated cue with no subject of its own takes the subject of the nearest cue it
    is attached under ("Homan said X … and said: “…”"), even when the parser hung it on
    the reported clause's verb. A dash the parser made a subject ("― Roe boasted") is
    none, and where the parser gave the cue two subjects, one inside the ``quote`` (its
    character span) and the speaker after it ("“One of the best,” Rep. Roe (D-Md.) said"),
    the one outside the quote wins.
    """

    def outside(child: Token) -> bool:
        return not child.is_punct and not (quote and quote[0] <= child.idx < quote[1])

    fronted = fronted_report(cue)

    # a finite cue with no subject parsed as the object clause of another cue ("Roe said that
    # she thinks X but said “Y”") is a second verb of the same speaker, as a conjunct is
    finite_ccomp = cue.dep_ == "ccomp" and cue.tag_ in ("VBD", "VBZ") and is_cue(cue.head)
    if (cue.dep_ == "conj" or finite_ccomp) and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in cue.children
    ):
        head = cue.head
        if cue.dep_ == "conj" and not is_cue(head) and not _reported_clause_verb(head):
            # "As Obama lectured the nation and defended his record, Trump responded": the
            # verb it is coordinated with, no reported clause, has the subject of both
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and outside(c)]
            if subjects:
                return subjects[0]
        for ancestor in cue.ancestors:
            if is_cue(ancestor):
                subjects = [c for c in ancestor.children if c.dep_ in SUBJECT_DEPS]
                if subjects:
                    return subjects[0]
    token: Token | None = cue
    for _ in range(4):
        if token is None:
            return None
        # a preposition is no subject: the parser's "Of Carson, Jo Roe, who …, said" hangs
        # the fronted phrase there; the cue is left to the fallbacks for a lost subject
        # nor is a report written before the cue ("[X signals Y], said Roe")
        subjects = [
            c for c in token.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "ADP" and c != fronted
        ]
        if subjects:
            return next((c for c in subjects if outside(c)), subjects[0])
        gerund = token.dep_ == "dobj" and token.tag_ == "VBG"  # "she recalled thinking, “…”"
        if token.dep_ == "xcomp" and token.head.i != token.i:
            # object control: "Warren forced Stumpf to admit that …" -- the one made to speak
            # is the object of the verb the infinitive hangs on, not its subject
            # ("used his speech to call for …": a thing used is no speaker, the subject is)
            objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
            if objects and (
                objects[0].pos_ in ("PROPN", "PRON")
                or (objects[0].pos_ == "NOUN" and objects[0].lemma_.lower() not in MEANS_NOUNS)
            ):
                return objects[0]
        if token.dep_ == "acl" and token.head.lemma_.lower() in MEANS_NOUNS:
            # "issued a statement saying …", "in a letter stating …": the one who put out
            # the statement, the subject of the verb it hangs on
            verb = next((a for a in token.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is None:
                return None
            token = verb
        elif (token.dep_ in CLIMB_DEPS or gerund or _predicate_adjective(token, cue)) and (
            token.head.i != token.i
        ):
            if token.dep_ == "relcl":
                return token.head
            token = token.head
        else:
            return None
    return None
