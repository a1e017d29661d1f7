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
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    (tmp_path / "truncated.json").write_text('{"text": "Mayor Jane', encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    documents, skipped = read_documents(collect_paths([str(tmp_path)]), max_bytes=300)
    assert [d.name for d in documents] == ["good.txt"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty"
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["big.txt"]
    assert "invalid JSON" in reasons["truncated.json"]
    assert reasons["broken.txt"] == "broken symbolic link"


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


def test_windows_1252_and_mojibake_are_repaired():
    cp1252 = "The mayor\u2019s \u201cplan\u201d for the caf\u00e9".encode("cp1252")
    assert decode_text(cp1252) == "The mayor\u2019s \u201cplan\u201d for the caf\u00e9"
    assert decode_text("Caf\u00c3\u00a9 cr\u00c3\u00a8me".encode()) == "Caf\u00e9 cr\u00e8me"


def test_unicode_spaces_are_plain_spaces_one_for_one():
    """A no-break space between sentences reads as a space; offsets do not move, and a
    mojibake "à" (whose second byte reads as a no-break space) is repaired first."""
    text = "He spoke.\u00a0\u201cWe will win,\u201d Roe said.\u2009Then\u202fhe left."
    decoded = decode_text(text.encode())
    assert decoded == "He spoke. \u201cWe will win,\u201d Roe said. Then he left."
    assert len(decoded) == len(text)
    assert decode_text("d\u00c3\u00a0 voil\u00c3\u00a0 tout".encode()) == "d\u00e0 voil\u00e0 tout"


def test_html_json_and_jsonl_records(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>City news</title></head><body>"
        "<nav>Home | About | Login</nav>"
        "<article><h1>Budget passes</h1><p>Mayor Jane Roe said the budget passed on Monday "
        "after a long debate in the council chamber.</p><p>The council voted seven to two "
        "in favour of the plan, which funds new parks.</p></article>"
        "<footer>Copyright 2025</footer></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "First story.", "title": "One", "url": "https://news.example/1", '
        '"date": "2025-03-04", "source": "Example News"}\n'
        '{"text": "Second story."}\n',
        encoding="utf-8",
    )
    (tmp_path / "single.json").write_text('{"text": "Only story.", "title": "Solo"}', "utf-8")
    documents, skipped = read_documents(collect_paths([str(tmp_path)]))
    assert skipped == []
    by_name = {d.name: d for d in documents}
    assert set(by_name) == {"feed.jsonl#1", "feed.jsonl#2", "page.html", "single.json"}
    page = by_name["page.html"]
    assert "Mayor Jane Roe said" in page.text
    assert "Login" not in page.text and "Copyright" not in page.text
    first = by_name["feed.jsonl#1"]
    assert (first.title, first.url, first.date, first.source) == (
        "One",
        "https://news.example/1",
        "2025-03-04",
        "Example News",
    )
    assert by_name["single.json"].title == "Solo"
