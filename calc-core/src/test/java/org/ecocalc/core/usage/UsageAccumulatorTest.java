package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.factor.FactorPacks;
import org.junit.jupiter.api.Test;

/** Grouping usage impacts: keys, periods in UTC or a fixed offset, exact sums, and what is not computable. */
class UsageAccumulatorTest {
    static final UsageCalculator CALC = UsageCalculator.of(CarbonContext.builder(ShippedPacks.LIBRARY.with(
            FactorPacks.read(Path.of("..", "examples", "data", "factor-packs", "acme-sites-1.0.0.json")))).build());

    static UsageEvent call(String id, String model, String team, String time, long tokensOut) {
        return UsageEvent.llmCall("gw", id).provider("openai").model(model).tokensIn(100).tokensOut(tokensOut)
                .teamId(team).organizationId("acme").startedAt(Instant.parse(time)).build();
    }

    @Test
    void groupsByModelAndDayWithExactSums() {
        UsageImpact a = CALC.impact(call("1", "gpt-4o", "search", "2024-11-12T08:00:00Z", 350));
        UsageImpact b = CALC.impact(call("2", "gpt-4o", "support", "2024-11-12T23:30:00Z", 500));
        UsageImpact c = CALC.impact(call("3", "gpt-4o-mini", "support", "2024-11-13T00:10:00Z", 180));
        UsageAccumulator acc = UsageAccumulator.of(UsageGrouping.of(ReportingPeriod.of(PeriodUnit.DAY),
                UsageDimension.MODEL)).add(a).add(b).add(c);
        List<UsageGroup> groups = acc.groups();
        assertThat(groups).hasSize(2);
        UsageGroup g = groups.get(0);
        assertThat(g.key()).containsEntry(UsageDimension.MODEL, "gpt-4o");
        assertThat(g.periodStart()).isEqualTo(Instant.parse("2024-11-12T00:00:00Z"));
        assertThat(g.periodEnd()).isEqualTo(Instant.parse("2024-11-13T00:00:00Z"));
        assertThat(g.calls()).isEqualTo(2);
        assertThat(g.tokensOut()).isEqualTo(java.math.BigInteger.valueOf(850));
        // The group is the exact sum of its two events, bound by bound.
        assertThat(g.estimate(ImpactPart.ENERGY)).isEqualTo(a.energyKwh().plus(b.energyKwh()));
        assertThat(g.metrics().get("usage.energy_kwh_low")).isEqualByComparingTo(
                a.energyKwh().low().add(b.energyKwh().low()));
        // Both events used the gpt-4o parameters: one lineage entry counted twice.
        assertThat(g.parameters()).filteredOn(p -> p.role().equals("llm_active_parameters")).singleElement()
                .satisfies(p -> assertThat(p.use().records()).isEqualTo(2));
        assertThat(g.flags()).containsEntry(UsageFlag.PROVIDER_DEFAULT_LOCATION, 2L);
        assertThat(acc.total().events()).isEqualTo(3);
    }

    @Test
    void daysBeginAtTheGivenOffset() {
        // 23:30 UTC on the 12th is 00:30 on the 13th at +01:00; 00:10 UTC on the 13th is 01:10 on the 13th.
        UsageGrouping byDay = UsageGrouping.of(ReportingPeriod.of(PeriodUnit.DAY).withOffset(ZoneOffset.ofHours(1)));
        UsageAccumulator acc = UsageAccumulator.of(byDay)
                .add(CALC.impact(call("2", "gpt-4o", "support", "2024-11-12T23:30:00Z", 500)))
                .add(CALC.impact(call("3", "gpt-4o-mini", "support", "2024-11-13T00:10:00Z", 180)));
        assertThat(acc.groups()).singleElement().satisfies(g -> {
            assertThat(g.periodStart()).isEqualTo(Instant.parse("2024-11-12T23:00:00Z"));
            assertThat(g.events()).isEqualTo(2);
        });
    }

