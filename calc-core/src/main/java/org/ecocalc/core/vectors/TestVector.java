package org.ecocalc.core.vectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One golden test vector ({@code ecocalc.test-vector/1}): input, factor packs, settings and
 * expected outputs. Read with {@link #parse(String)}, which checks the JSON Schema
 * {@code docs/schemas/test-vector.v1.json}. See {@code docs/test-vectors.md}.
 *
 * <p>The input is telemetry records ({@link InputKind#TELEMETRY_RECORD}, the default), AI usage
 * events ({@link InputKind#USAGE_EVENT}), sensor readings and reports for the alert rules
 * ({@link InputKind#ALERT}), a baseline for the what-if simulator ({@link InputKind#SCENARIO}) or a
 * report to validate ({@link InputKind#REPORT_VALIDATION}); the {@link VectorRunner} gives each to
 * the library code of the matching command.
 *
 * @param name          the vector's unique name
 * @param category      what it exercises ({@code metric}, {@code bad_input}, {@code usage}, ...)
 * @param description   what is tested and how the expected values were obtained
 * @param expectedFrom  {@code hand}, {@code source} or {@code golden}
 * @param inputKind     what the input holds: telemetry records or usage events
 * @param inputText     the input as text: the {@code input} array (or, for a report, object) written as JSON
 *                      (an alert vector's readings as JSON Lines, one per line), or {@code input_text}
 * @param inputJsonLines whether the input text is JSON Lines (always for an alert vector)
 * @param factorPacks   each pack: {@code id@version}, or an inline pack as compact JSON
 * @param settingsJson  the settings as compact JSON ({@code {}} when absent)
 * @param assetsJson    the asset registry for embodied carbon as compact JSON, or null
 * @param overrides     approved factor overrides, each naming a factor of the vector's packs
 * @param expected      the expected outputs
 * @param toleranceRel  the relative tolerance, or null for exact equality
 * @param reports       alert vectors: each report document ({@code ecocalc.report/1}) as JSON text, in order;
 *                      empty otherwise
 * @param scenarioJson  scenario vectors: the scenario file ({@code ecocalc.scenario/1}) as JSON text; null otherwise
 */
public record TestVector(String name, String category, String description, String expectedFrom,
        InputKind inputKind, String inputText, boolean inputJsonLines, List<String> factorPacks, String settingsJson,
        String assetsJson, List<OverrideEntry> overrides, Expected expected, BigDecimal toleranceRel,
        List<String> reports, String scenarioJson) {
    /** The format identifier: {@value}. */
    public static final String FORMAT = "ecocalc.test-vector/1";

    public TestVector {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputKind, "inputKind");
        Objects.requireNonNull(inputText, "inputText");
        factorPacks = List.copyOf(factorPacks);
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(expected, "expected");
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** A vector without reports or scenario file (telemetry and usage-event vectors). */
    public TestVector(String name, String category, String description, String expectedFrom, InputKind inputKind,
            String inputText, boolean inputJsonLines, List<String> factorPacks, String settingsJson, String assetsJson,
            List<OverrideEntry> overrides, Expected expected, BigDecimal toleranceRel) {
        this(name, category, description, expectedFrom, inputKind, inputText, inputJsonLines, factorPacks, settingsJson,
                assetsJson, overrides, expected, toleranceRel, List.of(), null);
    }

    /** What a vector's input holds: its {@code input_kind}. */
    public enum InputKind {
        /** Telemetry records ({@code docs/schemas/telemetry-record.v1.json}), computed as {@code ecocalc report}. */
        TELEMETRY_RECORD("telemetry_record"),
        /** AI usage events ({@code docs/schemas/usage-event.v1.json}), computed as {@code ecocalc usage}. */
        USAGE_EVENT("usage_event"),
        /**
         * Sensor readings ({@code docs/schemas/sensor-reading.v1.json}) and report documents, evaluated by the
         * alert rules as {@code ecocalc alerts} does.
         */
        ALERT("alert"),
        /**
         * A baseline (a report document, or telemetry records reported first) projected under a scenario file
         * ({@code docs/schemas/scenario.v1.json}) as {@code ecocalc simulate} does.
         */
        SCENARIO("scenario"),
        /** A report document (or raw text) checked as {@code ecocalc validate} does. */
        REPORT_VALIDATION("report_validation");

        private final String id;

        InputKind(String id) {
            this.id = id;
        }

        /** The id used in the vector ({@code telemetry_record}, {@code usage_event}, {@code alert}, ...). */
        public String id() {
            return id;
        }

        /** The kind with this id, or null. */
        public static InputKind fromId(String id) {
            for (InputKind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * The expected outputs. A metric value of null means "not computable".
     *
     * @param metrics    the total's metrics
     * @param facilities each facility's metrics over all periods
     * @param groups     metrics of facility-period groups
     * @param groupCount how many facility-period groups, or null
     * @param problems   every problem, in input order, or null when not checked
     * @param rejected   how many records are refused, or null
     * @param dataset    data-set expectations, or null
     * @param error      the error the whole vector raises, or null
     * @param factors    per metric id, the references of the factors the total's result must name in its
     *                   lineage ({@code pack@version:factor_id@version}, or {@code pack@version} for a
     *                   GWP table), compared as sets; empty when not checked
     * @param flags      usage vectors: every flag id the total carries, with how many events carry it
     *                   (compared exactly), or null when not checked
     * @param alerts     alert vectors: every alert raised, in order, each a subset of its {@code ecocalc.alert/1}
     *                   JSON, as one compact JSON array; null when not checked
     * @param simulation scenario vectors: a subset of the {@code ecocalc.simulation/1} result, as compact JSON;
     *                   null when not checked
     * @param validation report-validation vectors: a subset of the {@code ecocalc.validation/1} result (validity
     *                   and every finding, in order), as compact JSON; null when not checked
     */
    public record Expected(Map<String, String> metrics, Map<String, Map<String, String>> facilities,
            List<Group> groups, Integer groupCount, List<ExpectedProblem> problems, Long rejected, Dataset dataset,
            ExpectedError error, Map<String, List<String>> factors, Map<String, Long> flags, String alerts,
            String simulation, String validation) {
        /** Expectations of a telemetry or usage-event vector (no alerts, simulation or validation). */
        public Expected(Map<String, String> metrics, Map<String, Map<String, String>> facilities, List<Group> groups,
                Integer groupCount, List<ExpectedProblem> problems, Long rejected, Dataset dataset, ExpectedError error,
                Map<String, List<String>> factors, Map<String, Long> flags) {
            this(metrics, facilities, groups, groupCount, problems, rejected, dataset, error, factors, flags, null, null,
                    null);
        }

        public Expected {
            flags = flags == null ? null : Collections.unmodifiableMap(new TreeMap<>(flags));
            Map<String, List<String>> fs = new LinkedHashMap<>();
            factors.forEach((k, v) -> fs.put(k, List.copyOf(v)));
            factors = Collections.unmodifiableMap(fs);
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            Map<String, Map<String, String>> f = new LinkedHashMap<>();
            facilities.forEach((k, v) -> f.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            facilities = Collections.unmodifiableMap(f);
            groups = List.copyOf(groups);
            problems = problems == null ? null : List.copyOf(problems);
        }
    }

    /**
     * Expected metrics of one group: a facility-period group of telemetry, or a usage group (a value per
     * grouping dimension and a period).
     *
     * @param facilityId  telemetry: the facility; null for a usage group
     * @param key         usage: the group's value of each grouping dimension ({@code model}, {@code team}, ...;
     *                    a null value for events without one); null for a telemetry group
     * @param periodStart the period's first instant as the report writes it, or null for an open range (or all time)
     * @param periodEnd   the period's end, or null when not checked or open
     * @param metrics     metric id to decimal, or null for not computable
     */
    public record Group(String facilityId, Map<String, String> key, String periodStart, String periodEnd,
            Map<String, String> metrics) {
        public Group {
            key = key == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(key));
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /**
     * An expected problem.
     *
     * @param record   the record's position in the input, from 0
     * @param code     the error code id
     * @param pointer  the JSON Pointer into the record
     * @param severity {@code error} or {@code warning}
     */
    public record ExpectedProblem(long record, String code, String pointer, String severity) {
        @Override
        public String toString() {
            return "#" + record + " " + severity + " " + code + " at \"" + pointer + "\"";
        }
    }

    /**
     * Expected data-set facts; each null when not checked.
     *
     * @param records    distinct records used
     * @param duplicates exact repeats ignored
     * @param conflicts  keys in conflict
     * @param digest     the data-set digest
     */
    public record Dataset(Long records, Long duplicates, List<String> conflicts, String digest) {
    }

    /**
     * An approved factor override ({@link org.ecocalc.core.factor.FactorOverride}) given with a vector.
     *
     * @param scope      {@code activity}, {@code facility} or {@code organisation}
     * @param scopeId    the activity, facility or organisation id
     * @param factor     the factor to use, {@code pack@version:factor_id@version}, from the vector's packs
     * @param approvedBy who approved it
     * @param approvedOn the day of approval, ISO {@code yyyy-mm-dd}
     * @param reason     why
     */
    public record OverrideEntry(String scope, String scopeId, String factor, String approvedBy, String approvedOn,
            String reason) {
    }

    /**
     * The error a whole vector raises.
     *
     * @param code    the error code id
     * @param pointer the JSON Pointer into the vector document
     */
    public record ExpectedError(String code, String pointer) {
    }

    /**
     * Reads a vector, checking it against the schema.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_TEST_VECTOR}) listing the violations
     */
    public static TestVector parse(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Objects.requireNonNull(json, "json"));
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_TEST_VECTOR, "not JSON: " + e.getOriginalMessage(), e);
        }
        List<String> violations = VectorSchema.validate(n);
        if (!violations.isEmpty()) {
            throw new EcoCalcException(ErrorCode.INVALID_TEST_VECTOR, "breaks test-vector.v1.json: "
                    + String.join("; ", violations));
        }
        InputKind kind = n.has("input_kind") ? InputKind.fromId(n.get("input_kind").stringValue())
                : InputKind.TELEMETRY_RECORD;
        String input;
        boolean lines = false;
        if (n.has("input") && kind == InputKind.ALERT) {
            // Sensor readings are JSON Lines: each item of the array is one line.
            StringBuilder b = new StringBuilder();
            for (JsonNode r : n.get("input")) {
                b.append(Json.compact(r)).append('\n');
            }
            input = b.toString();
            lines = true;
        } else if (n.has("input")) {
            input = Json.pretty(n.get("input"));
        } else {
            input = n.get("input_text").stringValue();
            lines = kind == InputKind.ALERT
                    || n.has("input_format") && "jsonl".equals(n.get("input_format").stringValue());
        }
        List<String> reports = new ArrayList<>();
        if (n.has("reports")) {
            for (JsonNode r : n.get("reports")) {
                reports.add(Json.pretty(r));
            }
        }
        String scenario = n.has("scenario") ? Json.pretty(n.get("scenario")) : null;
        List<String> packs = new ArrayList<>();
        if (n.has("factor_packs")) {
            for (JsonNode p : n.get("factor_packs")) {
                packs.add(p.isString() ? p.stringValue() : Json.compact(p.get("inline")));
            }
        }
        String settings = n.has("settings") ? Json.compact(n.get("settings")) : "{}";
        String assets = n.has("assets") ? Json.compact(n.get("assets")) : null;
        List<OverrideEntry> overrides = new ArrayList<>();
        if (n.has("overrides")) {
            for (JsonNode o : n.get("overrides")) {
                overrides.add(new OverrideEntry(o.get("scope").stringValue(), o.get("scope_id").stringValue(),
                        o.get("factor").stringValue(), o.get("approved_by").stringValue(),
                        o.get("approved_on").stringValue(), o.get("reason").stringValue()));
            }
        }
        BigDecimal tolerance = n.has("tolerance_rel") ? new BigDecimal(n.get("tolerance_rel").stringValue()) : null;
        return new TestVector(n.get("name").stringValue(), n.get("category").stringValue(),
                n.get("description").stringValue(), n.get("expected_from").stringValue(), kind, input, lines, packs,
                settings,
                assets, overrides, expected(n.get("expected")), tolerance, reports, scenario);
    }

    private static Expected expected(JsonNode e) {
        Map<String, Map<String, String>> facilities = new LinkedHashMap<>();
        if (e.has("facilities")) {
            for (String f : e.get("facilities").propertyNames()) {
                facilities.put(f, metrics(e.get("facilities").get(f)));
            }
        }
        List<Group> groups = new ArrayList<>();
        if (e.has("groups")) {
            for (JsonNode g : e.get("groups")) {
                groups.add(new Group(g.has("facility_id") ? g.get("facility_id").stringValue() : null,
                        g.has("key") ? metrics(g.get("key")) : null, textOrNull(g.get("period_start")),
                        textOrNull(g.get("period_end")), metrics(g.get("metrics"))));
            }
        }
        List<ExpectedProblem> problems = null;
        if (e.has("problems")) {
            problems = new ArrayList<>();
            for (JsonNode p : e.get("problems")) {
                problems.add(new ExpectedProblem(p.get("record").longValue(), p.get("code").stringValue(),
                        p.get("pointer").stringValue(), p.has("severity") ? p.get("severity").stringValue() : "error"));
            }
        }
        Dataset dataset = null;
        if (e.has("dataset")) {
            JsonNode d = e.get("dataset");
            List<String> conflicts = null;
            if (d.has("conflicts")) {
                conflicts = new ArrayList<>();
                for (JsonNode c : d.get("conflicts")) {
                    conflicts.add(c.stringValue());
                }
            }
            dataset = new Dataset(d.has("records") ? d.get("records").longValue() : null,
                    d.has("duplicates") ? d.get("duplicates").longValue() : null, conflicts,
                    d.has("digest") ? d.get("digest").stringValue() : null);
        }
        ExpectedError error = e.has("error") ? new ExpectedError(e.get("error").get("code").stringValue(),
                e.get("error").get("pointer").stringValue()) : null;
        Map<String, List<String>> factors = new LinkedHashMap<>();
        if (e.has("factors")) {
            for (String id : e.get("factors").propertyNames()) {
                List<String> refs = new ArrayList<>();
                for (JsonNode r : e.get("factors").get(id)) {
                    refs.add(r.stringValue());
                }
                factors.put(id, refs);
            }
        }
        Map<String, Long> flags = null;
        if (e.has("flags")) {
            flags = new TreeMap<>();
            for (String id : e.get("flags").propertyNames()) {
                flags.put(id, e.get("flags").get(id).longValue());
            }
        }
        return new Expected(e.has("metrics") ? metrics(e.get("metrics")) : Map.of(), facilities, groups,
                e.has("group_count") ? e.get("group_count").intValue() : null, problems,
                e.has("rejected") ? e.get("rejected").longValue() : null, dataset, error, factors, flags,
                compactOrNull(e.get("alerts")), compactOrNull(e.get("simulation")), compactOrNull(e.get("validation")));
    }

    private static String compactOrNull(JsonNode n) {
        return n == null ? null : Json.compact(n);
    }

    private static Map<String, String> metrics(JsonNode m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : m.propertyNames()) {
            out.put(id, textOrNull(m.get(id)));
        }
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.stringValue();
    }
}
