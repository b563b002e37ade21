// Every official with their country, number of positions and of sources.
// @param country (text) = "": only this country's officials (VN, LA, ...); "" for all
MATCH (o:Official)
WHERE $country = "" OR o.country = $country
OPTIONAL MATCH (o)-[h:HOLDS_POSITION]->(:Body)
RETURN o.name AS official, o.country AS country, count(h) AS positions, size(o.sources) AS sources,
       o.first_seen AS first_seen, o.last_seen AS last_seen
ORDER BY official
