package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.onestop.ingest.SparkSessions;

class ReadTallyTest {
    private final SparkSession spark = SparkSessions.local();

    @Test
    void aPartitionReportedTwiceByATaskRunAgainCountsOnce() {
        ReadTally tally = new ReadTally(spark, "motcua:hs_hoso", 3);
        tally.add(new ReadTally.Part(0, 120, LocalDateTime.of(2026, 3, 2, 9, 15)));
        tally.add(new ReadTally.Part(1, 80, LocalDateTime.of(2026, 3, 6, 16, 40)));
        tally.add(new ReadTally.Part(1, 80, LocalDateTime.of(2026, 3, 6, 16, 40)));
        tally.add(new ReadTally.Part(2, 0, null));

        assertEquals(200, tally.rows());
        assertEquals(LocalDateTime.of(2026, 3, 6, 16, 40), tally.newest());
    }

    @Test
    void anEmptyReadHasNoNewestTime() {
        ReadTally tally = new ReadTally(spark, "motcua:dm_coquan", 1);
        tally.add(new ReadTally.Part(0, 0, null));

        assertEquals(0, tally.rows());
        assertNull(tally.newest());
    }

    @Test
    void aReadNotDrainedToItsEndIsAnErrorNotACount() {
        ReadTally tally = new ReadTally(spark, "motcua:hs_hoso", 4);
        tally.add(new ReadTally.Part(0, 10, null));
        tally.add(new ReadTally.Part(3, 10, null));

        IllegalStateException e = assertThrows(IllegalStateException.class, tally::rows);
        assertEquals("Read motcua:hs_hoso reported 2 of its 4 partitions: it was not read to the end", e.getMessage());
    }

    @Test
    void aReadTakenUpAgainByALaterStageIsAnErrorTheDatabaseWasReadTwice() {
        ReadTally tally = new ReadTally(spark, "motcua:hs_hoso", 2);
        tally.add(new ReadTally.Part(0, 10, null));
        tally.add(new ReadTally.Part(1, 10, null));
        tally.add(new ReadTally.Part(3, 10, null));

        IllegalStateException e = assertThrows(IllegalStateException.class, tally::rows);
        assertEquals("Read motcua:hs_hoso was read more than once (a task of partition 3 of a read in 2)",
                e.getMessage());
    }
}
