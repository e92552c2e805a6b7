package org.ecocalc.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.ecocalc.core.carbon.CarbonContext;
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

    /**
     * A calculation with these settings and the defaults for the rest: the factor packs on the
     * class path (loaded once), the standard reader, no problem listener.
     */
    public static Calculation calculation(MethodSettings settings) {
        return new Calculation(settings, null, TelemetryReader.standard(), null);
    }

    /** Reads a file or directory with the standard reader and the class-path packs, and computes the report. */
    public static Report report(Path input, MethodSettings settings) {
        return calculation(settings).report(input);
    }

    /**
     * Computes the report of records already in memory, with the class-path packs. Repeats and
     * conflicts are handled as for a file; the records' locations are their positions.
     */
    public static Report report(Collection<TelemetryRecord> records, MethodSettings settings) {
        return calculation(settings).report(records);
    }

    /** The carbon context of the factor packs on the class path, loaded on first use. */
    static CarbonContext defaultContext() {
        return DefaultContext.INSTANCE;
    }

    private static final class DefaultContext {
        static final CarbonContext INSTANCE = CarbonContext.fromClasspath();
    }

    /**
     * One configured calculation: settings, carbon context, reader and problem listener. Immutable;
     * each {@code with} method returns a new one.
     */
    public static final class Calculation {
        private final MethodSettings settings;
        private final CarbonContext carbon;
        private final TelemetryReader reader;
        private final Consumer<RecordProblem> listener;

        Calculation(MethodSettings settings, CarbonContext carbon, TelemetryReader reader,
                Consumer<RecordProblem> listener) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.carbon = carbon;
            this.reader = Objects.requireNonNull(reader, "reader");
            this.listener = listener;
        }

        /** With this carbon context (factor packs, overrides, assets). */
        public Calculation withCarbon(CarbonContext context) {
            return new Calculation(settings, Objects.requireNonNull(context, "context"), reader, listener);
        }

        /** With this reader. */
        public Calculation withReader(TelemetryReader reader) {
            return new Calculation(settings, carbon, reader, listener);
        }

        /**
         * With a listener that receives every problem as it is found (all of them, beyond
         * {@link #MAX_LISTED_PROBLEMS}).
         */
        public Calculation withProblemListener(Consumer<RecordProblem> listener) {
            return new Calculation(settings, carbon, reader, Objects.requireNonNull(listener, "listener"));
        }

        /** The settings. */
        public MethodSettings settings() {
            return settings;
        }

        /** The carbon context (the class-path packs unless one was given). */
        public CarbonContext carbon() {
            return carbon != null ? carbon : defaultContext();
        }

        /** Reads a file or directory and computes the report. */
        public Report report(Path input) {
            Objects.requireNonNull(input, "input");
            Run run = new Run(settings, carbon(), listener);
            ReadSummary first = reader.read(input, run);
            if (run.conflicts) {
                run.secondPass();
                reader.read(input, run);
            }
            return run.finish(first.rejected());
        }

        /** Computes the report of records in memory; their locations are their positions. */
        public Report report(Collection<TelemetryRecord> records) {
            Objects.requireNonNull(records, "records");
            Run run = new Run(settings, carbon(), listener);
            feed(records, run);
            if (run.conflicts) {
                run.secondPass();
                feed(records, run);
            }
            return run.finish(0);
        }

        /** Computes the report of a batch read earlier, including the batch's problems. */
        public Report report(TelemetryBatch batch) {
            Objects.requireNonNull(batch, "batch");
            Run run = new Run(settings, carbon(), listener);
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
    }

    private static void feed(Collection<TelemetryRecord> records, Run run) {
        long i = 0;
        for (TelemetryRecord r : records) {
            run.onRecord(r, new RecordLocation("records", i++, 0));
        }
    }

    private static final class Run implements TelemetryHandler {
        private final MethodSettings settings;
        private final CarbonContext carbon;
        private final Consumer<RecordProblem> listener;
        private final DatasetDigest digest = new DatasetDigest();
        private final List<RecordProblem> problems = new ArrayList<>();
        private ReportAccumulator acc;
        private long problemCount;
        private long conflicting;
        boolean conflicts;
        private Set<IdempotencyKey> counted;

        Run(MethodSettings settings, CarbonContext carbon, Consumer<RecordProblem> listener) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.carbon = carbon;
            this.listener = listener;
            this.acc = ReportAccumulator.create(settings, carbon);
        }

        void secondPass() {
            acc = ReportAccumulator.create(settings, carbon);
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
