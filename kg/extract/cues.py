"""Speech verbs ("cues"): the lexicons of news writing's verbs of saying and the tests that
find one in a parse, shared by the speaker search (:mod:`kg.extract.speakers`) and the
statement extractor (:mod:`kg.extract.statements`)."""

from __future__ import annotations

from spacy.tokens import Token

# Speech verbs of news writing (lemmas).
CUE_VERBS = frozenset(
    """say tell add write argue insist warn note state acknowledge claim explain announce
    declare stress emphasize emphasise suggest contend maintain recall reply respond ask
    continue conclude predict promise vow admit confirm deny report tweet post testify
    remark observe allege assert caution concede complain comment describe disclose
    estimate mention point reiterate reveal recount urge indicate charge counter
    quip joke boast lament muse agree believe think wonder plead scoff retort exclaim shout
    chide proclaim interject remind""".split()
)
# Cues that introduce reported speech through a clausal complement.
REPORTING_VERBS = CUE_VERBS - frozenset({"ask", "describe", "comment", "post", "tweet"})
# Verbs that are speech only right after a quote: “…?” Roe demanded. ("demanded payment" no);
# the manner of speaking included: “…,” Roe blurted out / laughed / snapped / whispered.
QUOTE_CUES = frozenset(
    """demand blurt snap laugh chuckle sigh yell scream shout whisper mutter murmur gush
    marvel shrug cry sob read bark bellow fume gasp groan growl grumble hiss holler rage roar
    sneer stammer thunder boom remember assure beam grin smile chirp enthuse answer
    press interrupt""".split()
)
# Cues whose direct object is the person addressed, never the speaker nor the content: "told
# reporters …", "warned voters that …".
ADDRESSEE_CUES = frozenset(
    "tell inform assure remind warn ask promise advise notify brief urge caution".split()
)
# Of those, the ones news never writes before their speaker: in “…,” Roe told Acme News the
# name after "told" is the hearer, where in “…?” asked Jo Roe it is the speaker.
HEARER_CUES = frozenset({"tell", "inform", "assure", "remind"})
# Cues that only count next to a quotation mark (too vague for reported speech).
WEAK_CUES = frozenset({"believe", "think", "agree", "continue", "post", "tweet", "remind"})
# Weak cues that still report a clause introduced by "that": "agreed that the rules should
# change", "tweeted that the vote was rigged", "reminded voters that the polls close at
# eight" (not "agreed to meet", "tweeted a photo", "reminds me of home").
THAT_CUES = frozenset({"agree", "tweet", "remind"})
# The fewest tokens of a report written before its cue that ``fronted_report`` takes.
MIN_FRONTED_TOKENS = 4


def is_cue(token: Token) -> bool:
    """A verb (or auxiliary) whose lemma is a speech verb: "said", "added", "argues"; or the
    idiom of attribution "as Roe put it" (see ``_as_put_it``). A participle that describes a
    common noun is none: "in a written statement", "the stated goal" (the parser's
    "Continued Roe: “…”" describes a name and stays a cue)."""
    return (
        token.pos_ in ("VERB", "AUX")
        and not (token.dep_ == "amod" and token.head.pos_ == "NOUN")
        and (token.lemma_.lower() in CUE_VERBS or _as_put_it(token))
    )


def _as_put_it(token: Token) -> bool:
    """ "As Roe put it, “…”" / "As Roe puts it, the plan is “…”": "put" with the object "it"
    and the mark "as" attributes the quote it introduces."""
    if token.lemma_.lower() != "put":
        return False
    children = [(c.dep_, c.lower_) for c in token.children]
    return ("dobj", "it") in children and ("mark", "as") in children


def is_according(token: Token) -> bool:
    """The "according" of "according to"."""
    return (
        token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    )


def cue_lemma(token: Token) -> str | None:
    """The cue lemma of a token right after a quote, where the tagger often errs
    ("…," Sinclair states.): a verb lemma, or a known cue form ending in -s/-ed."""
    if is_cue(token):
        return token.lemma_.lower()
    lower = token.lower_
    if lower in ("said", "says"):
        return "say"
    if token.pos_ == "VERB" and token.lemma_.lower() in QUOTE_CUES:
        return token.lemma_.lower()  # "snapped", "cried"
    if lower == "read":
        return "read"  # “…,” the post read. (often tagged as a noun)
    for form in (lower[:-1], lower[:-2]):
        # only a verb ending: "states", "noted", "added" (not "yellow" -> "yell")
        if form in CUE_VERBS | QUOTE_CUES and lower[len(form) :] in ("s", "d", "es", "ed"):
            return form
    return None


def fronted_report(cue: Token) -> Token | None:
    """The head of a report written before its cue, where the parser took it for a second
    subject of the cue beside the speaker after it: "[The rejection of the treaty signals
    “the beginning of the end”], said Geert Wilders" (the tagger read "signals" as a noun).
    It is the subject before the cue whose phrase ends at the comma right before it, of a
    cue with a subject after it ("said Roe") and no clause of its own; None otherwise."""
    if cue.i < 2 or cue.nbor(-1).text != ",":
        return None
    children = list(cue.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in children) or not any(
        c.dep_ == "nsubj" and c.i > cue.i for c in children
    ):
        return None
    return next(
        (
            c
            for c in children
            if c.dep_ in ("nsubj", "nsubjpass", "csubj")
            and c.i < cue.i
            and c.right_edge.i in (cue.i - 2, cue.i - 1)  # the comma its own or the cue's
            and c.right_edge.i - c.left_edge.i >= MIN_FRONTED_TOKENS - 1
        ),
        None,
    )
