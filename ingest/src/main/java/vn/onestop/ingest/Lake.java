package vn.onestop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet lake under one root URI (a folder by default; hdfs:// or s3a:// for a cluster). A table is replaced
 * by writing a complete new copy beside it and swapping folders, so readers never see half a table.
 */
public final class Lake {
    private final String root;

    public Lake(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    public String path(String table) {
        return root + "/" + table;
    }

    public boolean exists(SparkSession spark, String table) {
        try {
            Path p = new Path(path(table));
            return fs(spark, p).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Dataset<Row> read(SparkSession spark, String table) {
        if (!exists(spark, table)) {
            throw new IllegalStateException("The lake at " + root + " has no table '" + table
                    + "'. Run 'ingest' with a folder that holds " + table + "*.csv first.");
        }
        return spark.read().parquet(path(table));
    }

    /**
     * Writes {@code data} as the new content of {@code table}, then swaps it in. Give no partition columns for
     * empty data: an empty partitioned write leaves no file to read the schema from.
     */
    public void replace(SparkSession spark, Dataset<Row> data, String table, String runId, String... partitionBy) {
        Path target = new Path(path(table));
        Path staging = new Path(root + "/_staging/" + runId + "/" + table);
        Path old = new Path(root + "/_trash/" + runId + "/" + table);
        var writer = data.write().mode(SaveMode.Overwrite).option("compression", "zstd");
        if (partitionBy.length > 0) {
            writer = writer.partitionBy(partitionBy);
        }
        // Static overwrite of the staging folder: it is ours alone.
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
        try {
            writer.parquet(staging.toString());
        } finally {
            spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        }
        try {
            FileSystem fs = fs(spark, target);
            fs.mkdirs(old.getParent());
            boolean hadOld = fs.exists(target);
            if (hadOld && !fs.rename(target, old)) {
                throw new IOException("could not move " + target + " aside");
            }
            if (!fs.rename(staging, target)) {
                if (hadOld) {
                    fs.rename(old, target);
                }
                throw new IOException("could not move " + staging + " into place");
            }
            fs.delete(new Path(root + "/_trash/" + runId), true);
            fs.delete(new Path(root + "/_staging/" + runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace lake table " + table + " at " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Appends a run's rows under {@code table/<column>=<value>} (used for quarantine history). */
    public void appendPartition(Dataset<Row> data, String table, String column) {
        data.write().mode(SaveMode.Append).option("compression", "zstd").partitionBy(column).parquet(path(table));
    }

    private static FileSystem fs(SparkSession spark, Path p) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        return p.getFileSystem(conf);
    }
}
