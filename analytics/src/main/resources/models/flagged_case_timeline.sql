-- flagged_case_timeline: the evidence of the dossiers in timeline_cases (those some rule flags) — what happened to it, in time order:
-- reception, the source's own history, supplement requests and answers, apologies, the promised time, the end
-- and the sync to the national portal.
WITH flagged AS (
    -- flagged_case in a full run; in a nightly run only the dossiers whose timeline is new or changed (ComputeJob).
    SELECT DISTINCT case_id FROM timeline_cases
),
items AS (
    SELECT c.case_id, c.received_at AS at, 'received' AS event_kind, CAST(NULL AS INT) AS status,
           CAST(NULL AS STRING) AS label, CAST(NULL AS STRING) AS unit, CAST(NULL AS STRING) AS officer, 0 AS ord
    FROM case_timeline c JOIN flagged f ON f.case_id = c.case_id
    UNION ALL
    SELECT e.case_id, e.at, 'event', e.status, e.step, e.unit, e.officer, 1
    FROM lake_case_event e JOIN flagged f ON f.case_id = e.case_id
    UNION ALL
    SELECT s.case_id, s.requested_at, 'supplement_requested', 5, NULL, NULL, NULL, 2
    FROM lake_case_supplement s JOIN flagged f ON f.case_id = s.case_id
    UNION ALL
    SELECT s.case_id, s.received_at, 'supplement_answered', NULL, NULL, NULL, NULL, 3
    FROM lake_case_supplement s JOIN flagged f ON f.case_id = s.case_id
    UNION ALL
    SELECT a.case_id, a.issued_at, 'apology', NULL, a.reason, NULL, NULL, 4
    FROM lake_case_apology a JOIN flagged f ON f.case_id = a.case_id
    UNION ALL
    SELECT c.case_id, c.due_at, 'due', NULL, NULL, NULL, NULL, 5
    FROM case_timeline c JOIN flagged f ON f.case_id = c.case_id
    UNION ALL
    SELECT c.case_id, c.end_at, 'finished', c.end_status, NULL, NULL, NULL, 6
    FROM case_timeline c JOIN flagged f ON f.case_id = c.case_id
    UNION ALL
    SELECT c.case_id, c.synced_at, 'synced', NULL, NULL, NULL, NULL, 7
    FROM case_timeline c JOIN flagged f ON f.case_id = c.case_id
)
SELECT case_id,
       row_number() OVER (PARTITION BY case_id ORDER BY at, ord) AS seq,
       at, event_kind, status, label, unit, officer
FROM items
WHERE at IS NOT NULL
