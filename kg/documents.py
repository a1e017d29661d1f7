"""Reading source documents: finding input files and decoding them into ``Document``s.

Formats: ``.txt``; ``.html``/``.htm`` (article text extracted, boilerplate removed,
with trafilatura); ``.json``/``.jsonl`` (one article per record: ``text`` and
optional ``title``, ``url``, ``date``, ``source``). Encodings: UTF-8 with or
without BOM, UTF-16 with BOM, and 8-bit Western encodings detected with
charset-normalizer; mojibake is repaired with ftfy.

A bad file (empty, binary, undecodable, too large, unreadable) never stops a
build: it becomes a ``SkippedFile`` with the reason, and the rest is read.
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_TITLE_CHARS = 200
DEFAULT_MAX_BYTES = 20_000_000
# Space separators other than the plain space (no-break, thin, em, ideographic, ...).
_UNICODE_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
WESTERN_8BIT = ("cp1252", "cp1250", "latin_1", "iso8859_15", "iso8859_2", "cp1251", "mac_roman")


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
    url: str | None = None
    source: str | None = None


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
            found.setdefault(path.name, path)  # a broken link is reported when read
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise NoInputError(f"{raw}: no such file, folder or matching pattern")
            for match in matches:
                if Path(match).is_file() or Path(match).is_symlink():
                    found.setdefault(Path(match).name, Path(match))
    return sorted(((p, name) for name, p in found.items()), key=lambda item: item[1])


def decode_text(data: bytes) -> str:
    """Decode bytes: UTF-8 (BOM allowed), BOM-marked UTF-16, else a detected 8-bit Western
    encoding; mojibake repaired. Raises ``ValueError`` saying why the bytes are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _repair(data.decode("utf-16"))
    if b"\x00" in data[:4096]:
        raise ValueError("not text (binary data)")
    try:
        return _repair(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    return _repair(_decode_8bit(data, first_bad))


def _decode_8bit(data: bytes, first_bad: int) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError(f"not text (undecodable byte at offset {first_bad})")
    encoding = best.encoding.lower()
    if encoding in WESTERN_8BIT:
        try:
            return data.decode("cp1252")  # English news in an 8-bit code page: Windows-1252
        except UnicodeDecodeError:
            return data.decode("latin_1")
    text = str(best)
    if sum(not c.isprintable() and c not in "\n\t\r" for c in text) > len(text) // 20:
        raise ValueError(f"not text (detected {encoding}, mostly control characters)")
    return text


def _repair(text: str) -> str:
    """Normalise line ends, write no-break and other Unicode spaces as plain spaces (one
    character for one: the parser reads "ruling.\u00a0“We" as a sentence that runs on) and
    repair mojibake ("CafÃ©" -> "Café"); nothing else changes."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text  # mojibake is made of non-ASCII characters
    text = fix_encoding(text) if is_bad(text) else text
    return _UNICODE_SPACES.sub(" ", text)


def _records_of(path: Path, name: str, text: str) -> list[tuple[str, dict]]:
    """The articles in a file as ``(document name, record)`` pairs."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [(name, _html_record(text))]
    if suffix == ".jsonl":
        records = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    records.append((f"{name}#{number}", json.loads(line)))
                except json.JSONDecodeError as error:
                    raise ValueError(f"invalid JSON on line {number}: {error.msg}") from None
        return records
    if suffix == ".json":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"invalid JSON at line {error.lineno}: {error.msg}") from None
        items = value if isinstance(value, list) else [value]
        if len(items) == 1:
            return [(name, items[0])]
        return [(f"{name}#{number}", item) for number, item in enumerate(items, start=1)]
    return [(name, {"text": text})]


def _html_record(html: str) -> dict:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    record: dict = {"text": text}
    if meta is not None:
        record.update(
            {
                k: v
                for k, v in (
                    ("title", meta.title),
                    ("url", meta.url),
                    ("date", meta.date),
                    ("source", meta.sitename),
                )
                if v
            }
        )
    return record


def _document(path: Path, name: str, record: object) -> Document:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError('a record has no "text" string')
    text = _repair(record["text"])
    if not text.strip():
        raise ValueError("empty")
    title = record.get("title") if isinstance(record.get("title"), str) else None
    given_date = record.get("date") if isinstance(record.get("date"), str) else None
    return Document(
        name=name,
        text=text,
        title=" ".join(title.split()) if title else find_title(text),
        date=(find_date(given_date) if given_date else None) or find_date(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=str(path),
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
    )


def read_file(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read the articles of one file; raise ``ValueError`` with the reason if it is unusable."""
    if path.is_symlink() and not path.exists():
        raise ValueError("broken symbolic link")
    if path.is_dir():
        raise ValueError("is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValueError(
                f"too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"unreadable ({error.strerror or error})") from None
    if not data.strip():
        raise ValueError("empty")
    return [
        _document(path, doc_name, record)
        for doc_name, record in _records_of(path, name, decode_text(data))
    ]


def read_document(path: Path, name: str) -> Document:
    """Read a single-article file into a ``Document``; raise ``ValueError`` if unusable."""
    documents = read_file(path, name)
    if len(documents) != 1:
        raise ValueError(f"holds {len(documents)} articles, not one")
    return documents[0]


def read_documents(
    pairs: list[tuple[Path, str]], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document], list[SkippedFile]]:
    """Read every ``(path, name)``; return the documents and the files skipped with reasons."""
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for path, name in pairs:
        try:
            documents.extend(read_file(path, name, max_bytes))
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
