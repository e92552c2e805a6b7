package org.ecocalc.examples.spark;

import org.apache.spark.sql.SparkSession;

/** A Spark session in local mode for tests and measurements: loopback only, no UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    /**
     * {@code local[threads]} bound to 127.0.0.1, without the web UI, with input splits of at most
     * {@code splitBytes} (so that a small file is read in many partitions) and 8 shuffle partitions.
     */
    static SparkSession start(int threads, long splitBytes) {
        return SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("ecocalc-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.files.maxPartitionBytes", Long.toString(splitBytes))
                .getOrCreate();
    }
}
