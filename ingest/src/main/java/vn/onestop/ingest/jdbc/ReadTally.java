package vn.onestop.ingest.jdbc;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

/**
 * How many rows one read of an entry returned and its newest last-modified time, counted by the tasks that read
 * them on their way into the checks, so that the database is read once and nothing is kept in between. Each task
 * reports its partition: a task Spark runs again reports the same partition again and is counted once.
 */
final class ReadTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What one partition of the read returned. */
    record Part(int partition, long rows, LocalDateTime newest) implements Serializable {
    }

    private final CollectionAccumulator<Part> parts;
    private final int partitions;

    ReadTally(SparkSession spark, String name, int partitions) {
        this.parts = spark.sparkContext().collectionAccumulator(name);
        this.partitions = partitions;
    }

    /** In a task, once its partition is read to the end. */
    void add(Part part) {
        parts.add(part);
    }

    /** Rows read, once every partition has reported; a read not drained to its end is a bug, not a count. */
    long rows() {
        return complete().values().stream().mapToLong(Part::rows).sum();
    }

    /** The newest last-modified time read, or null (no rows, or an entry without one). */
    LocalDateTime newest() {
        return complete().values().stream().map(Part::newest).filter(t -> t != null)
                .max(LocalDateTime::compareTo).orElse(null);
    }

    private String name() {
        return parts.name().isDefined() ? parts.name().get() : "";
    }

    private Map<Integer, Part> complete() {
        Map<Integer, Part> byPartition = new TreeMap<>();
        for (Part p : parts.value()) {
            if (p.partition() < 0 || p.partition() >= partitions) {
                // A task of a later stage (a union's) read the query again: the database was read twice.
                throw new IllegalStateException("Read " + name() + " was read more than once (a task of partition "
                        + p.partition() + " of a read in " + partitions + ")");
            }
            byPartition.put(p.partition(), p);
        }
        if (byPartition.size() != partitions) {
            throw new IllegalStateException("Read " + name() + " reported " + byPartition.size() + " of its "
                    + partitions + " partitions: it was not read to the end");
        }
        return byPartition;
    }
}
