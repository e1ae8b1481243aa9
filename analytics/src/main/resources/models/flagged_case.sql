-- flagged_case: every dossier some dossier rule flags in a computed period (R01–R11); the dossiers whose evidence
-- timeline a full run publishes.
SELECT DISTINCT case_id FROM case_period
WHERE r01 OR r02 OR r03 OR r04 OR r05 OR r06 OR r07 OR r08 OR r09 OR r11
UNION
SELECT case_id FROM closing_burst_period WHERE r10
