"""Reading source documents: finding input files and decoding them into ``Document``s.

A bad file (empty, binary, undecodable) never stops a build: it becomes a
``SkippedFile`` with the reason, and the rest of the corpus is read.
"""

from __future__ import annotations

import glob
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt",)
MAX_TITLE_CHARS = 200


class NoInputError(Exception):
    """No readable input file was named."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article: ``name`` is unique within a build (the file name, or its relative path)."""

    name: str
    text: str
    title: str | None
    date: str | None
    sha256: str
    path: str


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that was not read, and why."""

    path: str
    reason: str


def collect_paths(inputs: list[str]) -> list[tuple[Path, str]]:
    """Expand files, folders and glob patterns into ``(path, document name)`` pairs, sorted.

    A folder contributes its ``.txt`` files (recursively) named by their path inside it.
    Raises ``NoInputError`` when an input names nothing.
    """
    found: dict[str, Path] = {}
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    found.setdefault(child.relative_to(path).as_posix(), child)
        elif path.exists() or path.is_symlink():
            found.setdefault(path.name, path)
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise NoInputError(f"{raw}: no such file, folder or matching pattern")
            for match in matches:
                if Path(match).is_file():
                    found.setdefault(Path(match).name, Path(match))
    return sorted(((p, name) for name, p in found.items()), key=lambda item: item[1])


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM allowed) or BOM-marked UTF-16; raise ``ValueError`` otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ValueError("not text (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 (invalid byte at offset {error.start})") from None


def read_document(path: Path, name: str) -> Document:
    """Read one file into a ``Document``; raise ``ValueError`` with the reason if unusable."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"unreadable ({error.strerror or error})") from None
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("empty")
    return Document(
        name=name,
        text=text,
        title=find_title(text),
        date=find_date(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=str(path),
    )


def read_documents(pairs: list[tuple[Path, str]]) -> tuple[list[Document], list[SkippedFile]]:
    """Read every ``(path, name)``; return the documents and the files skipped with reasons."""
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for path, name in pairs:
        try:
            documents.append(read_document(path, name))
        except ValueError as error:
            skipped.append(SkippedFile(str(path), str(error)))
    return documents, skipped


_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),  # noqa: E501
        start=1,
    )
}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG_DATE = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE
)
_DATE_LINE = re.compile(r"^\s*date\s*:?\s*", re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The publication date a text states near its top, as ISO ``yyyy-mm-dd``.

    >>> find_date("February 4, 2026\\n\\nDaily News")
    '2026-02-04'
    """
    head = text[:400]
    candidates: list[tuple[int, str]] = []
    for match in _ISO_DATE.finditer(head):
        candidates.append((match.start(), _iso(*(int(g) for g in match.groups()))))
    for match in _LONG_DATE.finditer(head):
        month = _MONTHS[match.group(1).lower()]
        candidates.append((match.start(), _iso(int(match.group(3)), month, int(match.group(2)))))
    valid = sorted((pos, value) for pos, value in candidates if value)
    return valid[0][1] if valid else None


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_title(text: str) -> str | None:
    """The first short line that is not a date line: the headline of most news files."""
    for line in text.split("\n")[:8]:
        line = line.strip()
        if not line or _DATE_LINE.match(line) and find_date(line):
            continue
        if find_date(line) and len(line) < 40:
            continue
        return line if len(line) <= MAX_TITLE_CHARS else None
    return None
