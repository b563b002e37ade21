// Bodies under a body in the hierarchy (standing committee, commissions, ...), with their depth.
// @param body (key): the body at the top, e.g. "Thành ủy Hà Nội"
MATCH path = (c:Body)-[:PART_OF*1..6]->(b:Body {key: $body})
RETURN c.name AS body, c.kind AS kind, length(path) AS depth
ORDER BY depth, body
