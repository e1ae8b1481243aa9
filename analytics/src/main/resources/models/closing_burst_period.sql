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
-- Grouped counts joined back, not window functions over agency × period: a window buffers its whole partition,
-- and an agency's range period holds every dossier it finished (at 1,000,000 dossiers the window's spill readers
-- took the compute's heap; decisions.md, 88).
minute_groups AS (
    SELECT agency_code, period_kind, period_start, officer, closed_minute, count(*) AS same_minute
    FROM with_officer
    WHERE officer IS NOT NULL
    GROUP BY agency_code, period_kind, period_start, officer, closed_minute
),
agency_groups AS (
    SELECT agency_code, period_kind, period_start,
           count_if(on_last_working_day) * 100.0 / count(*) AS last_day_share_pct
    FROM with_officer
    GROUP BY agency_code, period_kind, period_start
),
agency_minutes AS (
    SELECT agency_code, period_kind, period_start, max(same_minute) AS max_same_minute
    FROM minute_groups
    GROUP BY agency_code, period_kind, period_start
),
agency_share AS (
    SELECT w.*, coalesce(m.same_minute, 0) AS same_minute, g.last_day_share_pct,
           coalesce(am.max_same_minute, 0) AS max_same_minute
    FROM with_officer w
    LEFT JOIN minute_groups m
        ON m.agency_code <=> w.agency_code AND m.period_kind = w.period_kind AND m.period_start = w.period_start
       AND m.officer = w.officer AND m.closed_minute <=> w.closed_minute
    JOIN agency_groups g
        ON g.agency_code <=> w.agency_code AND g.period_kind = w.period_kind AND g.period_start = w.period_start
    LEFT JOIN agency_minutes am
        ON am.agency_code <=> w.agency_code AND am.period_kind = w.period_kind AND am.period_start = w.period_start
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
