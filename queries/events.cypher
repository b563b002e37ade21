// Events in the graph by date: kind, when, where, and how many officials attended.
// @param year (text) = "": only events of this year, e.g. "2024"; "" for all
MATCH (e:Event)
WHERE $year = "" OR left(e.date, 4) = $year
OPTIONAL MATCH (o:Official)-[:ATTENDED]->(e)
WITH e, count(DISTINCT o) AS attendees
OPTIONAL MATCH (e)-[:HELD_IN]->(p:Place)
RETURN e.key AS event, e.kind AS kind, e.date AS date, e.year_inferred AS year_inferred,
       e.name AS name, collect(DISTINCT p.name) AS places, attendees, size(e.sources) AS sources
ORDER BY date, event
