-- case_timeline: one row per accepted dossier with the moments the indicators and rules need.
--  end_at     the end time: the first status 9 (finished), else 10 (returned), else 8 (stopped), else 7
--             (withdrawn) in the history; finished_at when the source gives no history (indicators.md).
--  r1, a1     the first supplement request during handling and the citizen's answer (null while waiting).
--  r2, a2     a second supplement request during handling (it makes the dossier late, calendar.md) and its answer.
--  first_apology_at  the first apology and new-date slip (form 04); second_apology_at a second one; the new
--             dates they promised (first_new_due_at, last_new_due_at).
--  events_out_of_order  the source's history has a later step dated before an earlier one (R11).
--  first_dissatisfied_at, first_feedback_at  a dissatisfied rating (not satisfied, or a score of 2 or less) and
--             feedback (PAKN) linked to the dossier, for 766.5.4.
WITH events AS (
    SELECT case_id,
           min(CASE WHEN status = 9  THEN at END) AS at9,
           min(CASE WHEN status = 10 THEN at END) AS at10,
           min(CASE WHEN status = 8  THEN at END) AS at8,
           min(CASE WHEN status = 7  THEN at END) AS at7
    FROM lake_case_event
    GROUP BY case_id
),
supplements AS (
    SELECT s.case_id, s.requested_at, s.received_at,
           row_number() OVER (PARTITION BY s.case_id ORDER BY s.requested_at) AS n
    FROM lake_case_supplement s
    JOIN stg_case c ON c.case_id = s.case_id
    WHERE s.requested_at >= c.received_at
),
supplement_pair AS (
    SELECT case_id,
           max(CASE WHEN n = 1 THEN requested_at END) AS r1,
           max(CASE WHEN n = 1 THEN received_at END)  AS a1,
           max(CASE WHEN n = 2 THEN requested_at END) AS r2,
           max(CASE WHEN n = 2 THEN received_at END)  AS a2
    FROM supplements
    GROUP BY case_id
),
apology_order AS (
    SELECT case_id, issued_at, new_due_at,
           row_number() OVER (PARTITION BY case_id ORDER BY issued_at) AS n,
           row_number() OVER (PARTITION BY case_id ORDER BY issued_at DESC) AS n_desc
    FROM lake_case_apology
),
apologies AS (
    SELECT case_id,
           max(CASE WHEN n = 1 THEN issued_at END)      AS first_apology_at,
           max(CASE WHEN n = 2 THEN issued_at END)      AS second_apology_at,
           max(CASE WHEN n = 1 THEN new_due_at END)     AS first_new_due_at,
           max(CASE WHEN n_desc = 1 THEN new_due_at END) AS last_new_due_at
    FROM apology_order
    GROUP BY case_id
),
event_order AS (
    SELECT case_id, at < lag(at) OVER (PARTITION BY case_id ORDER BY seq) AS backwards
    FROM lake_case_event
),
events_out_of_order AS (
    SELECT case_id, max(coalesce(backwards, false)) AS events_out_of_order
    FROM event_order
    GROUP BY case_id
),
dissatisfied AS (
    SELECT case_id, min(rated_at) AS first_dissatisfied_at
    FROM lake_case_rating
    WHERE satisfied = false OR score <= 2
    GROUP BY case_id
),
linked_feedback AS (
    SELECT case_id, min(coalesce(received_at, submitted_at)) AS first_feedback_at
    FROM lake_feedback
    WHERE case_id IS NOT NULL
    GROUP BY case_id
)
SELECT
    c.*,
    coalesce(e.at9, e.at10, e.at8, e.at7, c.finished_at) AS end_at,
    CASE WHEN e.at9  IS NOT NULL THEN 9
         WHEN e.at10 IS NOT NULL THEN 10
         WHEN e.at8  IS NOT NULL THEN 8
         WHEN e.at7  IS NOT NULL THEN 7
         WHEN c.finished_at IS NOT NULL THEN c.status
    END AS end_status,
    s.r1, s.a1, s.r2, s.a2,
    a.first_apology_at,
    a.second_apology_at,
    a.first_new_due_at,
    a.last_new_due_at,
    coalesce(o.events_out_of_order, false) AS events_out_of_order,
    d.first_dissatisfied_at,
    f.first_feedback_at
FROM stg_case c
LEFT JOIN events e          ON e.case_id = c.case_id
LEFT JOIN supplement_pair s ON s.case_id = c.case_id
LEFT JOIN apologies a       ON a.case_id = c.case_id
LEFT JOIN dissatisfied d    ON d.case_id = c.case_id
LEFT JOIN events_out_of_order o ON o.case_id = c.case_id
LEFT JOIN linked_feedback f ON f.case_id = c.case_id
