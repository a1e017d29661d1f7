"""Statements and their speakers: direct, partial and reported speech.

``extract_statements(doc, mentions)`` yields one :class:`Statement` per quotation
or reported clause, in text order. The method follows the rule-based quote
attribution of news-analysis tools (the Gender Gap Tracker's quote extractor,
Pareti's attribution work): find quotation marks, find the speech verb ("cue")
beside or governing them, take the cue's subject as the speaker, and resolve a
pronoun subject to the person the document last named.

Forms handled (each has a rule name, recorded in the evidence):

* ``quote-cue-after``   "…," Homan said.  /  "…," said Homan.
* ``quote-cue-before``  Homan said: "…"   /  He added: (new paragraph) "…"
* ``quote-continued``   a quote paragraph right after an attributed one, no cue
* ``quote-after-speaker`` a quote with no cue right after a sentence whose speaker or
  subject is a person: Mr. Fry calls himself a Green. “Why would I pander?”
* ``partial-clause``    Homan said they had "made significant progress" this week.  (the
  reported clause that holds the quoted words)
* ``partial-quote``     Homan said they had "made progress" that he expected to "grow".
  (the quoted words alone, where the clause holds a report inside the report)
* ``reported``          Homan said local officials have been …   (the cue's clause)
* ``according-to``      According to Homan, …
* ``headline``          Homan: Drawdown Begins.  /  Homan Says Drawdown Begins.  /  …, Homan Says.

The quotation marks are found by :mod:`kg.extract.quote_marks`, the speech verbs are
listed in :mod:`kg.extract.cues`, the speaker of a cue is found by
:mod:`kg.extract.speakers`, and reported speech (``reported``, ``reported-object``,
``according-to``) is :mod:`kg.extract.reported_speech`, a mixin of the extractor here.

A quote whose speaker cannot be found is kept with ``speaker=None`` rather than
attributed to the wrong person; scare quotes (a few words, no cue), the Title Case
name of a book or a show ("his memoir, “A Time for Truth,”") and quotes in a headline
are not statements (a headline attributes only in the forms above). A
sentence that fails to parse sensibly costs that sentence, never the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.cues import (
    CUE_VERBS,
    cue_lemma,
    is_cue,
)
from kg.extract.entities import NOT_NAMES
from kg.extract.quote_marks import (
    CLOSING_MARKS,
    OPENING_MARKS,
    QUOTE_MARK,
    SENTENCE_END,
    QuoteSpan,
    after_closing_mark,
    find_quotes,
)
from kg.extract.records import Evidence, Mention, Statement, StatementKind
from kg.extract.reported_speech import OBJECT_CUES, ReportedSpeech, candidate_cues
from kg.extract.speakers import (
    SUBJECT_DEPS,
    SpeakerFinder,
    subject_of,
)
from kg.extract.titles import title_at

# "PENCE: Well, look, …" — a speaker label opening an interview-transcript paragraph.
TRANSCRIPT_LINE = re.compile(r"^[\"“]?((?:[A-Z][A-Za-z.'’\-]*\s){0,3}[A-Z][A-Z.'’\-]+):\s+(\S.*)$")
# Capitalised labels of live blogs and transcripts that name no speaker ("UPDATE:").
NON_SPEAKER_LABELS = frozenset(
    """update watch read more note editor's editors correction related video photos
    breaking transcript question answer crosstalk laughter applause unidentified""".split()
)
# A paragraph that links to another story or a video: "READ MORE: …", "WATCH: …".
LINK_LINE = re.compile(r"[ \t]*(?:READ MORE|WATCH|RELATED|SEE ALSO|MORE|VIDEO|PHOTOS)\s*:")
# A dash and a name closing a quote's paragraph (or before a handle or date): “…” ― Jo Roe
# (any spacing but a line break around them, a no-break space included, as pasted
# from social media)
SIGNED_NAME = r"((?:[A-Z][\w'’.\-]*[^\S\n]+){0,4}[A-Z][\w'’\-]*)[^\S\n.]*\.?[^\S\n]*(?:$|\n|\(|,)"
SIGNATURE = re.compile(r"[^\S\n]*[―—–][^\S\n]*" + SIGNED_NAME, re.MULTILINE)
# The same on the paragraph after a quote that is a paragraph of its own, where a hyphen
# serves as the dash: "“…”\n\n- Sanders." (as fact-check columns set the claims they check)
SIGNATURE_PARAGRAPH = re.compile(r"[^\S\n]*\n\s*[-―—–][^\S\n]*" + SIGNED_NAME, re.MULTILINE)
# The line that closes an open quote with the name of whoever said it, as pull-quotes set
# between paragraphs are signed: “…\nCharles Chamberlain, Democracy for America.”
SIGNATURE_LINE = re.compile(r"[^\S\n]*\n([^\n“”\"]{3,90}?)\.?[”\"][^\S\n]*(?:\n|$)")
SIGNATURE_LINE_WORDS = 10
# A social-media post pasted into an article: its text, a link, a dash and the signature of
# a name, a handle and a date ("… pic.twitter.com/x — Jo Roe (@joroe) May 2, 2018").
EMBEDDED_POST = re.compile(
    r"^\s*(?P<text>\S.*?)\s*(?:(?:https?://|pic\.twitter\.com/)[^\s―—–]*\s*)?"
    r"(?:pic\.twitter\.com/[^\s―—–]*\s*)?[―—–]\s*(?P<name>[A-Z][^()\n]{1,60}?)\s*\(@\w+\)"
    r"(?:\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
# Abbreviated titles whose full stop the tokenizer may split off ("Police Lt. Tom Roe said"):
# not the end of the sentence.
TITLE_ABBREVIATIONS = frozenset(
    """lt sgt gen col capt cpl cmdr maj adm dr mr mrs ms st rev prof sen rep gov supt insp
    det const""".split()
)
MIN_DIRECT_WORDS = 4
MIN_PARTIAL_WORDS = 3


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _label_speaker(label: str, start: int) -> Mention | None:
    """The speaker a transcript label names when the text names them nowhere else ("WALLACE:"
    opening several paragraphs of an interview): the label itself, unless it is a section
    heading ("WATCH:", "READ MORE:")."""
    words = label.lower().split()
    if len(words) > 2 or not label.isupper():
        return None
    if any(w.strip(".") in NOT_NAMES or w.strip(".") in NON_SPEAKER_LABELS for w in words):
        return None
    return Mention(label, "Person", start, start + len(label))


# Short words a title leaves in lower case: “Fox and Friends”, “Make Your Kid a Millionaire”.
TITLE_SMALL_WORDS = frozenset("a an and the of to in on for at by or with".split())


def _is_title(text: str) -> bool:
    """Title Case of a work's name, two to eight words: “The Steve Harvey Morning Show,”."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", text)
    return (
        2 <= len(words) <= 8
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        and words[0].lower() not in ("i", "we", "you")
    )


