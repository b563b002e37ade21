// Events two officials both attended.
// @param a (key): one official, e.g. "Nguyễn Thị Tuyến"
// @param b (key): the other, e.g. "Virasack Nammountry"
MATCH (x:Official {key: $a})-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(y:Official {key: $b})
WHERE x.key <> y.key
RETURN e.key AS event, e.kind AS kind, e.date AS date, e.name AS name
ORDER BY date, event
