// Training courses: organiser, whose cadres they train, how many, when and under which plan.
MATCH (c:Course)
OPTIONAL MATCH (org:Body)-[:ORGANIZED]->(c)
OPTIONAL MATCH (c)-[t:TRAINS]->(tb:Body)
OPTIONAL MATCH (p:Plan)-[:PROVIDES_FOR]->(c)
RETURN c.name AS course, org.name AS organiser, tb.name AS trainees_of, c.trainees AS trainees,
       c.participants AS participants, c.managers AS managers, c.start_date AS start_date,
       c.duration AS duration, p.number AS plan
ORDER BY start_date, course
