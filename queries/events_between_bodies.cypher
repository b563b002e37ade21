// Events between two bodies: events both organised or took part in, directly or through
// officials who hold a position in them.
// @param a (key): one body, e.g. "Thành ủy Hà Nội"
// @param b (key): the other, e.g. "Thành ủy Viêng Chăn"
// @param year (text) = "": only this year; "" for all
MATCH (ba:Body {key: $a}), (bb:Body {key: $b})
MATCH (e:Event)
WHERE ($year = "" OR left(e.date, 4) = $year)
  AND (EXISTS { MATCH (ba)-[:ORGANIZED|TOOK_PART_IN]->(e) }
       OR EXISTS { MATCH (ba)<-[:HOLDS_POSITION]-(:Official)-[:ATTENDED]->(e) })
  AND (EXISTS { MATCH (bb)-[:ORGANIZED|TOOK_PART_IN]->(e) }
       OR EXISTS { MATCH (bb)<-[:HOLDS_POSITION]-(:Official)-[:ATTENDED]->(e) })
RETURN e.key AS event, e.kind AS kind, e.date AS date, e.name AS name
ORDER BY date, event
