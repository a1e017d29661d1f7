"""Reported speech: statements without quotation marks, for the statement extractor.

:class:`ReportedSpeech` is mixed into the extractor of :mod:`kg.extract.statements` and adds
the statements of three forms (rule names as recorded in the evidence):

* ``reported``          Homan said local officials have been …   (the cue's clause; a cue set
                        off by commas inside it, "The plan, Homan said, is …", takes the
                        sentence around it; a gerund subject the parser hung on the cue,
                        "said seeing the officers was a relief", opens the clause)
* ``reported-object``   Homan criticized the plan for …  /  urged voters to …  (an object
  cue's object and the prepositions that carry its content)
* ``according-to``      According to Homan, …

Only a named speaker's reported speech is kept ("critics argue …" is too vague), and never
where a quote already made a statement (the words between the halves of a quote its cue
splits are no quote's: “A,” says Roe, [noting that …]. “B.”).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.extract.cues import (
    ADDRESSEE_CUES,
    CUE_VERBS,
    REPORTING_VERBS,
    THAT_CUES,
    WEAK_CUES,
    fronted_report,
    is_according,
    is_cue,
)
from kg.extract.quote_marks import CLOSING_MARKS, QuoteSpan
from kg.extract.records import Evidence, Mention, Statement
from kg.extract.speakers import DASHES, MEDIUM_NOUNS, SUBJECT_DEPS, SpeakerFinder

CLAUSE_DEPS = frozenset({"ccomp"})
# Any subject a clause may have, a clausal or an expletive one included ("Was there, Roe
# asked, …").
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What a preposition after a cue set off by commas names when it tells the occasion of the
# saying rather than continuing what was said: "…, Roe said, on condition of anonymity".
OCCASION_NOUNS = MEDIUM_NOUNS | frozenset({"condition", "call", "debate", "rally", "event"})
# Verbs of attribution whose content is an object, not a clause: "called for [the repeal of
# the law]", "urged [voters to stay home]", "accused [her of lying]", "spoke about [the death
# of …]". The lemma maps to the prepositions that carry the content (None: the direct object
# and an infinitive complement too).
OBJECT_CUES: dict[str, frozenset[str] | None] = {
    **dict.fromkeys(
        """criticize criticise question accuse urge acknowledge cite defend promise pledge
        propose demand deny praise blast slam condemn denounce blame applaud tout decry
        dismiss reject mock mention vow threaten recommend endorse attack encourage exhort bemoan
        highlight stress proclaim note admit compliment echo grill lambaste scold chastise
        berate ridicule laud commend hail rebuke castigate assail recite
        explain""".split(),
        None,
    ),
    "call": frozenset({"for", "on"}),
    "label": frozenset(),
    "dub": frozenset(),
    "brand": frozenset(),
    "describe": frozenset(),
    "warn": frozenset({"against", "of", "about"}),
    "say": frozenset({"about"}),
    "speak": frozenset({"about", "of", "on"}),
    "talk": frozenset({"about"}),
    "ask": frozenset({"for", "about"}),
    "tell": frozenset(),
    "insist": frozenset({"on"}),
    "apologize": frozenset({"for"}),
    "apologise": frozenset({"for"}),
    "brag": frozenset({"about", "of"}),
    "boast": frozenset({"about", "of"}),
    "complain": frozenset({"about", "of"}),
    "respond": frozenset({"by", "with"}),
    "reply": frozenset({"by", "with"}),
    "lay": None,  # only as "laid out [her plans …]", see PHRASAL_OBJECT_CUES
}
# Phrasal object cues, the verb and its particle: "laid out [her plans to expand …]".
PHRASAL_OBJECT_CUES = {"lay": "out"}
# Noun cues: a verb with one of these nouns as object voices a doubt whose topic is the
# content, "raised questions about [the cost of …]", "voiced concerns over [the plan]".
DOUBT_CUES = {
    verb: frozenset({"question", "concern", "doubt", "worry"})
    for verb in ("raise", "voice", "express")
}
OBJECT_CUES.update(dict.fromkeys(DOUBT_CUES, frozenset({"about", "over"})))
# Verbs that characterize someone or something in words, their content the object and the
# name given it: "portrayed [himself as a champion of workers]", "likened [the plan to a
# tax]"; without that phrase ("painted the fence", "compared prices") no statement.
CHARACTERIZING_CUES: dict[str, frozenset[str]] = {
    **dict.fromkeys("portray paint cast depict".split(), frozenset({"as"})),
    "liken": frozenset({"to"}),
    "compare": frozenset({"to"}),
}
OBJECT_CUES.update(CHARACTERIZING_CUES)
# Verbs that name: with an object complement the object and its new name are the content,
# "called [the plan a disgrace]" (without one, "called the police" is no statement);
# "described [the plan as a disgrace]" with its object after it ("what he described as …" no).
NAMING_CUES = frozenset({"call", "label", "dub", "brand"})
# Prepositions that continue an object cue's content: "criticized Trump [for …]".
OBJECT_PREPS = frozenset({"for", "of", "as", "about", "against", "over", "on"})
OBJECT_DEPS = frozenset({"dobj", "xcomp", "dative", "oprd"})
# Participles by which the writer comments on a report rather than continuing it: ", signaling
# a shift", ", raising questions about …", ", beginning in January".
WRITER_PARTICIPLES = frozenset(
    """signal suggest raise mark underscore highlight reflect echo begin start effective
    engage come follow prompt spark fuel""".split()
)
MIN_OBJECT_TOKENS = 2


def _without_closing_gloss(tokens: list[Token]) -> list[Token]:
    """A reported clause without the noun phrase the writer closes the sentence with after
    its last comma: "said it would slash 30,000 jobs[, a mass layoff rivaling …]", "vowed to
    repeal the Hyde Amendment[, a federal provision that …]"."""
    commas = [at for at in range(2, len(tokens) - 1) if tokens[at].text == ","]
    if not commas:
        return tokens
    at = commas[-1]
    article = tokens[at + 1]
    head = article.head
    if (
        article.lower_ in ("a", "an")
        and article.dep_ == "det"
        and head.pos_ == "NOUN"
        and head.dep_ in ("appos", "npadvmod", "dep")
        and head.head.ent_type_ != "PERSON"  # "the winner was Ann Lee, a teacher"
        and head.right_edge.i >= tokens[-1].i
    ):
        return tokens[:at]
    return tokens


