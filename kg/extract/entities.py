"""Entity mentions from a parsed Doc, with the small model's label errors corrected.

``extract_mentions(doc)`` returns one :class:`Mention` per named entity of the
four kg types. Corrections (each generalises beyond any one article):

* spaCy labels -> kg types: PERSON -> Person, ORG -> Organization,
  GPE/LOC/FAC -> Place, OPERATION (our entity ruler) -> Operation.
* a "PERSON" whose head word names an institution ("Border Patrol",
  "Treasury Department") is an Organization;
* a possessive "'s" and a leading "the" are trimmed from the surface form;
* one surface form gets one type per document: the majority of its mentions,
  where a lone surname also votes with the full names it is part of
  ("Walz" tagged ORG once and PERSON five times is a Person);
* an "ORG" shown to be a person (a middle initial, an age, a person-title apposition)
  is a Person, and one run on over "of" and an organization is the two ("Jo Roe of Acme
  Watch, who …"); a school tagged as a building (FAC) is an Organization; an
  organization name cut at a linking word, before ", X and Y", after "X, Y and" ("the
  Meteorology, Climatology and Geophysics Agency") or at an unclosed bracket is made
  whole; a lone title word before "of" is no name, nor the last word of
  a title written with "of" ("Secretary of State"); "Washington, D.C." is one place;
* a "PERSON" of several words that the document also writes in lower case or after
  "a"/"an" is a capitalised common phrase ("a Standing Order"), no name;
* untagged people: a word with an age and a title apposition, a later lone surname of
  a full name; a full name in running text is no headline run-on of a shorter name.
* untagged organizations: an all-caps acronym standing as a name ("The ACWU will …"); a
  "PERSON" an apposition calls an organization ("Merton Wells, a non-profit agency").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from kg.extract.records import EntityType, Mention
from kg.extract.titles import ABBREVIATIONS, OF_TITLES_LENGTH, ROLE_TITLES, fold_word, title_at

SPACY_TO_KG: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "OPERATION": "Operation",
}
# Head words that make a name an institution whatever the tagger said.
INSTITUTION_WORDS = frozenset(
    """agency administration army association authority bank board bureau cabinet center centre
    church club college commission committee company congress corporation council court
    department directorate enforcement force forces foundation government group guard institute
    league legislature ministry navy network office organization organisation parliament party
    patrol police senate service services society team tribunal union university""".split()
)
# Institution words that also end place names ("the Soviet Union", "the West Bank").
PLACE_LIKE_INSTITUTIONS = frozenset({"union", "bank"})
# Titles only a person holds, heading an "ORG" that is a titled name ("Senator Ana Ruiz").
PERSON_ONLY_TITLES = frozenset(
    """spokesman spokeswoman spokesperson senator professor admiral sheriff detective
    sergeant colonel lieutenant""".split()
)
# Capitalised common nouns that describe a person in front of the name ("Actress Jane Roe",
# "Moderator Jo Lund"): no part of the name, and no title that gives a role.
PERSON_DESCRIPTORS = frozenset(
    """activist actor actress author billionaire blogger businessman businesswoman columnist
    comedian commentator economist entrepreneur filmmaker historian investor journalist
    moderator mogul musician novelist philanthropist photographer pollster pundit rapper
    singer songwriter strategist tycoon writer""".split()
)
# Head words of schools and like institutions the tagger may take for buildings.
TEACHING_WORDS = frozenset("conservatory conservatoire academy school seminary".split())
BODY_WORDS = INSTITUTION_WORDS | TEACHING_WORDS  # last words of an institution's name
PLACE_WORDS = frozenset("city county state province river street avenue border region".split())
# Last words of multi-word place names the small model leaves untagged or takes for a title
# ("the Twin Cities", "the Outer Banks", "the Blue Mountains").
REGION_WORDS = frozenset(
    """cities county valley coast islands heights mountains hills peninsula plains basin
    banks lakes highlands lowlands""".split()
)
# Capitalised words the small model mistakes for names at the start of a sentence or line.
NOT_NAMES = frozenset(
    """background breaking update updated watch read photo video editor advertisement
    plane related share comments subscribe""".split()
)
# Titles that an organization can hold too ("Acme, a member of the group").
ORG_CAPABLE_TITLES = frozenset(
    """member owner publisher producer partner leader host founder co-founder cofounder
    employee worker delegate trustee player organizer organiser head chief""".split()
)
# Head nouns of an apposition that only an organization takes ("X, a non-profit agency").
ORG_APPOSITION_NOUNS = frozenset(
    """agency charity company firm nonprofit non-profit organization organisation corporation
    startup conglomerate subsidiary""".split()
)
# Social networks and messaging services, which the small model tags as people ("said on
# Twitter"): names of services, the same in any news.
SERVICES = frozenset(
    """twitter facebook instagram youtube snapchat tiktok reddit linkedin whatsapp telegram
    tumblr periscope weibo wechat""".split()
)
# Speech verbs that open an inverted attribution before a name: "Said Comey, “…”".
SPEECH_OPENERS = frozenset("said says added adds asked asks told tells wrote writes".split())
# Verbs whose subject is a person: a lone untagged name before them is a Person.
PERSON_VERBS = frozenset({"say", "tell", "teach", "add", "die", "marry"})
# All-caps words that are no organization: titles, diseases, measures, time zones.
NOT_ORG_ACRONYMS = frozenset(
    """ceo cfo coo cto potus flotus scotus gdp ptsd covid aids hiv dna rna lgbt lgbtq nft atm suv
    faq pdf url gmt est edt pst pdt utc usa usd eur ppv mvp rip lol omg""".split()
)
# Acronyms that are common nouns, a kind of organization rather than the name of one
# ("a super PAC", "the PAC's chairman"): each article's is another.
COMMON_ORG_NOUNS = frozenset({"pac", "pacs"})
# Endings of a plural that names a people or a party's members ("Floridians", "Texans",
# "New Yorkers", "Democrats"), not a first name ending in s ("Ines", "James").
PEOPLE_ENDINGS = ("ans", "ers", "ites", "ats")
_ACRONYM = re.compile(r"[A-Z]{3,}")
_ROMAN = re.compile(r"[IVXLC]+")  # "Elliott III": a generation, not a name
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LOWERCASE_PART = re.compile(r"-[a-z]")


def clean_surface(text: str) -> str:
    """Trim a possessive, a leading "the", stray spaces: "the White House's" -> "White House"."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip()
    text = _LEADING_THE.sub("", text)
    return text.strip(" ,;:-–—\"'“”‘’()[]")  # a final "." stays: "U.S.", "Corp."


