package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorOverride;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.OverrideScope;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of the usage model and accumulator, over random events (many models, providers, places,
 * token counts, GPU jobs with and without measured energy, events over three days). Seeded, so a
 * failure reproduces.
 */
class UsagePropertyTest {
    private static final long SEED = 707070L;
    private static final Instant BASE = Instant.parse("2024-11-11T00:00:00Z");
    private static final String[][] MODELS = {
        {"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"openai", "gpt-4.1"}, {"anthropic", "claude-sonnet-4-0"},
        {"anthropic", "claude-opus-4-1"}, {"mistralai", "mistral-large-latest"}, {"mistralai", "mistral-medium-latest"},
        {"google_genai", "gemini-2.5-pro"}, {"huggingface_hub", "meta-llama/Meta-Llama-3.1-70B-Instruct"},
        {"openai", "an-unknown-model"}, {"selfhost", "another-unknown"},
    };
    private static final String[] COUNTRIES = {null, "US", "SE", "DE", "FR", "JP"};
    private static final String[] ACCELERATORS = {"nvidia-h100-sxm", "nvidia-a100-sxm", "nvidia-h100-pcie"};
    /** An organisation's per-request overhead of 0.05 Wh (test value), by approved override. */
    private static final FactorPack OVERHEAD = FactorPacks.parse(FactorPacks.seal("""
            {"format": "ecocalc.factor-pack.v1", "pack_id": "test-overhead", "version": "1.0.0",
             "title": "Per-request overhead (test)", "publisher": "test",
             "licence": {"id": "CC0-1.0", "name": "CC0"}, "citation_only": false,
             "sources": [{"source_id": "t", "citation": "Test value.", "url": "https://example.org/t"}],
             "factors": [{"factor_id": "t.overhead", "version": 1, "effective_date": "2024-01-01",
              "scope": "none", "category": "ai_inference", "activity_type": "llm_request_energy_overhead",
              "region": {"level": "facility", "code": "test-only"}, "value": "0.05", "unit": "Wh/unit",
              "source_ref": "t", "source_dataset": "test", "source_table": "t", "source_edition": "1",
              "source_year": 2024, "source_url": "https://example.org/t", "confidence": "high"}]}
            """), "test-overhead");
    private static final UsageCalculator CALC = UsageCalculator.of(CarbonContext.builder(
            ShippedPacks.LIBRARY.with(OVERHEAD)).overrides(List.of(FactorOverride.of(OverrideScope.ORGANISATION, "acme",
            OVERHEAD.factors().get(0), "test", LocalDate.of(2024, 1, 1), "test"))).build());
    private static final UsageGrouping BY_MODEL_DAY = UsageGrouping.of(ReportingPeriod.of(PeriodUnit.DAY),
            UsageDimension.MODEL, UsageDimension.TEAM);
    private static final UsageGrouping BY_REGION_MONTH = UsageGrouping.of(
            ReportingPeriod.of(PeriodUnit.MONTH).withOffset(ZoneOffset.ofHours(-5)), UsageDimension.REGION,
            UsageDimension.PROVIDER);

    static UsageEvent event(Random rnd, int i, long tokensOut) {
        Instant t = BASE.plusSeconds(rnd.nextInt(3 * 86_400));
        String country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
        String team = rnd.nextBoolean() ? null : "team-" + rnd.nextInt(3);
        if (rnd.nextInt(5) == 0) {
            UsageEvent.Builder b = UsageEvent.gpuJob("s", "j-" + i).accelerator(ACCELERATORS[rnd.nextInt(3)])
                    .gpuSeconds(BigDecimal.valueOf(1 + rnd.nextInt(100_000), rnd.nextInt(3))).startedAt(t)
                    .country(country).teamId(team);
            if (rnd.nextBoolean()) {
                b.measuredEnergy(Quantity.of(BigDecimal.valueOf(rnd.nextInt(100_000), 3), Unit.KWH));
            }
            return b.build();
        }
        String[] m = MODELS[rnd.nextInt(MODELS.length)];
        return UsageEvent.llmCall("s", "c-" + i).provider(m[0]).model(m[1]).tokensIn(rnd.nextInt(20_000))
                .tokensOut(tokensOut).startedAt(t).country(country).teamId(team)
                .organizationId(rnd.nextBoolean() ? "acme" : "other").build();
    }

    static Gen<List<UsageEvent>> datasets() {
        return longs().all().zip(integers().between(1, 40), (seed, n) -> {
            Random rnd = new Random(seed);
            List<UsageEvent> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(event(rnd, i, rnd.nextInt(4000)));
            }
            return out;
        });
    }

