"""Per-document extraction results kept in the output folder, for incremental builds.

``out/cache/<key>.json`` holds one document's mentions and facts; the key is the
SHA-256 of the text together with a fingerprint of the extractors' source and the
spaCy pipeline's name, so changed code or another model never reuses stale results.
``out/cache/manifest.json`` lists the documents of the last build (name and absolute
path), which ``--update`` extends and ``kg html`` reads.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from kg import __version__
from kg.export.files import write_atomic
from kg.extract.records import (
    DocumentFacts,
    DocumentInfo,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
    Statement,
)

CACHE_DIR = "cache"
MANIFEST = "manifest.json"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of kg's version and the source of the parse and extract stages: a change
    to any extractor invalidates every cached result."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([package / "nlp.py", *(package / "extract").glob("*.py")]):
        digest.update(path.name.encode() + b"\x1f" + path.read_bytes())
    return digest.hexdigest()


def cache_key(sha256: str, model: str) -> str:
    """The file stem of a document's cached facts."""
    material = f"{extractor_fingerprint()}\x1f{model}\x1f{sha256}"
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def _mention(data: dict | None) -> Mention | None:
    return Mention(**data) if data else None


def facts_to_json(facts: DocumentFacts) -> dict:
    """The facts of a document without its text and name (those come from the file)."""
    return {
        "mentions": [asdict(m) for m in facts.mentions],
        "memberships": [asdict(m) for m in facts.memberships],
        "operations": [asdict(o) for o in facts.operations],
        "statements": [asdict(s) for s in facts.statements],
    }


def facts_from_json(data: dict, document: DocumentInfo, text: str) -> DocumentFacts:
    """Rebuild a document's facts from :func:`facts_to_json` output."""
    return DocumentFacts(
        document=document,
        text=text,
        mentions=[Mention(**m) for m in data["mentions"]],
        memberships=[
            Membership(
                person=Mention(**m["person"]),
                role=m["role"],
                organization=_mention(m["organization"]),
                evidence=Evidence(**m["evidence"]),
                qualifier=m.get("qualifier"),
            )
            for m in data["memberships"]
        ],
        operations=[
            OperationLocation(
                Mention(**o["operation"]), Mention(**o["location"]), Evidence(**o["evidence"])
            )
            for o in data["operations"]
        ],
        statements=[
            Statement(
                text=s["text"],
                start=s["start"],
                end=s["end"],
                kind=s["kind"],
                cue=s["cue"],
                speaker=_mention(s["speaker"]),
                evidence=Evidence(**s["evidence"]),
            )
            for s in data["statements"]
        ],
    )


class FactCache:
    """Cached facts in ``out_dir/cache``; unreadable entries count as missing."""

    def __init__(self, out_dir: Path, model: str) -> None:
        self.folder = Path(out_dir) / CACHE_DIR
        self.model = model

    def _path(self, sha256: str) -> Path:
        return self.folder / f"{cache_key(sha256, self.model)}.json"

    def get(self, document: DocumentInfo, text: str) -> DocumentFacts | None:
        path = self._path(document.sha256)
        try:
            return facts_from_json(json.loads(path.read_text("utf-8")), document, text)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, facts: DocumentFacts) -> None:
        payload = json.dumps(facts_to_json(facts), ensure_ascii=False, sort_keys=True)
        write_atomic(self._path(facts.document.sha256), payload)

    def prune(self, keep: set[str]) -> None:
        """Delete cached entries of documents no longer in the build."""
        wanted = {self._path(sha).name for sha in keep}
        for path in self.folder.glob("*.json"):
            if path.name != MANIFEST and path.name not in wanted:
                path.unlink(missing_ok=True)

    def read_manifest(self) -> list[tuple[str, str]]:
        """``(path, name)`` of every document of the previous build, or [] if none."""
        try:
            data = json.loads((self.folder / MANIFEST).read_text("utf-8"))
            return [(d["path"], d["name"]) for d in data["documents"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def write_manifest(self, documents: list[tuple[str, str]]) -> None:
        """Record ``(path, name)`` of the build's documents; paths are made absolute (not
        resolved: a link stays a link) so the build can be read from any folder."""
        absolute = {(os.path.abspath(path), name) for path, name in documents}
        entries = [{"name": name, "path": path} for path, name in sorted(absolute)]
        write_atomic(
            self.folder / MANIFEST, json.dumps({"documents": entries}, indent=1, sort_keys=True)
        )
