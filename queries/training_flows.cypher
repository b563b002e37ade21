// Training flows: which bodies train whose cadres, in how many courses and how many trainees
// (the count on TRAINS when reported, else the course's trainees).
MATCH (org:Body)-[:ORGANIZED]->(c:Course)-[t:TRAINS]->(tb:Body)
RETURN org.name AS organiser, org.country AS organiser_country, tb.name AS trainees_of,
       tb.country AS trainees_country, count(DISTINCT c) AS courses, sum(coalesce(t.count, c.trainees, 0)) AS trainees
ORDER BY trainees DESC, courses DESC, organiser, trainees_of
