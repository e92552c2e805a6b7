package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Texts;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;
import tools.jackson.databind.JsonNode;

/**
 * Maps one JSON usage event to a {@link UsageEvent}, collecting every problem with its JSON Pointer.
 * It checks what {@code usage-event.v1.json} checks (so that an event it accepts is schema-valid),
 * and that ended_at is not before started_at.
 */
final class UsageEventMapper {
    /** The schema's timestamp: seconds optional, an offset required. */
    static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final Pattern LOCAL_TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$");
    static final List<String> FIELDS = List.of("source_id", "external_event_id", "kind", "provider", "model",
            "tokens_in", "tokens_out", "gpu_seconds", "accelerator", "measured_energy", "started_at", "ended_at",
            "facility_id", "country", "region", "grid_zone", "organization_id", "team_id", "user_id", "attributes");
    private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
    /** The energy units the schema lists for measured_energy. */
    static final List<String> ENERGY_UNITS = List.of("Wh", "kWh", "MWh", "GWh", "MJ", "GJ", "TJ", "MMBtu", "mmBtu",
            "MMBTU", "mmbtu", "therm", "thm", "TRh", "ton-hour");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The outcome: an event (null when any error was found) and every problem. */
    record Result(UsageEvent event, List<Problem> problems) {
    }

    private final List<Problem> problems = new ArrayList<>(2);

    private UsageEventMapper() {
    }

    static Result map(JsonNode node) {
        return new UsageEventMapper().run(node);
    }

    private Result run(JsonNode node) {
        if (node == null || !node.isObject()) {
            error(ErrorCode.WRONG_TYPE, "", "a usage event must be a JSON object");
            return new Result(null, problems);
        }
        for (String name : node.propertyNames()) {
            if (!FIELD_SET.contains(name)) {
                String hint = Texts.closest(name, FIELDS);
                error(ErrorCode.UNKNOWN_FIELD, "/" + UsageChecks.escape(name), "unknown field \"" + Texts.abbreviate(name)
                        + "\"" + (hint != null ? "; did you mean \"" + hint + "\"?" : ""));
            }
        }
        String sourceId = string(node, "source_id", ErrorCode.MISSING_IDENTITY);
        String eventId = string(node, "external_event_id", ErrorCode.MISSING_IDENTITY);
        UsageKind kind = null;
        JsonNode k = node.get("kind");
        if (k == null) {
            error(ErrorCode.MISSING_FIELD, "/kind", "kind is required: \"llm_call\" or \"gpu_job\"");
        } else if (!k.isString() || UsageKind.fromId(k.stringValue()) == null) {
            error(ErrorCode.WRONG_TYPE, "/kind", "kind is \"llm_call\" or \"gpu_job\"");
        } else {
            kind = UsageKind.fromId(k.stringValue());
        }
        String provider = string(node, "provider", null);
        String model = string(node, "model", null);
        Long tokensIn = count(node, "tokens_in");
        Long tokensOut = count(node, "tokens_out");
        BigDecimal gpuSeconds = decimal(node.get("gpu_seconds"), "/gpu_seconds");
        String accelerator = string(node, "accelerator", null);
        Quantity measured = energy(node.get("measured_energy"));
        Instant startedAt = timestamp(node.get("started_at"), "/started_at", true);
        Instant endedAt = timestamp(node.get("ended_at"), "/ended_at", false);
        String facility = string(node, "facility_id", null);
        String country = string(node, "country", null);
        String region = string(node, "region", null);
        String gridZone = string(node, "grid_zone", null);
        String org = string(node, "organization_id", null);
        String team = string(node, "team_id", null);
        String user = string(node, "user_id", null);
        JsonNode attrs = node.get("attributes");
        List<String[]> attributes = new ArrayList<>();
        if (attrs != null) {
            if (!attrs.isObject()) {
                error(ErrorCode.WRONG_TYPE, "/attributes", "attributes must be an object of string values");
            } else {
                for (String name : attrs.propertyNames()) {
                    JsonNode v = attrs.get(name);
                    if (!v.isString()) {
                        error(ErrorCode.WRONG_TYPE, "/attributes/" + UsageChecks.escape(name),
                                "an attribute value must be a string");
                    } else {
                        attributes.add(new String[] {name, v.stringValue()});
                    }
                }
            }
        }
        if (kind == null || !problems.isEmpty()) {
            // Still report what the builder would find (identity, required fields), without duplicates.
            if (kind != null) {
                tryBuild(kind, sourceId, eventId, provider, model, tokensIn, tokensOut, gpuSeconds, accelerator,
                        measured, startedAt, endedAt, facility, country, region, gridZone, org, team, user, attributes,
                        true);
            }
            return new Result(null, problems);
        }
        UsageEvent e = tryBuild(kind, sourceId, eventId, provider, model, tokensIn, tokensOut, gpuSeconds, accelerator,
                measured, startedAt, endedAt, facility, country, region, gridZone, org, team, user, attributes, false);
        return new Result(problems.isEmpty() ? e : null, problems);
    }

