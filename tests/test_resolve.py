"""The resolver: one entity per real-world thing, across documents."""

from __future__ import annotations

from kg.extract.records import (
    FROM_THE_DOCUMENT,
    DocumentFacts,
    DocumentInfo,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
)
from kg.resolve import fold, initials, resolve, slugify, strip_honorific


def _doc(name: str, *mentions: tuple[str, str]) -> DocumentFacts:
    ms, pos = [], 0
    for text, kind in mentions:
        ms.append(Mention(text, kind, pos, pos + len(text)))  # type: ignore[arg-type]
        pos += len(text) + 1
    info = DocumentInfo(name=name, title=None, date=None, sha256="0" * 64, length=pos)
    return DocumentFacts(document=info, text=" " * pos, mentions=ms)


def _names(corpus):
    return {e.name: e for e in corpus.entities.values()}


def test_surname_joins_full_name_in_same_and_other_document():
    corpus = resolve(
        [
            _doc("a.txt", ("Gov. Jane Roe", "Person"), ("Roe", "Person")),
            _doc("b.txt", ("Roe", "Person")),
        ]
    )
    names = _names(corpus)
    assert list(names) == ["Jane Roe"]
    assert set(names["Jane Roe"].aliases) == {"Gov. Jane Roe", "Roe"}
    assert names["Jane Roe"].documents == ("a.txt", "b.txt")


def test_a_first_name_is_no_surname_of_a_person_in_another_article():
    corpus = resolve(
        [
            _doc("a.txt", ("Colm Russell", "Person"), ("Russell", "Person")),
            _doc("b.txt", ("Russell Quill", "Person"), ("Russell", "Person")),
            _doc("c.txt", ("Russell", "Person")),
        ]
    )
    names = _names(corpus)
    assert names["Colm Russell"].documents == ("a.txt", "c.txt")  # a surname in c.txt
    assert "b.txt" not in names["Colm Russell"].documents  # a first name in b.txt


def test_a_word_the_first_name_lexicon_lacks_stays_a_surname_where_it_opens_a_name():
    corpus = resolve(
        [
            _doc("a.txt", ("Tomasz Okonkwo", "Person")),
            _doc("b.txt", ("Okonkwo Street Office", "Person"), ("Okonkwo", "Person")),
        ]
    )
    assert "b.txt" in _names(corpus)["Tomasz Okonkwo"].documents


def test_ambiguous_surname_is_not_merged():
    corpus = resolve(
        [_doc("a.txt", ("Ann Smith", "Person"), ("Bob Smith", "Person"), ("Smith", "Person"))]
    )
    assert set(_names(corpus)) == {"Ann Smith", "Bob Smith", "Smith"}


def test_middle_name_variant_merges():
    corpus = resolve([_doc("a.txt", ("Mary Ann Lee", "Person"), ("Mary Lee", "Person"))])
    assert list(_names(corpus)) == ["Mary Ann Lee"]


def test_a_nickname_and_the_formal_first_name_are_one_person():
    corpus = resolve(
        [
            _doc("a.txt", ("Dick Holm", "Person"), ("Pat Voss", "Person")),
            _doc("b.txt", ("Richard J. Holm", "Person"), ("Patrick F. Voss", "Person")),
            _doc("c.txt", ("Patrick K. Voss", "Person"), ("Peter Holm", "Person")),
        ]
    )
    names = _names(corpus)
    holm = names.get("Richard J. Holm") or names["Dick Holm"]
    assert {"Dick Holm", "Richard J. Holm"} <= {holm.name, *holm.aliases}
    assert "Peter Holm" in names  # another first name: another person
    # "Pat Voss" could be either Patrick: kept apart
    assert {"Pat Voss", "Patrick F. Voss", "Patrick K. Voss"} <= set(names)


