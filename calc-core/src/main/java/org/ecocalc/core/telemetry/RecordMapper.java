package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Maps one JSON record to a {@link TelemetryRecord}, collecting every problem with its JSON
 * Pointer. It checks everything {@code telemetry-record.v1.json} checks (so that a record it
 * accepts is schema-valid), and the rules a schema cannot state.
 */
final class RecordMapper {
    static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final Pattern LOCAL_TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$");
    private static final Pattern WHOLE = Pattern.compile("^(0|[1-9][0-9]{0,20})$");

    private static final List<String> TOP_LEVEL = List.of("source_id", "external_event_id", "interval",
            "observed_at", "ingested_at", "facility_id", "country", "region", "grid_zone", "energy", "cooling",
            "water", "compute", "hardware", "fuel", "refrigerant", "contracts", "grid_intensity");
    private static final Set<String> TOP_LEVEL_SET = Set.copyOf(TOP_LEVEL);
    private static final Map<String, Map<String, TelemetryField>> BLOCKS;

    static {
        Map<String, Map<String, TelemetryField>> blocks = new LinkedHashMap<>();
        for (TelemetryField f : TelemetryField.values()) {
            if (f.isList()) {
                continue;
            }
            String[] parts = f.pointer().split("/");
            blocks.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], f);
        }
        blocks.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        BLOCKS = Collections.unmodifiableMap(blocks);
    }

    /** The outcome: a record (null when any error was found) and every problem found. */
    record Result(TelemetryRecord record, List<Problem> problems) {
        boolean hasErrors() {
            return record == null;
        }
    }

    private final List<Problem> problems = new ArrayList<>(2);

    private RecordMapper() {
    }

    static Result map(JsonNode node) {
        return new RecordMapper().run(node);
    }

    private Result run(JsonNode node) {
        if (node == null || !node.isObject()) {
            error(ErrorCode.WRONG_TYPE, "", "a telemetry record must be a JSON object");
            return new Result(null, problems);
        }
        for (String name : node.propertyNames()) {
            if (!TOP_LEVEL_SET.contains(name)) {
                unknown("", name, TOP_LEVEL);
            }
        }
        String sourceId = string(node, "source_id", true, ErrorCode.MISSING_IDENTITY);
        if (sourceId != null) {
            add(IdempotencyKey.sourceIdProblem(sourceId));
        }
        String eventId = string(node, "external_event_id", true, ErrorCode.MISSING_IDENTITY);
        if (eventId != null) {
            add(IdempotencyKey.eventIdProblem(eventId));
        }
        Instant start = null;
        Instant end = null;
        JsonNode interval = node.get("interval");
        if (interval == null) {
            error(ErrorCode.MISSING_FIELD, "/interval", "interval is required: {\"start\": …, \"end\": …}");
        } else if (!interval.isObject()) {
            error(ErrorCode.WRONG_TYPE, "/interval", "interval must be an object {\"start\": …, \"end\": …}");
        } else {
            for (String name : interval.propertyNames()) {
                if (!name.equals("start") && !name.equals("end")) {
                    unknown("/interval", name, List.of("start", "end"));
                }
            }
            start = timestamp(interval.get("start"), "/interval/start", true);
            end = timestamp(interval.get("end"), "/interval/end", true);
            if (start != null && end != null && !end.isAfter(start)) {
                error(ErrorCode.INTERVAL_NOT_POSITIVE, "/interval/end",
                        "end (" + end + ") must be after start (" + start + ")");
            }
        }
        Instant observedAt = timestamp(node.get("observed_at"), "/observed_at", false);
        Instant ingestedAt = timestamp(node.get("ingested_at"), "/ingested_at", false);
        String facilityId = string(node, "facility_id", true, ErrorCode.MISSING_FIELD);
        if (facilityId != null) {
            add(Place.facilityProblem(facilityId));
        }
        String country = string(node, "country", false, null);
        if (country != null) {
            add(Place.countryProblem(country));
        }
        String region = string(node, "region", false, null);
        if (region != null) {
            add(Place.nameProblem(region, "/region"));
        }
        String gridZone = string(node, "grid_zone", false, null);
        if (gridZone != null) {
            add(Place.nameProblem(gridZone, "/grid_zone"));
        }
        Map<TelemetryField, Object> values = new EnumMap<>(TelemetryField.class);
        for (Map.Entry<String, Map<String, TelemetryField>> block : BLOCKS.entrySet()) {
            readBlock(node.get(block.getKey()), block.getKey(), block.getValue(), values);
        }
        List<FuelUse> fuel = list(node, "fuel", this::fuel);
        List<RefrigerantRelease> refrigerant = list(node, "refrigerant", this::refrigerant);
        List<Instrument> contracts = list(node, "contracts", this::instrument);
        List<IntensityPoint> gridIntensity = list(node, "grid_intensity", this::intensityPoint);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        TelemetryRecord record;
        try {
            record = new TelemetryRecord(new IdempotencyKey(sourceId, eventId), new Interval(start, end), observedAt,
                    ingestedAt, new Place(facilityId, country, region, gridZone),
                    new EnergyBlock(q(values, TelemetryField.ENERGY_FACILITY), q(values, TelemetryField.ENERGY_IT),
                            q(values, TelemetryField.ENERGY_COOLING), q(values, TelemetryField.ENERGY_GRID_IMPORT),
                            q(values, TelemetryField.ENERGY_ONSITE_RENEWABLE),
                            q(values, TelemetryField.ENERGY_RENEWABLE_PURCHASED),
                            q(values, TelemetryField.ENERGY_REUSED_HEAT)),
                    new CoolingBlock(q(values, TelemetryField.COOLING_CHILLER_ENERGY),
                            q(values, TelemetryField.COOLING_HEAT_REMOVED)),
                    new WaterBlock(q(values, TelemetryField.WATER_WITHDRAWAL), q(values, TelemetryField.WATER_CONSUMPTION),
                            q(values, TelemetryField.WATER_RETURNED), q(values, TelemetryField.WATER_RECLAIMED),
                            q(values, TelemetryField.WATER_COOLING), q(values, TelemetryField.WATER_EVAPORATION),
                            q(values, TelemetryField.WATER_BLOWDOWN)),
                    new ComputeBlock(q(values, TelemetryField.COMPUTE_GPU_HOURS),
                            d(values, TelemetryField.COMPUTE_TRAINING_RUNS),
                            d(values, TelemetryField.COMPUTE_INFERENCE_REQUESTS), d(values, TelemetryField.COMPUTE_TOKENS)),
                    new HardwareBlock(d(values, TelemetryField.HARDWARE_UTILIZATION_PCT),
                            d(values, TelemetryField.HARDWARE_IDLE_PCT)),
                    fuel, refrigerant, contracts, gridIntensity);
        } catch (InvalidTelemetryException e) {
            // The checks above mirror the constructors; reaching here means they drifted apart.
            problems.addAll(e.problems());
            return new Result(null, problems);
        }
        problems.addAll(record.warnings());
        return new Result(record, problems);
    }

    private static Quantity q(Map<TelemetryField, Object> values, TelemetryField f) {
        return (Quantity) values.get(f);
    }

    private static BigDecimal d(Map<TelemetryField, Object> values, TelemetryField f) {
        return (BigDecimal) values.get(f);
    }

    private void readBlock(JsonNode block, String name, Map<String, TelemetryField> fields,
            Map<TelemetryField, Object> values) {
        if (block == null) {
            return;
        }
        String pointer = "/" + name;
        if (!block.isObject()) {
            error(ErrorCode.WRONG_TYPE, pointer, name + " must be an object");
            return;
        }
        for (String field : block.propertyNames()) {
            TelemetryField f = fields.get(field);
            if (f == null) {
                unknown(pointer, field, List.copyOf(fields.keySet()));
                continue;
            }
            JsonNode value = block.get(field);
            Object parsed;
            if (f.isAmount()) {
                parsed = amount(value, f.pointer(), f.dimension());
            } else if (f.isPercent()) {
                parsed = percent(value, f.pointer());
            } else if (f == TelemetryField.COMPUTE_TRAINING_RUNS) {
                parsed = decimal(value, f.pointer(), "a count");
            } else {
                parsed = whole(value, f.pointer());
            }
            if (parsed != null) {
                values.put(f, parsed);
            }
        }
    }

    private interface EntryReader<T> {
        T read(JsonNode entry, String pointer);
    }

    private <T> List<T> list(JsonNode parent, String name, EntryReader<T> reader) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            error(ErrorCode.WRONG_TYPE, "/" + name, name + " must be an array");
            return List.of();
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String pointer = "/" + name + "/" + i;
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                error(ErrorCode.WRONG_TYPE, pointer, "each " + name + " entry must be an object");
                continue;
            }
            int before = problems.size();
            T value = reader.read(entry, pointer);
            if (value != null && problems.size() == before) {
                out.add(value);
            }
        }
        return out;
    }

    private boolean fields(JsonNode entry, String pointer, List<String> known, List<String> required) {
        for (String name : entry.propertyNames()) {
            if (!known.contains(name)) {
                unknown(pointer, name, known);
            }
        }
        boolean ok = true;
        for (String r : required) {
            if (entry.get(r) == null) {
                error(ErrorCode.MISSING_FIELD, pointer + "/" + r, r + " is required");
                ok = false;
            }
        }
        return ok;
    }

    private String idString(JsonNode entry, String name, String pointer, String pattern, String example) {
        JsonNode n = entry.get(name);
        if (n == null) {
            return null;
        }
        if (!n.isString() || !n.stringValue().matches(pattern)) {
            error(ErrorCode.WRONG_TYPE, pointer + "/" + name, name + " must match " + pattern + ", such as \"" + example + "\"");
            return null;
        }
        return n.stringValue();
    }

    private FuelUse fuel(JsonNode e, String ptr) {
        boolean ok = fields(e, ptr, List.of("fuel", "quantity", "heating_value"), List.of("fuel", "quantity"));
        String fuel = idString(e, "fuel", ptr, FuelUse.FUEL_PATTERN, "distillate_fuel_oil_no2");
        Quantity q = null;
        JsonNode qn = e.get("quantity");
        if (qn != null) {
            q = anyAmount(qn, ptr + "/quantity", Dimension.VOLUME, Dimension.MASS, Dimension.ENERGY);
        }
        FuelUse.HeatingValue hv = null;
        JsonNode hvn = e.get("heating_value");
        if (hvn != null) {
            if (hvn.isString() && (hvn.stringValue().equals("hhv") || hvn.stringValue().equals("ncv"))) {
                hv = FuelUse.HeatingValue.valueOf(hvn.stringValue().toUpperCase(java.util.Locale.ROOT));
            } else {
                error(ErrorCode.WRONG_TYPE, ptr + "/heating_value", "heating_value is \"hhv\" or \"ncv\"");
            }
        }
        return ok && fuel != null && q != null ? new FuelUse(fuel, q, hv) : null;
    }

    private RefrigerantRelease refrigerant(JsonNode e, String ptr) {
        boolean ok = fields(e, ptr, List.of("refrigerant", "released"), List.of("refrigerant", "released"));
        String gas = idString(e, "refrigerant", ptr, RefrigerantRelease.REFRIGERANT_PATTERN, "hfc-134a");
        Quantity q = e.get("released") == null ? null : amount(e.get("released"), ptr + "/released", Dimension.MASS);
        return ok && gas != null && q != null ? new RefrigerantRelease(gas, q) : null;
    }

    private Instrument instrument(JsonNode e, String ptr) {
        boolean ok = fields(e, ptr, List.of("instrument_id", "type", "energy", "emission_rate", "vintage", "market",
                "scheme", "energy_source"), List.of("instrument_id", "type", "energy", "emission_rate", "market"));
        String id = idString(e, "instrument_id", ptr, Instrument.ID_PATTERN, "GO-2026-0001");
        Instrument.Type type = null;
        JsonNode tn = e.get("type");
        if (tn != null) {
            type = tn.isString() ? Instrument.Type.fromId(tn.stringValue()) : null;
            if (type == null) {
                error(ErrorCode.WRONG_TYPE, ptr + "/type", "type is one of energy_attribute_certificate, ppa, "
                        + "green_tariff, supplier_specific");
            }
        }
        Quantity energy = e.get("energy") == null ? null : amount(e.get("energy"), ptr + "/energy", Dimension.ENERGY);
        EmissionRate rate = e.get("emission_rate") == null ? null : rate(e.get("emission_rate"), ptr + "/emission_rate");
        Integer vintage = null;
        JsonNode vn = e.get("vintage");
        if (vn != null) {
            if (vn.isIntegralNumber() && vn.canConvertToInt() && vn.intValue() >= 1990 && vn.intValue() <= 2200) {
                vintage = vn.intValue();
            } else {
                error(ErrorCode.WRONG_TYPE, ptr + "/vintage", "vintage is a year such as 2026");
            }
        }
        String market = idString(e, "market", ptr, Instrument.MARKET_PATTERN, "EU");
        String scheme = optionalName(e, "scheme", ptr);
        String source = optionalName(e, "energy_source", ptr);
        return ok && id != null && type != null && energy != null && rate != null && market != null
                ? new Instrument(id, type, energy, rate, vintage, market, scheme, source) : null;
    }

    private IntensityPoint intensityPoint(JsonNode e, String ptr) {
        boolean ok = fields(e, ptr, List.of("start", "end", "intensity", "source", "gwp_set"),
                List.of("start", "end", "intensity"));
        Instant start = timestamp(e.get("start"), ptr + "/start", false);
        Instant end = timestamp(e.get("end"), ptr + "/end", false);
        if (start != null && end != null && !end.isAfter(start)) {
            error(ErrorCode.INTERVAL_NOT_POSITIVE, ptr + "/end", "end (" + end + ") must be after start (" + start + ")");
            ok = false;
        }
        EmissionRate rate = e.get("intensity") == null ? null : rate(e.get("intensity"), ptr + "/intensity");
        String source = optionalName(e, "source", ptr);
        String gwp = optionalName(e, "gwp_set", ptr);
        return ok && start != null && end != null && rate != null ? new IntensityPoint(start, end, rate, source, gwp) : null;
    }

    private String optionalName(JsonNode e, String name, String ptr) {
        JsonNode n = e.get(name);
        if (n == null) {
            return null;
        }
        if (!n.isString()) {
            error(ErrorCode.WRONG_TYPE, ptr + "/" + name, name + " must be a string");
            return null;
        }
        add(Place.nameProblem(n.stringValue(), ptr + "/" + name));
        return n.stringValue();
    }

    private EmissionRate rate(JsonNode node, String pointer) {
        if (!node.isObject()) {
            error(ErrorCode.WRONG_TYPE, pointer, "a rate is an object {\"value\": \"352\", \"unit\": \"gCO2e/kWh\"}");
            return null;
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("value") && !name.equals("unit")) {
                unknown(pointer, name, List.of("value", "unit"));
            }
        }
        JsonNode vn = node.get("value");
        JsonNode un = node.get("unit");
        if (vn == null || un == null) {
            error(ErrorCode.MISSING_FIELD, pointer + (vn == null ? "/value" : "/unit"), "a rate needs a value and a unit");
            return null;
        }
        BigDecimal value = decimal(vn, pointer + "/value", "an emission rate");
        if (!un.isString()) {
            error(ErrorCode.WRONG_TYPE, pointer + "/unit", "unit must be a string such as \"gCO2e/kWh\"");
            return null;
        }
        try {
            EmissionRate.parseUnit(un.stringValue());
        } catch (UnitException ex) {
            error(ex.code(), pointer + "/unit", ex.getMessage());
            return null;
        }
        return value == null ? null : EmissionRate.of(value, un.stringValue());
    }

    /** An amount whose unit may be of any of the given dimensions. */
    private Quantity anyAmount(JsonNode node, String pointer, Dimension... dims) {
        JsonNode un = node.isObject() ? node.get("unit") : null;
        Dimension dim = dims[0];
        if (un != null && un.isString()) {
            try {
                Dimension d = Unit.parse(un.stringValue()).dimension();
                for (Dimension allowed : dims) {
                    if (allowed == d) {
                        dim = d;
                    }
                }
                if (dim != d) {
                    error(ErrorCode.UNIT_DIMENSION_MISMATCH, pointer + "/unit", "\"" + un.stringValue() + "\" is a unit of "
                            + d.label() + "; a fuel quantity is a volume, a mass or an energy");
                    return null;
                }
            } catch (UnitException ignored) {
                // reported by amount() below
            }
        }
        return amount(node, pointer, dim);
    }

    private Quantity amount(JsonNode node, String pointer, Dimension dimension) {
        if (!node.isObject()) {
            error(ErrorCode.WRONG_TYPE, pointer, "an amount must be an object {\"value\": \"12.5\", \"unit\": \""
                    + dimension.canonicalUnit().symbol() + "\"}");
            return null;
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("value") && !name.equals("unit")) {
                unknown(pointer, name, List.of("value", "unit"));
            }
        }
        JsonNode valueNode = node.get("value");
        JsonNode unitNode = node.get("unit");
        BigDecimal value = null;
        Unit unit = null;
        if (valueNode == null) {
            error(ErrorCode.MISSING_FIELD, pointer + "/value", "an amount needs a value");
        } else {
            value = decimal(valueNode, pointer + "/value", dimension.label());
        }
        if (unitNode == null) {
            error(ErrorCode.MISSING_FIELD, pointer + "/unit", "an amount needs a unit");
        } else if (!unitNode.isString()) {
            error(ErrorCode.WRONG_TYPE, pointer + "/unit", "unit must be a string such as \""
                    + dimension.canonicalUnit().symbol() + "\"");
        } else {
            try {
                unit = Unit.parse(unitNode.stringValue(), dimension);
            } catch (UnitException e) {
                error(e.code(), pointer + "/unit", e.getMessage());
            }
        }
        if (value == null || unit == null) {
            return null;
        }
        Quantity canonical = Quantity.of(value, unit).toCanonical();
        try {
            Decimals.checkInputLimits(canonical.value());
        } catch (ArithmeticException e) {
            error(ErrorCode.VALUE_OUT_OF_RANGE, pointer + "/value", "in " + canonical.unit().symbol()
                    + " the value " + e.getMessage());
            return null;
        }
        return canonical;
    }

    /** A non-negative decimal: a plain-notation string, or a JSON number read exactly. */
    private BigDecimal decimal(JsonNode node, String pointer, String what) {
        BigDecimal v;
        if (node.isString()) {
            String text = node.stringValue();
            if (!Decimals.isPlainDecimal(text)) {
                error(ErrorCode.NOT_NUMERIC, pointer, "must be a plain decimal such as \"12.5\" (got \""
                        + Texts.abbreviate(text) + "\")");
                return null;
            }
            if (text.charAt(0) == '-') {
                error(ErrorCode.NEGATIVE_VALUE, pointer, what + " must not be negative (got " + text + ")");
                return null;
            }
            try {
                return Decimals.parse(text);
            } catch (ArithmeticException e) {
                error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "the value " + e.getMessage());
                return null;
            }
        } else if (node.isNumber()) {
            v = node.decimalValue();
        } else {
            error(ErrorCode.WRONG_TYPE, pointer, "must be a decimal string such as \"12.5\" (got "
                    + typeName(node) + ")");
            return null;
        }
        if (v.signum() < 0) {
            error(ErrorCode.NEGATIVE_VALUE, pointer, what + " must not be negative (got "
                    + Decimals.toCanonicalString(v) + ")");
            return null;
        }
        try {
            return Decimals.checkInputLimits(v);
        } catch (ArithmeticException e) {
            error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "the value " + e.getMessage());
            return null;
        }
    }

    private BigDecimal whole(JsonNode node, String pointer) {
        if (node.isString()) {
            String text = node.stringValue();
            if (WHOLE.matcher(text).matches()) {
                return Decimals.normalize(new BigDecimal(text));
            }
            if (Decimals.isPlainDecimal(text)) {
                if (text.charAt(0) == '-') {
                    error(ErrorCode.NEGATIVE_VALUE, pointer, "a count must not be negative (got " + text + ")");
                } else {
                    error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "must be a whole number below 10^21 (got "
                            + Texts.abbreviate(text) + ")");
                }
            } else {
                error(ErrorCode.NOT_NUMERIC, pointer, "must be a whole number such as \"120\" (got \""
                        + Texts.abbreviate(text) + "\")");
            }
            return null;
        }
        BigDecimal v = decimal(node, pointer, "a count");
        if (v == null) {
            return null;
        }
        Problem p = Checks.countProblem(v, true, pointer);
        if (p != null) {
            add(p);
            return null;
        }
        return v;
    }

    private BigDecimal percent(JsonNode node, String pointer) {
        if (node.isString() && !node.stringValue().isEmpty() && node.stringValue().charAt(0) == '-'
                && Decimals.isPlainDecimal(node.stringValue())) {
            error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "a percentage must be between 0 and 100 (got "
                    + node.stringValue() + ")");
            return null;
        }
        BigDecimal v = decimal(node, pointer, "a percentage");
        if (v != null) {
            Problem p = Checks.percentProblem(v, pointer);
            if (p != null) {
                add(p);
                return null;
            }
        }
        return v;
    }

    private Instant timestamp(JsonNode node, String pointer, boolean required) {
        if (node == null) {
            if (required) {
                error(ErrorCode.MISSING_FIELD, pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
                        + " is required (ISO-8601 with an offset, such as \"2026-01-05T00:00:00Z\")");
            }
            return null;
        }
        if (!node.isString()) {
            error(ErrorCode.WRONG_TYPE, pointer, "a timestamp must be a string such as \"2026-01-05T00:00:00Z\"");
            return null;
        }
        String text = node.stringValue();
        Instant fast = Timestamps.parse(text);
        if (fast != null) {
            return fast;
        }
        if (!TIMESTAMP.matcher(text).matches()) {
            if (LOCAL_TIMESTAMP.matcher(text).matches()) {
                error(ErrorCode.TIMESTAMP_WITHOUT_OFFSET, pointer, "\"" + text
                        + "\" has no UTC offset; add Z or +hh:mm (a local time is ambiguous)");
            } else {
                error(ErrorCode.INVALID_TIMESTAMP, pointer, "\"" + Texts.abbreviate(text)
                        + "\" is not an ISO-8601 date-time with an offset, such as \"2026-01-05T00:00:00Z\"");
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

    private String string(JsonNode parent, String name, boolean required, ErrorCode missingCode) {
        JsonNode node = parent.get(name);
        if (node == null) {
            if (required) {
                error(missingCode, "/" + name, name + " is required");
            }
            return null;
        }
        if (!node.isString()) {
            error(ErrorCode.WRONG_TYPE, "/" + name, name + " must be a string (got " + typeName(node) + ")");
            return null;
        }
        return node.stringValue();
    }

    private void unknown(String parentPointer, String name, List<String> known) {
        String suggestion = Texts.closest(name, known);
        error(ErrorCode.UNKNOWN_FIELD, parentPointer + "/" + escape(name), "unknown field \"" + Texts.abbreviate(name) + "\""
                + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "; known fields: "
                + String.join(", ", known)));
    }

    private void error(ErrorCode code, String pointer, String message) {
        problems.add(Problem.error(code, pointer, message));
    }

    private void add(Problem p) {
        if (p != null) {
            problems.add(p);
        }
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String typeName(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case ARRAY: return "an array";
            case OBJECT: return "an object";
            default: return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
