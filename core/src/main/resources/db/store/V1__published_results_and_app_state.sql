-- The store: published runs (read by the dashboard) and the application's own state.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per analytics run; the dashboard only reads the run that current_run points to.
CREATE TABLE run (
    run_id           VARCHAR(40)   PRIMARY KEY,
    trigger_kind     VARCHAR(20)   NOT NULL,  -- demo | manual | scheduled
    status           VARCHAR(20)   NOT NULL,  -- running | succeeded | failed
    started_at       TIMESTAMP     NOT NULL,
    finished_at      TIMESTAMP,
    period_from      DATE,
    period_to        DATE,
    points_profile   VARCHAR(40),
    formula_version  VARCHAR(40),
    message          VARCHAR(4000)
);

-- Exactly one row: the published run. Publishing = one UPDATE in one transaction.
CREATE TABLE current_run (
    id            INTEGER      PRIMARY KEY CHECK (id = 1),
    run_id        VARCHAR(40)  NOT NULL REFERENCES run (run_id),
    published_at  TIMESTAMP    NOT NULL
);

-- Balance of input rows per run, source and record type: read = accepted + quarantined + superseded.
CREATE TABLE run_input_count (
    run_id        VARCHAR(40)   NOT NULL REFERENCES run (run_id),
    source        VARCHAR(200)  NOT NULL,
    record_type   VARCHAR(40)   NOT NULL,
    rows_read     BIGINT        NOT NULL,
    rows_accepted BIGINT        NOT NULL,
    rows_quarantined BIGINT     NOT NULL,
    rows_superseded  BIGINT     NOT NULL,
    PRIMARY KEY (run_id, source, record_type)
);

-- Quarantined rows (dữ liệu bị cách ly) with where they came from and why.
CREATE TABLE run_quarantine (
    run_id       VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    record_type  VARCHAR(40)    NOT NULL,
    location     VARCHAR(400)   NOT NULL,  -- file:line or table:key
    reason       VARCHAR(80)    NOT NULL,  -- reason code, e.g. MISSING_CASE_ID
    detail       VARCHAR(1000),
    raw_value    VARCHAR(4000)
);
CREATE INDEX run_quarantine_run ON run_quarantine (run_id, record_type);

-- Agencies as of the run (the hierarchy is data: validity dates and successors).
CREATE TABLE pub_agency (
    run_id          VARCHAR(40)   NOT NULL REFERENCES run (run_id),
    agency_code     VARCHAR(60)   NOT NULL,
    name            VARCHAR(400)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    parent_code     VARCHAR(60),
    valid_from      DATE,
    valid_to        DATE,
    successor_code  VARCHAR(60),
    group_code      VARCHAR(60)   NOT NULL,
    PRIMARY KEY (run_id, agency_code)
);

-- The catalogue as computed in the run: names, points and help texts beside every number.
CREATE TABLE pub_indicator (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    indicator_id  VARCHAR(40)    NOT NULL,
    category      VARCHAR(40)    NOT NULL,  -- transparency | progress | online | payment | digitization | satisfaction | report06 | rule | total
    name_vi       VARCHAR(400)   NOT NULL,
    name_en       VARCHAR(400)   NOT NULL,
    unit          VARCHAR(20)    NOT NULL,  -- percent | count | score
    points        DECIMAL(9,2),
    target_pct    DECIMAL(9,2),
    basis         VARCHAR(1000),
    formula_vi    VARCHAR(2000),
    formula_en    VARCHAR(2000),
    sort_order    INTEGER        NOT NULL,
    direction     VARCHAR(10)    DEFAULT 'higher' NOT NULL,  -- higher | lower: which way is better
    PRIMARY KEY (run_id, indicator_id)
);

-- The periods computed in the run: calendar periods, official report periods (Decree 09/2019, cut-off on the
-- 14th) and the run's range. A period is clipped when the run's range cut it short.
CREATE TABLE pub_period (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    period_kind   VARCHAR(30)    NOT NULL,  -- month | quarter | half | year | report_month | report_quarter |
                                            -- report_half | report_nine_months | report_year | range
    period_start  DATE           NOT NULL,
    period_end    DATE           NOT NULL,
    is_report     BOOLEAN        NOT NULL,
    is_clipped    BOOLEAN        NOT NULL,
    PRIMARY KEY (run_id, period_kind, period_start)
);

