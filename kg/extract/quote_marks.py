"""Quotation spans in raw text: where quoted passages start and end.

``find_quotes(text)`` finds the passages between curly, straight, guillemet or archive-style
(''…'') double quotation marks, paragraph by paragraph, with the repairs news text needs:
a quote left open runs to its paragraph's end, a closing mark typeset as an opener opens,
and a straight closing mark whose opener was dropped closes a quote from the paragraph's
(or the sentence's) start. Who said them is :mod:`kg.extract.statements`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_MARKS = '“«"'
CLOSING_MARKS = '”»"'
WIDE_MARKS = ("''", "``")  # archive style: ''It's anti-growth,'' said Mr. Smith.
# Two right single marks typed for a closing double one (“…,’’ says Roe): a closing mark only
CLOSING_PAIR = "’’"
QUOTE_MARK = re.compile(r"''|``|’’|[“”«»\"]")
# A sentence ending inside a stretch of text (not at its end).
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted text between ``start`` and ``end``; the marks sit just outside (if closed)."""

    start: int
    end: int
    opened_at: int
    closed: bool


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quoted passages of ``text``: curly or straight double quotes, within a paragraph.

    An opening mark with no closing mark before the paragraph ends quotes the rest
    of the paragraph (news style for a quote that runs on into the next paragraph).
    Two apostrophes (''…'', the style of some news archives) count as a double mark.

    >>> [(q.start, q.end) for q in find_quotes('He said "yes, now" today.')]
    [(9, 17)]
    """
    quotes: list[QuoteSpan] = []
    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        width = 1
        last_closed = -1
        for mark in QUOTE_MARK.finditer(paragraph):
            char, i = mark.group(), mark.start()
            if opened is None and _orphan_closer(paragraph, i):
                start = _orphan_start(paragraph, last_closed)
                if start is not None:
                    quotes.append(QuoteSpan(offset + start, offset + i, offset + start, True))
                    last_closed = i
            elif opened is None and (
                char in OPENING_MARKS or char in WIDE_MARKS or _misturned_opener(paragraph, i)
            ):
                opened, width = i, len(char)
            elif opened is not None and (
                char in CLOSING_MARKS
                or char in WIDE_MARKS
                or char == CLOSING_PAIR
                or _misturned_closer(paragraph, i)
            ):
                quotes.append(QuoteSpan(offset + opened + width, offset + i, offset + opened, True))
                opened, last_closed = None, i
        if opened is not None and len(paragraph) - opened > 2:
            quotes.append(
                QuoteSpan(offset + opened + width, offset + len(paragraph), offset + opened, False)
            )
        offset += len(paragraph) + 1
    return [q for q in (_trim(text, q) for q in quotes) if q.end > q.start]


def after_closing_mark(text: str, quote: QuoteSpan) -> int:
    """The offset just past ``quote``'s closing mark, one character or a pair (''…'',
    ``…’’``); the quote's end where it runs on open."""
    if not quote.closed:
        return quote.end
    at = quote.end + len(text[quote.end :]) - len(text[quote.end :].lstrip(" \t"))
    mark = QUOTE_MARK.match(text, at)
    return mark.end() if mark is not None else quote.end + 1


def _orphan_closer(paragraph: str, i: int) -> bool:
    """A straight mark that can only close a quote, with none open: after the quote's final
    punctuation and before a space or the paragraph's end (``veterans," said Roe``), where
    the writer dropped the opening mark. A mark after a digit (``12" pipe``) is no quote, nor
    one in a paragraph that also has curly marks (an excerpt quoting a quote)."""
    after = paragraph[i + 1 : i + 2]
    return (
        paragraph[i] == '"'
        and "“" not in paragraph
        and "”" not in paragraph
        and i > 0
        and paragraph[i - 1] in ".,!?"
        and (not after or after.isspace() or after in ".,;)")
    )


def _orphan_start(paragraph: str, last_closed: int) -> int | None:
    """Where the quote closed by an orphan mark began: the paragraph's start (a quote run
    on from the paragraph before), or the sentence after the one that closed the previous
    quote of the paragraph ("…," Roe said. It was never … game.")."""
    if last_closed < 0:
        return len(paragraph) - len(paragraph.lstrip())
    following = SENTENCE_END.search(paragraph, last_closed + 1)
    return following.end() if following is not None else None


def _misturned_opener(paragraph: str, i: int) -> bool:
    """A closing mark typeset where an opening one belongs: ``”Word`` after a space."""
    return (
        paragraph[i] == "”"
        and (i == 0 or paragraph[i - 1].isspace() or paragraph[i - 1] in "([")
        and i + 1 < len(paragraph)
        and paragraph[i + 1].isalnum()
    )


def _misturned_closer(paragraph: str, i: int) -> bool:
    """An opening mark typeset where the closing one belongs: ``unusual,“ said`` after the
    quote's final punctuation, before a space or the paragraph's end."""
    after = paragraph[i + 1 : i + 2]
    return (
        paragraph[i] == "“"
        and i > 0
        and paragraph[i - 1] in ".,!?"
        and (not after or after.isspace())
    )


def _trim(text: str, quote: QuoteSpan) -> QuoteSpan:
    start, end = quote.start, quote.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, quote.opened_at, quote.closed)
