-- closing_burst_period: one row per dossier finished with a result in a period, with what R10 (closing burst,
-- inspection.md) needs: whether it was finished on the period's last working day before the cut-off, whether
-- its officer closed at least N dossiers in the same minute, and whether its agency crossed either threshold.
WITH finished AS (
    SELECT case_id, agency_code, period_kind, period_start, period_end, end_at,
           to_date(end_at) = working_day_add(date_add(period_end, 1), -1) AS on_last_working_day
    FROM case_period
    WHERE finished_with_result
),
closing_officer AS (
    -- The officer of the first finishing step (status 9) in the source's history.
    SELECT case_id, min_by(officer, at) AS officer, min(at) AS closed_at
    FROM lake_case_event
    WHERE status = 9 AND officer IS NOT NULL
    GROUP BY case_id
),
with_officer AS (
    SELECT f.*, o.officer, date_trunc('MINUTE', o.closed_at) AS closed_minute
    FROM finished f LEFT JOIN closing_officer o ON o.case_id = f.case_id
),
minute_counts AS (
    SELECT *, CASE WHEN officer IS NULL THEN 0 ELSE count(*) OVER (
               PARTITION BY agency_code, period_kind, period_start, officer, closed_minute) END AS same_minute
    FROM with_officer
),
agency_share AS (
    SELECT *,
           count_if(on_last_working_day) OVER (PARTITION BY agency_code, period_kind, period_start) * 100.0
               / count(*) OVER (PARTITION BY agency_code, period_kind, period_start) AS last_day_share_pct,
           max(same_minute) OVER (PARTITION BY agency_code, period_kind, period_start) AS max_same_minute
    FROM minute_counts
)
SELECT
    case_id, agency_code, period_kind, period_start, period_end, end_at, officer, on_last_working_day,
    same_minute >= (SELECT closing_burst_officer FROM rule_thresholds)                  AS in_officer_burst,
    last_day_share_pct >= (SELECT closing_burst_share_pct FROM rule_thresholds)
        OR max_same_minute >= (SELECT closing_burst_officer FROM rule_thresholds)      AS agency_flagged,
    -- R10: the dossiers of a flagged agency closed on the last working day or in an officer's one-minute burst.
    (last_day_share_pct >= (SELECT closing_burst_share_pct FROM rule_thresholds) AND on_last_working_day)
        OR same_minute >= (SELECT closing_burst_officer FROM rule_thresholds)           AS r10
FROM agency_share
