package org.ecocalc.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.ReadSummary;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryBatch;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * The entry point: telemetry in, {@link Report} out.
 *
 * <pre>{@code
 * Report report = EcoCalc.report(Path.of("telemetry.json"), MethodSettings.defaults());
 * BigDecimal pue = report.total().value(Metric.EFFICIENCY_PUE);
 * }</pre>
 *
 * <p>What it does, in order: reads and validates every record (a refused record is reported
 * and the others go on), counts each idempotency key once (an exact repeat is a warning; a key
 * seen with two different contents is an error and none of its records is counted), and sums the
 * rest into a {@link ReportAccumulator}. When a conflict appears after its first record was
 * counted, the input is read a second time without it, so the result never depends on which copy
 * came first. Pure: no clock, no network, no files but the input.
 */
public final class EcoCalc {
    /** The most problems a report lists ({@value}); all are counted, and all reach a listener. */
    public static final int MAX_LISTED_PROBLEMS = 10_000;

    private EcoCalc() {
    }

    /** Reads a file or directory with the standard reader and computes the report. */
    public static Report report(Path input, MethodSettings settings) {
        return report(input, settings, TelemetryReader.standard(), null);
    }

    /**
     * Reads a file or directory and computes the report.
     *
     * @param input    a telemetry file, or a directory of them
     * @param settings the method settings
     * @param reader   the reader to use
     * @param listener receives every problem as it is found (all of them, beyond
     *                 {@link #MAX_LISTED_PROBLEMS}), or null
     */
    public static Report report(Path input, MethodSettings settings, TelemetryReader reader,
            Consumer<RecordProblem> listener) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reader, "reader");
        Run run = new Run(settings, listener);
        ReadSummary first = reader.read(input, run);
        if (run.conflicts) {
            run.secondPass();
            reader.read(input, run);
        }
        return run.finish(first.rejected());
    }

    /**
     * Computes the report of records already in memory. Repeats and conflicts are handled as for
     * a file; the records' locations are their positions in the collection.
     */
    public static Report report(Collection<TelemetryRecord> records, MethodSettings settings) {
        Objects.requireNonNull(records, "records");
        Run run = new Run(settings, null);
        feed(records, run);
        if (run.conflicts) {
            run.secondPass();
            feed(records, run);
        }
        return run.finish(0);
    }

    /** Computes the report of a batch read earlier, including the batch's problems. */
    public static Report report(TelemetryBatch batch, MethodSettings settings) {
        Objects.requireNonNull(batch, "batch");
        Run run = new Run(settings, null);
        for (RecordProblem p : batch.problems()) {
            run.onProblem(p);
        }
        feed(batch.records(), run);
        if (run.conflicts) {
            run.secondPass();
            feed(batch.records(), run);
        }
        return run.finish(batch.summary().rejected());
    }

    private static void feed(Collection<TelemetryRecord> records, Run run) {
        long i = 0;
        for (TelemetryRecord r : records) {
            run.onRecord(r, new RecordLocation("records", i++, 0));
        }
    }

    private static final class Run implements TelemetryHandler {
        private final MethodSettings settings;
        private final Consumer<RecordProblem> listener;
        private final DatasetDigest digest = new DatasetDigest();
        private final List<RecordProblem> problems = new ArrayList<>();
        private ReportAccumulator acc;
        private long problemCount;
        private long conflicting;
        boolean conflicts;
        private Set<IdempotencyKey> counted;

        Run(MethodSettings settings, Consumer<RecordProblem> listener) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.listener = listener;
            this.acc = ReportAccumulator.create(settings);
        }

        void secondPass() {
            acc = ReportAccumulator.create(settings);
            counted = new HashSet<>();
        }

        @Override
        public void onRecord(TelemetryRecord r, RecordLocation where) {
            if (counted == null) {
                switch (digest.add(r)) {
                    case NEW:
                        count(r, where);
                        break;
                    case DUPLICATE:
                        onProblem(new RecordProblem(where, r.key(), Problem.warning(ErrorCode.DUPLICATE_RECORD, "",
                                "the same record (same idempotency key and contents) appeared before; counted once")));
                        break;
                    default:
                        conflicts = true;
                        break;
                }
            } else if (digest.isConflict(r.key())) {
                conflicting++;
                onProblem(new RecordProblem(where, r.key(), Problem.error(ErrorCode.CONFLICTING_DUPLICATE, "",
                        "another record has the same idempotency key and different contents; none of them is counted")));
            } else if (counted.add(r.key())) {
                count(r, null);
            }
        }

        private void count(TelemetryRecord r, RecordLocation where) {
            boolean any = acc.add(r);
            if (where != null && settings.period().isBounded()) {
                ReportingPeriod p = settings.period();
                boolean partial = p.from() != null && r.interval().start().isBefore(p.from())
                        || p.to() != null && r.interval().end().isAfter(p.to());
                if (!any || partial) {
                    onProblem(new RecordProblem(where, r.key(), Problem.warning(ErrorCode.OUTSIDE_REPORTING_RANGE,
                            "/interval", any ? "the record lies partly outside the reporting range; only the part inside is counted"
                                    : "the record lies outside the reporting range; it is not counted")));
                }
            }
        }

        @Override
        public void onProblem(RecordProblem p) {
            if (counted != null && p.code() != ErrorCode.CONFLICTING_DUPLICATE) {
                return; // reported in the first pass
            }
            problemCount++;
            if (problems.size() < MAX_LISTED_PROBLEMS) {
                problems.add(p);
            }
            if (listener != null) {
                listener.accept(p);
            }
        }

        Report finish(long rejectedByReader) {
            return new Report(Engine.NAME, Engine.VERSION, settings, digest.summary(), rejectedByReader + conflicting,
                    problems, problemCount, acc.results());
        }
    }
}