def _statement_clauses(cue: Token) -> list[Token]:
    """The "that" clause the parser hung on the medium of a cue: "said in a statement
    [that the river is safe]" -> [is]."""
    found = []
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.i < cue.i:
            continue
        for medium in prep.children:
            if medium.dep_ != "pobj":
                continue
            for clause in medium.children:
                if medium.lemma_.lower() in MEDIUM_NOUNS and (
                    clause.dep_ in ("acl", "relcl", "ccomp")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                ):
                    found.append(clause)
                elif _occasion_that(medium, clause):
                    found.append(clause)
    return found


def _occasion_that(noun: Token, clause: Token) -> bool:
    """A "that" clause the parser took for a relative clause of the occasion between a cue
    and its report: "told reporters after the hearing [that the council would appeal]" (a
    clause of four words or more, with a subject of its own, right after the noun)."""
    first = clause.left_edge
    return (
        clause.dep_ in ("relcl", "acl")
        and first.lower_ == "that"
        and first.i == noun.i + 1
        and noun.head.lower_ in ("on", "in", "at", "after", "during", "before", "following")
        and any(c.dep_ in SUBJECT_DEPS and c.i > first.i for c in clause.children)
        and clause.right_edge.i - first.i >= 4
    )


# spaCy's string ids are hashes of the text, the same in every pipeline: computed once
_CANDIDATE_IDS = numpy.array(
    sorted(
        {
            get_string_id(form)
            for word in ("according", *CUE_VERBS, *OBJECT_CUES)
            for form in (word, word.title(), word.upper())
        }
    ),
    dtype=numpy.uint64,
)


def _split_subject(cue: Token, clause: Token) -> Token | None:
    """The subject of a reported clause that the parser took for the cue's object: "said
    [an amount of help] [has enabled the shift]" hangs a finite clause with no subject of
    its own on the cue right after a noun object. Not for cues whose object is the person
    addressed ("told reporters …")."""
    if (
        clause.i < cue.i
        or cue.lemma_.lower() in ADDRESSEE_CUES
        or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children)
        or not (
            clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in clause.children)
        )
    ):
        return None
    return next(
        (
            c
            for c in cue.children
            if c.dep_ == "dobj"
            and cue.i < c.i < clause.left_edge.i
            and c.pos_ in ("NOUN", "PROPN")
            and c.ent_type_ != "PERSON"
            and not any(t.is_punct for t in cue.doc[c.right_edge.i + 1 : clause.left_edge.i])
        ),
        None,
    )


def _headless(cue: Token, clause: Token) -> bool:
    """A finite clause after the cue with no subject of its own, its subject the noun the cue's
    relative clause hangs on: "Everything [Roe says] [is a lie]" reports nothing (whatever
    the parser made of the cue)."""
    return (
        clause.i > cue.i
        and clause.tag_ in ("VBD", "VBZ", "VBP")
        and not any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj", "csubjpass")
            for c in clause.children
        )
    )


