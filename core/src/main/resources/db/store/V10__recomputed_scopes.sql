-- What a nightly run published afresh, period by period (decisions.md 78): scope '*' for a period recomputed for
-- every agency; for a partial period '+' (its groups, province, risk scores and R12 are written afresh) and one row
-- per agency recomputed in it. The run's other rows were copied from the run it built on: Publisher.carryOver
-- reads this table to leave out, of each period, the rows written afresh.
CREATE TABLE pub_recomputed (
    run_id        VARCHAR(40)  NOT NULL REFERENCES run (run_id),
    period_kind   VARCHAR(30)  NOT NULL,
    period_start  DATE         NOT NULL,
    scope         VARCHAR(60)  NOT NULL,
    PRIMARY KEY (run_id, period_kind, period_start, scope)
);