    @Test
    void lowIsNeverAboveCentralNorCentralAboveHigh() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            UsageImpact i = CALC.impact(event(rnd, 0, rnd.nextInt(100_000)));
            for (ImpactPart p : ImpactPart.values()) {
                Estimate e = i.estimate(p);
                if (e != null) {
                    assertThat(e.low()).isLessThanOrEqualTo(e.central());
                    assertThat(e.central()).isLessThanOrEqualTo(e.high());
                    assertThat(e.low().signum()).isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(i.reason(p)).isNotBlank();
                }
            }
        });
    }

    @Test
    void energyScalesLinearlyWithOutputTokensAtAFixedOverhead() {
        // E(t) = (t × e_token + O) × PUE, so E(k·t) − O·PUE = k × (E(t) − O·PUE), exactly, at every bound;
        // O = 0.05 Wh = 0.00005 kWh for organisation acme (override), 0 otherwise.
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all(), integers().between(1, 50))
                .checkAssert((seed, k) -> {
                    Random rnd = new Random(seed);
                    long tokens = 1 + rnd.nextInt(5000);
                    UsageEvent one = event(new Random(seed), 0, tokens);
                    if (one.kind() != UsageKind.LLM_CALL) {
                        return;
                    }
                    UsageEvent many = event(new Random(seed), 0, tokens * k);
                    UsageImpact a = CALC.impact(one);
                    UsageImpact b = CALC.impact(many);
                    if (a.energyKwh() == null) {
                        return;
                    }
                    boolean acme = "acme".equals(one.organizationId());
                    for (int bound = 0; bound < 3; bound++) {
                        BigDecimal pue = pueAt(a, bound);
                        BigDecimal fixed = acme ? new BigDecimal("0.00005").multiply(pue) : BigDecimal.ZERO;
                        BigDecimal ea = a.energyKwh().at(bound).subtract(fixed);
                        BigDecimal eb = b.energyKwh().at(bound).subtract(fixed);
                        assertThat(eb).isEqualByComparingTo(ea.multiply(BigDecimal.valueOf(k)));
                        BigDecimal ma = a.estimate(ImpactPart.CARBON_EMBODIED).at(bound);
                        assertThat(b.estimate(ImpactPart.CARBON_EMBODIED).at(bound))
                                .isEqualByComparingTo(ma.multiply(BigDecimal.valueOf(k)));
                    }
                });
    }

    private static BigDecimal pueAt(UsageImpact i, int bound) {
        for (ParameterUse p : i.parameters()) {
            if (p.role().equals("pue")) {
                String v = bound == 0 ? p.valueLow() : bound == 1 ? p.use().value() : p.valueHigh();
                return new BigDecimal(v);
            }
        }
        throw new AssertionError("no PUE in " + i);
    }

    @Test
    void groupsDoNotDependOnOrderOrOnHowTheEventsWereSplitAndMerged() {
        qt().withFixedSeed(SEED).withExamples(25).forAll(datasets(), longs().all()).checkAssert((events, s) -> {
            List<UsageImpact> impacts = new ArrayList<>();
            events.forEach(e -> impacts.add(CALC.impact(e)));
            for (UsageGrouping g : List.of(BY_MODEL_DAY, BY_REGION_MONTH, UsageGrouping.TOTAL)) {
                String expected = render(accumulate(impacts, g));
                Random rnd = new Random(s);
                List<UsageImpact> shuffled = new ArrayList<>(impacts);
                Collections.shuffle(shuffled, rnd);
                int parts = 1 + rnd.nextInt(5);
                List<UsageAccumulator> accs = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    accs.add(UsageAccumulator.of(g));
                }
                for (UsageImpact i : shuffled) {
                    accs.get(rnd.nextInt(parts)).add(i);
                }
                Collections.shuffle(accs, rnd);
                UsageAccumulator merged = UsageAccumulator.of(g);
                accs.forEach(merged::merge);
                assertThat(render(merged)).isEqualTo(expected);
            }
        });
    }

    @Test
    void theTotalIsTheSumOfTheGroups() {
        qt().withFixedSeed(SEED).withExamples(25).forAll(datasets()).checkAssert(events -> {
            UsageAccumulator acc = UsageAccumulator.of(BY_MODEL_DAY);
            events.forEach(e -> acc.add(CALC.impact(e)));
            for (ImpactPart p : ImpactPart.values()) {
                Estimate total = acc.total().estimate(p);
                if (total == null) {
                    continue;
                }
                Estimate sum = Estimate.ZERO;
                for (UsageGroup g : acc.groups()) {
                    sum = sum.plus(g.estimate(p));
                }
                assertThat(sum).isEqualTo(total);
            }
            assertThat(acc.groups().stream().mapToLong(UsageGroup::events).sum()).isEqualTo(events.size());
        });
    }

    static UsageAccumulator accumulate(List<UsageImpact> impacts, UsageGrouping g) {
        UsageAccumulator acc = UsageAccumulator.of(g);
        impacts.forEach(acc::add);
        return acc;
    }

    static String render(UsageAccumulator acc) {
        StringBuilder b = new StringBuilder();
        for (UsageGroup g : acc.groups()) {
            b.append(Json.compact(UsageReportJson.group(g, true))).append('\n');
        }
        b.append(Json.compact(UsageReportJson.group(acc.total(), false)));
        return b.toString();
    }
}
