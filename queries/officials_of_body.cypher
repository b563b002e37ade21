// Officials of a body: who held which title in it, as the sources show, optionally at a date.
// A position counts at a date when the sources show it held both before (or on) and after (or on)
// that date; a month or a year stands for the whole period ("2024-07" is July 2024).
// @param body (key): the body, by name or key, e.g. "Ban Thường vụ Thành ủy Hà Nội"
// @param on_date (text) = "": a date, month or year (ISO); "" for any time
MATCH (o:Official)-[h:HOLDS_POSITION]->(b:Body {key: $body})
WHERE $on_date = "" OR (h.first_seen <= $on_date + "~" AND h.last_seen >= $on_date)
RETURN o.name AS official, o.country AS country, h.title AS title, h.role AS role,
       h.first_seen AS first_seen, h.last_seen AS last_seen, size(h.sources) AS sources
ORDER BY official, title
