"""The resolver measured on a hand-made gold clustering of the officials in ../shared/eval/articles."""

from pathlib import Path

import yaml
from interparty.graph.resolve import Judgements, cluster_mentions, pairwise_scores

GOLD = Path(__file__).parent / "data" / "resolution_gold.yaml"


def test_pairwise_precision_and_recall_meet_the_targets():
    clusters = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["clusters"]
    gold = [[f"{a}:{name}" for a, name, _ in c] for c in clusters]
    mentions = [(f"{a}:{name}", name, country) for c in clusters for a, name, country in c]
    predicted = cluster_mentions(mentions, Judgements())
    precision, recall = pairwise_scores(gold, predicted)
    print(f"resolution pairwise precision={precision:.3f} recall={recall:.3f} "
          f"({len(mentions)} mentions, {len(gold)} people)")
    assert precision >= 0.98
    assert recall >= 0.90
