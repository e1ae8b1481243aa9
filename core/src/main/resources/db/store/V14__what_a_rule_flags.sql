-- What one flag of a rule is (decision 92): a dossier (R01–R11, in pub_case_flag) or an agency's procedure in a month
-- (R12, in pub_agency_flag). The dashboard counts and lists a rule's flags by it instead of knowing rule ids.
ALTER TABLE pub_rule ADD COLUMN flags VARCHAR(20) DEFAULT 'dossiers' NOT NULL;
-- Runs published before this column: R12 was the one rule judged per procedure-month.
UPDATE pub_rule SET flags = 'procedure_months' WHERE rule_id = 'R12';