def test_a_nickname_joins_the_formal_name_as_a_middle_name_variant_would():
    # the words after the first name compare as for one first name ("Mary Lee" in "Mary
    # Ann Lee"), a generational suffix included; the suffix is no surname
    def people(a: str, b: str) -> int:
        corpus = resolve([_doc("a.txt", (a, "Person")), _doc("b.txt", (b, "Person"))])
        return len(_names(corpus))

    assert people("Bob Hale Jr.", "Robert P. Hale Jr.") == 1
    assert people("Bob Hale Jr.", "Robert P. Vance Jr.") == 2
    assert people("Robert Hale Jr.", "Robert P. Vance Jr.") == 2


def test_acronym_joins_organization_across_documents():
    corpus = resolve(
        [
            _doc("a.txt", ("Federal Bureau of Investigation", "Organization")),
            _doc("b.txt", ("FBI", "Organization")),
        ]
    )
    entity = _names(corpus)["Federal Bureau of Investigation"]
    assert entity.aliases == ("FBI",)
    assert corpus.entity_for("b.txt", Mention("FBI", "Organization", 0, 3)) is entity


def test_a_partys_adjective_and_nicknames_are_the_party():
    party = ("Republican Party", "Organization")
    corpus = resolve(
        [
            _doc("a.txt", party),
            _doc("b.txt", ("Republican", "Organization")),  # "Republican strategist Jo Roe"
            _doc("c.txt", ("GOP", "Organization"), ("Democrat Party", "Organization")),
            _doc("d.txt", ("Democratic", "Organization"), ("Democratic Party", "Organization")),
        ]
    )
    names = _names(corpus)
    assert set(names["Republican Party"].aliases) == {"Republican", "GOP"}
    # shown by its "<Adjective> Party" rather than a longer nickname
    corpus = resolve(
        [
            _doc("a.txt", party),
            _doc("b.txt", ("Grand Old Party", "Organization"), ("GOP", "Organization")),
        ]
    )
    assert set(_names(corpus)) == {"Republican Party"}
    assert set(names["Democratic Party"].aliases) == {"Democratic", "Democrat Party"}
    # "Labor" where the corpus names a Labor Department may be either
    labor = [("Labor Party", "Organization"), ("Labor", "Organization")]
    department = ("Labor Department", "Organization")
    names = _names(resolve([_doc("a.txt", *labor), _doc("b.txt", department)]))
    assert "Labor" in names
    # a party's members, plural or by their other name: "the Greens", "the Tories", "Dems"
    corpus = resolve(
        [
            _doc("a.txt", ("Green Party", "Organization"), ("Greens", "Organization")),
            _doc("b.txt", ("Conservative Party", "Organization"), ("Tories", "Organization")),
            _doc("c.txt", ("Democratic Party", "Organization"), ("Dems", "Organization")),
        ]
    )
    assert set(_names(corpus)) == {"Green Party", "Conservative Party", "Democratic Party"}
    # no "<Adjective> Party" in the corpus: the adjective stays alone
    names = _names(resolve([_doc("a.txt", ("Green", "Organization"))]))
    assert list(names) == ["Green"]


def test_shorter_organization_name_joins_longer():
    corpus = resolve(
        [_doc("a.txt", ("U.S. Coast Guard", "Organization"), ("Coast Guard", "Organization"))]
    )
    assert list(_names(corpus)) == ["U.S. Coast Guard"]


def test_a_department_named_both_ways_is_one_body():
    org = "Organization"
    corpus = resolve(
        [
            _doc("a.txt", ("Department of the Treasury", org)),
            _doc("b.txt", ("Treasury Department", org)),
            _doc("c.txt", ("U.S. Department of Justice", org), ("U.S. Justice Department", org)),
            _doc("d.txt", ("Department of Homeland Security", org)),
            _doc("e.txt", ("Homeland Security Department", org), ("DHS", org)),
        ]
    )
    assert set(_names(corpus)) == {
        "Department of the Treasury",
        "U.S. Department of Justice",
        "Department of Homeland Security",
    }
    # a "Department of State" one article gives as the Florida one's short name stays
    # apart from the "State Department" of another
    florida = ("Florida Department of State", org)
    corpus = resolve(
        [
            _doc("a.txt", florida, ("Department of State", org)),
            _doc("b.txt", ("State Department", org)),
        ]
    )
    assert set(_names(corpus)) == {"Florida Department of State", "State Department"}