def _kg_type(span: Span) -> EntityType | None:
    kg_type = SPACY_TO_KG.get(span.label_)
    if kg_type is None:
        return None
    words = [t.lower_ for t in span if not t.is_punct]
    if not words:
        return None
    if kg_type == "Person" and (words[-1] in INSTITUTION_WORDS or words[0] in INSTITUTION_WORDS):
        return "Organization"
    if kg_type != "Organization" and len(words) == 1 and words[0] in SERVICES:
        return "Organization"  # "posted on Twitter": a service, not a person
    if kg_type == "Person" and words[-1] in PLACE_WORDS:
        return "Place"
    if span.label_ == "FAC" and words[-1] in BODY_WORDS:
        return "Organization"  # "the Santa Lucia Conservatory": a school, not a building
    body = words[-1] in INSTITUTION_WORDS and words[-1] not in PLACE_LIKE_INSTITUTIONS
    if kg_type == "Place" and len(words) > 1 and body:
        return "Organization"  # "the Dale County Council": a body named after its place
    if kg_type == "Organization" and words[-1] not in INSTITUTION_WORDS and _reads_as_person(span):
        return "Person"
    if kg_type == "Organization" and _heads_a_name(span, PERSON_ONLY_TITLES):
        return "Person"  # "Spokeswoman Haley Morris": a person's title heads a name
    if kg_type == "Place" and _aged(span):
        return "Person"  # "Hale, 54, is …": a place has no age
    if kg_type == "Organization" and words[-1] not in INSTITUTION_WORDS and _who_follows(span):
        return "Person"  # "Hale, who headed the agency, …": an organization is "which"
    return kg_type


def _who_follows(span: Span) -> bool:
    doc = span.doc
    j = span.end
    return j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who"


def _aged(span: Span) -> bool:
    """A name followed by an age between commas ("Hale, 54,")."""
    doc = span.doc
    j = span.end
    if j + 2 >= len(doc) or doc[j].text != ",":
        return False
    age = doc[j + 1].text
    return age.isdigit() and 18 <= int(age) <= 110 and doc[j + 2].text == ","


def _reads_as_person(span: Span) -> bool:
    """An "ORG" that the sentence shows to be a person: a name with a middle initial
    ("Anna K. Lindqvist"), or one followed by an age ("Roe, 47,") or by an apposition headed
    by a title that only people hold ("Okafor, a professor of chemistry")."""
    texts = [t.text for t in span]
    if (
        len(texts) == 3
        and texts[0].istitle()
        and texts[2].istitle()
        and len(texts[1]) == 2
        and texts[1][0].isupper()
        and texts[1][1] == "."
    ):
        return True
    doc = span.doc
    j = span.end
    if j + 1 >= len(doc) or doc[j].text != ",":
        return False
    nxt = doc[j + 1]
    if nxt.like_num and nxt.text.isdigit() and 18 <= int(nxt.text) <= 110:
        return j + 2 < len(doc) and doc[j + 2].text == ","
    return any(
        c.dep_ == "appos"
        and c.i > span.end
        and c.lower_ in ROLE_TITLES
        and c.lower_ not in ORG_CAPABLE_TITLES
        for c in span.root.children
    )


