// Events between two countries' sides: events attended by officials of both, by year.
// Countries are ISO codes as stored on officials (VN, LA, KH, CU, CN).
// @param a (text) = "VN": one side
// @param b (text) = "LA": the other side
// @param year (text) = "": only this year; "" for all
MATCH (x:Official)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(y:Official)
WHERE x.key <> y.key AND x.country = $a AND y.country = $b AND ($year = "" OR left(e.date, 4) = $year)
RETURN e.key AS event, e.kind AS kind, e.date AS date, left(e.date, 4) AS year,
       count(DISTINCT x) AS side_a, count(DISTINCT y) AS side_b
ORDER BY date, event