def test_after_of_only_a_bodys_name_has_a_short_form():
    # "Justice" is the Department's short name; a book on a company is not the company
    body = ("Department of Justice", "Organization")
    names = _names(resolve([_doc("a.txt", body, ("Justice", "Organization"))]))
    assert list(names) == ["Department of Justice"]
    book = ("Reinvention of Acme-Harbor", "Organization")
    names = _names(resolve([_doc("a.txt", book, ("Acme-Harbor", "Organization"))]))
    assert set(names) == {"Reinvention of Acme-Harbor", "Acme-Harbor"}
    trustees = ("Trustees of the Wexford Institute", "Organization")
    names = _names(resolve([_doc("a.txt", trustees, ("Wexford Institute", "Organization"))]))
    assert len(names) == 2


def test_surname_mislabelled_org_is_voted_person():
    corpus = resolve(
        [
            _doc("a.txt", ("Jane Roe", "Person"), ("Roe", "Organization")),
            _doc("b.txt", ("Roe", "Organization")),
        ]
    )
    entity = _names(corpus)["Jane Roe"]
    assert entity.type == "Person"
    assert "Roe" in entity.aliases


def test_a_full_name_the_tagger_splits_on_is_a_person_where_its_surname_alone_is():
    def article(name: str, tag: str) -> DocumentFacts:
        return _doc(name, ("Marisol Quennell", tag), ("Quennell", "Person"))

    corpus = resolve(
        [article("a.txt", "Organization"), article("b.txt", "Organization"),
         article("c.txt", "Person"), _doc("d.txt", ("Tessa Quennell", "Person"))]
    )
    entity = _names(corpus)["Marisol Quennell"]
    assert entity.type == "Person"
    assert "Quennell" in entity.aliases  # not the Tessa Quennell of another article


def test_an_organization_whose_last_word_was_once_tagged_a_person_stays_one():
    corpus = resolve(
        [
            _doc("a.txt", ("Harbour Valley Caucus", "Organization")),
            _doc("b.txt", ("Harbour Valley Caucus", "Organization"), ("Caucus", "Person")),
            _doc("c.txt", ("Harbour Valley Caucus", "Person")),
        ]
    )
    assert _names(corpus)["Harbour Valley Caucus"].type == "Organization"


def test_a_place_or_body_that_ends_one_persons_name_stays_what_it_is():
    # "Lodge" tagged an organization again and again is that body, though a mis-tagged
    # "Crestwick Lodge" ends in it; "Dunmore" the place, though "Harry Dunmore" does
    corpus = resolve(
        [
            _doc("a.txt", ("Crestwick Lodge", "Person"), ("Lodge", "Organization")),
            _doc("b.txt", ("Lodge", "Organization"), ("Harry Dunmore", "Person")),
            _doc("c.txt", ("Lodge", "Organization"), ("Dunmore", "Place")),
            _doc("d.txt", ("Dunmore", "Place"), ("Dunmore", "Place")),
        ]
    )
    names = _names(corpus)
    assert names["Lodge"].type == "Organization"
    assert "Lodge" not in names["Crestwick Lodge"].aliases
    assert names["Dunmore"].type == "Place"
    assert names["Harry Dunmore"].aliases == ()