def _is_plausible_name(text: str, kg_type: EntityType) -> bool:
    if not text or not any(c.isalpha() for c in text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    words = text.split()
    if words[0].replace(",", "").isdigit() and (len(words) == 1 or not words[1][0].isupper()):
        return False  # "700 immigration enforcement": a count, not a name
    if kg_type == "Person" and text.lower() in NOT_NAMES:
        return False
    if kg_type == "Organization" and text.lower().removeprefix("super ") in COMMON_ORG_NOUNS:
        return False  # "the super PAC said": one of many, no name
    return True


def extract_mentions(doc: Doc) -> list[Mention]:
    """Named entities of the kg types in ``doc``, with one type per surface form.

    >>> [m.text for m in extract_mentions(nlp("Border Patrol agents met Gov. Tim Walz."))]
    ['Border Patrol', 'Tim Walz']
    """
    raw: list[Mention] = []
    described_orgs: set[str] = set()  # names an apposition calls an organization
    covered = -1  # the end of the last organization name repaired to run on
    for span in doc.ents:
        if span.start < covered:
            continue  # part of an organization name the model had cut
        if span.label_ == "ORG":
            tagged_at = span.start_char
            span = _cut_title_abbreviation(_cut_at_verb(_whole_organization(span)))
            span = _described_person(_with_its_unit(span))
            covered = span.end
            if span.start_char < tagged_at:
                # the parts of a listed name the model had tagged apart ("Health, Education")
                raw = [m for m in raw if m.end <= span.start_char]
        elif span.label_ == "PERSON":
            span = _cut_at_headline_verb(_cut_outer_words(_cut_at_of(span)))
        elif span.label_ == "GPE" and _followed_by_district(span):
            span = Span(doc, span.start, span.end + 2, label="GPE")  # "Washington, D.C."
            covered = span.end
        kg_type = _kg_type(span)
        if kg_type is None:
            continue
        employer: list[Mention] = []
        if (
            kg_type == "Person"
            and span.label_ == "ORG"
            and (person := _cut_at_of(span)) != span
            and _reads_as_a_name(person)
        ):
            # "said Meenakshi Ganguly of Human Rights Watch, who …": a person of an organization
            # the model tagged as one organization; each is named apart
            employer = _organization_after_of(doc, person.end + 1, span.end)
            span = person
        text = clean_surface(span.text)
        if not _is_plausible_name(text, kg_type):
            continue
        if kg_type == "Person" and _is_title_of(span):
            continue
        if _completes_title(span):
            continue
        if kg_type == "Person" and _common_phrase(span):
            continue
        raw.append(_mention(span, text, kg_type))
        raw += employer
        if kg_type == "Person" and _described_as_organization(span):
            described_orgs.add(text)
    raw += _untagged_people(doc)
    raw += _untagged_full_names(doc, raw)
    raw += _untagged_surnames(doc, raw)
    raw += _untagged_regions(doc)
    raw += _untagged_acronyms(doc)
    voted = vote_types(trim_run_on_names(raw, doc.text))
    return [
        Mention(m.text, "Organization", m.start, m.end) if m.text in described_orgs else m
        for m in voted
    ]


def _mention(span: Span, text: str, kg_type: EntityType) -> Mention:
    """The mention of ``span`` by its cleaned surface ``text`` (see :func:`clean_surface`)."""
    start = span.start_char + max(span.text.find(text), 0)
    return Mention(text, kg_type, start, start + len(text))


def _reads_as_a_name(span: Span) -> bool:
    """Capitalised words only ("Meenakshi Ganguly", "Jo P. Roe"; not "the House" of "the
    House of Commons"). :func:`_cut_at_of` already left out names with an institution's
    word."""
    return all(t.text[:1].isupper() for t in span)


def _organization_after_of(doc: Doc, start: int, end: int) -> list[Mention]:
    """The organization named by words ``start``..``end`` after a person's "of" ("the"
    left out), if they read as a name."""
    if start < end and doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return []
    span = doc[start:end]
    text = clean_surface(span.text)
    if not _is_plausible_name(text, "Organization") or not doc[start].text[:1].isupper():
        return []
    return [_mention(span, text, "Organization")]


def _described_as_organization(span: Span) -> bool:
    """A "PERSON" that an apposition calls an organization is one, in every mention of the
    document: "Merton Wells, a non-profit agency, …" (a charity named like a person). The
    apposition opens right after the name's comma ("Roe of the Acme Group, a company" and
    "Roe, the founder of Acme, a company" are persons)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    return any(
        c.dep_ == "appos" and c.left_edge.i == span.end + 1 and c.lower_ in ORG_APPOSITION_NOUNS
        for c in span.root.children
    )


def _followed_by_district(span: Span) -> bool:
    """ "Washington, D.C.": the district is part of the city's name, not a second place."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].text.replace(".", "").upper() == "DC"
    )


# Words that link the parts of an organization name ("Board of Trade and Industry").
_NAME_LINKS = frozenset({"of", "for", "and", "the", "&", "on", "de"})


