"""The title lexicon of news writing and how a title phrase is labelled.

Which words are titles (:data:`ROLE_TITLES`, :data:`MULTIWORD_TITLES`), which of them are
public offices (:data:`OFFICE_TITLES`, :data:`OFFICE_MULTIWORD`), abbreviations
("Gov." -> Governor), role prefixes ("Deputy"), qualifiers ("former") and party adjectives;
:func:`title_at` finds the title that ends a word list, :func:`title_label` labels it and
:func:`is_office` tells a public office. Used by the role finder (:mod:`kg.extract.roles`)
and the entity corrections (:mod:`kg.extract.entities`); imports no other kg module.
"""

from __future__ import annotations

from collections.abc import Sequence

# Public offices: a membership is kept even when the text names no organization.
OFFICE_TITLES: frozenset[str] = frozenset(
    """president vice-president president-elect governor mayor senator representative
    congressman congresswoman congressmember assemblyman assemblywoman legislator lawmaker
    secretary undersecretary minister premier chancellor ambassador envoy czar tsar
    commissioner sheriff judge justice prosecutor comptroller treasurer alderman councillor
    councilor councilman councilwoman mp mep pm taoiseach""".split()
)
# Titles held only in a party: "candidate of the Acme Party", not "candidate for the Senate".
PARTY_TITLES = frozenset({"candidate"})
# Spokespeople speak for an organization even when the text leaves it unnamed.
SPOKESPERSONS = frozenset({"spokesperson", "spokesman", "spokeswoman"})
# Every single-word title (lower case). Titles outside OFFICE_TITLES need an organization.
ROLE_TITLES: frozenset[str] = OFFICE_TITLES | frozenset(
    """ceo cfo coo cto cio chairman chairwoman chair chairperson director president
    spokesperson spokesman spokeswoman chief head leader boss executive officer official
    administrator superintendent supervisor manager founder co-founder cofounder owner
    publisher editor correspondent columnist reporter journalist anchor producer
    professor lecturer dean provost principal researcher scientist economist analyst
    strategist pollster adviser advisor aide counsel lawyer attorney partner
    coach captain player quarterback pitcher placekicker goalkeeper
    general admiral colonel commander lieutenant sergeant major marshal
    pastor bishop archbishop cardinal pope rabbi imam priest
    king queen prince princess emperor empress monarch sultan emir
    employee staffer worker member organizer organiser activist trustee delegate
    deputy vice-chair vice-chairman vice-chairwoman president-elect vice
    curator teacher instructor tutor librarian presenter host astronaut engineer physician
    surgeon nurse architect designer consultant banker accountant clerk fellow conductor
    writer candidate lobbyist anchorman anchorwoman inspector investigator technician
    trader broker chemist physicist biologist ecologist entomologist physiologist geologist
    linguist anatomist anthropologist archaeologist sociologist psychologist historian
    epidemiologist meteorologist""".split()
)
# Multi-word titles (lower case, space separated); matched before single words.
MULTIWORD_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {
            tuple(t.split())
            for t in """attorney general|vice president|lieutenant governor|prime minister|
            deputy prime minister|foreign minister|finance minister|defense minister|
            defence minister|interior minister|justice minister|health minister|
            foreign secretary|home secretary|defense secretary|defence secretary|
            secretary of state|secretary general|secretary-general|chief executive|
            director general|director-general|attorney-general|governor general|
            governor-general|
            chief executive officer|chief financial officer|chief operating officer|
            chief technology officer|executive director|managing director|general manager|
            police chief|fire chief|chief of staff|press secretary|national security adviser|
            national security advisor|border czar|district attorney|state attorney|
            u.s. attorney|chief justice|supreme leader|house speaker|speaker of the house|
            majority leader|minority leader|party leader|head coach|editor in chief|
            editor-in-chief|general counsel|inspector general|surgeon general|
            solicitor general|special counsel|special envoy|first minister|chief minister|
            first lady|board member|council member|committee member|staff member|
            faculty member|vice chairman|vice chair|vice chancellor|deputy director|
            deputy secretary|assistant secretary|under secretary|deputy mayor|
            lieutenant commander|vice admiral|rear admiral|lieutenant general|
            major general|brigadier general|lieutenant colonel|police commissioner|
            commanding officer|public information officer|press officer|
            senior fellow|research fellow|visiting professor|associate professor|
            member of parliament|
            assistant professor|chief economist|chief scientist|senior adviser|
            senior advisor""".replace("\n", "").split("|")
        },
        key=len,
        reverse=True,
    )
)
# The most words of a multi-word title written with "of" ("speaker of the house").
OF_TITLES_LENGTH = max(len(t) for t in MULTIWORD_TITLES if "of" in t)
# Multi-word titles that are public offices.
OFFICE_MULTIWORD: frozenset[tuple[str, ...]] = frozenset(
    tuple(t.split())
    for t in """attorney general|vice president|lieutenant governor|prime minister|
    deputy prime minister|foreign minister|finance minister|defense minister|defence minister|
    interior minister|justice minister|health minister|foreign secretary|home secretary|
    defense secretary|defence secretary|secretary of state|secretary general|
    secretary-general|chief of staff|press secretary|national security adviser|
    national security advisor|border czar|district attorney|state attorney|u.s. attorney|
    chief justice|supreme leader|house speaker|speaker of the house|majority leader|
    minority leader|inspector general|surgeon general|solicitor general|special counsel|
    special envoy|first minister|chief minister|deputy secretary|assistant secretary|
    under secretary|deputy mayor|police commissioner|police chief|fire chief|
    member of parliament""".replace("\n", "").split("|")
)
# Abbreviated titles and what they stand for; None: a courtesy title, not a role.
ABBREVIATIONS: dict[str, str | None] = {
    "gov.": "Governor",
    "gov": "Governor",
    "sen.": "Senator",
    "rep.": "Representative",
    "pres.": "President",
    "sec.": "Secretary",
    "secy.": "Secretary",
    "atty.": "Attorney",
    "supt.": "Superintendent",
    "amb.": "Ambassador",
    "prof.": "Professor",
    "gen.": "General",
    "adm.": "Admiral",
    "col.": "Colonel",
    "capt.": "Captain",
    "cmdr.": "Commander",
    "lt.": "Lieutenant",
    "maj.": "Major",
    "sgt.": "Sergeant",
    "insp.": "Inspector",
    "supv.": "Supervisor",
    "dr.": None,
    "mr.": None,
    "mrs.": None,
    "ms.": None,
    "mr": None,
    "mrs": None,
    "ms": None,
    "dr": None,
    "sir": None,
    "dame": None,
}
HYPHENS = frozenset({"-", "‐", "‑"})  # a hyphen the tokenizer split off a compound
# Words in front of a title that belong to the role itself ("Deputy Secretary").
ROLE_PREFIXES = frozenset(
    """deputy vice assistant associate senior chief executive lieutenant under co first
    managing principal""".split()
)
QUALIFIERS: dict[str, str] = {
    "former": "former",
    "ex": "former",
    "ex-": "former",
    "retired": "former",
    "onetime": "former",
    "one-time": "former",
    "erstwhile": "former",
    "late": "late",
    "acting": "acting",
    "interim": "interim",
    "then": "then",
    "then-": "then",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "designate": "designate",
    "future": "future",
}
ACRONYM_TITLES: dict[str, str] = {
    "ceo": "CEO",
    "cfo": "CFO",
    "coo": "COO",
    "cto": "CTO",
    "cio": "CIO",
    "pm": "PM",
    "mp": "MP",
    "mep": "MEP",
    "u.s.": "U.S.",
}
# Party adjectives ("Republican Sen. Roe") name a party, not the office's jurisdiction.
PARTY_WORDS = frozenset(
    """democrat democratic republican conservative liberal labour labor socialist communist
    green greens tory libertarian progressive""".split()
)


