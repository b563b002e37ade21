"""interparty: news articles and party plans about inter-party cooperation, as a knowledge graph."""

from interparty import analytics
from interparty.api import Graph, open

__all__ = ["Graph", "analytics", "open"]
__version__ = "0.1.0"