def _whole_organization(span: Span) -> Span:
    """An organization name the model cut short, made whole: one that ends in a linking
    word runs on over the capitalised words after it ("the Board of Trade and" +
    "Industry"); "the Institute of Physics" runs on over ", Chemistry and Biology"; an
    unclosed bracket is cut off ("the Signals Office (SO" -> "Signals Office"); an ordinal
    before it is part of it ("the 2nd Infantry Division")."""
    doc = span.doc
    end = span.end
    if span[-1].lower_ in _NAME_LINKS:
        while end < len(doc) and (
            doc[end].text[:1].isupper() or (doc[end].lower_ in _NAME_LINKS and end > span.end)
        ):
            end += 1
        while end > span.end and doc[end - 1].lower_ in _NAME_LINKS:
            end -= 1
    elif (
        any(t.lower_ == "of" for t in span)
        and end + 3 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.istitle()
        and doc[end + 2].lower_ == "and"
        and doc[end + 3].text.istitle()
        and not any(doc[end + k].ent_type_ in ("PERSON", "GPE") for k in (1, 3))
    ):
        end += 4
        end = _run_over_capitalised(doc, end)  # "…, County and Municipal" + "Employees"
    elif (
        span[-1].lower_ in INSTITUTION_WORDS
        and end + 1 < len(doc)
        and doc[end].lower_ in ("for", "on")
        and doc[end].ent_type_ != "ORG"
    ):
        # "the Carnegie Foundation" + "for the Advancement of Teaching", "the Council" + "on
        # Foreign Relations": a body's purpose after it, capitalised, is part of its name
        start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        if start < len(doc) and _capitalised_name_word(doc[start]):
            purpose_end = _run_over_capitalised(doc, start)
            while purpose_end > start and doc[purpose_end - 1].lower_ in _NAME_LINKS:
                purpose_end -= 1
            end = max(end, purpose_end) if purpose_end > start else end
    brackets = [t.i for t in doc[span.start : end] if t.text == "("]
    if brackets and not any(t.text == ")" for t in doc[brackets[-1] : end]):
        end = brackets[-1] if brackets[-1] > span.start else end
    start = span.start
    ordinal = doc[start - 1] if start > 1 else None
    if ordinal and ordinal.ent_type_ == "ORDINAL" and ordinal.text[:1].isdigit() and (
        doc[start - 2].lower_ == "the"
    ):
        start -= 1  # "the" + "2nd" + "U.S. Circuit Court of Appeals": the number names the unit
    start = _listed_name_start(span, _untagged_name_start(span, start))
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _untagged_name_start(span: Span, start: int) -> int:
    """Where an institution's name starts when the model left its first capitalised words
    untagged: "the" + "U.S. Strategic" + "Defense Initiative Office" is one name. Only
    after "the", and only words no entity holds, at most three."""
    doc = span.doc
    if span[-1].lower_ not in INSTITUTION_WORDS:
        return start
    j = start
    while (
        j > 1
        and start - j < 3
        and doc[j - 1].ent_type_ == ""
        and doc[j - 1].text[:1].isupper()
        and any(c.isalpha() for c in doc[j - 1].text)
        and not _LOWERCASE_PART.search(doc[j - 1].text)  # "the D.C.-based" + "Acme Institute"
        and not doc[j - 1].is_sent_start
        and fold_word(doc[j - 1].text) not in ROLE_TITLES
    ):
        j -= 1
    return j if j < start and doc[j - 1].lower_ == "the" else start


def _listed_name_start(span: Span, start: int) -> int:
    """Where an institution's name starts when it opens with a list the model cut at a
    comma: "the" + "Meteorology, Climatology and Geophysics Agency", "the" + "Health,
    Education, Labor and Pensions Committee". Only capitalised words, commas and "and",
    at most eight, between "the" and the name, over a comma and with an "and" in the
    list; no person, place, nationality or body among them ("the Bronx, Queens and" +
    "Brooklyn Council", "the Army, Navy and" + "Air Force" stay as they are)."""
    doc = span.doc
    if span[-1].lower_ not in BODY_WORDS or doc[start].lower_ == "the":
        return start  # "the United Nations, and" + "the Security Council"
    j = start
    comma = False
    listed_and = any(t.lower_ == "and" for t in doc[start : span.end])
    while j > 1 and start - j < 8:
        token = doc[j - 1]
        if token.text == ",":
            comma = True
        elif token.lower_ == "and":
            listed_and = True
        elif not (
            token.text.istitle()
            and token.is_alpha
            and not token.is_sent_start
            and token.ent_type_ in ("", "ORG")
            and token.lower_ not in BODY_WORDS
        ):
            break  # "the Army, Navy and" + "Air Force" are three bodies
        j -= 1
    if j == start or not (comma and listed_and) or doc[j - 1].lower_ != "the":
        return start
    return j if doc[j].text.istitle() else start


# Lowercase nouns for a unit of a legislature named after it ("the House Appropriations
# treasury and postal subcommittee", "the Montgomery County House delegation").
UNIT_NOUNS = frozenset({"subcommittee", "committee", "delegation", "caucus"})
LEGISLATURE_WORDS = frozenset(
    {"house", "senate", "assembly", "congress", "legislature", "parliament", "council"}
)


