-- silent_procedure_period: R12, silent procedure (inspection.md), judged month by month because its volume test is
-- monthly (decisions.md). In a month M, agency A is silent on procedure X when
--   * A is responsible for X (agency_procedure; for an agency that table does not list at all, the procedures A had
--     dossiers of in the history months) and had no dossier of X received in M,
--   * while at least silent_peer_share_pct % of its peers had one: the other agencies of the same kind, responsible
--     for X, that existed throughout M,
--   * and A's dossiers received in M (every procedure) fell below silent_volume_pct % of its monthly median: the
--     median over the silent_history_months calendar months before M in which A existed and the lake holds data
--     (months without a dossier count as 0).
-- Agencies with fewer such months than silent_min_history_months (a month or two is no usual volume), or a median
-- under silent_min_monthly_median, are not judged; nor is a month the run's range clips (its volume is not a month's).
-- One row per agency × procedure × judged month in which A is judged and its peers' condition holds (the
-- procedure-months A was expected to be active: R12.rate's denominator), under every period of the run that holds
-- the whole month; r12 marks the silent ones.
WITH t AS (
    SELECT * FROM rule_thresholds
),
received AS (
    SELECT agency_code, procedure_code, received_at, trunc(to_date(received_at), 'MM') AS month
    FROM stg_case
),
first_month AS (
    SELECT min(month) AS first_month FROM received
),
monthly AS (
    SELECT agency_code, month, count(*) AS dossiers
    FROM received
    GROUP BY agency_code, month
),
procedure_monthly AS (
    SELECT agency_code, procedure_code, month
    FROM received
    WHERE procedure_code IS NOT NULL
    GROUP BY agency_code, procedure_code, month
),
judged_months AS (
    -- Every whole month of the run (all_periods), also in a nightly run that computes only some periods: a
    -- recomputed quarter or range counts the months it holds.
    SELECT period_start, period_end, period_start AS month
    FROM all_periods
    WHERE kind = 'month' AND day(period_start) = 1 AND period_end = last_day(period_start)
),
agency_months AS (
    -- Agencies that existed throughout the month.
    SELECT a.agency_code, a.kind, a.valid_from, a.valid_to, m.*
    FROM lake_agency a
    CROSS JOIN judged_months m
    WHERE (a.valid_from IS NULL OR a.valid_from <= m.period_start)
      AND (a.valid_to IS NULL OR a.valid_to >= m.period_end)
),
history_months AS (
    SELECT am.agency_code, am.period_start, am.valid_from, am.valid_to,
           explode(sequence(add_months(am.month, -t.silent_history_months), add_months(am.month, -1),
                            INTERVAL 1 MONTH)) AS history_month
    FROM agency_months am
    CROSS JOIN t
),
history AS (
    SELECT h.agency_code, h.period_start,
           count(*)                           AS history_months,
           median(coalesce(m.dossiers, 0))    AS monthly_median
    FROM history_months h
    CROSS JOIN first_month f
    LEFT JOIN monthly m ON m.agency_code = h.agency_code AND m.month = h.history_month
    WHERE h.history_month >= f.first_month
      AND (h.valid_from IS NULL OR h.valid_from <= h.history_month)
      AND (h.valid_to IS NULL OR h.valid_to >= last_day(h.history_month))
    GROUP BY h.agency_code, h.period_start
),
in_month AS (
    SELECT r.agency_code, r.procedure_code, m.period_start, count(*) AS dossiers
    FROM received r
    JOIN judged_months m ON r.month = m.month
    GROUP BY r.agency_code, r.procedure_code, m.period_start
),
volume AS (
    SELECT agency_code, period_start, sum(dossiers) AS dossiers
    FROM in_month
    GROUP BY agency_code, period_start
),
catalogued AS (
    SELECT DISTINCT agency_code FROM lake_agency_procedure
),
responsible AS (
    SELECT am.agency_code, am.kind, am.period_start, am.period_end, ap.procedure_code
    FROM agency_months am
    JOIN (SELECT DISTINCT agency_code, procedure_code FROM lake_agency_procedure) ap
      ON ap.agency_code = am.agency_code
    UNION
    SELECT am.agency_code, am.kind, am.period_start, am.period_end, pm.procedure_code
    FROM agency_months am
    CROSS JOIN t
    JOIN procedure_monthly pm
      ON pm.agency_code = am.agency_code
     AND pm.month >= add_months(am.month, -t.silent_history_months) AND pm.month < am.month
    WHERE am.agency_code NOT IN (SELECT agency_code FROM catalogued)
),
with_dossiers AS (
    SELECT r.*, coalesce(i.dossiers, 0) AS procedure_dossiers
    FROM responsible r
    LEFT JOIN in_month i
           ON i.agency_code = r.agency_code AND i.procedure_code = r.procedure_code
          AND i.period_start = r.period_start
),
with_peers AS (
    -- The agency itself is not its own peer.
    SELECT d.*,
           count(*) OVER (PARTITION BY kind, procedure_code, period_start) - 1 AS peers,
           count_if(procedure_dossiers > 0) OVER (PARTITION BY kind, procedure_code, period_start)
               - CASE WHEN procedure_dossiers > 0 THEN 1 ELSE 0 END       AS active_peers
    FROM with_dossiers d
),
expected AS (
    SELECT wp.*, h.history_months, h.monthly_median, coalesce(v.dossiers, 0) AS month_dossiers,
           coalesce(v.dossiers, 0) * 100 < t.silent_volume_pct * h.monthly_median AS volume_fell
    FROM with_peers wp
    CROSS JOIN t
    JOIN history h ON h.agency_code = wp.agency_code AND h.period_start = wp.period_start
    LEFT JOIN volume v ON v.agency_code = wp.agency_code AND v.period_start = wp.period_start
    WHERE h.history_months >= t.silent_min_history_months
      AND h.monthly_median >= t.silent_min_monthly_median
      AND wp.peers > 0
      AND wp.active_peers * 100 >= t.silent_peer_share_pct * wp.peers
)
SELECT
    e.agency_code,
    e.procedure_code,
    pc.name                                     AS procedure_name,
    p.kind                                      AS period_kind,
    p.period_start,
    p.period_end,
    e.period_start                              AS month_start,
    e.period_end                                AS month_end,
    e.procedure_dossiers,
    e.peers,
    e.active_peers,
    e.month_dossiers,
    e.monthly_median,
    e.history_months,
    e.procedure_dossiers = 0 AND e.volume_fell  AS r12
FROM expected e
JOIN periods p ON p.period_start <= e.period_start AND p.period_end >= e.period_end
LEFT JOIN lake_procedure pc ON pc.procedure_code = e.procedure_code
