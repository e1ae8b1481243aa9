-- An agency's list of flagged dossiers (/api/agencies/{code}/cases) is paged in reception order. With
-- pub_case_flag_agency ending at the period, every request sorted all of the agency's flags of the rule and
-- period to return twenty of them: at 10 million dossiers one agency holds over a hundred thousand R01 flags
-- over the range. This index ends with the sort keys, so a page is read in order and stops after its rows.
CREATE INDEX pub_case_flag_list ON pub_case_flag (run_id, agency_code, rule_id, period_kind, period_start,
                                                  received_at, case_id);
DROP INDEX pub_case_flag_agency;