def _with_its_unit(span: Span) -> Span:
    """A legislature's name of two words or more followed, within four lowercase words, by
    a unit of it ("Montgomery County House" + "delegation", "House Foreign Affairs" +
    "subcommittee") is the unit's name; "the Senate committee" names no committee."""
    doc = span.doc
    words = [t.lower_ for t in span if not t.is_punct]
    possessed = any(_POSSESSIVE.fullmatch(t.text) for t in span)
    if len(words) < 2 or not LEGISLATURE_WORDS & set(words) or possessed:
        return span  # "Acme Corp's audit committee"
    end = span.end
    while end < len(doc) and end - span.end < 5:
        token = doc[end]
        if not token.text.isalpha() or not token.text.islower():
            break
        if token.lower_ in UNIT_NOUNS:
            return Span(doc, span.start, end + 1, label=span.label_)
        if token.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"):
            break
        end += 1
    return span


def _capitalised_name_word(token: Token) -> bool:
    """A word that can go on an organization's name: capitalised, not a person or place."""
    return token.text[:1].isupper() and token.ent_type_ not in ("PERSON", "GPE", "DATE")


def _run_over_capitalised(doc: Doc, end: int) -> int:
    """The end of a name that runs on from ``end`` over capitalised words and the linking
    words between them ("Advancement of Teaching")."""
    while end < len(doc) and (
        _capitalised_name_word(doc[end])
        or (
            doc[end].lower_ in ("of", "and", "&")
            and end + 1 < len(doc)
            and _capitalised_name_word(doc[end + 1])
        )
    ):
        end += 1
    return end


def _cut_at_of(span: Span) -> Span:
    """A person's name the model ran on over "of" and an organization ends before it:
    "Travis Kalanick of Uber" -> "Travis Kalanick" (a one-word name before "of" stays whole,
    "Joan of Arc"; a name with an institution's word in it is an organization's, "John F.
    Kennedy School of Government")."""
    if any(t.lower_ in BODY_WORDS for t in span):
        return span
    for token in span[2:]:
        if token.lower_ == "of":
            return Span(span.doc, span.start, token.i, label=span.label_)
    return span


def _verb_or_modal(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _not_a_name_word(token: Token) -> bool:
    """A capitalised word the tagger reads as a verb, adverb or modal: no word of a name
    ("Entrusting", "Certainly", "Will" of a headline). A noun may be a first name the small
    tagger got wrong at a sentence's start ("Malcolm"), so it never counts."""
    return _verb_or_modal(token) or token.tag_.startswith("RB")


def _cut_outer_words(span: Span) -> Span:
    """A person's name the model ran on over words in front or behind ends at the name:
    "Billionaire Jo Lund", "Follow Jo Lund", "Certainly Jo Lund", "Jo Lund 2" -> "Jo Lund".
    A word in front goes when it is a verb, adverb or modal to the tagger, a noun that
    describes a person or a people ("Floridians"); a number or function word behind goes.
    Two words stay at least, but for a speech verb in front ("Said Comey")."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 2 and (
        doc[start].lower_ in PERSON_DESCRIPTORS
        or (_not_a_name_word(doc[start]) and doc[start].text.istitle())
        or _a_people(doc[start])  # "Floridians Jo Lund"
    ):
        start += 1
    if end - start > 1 and doc[start].lower_ in SPEECH_OPENERS and doc[start].text.istitle():
        start += 1  # "Said Comey, “…”": the verb that opens an inverted attribution
    while end - start > 2 and doc[end - 1].tag_ in ("CD", "DT", "CC"):
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _a_people(token: Token) -> bool:
    """A plural proper noun that names a people or a party's members ("Floridians",
    "Texans", "Republicans", "New Yorkers"), not a first name that ends in "s" and that the
    tagger took for a plural ("Ines", "James")."""
    word = token.lower_
    return token.tag_ == "NNPS" and len(word) >= 6 and word.endswith(PEOPLE_ENDINGS)


def _described_person(span: Span) -> Span:
    """ "Actress Jane Roe" tagged as an organization: a noun that describes a person heads a
    name of two or three capitalised words; it is that person's name."""
    if _heads_a_name(span, PERSON_DESCRIPTORS):
        return Span(span.doc, span.start + 1, span.end, label="PERSON")
    return span


def _heads_a_name(span: Span, heads: frozenset[str]) -> bool:
    """One of ``heads`` opens ``span`` before a name of two or three capitalised words that
    ends in no institution's word ("Spokeswoman Haley Morris", "Actress Jane Roe")."""
    words = [t for t in span if not t.is_punct]
    return (
        bool(words)
        and words[0].lower_ in heads
        and 3 <= len(words) <= 4
        and words[-1].lower_ not in BODY_WORDS
        and all(t.is_title for t in words)
    )


