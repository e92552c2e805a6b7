package org.ecocalc.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.ReportValues;
import org.junit.jupiter.api.Test;

/**
 * The laws of the simulator over random baselines and scenarios (seeded): a scenario without
 * changes reproduces the baseline exactly; with no growth every year equals year 0; every
 * extensive projection is non-decreasing in workload growth; a PUE target never gives a PUE
 * below 1, and a target below 1 is refused.
 */
class SimulatorPropertyTest {
    private static final long SEED = 7_354L;

    static BigDecimal dec(Random r, int maxInt, int scale) {
        return BigDecimal.valueOf(1 + (long) r.nextInt(maxInt) * 1000 + r.nextInt(1000), scale);
    }

    static ReportValues baseline(Random r) {
        Map<Metric, String> v = new EnumMap<>(Metric.class);
        BigDecimal it = dec(r, 10_000, 0);
        BigDecimal fac = it.add(it.multiply(BigDecimal.valueOf(r.nextInt(1001), 3))); // PUE 1 to 2
        BigDecimal loc = dec(r, 5_000, 1);
        v.put(Metric.ACTIVITY_ENERGY_IT_KWH, it.toPlainString());
        v.put(Metric.ACTIVITY_ENERGY_FACILITY_KWH, fac.toPlainString());
        v.put(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH, fac.toPlainString());
        v.put(Metric.ACTIVITY_ENERGY_RENEWABLE_PURCHASED_KWH, fac.multiply(BigDecimal.valueOf(r.nextInt(101), 2))
                .toPlainString());
        v.put(Metric.WATER_WITHDRAWAL_L, dec(r, 20_000, 2).toPlainString());
        v.put(Metric.ACTIVITY_GPU_HOURS, dec(r, 9_000, 1).toPlainString());
        v.put(Metric.HARDWARE_UTILIZATION_PCT, BigDecimal.valueOf(1 + r.nextInt(1000), 1).toPlainString());
        v.put(Metric.CARBON_SCOPE1_KGCO2E, dec(r, 100, 2).toPlainString());
        v.put(Metric.CARBON_SCOPE2_LOCATION_KGCO2E, loc.toPlainString());
        v.put(Metric.CARBON_SCOPE2_MARKET_KGCO2E, loc.multiply(BigDecimal.valueOf(r.nextInt(101), 2)).toPlainString());
        v.put(Metric.CARBON_EMBODIED_KGCO2E, dec(r, 300, 1).toPlainString());
        v.put(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, BigDecimal.valueOf(r.nextInt(900), 3).toPlainString());
        return BaselineReports.of(v, "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z");
    }

    static Prices prices() {
        return new Prices(Prices.money(new BigDecimal("0.12"), javax.money.Monetary.getCurrency("EUR")),
                Prices.money(new BigDecimal("85"), javax.money.Monetary.getCurrency("EUR")),
                Prices.money(new BigDecimal("2.5"), javax.money.Monetary.getCurrency("EUR")), "market", true);
    }