    private UsageEvent tryBuild(UsageKind kind, String sourceId, String eventId, String provider, String model,
            Long tokensIn, Long tokensOut, BigDecimal gpuSeconds, String accelerator, Quantity measured,
            Instant startedAt, Instant endedAt, String facility, String country, String region, String gridZone,
            String org, String team, String user, List<String[]> attributes, boolean partial) {
        UsageEvent.Builder b = UsageEvent.builder(kind, sourceId, eventId).provider(provider).model(model)
                .gpuSeconds(gpuSeconds).accelerator(accelerator).measuredEnergy(measured).startedAt(startedAt)
                .endedAt(endedAt).facilityId(facility).country(country).region(region).gridZone(gridZone)
                .organizationId(org).teamId(team).userId(user);
        if (tokensIn != null) {
            b.tokensIn(tokensIn);
        }
        if (tokensOut != null) {
            b.tokensOut(tokensOut);
        }
        for (String[] a : attributes) {
            b.attribute(a[0], a[1]);
        }
        try {
            return b.build();
        } catch (InvalidUsageException ex) {
            for (Problem p : ex.problems()) {
                if (partial && alreadyAt(p.pointer())) {
                    continue;
                }
                if (partial && p.code() == ErrorCode.MISSING_FIELD && p.pointer().equals("/started_at")) {
                    continue;
                }
                problems.add(p);
            }
            return null;
        }
    }

    private boolean alreadyAt(String pointer) {
        for (Problem p : problems) {
            if (p.pointer().equals(pointer)) {
                return true;
            }
        }
        return false;
    }

    private String string(JsonNode parent, String name, ErrorCode missingCode) {
        JsonNode n = parent.get(name);
        if (n == null) {
            if (missingCode != null) {
                error(missingCode, "/" + name, name + " is required");
            }
            return null;
        }
        if (!n.isString()) {
            error(ErrorCode.WRONG_TYPE, "/" + name, name + " must be a string (got " + typeName(n) + ")");
            return null;
        }
        return n.stringValue();
    }

