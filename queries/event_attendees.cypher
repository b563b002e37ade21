// Who attended an event, in what role, and which bodies they held positions in.
// Find event keys with the `events` query.
// @param event (text): the event's key
MATCH (o:Official)-[a:ATTENDED]->(e:Event {key: $event})
OPTIONAL MATCH (o)-[h:HOLDS_POSITION]->(b:Body)
RETURN o.name AS official, o.country AS country, a.role AS role,
       collect(DISTINCT h.title) AS titles
ORDER BY country, official