def candidate_cues(doc: Doc) -> list[Token]:
    """The tokens reported speech can hang on ("according", a cue or object-cue lemma),
    found on the Doc's arrays rather than by making a Token of every word."""
    if not len(doc):
        return []
    rows = doc.to_array(["LEMMA", "LOWER"])
    found = numpy.isin(rows, _CANDIDATE_IDS).any(axis=1)
    return [doc[int(i)] for i in numpy.flatnonzero(found)]


def _reports_that(cue: Token) -> bool:
    """Whether a cue's clausal complement opens with "that" ("agreed that …")."""
    return any(
        c.dep_ in CLAUSE_DEPS and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in cue.children
        if c.i > cue.i
    )


def _mistagged_cue(token: Token) -> bool:
    """A cue the tagger read as a plural noun after a name, its "that" clause still hung on
    it: "Roe claims that the count was wrong" ("claims" a noun with "Roe" as compound)."""
    return (
        token.tag_ == "NNS"
        and token.lemma_.lower() in CUE_VERBS
        and token.i > 0
        and token.nbor(-1).dep_ == "compound"
        and token.nbor(-1).text[:1].isupper()
        and _reports_that(token)
    )


def _negated(cue: Token) -> bool:
    """A cue said not to have been spoken: "could not explain why …", "did not say whether
    …" report no content."""
    return any(c.dep_ == "neg" for c in cue.children)


WH_WORDS = frozenset({"how", "why", "what", "whether"})


