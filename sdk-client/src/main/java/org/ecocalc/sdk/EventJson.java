package org.ecocalc.sdk;

import java.nio.charset.StandardCharsets;

/**
 * Writes events in their JSON form: telemetry records as {@code telemetry-record.v1.json}, usage
 * events as {@code usage-event.v1.json}. Decimals are strings in plain notation, counts are JSON
 * integers, timestamps ISO-8601 with offset; members appear in a fixed order and absent optional
 * members are left out, so an event always has the same bytes.
 */
final class EventJson {
    private static final TelemetryRecord.Field[] FIELDS = TelemetryRecord.Field.values();
    private static final ThreadLocal<JsonOut> COUNTER = ThreadLocal.withInitial(JsonOut::counter);

    private EventJson() {
    }

    /**
     * An upper bound of the length of the event's JSON, from the lengths of its texts alone: no
     * UTF-16 unit of a text takes more than 6 bytes (the longest escape, {@code \}{@code uXXXX};
     * UTF-8 takes at most 3), a number at most 20, and each member at most its name and 6 bytes of
     * punctuation. {@code track()} compares it with {@code maxEventBytes} and counts the exact size
     * only when the bound is above it, so that the caller's thread does not serialise the event.
     */
    static long bound(Event e) {
        return e instanceof UsageEvent u ? u.sizeBound : ((TelemetryRecord) e).sizeBound;
    }

    private static long text(String name, String value) {
        return value == null ? 0 : name.length() + 6 + 6L * value.length();
    }

    static long computeBound(TelemetryRecord r) {
        long n = 2 + text("source_id", r.sourceId) + text("external_event_id", r.externalEventId)
                + "interval".length() + 6 + text("start", r.start) + text("end", r.end)
                + text("observed_at", r.observedAt) + text("ingested_at", r.ingestedAt)
                + text("facility_id", r.facilityId) + text("country", r.country) + text("region", r.region)
                + text("grid_zone", r.gridZone);
        String block = null;
        for (TelemetryRecord.Field f : FIELDS) {
            Object v = r.values[f.ordinal()];
            if (v == null) {
                continue;
            }
            if (!f.block().equals(block)) {
                block = f.block();
                n += block.length() + 6;
            }
            if (v instanceof Amount a) {
                n += f.fieldName().length() + 6 + text("value", a.value()) + text("unit", a.unit());
            } else if (v instanceof Long) {
                n += f.fieldName().length() + 6 + 20;
            } else {
                n += text(f.fieldName(), (String) v);
            }
        }
        return n;
    }

    static long computeBound(UsageEvent u) {
        long n = 2 + text("source_id", u.sourceId) + text("external_event_id", u.externalEventId)
                + text("kind", u.kind.id()) + text("provider", u.provider) + text("model", u.model)
                + (u.tokensIn >= 0 ? "tokens_in".length() + 26 : 0) + (u.tokensOut >= 0 ? "tokens_out".length() + 26 : 0)
                + text("gpu_seconds", u.gpuSeconds) + text("accelerator", u.accelerator)
                + text("started_at", u.startedAt) + text("ended_at", u.endedAt) + text("facility_id", u.facilityId)
                + text("country", u.country) + text("region", u.region) + text("grid_zone", u.gridZone)
                + text("organization_id", u.organizationId) + text("team_id", u.teamId) + text("user_id", u.userId);
        if (u.measuredEnergy != null) {
            n += "measured_energy".length() + 6 + text("value", u.measuredEnergy.value())
                    + text("unit", u.measuredEnergy.unit());
        }
        if (!u.attributes.isEmpty()) {
            n += "attributes".length() + 6;
            for (var e : u.attributes.entrySet()) {
                n += 6L * e.getKey().length() + 6 + 6L * e.getValue().length();
            }
        }
        return n;
    }

    /** The exact UTF-8 length of the event's JSON; allocates nothing after a thread's first call. */
    static int size(TelemetryRecord r) {
        JsonOut c = COUNTER.get();
        c.reset();
        write(r, c);
        return c.length();
    }

    static int size(UsageEvent u) {
        JsonOut c = COUNTER.get();
        c.reset();
        write(u, c);
        return c.length();
    }

    static void write(Event e, JsonOut out) {
        if (e instanceof TelemetryRecord r) {
            write(r, out);
        } else {
            write((UsageEvent) e, out);
        }
    }

    static String toJson(Event e) {
        JsonOut out = JsonOut.writer(Math.max(16, e.jsonSize()));
        write(e, out);
        return new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8);
    }

    static void write(TelemetryRecord r, JsonOut out) {
        out.beginObject();
        out.field("source_id", r.sourceId);
        out.field("external_event_id", r.externalEventId);
        out.name("interval").beginObject().field("start", r.start).field("end", r.end).endObject();
        out.field("observed_at", r.observedAt);
        out.field("ingested_at", r.ingestedAt);
        out.field("facility_id", r.facilityId);
        out.field("country", r.country);
        out.field("region", r.region);
        out.field("grid_zone", r.gridZone);
        String block = null;
        for (TelemetryRecord.Field f : FIELDS) {
            Object v = r.values[f.ordinal()];
            if (v == null) {
                continue;
            }
            if (!f.block().equals(block)) {
                if (block != null) {
                    out.endObject();
                }
                block = f.block();
                out.name(block).beginObject();
            }
            out.name(f.fieldName());
            if (v instanceof Amount a) {
                amount(a, out);
            } else if (v instanceof Long n) {
                out.number(n);
            } else {
                out.string((String) v);
            }
        }
        if (block != null) {
            out.endObject();
        }
        out.endObject();
    }

    static void write(UsageEvent u, JsonOut out) {
        out.beginObject();
        out.field("source_id", u.sourceId);
        out.field("external_event_id", u.externalEventId);
        out.field("kind", u.kind.id());
        out.field("provider", u.provider);
        out.field("model", u.model);
        if (u.tokensIn >= 0) {
            out.field("tokens_in", u.tokensIn);
        }
        if (u.tokensOut >= 0) {
            out.field("tokens_out", u.tokensOut);
        }
        out.field("gpu_seconds", u.gpuSeconds);
        out.field("accelerator", u.accelerator);
        if (u.measuredEnergy != null) {
            out.name("measured_energy");
            amount(u.measuredEnergy, out);
        }
        out.field("started_at", u.startedAt);
        out.field("ended_at", u.endedAt);
        out.field("facility_id", u.facilityId);
        out.field("country", u.country);
        out.field("region", u.region);
        out.field("grid_zone", u.gridZone);
        out.field("organization_id", u.organizationId);
        out.field("team_id", u.teamId);
        out.field("user_id", u.userId);
        if (!u.attributes.isEmpty()) {
            out.name("attributes").beginObject();
            for (var e : u.attributes.entrySet()) {
                out.field(e.getKey(), e.getValue());
            }
            out.endObject();
        }
        out.endObject();
    }

    private static void amount(Amount a, JsonOut out) {
        out.beginObject().field("value", a.value()).field("unit", a.unit()).endObject();
    }
}
