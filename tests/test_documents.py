"""Reading inputs: files, folders, globs, bad files, titles and dates."""

from __future__ import annotations

import pytest

from kg.documents import (
    NoInputError,
    collect_paths,
    decode_text,
    find_date,
    find_title,
    read_documents,
)


def test_folder_glob_and_file_inputs_are_collected_once(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha said hello.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Beta.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    pairs = collect_paths([str(tmp_path)])
    assert [name for _, name in pairs] == ["a.txt", "sub/b.txt"]
    assert [name for _, name in collect_paths([str(tmp_path / "*.txt")])] == ["a.txt"]
    assert [name for _, name in collect_paths([str(tmp_path / "a.txt")])] == ["a.txt"]


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(NoInputError, match="nope"):
        collect_paths([str(tmp_path / "nope")])


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "good.txt").write_text("Mayor Jane Roe spoke.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owner".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    documents, skipped = read_documents(collect_paths([str(tmp_path)]))
    assert [d.name for d in documents] == ["good.txt"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty"
    assert "not UTF-8" in reasons["latin.txt"]
    assert "binary" in reasons["image.txt"]


def test_utf8_bom_and_utf16_decode():
    assert decode_text("\ufeffHello".encode()) == "Hello"
    assert decode_text("Héllo".encode("utf-16")) == "Héllo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2025-11-03 Officials said", "2025-11-03"),
        ("March 5, 2024\n\nNews", "2024-03-05"),
        ("Sept 5 2024 was a day", None),
        ("Published 2024-02-30 (bad)", None),
        ("No date here at all.", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_find_title_skips_date_lines():
    assert find_title("January 2, 2025\n\nCity council approves budget\n\nBody.") == (
        "City council approves budget"
    )