def _trimmed(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the punctuation and white space (a paragraph break) at either
    end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _past_dangling_conjunction(first: Token, last: Token) -> Token | None:
    """The last token of content that ends on a conjunction the parser kept while hanging
    what it joins elsewhere: "talk about [the border and] how many can slip through" (the
    second conjunct hung on the main verb) runs on to that conjunct's end; with no conjunct
    after it, or one that is a speech act of its own, the conjunction and a comma before it
    go ("… candidate, and"). None when nothing is left."""
    doc = last.doc
    if last.dep_ != "cc":
        return last
    joined = next(
        (
            t
            for t in doc[last.i + 1 : last.sent.end]
            if t.dep_ == "conj" and t.left_edge.i > last.i and not (first.i <= t.head.i <= last.i)
        ),
        None,
    )
    if joined is not None and not any(is_cue(t) for t in joined.subtree):
        end = joined.right_edge
        while end.i > joined.i and (end.is_punct or end.is_space):
            end = doc[end.i - 1]
        return end
    end = last
    while end.i > first.i and (end.dep_ == "cc" or end.is_punct):
        end = doc[end.i - 1]
    return end if end.i > first.i else None


def _in_aside(cue: Token, speaker: Mention) -> bool:
    """``speaker`` is the subject of a cue set into the sentence it reports ("Police, Roe
    says, have …"), inside the cue's own words."""
    left, right = cue.left_edge, cue.right_edge
    return (
        cue.dep_ == "parataxis"
        and left.idx <= speaker.start
        and speaker.end <= right.idx + len(right.text)
    )


def _content_after_aside(cue: Token) -> Token | None:
    """The last phrase of a report that runs on past a cue set off by commas ("The argument
    would be aided, Roe said, by the primary calendar"): the cue's preposition or adverbial
    clause after the second comma; None where there is none, or where it tells the occasion
    ("…, Roe said, in a statement" / "on condition of anonymity") or is the writer's
    participle (", adding …")."""
    if cue.i + 2 >= len(cue.doc) or cue.nbor().text != ",":
        return None
    tail = [
        c
        for c in cue.children
        if c.i > cue.i + 1
        and (
            (c.dep_ == "prep" and not _occasion(c))
            or (c.dep_ in ("advcl", "xcomp") and c.tag_ != "VBG")
        )
    ]
    return tail[-1] if tail else None


def _occasion(prep: Token) -> bool:
    """A preposition that tells where or how something was said: "in a statement", "on
    condition of anonymity", "during the debate"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ in ("during", "at", "after", "before") or any(
        o.lemma_.lower() in OCCASION_NOUNS for o in objects
    )


def _is_dash(token: Token) -> bool:
    """A dash, or a hyphen standing for one between spaces ("X - a charge that …")."""
    return token.text in DASHES or (
        token.text == "-" and bool(token.whitespace_) and bool(token.nbor(-1).whitespace_)
    )


def _coordinated_content(conj: Token) -> bool:
    """A conjunct the parser hung on an object cue that continues its content, not a second
    act of the speaker: a gerund with no subject ("mentioned cutting rates [and forcing banks
    to lend]") or a wh-clause ("spoke of the past[, and how it shapes us]")."""
    if conj.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
        return True
    return conj.left_edge.lower_ in WH_WORDS


class ReportedSpeech:
    """Reported speech, a mixin of the statement extractor: it reads the document, the
    speaker search and the statements found so far from the extractor it is mixed into,
    and adds its statements to them."""

    doc: Doc
    text: str
    speakers: SpeakerFinder
    statements: list[Statement]
    used_cues: set[int]  # cues a quote already used (token indices)
    candidate_cues: list[Token]  # see candidate_cues()
    headline_end: int
    quotes: list[QuoteSpan]
    work_titles: list[QuoteSpan]  # quotes that name a book or a show, not speech
    split_gaps: list[tuple[int, int]]  # between the halves of a quote its cue splits
    in_quote: Callable[[int], bool]
    _through_closing_mark: Callable[[int, int, list[QuoteSpan]], int]

    def reported(self) -> None:
        """The reported speech of the document: for each candidate cue no quote used, its
        reported clause, its object (an object cue) or its "according to" source."""
        for token in self.candidate_cues:
            try:
                if (
                    token.lower_ == "according"
                    and token.i + 1 < len(self.doc)
                    and token.nbor().lower_ == "to"
                ):
                    self._according_to(token)
                elif (
                    token.i not in self.used_cues
                    and (is_cue(token) or _mistagged_cue(token))
                    and (
                        token.lemma_.lower() in REPORTING_VERBS - WEAK_CUES
                        or (token.lemma_.lower() in THAT_CUES and _reports_that(token))
                    )
                    and not _negated(token)
                    and self._reported_span(token) is not None
                ):
                    self._reported_clause(token)
                elif (
                    token.i not in self.used_cues
                    and token.pos_ == "VERB"
                    and token.lemma_.lower() in OBJECT_CUES
                ):
                    self._reported_object(token)
            except (IndexError, ValueError):
                continue

    def _taken(self, start: int, end: int) -> bool:
        """Whether a statement already holds text of ``start``–``end``; the words between the
        halves of a quote split by its cue are none's (“A,” says Roe, noting that …. “B.”)."""
        inside_gap = [(a, b) for a, b in self.split_gaps if a <= start and end <= b]
        return any(
            s.start < end
            and start < s.end
            and not any(s.start <= a and b <= s.end for a, b in inside_gap)
            for s in self.statements
        )

    def _reported_span(self, cue: Token) -> tuple[int, int] | None:
        """Character span of the clause a cue reports ("said [that] X …"), without "that"."""
        # "vowing to cut fees[ ― hardly the plan Roe hoped for]": a clause after a dash that
        # no second dash closes is the writer's gloss, whatever the parser hung it on
        clauses = [
            c
            for c in cue.children
            if c.dep_ in CLAUSE_DEPS
            and sum(_is_dash(t) for t in cue.doc[cue.i + 1 : c.left_edge.i]) % 2 == 0
        ] or _statement_clauses(cue)
        occasion: set[int] = set()
        if (
            not clauses
            and cue.dep_ == "parataxis"
            and cue.head.pos_ in ("VERB", "AUX")
            and (subjects := [c for c in cue.head.children if c.dep_ in CLAUSE_SUBJECT_DEPS])
            and (cue.head.i < cue.i or (self._aside_before_its_verb(cue) and subjects[0].i < cue.i))
            and not any(c.dep_ == "mark" for c in cue.head.children)
        ):
            # "The mill was a giant, Roe said, until it closed" / "The economy, Roe said, is
            # growing": a cue set into the sentence it reports, which runs on around it
            inside = {t.i for t in cue.subtree}
            tokens = [t for t in cue.head.subtree if t.i not in inside]
            while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
                tokens = tokens[:-1]
            tokens = list(cue.doc[tokens[0].i : tokens[-1].i + 1]) if tokens else []
            if len(tokens) < 3 or any(t.is_space and "\n" in t.text for t in tokens):
                return None
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if not clauses:
            # "said [after the meeting] she would not …": a clause with its own subject that
            # the parser, misled by a phrase between, hung on the cue as an adverbial clause;
            # the phrase before its subject is the occasion, not what was said
            clauses = [
                c
                for c in cue.children
                if c.dep_ == "advcl"
                and c.i > cue.i
                and c.left_edge.dep_ == "prep"
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.lefts)
                and not any(g.dep_ in ("mark", "advmod") for g in c.lefts)
            ][:1]
            occasion = {
                t.i for c in clauses for g in c.lefts if g.dep_ == "prep" for t in g.subtree
            }
        if not clauses:
            # "said [seeing so many officers there was a welcome sight]": a gerund phrase that
            # is the subject of the clause said, which the parser hung on the cue as its
            # complement and the clause's verb on the gerund
            clauses = [
                c
                for c in cue.children
                if c.dep_ == "xcomp"
                and c.tag_ == "VBG"
                and c.i == cue.i + 1
                and any(
                    g.dep_ == "ccomp"
                    and g.i > c.i
                    and g.tag_ in ("VBD", "VBZ", "VBP", "MD")
                    and any(h.dep_ in CLAUSE_SUBJECT_DEPS and h.i < g.i for h in g.children)
                    for g in c.children
                )
            ]
        if not clauses and (fronted := fronted_report(cue)) is not None:
            # "[The rejection of the treaty signals “the beginning of the end”], said Roe": a
            # report before its cue that the parser took for the cue's second subject
            clauses = [fronted]
        if not clauses:
            return None
        root = clauses[0]
        # "Writing for a panel that agreed X, Roe noted [that Y]": a clause before the cue
        # that the parser took for a fronted report gives way to a "that" clause after it
        root = next(
            (
                c
                for c in clauses
                if c.i > cue.i > root.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            root,
        )
        # "told reporters [it is clear …, the offices …] [can be traced …]": a clause the parser
        # split in two hangs both halves on the cue; the content runs over both
        following = [c for c in clauses if c.i > cue.i]
        extra = following[1:] if following and following[0] == root else []
        if following and following[0] == root:
            # "said [X], because Y" / ", when it comes to Y": a finite adverbial clause the
            # parser hung on the cue after the reported clause belongs to what was said
            extra += [
                c
                for c in cue.children
                if c.dep_ == "advcl"
                and c.i > root.right_edge.i
                and any(g.dep_ in SUBJECT_DEPS for g in c.children)
                and any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)
            ]
            # "told the board that A, but that B": a second "that" clause the parser hung on the
            # cue as its conjunct is said too
            extra += [
                c
                for c in cue.children
                if c.dep_ == "conj"
                and c.i > root.right_edge.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ]
            extra.sort(key=lambda c: c.i)
        # ", signaling a shift …": a trailing participle is the writer's comment, not speech
        dropped = {
            t.i
            for child in root.children
            if child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.i > root.i
            and child.i > 0
            and child.nbor(-1).text == ","
            and (
                child.lemma_.lower() in OBJECT_CUES
                or child.lemma_.lower() in WRITER_PARTICIPLES
                or any(is_cue(t) for t in child.subtree)
            )
            for t in child.subtree
        }
        # "said A, and said in a message: “B”": a second speech act hung on A's verb (a bare
        # verb is A's own: "said he'd sit Putin down and [tell him “no more nonsense”]")
        for token in root.subtree:
            if token.dep_ == "conj" and token.i > root.i and is_cue(token) and token.tag_ != "VB":
                dropped.update(t.i for t in token.subtree)
                before = token.left_edge.i - 1
                while before > root.i and (
                    cue.doc[before].dep_ == "cc" or cue.doc[before].is_punct
                ):
                    dropped.add(before)
                    before -= 1
        dropped |= occasion
        # in document order: a parse with crossing arcs (a relative clause hung on a subject
        # before the verb) gives a subtree that is not
        tokens = sorted((t for t in root.subtree if t.i not in dropped), key=lambda t: t.i)
        if root.i > cue.i and tokens and tokens[0].i < cue.i:
            # "six deaths [that] Roe said [are unrelated]": the relative pronoun that is the
            # clause's subject comes before the cue; what was said starts after it
            tokens = [t for t in tokens if t.i > cue.i]
        if tokens and (subject := _split_subject(cue, root)) is not None:
            tokens = list(cue.doc[subject.left_edge.i : tokens[-1].i + 1])
        elif _headless(cue, root):
            return None
        if extra and tokens:
            tokens = list(cue.doc[tokens[0].i : extra[-1].right_edge.i + 1])
        if (
            tokens
            and root.i < cue.i
            and not self.in_quote(root.idx)
            and (tail := _content_after_aside(cue)) is not None
            and not any(self.in_quote(t.idx) for t in (tail.left_edge, tail.right_edge))
        ):
            tokens = list(cue.doc[tokens[0].i : tail.right_edge.i + 1])
        while tokens and (
            tokens[0].dep_ == "mark"
            or tokens[0].is_punct
            or (  # "that" taken for a relative pronoun, see _occasion_that
                tokens[0].lower_ == "that"
                and tokens[0].head == root
                and tokens[0].dep_ not in SUBJECT_DEPS
            )
        ):
            tokens = tokens[1:]
        tokens = _without_closing_gloss(tokens)
        while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
            tokens = tokens[:-1]
        if len(tokens) < 3:
            return None
        last = _past_dangling_conjunction(tokens[0], tokens[-1])
        if last is None:
            return None
        return tokens[0].idx, last.idx + len(last.text)

    def _aside_before_its_verb(self, cue: Token) -> bool:
        """A cue set off inside a clause, before the clause's verb and attached to it, the
        verb outside any quote: "The economy, Roe said, is growing". The clause around it
        is what the cue reports, not a quote before it."""
        return cue.dep_ == "parataxis" and cue.head.i > cue.i and not self.in_quote(cue.head.idx)

    def _unsplit_end(self, sentence: Span, end: int) -> int:
        """The end of a reported clause that runs to the end of a sentence the parser cut
        short, with no closing mark, mid-line ("said she felt the 13th | Amendment was
        worth …"): the end of the next sentence."""
        last = sentence[-1]
        if (
            last.text == "."
            and len(sentence) > 1
            and end == sentence[-2].idx + len(sentence[-2].text)
            and not last.whitespace_.strip(" ")
            and sentence.end < len(self.doc)
            and self.doc[sentence.end].is_lower
            and self.doc[sentence.end].is_alpha
        ):
            # "said she lost 20 lbs. | after she took up …": a period of an abbreviation the
            # parser took for a sentence end, the next word in lower case
            return self.doc[sentence.end].sent.end_char
        if (
            end < last.idx + len(last.text)
            or last.is_punct
            or last.is_space
            or sentence.end >= len(self.doc)
            or "\n" in self.doc[sentence.end - 1].whitespace_
        ):
            return end
        following = self.doc[sentence.end].sent
        if following[0].is_space or "\n" in following.text.rstrip():
            return end
        if (
            last.text.endswith(".")
            and not following[0].is_lower
            and following[0].pos_ not in ("PROPN", "NOUN")
        ):
            # "attacks in the U.S. | He says …": an abbreviation's period ends the sentence
            # when a pronoun or a function word opens the next ("the U.S. | Senate" may not)
            return end
        return following.end_char

    def _colon_end(self, end: int) -> int:
        """The end of content that a colon right after it goes on to spell out ("said the city
        faces three problems: traffic is worse, …"): the end of the sentence after the colon,
        on the same line and not opening a quote; else ``end``."""
        match = re.match(r"[ \t]*:[ \t]+(?=[A-Za-z])", self.text[end:])
        if match is None:
            return end
        at = end + match.end()
        token = next((t for t in self.doc if t.idx >= at), None)
        if token is None or self.in_quote(at):
            return end
        stop = token.sent.end_char
        newline = self.text.find("\n", at)
        if newline != -1:
            stop = min(stop, newline)
        while stop > at and self.text[stop - 1] in ".,;: \t":
            stop -= 1
        return stop if stop > at else end

    def _reported_clause(self, cue: Token) -> None:
        if self.in_quote(cue.idx) or cue.idx < self.headline_end:
            return
        span = self._reported_span(cue)
        if span is None:
            return
        start, end = span
        end = self._unsplit_end(cue.sent, end)
        while end > start and (
            self.text[end - 1] in CLOSING_MARKS + ".,;" or self.text[end - 1].isspace()
        ):
            end -= 1  # and a paragraph break the sentence ran into
        end = self._colon_end(end)
        if self._taken(start, end):
            return  # the quoted part is already a statement
        if self.in_quote(start):
            return  # a clause opening inside a quote: a quote the first pass did not keep
        if any(q.start < end <= q.end for q in self.work_titles):
            return  # "In his book, “Make Your Kid a Millionaire,” Roe suggested …": a title's verb
        end = self._hearsay_end(cue, start, end)
        speaker, how = self._active_speaker(cue)
        if speaker is None or (start <= speaker.start < end and not _in_aside(cue, speaker)):
            # unnamed reported speech ("critics argue …") is too vague to keep; a speaker
            # inside the clause is a parse that took the report for the cue's own sentence,
            # unless the speaker names the cue set into it ("Police, Roe says, have …")
            return
        confidence = {"name": 0.7, "pronoun": 0.6, "role": 0.55}.get(how, 0.4)
        self._add_reported(
            start, end, cue.lemma_.lower(), speaker, cue.sent, "reported", confidence
        )
        self.speakers.remember(speaker, end)

    def _hearsay_end(self, cue: Token, start: int, end: int) -> int:
        """The end of a reported clause without the ", according to Roe" that closes it: "He
        had told his mother that he was lonely, according to Roe" is his statement inside
        Roe's account of the telling (see ``_according_to``)."""
        for according in cue.sent:
            if start < according.idx < end and is_according(according):
                objects = [c for c in according.nbor().children if c.dep_ == "pobj"]
                right = objects[0].right_edge if objects else None
                if right is not None and right.idx + len(right) >= end:
                    end = according.idx
                    while end > start and self.text[end - 1] in " ,;" + CLOSING_MARKS:
                        end -= 1
                    return end
        return end

    def _object_span(self, verb: Token) -> tuple[int, int] | None:
        """The content of an object cue: its object, infinitive and content prepositions."""
        preps = OBJECT_CUES.get(verb.lemma_.lower())
        lemma = verb.lemma_.lower()
        parts: list[Token] = []
        if (lemma in NAMING_CUES and any(c.dep_ == "oprd" for c in verb.rights)) or (
            lemma == "describe" and any(c.dep_ == "dobj" for c in verb.rights)
        ):
            preps = None  # "called the plan a disgrace": its object and the name given
        elif lemma in PHRASAL_OBJECT_CUES:
            particle = PHRASAL_OBJECT_CUES[lemma]
            if not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
                return None
        elif lemma in DOUBT_CUES:
            nouns = [c for c in verb.rights if c.dep_ == "dobj"]
            if not nouns or nouns[0].lemma_.lower() not in DOUBT_CUES[lemma]:
                return None
            topics = [
                o
                for p in (*nouns[0].rights, *verb.rights)
                if p.dep_ == "prep" and p.lower_ in preps
                for o in p.children
                if o.dep_ in ("pobj", "pcomp")
            ]
            if not topics:
                return None
            preps, parts = frozenset(), [topics[0]]
        elif lemma == "tell":
            # "told [his aides to find a way]": a request, the one told and what to do
            objects = [c for c in verb.rights if c.dep_ == "dobj"]
            infinitives = [c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VB"]
            if not objects or not infinitives:
                return None
            preps = None
        elif preps is not None and not preps:
            return None  # a naming verb with no name given, "described" with no object
        if lemma in CHARACTERIZING_CUES:
            objects = [c for c in verb.rights if c.dep_ == "dobj"]
            names = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in preps]
            if not objects or not names:
                return None
            preps, parts = frozenset(), [objects[0], names[0]]
        for child in verb.rights:
            if lemma in CHARACTERIZING_CUES or lemma in DOUBT_CUES:
                break
            if child.dep_ == "prep" and child.lower_ in (preps or OBJECT_PREPS):
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if not objects or any(o.ent_type_ in ("DATE", "TIME") for o in objects):
                    continue
                parts.append(child if preps is None else objects[0])
            elif preps is None and child.dep_ in OBJECT_DEPS:
                parts.append(child)
            elif preps is None and child.dep_ == "ccomp" and child.i > verb.i:
                # "demanded [that the council resign]", "demanding Roe [step down]",
                # "questioned [whether the plan works]": a clause is content too
                parts.append(child)
            elif parts and child.dep_ == "xcomp" and child.tag_ == "VB":
                # "called on Dean [to apologize]"; an advcl, "cited X [to help explain Y]",
                # is the speaker's purpose, not what was said
                parts.append(child)
            elif parts and child.dep_ == "conj" and _coordinated_content(child):
                parts.append(child)  # "mentioned X [and forcing Y]", "spoke of X[, and how Y]"
        if not parts:
            return None
        tokens = sorted({t.i for part in parts for t in part.subtree})
        doc = verb.doc
        # "acknowledged the risk[, which makes him an outlier]": a trailing relative clause
        # after a comma is the writer's aside, not what was said
        for i in tokens:
            if doc[i].dep_ == "relcl" and doc[i].left_edge.i > tokens[0] + 1:
                edge = doc[i].left_edge.i
                if doc[edge - 1].text == "," and doc[i].right_edge.i >= tokens[-1]:
                    tokens = [t for t in tokens if t < edge - 1]
                    break
        # "dismissed X as Y[ — a metaphor for …]", "criticized X as Y[ during a stop in …]": a
        # dash or "during" hung on a noun of the content opens the writer's gloss or the
        # occasion (on a verb, "of being asleep when calls came in during …", it is content)
        # (a spaced hyphen is a dash too); a dash opening "a charge that …" is a gloss wherever
        # the parser hung it, and so is one whose words report a speech act of their own
        # ("called on Roe to act -- a move the senator said is overdue")
        tail = next(
            (
                i
                for i in tokens[2:]
                if (
                    (_is_dash(doc[i]) or doc[i].lower_ == "during")
                    and doc[i].head.pos_ in ("NOUN", "PROPN")
                )
                or (_is_dash(doc[i]) and i + 1 < len(doc) and doc[i + 1].lower_ in ("a", "an"))
                or (_is_dash(doc[i]) and any(is_cue(doc[j]) for j in tokens if j > i))
            ),
            None,
        )
        if tail is not None:
            tokens = [i for i in tokens if i < tail]
        first, last = tokens[0], tokens[-1]
        while first <= last and (doc[first].is_punct or doc[first].dep_ == "mark"):
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if last - first + 1 < MIN_OBJECT_TOKENS:
            return None
        end = _past_dangling_conjunction(doc[first], doc[last])
        if end is None:
            return None
        start, stop = doc[first].idx, end.idx + len(end.text)
        # a quote the content opens keeps its closing mark: the deal a “$25 billion mistake[.”]
        inside = [q for q in self.quotes if start <= q.start and q.end <= stop + 1]
        return start, self._through_closing_mark(start, stop, inside)

    def _active_speaker(self, verb: Token) -> tuple[Mention | None, str]:
        """The speaker of a cue; for a passive one ("Roe was told by Poe that …", "Roe was
        criticized by Poe for …") the agent, never the subject (the one spoken to or about)."""
        if not any(c.dep_ == "auxpass" for c in verb.children):
            return self.speakers.for_cue(verb)
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
        return self.speakers.for_subject(agents[0]) if agents else (None, "none")

    def _reported_object(self, verb: Token) -> None:
        if self.in_quote(verb.idx) or verb.idx < self.headline_end:
            return
        if not re.search(r"[.?!][”’\"')]*\s*$", verb.sent.text):
            return  # a headline or caption: no sentence-final mark
        span = self._object_span(verb)
        if span is None:
            return
        start, end = span
        end = self._colon_end(end)
        if self._taken(start, end):
            return
        if self.in_quote(start):
            return
        speaker, how = self._active_speaker(verb)
        if speaker is None or speaker.type != "Person":
            return  # "the agency cited privacy concerns": an institution's act, not speech
        if start <= speaker.start < end:
            return  # "a post mocking Roe": the name after the verb is its object
        confidence = {"name": 0.55, "pronoun": 0.45, "role": 0.4}.get(how, 0.3)
        rule = "reported-object"
        self._add_reported(start, end, verb.lemma_.lower(), speaker, verb.sent, rule, confidence)

    def _according_to(self, according: Token) -> None:
        sentence: Span = according.sent
        to = according.nbor()
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects or self.in_quote(according.idx):
            return
        speaker, how = self.speakers.according_source(according)
        phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree} | {according.i}
        if max(phrase) + 1 >= sentence.end and min(phrase) == sentence.start:
            # "According to Roe, the move reeks of …" with the clause parsed as an apposition
            # of the source: the phrase ends at its last comma
            commas = [i for i in phrase if i > objects[0].i and according.doc[i].text == ","]
            if commas:
                phrase = {i for i in phrase if i < max(commas)}
        rest = [t for t in sentence if t.i not in phrase]
        # "X, according to Roe, and Y" / "X, according to Roe, more than …": what is sourced
        # is the text before the phrase when it has a few words, else the text after it
        before = [t for t in rest if t.i < min(phrase)]
        after = [t for t in rest if t.i > max(phrase)]
        parts = [before if sum(not t.is_punct for t in before) >= 3 else after]
        if any(t.pos_ in ("VERB", "AUX") for t in after) and not any(
            t.pos_ in ("VERB", "AUX") for t in before
        ):
            # "Since May, according to Roe, forces have killed …": a phrase with no verb before
            # the source opens the clause sourced after it; the content is both, without it
            parts = [before, after]
        parts = [_trimmed(part) for part in parts]
        parts = [part for part in parts if part]
        if sum(len(part) for part in parts) < 3:
            return
        start, end = parts[0][0].idx, parts[-1][-1].idx + len(parts[-1][-1].text)
        text = " ".join(self.text[p[0].idx : p[-1].idx + len(p[-1].text)] for p in parts)
        if any(
            s.start < end
            and start < s.end
            # "He had told his mother that X, according to Roe": the telling's own report
            # nests inside Roe's account of it, and both stand
            and not (s.evidence.rule == "reported" and start < s.start and s.end <= end)
            for s in self.statements
        ):
            return  # a quote already credited (a scare quote inside the content is no bar)
        confidence = 0.65 if how != "none" else 0.4
        self._add_reported(
            start, end, "according to", speaker, sentence, "according-to", confidence, text
        )

    def _add_reported(
        self,
        start: int,
        end: int,
        cue: str,
        speaker: Mention | None,
        sentence: Span,
        rule: str,
        confidence: float,
        text: str | None = None,
    ) -> None:
        """Keep text[start:end] as reported speech (``text``: its words, where the span
        holds a phrase that is no part of them), with the sentence as its evidence."""
        evidence = Evidence(sentence.start_char, sentence.end_char, rule, confidence)
        self.statements.append(
            Statement(
                text=self.text[start:end] if text is None else text,
                start=start,
                end=end,
                kind="reported",
                cue=cue,
                speaker=speaker,
                evidence=evidence,
            )
        )