def test_a_short_name_that_stands_for_different_organizations_joins_none():
    # "Post" is the Ledger Post in one article and the Harbor Post in another: joined to
    # both it would make the two papers one; so would "PAN" the two parties
    corpus = resolve(
        [
            _doc("a.txt", ("Ledger Post", "Organization"), ("Post", "Organization")),
            _doc("b.txt", ("Harbor Post", "Organization"), ("Post", "Organization")),
            _doc("c.txt", ("National Action Party", "Organization"), ("PAN", "Organization")),
            _doc("d.txt", ("National Vanguard Party", "Organization"), ("PAN", "Organization")),
            _doc("e.txt", ("Harbor Times", "Organization"), ("Times", "Organization")),
            _doc("f.txt", ("Ledger Harbor Times", "Organization"), ("Times", "Organization")),
        ]
    )
    names = _names(corpus)
    assert {"Ledger Post", "Harbor Post", "Post"} <= set(names)
    assert names["Ledger Post"].aliases == () and names["Harbor Post"].aliases == ()
    assert {"National Action Party", "National Vanguard Party", "PAN"} <= set(names)
    # one the other's short form: one organization, as before
    assert {"Harbor Times", "Times"} <= set(names["Ledger Harbor Times"].aliases)


def test_a_word_most_articles_use_alone_joins_no_fuller_name_one_article_has():
    # "Chirp" alone in four articles is the service, not the one article's "Acme's Chirp"
    alone = [_doc(f"{n}.txt", ("Chirp", "Organization")) for n in "abcd"]
    named = _doc("e.txt", ("Acme's Chirp", "Organization"), ("Chirp", "Organization"))
    names = _names(resolve([*alone, named]))
    assert "Chirp" in names and names["Acme's Chirp"].aliases == ()


def test_a_short_name_joins_the_organization_it_stands_for_in_most_articles():
    corpus = resolve(
        [
            _doc("a.txt", ("Acme National Committee", "Organization"), ("ANC", "Organization")),
            _doc("b.txt", ("Acme National Committee", "Organization"), ("ANC", "Organization")),
            _doc("c.txt", ("Acme National Convention", "Organization"), ("ANC", "Organization")),
        ]
    )
    names = _names(corpus)
    assert "ANC" in names["Acme National Committee"].aliases
    assert names["Acme National Convention"].aliases == ()


def test_an_acronym_many_articles_use_alone_is_no_name_one_other_article_spells():
    # "ISAS" in four articles is another body than the "Institute for Science and Arctic
    # Studies" a fifth article names without the acronym
    institute = ("Institute for Science and Arctic Studies", "Organization")
    alone = [_doc(f"{n}.txt", ("ISAS", "Organization")) for n in "abcd"]
    names = _names(resolve([*alone, _doc("e.txt", institute)]))
    assert "ISAS" in names
    assert names[institute[0]].aliases == ()
    # used with the name in one article, the acronym is that name everywhere
    names = _names(resolve([*alone, _doc("e.txt", institute, ("ISAS", "Organization"))]))
    assert "ISAS" in names[institute[0]].aliases


def _text_doc(name: str, text: str, *organizations: str) -> DocumentFacts:
    """A document whose organization mentions sit where ``text`` has them."""
    mentions = []
    for org in organizations:
        start = text.index(org)
        mentions.append(Mention(org, "Organization", start, start + len(org)))
    info = DocumentInfo(name=name, title=None, date=None, sha256="0" * 64, length=len(text))
    return DocumentFacts(document=info, text=text, mentions=mentions)


