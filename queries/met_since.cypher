// Whom an official has met since a date: officials who attended the same events, with the
// events and their dates. Events are resolved across sources and languages.
// @param official (key): the official, e.g. "Anouphap Tounalom"
// @param since (text) = "": ISO date, month or year; "" for any time
MATCH (o:Official {key: $official})-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(p:Official)
WHERE p.key <> o.key AND ($since = "" OR e.date >= $since)
RETURN p.name AS official, p.country AS country, count(DISTINCT e) AS events,
       min(e.date) AS first_met, max(e.date) AS last_met
ORDER BY events DESC, official