def fold_word(word: str) -> str:
    """A word as the lexicon spells it: lower case, a final dot dropped except in an
    abbreviation or acronym ("Gov.", "U.S.")."""
    lower = word.lower()
    return lower if lower in ABBREVIATIONS or lower in ACRONYM_TITLES else lower.rstrip(".")


def is_role_prefix(word: str) -> bool:
    """A word in front of a title that belongs to the role ("Deputy", "Lt." in "Lt. Gen.")."""
    folded = fold_word(word)
    return folded in ROLE_PREFIXES or (ABBREVIATIONS.get(folded) or "").lower() in ROLE_PREFIXES


def title_at(words: Sequence[str]) -> tuple[int, int] | None:
    """The title that ends the word list ``words`` as (start, end) indexes, longest first.
    A hyphen the tokenizer split off a compound title joins its parts ("Secretary", "-",
    "General" is "secretary-general").

    >>> title_at(["Minnesota", "Attorney", "General"])
    (1, 3)
    >>> title_at(["UN", "Secretary", "-", "General"])
    (1, 4)
    """
    lowered = [fold_word(w) for w in words]
    glued = _glue_hyphens(lowered)
    for title in MULTIWORD_TITLES:
        n = len(title)
        for forms in (glued, [(w, i) for i, w in enumerate(lowered)]):
            if n <= len(forms) and tuple(w for w, _ in forms[-n:]) == title:
                return forms[-n][1], len(lowered)
    if glued and glued[-1][0] in ROLE_TITLES and "-" in glued[-1][0]:
        return glued[-1][1], len(lowered)  # "Vice-Chair"
    if lowered:
        last = lowered[-1]
        if last in ROLE_TITLES or ABBREVIATIONS.get(last):
            return len(lowered) - 1, len(lowered)
    return None


