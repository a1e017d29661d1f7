"""Resolve: mentions across all documents -> one entity per real-world thing.

Rules, applied over the whole corpus (each is generic, none names an entity):

1. Type: one surface form has one type in the corpus, by vote over its mentions;
   a lone word that is the surname of a multi-word Person name is a Person ("Walz"
   tagged as an organization), unless the tagger gave it another type more than twice
   as often as it appears as a name ("Washington" the place, "House" the chamber,
   though "Harry Washington" and a mis-tagged "Obama White House" end in them); a
   full name the tagger splits on is a Person where its surname alone mostly is
   ("Carly Fiorina"); a name an operation took place in is a Place ("Battle of
   Chiari" -> Chiari).
2. People: a name without a title ("Gov. Tim Walz" -> "Tim Walz"); a surname or
   a shorter name joins the fuller name ending in it, in the same document first,
   then the unique such name in the corpus, unless the word is a common first name that
   opens a fuller name in its document ("Bryan" of "Bryan Pagliano" is no "Craig Bryan").
   A full name written with a common nickname is the one written with the formal first
   name, where that is one person in the corpus ("Dick Durbin" = "Richard J. Durbin").
   A surname is
   resolved per document
   ("Clinton" is Bill in one article, Hillary in another); one left unresolved takes
   the person it stands for in most documents.
3. Organizations: an acronym joins the name whose initials it spells
   ("ICE" -> "Immigration and Customs Enforcement"), one only other articles use
   unless far more articles use the acronym alone ("ISIS" is not the one article's
   "Institute for Science and International Security"); an acronym an article spells
   out in parentheses is the name spelt out there, initials or not ("PAN (National
   Action Party)"), and no other article's ("RP (Welfare Party)"); a name joins a longer one
   that ends in it ("Border Patrol" -> "U.S. Border Patrol") when that is unique,
   in its document, or (names of two words or more) in the corpus, where only the
   nation's, a chamber's or a department's name is another article's longer one ("U.S.
   Border Patrol", "House Oversight Committee", "Department of Homeland Security"; not
   "Virginia AFL-CIO" for "AFL-CIO"); a generic word
   ("Senate") that some article uses alone joins nothing, nor does a lone generic
   modifier or party adjective ("State" is no short form of "Crimson State", nor
   "Republican" of "the Ohio Republican"); a short name that stands for different
   fuller names in different articles joins the one of most articles, if any; after
   "of" only a body's name has a short form ("Justice" of the "Department of Justice",
   not "Hewlett-Packard" of a book's "Reinvention of Hewlett-Packard"). A party's
   adjective or members ("Republican", "Democrats", "GOP") are its "<Adjective> Party"
   where the corpus names one; "Department of X" and "X Department" are one body.
4. Places: a small table of country abbreviations ("U.S." -> "United States").
5. Memberships: an organization guessed from what a document is about yields to
   the ones other documents state for the same person and role.

The canonical name is the fullest form, for a person the full name (opening with a
common first name) the articles use most: "Donald Trump", not "Donald J. Trump" or a
headline's "Condemn Donald Trump"; for a party its "<Adjective> Party", not "Grand Old
Party". Every other surface form is an alias.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import quote

from kg.extract.entities import INSTITUTION_WORDS
from kg.extract.records import (
    FROM_THE_DOCUMENT,
    DocumentFacts,
    Entity,
    EntityType,
    Mention,
    ResolvedCorpus,
)
from kg.extract.speakers import FIRST_NAMES
from kg.extract.titles import PARTY_WORDS, ROLE_TITLES, fold_word

HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame gov governor sen senator rep representative president
    pres vice secretary sec mayor judge justice gen general col lt sgt capt adm rev father
    chancellor minister premier prince princess king queen lord lady st""".split()
)
NAME_CONNECTORS = frozenset("of and the for on in de la du van von der y".split())
COUNTRY_ALIASES = {
    "u s": "United States",
    "us": "United States",
    "usa": "United States",
    "u s a": "United States",
    "united states of america": "United States",
    "america": "United States",
    "u k": "United Kingdom",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "u a e": "United Arab Emirates",
    "eu": "European Union",
    "e u": "European Union",
}

# Modifiers and heads that make an organization's name one that many countries or cities
# use for their own body ("National Assembly", "Supreme Court", "State Senate").
GENERIC_MODIFIERS = frozenset(
    """national supreme federal central constitutional high foreign interior legislative
    state provincial regional municipal city county general""".split()
)
GENERIC_BODIES = INSTITUTION_WORDS | {"assembly", "cabinet", "court", "ministry", "parliament"}
# The services every town or state names alike: "Fire Department", "Health Department".
SERVICE_MODIFIERS = frozenset({"fire", "police", "health", "education", "public"})
# Words that, alone as an organization's name, are a modifier cut from some name or a party
# adjective: "State", "Republican" join no fuller name ending in them ("the Ohio Republican").
LONE_MODIFIERS = GENERIC_MODIFIERS | PARTY_WORDS

# A courtesy title written before a person's name: "Mrs. Roe" is kept as another name of Roe.
_COURTESY_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+$")

