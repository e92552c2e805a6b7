package org.ecocalc.core.audit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * What happened, before it is given a place in the log: a type, who did it, and details as
 * string pairs. Build with the static factories. Never put a secret in an event.
 *
 * @param type  the kind of event
 * @param actor who or what caused it (a user, a service, {@code ecocalc-cli}), or null
 * @param data  the details, sorted by name
 */
public record AuditEvent(AuditEventType type, String actor, SortedMap<String, String> data) {
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "data name"), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        data = Collections.unmodifiableSortedMap(copy);
    }

    /** An event of any type. */
    public static AuditEvent of(AuditEventType type, String actor, Map<String, String> data) {
        return new AuditEvent(type, actor, new TreeMap<>(data));
    }

    /** A record accepted: its key, its digest and where it came from. */
    public static AuditEvent ingestAccepted(String actor, IdempotencyKey key, String recordDigest, String source) {
        TreeMap<String, String> d = new TreeMap<>();
        d.put("key", key.toString());
        d.put("record_digest", recordDigest);
        d.put("source", source);
        return new AuditEvent(AuditEventType.INGEST_ACCEPTED, actor, d);
    }

    /** A record refused, with the problem (code, JSON Pointer, reason) and its location. */
    public static AuditEvent ingestRejected(String actor, RecordProblem p) {
        TreeMap<String, String> d = new TreeMap<>();
        if (p.key() != null) {
            d.put("key", p.key().toString());
        }
        d.put("code", p.code().id());
        d.put("pointer", p.problem().pointer());
        d.put("message", p.problem().message());
        d.put("source", p.location().source());
        d.put("index", Long.toString(p.location().index()));
        return new AuditEvent(AuditEventType.INGEST_REJECTED, actor, d);
    }

    /** A repeat of an accepted record (same key and content), not counted again. */
    public static AuditEvent duplicateRejected(String actor, IdempotencyKey key, String recordDigest, String source) {
        TreeMap<String, String> d = new TreeMap<>();
        d.put("key", key.toString());
        d.put("record_digest", recordDigest);
        d.put("source", source);
        return new AuditEvent(AuditEventType.DUPLICATE_REJECTED, actor, d);
    }

    /** A calculation run: its run id and the hashes of its manifest. */
    public static AuditEvent calculation(String actor, CalculationRun run) {
        TreeMap<String, String> d = new TreeMap<>();
        d.put("run_id", run.runId());
        d.put("activity_dataset", run.manifest().activityDataset());
        d.put("settings", run.manifest().settings());
        d.put("results", run.manifest().results());
        d.put("engine", run.manifest().engineName() + " " + run.manifest().engineVersion());
        d.put("records", Long.toString(run.report().dataset().records()));
        return new AuditEvent(AuditEventType.CALCULATION, actor, d);
    }

    /**
     * A threshold alert.
     *
     * @param facilityId the facility, or null for all
     * @param runId      the run whose result crossed the threshold, or null
     */
    public static AuditEvent alert(String actor, String metricId, String facilityId, BigDecimal value, BigDecimal threshold,
            String message, String runId) {
        TreeMap<String, String> d = new TreeMap<>();
        d.put("metric", metricId);
        if (facilityId != null) {
            d.put("facility_id", facilityId);
        }
        d.put("value", Decimals.toCanonicalString(value));
        d.put("threshold", Decimals.toCanonicalString(threshold));
        d.put("message", message);
        if (runId != null) {
            d.put("run_id", runId);
        }
        return new AuditEvent(AuditEventType.ALERT, actor, d);
    }
}
