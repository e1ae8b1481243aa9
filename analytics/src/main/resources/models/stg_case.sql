-- stg_case: accepted dossiers (indicators.md, "accepted": received_at set, status not 1 submitted or
-- 3 not accepted) with their procedure and agency. The promised time is due_at as the source gives it,
-- else computed from the procedure's legal duration on the working-day calendar (calendar.md, "Deadlines").
SELECT
    c.case_id,
    c.agency_code,
    a.kind                                     AS agency_kind,
    c.procedure_code,
    p.name                                     AS procedure_name,
    p.field_code,
    c.channel,
    c.status,
    c.applicant_name,
    c.received_at,
    coalesce(c.due_at,
             due_from_duration(c.received_at, p.legal_duration, p.duration_unit)) AS due_at,
    c.due_at IS NULL                           AS due_computed,
    c.finished_at,
    c.synced_at,
    c.recorded_at,
    c.updated_at,
    p.legal_duration,
    p.duration_unit,
    coalesce(c.has_uploaded_components, false) AS has_uploaded_components,
    coalesce(c.e_result_issued, false)         AS e_result_issued,
    coalesce(c.reused_digitized_data, false)   AS reused_digitized_data,
    coalesce(c.from_personal_store, false)     AS from_personal_store,
    coalesce(c.vneid_verified, false) OR coalesce(c.population_db_used, false) AS population_db_checked,
    coalesce(c.fee_amount, 0)                  AS fee_amount,
    coalesce(c.paid_online, 0) IN (1, 2)       AS paid_online,
    coalesce(p.result_is_document, false)      AS result_is_document,
    coalesce(p.online_level, 'NONE')           AS online_level,
    coalesce(p.full_online_eligible, false)    AS full_online_eligible,
    c.procedure_code IN (SELECT procedure_code FROM copy_certification_procedures) AS is_copy_certification
FROM lake_case c
LEFT JOIN lake_procedure p ON p.procedure_code = c.procedure_code
LEFT JOIN lake_agency a    ON a.agency_code = c.agency_code
WHERE c.received_at IS NOT NULL
  AND c.status NOT IN (1, 3)