# Joins a surname's node to the document it was seen in: "Person|clinton\x1fa.txt".
_IN_DOCUMENT = "\x1f"
# An acronym as a document writes it (two letters or more: "PT", "RP"), and a name it spells
# out in parentheses after the acronym ("the PRD (Party of the Democratic Revolution)"),
# two words or more that _reads_as_name checks.
_ACRONYM = re.compile(r"[A-Z]{2,8}")
_SPELT_OUT_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+)+?)\s*\)")
_NAME_THEN_PARENTHESIS = re.compile(r"\S\s*\(\s*$")
_CLOSES_PARENTHESIS = re.compile(r"\s*\)")
# A short organization name used alone in more than this many times the articles where it
# stands for a fuller name is another body's ("ISIS", "Twitter"): it joins no such name.
ALONE_RATIO = 3

TYPE_ORDER: dict[str, int] = {"Person": 0, "Organization": 1, "Place": 2, "Operation": 3}


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold a name for comparison: case, accents, punctuation, possessive, a leading "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@functools.lru_cache(maxsize=1 << 16)
def strip_honorific(name: str) -> str:
    """ "Gov. Tim Walz" -> "Tim Walz"; "Rabbi Ann Roe" -> "Ann Roe" (a title of the role
    lexicon before a first name and a surname: "Dean Roe" and "Major Garrett" stay);
    "the Ledger's Ann Roe" -> "Ann Roe"; a name that is only a title stays as it is."""
    words = name.split()
    for i, word in enumerate(words[:-2]):
        if re.search(r"['’]s$", word):
            words = words[i + 1 :]  # an outlet's possessive before a full name
            break
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words = words[1:]
    while len(words) > 2 and fold_word(words[0]) in ROLE_TITLES:
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """Initials of the significant capitalised words: "Department of Homeland Security" -> "dhs"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    letters = [w[0] for w in words if w[0].isupper() and fold(w) not in NAME_CONNECTORS]
    return "".join(letters).lower()


def slugify(text: str) -> str:
    """A readable, IRI-safe slug: "Tom Homan" -> "tom-homan"; non-ASCII letters percent-encoded."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())
    slug = "-".join(words)[:80].strip("-")
    if not slug:
        return "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return quote(slug, safe="-_")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def copy(self) -> _UnionFind:
        other = _UnionFind()
        other.parent = dict(self.parent)
        return other

    def union(self, child: str, root: str) -> None:
        a, b = self.find(child), self.find(root)
        if a != b:
            self.parent[a] = b


def _all_mentions(facts: DocumentFacts) -> list[Mention]:
    mentions = list(facts.mentions)
    for m in facts.memberships:
        mentions.append(m.person)
        if m.organization is not None:
            mentions.append(m.organization)
    for op in facts.operations:
        mentions.extend((op.operation, op.location))
    mentions.extend(s.speaker for s in facts.statements if s.speaker is not None)
    return mentions


