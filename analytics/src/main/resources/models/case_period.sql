-- case_period: one row per dossier × reporting period in which it is to be handled (received in the period,
-- or carried over into it), with its state at the end of the period. Every indicator over dossiers and every
-- dossier-level rule reads this view. Periods come from the `periods` view: kind, idx (the period's number,
-- the same as Period.index gives), period_start / period_end (dates, inclusive) and start_ts /
-- end_ts (end_ts is the next midnight), and partial (a nightly run's period recomputed for the agencies in
-- partial_scope only).
WITH bounds AS (
    SELECT min(start_ts) AS first_ts, max(end_ts) AS last_ts FROM periods
),
in_range AS (
    SELECT t.*, least(coalesce(t.end_at, b.last_ts), b.last_ts) AS last_at,
           -- The due time moved by the first pause, for the periods by whose end the citizen has answered.
           CASE WHEN t.r1 IS NOT NULL AND t.r1 <= t.due_at AND t.a1 IS NOT NULL
                THEN timestamp_micros(unix_micros(t.due_at) + unix_micros(t.a1) - unix_micros(t.r1)) END AS paused_due_at
    FROM case_timeline t CROSS JOIN bounds b
    WHERE t.received_at < b.last_ts
      AND (t.end_at IS NULL OR t.end_at >= b.first_ts)
),
cases AS (
    -- Calendar arithmetic once per dossier, not once per period: the period only chooses between these values.
    SELECT c.*,
           working_days_before(c.due_at, 1)                             AS due_apology_deadline,
           working_days_before(c.paused_due_at, 1)                      AS paused_apology_deadline,
           CASE WHEN c.end_at IS NOT NULL AND c.end_status IN (9, 10)
                THEN working_days_between(c.received_at, c.end_at) END  AS working_days_to_end,
           working_days_between(c.r1, c.a1)                             AS working_days_paused,
           due_from_duration(c.received_at, CAST((SELECT recorded_late_working_days FROM rule_thresholds)
               AS DECIMAL(18, 2)), 'WORKING_DAYS')                      AS record_deadline,
           c.end_at IS NOT NULL AND c.end_status IN (9, 10)
               AND c.end_at <= c.received_at + make_interval(0, 0, 0, 0, 0, (SELECT too_fast_minutes FROM rule_thresholds))
               AND due_from_duration(c.received_at, c.legal_duration, c.duration_unit) >= due_from_duration(c.received_at,
                   CAST((SELECT too_fast_min_working_days FROM rule_thresholds) AS DECIMAL(18, 2)), 'WORKING_DAYS')
                                                                        AS too_fast
    FROM in_range c
),
spans AS (
    -- The periods of each kind a dossier touches, from the one it was received in to the one it ended in.
    -- A period's number: the number of the month holding the day, divided by the months of its kind (period_kinds).
    SELECT c.*, k.kind AS span_kind,
           explode(sequence(
               CASE WHEN k.months = 0 THEN 0 ELSE (year(c.received_at) * 12 + month(c.received_at) - 1
                   + CASE WHEN k.report AND day(c.received_at) >= 15 THEN 1 ELSE 0 END) div k.months END,
               CASE WHEN k.months = 0 THEN 0 ELSE (year(c.last_at) * 12 + month(c.last_at) - 1
                   + CASE WHEN k.report AND day(c.last_at) >= 15 THEN 1 ELSE 0 END) div k.months END)) AS span_idx
    FROM cases c CROSS JOIN period_kinds k
),
at_period_end AS (
    SELECT
        s.*,
        p.kind AS period_kind, p.period_start, p.period_end, p.start_ts, p.end_ts,
        s.received_at >= p.start_ts                             AS received_in_period,
        s.end_at IS NOT NULL AND s.end_at < p.end_ts            AS ended,
        s.r2 IS NOT NULL AND s.r2 < p.end_ts                    AS second_supplement,
        -- The first pause moves the due time by its length once the citizen has answered; a request made
        -- after the due time rescues nothing (decisions.md).
        s.r1 IS NOT NULL AND s.r1 <= s.due_at AND s.a1 IS NOT NULL AND s.a1 < p.end_ts AS pause_applies,
        -- Waiting for the citizen's answer to the first or the second supplement request at the end of the period.
        (s.r1 IS NOT NULL AND s.r1 < p.end_ts AND (s.a1 IS NULL OR s.a1 >= p.end_ts))
            OR (s.r2 IS NOT NULL AND s.r2 < p.end_ts AND (s.a2 IS NULL OR s.a2 >= p.end_ts)) AS waiting_at_end,
        s.first_apology_at IS NOT NULL AND s.first_apology_at < p.end_ts AS has_apology,
        -- The new date promised by the latest apology issued by the end of the period.
        CASE WHEN s.second_apology_at IS NOT NULL AND s.second_apology_at < p.end_ts THEN s.last_new_due_at
             WHEN s.first_apology_at IS NOT NULL AND s.first_apology_at < p.end_ts THEN s.first_new_due_at
        END                                                     AS new_due_at,
        (s.first_dissatisfied_at IS NOT NULL AND s.first_dissatisfied_at < p.end_ts)
            OR (s.first_feedback_at IS NOT NULL AND s.first_feedback_at < p.end_ts) AS has_complaint
    FROM spans s
    JOIN periods p ON p.kind = s.span_kind AND p.idx = s.span_idx
    -- A nightly run recomputes a partial period for some agencies only (ChangePlan): the others keep their counts.
    LEFT JOIN partial_scope ps ON p.partial AND ps.kind = p.kind AND ps.period_start = p.period_start
                              AND ps.agency_code = s.agency_code
    WHERE s.received_at < p.end_ts
      AND (s.end_at IS NULL OR s.end_at >= p.start_ts)
      AND (NOT p.partial OR ps.agency_code IS NOT NULL)
),
with_due AS (
    SELECT
        *,
        CASE WHEN pause_applies THEN paused_due_at ELSE due_at END AS effective_due_at,
        CASE WHEN pause_applies THEN paused_apology_deadline ELSE due_apology_deadline END AS apology_deadline
    FROM at_period_end
),
classified AS (
    SELECT
        *,
        -- Waiting for the citizen at the end of the period: the clock is stopped and the request time counts
        -- as the end (calendar.md; form 06a counts these under "on time").
        ended OR waiting_at_end                                 AS resolved,
        CASE
            WHEN ended AND end_status IN (7, 8) THEN false      -- withdrawn or stopped: column (9) of 06a
            WHEN ended THEN second_supplement OR end_at > effective_due_at
            WHEN waiting_at_end THEN second_supplement OR r1 > due_at
            ELSE false
        END                                                     AS resolved_late_flag
    FROM with_due
),
states AS (
    SELECT
        *,
        resolved AND coalesce(resolved_late_flag, false)        AS resolved_late,
        ended AND end_status IN (9, 10) AND NOT coalesce(resolved_late_flag, false)
            AND to_date(end_at) < to_date(effective_due_at)     AS resolved_early,
        NOT resolved AND (second_supplement OR coalesce(end_ts > effective_due_at, false)) AS pending_overdue
    FROM classified
)
SELECT
    case_id, agency_code, agency_kind, procedure_code, procedure_name, field_code, channel, status, applicant_name,
    received_at, due_at, due_computed, effective_due_at, end_at, end_status, first_apology_at, recorded_at,
    updated_at, second_apology_at, new_due_at,
    synced_at, has_uploaded_components, e_result_issued, result_is_document, reused_digitized_data,
    from_personal_store, population_db_checked, fee_amount, paid_online, online_level, full_online_eligible,
    is_copy_certification,
    period_kind, period_start, period_end,
    true                                                        AS to_handle,
    received_in_period,
    NOT received_in_period                                      AS carried_over,
    ended,
    -- finished with a result (status 9 or 10): the case where a document result must also be electronic.
    ended AND end_status IN (9, 10)                             AS finished_with_result,
    resolved,
    resolved_early,
    resolved AND NOT resolved_late AND NOT coalesce(resolved_early, false) AS resolved_on_time,
    resolved_late,
    NOT resolved                                                AS pending,
    NOT resolved AND NOT pending_overdue                        AS pending_not_due,
    pending_overdue,
    -- Form 06a counts every dossier waiting for the citizen's supplement under (9), even one the 766 rules call
    -- late (a second request, or a request after the due time); (10) holds the ended late ones.
    (ended AND NOT resolved_late AND NOT coalesce(resolved_early, false))
        OR (waiting_at_end AND NOT ended)                       AS form06_on_time,
    ended AND resolved_late                                     AS form06_late,
    -- late for compliance rules: resolved late in the period, or pending and overdue at its end.
    resolved_late OR pending_overdue                            AS late,
    has_apology,
    has_complaint,
    -- Handling time in working days, the first pause excluded (766.2.2), for dossiers finished with a result.
    CASE WHEN ended AND end_status IN (9, 10)
         THEN working_days_to_end - CASE WHEN pause_applies THEN working_days_paused ELSE 0 END
    END                                                         AS handling_working_days,
    -- The apology must reach the citizen at least 1 working day before the (effective) due time.
    apology_deadline,
    -- R01 Late, no apology (Decree 61/2018; Decree 118/2025; form 04)
    (resolved_late OR pending_overdue) AND NOT has_apology      AS r01,
    -- R02 Apology too late
    has_apology AND first_apology_at > apology_deadline         AS r02,
    -- R03 Rescheduled more than once: a second apology (new date) for a dossier received from 1 Jul 2025
    -- (Decree 118/2025 allows one extension).
    received_at >= TIMESTAMP '2025-07-01 00:00:00' AND second_apology_at IS NOT NULL
        AND second_apology_at < end_ts                          AS r03,
    -- R04 Missed the new date promised in the apology: finished after it, or still open past it.
    new_due_at IS NOT NULL AND (CASE WHEN ended THEN end_at > new_due_at ELSE end_ts > new_due_at END) AS r04,
    -- R05 Repeated supplement requests during handling.
    second_supplement                                           AS r05,
    -- R06 Entered after the fact: recorded more than N working days after reception (flagged where received).
    received_in_period AND recorded_at > record_deadline        AS r06,
    -- R07 Not synced to the national portal, or synced more than N days after the last change (updated_at;
    -- without it, the latest of reception and end).
    received_in_period AND (synced_at IS NULL OR synced_at > coalesce(updated_at, greatest(received_at, end_at))
        + make_interval(0, 0, 0, (SELECT sync_late_days FROM rule_thresholds))) AS r07,
    -- R08 Online, finished with a document result, no electronic result.
    ended AND end_status IN (9, 10) AND channel = 'ONLINE' AND result_is_document AND NOT e_result_issued AS r08,
    -- R09 Implausibly fast: finished within N minutes of reception, for a legal time of at least M working days.
    ended AND coalesce(too_fast, false)                         AS r09,
    -- R11 Date anomalies: the source's history runs backwards, or a finished status without an end time.
    received_in_period AND (events_out_of_order OR (status IN (9, 10) AND end_at IS NULL)) AS r11
FROM states