def test_an_acronym_an_article_spells_out_stands_for_that_name_there():
    corpus = resolve(
        [
            # the name need not spell the acronym: a party's own language does
            _text_doc(
                "a.txt",
                "Roe joined the Party of the Democratic Renewal (PRV) in 1989.",
                "Party of the Democratic Renewal",
                "PRV",
            ),
            _text_doc("b.txt", "The PRV said no.", "PRV"),
            # spelt out as a name the article has no organization for: "RP" is not the
            # Republican Party of another article, whose initials it spells
            _text_doc("c.txt", "Kazan, deputy leader of the RP (Welfare Party) group.", "RP"),
            _text_doc("d.txt", "Denny of the Republican Party said so.", "Republican Party"),
            # a date in parentheses spells out nothing
            _text_doc("e.txt", "The DHS (Jan. 5) and the Department of Homeland Security.",
                      "DHS", "Department of Homeland Security"),
        ]
    )
    names = _names(corpus)
    assert names["Party of the Democratic Renewal"].aliases == ("PRV",)
    assert corpus.entity_for("b.txt", Mention("PRV", "Organization", 4, 7)) is (
        names["Party of the Democratic Renewal"]
    )
    assert "RP" in names and names["Republican Party"].aliases == ()
    assert names["Department of Homeland Security"].aliases == ("DHS",)


def test_country_abbreviations_become_one_place():
    corpus = resolve([_doc("a.txt", ("U.S.", "Place")), _doc("b.txt", ("United States", "Place"))])
    assert [(e.name, e.aliases) for e in corpus.entities.values()] == [("United States", ("U.S.",))]


def test_same_name_different_types_stay_apart_by_key():
    corpus = resolve([_doc("a.txt", ("Georgia", "Place"), ("Jane Roe", "Person"))])
    assert set(corpus.entities) == {"place/georgia", "person/jane-roe"}


def test_helpers():
    assert fold("The White House’s") == "white house"
    assert strip_honorific("Sen. Mary Major") == "Mary Major"
    assert strip_honorific("President") == "President"
    assert initials("Department of Homeland Security") == "dhs"
    assert slugify("Tom Homan") == "tom-homan"
    assert slugify("José Martí") == "jos%C3%A9-mart%C3%AD"
    assert slugify("<>{}").startswith("x-")


def test_a_role_title_or_an_outlet_before_a_full_name_is_no_part_of_it():
    assert strip_honorific("Rabbi Ann Roe") == "Ann Roe"
    assert strip_honorific("Spokeswoman Ann Roe") == "Ann Roe"
    assert strip_honorific("the Ledger’s Ann Roe") == "Ann Roe"
    assert strip_honorific("Acme Review's Ann Roe") == "Ann Roe"
    # a title word before one name may be a first name
    assert strip_honorific("Dean Roe") == "Dean Roe"
    assert strip_honorific("Major Roe") == "Major Roe"


def test_country_name_tagged_as_organization_is_the_country():
    corpus = resolve([_doc("a.txt", ("U.S.", "Organization"), ("United States", "Place"))])
    names = _names(corpus)
    assert list(names) == ["United States"]
    assert names["United States"].type == "Place"
    assert "U.S." in names["United States"].aliases


def test_name_an_operation_took_place_in_is_a_place():
    """The tagger calls the town an organization twice; the battle named after it wins."""
    facts = _doc("a.txt", ("Battle of Verrin", "Operation"), ("Verrin", "Organization"))
    battle, town = facts.mentions
    place = Mention("Verrin", "Place", battle.start + 10, battle.end)
    facts.operations.append(OperationLocation(battle, place, Evidence(0, 1, "named", 0.7)))
    other = _doc("b.txt", ("Verrin", "Organization"))
    types = {e.name: e.type for e in resolve([facts, other]).entities.values()}
    assert types == {"Battle of Verrin": "Operation", "Verrin": "Place"}


def test_one_surname_in_two_articles_joins_two_different_people():
    corpus = resolve(
        [
            _doc("a.txt", ("Bill Roe", "Person"), ("Roe", "Person")),
            _doc("b.txt", ("Jane Roe", "Person"), ("Roe", "Person")),
            _doc("b2.txt", ("Jane Roe", "Person"), ("Roe", "Person")),
            _doc("c.txt", ("Roe", "Person")),
            _doc("d.txt", ("Smith", "Person")),
            _doc("e.txt", ("Smith", "Person")),
        ]
    )
    names = {e.name: e.documents for e in corpus.entities.values()}
    # c.txt's bare "Roe" is the Roe of most articles; "Smith" never joined a fuller name
    assert names == {
        "Bill Roe": ("a.txt",),
        "Jane Roe": ("b.txt", "b2.txt", "c.txt"),
        "Smith": ("d.txt", "e.txt"),
    }
    assert corpus.entity_for("a.txt", Mention("Roe", "Person", 0, 3)).name == "Bill Roe"
    assert corpus.entity_for("b.txt", Mention("Roe", "Person", 0, 3)).name == "Jane Roe"