    /** A scenario with a random subset of changes (and no growth of its own). */
    static Scenario scenario(Random r, String name) {
        Scenario.Target pue = r.nextBoolean() ? new Scenario.Target(BigDecimal.ONE.add(BigDecimal.valueOf(r.nextInt(800), 3)),
                1 + r.nextInt(5)) : null;
        Scenario.Target wue = r.nextBoolean() ? new Scenario.Target(BigDecimal.valueOf(r.nextInt(3000), 3), 1 + r.nextInt(5))
                : null;
        Scenario.RenewableShare ren = r.nextBoolean() ? new Scenario.RenewableShare(BigDecimal.valueOf(r.nextInt(101)),
                1 + r.nextInt(5)) : null;
        Scenario.GridIntensity grid = r.nextBoolean() ? new Scenario.GridIntensity(
                BigDecimal.valueOf(r.nextInt(30) - 20), r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(500), 3) : null,
                1 + r.nextInt(5)) : null;
        Scenario.LoadShift shift = null;
        if (r.nextBoolean()) {
            List<BigDecimal> tou = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                tou.add(BigDecimal.valueOf(1 + r.nextInt(600), 3));
            }
            shift = new Scenario.LoadShift(BigDecimal.valueOf(r.nextInt(101)), 1 + r.nextInt(24), tou, 1 + r.nextInt(5));
        }
        Scenario.Utilisation util = r.nextBoolean() ? new Scenario.Utilisation(BigDecimal.valueOf(1 + r.nextInt(100)),
                BigDecimal.valueOf(r.nextInt(101)), 1 + r.nextInt(5)) : null;
        Scenario.HardwareRefresh refresh = r.nextBoolean() ? new Scenario.HardwareRefresh(1 + r.nextInt(5),
                BigDecimal.valueOf(r.nextInt(100_000)), 1 + r.nextInt(8), BigDecimal.valueOf(r.nextInt(80) - 60)) : null;
        return new Scenario(name, null, null, pue, wue, ren, grid, shift, util, refresh);
    }

    @Test
    void aScenarioWithoutChangesReproducesTheBaselineExactly() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(longs().all(), integers().between(1, 12), integers().between(-50, 60))
                .checkAssert((seed, years, growth) -> {
                    Random r = new Random(seed);
                    Simulation sim = new Simulation(years, null, r.nextBoolean(), BigDecimal.valueOf(growth, 1), prices(),
                            List.of(Scenario.noChange("same")));
                    SimulationResult res = Simulator.run(baseline(r), sim);
                    Projection same = res.scenario("same");
                    assertThat(same.years()).isEqualTo(res.baseline().years());
                    for (YearValues d : same.deltas()) {
                        assertThat(d.energyFacilityKwh().signum()).isZero();
                        assertThat(d.scope2LocationKgco2e().signum()).isZero();
                        assertThat(Prices.amount(d.costs().total()).signum()).isZero();
                    }
                });
    }

    @Test
    void withoutGrowthEveryYearEqualsYearZero() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(longs().all(), integers().between(1, 12)).checkAssert((seed, years) -> {
            Random r = new Random(seed);
            SimulationResult res = Simulator.run(baseline(r), new Simulation(years, null, true, BigDecimal.ZERO, prices(),
                    List.of(Scenario.noChange("same"))));
            YearValues y0 = res.baseline().year(0);
            for (YearValues y : res.scenario("same").years()) {
                assertThat(new YearValues(0, y.energyItKwh(), y.energyFacilityKwh(), y.energyGridKwh(), y.pue(), y.waterL(),
                        y.wueLPerKwh(), y.gpuHours(), y.scope1Kgco2e(), y.scope2LocationKgco2e(), y.scope2MarketKgco2e(),
                        y.embodiedKgco2e(), y.gridIntensityKgco2ePerKwh(), y.costs())).isEqualTo(y0);
            }
        });
    }

    @Test
    void projectionsAreNonDecreasingInGrowth() {
        List<Function<YearValues, BigDecimal>> extensive = List.of(YearValues::energyItKwh,
                YearValues::energyFacilityKwh, YearValues::energyGridKwh, YearValues::waterL, YearValues::gpuHours,
                YearValues::scope1Kgco2e, YearValues::scope2LocationKgco2e, YearValues::scope2MarketKgco2e,
                YearValues::embodiedKgco2e, y -> Prices.amount(y.costs().total()));
        qt().withFixedSeed(SEED).withExamples(150).forAll(longs().all(), integers().between(-90, 100),
                integers().between(0, 100)).checkAssert((seed, g, more) -> {
                    Random r = new Random(seed);
                    ReportValues base = baseline(r);
                    Scenario s = scenario(r, "s");
                    int years = 1 + r.nextInt(10);
                    Projection low = Simulator.run(base, new Simulation(years, null, true, BigDecimal.ZERO, prices(),
                            List.of(s.withGrowth(BigDecimal.valueOf(g))))).scenario("s");
                    Projection high = Simulator.run(base, new Simulation(years, null, true, BigDecimal.ZERO, prices(),
                            List.of(s.withGrowth(BigDecimal.valueOf(g + more))))).scenario("s");
                    for (int y = 0; y <= years; y++) {
                        for (Function<YearValues, BigDecimal> f : extensive) {
                            assertThat(f.apply(low.year(y))).isLessThanOrEqualTo(f.apply(high.year(y)));
                        }
                    }
                });
    }

    @Test
    void aPueTargetNeverGivesAPueBelowOne() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Scenario s = scenario(r, "s");
            Scenario withPue = new Scenario("s", null, BigDecimal.valueOf(r.nextInt(40) - 20),
                    new Scenario.Target(BigDecimal.ONE.add(BigDecimal.valueOf(r.nextInt(500), 3)), 1 + r.nextInt(6)),
                    s.wueTarget(), s.renewableShare(), s.gridIntensity(), s.loadShift(), s.utilisation(), s.hardwareRefresh());
            Projection p = Simulator.run(baseline(r), new Simulation(8, null, true, BigDecimal.ZERO, null,
                    List.of(withPue))).scenario("s");
            for (YearValues y : p.years()) {
                assertThat(y.pue()).isGreaterThanOrEqualTo(BigDecimal.ONE);
                // PUE is E_fac / E_IT, the same number.
                assertThat(y.energyFacilityKwh()).isGreaterThanOrEqualTo(y.energyItKwh());
            }
            assertThat(p.year(8).pue()).isEqualByComparingTo(withPue.pueTarget().value());
        });
        // A target is any non-negative value (a WUE may be below 1); the scenario refuses it as a PUE target.
        assertThatCode(() -> new Scenario.Target(new BigDecimal("0.999"), 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Scenario("x", null, null, new Scenario.Target(new BigDecimal("0.999"), 1), null, null,
                null, null, null, null)).isInstanceOf(EcoCalcException.class).hasMessageContaining("below 1");
    }
}
