-- The dossier page (/cases/{id}, /api/cases/{id}) lists every flag of one dossier. pub_case_flag's key starts
-- with the rule and period, so without this index each view of a dossier read the whole table of the run
-- (hundreds of thousands of rows at 200,000 dossiers).
CREATE INDEX pub_case_flag_case ON pub_case_flag (run_id, case_id);

-- The agency page counts its flags per rule in one period: with the rule before the period in
-- pub_case_flag_agency, that count filtered every flag of the agency in every period row by row.
CREATE INDEX pub_case_flag_agency_period ON pub_case_flag (run_id, agency_code, period_kind, period_start, rule_id);
