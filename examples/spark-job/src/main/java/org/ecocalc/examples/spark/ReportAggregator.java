package org.ecocalc.examples.spark;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.TelemetryReader;

/**
 * calc-core's {@link ReportAccumulator} as a typed Spark aggregator: {@code zero} is an empty
 * accumulator, {@code reduce} is {@link ReportAccumulator#add}, {@code merge} is
 * {@link ReportAccumulator#merge}. Input: a record's normalised JSON (it was validated in pass 1,
 * so it is read back without the schema check). The buffer travels by Java serialisation
 * ({@link Encoders#javaSerialization}), which writes the exact sums and the settings, never the
 * carbon context: a buffer read on another executor is re-attached to that executor's context
 * ({@link ExecutorCarbon}) before it adds a record.
 */
final class ReportAggregator extends Aggregator<String, ReportAccumulator, ReportAccumulator> {
    private static final long serialVersionUID = 1L;
    private static final TelemetryReader NORMALISED = TelemetryReader.builder().schemaValidation(false).build();

    private final Broadcast<JobSettings> job;

    ReportAggregator(Broadcast<JobSettings> job) {
        this.job = job;
    }

    @Override
    public ReportAccumulator zero() {
        JobSettings s = job.value();
        return ReportAccumulator.create(s.settings(), s.carbon());
    }

    @Override
    public ReportAccumulator reduce(ReportAccumulator acc, String json) {
        if (!acc.hasContext()) {
            acc.withContext(job.value().carbon());
        }
        acc.add(NORMALISED.parse(json));
        return acc;
    }

    @Override
    public ReportAccumulator merge(ReportAccumulator a, ReportAccumulator b) {
        return a.merge(b);
    }

    @Override
    public ReportAccumulator finish(ReportAccumulator acc) {
        return acc;
    }

    @Override
    public Encoder<ReportAccumulator> bufferEncoder() {
        return Encoders.javaSerialization(ReportAccumulator.class);
    }

    @Override
    public Encoder<ReportAccumulator> outputEncoder() {
        return Encoders.javaSerialization(ReportAccumulator.class);
    }
}
