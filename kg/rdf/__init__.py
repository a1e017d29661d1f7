"""The resolved corpus as RDF: vocabularies, IRIs and quads."""
