package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorOverride;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.factor.OverrideScope;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs the usage vectors of {@code test-vectors/vectors/usage} (written, with their expected values, by
 * {@code examples/data/usage_generate.py}, an independent decimal computation of the documented
 * formulas; each vector's description gives the arithmetic). A minimal runner until the
 * {@code test-vectors} module's runner reads them: exact equality of normalised decimals.
 */
class UsageVectorsTest {
    static final Path DIR = Path.of("..", "test-vectors", "vectors", "usage");

    static Stream<Path> vectors() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Path file) throws IOException {
        JsonNode v = Json.MAPPER.readTree(Files.readString(file));
        assertThat(v.get("kind").stringValue()).isEqualTo("usage");
        List<FactorPack> packs = new ArrayList<>();
        for (JsonNode ref : v.get("factor_packs")) {
            String[] idv = ref.stringValue().split("@");
            packs.add(ShippedPacks.LIBRARY.pack(idv[0], idv[1]).orElseThrow());
        }
        if (v.has("inline_factor_packs")) {
            for (JsonNode p : v.get("inline_factor_packs")) {
                packs.add(FactorPacks.parse(Json.compact(p), file.getFileName() + " inline pack"));
            }
        }
        FactorLibrary library = FactorLibrary.of(packs);
        List<FactorOverride> overrides = new ArrayList<>();
        if (v.has("overrides")) {
            for (JsonNode o : v.get("overrides")) {
                String ref = o.get("factor").stringValue();
                Factor f = library.factors().stream().filter(x -> x.reference().equals(ref)).findFirst().orElseThrow();
                overrides.add(FactorOverride.of(OverrideScope.valueOf(o.get("scope").stringValue().toUpperCase(
                        java.util.Locale.ROOT)), o.get("scope_id").stringValue(), f, o.get("approved_by").stringValue(),
                        LocalDate.parse(o.get("approved_on").stringValue()), o.get("reason").stringValue()));
            }
        }
        JsonNode settings = v.get("settings");
        MethodSettings ms = MethodSettings.builder().gwp(GwpSet.fromId(settings.get("gwp_set").stringValue()),
                GwpHorizon.ofYears(settings.get("gwp_horizon").intValue())).build();
        UsageCalculator calc = UsageCalculator.of(CarbonContext.builder(library).overrides(overrides).build(), ms);
        List<String> groupBy = new ArrayList<>();
        settings.get("group_by").forEach(n -> groupBy.add(n.stringValue()));
        UsageGrouping grouping = UsageGrouping.parse(String.join(",", groupBy),
                ReportingPeriod.of(PeriodUnit.ALL).withOffset(ZoneOffset.of(settings.get("offset").stringValue())));

        UsageBatch batch = UsageReader.standard().readAll(new ByteArrayInputStream(
                Json.compact(v.get("input")).getBytes(StandardCharsets.UTF_8)), file.getFileName().toString(),
                TelemetryReader.Format.JSON);
        List<String> errors = new ArrayList<>();
        for (RecordProblem p : batch.problems()) {
            errors.add(p.location().index() + " " + p.code().id() + " " + p.problem().pointer());
        }
        List<String> expectedErrors = new ArrayList<>();
        if (v.has("expected_errors")) {
            for (JsonNode e : v.get("expected_errors")) {
                expectedErrors.add(e.get("index").intValue() + " " + e.get("code").stringValue() + " "
                        + e.get("pointer").stringValue());
            }
        }
        assertThat(errors).as("problems").containsAll(expectedErrors);
        if (expectedErrors.isEmpty()) {
            assertThat(errors).as("problems").isEmpty();
        }

        UsageAccumulator acc = UsageAccumulator.of(grouping);
        batch.events().forEach(e -> acc.add(calc.impact(e)));
        UsageGroup total = acc.total();
        for (Map.Entry<String, JsonNode> e : v.get("expected").properties()) {
            assertThat(total.metrics()).as(e.getKey()).containsKey(e.getKey());
            assertThat(total.metrics().get(e.getKey())).as(e.getKey())
                    .isEqualByComparingTo(new BigDecimal(e.getValue().stringValue()));
        }
        TreeSet<String> nc = new TreeSet<>();
        if (v.has("expected_not_computable")) {
            v.get("expected_not_computable").forEach(n -> nc.add(n.stringValue()));
        }
        assertThat(total.notComputable().keySet()).as("not computable").containsExactlyElementsOf(nc);
        if (v.has("expected_flags")) {
            TreeSet<String> flags = new TreeSet<>();
            total.flags().keySet().forEach(f -> flags.add(f.id()));
            TreeSet<String> want = new TreeSet<>();
            v.get("expected_flags").forEach(n -> want.add(n.stringValue()));
            assertThat(flags).as("flags").containsExactlyElementsOf(want);
        }
        if (v.has("expected_groups")) {
            List<UsageGroup> groups = acc.groups();
            assertThat(groups).hasSize(v.get("expected_groups").size());
            int i = 0;
            for (JsonNode g : v.get("expected_groups")) {
                UsageGroup actual = groups.get(i++);
                for (Map.Entry<String, JsonNode> k : g.get("key").properties()) {
                    assertThat(actual.key().get(UsageDimension.fromId(k.getKey()))).isEqualTo(k.getValue().stringValue());
                }
                assertThat(actual.periodStart()).hasToString(g.get("period_start").stringValue());
                assertThat(actual.periodEnd()).hasToString(g.get("period_end").stringValue());
                for (Map.Entry<String, JsonNode> m : g.get("metrics").properties()) {
                    assertThat(actual.metrics().get(m.getKey())).as(m.getKey())
                            .isEqualByComparingTo(new BigDecimal(m.getValue().stringValue()));
                }
            }
        }
    }
}