def test_an_organization_guessed_from_the_document_yields_to_the_corpus():
    """Rule 5: "President Roe" was given the country each article is about; three
    articles were about Norway, one about Chile, so Chile's guess is dropped."""

    def article(name: str, country: str) -> DocumentFacts:
        facts = _doc(name, ("Jane Roe", "Person"), (country, "Place"))
        person, place = facts.mentions
        evidence = Evidence(0, 1, "title-before-name" + FROM_THE_DOCUMENT, 0.8)
        facts.memberships.append(Membership(person, "President", place, evidence))
        return facts

    corpus = resolve(
        [article("a.txt", "Norway"), article("b.txt", "Norway"), article("c.txt", "Chile")]
        + [article("d.txt", "Norway")]
    )
    orgs = {
        facts.document.name: [
            m.organization.text if m.organization else None for m in facts.memberships
        ]
        for facts in corpus.documents
    }
    assert orgs == {"a.txt": ["Norway"], "b.txt": ["Norway"], "c.txt": [None], "d.txt": ["Norway"]}


def test_an_organization_the_text_states_is_kept_whatever_the_others_say():
    facts = _doc("a.txt", ("Jane Roe", "Person"), ("Chile", "Place"))
    person, place = facts.mentions
    stated = Membership(person, "President", place, Evidence(0, 1, "title-before-name", 0.9))
    facts.memberships.append(stated)
    other = _doc("b.txt", ("Jane Roe", "Person"), ("Norway", "Place"))
    evidence = Evidence(0, 1, "title-before-name" + FROM_THE_DOCUMENT, 0.8)
    other.memberships.append(
        Membership(other.mentions[0], "President", other.mentions[1], evidence)
    )
    corpus = resolve([facts, other])
    assert corpus.documents[0].memberships == [stated]
    assert corpus.documents[1].memberships[0].organization is None


def _orgs(name: str, *names: str) -> DocumentFacts:
    return _doc(name, *((text, "Organization") for text in names))


def test_generic_one_word_organization_used_alone_elsewhere_is_not_joined():
    corpus = resolve([_orgs("a.txt", "National Congress", "Congress"), _orgs("b.txt", "Congress")])
    assert {e.name for e in corpus.entities.values()} == {"National Congress", "Congress"}
    # where every article that uses it names the fuller one, it joins
    corpus = resolve([_orgs("a.txt", "National Congress", "Congress")])
    assert {e.name for e in corpus.entities.values()} == {"National Congress"}


def test_generic_several_word_body_used_alone_elsewhere_is_not_joined():
    """One article's "National Assembly" (of a country it names apart) is not another
    article's "Eastland National Assembly"; a name that is not generic still joins."""
    corpus = resolve(
        [
            _orgs("a.txt", "Eastland National Assembly", "Border Patrol"),
            _orgs("b.txt", "National Assembly", "U.S. Border Patrol"),
        ]
    )
    names = {e.name for e in corpus.entities.values()}
    assert "National Assembly" in names
    assert "Border Patrol" not in names  # joined "U.S. Border Patrol"
    # a town's service is named like every other town's: "Fire Department" alone in one
    # article is not another article's "Harbor Township Fire Department"
    corpus = resolve(
        [
            _orgs("a.txt", "Harbor Township Fire Department"),
            _orgs("b.txt", "Fire Department"),
        ]
    )
    assert {e.name for e in corpus.entities.values()} == {
        "Harbor Township Fire Department",
        "Fire Department",
    }


