-- Province vs national portal (DVCQG) as found by a run: one row per dossier and field that differs, and one
-- row per agency with the counts. Written under the run id and visible once the run is current, like pub_value.
CREATE TABLE pub_reconciliation (
    run_id          VARCHAR(40)   NOT NULL REFERENCES run (run_id),
    case_id         VARCHAR(80)   NOT NULL,
    agency_code     VARCHAR(60)   NOT NULL,
    difference      VARCHAR(30)   NOT NULL,  -- MISSING_ON_PORTAL | ONLY_ON_PORTAL | STATUS | RECEIVED_AT | DUE_AT |
                                             -- FINISHED_AT | RETURNED_AT | CHANNEL | PAID_ONLINE | FEE_AMOUNT
    province_value  VARCHAR(200),            -- as text: status code, local time yyyy-MM-dd HH:mm, channel, amount
    portal_value    VARCHAR(200),
    received_at     TIMESTAMP,               -- the province's (the portal's for ONLY_ON_PORTAL), to order and filter
    PRIMARY KEY (run_id, case_id, difference)
);
CREATE INDEX pub_reconciliation_by_agency ON pub_reconciliation (run_id, agency_code, difference);

CREATE TABLE pub_reconciliation_agency (
    run_id             VARCHAR(40)  NOT NULL REFERENCES run (run_id),
    agency_code        VARCHAR(60)  NOT NULL,
    province_cases     BIGINT       NOT NULL,  -- dossiers compared (changed before the portal snapshot)
    portal_cases       BIGINT       NOT NULL,  -- of these, on the portal
    missing_on_portal  BIGINT       NOT NULL,
    only_on_portal     BIGINT       NOT NULL,
    status_differs     BIGINT       NOT NULL,
    dates_differ       BIGINT       NOT NULL,  -- dossiers with at least one of the four dates different
    channel_differs    BIGINT       NOT NULL,
    payment_differs    BIGINT       NOT NULL,  -- paid_online or fee_amount different
    PRIMARY KEY (run_id, agency_code)
);
