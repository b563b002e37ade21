"""``interparty.analytics``: the measures and research projections, for ``import interparty as ip``.

Measures (each returns a pandas DataFrame): :func:`degree`, :func:`betweenness`,
:func:`centrality`, :func:`cross_party_brokers`, :func:`communities`,
:func:`community_summary`, :func:`cooperation_by_year`, :func:`cooperation_totals`,
:func:`training_flows`. Projections (each returns a NetworkX graph):
:func:`official_graph`, :func:`body_graph`, :func:`official_event_graph`,
:func:`body_hierarchy`, :func:`training_graph`, :func:`project`. The code lives in
:mod:`interparty.graph.analytics` and :mod:`interparty.graph.projections_research`.
"""

from interparty.graph.analytics import (
    EXACT_BETWEENNESS_LIMIT,
    SAMPLE_SIZE,
    betweenness,
    centrality,
    communities,
    community_summary,
    cooperation_by_year,
    cooperation_totals,
    cross_party_brokers,
    degree,
    nodes_frame,
    top,
    training_flows,
)
from interparty.graph.projections_research import (
    PROJECTIONS,
    as_full_graph,
    body_graph,
    body_hierarchy,
    official_event_graph,
    official_graph,
    participation,
    project,
    training_graph,
)

__all__ = [
    "EXACT_BETWEENNESS_LIMIT",
    "PROJECTIONS",
    "SAMPLE_SIZE",
    "as_full_graph",
    "betweenness",
    "body_graph",
    "body_hierarchy",
    "centrality",
    "communities",
    "community_summary",
    "cooperation_by_year",
    "cooperation_totals",
    "cross_party_brokers",
    "degree",
    "nodes_frame",
    "official_event_graph",
    "official_graph",
    "participation",
    "project",
    "top",
    "training_flows",
    "training_graph",
]