def _cut_at_headline_verb(span: Span) -> Span:
    """A name the model ran on over a headline's verb ends before it: "Marco Rubio Responds
    To Question" -> "Marco Rubio" (a word the tagger reads as a verb or modal, on a
    Title-Case line; in running text the tagger's verb inside a name is its own error). One
    that opens with a verb the parse gives an infinitive's "To" starts after it: "Votes To
    Condemn Donald Trump's Muslim Ban" -> "Donald Trump's Muslim Ban"."""
    if not _in_title_case_line(span.doc.text, span.start_char):
        return span
    if len(span) > 1 and any(c.dep_ == "aux" and c.lower_ == "to" for c in span[0].children):
        span = Span(span.doc, span.start + 1, span.end, label=span.label_)
    for token in span[1:]:
        if _verb_or_modal(token):
            return Span(span.doc, span.start, token.i, label=span.label_)
    return span


def _cut_at_verb(span: Span) -> Span:
    """An organization name the model ran on over a clause's verb ends before it:
    "Roe of Acme, Lund said Popeyes …" -> "Acme, Lund" (a lowercase verb is in no name)."""
    for token in span[1:]:
        if token.pos_ == "VERB" and token.text.islower():
            return Span(span.doc, span.start, token.i, label=span.label_)
    return span


def _cut_title_abbreviation(span: Span) -> Span:
    """An organization name the model ran on over a title abbreviation ends before it:
    "Fire Department Capt" (of "Fire Department Capt. Jane Roe") -> "Fire Department"."""
    doc = span.doc
    last = span[-1]
    if (
        len(span) > 1
        and last.i + 1 < len(doc)
        and doc[last.i + 1].text == "."
        and not last.whitespace_
        and ABBREVIATIONS.get(last.lower_ + ".")
    ):
        return Span(doc, span.start, span.end - 1, label=span.label_)
    return span


def _is_title_of(span: Span) -> bool:
    """ "served as Dean of the College": a lone title word tagged as a name, followed by
    "of", is the title of what follows, not a person."""
    doc = span.doc
    return (
        len(span) == 1
        and span[0].lower_ in ROLE_TITLES
        and span.end < len(doc)
        and doc[span.end].lower_ == "of"
    )


def _completes_title(span: Span) -> bool:
    """ "Secretary of State Jane Roe": a name tagged on the last word of a title of the
    lexicon written with "of" is part of the title, not an organization or a person."""
    doc = span.doc
    if len(span) > 2:
        return False
    start = max(span.start - OF_TITLES_LENGTH, 0)
    words = [t.text for t in doc[start : span.end]]
    found = title_at(words)
    if found is None:
        return False
    title = [w.lower() for w in words[found[0] : found[1]]]
    return "of" in title and start + found[0] < span.start


def _common_phrase(span: Span) -> bool:
    """A "PERSON" of several words that the document also writes in lower case, or as a
    noun phrase of its own after "a"/"an", is a common noun phrase in capitals ("issued a
    Standing Order"), no name; "a Jane Roe novel" (the name before the noun) and "to be
    a Jane Roe" where "Roe" stands alone elsewhere stay names."""
    words = [t.text for t in span if not t.is_punct]
    if len(words) < 2:
        return False
    doc = span.doc
    pattern = r"\s+".join(re.escape(w) for w in words)
    if re.search(rf"\b{pattern.lower()}\b", doc.text):
        return True
    n = len(words)
    if any(t.text == words[-1] and t.i > 0 and doc[t.i - 1].text != words[-2] for t in doc):
        return False  # "Ms. Roe said": the last word stands alone as a surname
    return any(
        t.lower_ in ("a", "an")
        and [w.text for w in doc[t.i + 1 : t.i + 1 + n]] == words
        and t.head.i == t.i + n
        for t in doc
    )


def _covered(mentions: list[Mention]) -> set[int]:
    """The character offsets the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


def _untagged_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A later lone surname the model left untagged is the person whose full name the
    document gave ("David Roe … Roe joined Acme"): a capitalised proper noun, outside every
    entity, equal to the last word of a multi-word Person name."""
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.type == "Person" and " " in m.text and m.text.split()[-1].istitle()
    }
    taken = _covered(mentions)
    found: list[Mention] = []
    for token in doc:
        if (
            token.text in surnames
            and token.pos_ == "PROPN"
            and not token.ent_type_
            and token.idx not in taken
            and len(token.text) >= 3
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
            and not (token.i > 0 and doc[token.i - 1].pos_ in ("PROPN", "DET"))
        ):
            found.append(Mention(token.text, "Person", token.idx, token.idx + len(token)))
    return found


