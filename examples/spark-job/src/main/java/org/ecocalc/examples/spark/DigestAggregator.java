package org.ecocalc.examples.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.telemetry.IdempotencyKey;
import scala.Tuple3;

/**
 * calc-core's {@link DatasetDigest} as a typed Spark aggregator over (source id, event id, record
 * digest): one digest per partition, merged ({@link DatasetDigest#merge}). Its summary (data-set
 * digest, records, repeats, conflicts) is the manifest's {@code activity_dataset}, computed by the
 * same code as on one machine. The merged digest holds every distinct key (docs/scale-out.md).
 */
final class DigestAggregator extends Aggregator<Tuple3<String, String, String>, DatasetDigest, DatasetDigest> {
    private static final long serialVersionUID = 1L;

    @Override
    public DatasetDigest zero() {
        return new DatasetDigest();
    }

    @Override
    public DatasetDigest reduce(DatasetDigest d, Tuple3<String, String, String> r) {
        d.add(new IdempotencyKey(r._1(), r._2()), r._3());
        return d;
    }

    @Override
    public DatasetDigest merge(DatasetDigest a, DatasetDigest b) {
        return a.merge(b);
    }

    @Override
    public DatasetDigest finish(DatasetDigest d) {
        return d;
    }

    @Override
    public Encoder<DatasetDigest> bufferEncoder() {
        return Encoders.javaSerialization(DatasetDigest.class);
    }

    @Override
    public Encoder<DatasetDigest> outputEncoder() {
        return Encoders.javaSerialization(DatasetDigest.class);
    }
}