def _sentence_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence(s) covering ``start``..``end``."""
    first = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
    if first is None or len(first) == 0:
        return start, end
    return first[0].sent.start_char, first[-1].sent.end_char


def _headline_end(text: str) -> int:
    """End of the first line when it is a headline (short, no sentence-final mark)."""
    stripped = text.lstrip("\n")
    first_line = stripped.split("\n", 1)[0]
    offset = len(text) - len(stripped)
    if (
        len(first_line) < 200
        and "\n" in stripped
        and not first_line.rstrip().endswith((".", "”", '"'))
    ):
        return offset + len(first_line)
    return -1


# A headline: the first line, short, with more text after it.
HEADLINE_MAX_WORDS = 22
# "Pat Roe: Voters Are Worried" / "A lesson from Pat Roe: ‘…’": a named source, a colon, words.
HEADLINE_LABEL = re.compile(r"^(?P<source>[^:\n]{2,60}):\s+(?P<content>\S.*?)[\s.]*$")
# Headline verbs of attribution ("Roe Calls …", "Roe Rips …") beside the speech verbs.
HEADLINE_CUES = frozenset(CUE_VERBS | set(OBJECT_CUES) | {"rip", "hammer", "knock", "tout", "see"})


def _headline_cue(word: str) -> str | None:
    """The attribution lemma of an inflected headline verb in any case ("Says" -> "say",
    "Rips" -> "rip"); a bare form ("Comment") may be a noun and does not count."""
    lower = word.lower()
    if lower in ("said", "says"):
        return "say"
    stems = [lower[: -len(end)] for end in ("s", "es", "d", "ed") if lower.endswith(end)]
    if lower.endswith("ies"):
        stems.append(lower[:-3] + "y")
    return next((stem for stem in stems if stem in HEADLINE_CUES), None)


class _Extractor(ReportedSpeech):
    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        self.candidate_cues = candidate_cues(doc)
        self.quotes = find_quotes(self.text)
        # where each quote's closing mark ends (one character or a pair), found once
        self.mark_ends = {q: after_closing_mark(self.text, q) for q in self.quotes}
        self.speakers = SpeakerFinder(doc, self.text, mentions, self.quotes)
        self.headline_end = _headline_end(self.text)
        self.statements: list[Statement] = []
        self.used_cues: set[int] = set()
        # the words between the halves of a quote its cue splits, which the joined statement
        # spans but does not say: “A,” says Roe, [noting that …]. “B.”
        self.split_gaps: list[tuple[int, int]] = []
        self.work_titles = [q for q in self.quotes if self._names_a_work(q)]
        # open quotes signed on the line that closes them, and where that line ends
        self.signature_lines: dict[QuoteSpan, int] = {}

    def in_quote(self, position: int) -> bool:
        return any(q.opened_at <= position < end for q, end in self.mark_ends.items())

    def after(self, quote: QuoteSpan) -> int:
        """Just past ``quote``'s closing mark (one character or a pair)."""
        end = self.mark_ends.get(quote)
        return after_closing_mark(self.text, quote) if end is None else end

    def tokens_between(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return list(span) if span is not None else []

    # -- direct and partial quotes -------------------------------------------------

    def run(self) -> list[Statement]:
        """Two passes: the first learns who speaks where (quotes and reported speech alike),
        so that a "he said" in the second sees speakers named before it in either form."""
        first = self._run_once()
        # only reported speech carries over: a quote's own first-pass speaker, remembered at
        # its end, would otherwise answer the "she said" right after it in the second pass
        reported = {(s.end, s.speaker) for s in first if s.kind == "reported"}
        history = [entry for entry in self.speakers.history if entry in reported]
        self.statements, self.used_cues, self.split_gaps = [], set(), []
        self.speakers.history = history
        return self._run_once()

    def _run_once(self) -> list[Statement]:
        self.transcript()
        self.tweets()
        covered = [(s.evidence.sentence_start, s.end) for s in self.statements]
        previous: Statement | None = None
        for index, quote in enumerate(self.quotes):
            if any(start <= quote.opened_at < end for start, end in covered):
                continue  # a transcript paragraph, already attributed to its label
            try:
                statement = self.quote_statement(index, quote, previous)
            except (IndexError, ValueError):
                statement = None  # an odd sentence costs the sentence only
            if statement is not None:
                if previous is not None and statement.evidence.rule in _JOIN_RULES:
                    self.split_gaps.append((previous.end, statement.start))
                    statement = self._joined(previous, statement)
                    self.statements = [s for s in self.statements if s is not previous]
                self.statements.append(statement)
                self.speakers.remember(statement.speaker, quote.end)
                previous = statement
        self.reported()
        self.headline()
        self.statements = [s for s in self.statements if not self._in_link_line(s.start)]
        return sorted(self.statements, key=lambda s: (s.start, s.end))

    def _in_link_line(self, at: int) -> bool:
        """Offset ``at`` lies in a paragraph that links to another story ("READ MORE: Budget
        won't balance, minister says", "WATCH: …"): a headline of elsewhere, no statement."""
        start = self.text.rfind("\n", 0, at) + 1
        return LINK_LINE.match(self.text, start) is not None

    # -- interview transcripts ---------------------------------------------------------

    def transcript(self) -> None:
        """Paragraphs of an interview transcript ("PENCE: Well, look, …") and a paragraph
        without quote marks introduced by a cue and a colon ("He added:")."""
        offset = 0
        paragraphs = self.text.split("\n")
        introduced_by: Token | None = None
        for paragraph in paragraphs:
            stripped = paragraph.strip()
            if introduced_by is not None and stripped:
                if not any(mark in stripped[:2] for mark in OPENING_MARKS):
                    self._introduced(introduced_by, offset + paragraph.index(stripped[0]), stripped)
                introduced_by = None
            if stripped.endswith(":") and len(stripped) < 120:
                tokens = self.tokens_between(offset, offset + len(paragraph))
                cues = [t for t in tokens if is_cue(t)]
                introduced_by = cues[-1] if cues else None
            offset += len(paragraph) + 1
        offset = 0
        labels = Counter(
            m.group(1).strip() for p in paragraphs if (m := TRANSCRIPT_LINE.match(p)) is not None
        )
        for index, paragraph in enumerate(paragraphs):
            match = TRANSCRIPT_LINE.match(paragraph)
            if match:
                label = match.group(1).strip()
                speaker = self._named(label)
                if speaker is None and labels[label] > 1:
                    speaker = _label_speaker(label, offset + match.start(1))
                start, end = offset + match.start(2), offset + len(paragraph.rstrip(' \t"”'))
                end = self._turn_end(paragraphs, index, offset, end)
                if speaker is not None and end - start > 10:
                    self._add_direct(
                        start, end, None, speaker, Evidence(offset, end, "transcript", 0.8)
                    )
            offset += len(paragraph) + 1

    def tweets(self) -> None:
        """Embedded posts pasted as text: a paragraph signed with a dash, a name, a handle and
        a date ("… https://t.co/x — Jo Roe (@joroe) May 2, 2018") is the named one's statement
        (without the link)."""
        offset = 0
        for paragraph in self.text.split("\n"):
            match = EMBEDDED_POST.match(paragraph)
            if match is not None:
                start = offset + match.start("text")
                end = offset + match.end("text")
                name = offset + match.start("name"), offset + match.end("name")
                speaker = next(
                    (m for m in self.speakers.mentions if m.start <= name[0] < m.end),
                    None,
                ) or Mention(self.text[name[0] : name[1]], "Person", *name)
                if _word_count(self.text[start:end]) >= MIN_DIRECT_WORDS:
                    evidence = Evidence(offset, offset + len(paragraph), "post-signed", 0.8)
                    self._add_direct(start, end, None, speaker, evidence)
            offset += len(paragraph) + 1

    def _turn_end(self, paragraphs: list[str], index: int, offset: int, end: int) -> int:
        """The end of a quoted transcript turn: a turn that opens with a quote mark and does
        not close it runs on through the next paragraphs that reopen one without a label
        (news style for a quote over several paragraphs): "PENCE: Well, … / "But the truth …"""
        paragraph = paragraphs[index]
        if paragraph[:1] not in OPENING_MARKS or paragraph.rstrip()[-1:] in CLOSING_MARKS:
            return end
        position = offset + len(paragraph) + 1
        for following in paragraphs[index + 1 :]:
            if following.strip():
                if following[:1] not in OPENING_MARKS or TRANSCRIPT_LINE.match(following):
                    break
                if following.strip(' "“').startswith("("):
                    break  # "(CROSSTALK.)"
                end = position + len(following.rstrip(' \t"”'))
                if following.rstrip()[-1:] in CLOSING_MARKS:
                    break
            position += len(following) + 1
        return end

    def _introduced(self, cue: Token, start: int, paragraph: str) -> None:
        speaker, how = self.speakers.for_cue(cue)
        if speaker is None or _word_count(paragraph) < MIN_DIRECT_WORDS:
            return
        end = start + len(paragraph.rstrip())
        self.used_cues.add(cue.i)
        confidence = 0.7 if how == "name" else 0.6
        evidence = Evidence(start, end, "colon-paragraph", confidence)
        self._add_direct(start, end, cue.lemma_.lower(), speaker, evidence)
        self.speakers.remember(speaker, end)

    def _named(self, label: str) -> Mention | None:
        """The person a transcript label names: a person of the document whose name ends
        in it ("PENCE" -> "Mike Pence"); None for labels such as "WATCH" or "READ MORE"."""
        words = label.split()
        if not words or len(words) > 4:
            return None
        last = words[-1].lower()
        for m in reversed(self.speakers.people):
            if m.text.lower().split()[-1] == last:
                return m
        # a name the tagger missed, written in the article as "Chris Wallace"
        name = re.search(rf"\b(?:[A-Z][a-z]+\s)?{re.escape(words[-1].title())}\b", self.text)
        if name is None or label.isupper() is False:
            return None
        return Mention(name.group(0), "Person", name.start(), name.end())

    def quote_statement(
        self, index: int, quote: QuoteSpan, previous: Statement | None
    ) -> Statement | None:
        if quote.opened_at < self.headline_end:
            return None
        words = _word_count(self.text[quote.start : quote.end])
        if quote in self.work_titles:
            return None  # his autobiography, “A Time for Truth,” …
        if any(q.end <= quote.opened_at < end for q, end in self.signature_lines.items()):
            return None  # the signature line of the open quote before it
        if self._starts_clause(quote) and (signed := self._signature(quote)) is not None:
            return self._make(quote, "direct", None, signed, "quote-signed", 0.8)
        if (signed := self._signature_line(quote)) is not None:
            return self._make(quote, "direct", None, signed, "quote-signed", 0.8)
        if self._starts_clause(quote):
            cue, rule = self._unused(self._introducing_cue(quote)), "quote-cue-before"
            if cue is None:
                cue, rule = self._cue_after(index, quote), "quote-cue-after"
            if cue is None:
                cue, rule = self._unused(self._cue_before(index, quote)), "quote-cue-before"
            if cue is None and previous is not None and self._split_from(previous, quote):
                return self._make(
                    quote, "direct", previous.cue, previous.speaker, "quote-split", 0.85
                )
            if cue is None and previous is not None and self._continues(previous, quote):
                return self._make(
                    quote, "direct", previous.cue, previous.speaker, "quote-continued", 0.75
                )
            if cue is None and (source := self._according_before(quote)) is not None:
                speaker, how = self.speakers.for_subject(source)
                confidence = {"name": 0.85, "pronoun": 0.7, "role": 0.65}.get(how, 0.45)
                return self._make(
                    quote, "direct", "according to", speaker, "quote-according-to", confidence
                )
            if cue is None and (speaker := self._colon_speaker(quote)) is not None:
                return self._make(quote, "direct", None, speaker, "quote-colon", 0.6)
            if cue is None:
                if words < MIN_DIRECT_WORDS:
                    return None
                speaker = self._context_speaker(quote)
                if speaker is not None:
                    return self._make(quote, "direct", None, speaker, "quote-after-speaker", 0.55)
                if self.text[quote.start : quote.start + 1].islower() and not self.text[
                    : quote.opened_at
                ].rstrip(" \t").endswith(("\n", ":")):
                    return None  # a phrase quoted mid-sentence: “along with some complex ones.”
                return self._make(quote, "direct", None, None, "quote-no-cue", 0.4)
            self.used_cues.add(cue.i)
            speaker, how = self._quote_speaker(cue, quote)
            confidence = {"name": 0.9, "pronoun": 0.75, "role": 0.7}.get(how, 0.5)
            kind: StatementKind = (
                "direct" if words >= MIN_DIRECT_WORDS or how != "none" else "partial"
            )
            return self._make(quote, kind, cue.lemma_.lower(), speaker, rule, confidence)
        if _is_title(self.text[quote.start : quote.end]):
            return None  # a show or a book named inside a sentence: on “Fox and Friends.”
        cue = self._governing_cue(quote) or self._cue_before_that(quote)
        if cue is None:
            cue = self._cue_after(index, quote, partial=True)
            if cue is None:
                return None
        cue = self._outer_reporting_cue(cue, quote)
        speaker, how = self._quote_speaker(cue, quote)
        if speaker is None:
            # "Ryan said it's unrealistic to think that “…”", "Roe said the world lost a voice
            # that said “…”": a cue with no speaker of its own speaks under an outer one, and
            # reports in its place where the outer clause holds the quote ("Roe argued that
            # X, saying “…”" keeps "argued" for X)
            for outer in cue.ancestors:
                if is_cue(outer) and not self.in_quote(outer.idx) and outer.sent == cue.sent:
                    found, found_how = self._quote_speaker(outer, quote)
                    if found is None:
                        continue
                    speaker, how = found, found_how
                    span = self._reported_span(outer)
                    if span is not None and span[0] <= quote.start and quote.end <= span[1] + 1:
                        cue = outer
                    break
        confidence = {"name": 0.8, "pronoun": 0.7, "role": 0.65}.get(how, 0.45)
        clause = self._reported_span(cue)
        if clause is not None:
            clause = self._before_colon_quote(clause, quote)
        if clause is not None and clause[0] <= quote.start and quote.end <= clause[1] + 1:
            inside = [q for q in self.quotes if clause[0] <= q.start and q.end <= clause[1] + 1]
            counts = [_word_count(self.text[q.start : q.end]) for q in inside]
            clause_words = _word_count(self.text[clause[0] : clause[1]])
            if (
                (len(inside) == 1 and self.text[clause[0] : quote.opened_at].strip())
                or sum(counts) * 2 < clause_words
                or self._several_quotes(inside, clause[0])
            ):
                # quoted words inside reported speech: the clause is the statement, once
                # however many quotes it holds ("security" … "hostile incidents", "a big
                # problem" but "nobody talks about it", Roe is “smart as hell,” “full of
                # energy.”, that Roe “has A” and has “made B.”), as both golds annotate it;
                # scored by token overlap, the clause also matches a gold of the quote alone
                # where the quote is at least half of it. Not where the quote starts the
                # clause, nor where quotes flank a report inside the report (see
                # ``_several_quotes``).
                self.used_cues.add(cue.i)
                end = self._through_closing_mark(*clause, inside)
                if any(s.start == clause[0] and s.end == end for s in self.statements):
                    return None
                wide = QuoteSpan(clause[0], end, clause[0], False)
                return self._make(
                    wide, "partial", cue.lemma_.lower(), speaker, "partial-clause", confidence
                )
        if words < MIN_PARTIAL_WORDS:
            return None
        self.used_cues.add(cue.i)
        end = self._clause_run_on(quote)
        if end is not None:
            wide = QuoteSpan(quote.start, end, quote.opened_at, False)
            return self._make(
                wide, "partial", cue.lemma_.lower(), speaker, "partial-clause", confidence
            )
        return self._make(
            quote, "partial", cue.lemma_.lower(), speaker, "partial-quote", confidence
        )

    def _unused(self, cue: Token | None) -> Token | None:
        """A cue before a quote, unless it already closed the quote before: in “A,” Roe
        said, “B …” the second half is the first's (see ``_split_from``), not said anew."""
        return None if cue is None or cue.i in self.used_cues else cue

    def _through_closing_mark(self, start: int, end: int, inside: list[QuoteSpan]) -> int:
        """The end of a clause that holds quotes, taken past the last quote's closing mark
        when the clause holds its opening mark and only punctuation lies between (he is not
        "crazy and stupid." — not "… stupid"), so the statement's marks stay paired."""
        last = inside[-1] if inside else None
        if last is None or not last.closed or last.end < end - 1 or last.opened_at < start:
            return end
        if self.text[end : last.end].strip(".,;:!?"):
            return end
        return self.after(last)

    def _clause_run_on(self, quote: QuoteSpan) -> int | None:
        """The end of the clause a partial quote opens when the clause runs on after the
        closing mark: he believed … and “it would be sending the wrong message” to not
        charge it some share of the costs (the quote's verb has words after the quote)."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span[-1].sent != span[0].sent:
            return None
        root = span.root
        if root.pos_ not in ("VERB", "AUX") or root.left_edge.idx < quote.opened_at:
            return None
        last = root.right_edge
        while last.i > span.end and (last.is_punct or last.is_space):
            last = last.nbor(-1)
        if last.i < span.end or self.in_quote(last.idx):
            return None
        return last.idx + len(last.text)

    def _before_colon_quote(self, clause: tuple[int, int], quote: QuoteSpan) -> tuple[int, int]:
        """A reported clause ends before a colon that opens a quote after ``quote``: in "Roe
        said the deal was a “mistake” and that she has learned: “We …”" the quote after the
        colon is the speaker's own sentence, not part of the clause."""
        for later in self.quotes:
            if quote.end <= later.opened_at < clause[1]:
                before = self.text[clause[0] : later.opened_at].rstrip()
                if before.endswith(":"):
                    return clause[0], clause[0] + len(before) - 1
        return clause

    def _several_quotes(self, quotes: list[QuoteSpan], start: int) -> bool:
        """Several quotes of a clause (starting at ``start``) that opens with words of its own
        (that Roe “has A” and has “made B.”, Roe is “smart as hell,” “full of energy.”): the
        writer's clause quotes the speaker in pieces. Not quotes that are the whole clause
        (said “A” and “B”), nor quotes on both sides of a relative clause with a subject of
        its own, a report inside the report (had “made progress” that he expected to
        “grow”); a relative clause that continues the claim stays in it (engaged in
        “mischief” that shows their “disconnect”)."""
        if len(quotes) < 2 or not self.text[start : quotes[0].opened_at].strip():
            return False
        return not any(
            token.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children)
            for token in self.tokens_between(quotes[0].end, quotes[-1].opened_at)
        )

    def _quote_speaker(self, cue: Token, quote: QuoteSpan) -> tuple[Mention | None, str]:
        """The speaker of a quote's cue; for a cue in a relative clause whose subject is
        "who", the person named before it: Mayor Jo Roe, who says the deal is “a disaster”."""
        speaker, how = self.speakers.for_cue(cue, (quote.opened_at, self.after(quote)))
        if speaker is None and (named := self.speakers.antecedent(cue)) is not None:
            return named, "name"
        return speaker, how

    def _outer_reporting_cue(self, cue: Token, quote: QuoteSpan) -> Token:
        """The cue whose reported clause holds a partial quote: for "Roe said [that Poe once
        described the deal as “the gold standard”]" the quote's nearest cue ("described")
        reports no clause, the outer "said" does. A parenthetical cue of the sentence comes
        first: in "Roe said, most voters now believe “…”" the words are Roe's."""
        for token in [cue, *cue.ancestors]:
            for child in token.children:
                if (
                    child.dep_ == "parataxis"
                    and is_cue(child)
                    and not self.in_quote(child.idx)
                    and subject_of(child) is not None
                ):
                    return child
        clause = self._reported_span(cue)
        if clause is not None and clause[0] <= quote.start and quote.end <= clause[1] + 1:
            return cue
        for outer in cue.ancestors:
            if is_cue(outer) and not self.in_quote(outer.idx) and outer.sent == cue.sent:
                span = self._reported_span(outer)
                if span is not None and span[0] <= quote.start and quote.end <= span[1] + 1:
                    return outer
        return cue

    def _signature(self, quote: QuoteSpan) -> Mention | None:
        """The person a quote is signed with after a dash: “…” ― Carla Sanchez."""
        if not quote.closed:
            return None
        after = self.after(quote)
        match = SIGNATURE.match(self.text, after)
        if match is None:
            return self._signature_paragraph(quote)
        start, end = match.span(1)
        for m in self.speakers.people:
            if m.start <= start < m.end:
                return m
        return Mention(self.text[start:end], "Person", start, end)

    def _opens_its_line(self, quote: QuoteSpan) -> bool:
        """The quote's opening mark is the first thing on its line (spaces and tabs aside),
        read back to the line break only, not over the text before it."""
        line_start = self.text.rfind("\n", 0, quote.opened_at) + 1
        return line_start > 0 and not self.text[line_start : quote.opened_at].strip(" \t")

    def _signature_paragraph(self, quote: QuoteSpan) -> Mention | None:
        """The person a quote that is a paragraph of its own is signed with on the paragraph
        after it, behind a dash or a hyphen: "“…”\n\n- Sanders.", "“…”\n\n-President Obama,
        tweeting after the speech." A person the tagger found in the name, or none."""
        if not self._opens_its_line(quote):
            return None
        match = SIGNATURE_PARAGRAPH.match(self.text, self.after(quote))
        if match is None:
            return None
        start, end = match.span(1)
        person = next((m for m in self.speakers.people if start <= m.start < end), None)
        return None if person is None else self.speakers.full_name(person, person.start)

    def _signature_line(self, quote: QuoteSpan) -> Mention | None:
        """The person named on the line that closes an open quote opening its paragraph,
        with at most a title before the name and an affiliation after a comma: “…\nS.C.
        Rep. Jim Clyburn.”, “…\nJosh Bivens, Economic Policy Institute.”. Records the line,
        which a straight closing mark makes a quote of its own, so that it is no statement."""
        if quote.closed or not self._opens_its_line(quote):
            return None
        match = SIGNATURE_LINE.match(self.text, quote.end)
        if match is None or len(match.group(1).split()) > SIGNATURE_LINE_WORDS:
            return None
        start, end = match.span(1)
        if any(t.pos_ in ("VERB", "AUX") for t in self.tokens_between(start, end)):
            return None  # a line that says something: “…\nRoe, the mayor, said so.”
        # (a line typed with straight marks is a quote of its own, whose names ``people`` skips)
        for person in [m for m in self.speakers.mentions if m.type == "Person"]:
            words = self.text[start : person.start].split()
            after = self.text[person.end : end].strip()
            if (
                start <= person.start
                and person.end <= end
                and (not words or title_at(words) is not None)
                and (not after or after.startswith(","))
            ):
                self.signature_lines[quote] = match.end()
                return self.speakers.full_name(person, person.start)
        return None

    def _starts_clause(self, quote: QuoteSpan) -> bool:
        """True when the quote opens a sentence, or follows a colon or a cue and comma."""
        before = self.text[max(0, quote.opened_at - 40) : quote.opened_at]
        stripped = before.rstrip(" \t")
        if not stripped or stripped.endswith(("\n", ":", ".", "?", "!", "”", '"')):
            return True
        word = self._word_before_comma(quote)
        return word is not None and (
            is_cue(word)
            or word.pos_ in ("PROPN", "PRON", "NOUN")
            # "told the agency simply, “…”", "said again, “…”"
            or (word.pos_ == "ADV" and is_cue(word.head))
        )

    def _names_a_work(self, quote: QuoteSpan) -> bool:
        """A quote in Title Case set off after a noun names a work, not what anyone said: "his
        autobiography, “A Time for Truth,” published in 2015", "a contestant on Trump's show,
        “The Apprentice,” who …". One that ends a sentence (“Make America Great Again!”) or
        follows a cue ("said, “…”") stays a quote."""
        inner = self.text[quote.start : quote.end].rstrip(" ,")
        if not _is_title(inner) or inner.endswith((".", "?", "!")):
            return False
        word = self._word_before_comma(quote)
        return word is not None and word.pos_ in ("NOUN", "PROPN") and not is_cue(word)

    def _word_before_comma(self, quote: QuoteSpan) -> Token | None:
        """The last word before the quote's opening mark where a comma sits right before the
        mark ("his memoir, “…”", "said Roe, “…”"); None otherwise."""
        before = self.text[max(0, quote.opened_at - 40) : quote.opened_at].rstrip(" \t")
        if not before.endswith(","):
            return None
        tokens = self.tokens_between(max(0, quote.opened_at - 40), quote.opened_at)
        words = [t for t in tokens if not t.is_punct]
        return words[-1] if words else None

    def _cue_after(self, index: int, quote: QuoteSpan, partial: bool = False) -> Token | None:
        """A cue between the quote's end and the next quote or sentence end.

        For a quote inside a sentence (``partial``) the cue must close the same sentence,
        joined by a comma: ... called it “a disgrace,” Smith said. A quote that ends its
        sentence (“… in history.” She said …) leaves the next sentence's cue alone.
        """
        if partial:
            inner = self.text[quote.start : quote.end].rstrip()
            after = self.text[self.after(quote) :].lstrip(" \t")
            if inner.endswith((".", "?", "!", ";", ":")) or not (
                inner.endswith(",") or after.startswith(",")
            ):
                return None
        if self._ends_sentence(quote):
            return None
        # a scare quote in the words before the cue is no next quote ('“…,” Jo Roe, wearing
        # “Vote Lee” pins, said'): the search runs on past it
        following = index + 1
        while following < len(self.quotes) and self._scare_quote(self.quotes[following]):
            following += 1
        limit = self.quotes[following].opened_at if following < len(self.quotes) else len(self.text)
        newline = self.text.find("\n", quote.end)
        if newline != -1:
            limit = min(limit, newline)
        limit = min(limit, quote.end + 160)
        tokens = self.tokens_between(self.after(quote), limit)
        for position, token in enumerate(tokens):
            if (
                token.text in (".", "?", "!")
                and token.i > 0
                and not token.nbor(-1).is_punct
                and token.nbor(-1).lower_ not in TITLE_ABBREVIATIONS
            ):
                break
            if self.in_quote(token.idx):
                continue
            if is_cue(token) or (position <= 5 and cue_lemma(token)):
                return None if self._aside_of_later_clause(quote, token) else token
            if (
                token.lower_ == "according"
                and token.i + 1 < len(self.doc)
                and token.nbor().lower_ == "to"
            ):
                return token
        return None

    def _aside_of_later_clause(self, quote: QuoteSpan, cue: Token) -> bool:
        """After a quote that ends its sentence, a cue set off inside the next clause and
        attached to its verb (“… to the bully.” South Carolina, he said, was “where …”): it
        attributes what follows, not the quote before it."""
        ended = self.text[quote.start : quote.end].rstrip().endswith((".", "?", "!"))
        return ended and self._aside_before_its_verb(cue)

    def _scare_quote(self, quote: QuoteSpan) -> bool:
        """A closed quote too short for a direct one that ends no clause: “Vote Lee”."""
        inner = self.text[quote.start : quote.end].rstrip()
        return (
            quote.closed
            and _word_count(inner) < MIN_DIRECT_WORDS
            and not inner.endswith((".", ",", "?", "!", ":", ";"))
        )

    def _introducing_cue(self, quote: QuoteSpan) -> Token | None:
        """A cue with its subject written right before the quote's opening mark, after a
        comma or colon: Trump boasted, “That makes me smart.” (it wins over a cue after the
        quote, which belongs to the next clause)."""
        tokens = self.tokens_between(max(0, quote.opened_at - 80), quote.opened_at)
        words = [t for t in tokens if not t.is_space]
        if len(words) < 2 or words[-1].text not in (",", ":"):
            return None
        cue = words[-2]
        if not is_cue(cue) or self.in_quote(cue.idx) or subject_of(cue) is None:
            return None
        return cue

    def _ends_sentence(self, quote: QuoteSpan) -> bool:
        """A closed quote ending in a full stop and followed by a new sentence that opens with
        neither a name nor a pronoun: “… or not.” While some critics say … (that cue is not
        the quote's)."""
        if not quote.closed or not self.text[quote.start : quote.end].rstrip().endswith("."):
            return False
        following = self.tokens_between(self.after(quote), min(len(self.text), quote.end + 40))
        words = [t for t in following if not t.is_space]
        return bool(words) and words[0].is_title and words[0].pos_ not in ("PROPN", "PRON")

    def _cue_before(self, index: int, quote: QuoteSpan) -> Token | None:
        """A cue in the clause leading into the quote: "Homan said:", "he added,"."""
        floor = self.after(self.quotes[index - 1]) if index > 0 else 0
        start = max(floor, quote.opened_at - 200)
        segment = self.text[start : quote.opened_at]
        stripped = segment.rstrip()
        if not stripped.endswith((":", ",")) and not stripped.endswith(("said", "says")):
            if not (stripped.endswith(("\n",)) or segment.endswith("\n")):
                return None
        # the last sentence before the quote: after the last full stop or paragraph start
        cut = max(segment.rfind(". "), segment.rfind("\n"), segment.rfind("? "))
        if segment.endswith("\n"):
            body = segment.rstrip("\n")
            cut = max(body.rfind(". "), body.rfind("\n"))
            if not body.rstrip().endswith(":"):
                return None
        tokens = self.tokens_between(start + cut + 1 if cut >= 0 else start, quote.opened_at)
        cues = [t for t in tokens if is_cue(t) and not self.in_quote(t.idx)]
        return cues[-1] if cues else None

    def _according_before(self, quote: QuoteSpan) -> Token | None:
        """The source of "According to Roe, “…”" (or "According to Roe: “…”"): the object of
        "according to" whose phrase ends right before the comma or colon that opens the
        quote."""
        tokens = self.tokens_between(max(0, quote.opened_at - 80), quote.opened_at)
        words = [t for t in tokens if not t.is_space]
        if len(words) < 4 or words[-1].text not in (",", ":"):
            return None
        for according in words:
            if according.lower_ == "according" and according.i + 1 < len(self.doc):
                to = according.nbor()
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if to.lower_ == "to" and objects and objects[0].right_edge.i == words[-2].i:
                    return objects[0]
        return None

    def _colon_speaker(self, quote: QuoteSpan) -> Mention | None:
        """The subject of a clause with no speech verb that introduces the quote with a
        colon: "Roe took to Twitter with this: “…”" / "Roe has a new message: “…”"; where the
        colon ends a clause inside it ("Roe has apologized for what happened: “…”"), the
        clause above it. A name that labels the quote comes first (see ``_label_before``)."""
        colon = self.text.rfind(":", max(0, quote.opened_at - 3), quote.opened_at)
        if colon < 0 or self.text[colon + 1 : quote.opened_at].strip():
            return None
        span = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None or len(span) == 0 or span[0].i == 0:
            return None
        if (label := self._label_before(colon)) is not None:
            return label
        before = span[0].nbor(-1)
        verbs = [t for t in [before, *before.ancestors] if t.i < span[0].i]
        for verb in [t for t in verbs if t.pos_ in ("VERB", "AUX")][:2]:
            subject = subject_of(verb)
            if subject is None or subject.tag_ in ("WP", "WDT"):
                continue  # "what happened": the clause is another's object
            if self.in_quote(subject.idx):
                return None
            speaker, _ = self.speakers.for_subject(subject)
            return self.speakers.full_name(speaker, subject.idx)
        return None

    def _label_before(self, colon: int) -> Mention | None:
        """A name that labels the quote after a colon, alone at its line's start, after a
        dash or after the quote before it, with at most a title before it and a party after
        it: "Rep. Jo Roe (R-Ind.): “…”", "Former secretary of state Jo Roe: “…”", "POLLS MOVE
        - Jo Roe: “…”", 'Lee: “A.” Roe: “B.”'."""
        line_start = self.text.rfind("\n", 0, colon) + 1
        dash = max(self.text.rfind(f" {d} ", line_start, colon) for d in "-–—")
        start = dash + 3 if dash >= 0 else line_start
        # 'Roe: “A.” Lee: “B.”': a label right after the quote before it on the line
        closers = [q for q in self.quotes if q.closed and start <= q.end < colon]
        if closers:
            start = self.after(closers[-1])
            start += len(self.text[start:colon]) - len(self.text[start:colon].lstrip())
        label = re.sub(r"\s*\([^()]*\)\s*$", "", self.text[start:colon]).rstrip()
        for person in self.speakers.people:
            words = self.text[start : person.start].split()
            if person.end == start + len(label) and (not words or title_at(words) is not None):
                return self.speakers.full_name(person, person.start)
        return None

    def _context_speaker(self, quote: QuoteSpan) -> Mention | None:
        """The speaker of a quote with no cue of its own, from the sentence just before it (in
        its paragraph, or ending the paragraph before): that sentence's speaker, or the person
        who is its subject. "Mr. Fry calls himself a Green. “Why would I pander?”"
        """
        first = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if first is None or len(first) == 0 or first[0].sent.start == 0:
            return None
        sentence = first[0].sent
        previous = self.doc[sentence.start - 1].sent
        while previous.start > 0 and not previous.text.strip():
            previous = self.doc[previous.start - 1].sent
        gap = self.text[previous.end_char : quote.opened_at]
        # (the gap holds the quote's opening mark, and the previous sentence's closing one)
        if (
            gap.count("\n") > 2
            or QUOTE_MARK.sub("", gap).strip()
            or self.in_quote(previous.start_char)
        ):
            return None
        for token in previous:
            if is_cue(token) and not self.in_quote(token.idx):
                speaker, _ = self.speakers.for_cue(token)
                if speaker is not None:
                    return speaker
        subjects = [t for t in previous.root.children if t.dep_ in SUBJECT_DEPS]
        if subjects:
            speaker, how = self.speakers.for_subject(subjects[0])
            if speaker is not None and speaker.type == "Person":
                return speaker
            # "His determination has paid off. “…”": the person the possessive means, unless
            # the subject phrase names one ("His partner at Acme, Jo Roe, called him …")
            owners = [
                c for c in subjects[0].children if c.dep_ == "poss" and c.lower_ in ("his", "her")
            ]
            phrase = subjects[0].left_edge.idx, subjects[0].right_edge.idx + 1
            named = [m for m in self.speakers.people if phrase[0] <= m.start < phrase[1]]
            if owners and not named:
                return self.speakers.resolve_pronoun(owners[0])
        return None

    def _split_from(self, previous: Statement, quote: QuoteSpan) -> bool:
        """The second half of a quote split by its cue: “A,” Homan said. “B.” The cue's
        clause may run on about the speaker ("…,” says Jo Roe, whose comics sell well.
        “B.”) within the paragraph, up to 300 characters."""
        gap = self.text[previous.end : quote.opened_at]
        return (
            previous.kind == "direct"
            and previous.evidence.rule in ("quote-cue-after", "quote-split")
            and "\n" not in gap
            and len(gap) < 300
            and any(cue_lemma(t) for t in self.tokens_between(previous.end, quote.opened_at))
        )

    def _continues(self, previous: Statement, quote: QuoteSpan) -> bool:
        """A quote that opens the paragraph right after the previous statement's paragraph
        (news style: the speaker of a quote paragraph is the last one attributed)."""
        gap = self.text[previous.end : quote.opened_at]
        if previous.speaker is None or gap.count("\n") == 0 or gap.count("\n\n") > 1:
            return False
        paragraph_start = self.text.rfind("\n", 0, quote.opened_at) + 1
        if self.text[paragraph_start : quote.opened_at].strip():
            return False  # text before the quote in its paragraph: not a bare quote paragraph
        if "\n" not in gap.rstrip("\n") and not SENTENCE_END.search(gap.strip()):
            return True  # the rest of the attributed quote's own sentence, however long
        last_paragraph = gap.rstrip("\n").rsplit("\n", 1)[-1] if "\n" in gap.rstrip("\n") else gap
        return len(last_paragraph) < 200

    def _governing_cue(self, quote: QuoteSpan) -> Token | None:
        """The speech verb whose clause contains the quote: "said they had “made progress”"."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        if span[-1].sent != span[0].sent:
            # a quote opened mid-sentence that runs on for more sentences (said he was “very
            # pleased. This levels the field.”): the cue governs the sentence it opens in
            span = self.doc[span.start : span[0].sent.end]
        token: Token | None = span.root
        for _ in range(8):
            if token is None or token.head.i == token.i:
                break
            token = token.head
            if is_cue(token) and not self.in_quote(token.idx) and token.sent == span.root.sent:
                return token
        return None

    def _cue_before_that(self, quote: QuoteSpan) -> Token | None:
        """The cue of "Roe acknowledged Sunday that “…”" where the parser, misled by the
        quote's own clauses, hung the cue inside them: a cue with a subject, then at most
        three words of its own (when, to whom) and "that" right before the opening mark."""
        tokens = self.tokens_between(max(0, quote.opened_at - 80), quote.opened_at)
        words = [t for t in tokens if not t.is_space]
        if len(words) < 2 or words[-1].lower_ != "that":
            return None
        for word in reversed(words[-5:-1]):
            if is_cue(word):
                inside = all(word.is_ancestor(t) for t in words[words.index(word) + 1 : -1])
                if inside and not self.in_quote(word.idx) and subject_of(word) is not None:
                    return word
                return None
            if word.is_punct:
                return None
        return None

    def _joined(self, first: Statement, rest: Statement) -> Statement:
        """One statement of a quote its cue interrupts: “A,” she said. “B.” -> "A B"."""
        return replace(
            first,
            text=f"{first.text} {rest.text}",
            end=rest.end,
            evidence=replace(
                first.evidence,
                sentence_end=max(first.evidence.sentence_end, rest.evidence.sentence_end),
            ),
        )

    def _make(
        self,
        quote: QuoteSpan,
        kind: StatementKind,
        cue: str | None,
        speaker: Mention | None,
        rule: str,
        confidence: float,
    ) -> Statement:
        start, end = _sentence_span(self.doc, quote.opened_at, quote.end)
        text = self.text[quote.start : quote.end].rstrip()  # no paragraph break at the end
        return Statement(
            text=text,
            start=quote.start,
            end=quote.start + len(text),
            kind=kind,
            cue=cue,
            speaker=speaker,
            evidence=Evidence(start, end, rule, confidence),
        )

    # -- headlines -----------------------------------------------------------------

    def headline(self) -> None:
        """A headline that attributes: "Pat Roe: Taxes Will Rise." (a named source and a
        colon), "Roe Says Taxes Will Rise." / "Taxes Will Rise, Roe Says." / "Roe Calls Plan
        ‘A Disgrace.’" (a person right before an attribution verb). The headline's words
        after the verb (or before ", Roe says") are the statement; other statements found
        inside the headline give way to it."""
        stripped = self.text.lstrip()
        start = len(self.text) - len(stripped)
        line = stripped.split("\n", 1)[0].rstrip()
        end = start + len(line)
        if not line or "\n" not in stripped or _word_count(line) > HEADLINE_MAX_WORDS:
            return
        if any(start <= s.start < end and s.kind == "direct" for s in self.statements):
            return  # a lead sentence with a quote of its own: "Roe said: “…”"
        found = self._headline_label(start, line) or self._headline_verb(start, end)
        if found is None:
            return
        first, last, speaker, cue = found
        while last > first and self.text[last - 1] in " .;":
            last -= 1
        sentence = self.doc.char_span(start, end, alignment_mode="expand")
        if _word_count(self.text[first:last]) < 2 or sentence is None:
            return
        self.statements = [s for s in self.statements if not (start <= s.start < end)]
        self._add_reported(first, last, cue, speaker, sentence, "headline", 0.6)

    def _headline_label(self, start: int, line: str) -> tuple[int, int, Mention, str] | None:
        """ "Pat Roe: …", "A lesson from Pat Roe: …", "Roe on Taxes: …": a person named before
        a colon (and before "on" a topic) with no verb before it (not "Roe’s …", not "Pat Roe
        said: …")."""
        label = HEADLINE_LABEL.match(line)
        if label is None or _word_count(label.group("source")) > 5:
            return None
        source_end = start + label.end("source")
        if any(t.pos_ in ("VERB", "AUX") for t in self.tokens_between(start, source_end)):
            return None
        named = [
            m
            for m in self.speakers.people
            if start <= m.start
            and m.end <= source_end
            and not self.text.startswith(("'s", "’s"), m.end)
        ]
        words = label.group("source").split()
        if "on" in words[1:]:
            # "Roe on Taxes: …": the source is the name before "on", the topic after it
            words = words[: words.index("on", 1)]
            named = [m for m in named if m.start < start + len(" ".join(words))]
        if not named and len(words) <= 3 and all(w[:1].isupper() for w in words):
            named = [m for m in [self._named_later(words[-1], source_end)] if m is not None]
            if not named and len(words) == 1:
                # "Roe on Taxes: …" about a person the article only calls "Mr. Roe"
                named = [
                    m
                    for m in self.speakers.people
                    if m.start > source_end and m.text.split()[-1] == words[0]
                ][:1]
        if not named:
            return None
        return start + label.start("content"), start + label.end("content"), named[0], "say"

    def _headline_verb(self, start: int, end: int) -> tuple[int, int, Mention, str] | None:
        """ "Roe Says …" / "Roe Calls …": a person right before an inflected attribution verb;
        "…, Roe Says." at the end takes the words before the comma."""
        people = [m for m in self.speakers.people if start <= m.start and m.end <= end]
        for token in self.tokens_between(start, end):
            cue = _headline_cue(token.text)
            if cue is None or token.i == 0:
                continue
            speaker = next((m for m in people if m.end == token.idx - 1), None)
            name_start = speaker.start if speaker is not None else token.idx
            if speaker is None and token.nbor(-1).text[:1].isupper():
                # a title-case headline the tagger read as one name: the surname of a person
                # the article names in full
                speaker = self._named_later(token.nbor(-1).text, end)
                name = token.nbor(-1)
                while name.i > 0 and name.nbor(-1).text[:1].isupper():
                    name = name.nbor(-1)
                name_start = name.idx
            if speaker is None:
                continue
            rest = self.text[token.idx + len(token.text) : end]
            if not rest.strip(" .’'\"”") and self.text[name_start - 2 : name_start] == ", ":
                return start, name_start - 2, speaker, cue
            if _word_count(rest) and rest.lstrip()[:1] not in ":,;":
                return end - len(rest.lstrip()), end, speaker, cue
            return None
        return None

    def _named_later(self, surname: str, after: int) -> Mention | None:
        """The first person named in full after offset ``after`` whose surname is ``surname``."""
        for m in self.speakers.people:
            if m.start > after and m.text.split()[-1] == surname != m.text:
                return m
        return None

    def _add_direct(
        self, start: int, end: int, cue: str | None, speaker: Mention, evidence: Evidence
    ) -> None:
        """Keep text[start:end] as a whole quoted paragraph of ``speaker`` (a transcript
        turn, a signed post, a paragraph introduced by a colon)."""
        self.statements.append(
            Statement(
                text=self.text[start:end],
                start=start,
                end=end,
                kind="direct",
                cue=cue,
                speaker=speaker,
                evidence=evidence,
            )
        )


# A quote its cue interrupts is one statement (one speech act, one cue): “A,” she said.
# “B.” -> "A B". A quote paragraph that continues one (quote-continued) stays its own.
_JOIN_RULES = ("quote-split",)


def extract_statements(doc: Doc, mentions: list[Mention]) -> list[Statement]:
    """Direct, partial and reported statements of ``doc`` with their speakers, in text order.

    For “We will rebuild the bridge,” Jane Roe said.

    >>> [(s.kind, s.speaker.text, s.text) for s in extract_statements(doc, mentions)]
    [('direct', 'Jane Roe', 'We will rebuild the bridge,')]
    """
    return _Extractor(doc, mentions).run()
