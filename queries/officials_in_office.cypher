// Officials in office at a date: every position the sources show held on that date, in any body.
// A position counts at a date when the sources show it held both before (or on) and after (or on)
// that date; a month or a year stands for the whole period ("2024-07" is July 2024).
// @param on_date (text): a date, month or year (ISO), e.g. "2024-07-15"
MATCH (o:Official)-[h:HOLDS_POSITION]->(b:Body)
WHERE h.first_seen <= $on_date + "~" AND h.last_seen >= $on_date
RETURN o.name AS official, o.country AS country, b.name AS body, h.title AS title, h.role AS role,
       h.first_seen AS first_seen, h.last_seen AS last_seen, size(h.sources) AS sources
ORDER BY official, body, title