-- Agency groups (one per agency kind) with their names.
CREATE TABLE pub_group (
    run_id      VARCHAR(40)   NOT NULL REFERENCES run (run_id),
    group_code  VARCHAR(60)   NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    name_vi     VARCHAR(200)  NOT NULL,
    name_en     VARCHAR(200)  NOT NULL,
    PRIMARY KEY (run_id, group_code)
);

-- Dossier-level rules as computed in the run: names, legal basis and the threshold that produced each flag.
CREATE TABLE pub_rule (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    rule_id       VARCHAR(20)    NOT NULL,
    name_vi       VARCHAR(400)   NOT NULL,
    name_en       VARCHAR(400)   NOT NULL,
    basis         VARCHAR(1000),
    threshold_vi  VARCHAR(1000),
    threshold_en  VARCHAR(1000),
    PRIMARY KEY (run_id, rule_id)
);

-- One value per scope (agency, group, province) × period × indicator.
CREATE TABLE pub_value (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    scope_code    VARCHAR(60)    NOT NULL,
    scope_kind    VARCHAR(20)    NOT NULL,  -- agency | group | province
    period_kind   VARCHAR(30)    NOT NULL,  -- see pub_period
    period_start  DATE           NOT NULL,
    period_end    DATE           NOT NULL,
    indicator_id  VARCHAR(40)    NOT NULL,
    numerator     DECIMAL(20,2),
    denominator   DECIMAL(20,2),
    value_pct     DECIMAL(9,2),             -- null = no data (empty denominator)
    points        DECIMAL(9,2),             -- score earned; null = no data
    max_points    DECIMAL(9,2),
    PRIMARY KEY (run_id, scope_code, period_kind, period_start, indicator_id)
);
CREATE INDEX pub_value_period ON pub_value (run_id, period_kind, period_start, indicator_id);

-- Indicators over dossiers per procedure and per field (lĩnh vực), for agencies and the province, for the
-- calendar periods and the range. Rates only: points belong to agencies.
CREATE TABLE pub_value_dim (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    dimension     VARCHAR(20)    NOT NULL,  -- procedure | field
    dim_code      VARCHAR(60)    NOT NULL,
    scope_code    VARCHAR(60)    NOT NULL,
    scope_kind    VARCHAR(20)    NOT NULL,  -- agency | province
    period_kind   VARCHAR(30)    NOT NULL,
    period_start  DATE           NOT NULL,
    period_end    DATE           NOT NULL,
    indicator_id  VARCHAR(40)    NOT NULL,
    numerator     DECIMAL(20,2),
    denominator   DECIMAL(20,2),
    value_pct     DECIMAL(9,2),
    PRIMARY KEY (run_id, dimension, dim_code, scope_code, period_kind, period_start, indicator_id)
);
CREATE INDEX pub_value_dim_scope ON pub_value_dim (run_id, scope_code, period_kind, period_start, dimension);

-- The procedure catalogue as of the run.
CREATE TABLE pub_procedure (
    run_id          VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    procedure_code  VARCHAR(40)    NOT NULL,
    name            VARCHAR(600)   NOT NULL,
    field_code      VARCHAR(60),
    field_name      VARCHAR(400),
    legal_duration  DECIMAL(18,2),
    duration_unit   VARCHAR(20),
    online_level    VARCHAR(20),
    PRIMARY KEY (run_id, procedure_code)
);

