"""Chain facts: what the chain says happened, in the vocabulary rules use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChainFacts:
    parties: tuple[str, ...]                       # persons first, then agencies
    kinds: tuple[tuple[str, str], ...]             # (id, "person" | "agency")
    party_facts: tuple[tuple[str, frozenset[str]], ...]   # word -> party ids
    case_facts: frozenset[str]
    case_items: frozenset[str]                     # act.faults + act.exemptions refs
    party_items: tuple[tuple[str, frozenset[str]], ...]   # party -> circumstance refs

    def holders(self, word: str) -> frozenset[str]:
        return dict(self.party_facts).get(word, frozenset())

    def kind(self, party: str) -> str:
        return dict(self.kinds)[party]

    def items_of(self, party: str) -> frozenset[str]:
        return dict(self.party_items).get(party, frozenset())
