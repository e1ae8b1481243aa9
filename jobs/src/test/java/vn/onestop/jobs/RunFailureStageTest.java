package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A failed or cancelled run's Vietnamese message names its stage as the runs page labels it, inside a sentence. */
class RunFailureStageTest {
    @Test
    void theStageIsTheRunsPagesLabelInLowerCase() {
        assertEquals("thu thập", RunFailure.stageVi("ingest"));
        assertEquals("tính toán", RunFailure.stageVi("compute"));
        assertEquals("công bố", RunFailure.stageVi("publish"));
        assertEquals("dọn dữ liệu cũ", RunFailure.stageVi("prune"));
    }

    @Test
    void beforeAnyStageTheRunWasPreparing() {
        assertEquals("chuẩn bị", RunFailure.stageVi(null));
        assertEquals("reconcile", RunFailure.stageVi("reconcile"));
    }
}
