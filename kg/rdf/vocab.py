"""Every IRI kg writes, declared once.

Standard vocabularies come from rdflib's ``DefinedNamespace`` classes where
rdflib ships one (schema.org, ORG, PROV, SKOS, ...); NIF, SEM and kg's own
ontology are declared here the same way, so a typo in a term is an error.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kg-news/"
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")


class KG(DefinedNamespace):
    """kg's own terms; ontology/kg.ttl declares how they relate to the standard ones."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Operation: URIRef  # a named operation or campaign; subclass of sem:Event and schema:Event
    RoleMention: URIRef  # an org:Membership read from text
    Statement: URIRef  # a schema:Quotation read from text (direct, partial or reported)
    OperationPlacement: URIRef  # one text's claim that an operation takes place somewhere
    confidence: URIRef
    extractionRule: URIRef
    quoteKind: URIRef
    cueVerb: URIRef
    unknownSpeaker: URIRef
    qualifier: URIRef
    reportedOn: URIRef
    mentionCount: URIRef
    sha256: URIRef
    operation: URIRef
    place: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core, for text spans."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Sentence: URIRef
    OffsetBasedString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    sourceUrl: URIRef


class SEM(DefinedNamespace):
    """Simple Event Model."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Place: URIRef
    hasPlace: URIRef


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "doc": str(DOC),
    "schema": str(SDO._NS),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "skos": str(SKOS._NS),
    "rdfs": str(RDFS._NS),
    "rdf": str(RDF._NS),
    "xsd": str(XSD._NS),
    "owl": str(OWL._NS),
    "nif": str(NIF._NS),
    "sem": str(SEM._NS),
}

# Prefixes written into Turtle: readable terms, while kg's own node IRIs stay whole.
TURTLE_PREFIXES: dict[str, str] = {k: v for k, v in PREFIXES.items() if k not in ("id", "doc")}

__all__ = [
    "TURTLE_PREFIXES",
    "BASE",
    "DOC",
    "ID",
    "KG",
    "NIF",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "XSD",
]