def _untagged_full_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Another place the document writes a multi-word Person name that the model left
    untagged there ("CLEVELAND - Donald Trump painted …" with "Donald Trump" tagged later):
    the same words, outside every entity, with no proper noun run on before or after."""
    names: dict[str, list[list[str]]] = defaultdict(list)
    for text in sorted({m.text for m in mentions if m.type == "Person" and " " in m.text}):
        words = text.split()
        if all(w[:1].isupper() for w in words):
            names[words[0]].append(words)
    taken = _covered(mentions)
    found: list[Mention] = []
    for token in doc:
        for words in names.get(token.text, ()):
            end = token.i + len(words)
            span = doc[token.i : end]
            if (
                end > len(doc)
                or [t.text for t in span] != words
                or any(t.ent_type_ or t.idx in taken for t in span)
                or (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
                or (end < len(doc) and doc[end].pos_ == "PROPN")
            ):
                continue
            found.append(Mention(span.text, "Person", span.start_char, span.end_char))
            taken.update(range(span.start_char, span.end_char))
    return found


def _untagged_regions(doc: Doc) -> list[Mention]:
    """A run of two or more capitalised proper nouns after "the", ending in a word of
    regions ("the Twin Cities", "the Outer Banks"), that the model left untagged or took for
    a work's title, is a Place."""
    found: list[Mention] = []
    for token in doc:
        if token.lower_ not in REGION_WORDS or not token.text.istitle() or token.pos_ != "PROPN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text.istitle():
            start -= 1
        run = doc[start : token.i + 1]
        if (
            len(run) < 2
            or start == 0
            or doc[start - 1].lower_ != "the"
            or any(t.ent_type_ not in ("", "WORK_OF_ART") for t in run)
            or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        ):
            continue
        found.append(Mention(run.text, "Place", run.start_char, run.end_char))
    return found


def _untagged_acronyms(doc: Doc) -> list[Mention]:
    """An all-caps word of three letters or more that the model left untagged is an
    Organization where it stands as a name: the subject of a clause or, after "the", the
    object of a preposition, a conjunct or a possessor ("The ACWU will represent …", "sided
    with the ACWU"); not a modifier ("the ACWU vote"), not a verb's object (an agreement or
    a law is as often "signed the ACWA"), not a Roman numeral,
    not in an all-caps headline, not a known non-name ("CEO", "PTSD") and not a word the text
    also writes in title case (a surname in capitals: "ROE--Jane"), nor a dateline's place
    ("DURHAM, N.C. —" opening a line)."""
    found: list[Mention] = []
    title_words = {t.text for t in doc if t.text.istitle()}
    for token in doc:
        i = token.i
        if (
            not _ACRONYM.fullmatch(token.text)
            or token.ent_type_
            or token.pos_ != "PROPN"
            or token.lower_ in NOT_ORG_ACRONYMS
            or token.lower_ in ROLE_TITLES
            or _ROMAN.fullmatch(token.text)
            or token.text.title() in title_words
            or (_opens_line(token) and i + 1 < len(doc) and doc[i + 1].text == ",")
            or any(_is_caps_word(doc[k]) for k in (i - 1, i + 1) if 0 <= k < len(doc))
        ):
            continue
        if token.dep_ == "compound" or not (
            token.dep_ in ("nsubj", "nsubjpass")
            or (i > 0 and doc[i - 1].lower_ == "the" and token.dep_ in ("pobj", "conj", "poss"))
        ):
            continue
        found.append(Mention(token.text, "Organization", token.idx, token.idx + len(token)))
    return found


def _opens_line(token: Token) -> bool:
    """True for the first word of the text or of a line."""
    doc = token.doc
    return token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_


def _is_caps_word(token: Token) -> bool:
    """A word of two letters or more in capitals: a neighbour of one marks a caps headline."""
    return len(token.text) >= 2 and token.text.isupper() and any(c.isalpha() for c in token.text)


def _untagged_people(doc: Doc) -> list[Mention]:
    """A lone capitalised name the model left untagged is a Person where the sentence
    says so: "Tal, a senior Defense Ministry official, …" (an apposition headed by a
    title) or "Harrington taught at Harvard" (the subject of a verb only people do)."""
    found: list[Mention] = []
    for token in doc:
        if _aged_and_titled(token, ROLE_TITLES):
            found.append(Mention(token.text, "Person", token.idx, token.idx + len(token)))
            continue
        full_name = _titled_full_name(token)
        if full_name is not None:
            start, end = full_name.start_char, full_name.end_char
            found.append(Mention(full_name.text, "Person", start, end))
            continue
        if (
            token.pos_ != "PROPN"
            or token.ent_type_
            or not token.text.istitle()
            or len(token.text) < 3
            or token.lower_ in NOT_NAMES
            or token.lower_ in ROLE_TITLES  # "President said"
            or token.dep_ not in ("nsubj", "nsubjpass")
            or any(c.dep_ == "compound" or c.pos_ == "DET" for c in token.children)
        ):
            continue
        appos = [c for c in token.children if c.dep_ == "appos"]
        titled = any(a.lower_ in ROLE_TITLES for a in appos)
        human = token.head.lemma_.lower() in PERSON_VERBS
        if titled or human:
            found.append(Mention(token.text, "Person", token.idx, token.idx + len(token)))
    return found


# Words that are no part of a person's name: titles, institutions, places, page furniture.
_NO_NAME_WORDS = ROLE_TITLES | INSTITUTION_WORDS | PLACE_WORDS | NOT_NAMES


