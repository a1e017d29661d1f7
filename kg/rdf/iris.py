"""Minting stable, safe IRIs: the same input always gives the same IRIs.

Entities get readable slugs (``id/person/tom-homan``); documents their
percent-encoded name; facts a hash of what identifies them. Nothing from the
text reaches an IRI without being slugged or percent-encoded.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from kg.rdf.vocab import DOC, ID

ENTITIES_GRAPH = ID["graph/entities"]


def entity_iri(key: str) -> URIRef:
    """``person/tom-homan`` -> ``…/id/person/tom-homan`` (keys are slugs made by the resolver)."""
    return ID[quote(key, safe="/-_%")]


def document_iri(name: str) -> URIRef:
    """The document node, also the name of the document's graph: ``…/doc/001_abc.txt``."""
    return DOC[quote(name, safe="")]


def span_iri(document: URIRef, start: int, end: int) -> URIRef:
    """An RFC 5147 / NIF character span of a document: ``…/doc/x.txt#char=18,105``."""
    return URIRef(f"{document}#char={int(start)},{int(end)}")


def fact_iri(kind: str, *parts: object) -> URIRef:
    """A fact node named by the hash of what identifies it: ``…/id/quote/3f9a0c…``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return ID[f"{kind}/{digest[:16]}"]


def role_iri(slug: str) -> URIRef:
    """A role concept: ``…/id/role/governor``."""
    return ID[f"role/{quote(slug, safe='-_%')}"]
