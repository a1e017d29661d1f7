"""Checks shared by the statement tests."""

from __future__ import annotations

from kg.extract.records import Statement


def assert_in_place(text: str, statement: Statement) -> None:
    """The statement's span holds its text: exactly, or, for a quote its cue interrupts
    (“A,” she said. “B.” -> "A, B."), the quoted parts in order from its start to its end."""
    span = text[statement.start : statement.end]
    if span == statement.text:
        return
    position = 0
    for word in statement.text.split():
        found = span.find(word, position)
        assert found >= 0, f"{word!r} of {statement.text!r} not in order in {span!r}"
        position = found + len(word)
    assert span.startswith(statement.text.split()[0])
    assert span.rstrip("”’\"'").endswith(statement.text.split()[-1])
