"""Whether a count's noun is a currency the scanner does not know, read from the sentence.

The scanner knows the world's currencies by name and sign; a currency it does not know
("40 million lorens", a country's own money in a story about it) reaches the parse as a
plain count of a noun. Yet the sentence usually says the noun is money: it is what a sum is
made of ("a fine of 40 million lorens", "bail of ..."), what is taken "in bribes" or paid
"in damages", what something is "worth", or what a verb of paying hands to someone ("paid
the mayor 3 million lorens", "fined him 10 million lorens").
Such a figure is money, and two sums in one currency are no more the same thing than two
prices in dollars are: a fine is not the bribes it punishes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for a sum of money: "a fine of ...", "... in bribes".
_SUM_NOUNS = frozenset(
    """fine bail bribe kickback damages compensation ransom salary wage pay pension fee
    tax debt loan subsidy reward bonus penalty payment payout budget price sum revenue
    profit funding investment donation dividend rent refund""".split()  # noqa: SIM905
)
# Forms of a verb whose object is money whoever receives it ("fined him 10 million lorens";
# the lemmatiser makes "fined" "fin"); "cost" is not one ("the war cost 3,000 lives").
_MONEY_VERBS = frozenset(["fine", "fined", "fines", "fining"])
# Verbs whose object is money when it goes to someone: "paid Vasko 3.1 million", but "paid 3
# million farmers" counts farmers.
_GIVING_VERBS = frozenset(["pay", "owe", "lend", "award", "charge", "bribe", "refund"])


def names_a_sum(noun: Token) -> bool:
    """True when the sentence says the counted ``noun`` is money (see the module notes)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SUM_NOUNS:
        return True  # "a fine of 40 million lorens"
    if head.lower_ == "worth":
        return True  # "contracts worth 900 million lorens"
    if any(child.lower_ == "worth" and child.i < noun.i for child in noun.children):
        return True  # the parser hangs "worth" on the sum itself
    if _taken_in_sums(noun) or (noun.dep_ == "dobj" and _taken_in_sums(head)):
        return True  # "3 million lorens in bribes", "took 3 million lorens in bribes"
    if noun.dep_ != "dobj":
        return False
    verb = head.lemma_.lower()
    if head.lower_ in _MONEY_VERBS:
        return True
    # the receiver before the sum, which the parser may call a second object
    return verb in _GIVING_VERBS and any(
        c.dep_ in ("dative", "dobj") and c.i < noun.i for c in head.children)


def _taken_in_sums(tok: Token) -> bool:
    """``tok`` has an "in" phrase naming a kind of sum: "in bribes", "in damages"."""
    return any(
        child.dep_ == "prep" and child.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _SUM_NOUNS for g in child.children)
        for child in tok.children)


def valued_thing(anchor: Token, noun: Token | None) -> Token | None:
    """What a sum is the worth of: "contracts worth 900 million lorens" measures the
    contracts, whatever verb governs them, also where the parser hangs "worth" on the sum
    ("took ... in return for contracts worth ..." parses the sum as what was taken)."""
    for tok in (t for t in (noun, anchor) if t is not None):
        worth = tok.head if tok.head.lower_ == "worth" else next(
            (c for c in tok.children if c.lower_ == "worth" and c.i < tok.i), None)
        if worth is None:
            continue
        if worth.head.pos_ in ("NOUN", "PROPN") and worth.head.i < worth.i:
            return worth.head
        before = worth.doc[worth.i - 1] if worth.i > 0 else None
        if before is not None and before.pos_ in ("NOUN", "PROPN"):
            return before
    return None
