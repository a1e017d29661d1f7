"""Helpers shared by the tests: statement checks, the repository's scripts as modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from kg.extract.records import Statement

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_script(name: str) -> ModuleType:
    """``scripts/NAME.py`` imported as a module (the scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None, name
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