def _titled_full_name(token: Token) -> Span | None:
    """ "Anna Berg Lindqvist, leader of the Farmers' Union, …": an untagged run of two or three
    capitalised proper nouns whose last word heads an apposition of a person's title is a
    full name. A title an organization can hold too ("leader") counts only for the subject
    of the clause."""
    if token.pos_ != "PROPN" or token.ent_type_ or not token.text.istitle():
        return None
    parts = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if not 1 <= len(parts) <= 2 or parts[0].i != token.i - len(parts):
        return None
    words = [*parts, token]
    if any(
        w.pos_ != "PROPN"
        or w.ent_type_
        or not w.text.istitle()
        or len(w.text) < 2
        or w.lower_ in _NO_NAME_WORDS
        for w in words
    ):
        return None
    titles = [c.lower_ for c in token.children if c.dep_ == "appos" and c.i > token.i]
    person_only = any(t in ROLE_TITLES and t not in ORG_CAPABLE_TITLES for t in titles)
    as_subject = token.dep_ in ("nsubj", "nsubjpass") and any(t in ROLE_TITLES for t in titles)
    if not (person_only or as_subject):
        return None
    return token.doc[parts[0].i : token.i + 1]


def _aged_and_titled(token: Token, titles: frozenset[str]) -> bool:
    """ "Frost, 61, a retired Acme engineer, …": a capitalised untagged word followed by
    an age between commas and a title apposition is a person, whatever the tagger said
    (it may take the name for a common noun)."""
    doc = token.doc
    i = token.i
    if token.ent_type_ not in ("", "DATE") or not token.text.istitle() or len(token.text) < 3:
        return False
    if token.lower_ in titles or token.lower_ in NOT_NAMES:
        return False
    if i > 0 and (doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start):
        return False  # part of a longer name
    if not (i + 4 < len(doc) and doc[i + 1].text == "," and doc[i + 3].text == ","):
        return False
    age = doc[i + 2].text
    if not (age.isdigit() and 18 <= int(age) <= 110):
        return False
    appos = [c for c in doc[i + 2].head.children if c.dep_ == "appos" and c.i > i + 3]
    appos += [c for c in doc[i + 2].children if c.dep_ == "appos" and c.i > i + 3]
    return any(a.lower_ in titles for a in appos)


def trim_run_on_names(mentions: list[Mention], document: str | None = None) -> list[Mention]:
    """Cut a Person name that runs on into the next word of a Title-Case headline.

    "Trump’s Push" -> "Trump"; "Homan Push" -> "Homan" when "Homan" is a name
    elsewhere in the document. Given the document text, a name outside a Title-Case
    line is left whole: "Li Wenbo" in running text is no run-on of "Li".
    """
    names = {m.text for m in mentions if m.type == "Person"}
    trimmed: list[Mention] = []
    for m in mentions:
        text = m.text
        if m.type == "Person":
            possessive = re.search(r"(?:'s|’s)\s", text)
            if possessive:
                text = text[: possessive.start()]
            words = text.split()
            if document is not None and not _in_title_case_line(document, m.start):
                words = words[:1]  # running text: the name is what the model tagged
            for size in range(len(words) - 1, 0, -1):
                if all(_generation(word) for word in words[size:]):
                    continue  # "Brent Bozell III" is not "Brent Bozell" run on
                prefix = " ".join(words[:size])
                # a full name opening the run ("Hillary Clinton Slams Donald Trump") cuts it
                # even where the run ends in another name's surname
                if prefix in names and (size >= 2 or " ".join(words) not in _full_names(names)):
                    text = prefix
                    break
        trimmed.append(Mention(text, m.type, m.start, m.start + len(text)) if text != m.text else m)
    return trimmed


def _generation(word: str) -> bool:
    """A generational suffix after a name: "III", "Jr.", "Sr"."""
    return _ROMAN.fullmatch(word) is not None or word.rstrip(".,") in ("Jr", "Sr")


def _in_title_case_line(text: str, offset: int) -> bool:
    """True when the line around ``offset`` is a Title-Case headline: most of its words of
    four letters or more are capitalised."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _full_names(names: set[str]) -> set[str]:
    """Names that are prefixes-plus-surname of other names are real full names ("Tom Homan")."""
    return {n for n in names if any(o != n and o.endswith(" " + n.split()[-1]) for o in names)}


def vote_types(mentions: list[Mention]) -> list[Mention]:
    """Give every surface form its majority type; single words also count votes of longer
    Person names ending in them ("Walz" inherits the votes of "Tim Walz")."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        votes[m.text][m.type] += 1
    surnames = {m.text.split()[-1] for m in mentions if m.type == "Person" and " " in m.text}
    for surname in surnames:
        # a lone surname of a full name in the same document is that person
        votes[surname]["Person"] += sum(votes[surname].values()) + 1
    order = {"Person": 0, "Organization": 1, "Place": 2, "Operation": 3}

    def winner(text: str) -> EntityType:
        counts = votes[text]
        if counts.get("Operation"):
            return "Operation"
        return min(counts, key=lambda t: (-counts[t], order[t]))  # type: ignore[return-value]

    return [Mention(m.text, winner(m.text), m.start, m.end) for m in mentions]
