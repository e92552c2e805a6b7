/**
 * The ecocalc report on Apache Spark: {@link org.ecocalc.examples.spark.SparkReportJob} reads
 * telemetry JSON Lines, counts each idempotency key once as calc-core does, sums the records with
 * calc-core's {@link org.ecocalc.core.report.ReportAccumulator} inside a Spark
 * {@link org.apache.spark.sql.expressions.Aggregator} grouped by facility, and writes the report
 * and run manifest that {@code ecocalc report --out} writes for the same input, byte for byte.
 * See {@code docs/scale-out.md}.
 */
package org.ecocalc.examples.spark;