def _vote_types(documents: list[DocumentFacts]) -> dict[str, EntityType]:
    """Rule 1: one type per folded surface form in the corpus; a surname wins unless
    another type outvotes its uses as a name (a Person tag or the end of a full name)
    more than twice over; a full name whose Person tags are at least half of the top
    count is a Person where its last word, tagged alone, mostly is, and as often as the
    full name's other type ("Carly Fiorina", 37 times an organization and 31 a person,
    while "Fiorina" alone is a person 58 times in 77)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surnames: Counter[str] = Counter()
    operation_places: set[str] = set()  # "Battle of Chiari" -> Chiari is a place
    for facts in documents:
        operation_places.update(fold(op.location.text) for op in facts.operations)
        for m in _all_mentions(facts):
            key = fold(strip_honorific(m.text)) if m.type == "Person" else fold(m.text)
            votes[key][m.type] += 1
            words = key.split()
            if m.type == "Person" and len(words) > 1 and words[-1] not in PARTY_WORDS:
                surnames[words[-1]] += 1  # "the Ohio Republican" (a person) gives no surname
    result: dict[str, EntityType] = {}
    for key, counts in votes.items():
        words = key.split()
        if (
            len(words) > 1
            and 2 * counts["Person"] >= max(counts.values())
            and (alone := votes.get(words[-1]))
            and alone["Person"] > sum(alone.values()) / 2
            and alone["Person"] >= max((n for t, n in counts.items() if t != "Person"), default=0)
        ):
            # a close vote on a full name: its surname, tagged alone, settles it
            counts = counts + Counter({"Person": alone["Person"]})
        if counts.get("Operation"):
            result[key] = "Operation"
            continue
        if key in operation_places:
            result[key] = "Place"
            continue
        if key in surnames and 2 * (counts["Person"] + surnames[key]) >= max(counts.values()):
            counts = counts + Counter({"Person": surnames[key] + sum(counts.values())})
        result[key] = min(counts, key=lambda t: (-counts[t], TYPE_ORDER[t]))  # type: ignore[assignment]
    return result


def _node_name(mention: Mention, entity_type: EntityType) -> str:
    text = strip_honorific(mention.text) if entity_type == "Person" else mention.text
    if entity_type == "Place":
        text = COUNTRY_ALIASES.get(fold(text), text)
    return text


def _country_type(mention: Mention, entity_type: EntityType) -> EntityType:
    """A country's name or abbreviation is a Place whatever type the mention was given
    ("U.S." tagged as an organization)."""
    name = COUNTRY_ALIASES.get(fold(mention.text))
    if name is not None and name != "European Union":
        return "Place"
    return entity_type


def resolve(documents: list[DocumentFacts]) -> ResolvedCorpus:
    """Merge the mentions of all ``documents`` into entities; see the module docstring."""
    types = _vote_types(documents)
    forms: dict[str, Counter[str]] = defaultdict(Counter)  # node -> surface forms seen
    node_docs: dict[str, set[str]] = defaultdict(set)
    mention_node: dict[tuple[str, str], str] = {}
    doc_nodes: dict[str, set[str]] = defaultdict(set)
    doc_counts: Counter[tuple[str, str]] = Counter()  # (document, node) -> mentions

    spelt_out: dict[str, dict[str, str | None]] = {}  # document -> acronyms it spells out
    for facts in documents:
        doc_name = facts.document.name
        mentions = _all_mentions(facts)
        for m in mentions:
            folded = fold(strip_honorific(m.text)) if m.type == "Person" else fold(m.text)
            entity_type = _country_type(m, types.get(folded, m.type))
            name = _node_name(m, entity_type)
            node = f"{entity_type}|{fold(name)}"
            if not fold(name):
                continue
            if entity_type == "Person" and " " not in fold(name):
                node = f"{node}{_IN_DOCUMENT}{doc_name}"  # a surname: see _lone_surnames
            forms[node][m.text] += 1
            if name != m.text:
                forms[node][name] += 0
            if entity_type == "Person" and (
                courtesy := _COURTESY_BEFORE.search(facts.text, max(m.start - 6, 0), m.start)
            ):
                forms[node][f"{courtesy.group(0).strip()} {m.text}"] += 0  # "Mrs. Roe"
            node_docs[node].add(doc_name)
            doc_counts[(doc_name, node)] += 1
            mention_node[(doc_name, m.text)] = node
            doc_nodes[doc_name].add(node)
        spelt_out[doc_name] = _acronyms_spelt_out(facts, mentions, mention_node)

    groups = _UnionFind()
    for node in sorted(forms):
        groups.find(node)
    first_names = _merge_people(groups, doc_nodes, doc_counts)
    _merge_nicknames(groups, forms)
    _lone_surnames(groups, forms, first_names)
    _merge_organizations(groups, doc_nodes, _joined_parts(forms), spelt_out)
    organizations = sorted(n for n in forms if _type_of(n) == "Organization")
    _merge_party_names(groups, organizations)
    _merge_bodies_named_both_ways(groups, organizations)
    return _settle_organizations(_build_corpus(documents, groups, forms, node_docs, mention_node))


def _acronyms_spelt_out(
    facts: DocumentFacts, mentions: list[Mention], mention_node: dict[tuple[str, str], str]
) -> dict[str, str | None]:
    """The organization acronyms a document spells out in parentheses, each with the node
    of the name it stands for there: "Party of the Democratic Revolution (PRD)", "the RP
    (Welfare Party)". The name need not spell the acronym's initials (a party's own
    language does: "PAN (National Action Party)"). None where the name spelt out is no
    organization of the document: the acronym then stands for no other article's name
    ("RP" is not "Republican Party" where the article says "RP (Welfare Party)").
    ``mentions``: the document's, as :func:`_all_mentions` gives them."""
    doc_name = facts.document.name

    def node_of(mention: Mention) -> str | None:
        node = mention_node.get((doc_name, mention.text))
        return node if node is not None and _type_of(node) == "Organization" else None

    text = facts.text
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    ending_at: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        ending_at[m.end].append(m)
    spelt: dict[str, str | None] = {}
    for m in mentions:
        acronym = node_of(m)
        if acronym is None or not _ACRONYM.fullmatch(m.text) or acronym in spelt:
            continue
        after = _SPELT_OUT_AFTER.match(text, m.end)
        if after is not None and _reads_as_name(after.group(1)):
            names = [n for n in ending_at[after.end(1)] if n.start >= after.start(1)]
            spelt[acronym] = next((node for n in names if (node := node_of(n))), None)
            continue
        lead = _NAME_THEN_PARENTHESIS.search(text, max(m.start - 12, 0), m.start)
        if lead is None or not _CLOSES_PARENTHESIS.match(text, m.end):
            continue
        names = ending_at[lead.start() + 1]  # "Party of the Democratic Revolution (PRD)"
        if (node := next((n for n in map(node_of, names) if n and n != acronym), None)):
            spelt[acronym] = node
    return spelt


def _reads_as_name(text: str) -> bool:
    """Words that read as an organization's name: capitalised but for linking words, no
    figures ("Welfare Party", "Party of the Democratic Revolution"; not "Jan. 5")."""
    words = text.split()
    return not any(c.isdigit() for c in text) and all(
        w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words
    )


