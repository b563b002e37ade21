// Agreements with their parties and the event where they were signed.
MATCH (g:Agreement)
OPTIONAL MATCH (b:Body)-[:PARTY_TO]->(g)
WITH g, collect(DISTINCT b.name) AS parties
OPTIONAL MATCH (g)-[:SIGNED_AT]->(e:Event)
RETURN g.name AS agreement, g.kind AS kind, g.date AS date, g.period AS period, g.count AS count,
       parties, e.key AS signed_at, e.date AS event_date
ORDER BY date, agreement
