package org.ecocalc.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.alert.AlertRule;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.factor.MatchLevel;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.usage.UsageMetric;
import org.ecocalc.core.validate.FindingCode;
import org.ecocalc.core.vectors.TestVector;
import org.ecocalc.core.vectors.VectorResult;
import org.ecocalc.core.vectors.VectorRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every golden vector under {@code vectors/} (one dynamic test each) and checks that the set
 * covers what docs/test-vectors.md promises: at least 60 vectors, every metric id of the registry
 * and of the usage registry ({@link UsageMetric}), every class of bad telemetry, bad usage events and
 * bad settings, every factor-selection level, every GWP set and horizon, the seed's benchmark
 * check, every alert rule and every validation finding code, and the simulator's no-change law; and
 * that one wrong expected value in an alert, scenario or report-validation vector is a failure.
 */
class GoldenVectorsTest {
    static final Path VECTORS = Path.of("vectors");
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static List<Path> files() {
        return VectorRunner.vectorFiles(VECTORS);
    }

    static List<TestVector> vectors() throws IOException {
        List<TestVector> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(TestVector.parse(Files.readString(p, StandardCharsets.UTF_8)));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyVectorPasses() {
        return files().stream().map(p -> DynamicTest.dynamicTest(VECTORS.relativize(p).toString(), p.toUri(), () -> {
            VectorResult r = VectorRunner.standard().runFile(p);
            assertThat(r.failures()).as(r.name()).isEmpty();
        }));
    }

    @Test
    void thereAreAtLeastSixtyAndEveryOneSaysWhereItsNumbersComeFrom() throws IOException {
        List<TestVector> all = vectors();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        TreeMap<String, Integer> byCategory = new TreeMap<>();
        for (TestVector v : all) {
            byCategory.merge(v.category(), 1, Integer::sum);
            assertThat(v.expectedFrom()).isIn("hand", "source", "golden");
            boolean numbers = !v.expected().metrics().isEmpty() || !v.expected().facilities().isEmpty()
                    || !v.expected().groups().isEmpty() || v.expected().alerts() != null
                    || v.expected().simulation() != null || v.expected().validation() != null;
            if (v.expectedFrom().equals("hand") && numbers) {
                assertThat(v.description()).as(v.name()).containsAnyOf("By hand", "by hand");
            }
        }
        assertThat(byCategory).containsKeys("metric", "not_computable", "bad_input", "bad_settings", "settings",
                "repeats", "period_split", "digest", "factor_selection", "scope2", "gwp", "benchmark", "usage", "alert",
                "scenario", "report_validation");
        // The usage category holds usage events only.
        assertThat(all).filteredOn(v -> v.category().equals("usage"))
                .allSatisfy(v -> assertThat(v.inputKind()).as(v.name()).isEqualTo(TestVector.InputKind.USAGE_EVENT));
        // Alerts, scenarios and report validation: at least four vectors each, in the folder named after their kind.
        for (TestVector.InputKind kind : OPERATIONS) {
            assertThat(byCategory.get(kind.id())).as(kind.id()).isGreaterThanOrEqualTo(4);
        }
        assertThat(all).filteredOn(v -> OPERATIONS.contains(v.inputKind()) || OPERATIONS.stream()
                .anyMatch(k -> k.id().equals(v.category())))
                .allSatisfy(v -> assertThat(v.category()).as(v.name()).isEqualTo(v.inputKind().id()));
    }

    static final Set<TestVector.InputKind> OPERATIONS = EnumSet.of(TestVector.InputKind.ALERT,
            TestVector.InputKind.SCENARIO, TestVector.InputKind.REPORT_VALIDATION);

    @Test
    void everyAlertRuleAndEveryFindingCodeHasAVector() throws IOException {
        Set<String> rules = new TreeSet<>();
        Set<String> findings = new TreeSet<>();
        for (TestVector v : vectors()) {
            if (v.expected().alerts() != null) {
                MAPPER.readTree(v.expected().alerts()).forEach(a -> rules.add(a.get("rule").stringValue()));
            }
            if (v.expected().validation() != null) {
                MAPPER.readTree(v.expected().validation()).get("findings")
                        .forEach(f -> findings.add(f.get("code").stringValue()));
            }
        }
        for (AlertRule r : AlertRule.values()) {
            assertThat(rules).as("an alert vector raising " + r.id()).contains(r.id());
        }
        for (FindingCode c : FindingCode.values()) {
            assertThat(findings).as("a report-validation vector finding " + c.id()).contains(c.id());
        }
        // "No alert" is asserted too (N - 1 breaches, a gap, a value equal to its threshold).
        assertThat(vectors()).anyMatch(v -> "[]".equals(v.expected().alerts()));
    }

    @Test
    void aScenarioWithNoChangeReproducesTheBaselineExactly() throws IOException {
        // The simulator's law (docs/simulator.md), stated by a vector: the scenario's years are the baseline's and every
        // delta is zero.
        TestVector v = vectors().stream().filter(x -> x.name().equals("scenario-no-change-reproduces-baseline"))
                .findFirst().orElseThrow();
        JsonNode sim = MAPPER.readTree(v.expected().simulation());
        JsonNode scenario = sim.get("scenarios").get(0);
        assertThat(scenario.get("years")).isEqualTo(sim.get("baseline").get("years"));
        List<String> deltas = new ArrayList<>();
        decimals(scenario.get("deltas"), deltas);
        assertThat(deltas).hasSizeGreaterThan(3 * 12).allMatch(d -> d.equals("0"));
        assertThat(VectorRunner.standard().run(v).failures()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> aWrongExpectedValueOfAnAlertScenarioOrValidationVectorFails() throws IOException {
        // The runner really compares: one wrong value in each vector of the new kinds is one failure.
        List<DynamicTest> out = new ArrayList<>();
        for (Path p : files()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            TestVector original = TestVector.parse(text);
            if (!OPERATIONS.contains(original.inputKind()) || original.expected().error() != null) {
                continue;
            }
            out.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                ObjectNode wrong = (ObjectNode) MAPPER.readTree(text);
                ObjectNode expected = (ObjectNode) wrong.get("expected");
                String member;
                if (expected.has("alerts")) {
                    ArrayNode alerts = (ArrayNode) expected.get("alerts");
                    if (alerts.isEmpty()) {
                        alerts.addObject().put("rule", "pue_max").put("severity", "warning").put("metric", "efficiency.pue")
                                .put("observed", "2").put("threshold", "1.5").put("facility_id", "dc-1")
                                .putObject("interval").put("start", "2026-06-01T00:00:00Z").put("end", "2026-06-02T00:00:00Z");
                        member = "alerts: expected 1, got 0";
                    } else {
                        ObjectNode a = (ObjectNode) alerts.get(0);
                        a.put("observed", new BigDecimal(a.get("observed").stringValue()).add(BigDecimal.ONE).toPlainString());
                        member = "alert 0 /observed";
                    }
                } else if (expected.has("simulation")) {
                    member = "simulation " + bumpFirstDecimal(expected.get("simulation"), "");
                } else {
                    ObjectNode validation = (ObjectNode) expected.get("validation");
                    validation.put("valid", !validation.get("valid").booleanValue());
                    member = "validation /valid";
                }
                List<String> failures = VectorRunner.standard().run(TestVector.parse(MAPPER.writeValueAsString(wrong)))
                        .failures();
                assertThat(failures).as(original.name()).singleElement().asString().startsWith(member);
            }));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(12);
        return out.stream();
    }

    /** Adds 1 to the first decimal string of a scenario's years (depth first); returns its pointer. */
    private static String bumpFirstDecimal(JsonNode n, String at) {
        if (n.isObject()) {
            for (String name : n.propertyNames()) {
                JsonNode v = n.get(name);
                if (v.isString() && !name.equals("currency") && v.stringValue().matches("-?[0-9]+(\\.[0-9]+)?")
                        && at.contains("/years/")) {
                    ((ObjectNode) n).put(name, new BigDecimal(v.stringValue()).add(BigDecimal.ONE).toPlainString());
                    return at + "/" + name;
                }
                String found = bumpFirstDecimal(v, at + "/" + name);
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String found = bumpFirstDecimal(n.get(i), at + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void decimals(JsonNode n, List<String> out) {
        if (n.isString() && !n.stringValue().matches("[A-Z]{3}")) {
            out.add(n.stringValue());
        }
        if (n.isContainer()) {
            for (JsonNode c : n) {
                decimals(c, out);
            }
        }
    }

    @Test
    void everyMetricIdOfTheRegistryHasAVector() throws IOException {
        Set<String> covered = new HashSet<>();
        for (TestVector v : vectors()) {
            covered.addAll(v.expected().metrics().keySet());
            v.expected().facilities().values().forEach(m -> covered.addAll(m.keySet()));
            v.expected().groups().forEach(g -> covered.addAll(g.metrics().keySet()));
        }
        // Every metric of the registry must have a vector, so a new metric without one fails here.
        List<String> missing = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (!covered.contains(m.id())) {
                missing.add(m.id());
            }
        }
        assertThat(missing).as("metric ids without a vector (add one under test-vectors/vectors)").isEmpty();
        // Each metric also has its own vector, named after it.
        Set<String> names = names();
        for (Metric m : Metric.values()) {
            assertThat(names).as("a vector named " + m.id()).contains(m.id());
        }
    }

    @Test
    void everyUsageMetricIdHasAVector() throws IOException {
        // Every usage metric id, central and (for an impact) its _low and _high ends, is expected by some usage
        // vector, and each central id has a vector named after it, like the telemetry registry above.
        Set<String> covered = new HashSet<>();
        for (TestVector v : vectors()) {
            if (v.inputKind() == TestVector.InputKind.USAGE_EVENT) {
                v.expected().metrics().forEach((id, value) -> {
                    if (value != null) {
                        covered.add(id);
                    }
                });
                v.expected().groups().forEach(g -> covered.addAll(g.metrics().keySet()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (UsageMetric m : UsageMetric.values()) {
            for (String id : new TreeSet<>(List.of(m.lowId(), m.id(), m.highId()))) {
                if (!covered.contains(id)) {
                    missing.add(id);
                }
            }
        }
        assertThat(missing).as("usage metric ids without a value in a vector (add one under test-vectors/vectors)")
                .isEmpty();
        Set<String> names = names();
        for (UsageMetric m : UsageMetric.values()) {
            assertThat(names).as("a vector named " + m.id()).contains(m.id());
        }
    }

    static Set<String> names() throws IOException {
        Set<String> names = new HashSet<>();
        for (TestVector v : vectors()) {
            names.add(v.name());
        }
        return names;
    }

    @Test
    void everyFactorSelectionLevelAndGwpSetHasAVector() throws IOException {
        Set<String> names = names();
        for (MatchLevel level : MatchLevel.values()) {
            assertThat(names).as("a vector for selection level " + level.id()).contains("factor-selection-" + level.id());
        }
        for (GwpSet set : GwpSet.values()) {
            for (GwpHorizon h : GwpHorizon.values()) {
                String name = "gwp-" + set.name().toLowerCase(Locale.ROOT) + "-" + h.years();
                assertThat(names).as("a vector for " + set + " " + h.years() + "-year").contains(name);
            }
        }
    }

    @Test
    void theBenchmarkCheckIsThere() throws IOException {
        // The seed's check: carbon within ±0.5 % of hand-computed values, a factor version on every lineage, a
        // duplicate payload refused (an exact repeat counts once, a conflicting one is refused and named).
        List<TestVector> bench = vectors().stream().filter(v -> v.category().equals("benchmark")).toList();
        assertThat(bench).isNotEmpty().allSatisfy(v -> {
            assertThat(v.toleranceRel()).as(v.name()).isEqualByComparingTo("0.005");
            assertThat(v.expected().metrics().keySet()).as(v.name()).anyMatch(id -> id.startsWith("carbon."));
        });
        assertThat(bench).filteredOn(v -> !v.expected().factors().isEmpty()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(v -> v.expected().factors().values().forEach(refs -> assertThat(refs)
                        .allMatch(r -> r.matches("^[^@]+@[0-9][^:@]*(:[^@]+@[1-9][0-9]*)?$"), "pack and factor versions")));
        assertThat(bench).as("an exact repeat counted once").anyMatch(v -> v.expected().dataset() != null
                && v.expected().dataset().duplicates() != null && v.expected().dataset().duplicates() > 0);
        assertThat(bench).as("a conflicting repeat refused and named").anyMatch(v -> v.expected().dataset() != null
                && v.expected().dataset().conflicts() != null && !v.expected().dataset().conflicts().isEmpty());
    }

    @Test
    void everyClassOfBadInputHasAVector() throws IOException {
        Set<String> codes = new HashSet<>();
        for (TestVector v : vectors()) {
            if (v.expected().problems() != null) {
                v.expected().problems().forEach(p -> codes.add(p.code()));
            }
            if (v.expected().error() != null) {
                codes.add(v.expected().error().code());
            }
        }
        // Every code a telemetry record, a usage event, a data set, the settings, the packs, the overrides or the asset
        // registry of a run can raise. (schema_violation is left out: the reader's own checks are at least as strict as
        // the schema, so no known input reaches it.)
        EnumSet<ErrorCode> inputCodes = EnumSet.of(ErrorCode.MALFORMED_JSON, ErrorCode.MISSING_IDENTITY,
                ErrorCode.MISSING_FIELD, ErrorCode.UNKNOWN_FIELD, ErrorCode.WRONG_TYPE, ErrorCode.NOT_NUMERIC,
                ErrorCode.NEGATIVE_VALUE, ErrorCode.VALUE_OUT_OF_RANGE, ErrorCode.UNKNOWN_UNIT,
                ErrorCode.UNIT_DIMENSION_MISMATCH, ErrorCode.INVALID_TIMESTAMP, ErrorCode.TIMESTAMP_WITHOUT_OFFSET,
                ErrorCode.INTERVAL_NOT_POSITIVE, ErrorCode.IT_EXCEEDS_FACILITY, ErrorCode.COOLING_EXCEEDS_FACILITY,
                ErrorCode.DUPLICATE_RECORD, ErrorCode.CONFLICTING_DUPLICATE, ErrorCode.OUTSIDE_REPORTING_RANGE,
                ErrorCode.INVALID_SETTINGS, ErrorCode.FACTOR_PACK_UNAVAILABLE, ErrorCode.INVALID_ASSET,
                ErrorCode.UNKNOWN_FACTOR, ErrorCode.CONTENT_ATTRIBUTE, ErrorCode.INVALID_SCENARIO,
                ErrorCode.CURRENCY_MISMATCH);
        List<String> missing = new ArrayList<>();
        for (ErrorCode c : inputCodes) {
            if (!codes.contains(c.id())) {
                missing.add(c.id());
            }
        }
        assertThat(missing).as("error codes without a vector").isEmpty();
    }

    @Test
    void namesAreUniqueAndMatchTheirFiles() {
        Set<String> seen = new HashSet<>();
        for (Path p : files()) {
            assertThat(seen.add(p.getFileName().toString())).as("duplicate " + p).isTrue();
        }
    }
}
