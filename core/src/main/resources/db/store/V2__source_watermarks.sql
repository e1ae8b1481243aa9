-- Incremental extraction (data-contract.md, "One-stop database over JDBC"): per source and source table, the
-- newest last-modified time already in the lake. The next run reads from it minus an overlap window, so rows
-- committed late with an older time are still seen. Written only after the lake write it describes succeeded.
CREATE TABLE source_watermark (
    source        VARCHAR(100)  NOT NULL,  -- the source's name, e.g. motcua
    source_table  VARCHAR(200)  NOT NULL,  -- the mapping entry, e.g. hs_hoso
    watermark     TIMESTAMP     NOT NULL,  -- the source's own clock, in the mapping's time zone
    rows_read     BIGINT        NOT NULL,  -- rows read by the extraction that set it
    run_id        VARCHAR(40)   NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (source, source_table)
);
