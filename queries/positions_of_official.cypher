// Positions of an official over time: every title in every body, with the dates of the
// first and last source that shows it. A changed title is a separate row.
// @param official (key): the official, by name or key, e.g. "Nguyễn Thị Tuyến"
MATCH (o:Official {key: $official})-[h:HOLDS_POSITION]->(b:Body)
RETURN h.title AS title, b.name AS body, h.role AS role, h.resolution AS resolution,
       h.first_seen AS first_seen, h.last_seen AS last_seen, size(h.sources) AS sources
ORDER BY first_seen, body, title
