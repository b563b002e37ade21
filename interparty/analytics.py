"""``interparty.analytics``: the measures and research projections, for ``import interparty as ip``.

Measures (each returns a pandas DataFrame): :func:`degree`, :func:`betweenness`,
:func:`centrality`, :func:`cross_party_brokers`, :func:`communities`,
:func:`community_summary`, :func:`cooperation_by_year`, :func:`cooperation_totals`,
:func:`training_flows`. Projections (each returns a NetworkX graph):
:func:`official_graph`, :func:`body_graph`, :func:`official_event_graph`,
:func:`body_hierarchy`, :func:`training_graph`, :func:`project`. The code lives in
:mod:`interparty.graph.analytics` and :mod:`interparty.graph.projections_research`.
"""

from interparty.graph import analytics as _measures
from interparty.graph import projections_research as _projections
from interparty.graph.analytics import *  # noqa: F403
from interparty.graph.projections_research import *  # noqa: F403

__all__ = [*_measures.__all__, *_projections.__all__]