    private Long count(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return null;
        }
        String pointer = "/" + name;
        if (!n.isNumber()) {
            error(ErrorCode.WRONG_TYPE, pointer, name + " is a count: a JSON integer such as 512 (got " + typeName(n) + ")");
            return null;
        }
        BigDecimal v = n.decimalValue();
        if (v.signum() < 0) {
            error(ErrorCode.NEGATIVE_VALUE, pointer, name + " must not be negative (got " + Decimals.toCanonicalString(v)
                    + ")");
            return null;
        }
        BigDecimal whole = Decimals.normalize(v);
        if (whole.scale() > 0) {
            error(ErrorCode.WRONG_TYPE, pointer, name + " must be a whole number (got " + Decimals.toCanonicalString(v)
                    + ")");
            return null;
        }
        if (whole.toBigInteger().compareTo(LONG_MAX) > 0) {
            error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, name + " is at most 9223372036854775807");
            return null;
        }
        return whole.longValueExact();
    }

    private BigDecimal decimal(JsonNode n, String pointer) {
        if (n == null) {
            return null;
        }
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (!n.isString()) {
            error(ErrorCode.WRONG_TYPE, pointer, name + " must be a decimal string such as \"12.5\" (got "
                    + typeName(n) + ")");
            return null;
        }
        String text = n.stringValue();
        if (!UsageChecks.isDecimal(text)) {
            if (Decimals.isPlainDecimal(text) && text.startsWith("-")) {
                error(ErrorCode.NEGATIVE_VALUE, pointer, name + " must not be negative (got " + text + ")");
            } else if (Decimals.isPlainDecimal(text)) {
                error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, name + " has at most 21 digits before the point and 24"
                        + " after it");
            } else {
                error(ErrorCode.NOT_NUMERIC, pointer, name + " must be a plain decimal such as \"12.5\" (got \""
                        + Texts.abbreviate(text) + "\")");
            }
            return null;
        }
        return Decimals.normalize(new BigDecimal(text));
    }

    private Quantity energy(JsonNode n) {
        if (n == null) {
            return null;
        }
        String pointer = "/measured_energy";
        if (!n.isObject()) {
            error(ErrorCode.WRONG_TYPE, pointer, "measured_energy is an object {\"value\": \"5.6\", \"unit\": \"kWh\"}");
            return null;
        }
        for (String name : n.propertyNames()) {
            if (!name.equals("value") && !name.equals("unit")) {
                error(ErrorCode.UNKNOWN_FIELD, pointer + "/" + UsageChecks.escape(name), "unknown field \""
                        + Texts.abbreviate(name) + "\"; known fields: value, unit");
            }
        }
        JsonNode vn = n.get("value");
        JsonNode un = n.get("unit");
        if (vn == null) {
            error(ErrorCode.MISSING_FIELD, pointer + "/value", "an amount needs a value");
        }
        if (un == null) {
            error(ErrorCode.MISSING_FIELD, pointer + "/unit", "an amount needs a unit");
        }
        BigDecimal v = vn == null ? null : decimal(vn, pointer + "/value");
        Unit unit = null;
        if (un != null) {
            if (!un.isString()) {
                error(ErrorCode.WRONG_TYPE, pointer + "/unit", "unit must be a string such as \"kWh\"");
            } else if (!ENERGY_UNITS.contains(un.stringValue())) {
                try {
                    Unit.parse(un.stringValue(), Dimension.ENERGY);
                    error(ErrorCode.UNKNOWN_UNIT, pointer + "/unit", "unknown unit \"" + Texts.abbreviate(un.stringValue())
                            + "\"; energy units: " + String.join(", ", ENERGY_UNITS));
                } catch (UnitException e) {
                    error(e.code(), pointer + "/unit", e.getMessage());
                }
            } else {
                unit = Unit.parse(un.stringValue(), Dimension.ENERGY);
            }
        }
        return v == null || unit == null ? null : Quantity.of(v, unit);
    }

    private Instant timestamp(JsonNode n, String pointer, boolean required) {
        String name = pointer.substring(1);
        if (n == null) {
            if (required) {
                error(ErrorCode.MISSING_FIELD, pointer, name + " is required (ISO-8601 with an offset, such as"
                        + " \"2026-01-05T09:30:00Z\")");
            }
            return null;
        }
        if (!n.isString()) {
            error(ErrorCode.WRONG_TYPE, pointer, "a timestamp must be a string such as \"2026-01-05T09:30:00Z\"");
            return null;
        }
        String text = n.stringValue();
        if (!TIMESTAMP.matcher(text).matches()) {
            if (LOCAL_TIMESTAMP.matcher(text).matches()) {
                error(ErrorCode.TIMESTAMP_WITHOUT_OFFSET, pointer, "\"" + text
                        + "\" has no UTC offset; add Z or +hh:mm (a local time is ambiguous)");
            } else {
                error(ErrorCode.INVALID_TIMESTAMP, pointer, "\"" + Texts.abbreviate(text)
                        + "\" is not an ISO-8601 date-time with an offset, such as \"2026-01-05T09:30:00Z\"");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            error(ErrorCode.INVALID_TIMESTAMP, pointer, "\"" + text + "\" is not a valid date-time");
            return null;
        }
    }

    private void error(ErrorCode code, String pointer, String message) {
        problems.add(Problem.error(code, pointer, message));
    }

    private static String typeName(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case ARRAY: return "an array";
            case OBJECT: return "an object";
            default: return "a value";
        }
    }
}
