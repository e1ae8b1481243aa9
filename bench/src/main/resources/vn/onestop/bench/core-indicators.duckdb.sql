-- The core indicators 766.2.1, 766.3.3, 766.4.2 and R01.rate per agency × calendar month, as plain SQL in DuckDB
-- over the Parquet lake: the benchmark's baseline, and an independent check of Spark's numbers. The definitions are
-- those of analytics/src/main/resources/models (stg_case → case_timeline → case_period) and catalogue/*.sql,
-- restricted to what these indicators read. ${lake} is the lake's root folder; working_day and calendar_day are
-- filled from the product's working-day calendar before this runs.

-- Local time: the lake stores instants; Asia/Ho_Chi_Minh is UTC+7 all year round.
CREATE MACRO local_time(t) AS make_timestamp(epoch_us(t) + 25200000000);
CREATE MACRO month_idx(t) AS year(t) * 12 + month(t) - 1;

-- due_from_duration (calendar.md, "Deadlines"), for the dossiers whose source gives no due time.
CREATE MACRO next_working_no(d) AS
    (SELECT c.wd_no + CASE WHEN c.working THEN 0 ELSE 1 END FROM calendar_day c WHERE c.day = d);
CREATE MACRO working_day_no(n) AS (SELECT w.day FROM working_day w WHERE w.wd_no = n);
CREATE MACRO due_in_hours(t, hours) AS (
    WITH start AS (
        SELECT CASE
                   WHEN NOT c.working OR t::TIME > TIME '17:00:00'
                       THEN working_day_no(next_working_no(t::DATE + 1)) + TIME '08:00:00'
                   WHEN t::TIME < TIME '08:00:00' THEN t::DATE + TIME '08:00:00'
                   ELSE t
               END AS t0
        FROM calendar_day c WHERE c.day = t::DATE
    ),
    span AS (
        SELECT t0, hours * 3600000000 AS want_us,
               epoch_us(t0::DATE + TIME '17:00:00') - epoch_us(t0) AS rest_us
        FROM start
    )
    SELECT CASE
               WHEN want_us <= rest_us THEN make_timestamp(epoch_us(t0) + want_us)
               ELSE make_timestamp(epoch_us(working_day_no(next_working_no(t0::DATE)
                        + CAST(ceil((want_us - rest_us) / 32400000000.0) AS BIGINT)) + TIME '08:00:00')
                        + (want_us - rest_us) - (CAST(ceil((want_us - rest_us) / 32400000000.0) AS BIGINT) - 1) * 32400000000)
           END
    FROM span
);
CREATE MACRO due_from_duration(received, duration, unit) AS
    CASE
        WHEN received IS NULL OR duration IS NULL THEN NULL
        WHEN unit = 'WORKING_DAYS'
            THEN working_day_no(next_working_no(received::DATE) + CAST(trunc(duration) AS BIGINT)) + TIME '17:00:00'
        WHEN unit = 'DAYS' THEN received::DATE + CAST(trunc(duration) AS INTEGER) + TIME '17:00:00'
        WHEN unit = 'MONTHS' THEN CAST(received::DATE + to_months(CAST(trunc(duration) AS INTEGER)) AS DATE) + TIME '17:00:00'
        WHEN unit = 'HOURS' THEN due_in_hours(received, CAST(trunc(duration) AS BIGINT))
    END;

CREATE TEMP TABLE accepted_case AS
SELECT c.case_id, c.agency_code, c.channel, c.status,
       local_time(c.received_at) AS received_at,
       local_time(c.due_at) AS due_at,
       local_time(c.finished_at) AS finished_at,
       coalesce(c.has_uploaded_components, false) AS has_uploaded_components,
       coalesce(c.e_result_issued, false) AS e_result_issued,
       coalesce(p.result_is_document, false) AS result_is_document,
       p.legal_duration, p.duration_unit
FROM read_parquet('${lake}/case/*/*.parquet', hive_partitioning = true) c
LEFT JOIN read_parquet('${lake}/procedure/*.parquet') p ON p.procedure_code = c.procedure_code
WHERE c.received_at IS NOT NULL AND c.status NOT IN (1, 3);