def _settle_organizations(corpus: ResolvedCorpus) -> ResolvedCorpus:
    """Rule 5: an organization taken from what a document is about yields to the ones the
    corpus states for the same person and role ("President Obama" in an article on Israel
    is not Israel's president when another article says "U.S. President Barack Obama");
    with none stated, to the one most documents were about."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    guessed: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for facts, m, person, org in _memberships_with_entities(corpus):
        if m.evidence.rule.endswith(FROM_THE_DOCUMENT):
            guessed[(person, m.role.lower())][org].add(facts.document.name)
        else:
            stated[(person, m.role.lower())].add(org)
    accepted: dict[tuple[str, str], set[str]] = {}
    for key, orgs in guessed.items():
        if stated.get(key):
            accepted[key] = stated[key]
            continue
        counts = sorted((len(docs) for docs in orgs.values()), reverse=True)
        if len(counts) > 1 and counts[0] > counts[1]:
            accepted[key] = {org for org, docs in orgs.items() if len(docs) == counts[0]}
    dropped = {
        (facts.document.name, m)
        for facts, m, person, org in _memberships_with_entities(corpus)
        if m.evidence.rule.endswith(FROM_THE_DOCUMENT)
        and (person, m.role.lower()) in accepted
        and org not in accepted[(person, m.role.lower())]
    }
    documents = [
        dataclasses.replace(
            facts,
            memberships=[
                dataclasses.replace(m, organization=None)
                if (facts.document.name, m) in dropped
                else m
                for m in facts.memberships
            ],
        )
        for facts in corpus.documents
    ]
    return dataclasses.replace(corpus, documents=documents)


def _memberships_with_entities(corpus: ResolvedCorpus):  # noqa: ANN202
    """(facts, membership, person key, organization key) for memberships with both."""
    for facts in corpus.documents:
        for m in facts.memberships:
            person = corpus.entity_for(facts.document.name, m.person)
            org = corpus.entity_for(facts.document.name, m.organization)
            if person is not None and org is not None:
                yield facts, m, person.key, org.key


def _words(node: str) -> list[str]:
    return node.split("|", 1)[1].split(_IN_DOCUMENT, 1)[0].split()


def _lone_surnames(
    groups: _UnionFind, forms: dict[str, Counter[str]], first_names: set[str]
) -> None:
    """A one-word person name is a node per document, so that "Clinton" can join "Bill
    Clinton" in one article and "Hillary Clinton" in another without making them one
    person. A surname that joined no fuller name in its own document (or a unique one in
    the corpus) takes the person it stands for in most other documents ("Trump" -> Donald
    Trump), unless it is a first name there (``first_names``, see :func:`_opens_a_name`);
    the rest, never joined anywhere, are one entity again."""
    size: Counter[str] = Counter(groups.find(node) for node in forms)
    alone: dict[str, list[str]] = defaultdict(list)
    joined: dict[str, Counter[str]] = defaultdict(Counter)
    for node in sorted(forms):
        if _IN_DOCUMENT not in node:
            continue
        base = node.split(_IN_DOCUMENT, 1)[0]
        root = groups.find(node)
        if size[root] == 1:
            alone[base].append(node)
        else:
            joined[base][root] += 1
    for base, nodes in alone.items():
        surnames = [n for n in nodes if n not in first_names]
        if joined[base] and surnames:
            target = min(joined[base], key=lambda root: (-joined[base][root], root))
            for node in surnames:
                groups.union(node, target)
            nodes = [n for n in nodes if n in first_names]
        for node in nodes:
            groups.union(node, nodes[0])


def _type_of(node: str) -> str:
    return node.split("|", 1)[0]


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


# Generational suffixes as names fold them: "Robert P. Casey Jr." -> "robert p casey jr".
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_contains(longer: list[str], shorter: list[str]) -> bool:
    """ "tom homan" contains "homan"; "renee nicole good" contains "renee good"; "bob casey
    jr" is in "bob p casey jr", not in "bob p smith jr" (a suffix is no surname)."""
    if _ends_with(longer, shorter):
        return True
    surname = 2 if len(shorter) > 2 and shorter[-1] in _GENERATIONS else 1
    return (
        len(shorter) > surname
        and len(longer) > len(shorter)
        and shorter[0] == longer[0]
        and shorter[-surname:] == longer[-surname:]
    )


def _merge_people(
    groups: _UnionFind, doc_nodes: dict[str, set[str]], doc_counts: Counter[tuple[str, str]]
) -> set[str]:
    """Rule 2: a short name joins the unique fuller name ending in it (document, then corpus).
    Where the document names several ("Ivanka Trump" and "Donald Trump" for "Trump"), the
    shorter name is the one it names more often than all the others together, the
    article's subject. Returns the one-word names left alone as first names."""
    all_people = sorted(
        {n for nodes in doc_nodes.values() for n in nodes if _type_of(n) == "Person"}
    )
    corpus = _by_last_word(all_people)
    first_names: set[str] = set()
    for doc in sorted(doc_nodes):
        people = _by_last_word(n for n in doc_nodes[doc] if _type_of(n) == "Person")
        weight = functools.partial(_mentions_in, doc_counts, doc)
        for short in sorted(
            (n for pool in people.values() for n in pool), key=lambda n: (-len(_words(n)), n)
        ):
            if _opens_a_name(short, people):
                first_names.add(short)
            else:
                _join_unique(groups, short, people, corpus, _person_contains, weight)
    return first_names


# Common English nicknames and the formal first names they stand for.
NICKNAMES: dict[str, frozenset[str]] = {
    nickname: frozenset(formal.split("/"))
    for nickname, formal in (
        pair.split("=")
        for pair in """bill=william billy=william will=william willie=william bob=robert
        bobby=robert rob=robert dick=richard rick=richard rich=richard ricky=richard
        jim=james jimmy=james joe=joseph joey=joseph mike=michael tom=thomas tommy=thomas
        ted=edward/theodore ed=edward eddie=edward chuck=charles charlie=charles
        dan=daniel danny=daniel dave=david steve=stephen/steven
        chris=christopher/christine/christina ben=benjamin tony=anthony larry=lawrence
        pat=patrick/patricia andy=andrew matt=matthew nick=nicholas greg=gregory
        jeff=jeffrey geoff=geoffrey ron=ronald jon=jonathan josh=joshua phil=philip/phillip
        doug=douglas ray=raymond gene=eugene vince=vincent walt=walter al=albert/alan/alfred
        don=donald ken=kenneth tim=timothy sam=samuel/samantha alex=alexander/alexandra
        fred=frederick jerry=gerald/jerome liz=elizabeth beth=elizabeth betsy=elizabeth
        kathy=katherine/kathleen/kathryn cathy=catherine sue=susan debbie=deborah/debra
        jenny=jennifer jen=jennifer peggy=margaret maggie=margaret meg=margaret""".split()
    )
}


