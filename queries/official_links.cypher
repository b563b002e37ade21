// Pairs of officials who attended the same events, with how many: the edges and weights of the
// officials projection (interparty.analytics works on that graph).
// @param year (text) = "": only events of this year; "" for all
MATCH (x:Official)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(y:Official)
WHERE x.key < y.key AND ($year = "" OR left(e.date, 4) = $year)
RETURN x.name AS official_a, x.country AS country_a, y.name AS official_b, y.country AS country_b,
       count(DISTINCT e) AS shared_events
ORDER BY shared_events DESC, official_a, official_b
