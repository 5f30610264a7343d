"""Case → networkx graph of persons, agencies, steps and opinions.

Nodes are tuples ``(kind, id)``: ``("person", "zhang")``, ``("agency", "CG")``,
``("step", 3)``, ``("opinion", "o1")``. Edges carry a ``rel``:
``member`` person→agency, ``superior`` agency→its superior, ``performs``
person→step, ``creates`` step→opinion, ``acts_on`` opinion→step,
``derives`` old opinion→new opinion, ``next`` step→following step.
"""

from __future__ import annotations

import networkx as nx

from ..model.case import Case


def build_graph(case: Case) -> nx.DiGraph:
    g = nx.DiGraph()
    for a in case.agencies:
        g.add_node(("agency", a.id), name=a.name)
    for a in case.agencies:
        if a.superior:
            g.add_edge(("agency", a.id), ("agency", a.superior), rel="superior")
    for p in case.persons:
        g.add_node(("person", p.id), name=p.name)
        g.add_edge(("person", p.id), ("agency", p.agency), rel="member")
    creator: dict[str, int] = {}
    for s in case.chain:
        node = ("step", s.index)
        g.add_node(node, kind=s.kind, step=s)
        if s.index > 0:
            g.add_edge(("step", s.index - 1), node, rel="next")
        for actor in actors(s):
            g.add_edge(("person", actor), node, rel="performs")
        if s.of is not None:
            g.add_edge(("opinion", s.of), node, rel="acts_on")
        if s.opinion is not None:
            g.add_node(("opinion", s.opinion), correct=s.correct)
            g.add_edge(node, ("opinion", s.opinion), rel="creates")
            creator.setdefault(s.opinion, s.index)
            if s.of is not None:
                g.add_edge(("opinion", s.of), ("opinion", s.opinion), rel="derives")
    g.graph["creator"] = creator
    return g


def actors(step) -> list[str]:
    """Every person who takes part in a step."""
    out = [step.by] if step.by else []
    out += [p.person for p in step.participants]
    for _role, ids in step.staff:
        out += list(ids)
    if step.superior:
        out.append(step.superior)
    return out


def superiors(g: nx.DiGraph, agency: str) -> set[str]:
    """Every agency above ``agency`` in the hierarchy."""
    node = ("agency", agency)
    if node not in g:
        return set()
    sub = g.edge_subgraph([(u, v) for u, v, d in g.edges(data=True) if d["rel"] == "superior"])
    return {n[1] for n in nx.descendants(sub, node)} if node in sub else set()


def opinion_correct(g: nx.DiGraph, opinion: str | None) -> bool | None:
    node = ("opinion", opinion)
    return g.nodes[node].get("correct") if opinion is not None and node in g else None


def steps_acting_on(g: nx.DiGraph, opinion: str) -> list[int]:
    node = ("opinion", opinion)
    if node not in g:
        return []
    return sorted(v[1] for v in g.successors(node) if v[0] == "step")
