"""Fuzz `RuleSet.from_dict`: any value gives a `RuleSet` or a `TicketcoreError`.

A rule set that is accepted must round-trip and must judge tickets without crashing. Run by
hand: ``python fuzz/fuzz_rules.py`` (see ``fuzz/README.md``).
"""

from __future__ import annotations

from _fuzzdata import VALID_TICKETS, Draw, main, require, rules_document
from fuzz_from_json import check_error

from ticketcore import RuleSet, TicketcoreError, TicketValidationError, assess, from_dict


def one_input(data: bytes) -> None:
    """Feed a drawn value, or mutated default rules, to RuleSet.from_dict, then use the rules."""
    draw = Draw(data)
    try:
        rules = RuleSet.from_dict(rules_document(draw))
    except TicketValidationError as error:
        check_error(error)
        return
    except TicketcoreError:
        return
    require(RuleSet.from_dict(rules.to_dict()) == rules, "rules changed in a round trip")
    document = draw.choice(VALID_TICKETS)
    try:
        from_dict(document, rules=rules)
    except TicketValidationError as error:
        check_error(error)
    report = assess(document, rules=rules)
    require(0 <= report.score <= 100, f"score {report.score}")


if __name__ == "__main__":
    main(one_input)