    @Test
    void aGroupWithAnEventThatLacksAPartCannotReportThatPart() {
        // A GPU job without a site or provider WUE has no water: the group's water is not computable (never a
        // partial sum), its energy still is.
        UsageImpact call = CALC.impact(call("1", "gpt-4o", "ml", "2024-11-12T08:00:00Z", 350));
        UsageImpact job = CALC.impact(UsageEvent.gpuJob("sched", "j").accelerator("nvidia-h100-sxm").gpuSeconds("3600")
                .country("US").teamId("ml").startedAt(Instant.parse("2024-11-12T09:00:00Z")).build());
        UsageAccumulator acc = UsageAccumulator.of(UsageGrouping.of(ReportingPeriod.of(PeriodUnit.ALL),
                UsageDimension.TEAM)).add(call).add(job);
        UsageGroup g = acc.groups().get(0);
        assertThat(g.estimate(ImpactPart.WATER)).isNull();
        assertThat(g.reason(ImpactPart.WATER)).contains("no on-site WUE").endsWith("(1 event)");
        assertThat(g.notComputable()).containsOnlyKeys("usage.water_l");
        assertThat(g.estimate(ImpactPart.ENERGY)).isEqualTo(call.energyKwh().plus(job.energyKwh()));
        assertThat(g.metrics()).doesNotContainKey("usage.water_l").containsKey("usage.energy_kwh_high");
        assertThat(g.gpuJobs()).isEqualTo(1);
        assertThat(g.gpuSeconds()).isEqualByComparingTo(new BigDecimal("3600"));
    }

    @Test
    void absentDimensionValuesFormTheirOwnGroupFirst() {
        UsageAccumulator acc = UsageAccumulator.of(UsageGrouping.of(ReportingPeriod.of(PeriodUnit.ALL),
                UsageDimension.USER));
        acc.add(CALC.impact(call("1", "gpt-4o", "ml", "2024-11-12T08:00:00Z", 10)));
        acc.add(CALC.impact(UsageEvent.llmCall("gw", "2").provider("openai").model("gpt-4o").tokensOut(10).userId("u-1")
                .startedAt(Instant.parse("2024-11-12T08:00:00Z")).build()));
        assertThat(acc.groups()).extracting(g -> g.key().get(UsageDimension.USER)).containsExactly(null, "u-1");
    }

    @Test
    void aBoundedPeriodSkipsEventsOutsideIt() {
        UsageGrouping g = UsageGrouping.of(ReportingPeriod.of(PeriodUnit.DAY).within(
                Instant.parse("2024-11-12T00:00:00Z"), Instant.parse("2024-11-13T00:00:00Z")));
        UsageAccumulator acc = UsageAccumulator.of(g)
                .add(CALC.impact(call("1", "gpt-4o", "ml", "2024-11-12T08:00:00Z", 10)))
                .add(CALC.impact(call("2", "gpt-4o", "ml", "2024-11-13T08:00:00Z", 10)));
        assertThat(acc.total().events()).isEqualTo(1);
        assertThat(acc.outsideRange()).isEqualTo(1);
    }

    @Test
    void groupByTextIsParsedStrictly() {
        ReportingPeriod base = ReportingPeriod.of(PeriodUnit.ALL);
        UsageGrouping g = UsageGrouping.parse("model, day", base);
        assertThat(g.dimensions()).containsExactly(UsageDimension.MODEL);
        assertThat(g.period().unit()).isEqualTo(PeriodUnit.DAY);
        assertThat(g.describe()).isEqualTo("model,day");
        assertThat(UsageGrouping.parse("organization,team,user,provider,region,month", base).dimensions()).hasSize(5);
        assertThat(UsageGrouping.parse("", base)).isEqualTo(UsageGrouping.TOTAL);
        assertThatThrownBy(() -> UsageGrouping.parse("model,model", base)).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> UsageGrouping.parse("day,month", base)).hasMessageContaining("at most one period");
        assertThatThrownBy(() -> UsageGrouping.parse("colour", base)).hasMessageContaining("unknown item \"colour\"");
    }

    @Test
    void accumulatorsOfDifferentGroupingsDoNotMerge() {
        assertThatThrownBy(() -> UsageAccumulator.of(UsageGrouping.TOTAL).merge(UsageAccumulator.of(
                UsageGrouping.of(ReportingPeriod.of(PeriodUnit.DAY))))).isInstanceOf(EcoCalcException.class);
    }
}
