// Cooperation between two countries per year: events, agreements and courses in which officials
// or bodies of both took part (attended, organised, took part, party to, or had cadres trained).
// Countries are ISO codes (VN, LA, KH, CU, CN). One row per year and kind of activity.
// @param a (text) = "VN": one side
// @param b (text) = "LA": the other side
MATCH (x:Event)
WHERE EXISTS { MATCH (x)<-[:ATTENDED|ORGANIZED|TOOK_PART_IN]-(p) WHERE p.country = $a }
  AND EXISTS { MATCH (x)<-[:ATTENDED|ORGANIZED|TOOK_PART_IN]-(q) WHERE q.country = $b }
RETURN left(x.date, 4) AS year, "events" AS what, count(DISTINCT x) AS activities
UNION ALL
MATCH (x:Agreement)
WHERE EXISTS { MATCH (x)<-[:PARTY_TO]-(p:Body) WHERE p.country = $a }
  AND EXISTS { MATCH (x)<-[:PARTY_TO]-(q:Body) WHERE q.country = $b }
RETURN left(x.date, 4) AS year, "agreements" AS what, count(DISTINCT x) AS activities
UNION ALL
MATCH (x:Course)
WHERE (EXISTS { MATCH (x)<-[:ATTENDED|ORGANIZED]-(p) WHERE p.country = $a }
       OR EXISTS { MATCH (x)-[:TRAINS]->(p2:Body) WHERE p2.country = $a })
  AND (EXISTS { MATCH (x)<-[:ATTENDED|ORGANIZED]-(q) WHERE q.country = $b }
       OR EXISTS { MATCH (x)-[:TRAINS]->(q2:Body) WHERE q2.country = $b })
RETURN left(x.start_date, 4) AS year, "courses" AS what, count(DISTINCT x) AS activities
