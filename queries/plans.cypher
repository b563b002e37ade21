// Plans and decisions by number: who issued them, when, and what they provide for.
MATCH (p:Plan)
OPTIONAL MATCH (b:Body)-[:ISSUED]->(p)
OPTIONAL MATCH (p)-[:PROVIDES_FOR]->(x)
RETURN p.number AS number, p.kind AS kind, p.date AS date, b.name AS issuer,
       collect(DISTINCT x.name) AS provides_for
ORDER BY date, number