def test_a_short_name_joins_another_articles_body_of_the_nation_or_a_department_only():
    """In another article a short name is the nation's body ("U.S. Border Patrol"), a
    chamber's committee ("House Oversight Committee") or a department ("Department of
    Homeland Security"), not the body of a place or another body that ends in it: "Virginia
    AFL-CIO" is not the AFL-CIO, nor "International Committee of the Red Cross" an
    American article's Red Cross. In its own article it joins either."""
    corpus = resolve(
        [
            _orgs("a.txt", "Oversight Committee", "AFL-CIO", "Red Cross", "Homeland Security"),
            _orgs("b.txt", "House Oversight Committee", "Virginia AFL-CIO"),
            _orgs("c.txt", "International Committee of the Red Cross"),
            _orgs("d.txt", "Department of Homeland Security"),
        ]
    )
    names = {e.name: set(e.aliases) for e in corpus.entities.values()}
    assert names["House Oversight Committee"] == {"Oversight Committee"}
    assert names["Department of Homeland Security"] == {"Homeland Security"}
    assert names["AFL-CIO"] == set() and names["Virginia AFL-CIO"] == set()
    assert names["Red Cross"] == set()
    corpus = resolve([_orgs("a.txt", "Virginia AFL-CIO", "AFL-CIO")])
    assert {e.name: set(e.aliases) for e in corpus.entities.values()} == {
        "Virginia AFL-CIO": {"AFL-CIO"}
    }


def test_a_lone_word_organization_stays_in_its_document():
    """ "State" (from "Secretary of State") must not join another article's "Buckeye
    State"; "Mobil" joins "Exxon Mobil" of its own article."""
    corpus = resolve(
        [_orgs("a.txt", "State", "Mobil", "Exxon Mobil"), _orgs("b.txt", "Buckeye State")]
    )
    names = {e.name: set(e.aliases) for e in corpus.entities.values()}
    assert names == {"State": set(), "Buckeye State": set(), "Exxon Mobil": {"Mobil"}}


def test_a_lone_generic_modifier_joins_no_fuller_name():
    # "State" alone (a fragment such as the end of "Secretary of State") is no short form
    # of a name that ends in it, even in the same document
    corpus = resolve([_doc("a.txt", ("Crimson State", "Organization"), ("State", "Organization"))])
    assert set(_names(corpus)) == {"Crimson State", "State"}
    corpus = resolve([_doc("a.txt", ("Harbor Patrol", "Organization"), ("Patrol", "Organization"))])
    assert set(_names(corpus)) == {"Harbor Patrol"}


def test_a_lone_party_adjective_joins_no_fuller_name():
    # "the Ohio Republican" (a person described) in one article: "Republican" elsewhere
    # is not that name
    corpus = resolve(
        [
            _doc("a.txt", ("Ohio Republican", "Organization"), ("Republican", "Organization")),
            _doc("b.txt", ("Republican", "Organization")),
        ]
    )
    assert set(_names(corpus)) == {"Ohio Republican", "Republican"}


def test_a_party_word_is_no_surname():
    # a person called "the Ohio Republican" does not make every "Republican" a person
    corpus = resolve(
        [
            _doc("a.txt", ("Ohio Republican", "Person")),
            _doc("b.txt", ("Republican", "Organization")),
        ]
    )
    assert _names(corpus)["Republican"].type == "Organization"


