// Most active bodies by year: events and courses they organised or took part in.
// @param year (text) = "": only this year; "" for all years
MATCH (b:Body)-[:ORGANIZED|TOOK_PART_IN]->(x)
WHERE x.date IS NOT NULL OR x.start_date IS NOT NULL
WITH b, left(coalesce(x.date, x.start_date), 4) AS year, count(DISTINCT x) AS activities
WHERE $year = "" OR year = $year
RETURN b.name AS body, b.country AS country, year, activities
ORDER BY activities DESC, year, body
