// Officials who connect the two parties: they attended events together with officials of
// another country. Sorted by how many partners they met.
MATCH (o:Official)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(p:Official)
WHERE o.country IS NOT NULL AND p.country IS NOT NULL AND o.country <> p.country
RETURN o.name AS official, o.country AS country, count(DISTINCT e) AS events,
       count(DISTINCT p) AS partners
ORDER BY partners DESC, events DESC, official
