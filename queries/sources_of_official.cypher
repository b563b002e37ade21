// The sources behind what the graph says of an official: each sentence, with the source,
// the span, the rule that read it and its confidence.
// @param official (key): the official, e.g. "Nguyễn Thị Tuyến"
MATCH (o:Official {key: $official})
MATCH (e:Evidence)
WHERE e.key IN o.evidence
RETURN e.source AS source, e.sentence AS sentence, e.span_start AS span_start, e.span_end AS span_end,
       e.method AS method, e.confidence AS confidence
ORDER BY source, span_start
