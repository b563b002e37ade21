// The sentences behind each position an official holds: from any edge to the sentence.
// @param official (key): the official, e.g. "Nguyễn Thị Tuyến"
MATCH (o:Official {key: $official})-[h:HOLDS_POSITION]->(b:Body)
MATCH (e:Evidence)
WHERE e.key IN h.evidence
RETURN h.title AS title, b.name AS body, e.source AS source, e.sentence AS sentence,
       e.method AS method, e.confidence AS confidence
ORDER BY body, title, source
