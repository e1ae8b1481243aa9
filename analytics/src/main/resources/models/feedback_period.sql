-- feedback_period: one row per feedback (PAKN) × period in which it was received, handled, or open, with
-- its deadline state at the end of the period (766.5.1–5.3). Deadlines in working days from submission:
-- refusal ≤ 2, first supplement request ≤ 5, handled ≤ 15; publication ≤ 2 after handling (indicators.md).
WITH bounds AS (
    SELECT min(start_ts) AS first_ts, max(end_ts) AS last_ts FROM periods
),
feedback AS (
    SELECT f.*,
           coalesce(f.received_at, f.submitted_at)                          AS in_at,
           coalesce(f.rejected_at, f.handled_at)                            AS closed_at,
           due_from_duration(f.submitted_at, CAST(2 AS DECIMAL(18,2)), 'WORKING_DAYS')             AS reject_deadline,
           due_from_duration(f.submitted_at, CAST(5 AS DECIMAL(18,2)), 'WORKING_DAYS')             AS supplement_deadline,
           due_from_duration(f.submitted_at, CAST(15 AS DECIMAL(18,2)), 'WORKING_DAYS')            AS handle_deadline,
           due_from_duration(f.handled_at, CAST(2 AS DECIMAL(18,2)), 'WORKING_DAYS')               AS publish_deadline
    FROM lake_feedback f
),
spans AS (
    SELECT f.*, k.kind AS span_kind,
           explode(sequence(
               CASE WHEN k.months = 0 THEN 0 ELSE (year(f.in_at) * 12 + month(f.in_at) - 1
                   + CASE WHEN k.report AND day(f.in_at) >= 15 THEN 1 ELSE 0 END) div k.months END,
               CASE WHEN k.months = 0 THEN 0 ELSE (year(f.last_at) * 12 + month(f.last_at) - 1
                   + CASE WHEN k.report AND day(f.last_at) >= 15 THEN 1 ELSE 0 END) div k.months END)) AS span_idx
    FROM (SELECT f.*, least(coalesce(f.closed_at, b.last_ts), b.last_ts) AS last_at
          FROM feedback f CROSS JOIN bounds b) f
    CROSS JOIN bounds b
    CROSS JOIN period_kinds k
    WHERE f.in_at < b.last_ts AND (f.closed_at IS NULL OR f.closed_at >= b.first_ts)
),
at_period_end AS (
    SELECT s.*, p.kind AS period_kind, p.period_start, p.period_end, p.start_ts, p.end_ts,
           s.in_at >= p.start_ts                                           AS received_in_period,
           s.closed_at IS NOT NULL AND s.closed_at >= p.start_ts AND s.closed_at < p.end_ts AS handled_in_period,
           s.closed_at IS NULL OR s.closed_at >= p.end_ts                  AS open_at_end
    FROM spans s
    JOIN periods p ON p.kind = s.span_kind AND p.idx = s.span_idx
    WHERE s.in_at < p.end_ts AND (s.closed_at IS NULL OR s.closed_at >= p.start_ts)
)
SELECT
    feedback_id, agency_code, case_id, category, period_kind, period_start, period_end,
    received_in_period, handled_in_period, open_at_end,
    coalesce(dislikes, 0) > coalesce(likes, 0)                         AS disliked,
    coalesce(complaint_after, false)                                   AS complaint_after,
    -- Every step taken by the end of the period was in time, and no step still due is past its deadline.
    CASE
        WHEN rejected_at IS NOT NULL AND rejected_at < end_ts THEN rejected_at <= reject_deadline
        ELSE (supplement_requested_at IS NULL OR supplement_requested_at >= end_ts
                  OR supplement_requested_at <= supplement_deadline)
             AND CASE WHEN handled_at IS NOT NULL AND handled_at < end_ts
                      THEN handled_at <= handle_deadline
                           AND CASE WHEN published_at IS NOT NULL AND published_at < end_ts
                                    THEN published_at <= publish_deadline
                                    ELSE end_ts <= publish_deadline END
                      ELSE end_ts <= handle_deadline END
    END                                                                AS on_time_at_end
FROM at_period_end