-- The promised time of the few dossiers without one, from the procedure's legal duration.
CREATE TEMP TABLE computed_due AS
SELECT case_id, due_from_duration(received_at, legal_duration, duration_unit) AS due_at
FROM accepted_case WHERE due_at IS NULL;

CREATE TEMP TABLE stg_case AS
SELECT a.* EXCLUDE (due_at, legal_duration, duration_unit), coalesce(a.due_at, d.due_at) AS due_at
FROM accepted_case a LEFT JOIN computed_due d ON d.case_id = a.case_id;

CREATE TEMP TABLE case_timeline AS
WITH events AS (
    SELECT case_id,
           min(CASE WHEN status = 9  THEN "at" END) AS at9,
           min(CASE WHEN status = 10 THEN "at" END) AS at10,
           min(CASE WHEN status = 8  THEN "at" END) AS at8,
           min(CASE WHEN status = 7  THEN "at" END) AS at7
    FROM read_parquet('${lake}/case_event/*/*.parquet', hive_partitioning = true)
    GROUP BY case_id
),
supplements AS (
    SELECT s.case_id, local_time(s.requested_at) AS requested_at, local_time(s.received_at) AS received_at,
           row_number() OVER (PARTITION BY s.case_id ORDER BY s.requested_at) AS n
    FROM read_parquet('${lake}/case_supplement/*/*.parquet', hive_partitioning = true) s
    JOIN stg_case c ON c.case_id = s.case_id
    WHERE local_time(s.requested_at) >= c.received_at
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
apologies AS (
    SELECT case_id, min(issued_at) AS first_apology_at
    FROM read_parquet('${lake}/case_apology/*/*.parquet', hive_partitioning = true)
    GROUP BY case_id
)
SELECT c.*,
       coalesce(local_time(e.at9), local_time(e.at10), local_time(e.at8), local_time(e.at7), c.finished_at) AS end_at,
       CASE WHEN e.at9  IS NOT NULL THEN 9
            WHEN e.at10 IS NOT NULL THEN 10
            WHEN e.at8  IS NOT NULL THEN 8
            WHEN e.at7  IS NOT NULL THEN 7
            WHEN c.finished_at IS NOT NULL THEN c.status
       END AS end_status,
       s.r1, s.a1, s.r2, s.a2,
       local_time(a.first_apology_at) AS first_apology_at
FROM stg_case c
LEFT JOIN events e          ON e.case_id = c.case_id
LEFT JOIN supplement_pair s ON s.case_id = c.case_id
LEFT JOIN apologies a       ON a.case_id = c.case_id;

-- The run's range as ComputeJob takes it: from the first month with a reception to the last day with a reception
-- or an end; calendar months clipped to it.
CREATE TEMP TABLE periods AS
WITH range AS (
    SELECT date_trunc('month', min(received_at::DATE))::DATE AS first_day,
           greatest(coalesce(max(received_at::DATE), max(end_at::DATE)),
                    coalesce(max(end_at::DATE), max(received_at::DATE))) AS last_day
    FROM case_timeline
),
months AS (
    SELECT unnest(generate_series(month_idx(first_day), month_idx(last_day))) AS idx, first_day, last_day FROM range
)
SELECT idx,
       greatest(make_date(CAST(idx // 12 AS INTEGER), CAST(idx % 12 + 1 AS INTEGER), 1), first_day) AS period_start,
       least(CAST(make_date(CAST(idx // 12 AS INTEGER), CAST(idx % 12 + 1 AS INTEGER), 1) + INTERVAL 1 MONTH
                  - INTERVAL 1 DAY AS DATE), last_day) AS period_end
FROM months;

WITH bounds AS (
    SELECT min(period_start)::TIMESTAMP AS first_ts, (max(period_end) + 1)::TIMESTAMP AS last_ts FROM periods
),
spans AS (
    SELECT t.*, unnest(generate_series(month_idx(t.received_at),
                                       month_idx(least(coalesce(t.end_at, b.last_ts), b.last_ts)))) AS span_idx
    FROM case_timeline t CROSS JOIN bounds b
    WHERE t.received_at < b.last_ts AND (t.end_at IS NULL OR t.end_at >= b.first_ts)
),
at_period_end AS (
    SELECT s.*, p.period_start,
           s.received_at >= p.period_start::TIMESTAMP                             AS received_in_period,
           s.end_at IS NOT NULL AND s.end_at < (p.period_end + 1)::TIMESTAMP     AS ended,
           s.r2 IS NOT NULL AND s.r2 < (p.period_end + 1)::TIMESTAMP             AS second_supplement,
           s.r1 IS NOT NULL AND s.r1 <= s.due_at AND s.a1 IS NOT NULL
               AND s.a1 < (p.period_end + 1)::TIMESTAMP                          AS pause_applies,
           (s.r1 IS NOT NULL AND s.r1 < (p.period_end + 1)::TIMESTAMP
                AND (s.a1 IS NULL OR s.a1 >= (p.period_end + 1)::TIMESTAMP))
               OR (s.r2 IS NOT NULL AND s.r2 < (p.period_end + 1)::TIMESTAMP
                AND (s.a2 IS NULL OR s.a2 >= (p.period_end + 1)::TIMESTAMP))      AS waiting_at_end,
           s.first_apology_at IS NOT NULL
               AND s.first_apology_at < (p.period_end + 1)::TIMESTAMP            AS has_apology,
           (p.period_end + 1)::TIMESTAMP                                          AS end_ts
    FROM spans s
    JOIN periods p ON p.idx = s.span_idx
    WHERE s.received_at < (p.period_end + 1)::TIMESTAMP
      AND (s.end_at IS NULL OR s.end_at >= p.period_start::TIMESTAMP)
),
with_due AS (
    SELECT *, CASE WHEN pause_applies THEN make_timestamp(epoch_us(due_at) + epoch_us(a1) - epoch_us(r1))
                ELSE due_at END AS effective_due_at
    FROM at_period_end
),
classified AS (
    SELECT *,
           ended OR waiting_at_end AS resolved,
           CASE WHEN ended AND end_status IN (7, 8) THEN false
                WHEN ended THEN second_supplement OR end_at > effective_due_at
                WHEN waiting_at_end THEN second_supplement OR r1 > due_at
                ELSE false
           END AS resolved_late_flag
    FROM with_due
),
states AS (
    SELECT *,
           resolved AND coalesce(resolved_late_flag, false) AS resolved_late,
           ended AND end_status IN (9, 10) AND NOT coalesce(resolved_late_flag, false)
               AND end_at::DATE < effective_due_at::DATE AS resolved_early,
           NOT resolved AND (second_supplement OR coalesce(end_ts > effective_due_at, false)) AS pending_overdue
    FROM classified
),
case_period AS (
    SELECT agency_code, period_start, channel, received_in_period, has_uploaded_components, e_result_issued,
           result_is_document, has_apology,
           ended AND end_status IN (9, 10) AS finished_with_result,
           resolved_early,
           resolved AND NOT resolved_late AND NOT coalesce(resolved_early, false) AS resolved_on_time,
           NOT resolved AND NOT pending_overdue AS pending_not_due,
           resolved_late OR pending_overdue AS late
    FROM states
),
counts AS (
    SELECT agency_code, period_start,
           count_if(resolved_early OR resolved_on_time OR pending_not_due) AS n_766_2_1,
           count(*)                                                         AS d_766_2_1,
           count_if(received_in_period AND channel = 'ONLINE'
                    AND (NOT (result_is_document AND finished_with_result) OR e_result_issued)) AS n_766_3_3,
           count_if(received_in_period AND has_uploaded_components
                    AND (NOT (result_is_document AND finished_with_result) OR e_result_issued)) AS n_766_4_2,
           count_if(received_in_period)                                     AS d_received,
           count_if(late AND NOT has_apology)                               AS n_r01,
           count_if(late)                                                   AS d_r01
    FROM case_period
    GROUP BY agency_code, period_start
)
SELECT agency_code, period_start, '766.2.1' AS indicator_id, n_766_2_1 AS numerator, d_766_2_1 AS denominator FROM counts
UNION ALL SELECT agency_code, period_start, '766.3.3', n_766_3_3, d_received FROM counts
UNION ALL SELECT agency_code, period_start, '766.4.2', n_766_4_2, d_received FROM counts
UNION ALL SELECT agency_code, period_start, 'R01.rate', n_r01, d_r01 FROM counts;