-- Dossiers behind rule flags: one row per dossier × rule × period in which the flag holds, so that a
-- period's list is exactly the dossiers its counts count.
CREATE TABLE pub_case_flag (
    run_id            VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    rule_id           VARCHAR(20)    NOT NULL,
    case_id           VARCHAR(80)    NOT NULL,
    period_kind       VARCHAR(30)    NOT NULL,  -- see pub_period
    agency_code       VARCHAR(60)    NOT NULL,
    procedure_code    VARCHAR(40),
    procedure_name    VARCHAR(600),
    channel           VARCHAR(20),
    status            INTEGER,
    received_at       TIMESTAMP,
    due_at            TIMESTAMP,
    effective_due_at  TIMESTAMP,
    finished_at       TIMESTAMP,
    apology_issued_at TIMESTAMP,
    apology_deadline  TIMESTAMP,
    applicant_masked  VARCHAR(200),
    period_start      DATE           NOT NULL,
    detail_vi         VARCHAR(1000),
    detail_en         VARCHAR(1000),
    PRIMARY KEY (run_id, rule_id, period_kind, period_start, case_id)
);
CREATE INDEX pub_case_flag_agency ON pub_case_flag (run_id, agency_code, rule_id, period_kind, period_start);

-- Agency risk score per period (inspection.md, "Agency risk score"): compared within the peer group (same kind);
-- agencies under the minimum volume are not scored and say so. Reasons are worded as reasons to look.
CREATE TABLE pub_risk (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    agency_code   VARCHAR(60)    NOT NULL,
    period_kind   VARCHAR(30)    NOT NULL,
    period_start  DATE           NOT NULL,
    peer_group    VARCHAR(60)    NOT NULL,
    dossiers      BIGINT         NOT NULL,
    scored        BOOLEAN        NOT NULL,
    score         DECIMAL(9,2),             -- 0–100; null when not scored
    peer_rank     INTEGER,                  -- 1 = highest risk in the peer group
    peer_size     INTEGER,
    outliers      INTEGER        NOT NULL,  -- inputs above Q3 + 1.5 × IQR of the peers
    reasons_vi    VARCHAR(2000),
    reasons_en    VARCHAR(2000),
    PRIMARY KEY (run_id, agency_code, period_kind, period_start)
);

CREATE TABLE pub_risk_input (
    run_id        VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    agency_code   VARCHAR(60)    NOT NULL,
    period_kind   VARCHAR(30)    NOT NULL,
    period_start  DATE           NOT NULL,
    input_id      VARCHAR(40)    NOT NULL,  -- R01.rate, gap:766.2.1, feedback_per_1000, conduct_feedback, …
    input_value   DECIMAL(12,4),
    peer_median   DECIMAL(12,4),
    outlier_above DECIMAL(12,4),            -- Q3 + 1.5 × IQR
    outlier       BOOLEAN        NOT NULL,
    weight        DECIMAL(9,2)   NOT NULL,
    contribution  DECIMAL(9,4)   NOT NULL,
    PRIMARY KEY (run_id, agency_code, period_kind, period_start, input_id)
);

-- The timeline of every flagged dossier (its evidence): source events, supplement requests and answers,
-- apologies, the due and effective due times, the end and the sync, in time order. Officers are pseudonymous ids.
CREATE TABLE pub_case_timeline (
    run_id      VARCHAR(40)    NOT NULL REFERENCES run (run_id),
    case_id     VARCHAR(80)    NOT NULL,
    seq         INTEGER        NOT NULL,
    at          TIMESTAMP,
    event_kind  VARCHAR(30)    NOT NULL,  -- received | event | supplement_requested | supplement_answered | apology |
                                          -- due | finished | synced
    status      INTEGER,
    label       VARCHAR(400),             -- the source's step text, or the apology's reason
    unit        VARCHAR(200),
    officer     VARCHAR(80),
    PRIMARY KEY (run_id, case_id, seq)
);

-- Application state.
CREATE TABLE app_user (
    username       VARCHAR(80)    PRIMARY KEY,
    password_hash  VARCHAR(200)   NOT NULL,
    role           VARCHAR(20)    NOT NULL,  -- admin | inspector | agency
    agency_code    VARCHAR(60),              -- for role agency: own agency and its children
    display_name   VARCHAR(200),
    created_at     TIMESTAMP      NOT NULL,
    disabled       BOOLEAN        DEFAULT FALSE NOT NULL
);

CREATE TABLE audit_log (
    id        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at        TIMESTAMP      NOT NULL,
    username  VARCHAR(80),
    action    VARCHAR(40)    NOT NULL,  -- login | login_failed | logout | export | view_personal | draw
    detail    VARCHAR(2000)
);