def _same_first_name(a: str, b: str) -> bool:
    """ "dick" and "richard", "ted" and "edward", "jim" and "jimmy": one first name."""
    forms_a = NICKNAMES.get(a, frozenset()) | {a}
    forms_b = NICKNAMES.get(b, frozenset()) | {b}
    return bool(forms_a & forms_b)


def _merge_nicknames(groups: _UnionFind, forms: dict[str, Counter[str]]) -> None:
    """Rule 2, nicknames: a full name whose first name is a nickname of another full name's
    ("Dick Durbin", "Richard J. Durbin"; "Bill Weld", "William Weld") is that person where
    the two would be one with the first name written alike (the same name, or a middle
    name left out: :func:`_person_contains`) and exactly one such person is in the corpus;
    "Pat Kennedy" stays apart from a "Patrick F. Kennedy" and a "Patrick J. Kennedy"."""
    people = sorted(
        n for n in forms if _type_of(n) == "Person" and _IN_DOCUMENT not in n and len(_words(n)) > 1
    )
    for pool in _by_last_word(people).values():
        root = {node: groups.find(node) for node in pool}
        matches = {node: _nickname_matches(node, pool) for node in pool}
        for node, found in matches.items():
            # one person on either side: "Pat Voss" of two Patricks joins neither
            if len({root[m] for m in found}) == 1 and all(
                len({root[n] for n in matches[m]}) == 1 for m in found
            ):
                groups.union(node, found[0])


def _nickname_matches(node: str, pool: list[str]) -> list[str]:
    """The names of ``pool`` that are ``node`` with its first name in another form: the
    same name, or one containing the other (:func:`_person_contains`), once their first
    names are written alike."""
    words = _words(node)
    found = []
    for other in pool:
        theirs = _words(other)
        if theirs[0] == words[0] or not _same_first_name(words[0], theirs[0]):
            continue
        alike = [words[0], *theirs[1:]]
        if alike == words or _person_contains(words, alike) or _person_contains(alike, words):
            found.append(other)
    return found


def _opens_a_name(short: str, people: dict[str, list[str]]) -> bool:
    """``short`` is a common first name that ends no fuller name in the document but
    opens one ("Bryan already asserted his Fifth Amendment rights" in an article on Bryan
    Pagliano), no surname to look up in other articles ("Craig Bryan"). A word the
    lexicon does not know may be a surname that opens a name ("Xi Jinping") or a
    mis-tagged one ("Obama White House"), and is left to the surname rules."""
    words = _words(short)
    if len(words) != 1 or words[0] not in FIRST_NAMES or any(
        _person_contains(_words(n), words) for n in people.get(words[0], ())
    ):
        return False
    return any(
        len(_words(n)) > 1 and _words(n)[0] == words[0]
        for pool in people.values() for n in pool
    )


def _mentions_in(doc_counts: Counter[tuple[str, str]], doc: str, node: str) -> int:
    return doc_counts[(doc, node)]