def test_a_name_joined_to_another_by_a_hyphen_keeps_its_parts_apart():
    # a poll of two outlets: "Harbor News" is not that joint name, in the document or not
    corpus = resolve(
        [
            _doc(
                "a.txt",
                ("Daily Ledger-Harbor News", "Organization"),
                ("Harbor News", "Organization"),
            ),
            _doc(
                "b.txt",
                ("Harbor News", "Organization"),
                ("Daily Ledger/Harbor News", "Organization"),
            ),
        ]
    )
    assert "Harbor News" in _names(corpus)
    corpus = resolve(
        [_doc("a.txt", ("Wexford Harbor-Times", "Organization"), ("Times", "Organization"))]
    )
    assert set(_names(corpus)) == {"Wexford Harbor-Times", "Times"}
    # a hyphen inside one word of a name leaves the join as it was
    corpus = resolve(
        [
            _doc(
                "a.txt",
                ("Anti-Fraud Patrol League", "Organization"),
                ("Patrol League", "Organization"),
            )
        ]
    )
    assert set(_names(corpus)) == {"Anti-Fraud Patrol League"}


def test_a_name_is_no_short_form_of_a_numbered_unit():
    """ "the 5th Circuit Court of Appeals" is one of the courts called "Circuit Court of
    Appeals", not the same body; an unnumbered fuller name still takes the short one."""
    corpus = resolve(
        [_orgs("a.txt", "5th Circuit Court of Appeals"), _orgs("b.txt", "Circuit Court of Appeals")]
    )
    names = {e.name for e in corpus.entities.values()}
    assert names == {"5th Circuit Court of Appeals", "Circuit Court of Appeals"}
    corpus = resolve(
        [
            _orgs("a.txt", "Federal Circuit Court of Appeals"),
            _orgs("b.txt", "Circuit Court of Appeals"),
        ]
    )
    assert {e.name for e in corpus.entities.values()} == {"Federal Circuit Court of Appeals"}


def test_a_surname_is_the_person_its_article_names_most_of_the_two_who_share_it():
    ivy = [("Ivy Roe", "Person")] * 5
    corpus = resolve(
        [
            _doc("a.txt", *ivy, ("Don Roe", "Person"), ("Don Roe", "Person"), ("Roe", "Person")),
            _doc("b.txt", ("Don Roe", "Person"), ("Roe", "Person")),
            _doc("c.txt", ("Don Roe", "Person"), ("Roe", "Person")),
        ]
    )
    # Ivy is named more often in a.txt than Don (5 to 2): its "Roe" is Ivy, though the
    # bare "Roe" of the other articles is Don
    assert corpus.entity_for("a.txt", Mention("Roe", "Person", 0, 3)).name == "Ivy Roe"
    assert corpus.entity_for("b.txt", Mention("Roe", "Person", 0, 3)).name == "Don Roe"
    # no majority (3 to 2 to 2): the surname stays apart in its article, as before
    corpus = resolve(
        [
            _doc(
                "a.txt",
                *ivy[:3],
                *[("Don Roe", "Person")] * 2,
                *[("Al Roe", "Person")] * 2,
                ("Roe", "Person"),
            )
        ]
    )
    assert corpus.entity_for("a.txt", Mention("Roe", "Person", 0, 3)).name == "Roe"


def test_a_person_is_shown_by_the_full_name_the_articles_use_most():
    """Not the longest name: a middle initial used once, or a headline's run-on of a verb
    and the name ("Praise Mary Lee"); a two-word surname alone never beats the full name."""
    corpus = resolve(
        [
            _doc("a.txt", ("Mary Q. Lee", "Person"), ("Mary Lee", "Person")),
            _doc("b.txt", ("Praise Mary Lee", "Person"), ("Mary Lee", "Person")),
            _doc("c.txt", ("Mary Lee", "Person"), ("Lee", "Person")),
            _doc(
                "d.txt",
                ("Xochitl Vander Berg", "Person"),
                ("Vander Berg", "Person"),
                ("Vander Berg", "Person"),
            ),
        ]
    )
    names = _names(corpus)
    assert set(names) == {"Mary Lee", "Xochitl Vander Berg"}
    assert {"Mary Q. Lee", "Praise Mary Lee", "Lee"} <= set(names["Mary Lee"].aliases)
