-- case_fingerprint: what a run saw of each accepted dossier, kept beside the lake so that the next run can tell
-- which dossiers changed and from which moment (ChangePlan, decisions.md "Incremental nightly runs"), and whose
-- agency's numbers a change judged at reception alone moves (agency_code).
--  the moments case_period compares with period ends, one column each;
--  reception_hash  what is judged only in the period of reception, as it is now whatever the period's end
--                  (R06 recorded_at; R07's verdict and, when late, its sync time; 766.1.4 synced or not; R11's
--                  verdict; 766.3.3, 766.3.7, 766.4.2–4.6 the dossier's flags); e_result_issued counts from the end;
--  static_hash     everything else case_period reads: a change there may alter every period of the dossier;
--  content_hash    the source's history, supplements, apologies and ratings row by row (the evidence timeline),
--                  order-independent: a change there alone reopens no period;
--  closing_hash    what R10 reads of the history: the officer and time of the first finishing step.
WITH closing AS (
    -- As closing_burst_period picks them.
    SELECT case_id, xxhash64(to_json(named_struct('officer', min_by(officer, at), 'closed_at', min(at)))) AS closing_hash
    FROM lake_case_event
    WHERE status = 9 AND officer IS NOT NULL
    GROUP BY case_id
),
content AS (
    SELECT case_id, bit_xor(h) AS content_hash
    FROM (
        SELECT case_id, xxhash64(to_json(named_struct('k', 'e', 'seq', seq, 'at', at, 'status', status, 'step', step,
                   'unit', unit, 'officer', officer))) AS h FROM lake_case_event
        UNION ALL
        SELECT case_id, xxhash64(to_json(named_struct('k', 's', 'requested_at', requested_at, 'received_at', received_at,
                   'previous_due_at', previous_due_at, 'new_due_at', new_due_at))) FROM lake_case_supplement
        UNION ALL
        SELECT case_id, xxhash64(to_json(named_struct('k', 'a', 'issued_at', issued_at, 'reason', reason,
                   'previous_due_at', previous_due_at, 'new_due_at', new_due_at))) FROM lake_case_apology
        UNION ALL
        SELECT case_id, xxhash64(to_json(named_struct('k', 'r', 'rated_at', rated_at, 'satisfied', satisfied,
                   'score', score))) FROM lake_case_rating
    ) rows
    GROUP BY case_id
)
SELECT t.case_id, t.agency_code, t.received_at, t.end_at, t.end_status, t.r1, t.a1, t.r2, t.a2,
       t.first_apology_at, t.second_apology_at, t.first_new_due_at, t.last_new_due_at,
       t.first_dissatisfied_at, t.first_feedback_at, t.e_result_issued, t.status,
       -- What the rules judge at reception, as verdicts rather than raw values: a change of the last-change time
       -- that leaves R07's verdict alone (an old dossier moving on today) does not reopen its month of reception.
       xxhash64(to_json(named_struct(
           'r07', CASE WHEN t.synced_at IS NULL THEN 'never'
                       WHEN t.synced_at > coalesce(t.updated_at, greatest(t.received_at, t.end_at))
                           + make_interval(0, 0, 0, (SELECT sync_late_days FROM rule_thresholds))
                       THEN CAST(t.synced_at AS STRING) END,
           'synced', t.synced_at IS NOT NULL, 'recorded_at', t.recorded_at,
           'r11', t.events_out_of_order OR (t.status IN (9, 10) AND t.end_at IS NULL),
           'has_uploaded_components', t.has_uploaded_components, 'reused_digitized_data', t.reused_digitized_data,
           'from_personal_store', t.from_personal_store, 'population_db_checked', t.population_db_checked,
           'fee_amount', t.fee_amount, 'paid_online', t.paid_online))) AS reception_hash,
       xxhash64(to_json(named_struct('agency_code', t.agency_code, 'agency_kind', t.agency_kind,
           'procedure_code', t.procedure_code, 'procedure_name', t.procedure_name, 'field_code', t.field_code,
           'channel', t.channel, 'applicant_name', t.applicant_name, 'due_at', t.due_at,
           'due_computed', t.due_computed, 'legal_duration', t.legal_duration, 'duration_unit', t.duration_unit,
           'result_is_document', t.result_is_document, 'online_level', t.online_level,
           'full_online_eligible', t.full_online_eligible,
           'is_copy_certification', t.is_copy_certification))) AS static_hash,
       coalesce(c.content_hash, 0) AS content_hash,
       coalesce(cl.closing_hash, 0) AS closing_hash
FROM case_timeline t
LEFT JOIN content c ON c.case_id = t.case_id
LEFT JOIN closing cl ON cl.case_id = t.case_id
