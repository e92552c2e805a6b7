package org.ecocalc.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelector;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.factor.UnknownFactorException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Factor selection with a library of {@code factors} grid factors: one pack of grid-zone, country
 * and region factors for CO2, CH4, N2O and CO2e, each zone in two editions (2023 and 2024, so the
 * date rule and the tie-break run), plus a global fallback. Queries: 1,024 seeded random places and
 * days, cycled. {@code selector}: {@link FactorSelector#select} itself, with its full rule trace;
 * {@code memoised}: {@link CarbonContext#select}, as the engine calls it (the same query twice
 * costs a hash lookup). Score: ns per selection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SelectionBenchmark {
    /** The number of factors in the library (about). */
    @Param({"1000", "10000", "100000"})
    public int factors;

    private FactorSelector selector;
    private CarbonContext context;
    private FactorQuery[] queries;
    private int next;

    @Setup
    public void setUp() {
        int zones = Math.max(1, factors / 8); // 2 editions × 4 gases per zone
        String pack = FactorPacks.seal(pack(zones));
        FactorLibrary library = FactorLibrary.of(FactorPacks.parse(pack, "bench-grid"));
        selector = FactorSelector.of(library);
        context = CarbonContext.builder(library).build();
        SplittableRandom r = new SplittableRandom(7);
        queries = new FactorQuery[1024];
        Gas[] gases = {Gas.CO2, Gas.CH4, Gas.N2O, Gas.CO2E};
        for (int i = 0; i < queries.length; i++) {
            int zone = r.nextInt(zones + zones / 10 + 1); // about 10 % of queries name no known zone
            Instant day = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * r.nextInt(366));
            queries[i] = FactorQuery.builder("grid_electricity", gases[r.nextInt(gases.length)])
                    .interval(day, day.plusSeconds(3600)).gridZone(zone(zone)).country(country(zone))
                    .region("R" + (zone % 7)).facility("fac-" + zone).build();
        }
    }

    static String zone(int i) {
        return String.format(Locale.ROOT, "Z%06d", i);
    }

    static String country(int i) {
        return "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26);
    }

    private static final String SOURCE = "\"source_ref\":\"s\",\"source_dataset\":\"synthetic\",\"source_table\":\"-\","
            + "\"source_edition\":\"-\",\"source_year\":2024,\"source_url\":\"https://example.org/synthetic\",";

    /** The pack JSON (without its digest). */
    static String pack(int zones) {
        StringBuilder b = new StringBuilder(400 * zones * 8);
        b.append("{\"format\":\"ecocalc.factor-pack.v1\",\"pack_id\":\"bench-grid\",\"version\":\"1.0.0\",")
                .append("\"title\":\"Synthetic grid factors for benchmarks\",\"publisher\":\"ecocalc benchmarks\",")
                .append("\"licence\":{\"id\":\"CC0-1.0\",\"name\":\"CC0 1.0\",\"url\":\"https://creativecommons.org/publicdomain/zero/1.0/\"},")
                .append("\"citation_only\":false,\"sources\":[{\"source_id\":\"s\",\"citation\":\"synthetic\",\"url\":\"https://example.org/synthetic\"}],\"factors\":[");
        String[] gases = {"co2", "ch4", "n2o", "co2e"};
        boolean first = true;
        for (int z = 0; z < zones; z++) {
            for (int edition = 2023; edition <= 2024; edition++) {
                for (String gas : gases) {
                    String level = z % 3 == 0 ? "grid_zone" : z % 3 == 1 ? "country" : "region";
                    String code = level.equals("grid_zone") ? zone(z) : level.equals("country") ? country(z) : "R" + (z % 7);
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    b.append("{\"factor_id\":\"f").append(z).append('.').append(gas).append('.').append(edition)
                            .append("\",\"version\":1,\"effective_date\":\"").append(edition)
                            .append("-01-01\",\"expiry_date\":\"").append(edition + 1)
                            .append("-01-01\",\"scope\":\"scope2\",\"category\":\"electricity\",")
                            .append("\"activity_type\":\"grid_electricity\",\"region\":{\"level\":\"").append(level)
                            .append("\",\"code\":\"").append(code).append("\"},\"gas\":\"").append(gas)
                            .append("\",\"value\":\"").append(100 + z % 500).append(".5\",\"unit\":\"")
                            .append(gas.equals("co2e") || gas.equals("co2") ? "g/kWh" : "kg/MWh")
                            .append("\",").append(gas.equals("co2e") ? "\"gwp_set\":\"AR6\"," : "")
                            .append(SOURCE).append("\"confidence\":\"medium\"}");
                }
            }
        }
        b.append(",{\"factor_id\":\"world.co2e\",\"version\":1,\"effective_date\":\"2024-01-01\",")
                .append("\"scope\":\"scope2\",\"category\":\"electricity\",\"activity_type\":\"grid_electricity\",")
                .append("\"region\":{\"level\":\"global\",\"code\":\"WORLD\"},\"gas\":\"co2e\",\"value\":\"480\",")
                .append("\"unit\":\"g/kWh\",\"gwp_set\":\"AR6\",").append(SOURCE).append("\"confidence\":\"low\"}");
        b.append("]}");
        return b.toString();
    }

    @Benchmark
    public Object selector() {
        FactorQuery q = queries[next++ & 1023];
        try {
            return selector.select(q);
        } catch (UnknownFactorException e) {
            return e;
        }
    }

    @Benchmark
    public Object memoised() {
        return context.select(queries[next++ & 1023]);
    }

    /** A check of the generated pack: prints the factor count of a library of about {@code args[0]} factors. */
    public static void main(String[] args) {
        int zones = Math.max(1, Integer.parseInt(args.length > 0 ? args[0] : "10000") / 8);
        System.out.println(FactorPacks.parse(FactorPacks.seal(pack(zones)), "bench-grid").factors().size() + " factors");
    }
}