def _by_last_word(nodes: Iterable[str]) -> dict[str, list[str]]:
    """Nodes grouped by their last word, each group sorted: every fuller name that can
    contain a shorter one ends in the same word, so only that group is searched."""
    groups: dict[str, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        groups[_words(node)[-1]].append(node)
    return groups


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _org_contains(longer: list[str], shorter: list[str]) -> bool:
    """True when ``shorter`` can be a short form of ``longer``: its last words, unless what
    goes before them numbers a unit ("5th U.S. Circuit Court of Appeals" is one of the
    courts called "U.S. Circuit Court of Appeals", not their short form) or is "<Noun> of"
    with a noun that names no body."""
    if not _ends_with(longer, shorter):
        return False
    before = longer[: len(longer) - len(shorter)]
    if any(_ORDINAL.fullmatch(w) for w in before):
        return False
    # "Department of Justice" -> "Justice", not "the Reinvention of Hewlett-Packard" (a
    # book's title) -> "Hewlett-Packard": after "of", only a body's name is its short form
    head = before[:-1] if before[-1:] == ["the"] else before
    return not (head[-1:] == ["of"] and (len(head) < 2 or head[-2] not in GENERIC_BODIES))


# What may stand before a name in another article's fuller name of the same body: the
# nation's ("U.S. Border Patrol"), a chamber's ("House Oversight Committee", "White House
# National Security Council") or a department's "<department> of" ("Department of Homeland
# Security"). A place, a people or another body before it names another body.
NATIONAL_PREFIXES = frozenset({("u", "s"), ("us",), ("united", "states"), ("federal",)})
CHAMBER_PREFIXES = frozenset({("house",), ("senate",), ("white", "house")})
DEPARTMENT_WORDS = frozenset({"department", "ministry", "bureau", "office"})


def _same_body_elsewhere(longer: list[str], shorter: list[str]) -> bool:
    """True when ``longer``, named in another article, is the body ``shorter`` stands for:
    "U.S. Border Patrol" for "Border Patrol", "House Ways and Means Committee" for "Ways
    and Means Committee", "Department of Homeland Security" for "Homeland Security"; not
    "British House of Commons" for "House of Commons", "Virginia AFL-CIO" for "AFL-CIO",
    "George Washington University" for "Washington University" or "International Committee
    of the Red Cross" for "Red Cross"."""
    before = tuple(longer[: len(longer) - len(shorter)])
    if before in NATIONAL_PREFIXES:
        return True
    if before in CHAMBER_PREFIXES:
        return shorter[-1] in ("committee", "subcommittee", "council")
    head = before[:-1] if before[-1:] == ("the",) else before
    return (
        len(head) >= 2
        and head[-1] == "of"
        and head[-2] in DEPARTMENT_WORDS
        and (len(head) == 2 or head[:-2] in NATIONAL_PREFIXES)
    )


# "Washington Ledger-Harbor News", "Acme/Harbor": two names written as one with a hyphen or
# a slash between capitalised words.
_JOINT = re.compile(r"(?<=[\w.])\s*[-/]\s*(?=[A-Z])")


def _joined_parts(forms: dict[str, Counter[str]]) -> dict[tuple[str, ...], set[int]]:
    """For organization names written as two joined by a hyphen or slash, the word counts
    of the tails that are a second name ("Ledger-Harbor News": 2, "Harbor News")."""
    parts: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for node, surfaces in forms.items():
        if _type_of(node) != "Organization":
            continue
        for surface in surfaces:
            for joint in _JOINT.finditer(surface):
                tail = fold(surface[joint.end() :]).split()
                if tail:
                    parts[tuple(_words(node))].add(len(tail))
    return parts


def _merge_organizations(
    groups: _UnionFind,
    doc_nodes: dict[str, set[str]],
    joined_parts: dict[tuple[str, ...], set[int]] | None = None,
    spelt_out: dict[str, dict[str, str | None]] | None = None,
) -> None:
    """Rule 3: acronyms and shorter names of organizations. A name that is the second of two
    joined by a hyphen or slash ("Harbor News" in "Ledger-Harbor News", "Times" in
    "Harbor-Times") is not a short form of the joint name. A short name is one node for the
    whole corpus, so one that would join different fuller names in different articles
    ("Post": the Ledger Post here, the Harbor Post there; "PAN": two parties) joins only
    the one it stands for in more articles than all the others together, else none: joined
    to each, it would make them one. One that far more articles use alone than as a short
    form joins nothing: the articles that use it alone would all take that fuller name.
    An acronym an article spells out in parentheses stands there for the name it spells
    out, and for no other (``spelt_out``: document -> acronym node -> name node or None)."""
    parts = joined_parts or {}
    spelt_out = spelt_out or {}

    def contains(longer: list[str], shorter: list[str]) -> bool:
        return _org_contains(longer, shorter) and len(shorter) not in parts.get(tuple(longer), ())

    all_orgs = sorted(
        {n for nodes in doc_nodes.values() for n in nodes if _type_of(n) == "Organization"}
    )
    by_initials: dict[str, set[str]] = defaultdict(set)
    for node in all_orgs:
        words = _words(node)
        if len(words) > 1:
            by_initials["".join(w[0] for w in words if w not in NAME_CONNECTORS)].add(node)
            if words[:2] == ["u", "s"]:  # "U.S. Immigration and Customs Enforcement"
                by_initials["".join(w[0] for w in words[2:] if w not in NAME_CONNECTORS)].add(node)
    corpus = _by_last_word(all_orgs)
    # "Senate" in one article and "State Senate" in another are different bodies:
    # a generic name joins a fuller name only where every article that uses it names
    # that fuller one too.
    shared = _generic_names_used_alone(doc_nodes)
    node_docs: dict[str, set[str]] = defaultdict(set)
    for doc, nodes in doc_nodes.items():
        for node in nodes:
            node_docs[node].add(doc)

    def spelt_elsewhere(acronym: str, name: str) -> bool:
        """Whether an article's acronym may stand for a name only other articles use: some
        article uses the two together, or the acronym is not used alone in more than
        ALONE_RATIO times as many articles as the name ("ISIS" in 45 articles is not the
        "Institute for Science and International Security" one article names)."""
        together = node_docs[acronym] & node_docs[name]
        return bool(together) or len(node_docs[acronym]) <= ALONE_RATIO * len(node_docs[name])

    def join_short_names(union_find: _UnionFind, skip: set[str]) -> list[tuple[str, str]]:
        """Join each acronym or short name to its fuller name, article by article, except
        the names in ``skip``; the (short, fuller) pairs joined, one per article."""
        joined: list[tuple[str, str]] = []
        for doc in sorted(doc_nodes):
            orgs = sorted(n for n in doc_nodes[doc] if _type_of(n) == "Organization")
            local_orgs = _by_last_word(orgs)
            for node in orgs:
                words = _words(node)
                if node in skip or node in shared:
                    continue
                if len(words) == 1 and words[0] in LONE_MODIFIERS:
                    continue  # "State" alone is no short form of "Crimson State"
                if node in spelt_out.get(doc, {}):
                    if (spelt := spelt_out[doc][node]) is not None:
                        union_find.union(node, spelt)
                        joined.append((node, spelt))
                    continue
                if len(words) == 1 and len(words[0]) >= 2:
                    local = sorted(n for n in by_initials.get(words[0], ()) if n in orgs)
                    candidates = local or [
                        n for n in sorted(by_initials.get(words[0], ())) if spelt_elsewhere(node, n)
                    ]
                    roots = {union_find.find(c) for c in candidates}
                    if len(roots) == 1:
                        union_find.union(node, candidates[0])
                        joined.append((node, candidates[0]))
                        continue
                # a lone word joins a fuller name of its own document only: "State" (of
                # "Secretary of State") is not another article's "Buckeye State"; nor a
                # name another article's body of a place ("Virginia AFL-CIO")
                target = _join_unique(
                    union_find,
                    node,
                    local_orgs,
                    corpus if len(words) > 1 else {},
                    contains,
                    corpus_accepts=_same_body_elsewhere,
                )
                if target is not None:
                    joined.append((node, target))
        return joined

    # a dry run: which fuller names each short name would join, in how many articles
    targets: dict[str, Counter[str]] = defaultdict(Counter)
    for short, target in join_short_names(groups.copy(), set()):
        targets[short][target] += 1
    # used alone in far more articles than it stood for a fuller name: "Twitter" in 150
    # articles is not the "Associated Press' Twitter" one article names
    alone = {
        short
        for short, found in targets.items()
        if len(node_docs[short]) - sum(found.values()) > ALONE_RATIO * sum(found.values())
    }
    torn = {short for short, found in targets.items() if not _one_name(set(found))} - alone
    join_short_names(groups, torn | alone)
    for short in sorted(torn):
        (top, most), *rest = sorted(targets[short].items(), key=lambda kv: (-kv[1], kv[0]))
        if most > sum(count for _, count in rest):
            groups.union(short, top)


# A party's other one-word names, as the adjective its "<Adjective> Party" is named with:
# "Democrats" and "Democrat" stand for the Democratic Party, "GOP" for the Republican.
PARTY_NAME_FORMS = {
    "democrat": "democratic",
    "democrats": "democratic",
    "dems": "democratic",
    "republicans": "republican",
    "gop": "republican",
    "conservatives": "conservative",
    "tory": "conservative",
    "tories": "conservative",
    "greens": "green",
    "liberals": "liberal",
    "socialists": "socialist",
    "communists": "communist",
    "libertarians": "libertarian",
    "progressives": "progressive",
}


def _party_named(words: list[str]) -> str | None:
    """The adjective of the party a name stands for: "democratic party", "democrat party",
    "democrats" -> "democratic"; "gop" -> "republican"; None for any other name."""
    if len(words) == 1 or (len(words) == 2 and words[1] == "party"):
        word = words[0]
        if word in PARTY_WORDS or word in PARTY_NAME_FORMS:
            return PARTY_NAME_FORMS.get(word, word)
    return None


def _is_party_name(words: list[str]) -> bool:
    """ "Republican Party", "Democratic Party": a party's name, "<Adjective> Party"."""
    return words == [_party_named(words), "party"]


def _merge_party_names(groups: _UnionFind, orgs: list[str]) -> None:
    """Rule 3, parties: an organization named by a party's adjective or its members
    ("Republican" of "Republican strategist Jo Roe", "Democrats", "GOP") and a "Democrat
    Party" are the corpus's one "<Adjective> Party", where it names exactly one ("the Ohio
    Democratic Party" is another). ``orgs``: the corpus's organization nodes, sorted."""
    departments = {" ".join(_words(n)) for n in orgs if _words(n)[-1] == "department"}
    departments |= {" ".join(_words(n)) for n in orgs if _words(n)[:2] == ["department", "of"]}
    parties: dict[str, list[str]] = defaultdict(list)  # adjective -> "<Adjective> Party"
    for node in orgs:
        if _is_party_name(_words(node)):
            parties[_words(node)[0]].append(node)
    for node in orgs:
        words = _words(node)
        adjective = _party_named(words)
        if adjective is None or _is_party_name(words):
            continue
        if departments & {f"{words[0]} department", f"department of {words[0]}"}:
            continue  # "Labor" where the corpus names a Labor Department: which one?
        named = parties.get(adjective, [])
        if len({groups.find(p) for p in named}) == 1:
            groups.union(node, named[0])


# "Department of Defense" and "Defense Department" name one body (so do ministries).
_BODY_OF = re.compile(
    r"^(?P<prefix>(?:u s |united states )?)(?P<body>department|ministry) of (?:the )?"
    r"(?P<field>.+)$"
)


def _merge_bodies_named_both_ways(groups: _UnionFind, orgs: list[str]) -> None:
    """Rule 3, bodies: "Department of the Treasury" is the "Treasury Department", "U.S.
    Department of Justice" the "U.S. Justice Department", "Ministry of Defence" the
    "Defence Ministry", where the corpus names both (``orgs``: its organization nodes)."""
    named = set(orgs)
    for node in orgs:
        found = _BODY_OF.match(" ".join(_words(node)))
        if found is None or " of " in f" {found['field']} ":
            continue
        other = f"Organization|{found['prefix']}{found['field']} {found['body']}"
        if other not in named:
            continue
        # each already one with its own forms only: a "Department of State" the text gave
        # as the short name of the "Florida Department of State" is not the State Department
        forms_of_body = {
            f"{prefix}{name}"
            for prefix in ("", "u s ", "united states ")
            for name in (
                f"{found['body']} of {found['field']}",
                f"{found['body']} of the {found['field']}",
                f"{found['field']} {found['body']}",
            )
        }
        roots = (groups.find(node), groups.find(other))
        if all(" ".join(_words(root)) in forms_of_body for root in roots):
            groups.union(other, node)


def _one_name(nodes: set[str]) -> bool:
    """Whether fuller names can all be one organization: each a short form of the longest
    ("House of Representatives", "U.S. House of Representatives"), not rivals ("Ledger
    Post", "Harbor Post")."""
    longest = max(nodes, key=lambda n: (len(_words(n)), n))
    return all(n == longest or _ends_with(_words(longest), _words(n)) for n in nodes)


def _is_generic(words: list[str]) -> bool:
    """A name any country or city could give its body: "Senate", "National Assembly",
    "Supreme Court", "Fire Department" (an institution word, after generic modifiers only)."""
    return (
        bool(words)
        and words[-1] in GENERIC_BODIES
        and all(w in GENERIC_MODIFIERS or w in SERVICE_MODIFIERS for w in words[:-1])
    )


def _generic_names_used_alone(doc_nodes: dict[str, set[str]]) -> set[str]:
    """Generic organization names ("Senate", "National Assembly") that some article uses
    without any fuller name ending in them: Panama's "National Assembly" in one article is
    not another article's "Malagasy National Assembly"."""
    alone: set[str] = set()
    for nodes in doc_nodes.values():
        orgs = [n for n in nodes if _type_of(n) == "Organization"]
        for node in orgs:
            words = _words(node)
            if not _is_generic(words):
                continue
            if not any(o != node and _ends_with(_words(o), words) for o in orgs):
                alone.add(node)
    return alone


def _join_unique(  # noqa: ANN001
    groups, short, local, corpus, contains, weight=None, corpus_accepts=None
) -> str | None:
    """Join ``short`` to the unique fuller name containing it, in the document, else the corpus.

    ``local`` and ``corpus`` are pools grouped by last word (:func:`_by_last_word`); a
    fuller name only the corpus has must pass ``corpus_accepts`` too, if given. With
    ``weight`` (a node's mentions in the document), several fuller names in the document
    leave ``short`` to the one named more often than all the others together. Returns the
    name joined, None where none was."""
    words = _words(short)
    for pool in (local, corpus):
        fuller = [n for n in pool.get(words[-1], ()) if contains(_words(n), words)]
        roots = {groups.find(n) for n in fuller}
        if len(roots) == 1:
            target = max(fuller, key=lambda n: (len(_words(n)), n))
            if pool is corpus and corpus_accepts and not corpus_accepts(_words(target), words):
                return None
            groups.union(short, target)
            return target
        if len(roots) > 1:
            if weight is not None and pool is local:
                count: Counter[str] = Counter()
                for n in fuller:
                    count[groups.find(n)] += weight(n)
                (top, most), *rest = sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
                if most > sum(c for _, c in rest):
                    named = [n for n in fuller if groups.find(n) == top]
                    target = max(named, key=lambda n: (len(_words(n)), n))
                    groups.union(short, target)
                    return target
            return None  # ambiguous: keep apart rather than merge wrongly
    return None


def _canonical_name(surface: Counter[str], entity_type: EntityType) -> str:
    """The name a node is shown by: the one of most words (then the most used). For a
    person whose names include a full name opening with a common first name, the one of
    those the articles use most: "Donald Trump", not "Donald J. Trump" or a headline's
    run-on "Condemn Donald Trump" (a bare surname of two words, "Wasserman Schultz", has
    no first name, so it never wins over "Debbie Wasserman Schultz")."""
    person = entity_type == "Person"
    uses: Counter[str] = Counter()
    for name, count in surface.items():
        uses[strip_honorific(name) if person else name] += count
    full = [n for n in uses if len(n.split()) > 1 and n.split()[0].lower() in FIRST_NAMES]
    if person and full:
        return max(full, key=lambda n: (uses[n], len(n.split()), len(n), n))
    longest = max(uses, key=lambda n: (len(n.split()), uses[n], len(n), n))
    # a party is shown by its "<Adjective> Party", not a nickname ("Grand Old Party")
    parties = [n for n in uses if _is_party_name(n.lower().split())]
    if parties and not any(w.lower() in PARTY_WORDS for w in longest.split()):
        return max(parties, key=lambda n: (uses[n], n))
    return longest


def _build_corpus(
    documents: list[DocumentFacts],
    groups: _UnionFind,
    forms: dict[str, Counter[str]],
    node_docs: dict[str, set[str]],
    mention_node: dict[tuple[str, str], str],
) -> ResolvedCorpus:
    clusters: dict[str, list[str]] = defaultdict(list)
    for node in sorted(forms):
        clusters[groups.find(node)].append(node)

    entities: dict[str, Entity] = {}
    node_key: dict[str, str] = {}
    for root in sorted(clusters):
        nodes = clusters[root]
        entity_type: EntityType = _type_of(root)  # type: ignore[assignment]
        surface = Counter()
        for node in nodes:
            surface.update(forms[node])
            for form in forms[node]:
                surface[form] += 0
        names = sorted(surface)
        canonical = _canonical_name(surface, entity_type)
        key = f"{entity_type.lower()}/{slugify(canonical)}"
        if key in entities:
            key = f"{key}-{hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:6]}"
        aliases = tuple(sorted(n for n in names if n != canonical))
        docs = sorted({d for node in nodes for d in node_docs[node]})
        count = sum(sum(forms[node].values()) for node in nodes)
        entities[key] = Entity(key, entity_type, canonical, aliases, count, tuple(docs))
        for node in nodes:
            node_key[node] = key

    entity_keys = {pair: node_key[node] for pair, node in mention_node.items()}
    return ResolvedCorpus(dict(sorted(entities.items())), documents, entity_keys)
