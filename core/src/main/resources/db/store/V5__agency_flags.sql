-- Agency-level flags (R12, silent procedure): one row per agency × procedure × judged month in which the flag
-- holds, listed under every period of the run that holds the whole month, so that a period's list is exactly
-- what its R12.rate numerator counts (as pub_case_flag does for dossiers). There is no dossier to show: the values
-- seen are the agency's own volume and its peers'.
CREATE TABLE pub_agency_flag (
    run_id          VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    rule_id         VARCHAR(20)    NOT NULL,
    agency_code     VARCHAR(60)    NOT NULL,
    procedure_code  VARCHAR(40)    NOT NULL,
    procedure_name  VARCHAR(600),
    period_kind     VARCHAR(30)    NOT NULL,  -- see pub_period
    period_start    DATE           NOT NULL,
    month_start     DATE           NOT NULL,  -- the month judged
    peers           INTEGER        NOT NULL,  -- agencies of the same kind handling the procedure that month
    active_peers    INTEGER        NOT NULL,  -- of which with dossiers of it that month
    month_dossiers  BIGINT         NOT NULL,  -- the agency's dossiers received that month, every procedure
    monthly_median  DECIMAL(12,2)  NOT NULL,  -- its median per month over the months before
    history_months  INTEGER        NOT NULL,  -- months that median is over
    detail_vi       VARCHAR(1000),
    detail_en       VARCHAR(1000),
    PRIMARY KEY (run_id, rule_id, period_kind, period_start, agency_code, procedure_code, month_start)
);
CREATE INDEX pub_agency_flag_agency ON pub_agency_flag (run_id, agency_code, rule_id, period_kind, period_start);
