-- agency_procedure_period: one row per agency × procedure it handles (agency_procedure) × period while the
-- agency exists, with the procedure's catalogue facts and how many of its dossiers the agency received in the
-- period. Procedure-level indicators (766.1.1–1.3, 3.1, 3.2, 3.5, 3.6, 4.5) count these rows.
WITH received AS (
    SELECT agency_code, procedure_code, period_kind, period_start,
           count_if(received_in_period)                          AS dossiers,
           count_if(received_in_period AND channel = 'ONLINE')   AS online_dossiers,
           count_if(received_in_period AND fee_amount > 0)       AS fee_dossiers,
           count_if(received_in_period AND paid_online)          AS paid_online_dossiers,
           count_if(received_in_period AND population_db_checked) AS population_db_dossiers
    FROM case_period
    GROUP BY agency_code, procedure_code, period_kind, period_start
),
pairs AS (
    SELECT ap.agency_code, ap.procedure_code, a.valid_from, a.valid_to
    FROM lake_agency_procedure ap
    JOIN lake_agency a ON a.agency_code = ap.agency_code
)
SELECT
    pr.agency_code,
    pr.procedure_code,
    p.kind AS period_kind,
    p.period_start,
    p.period_end,
    coalesce(pc.online_level, 'NONE')                            AS online_level,
    coalesce(pc.has_fee, false)                                  AS has_fee,
    -- Individual applicants: "individual" or "both" (data contract: individual / organisation / both).
    lower(coalesce(pc.applicant_kinds, '')) IN ('individual', 'both') AS for_individuals,
    pc.announced_on BETWEEN p.period_start AND p.period_end      AS announced_in_period,
    -- Announced at least 5 working days before its legal basis takes effect (766.1.1).
    coalesce(pc.announced_on <= working_day_add(pc.legal_basis_effective_on, -5), false) AS announced_on_time,
    -- Made public at most 5 working days after the announcement (766.1.2).
    coalesce(pc.published_on <= working_day_add(pc.announced_on, 5), false) AS published_on_time,
    coalesce(pc.published_on <= p.period_end, false)             AS published_by_end,
    coalesce(pc.components_complete, false)                      AS components_complete,
    coalesce(r.dossiers, 0)                                      AS dossiers,
    coalesce(r.online_dossiers, 0)                               AS online_dossiers,
    coalesce(r.fee_dossiers, 0)                                  AS fee_dossiers,
    coalesce(r.paid_online_dossiers, 0)                          AS paid_online_dossiers,
    coalesce(r.population_db_dossiers, 0)                        AS population_db_dossiers
FROM pairs pr
CROSS JOIN periods p
JOIN lake_procedure pc ON pc.procedure_code = pr.procedure_code
LEFT JOIN received r
       ON r.agency_code = pr.agency_code AND r.procedure_code = pr.procedure_code
      AND r.period_kind = p.kind AND r.period_start = p.period_start
WHERE (pr.valid_from IS NULL OR pr.valid_from <= p.period_end)
  AND (pr.valid_to IS NULL OR pr.valid_to >= p.period_start)