def _glue_hyphens(lowered: Sequence[str]) -> list[tuple[str, int]]:
    """Words with a lone hyphen between two of them glued into one, each with the index
    of its first part: ["secretary", "-", "general"] -> [("secretary-general", 0)]."""
    glued: list[tuple[str, int]] = []
    i = 0
    while i < len(lowered):
        if lowered[i] in HYPHENS and glued and i + 1 < len(lowered):
            word, first = glued.pop()
            glued.append((f"{word}-{lowered[i + 1]}", first))
            i += 2
        else:
            glued.append((lowered[i], i))
            i += 1
    return glued


def title_start(texts: Sequence[str]) -> int:
    """Where the title that ends ``texts`` starts, its role prefixes included ("Deputy
    Secretary"); ``texts`` must end in a title."""
    found = title_at(texts)
    assert found is not None
    start = found[0]
    while start > 0 and is_role_prefix(texts[start - 1]):
        start -= 1
    return start


def title_label(words: Sequence[str]) -> str | None:
    """The role label of the title that ends ``words``, or None when they end in no title.

    >>> title_label(["the", "state's", "Gov."])
    'Governor'
    >>> title_label(["Homeland", "Security", "deputy", "secretary"])
    'Deputy Secretary'
    """
    found = title_at(words)
    if found is None:
        return None
    start, end = found
    while start > 0 and is_role_prefix(words[start - 1]):
        start -= 1
    return _label(words[start:end])


def is_office(label: str) -> bool:
    """True for public offices, kept without an organization: "Governor", "Deputy Secretary"."""
    words = tuple(fold_word(w) for w in label.replace("-", "- ").split())
    words = tuple(w.rstrip("-") if w.endswith("-") else w for w in words)
    if any(words[-len(t) :] == t for t in OFFICE_MULTIWORD if len(t) <= len(words)):
        return True
    last = words[-1] if words else ""
    return last in OFFICE_TITLES or last in SPOKESPERSONS


def _label(words: Sequence[str]) -> str:
    """A title as a label: "GOV." -> "Governor", "border czar" -> "Border Czar", "ceo" -> "CEO",
    "secretary - general" (as the tokenizer split it) -> "Secretary-General"."""
    out: list[str] = []
    glue = False
    for word in words:
        lower = word.lower()
        if lower in HYPHENS and out:
            glue = True
            continue
        expanded = ABBREVIATIONS.get(lower) or ABBREVIATIONS.get(lower + ".")
        if expanded:
            part = expanded
        elif lower in ACRONYM_TITLES:
            part = ACRONYM_TITLES[lower]
        elif lower in ("of", "the", "in", "for"):
            part = lower
        else:
            part = "-".join(p[:1].upper() + p[1:] for p in lower.split("-"))
        if glue:
            out[-1] = f"{out[-1]}-{part}"
            glue = False
        else:
            out.append(part)
    return " ".join(out)
