package org.ecocalc.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.ecocalc.cli.Main;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunJson;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.RecordProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Spark job against the single-machine calculation, in Spark local mode ({@code local[2]},
 * bound to 127.0.0.1, no UI), the input split into at least 8 partitions. The expected values are
 * never the job's own: they are {@link CalculationRun#compute} and {@code ecocalc report --out} (the
 * CLI's {@link Main}) on the same file, with the same settings, class-path packs and asset
 * registry; the assertions compare the manifests (results hash, {@code run_id}) and the report files
 * byte for byte.
 */
class SparkReportJobTest {
    static final Path DATA = Path.of("..", "data");
    static final Path ASSETS = DATA.resolve("assets.json");
    /** Splits of 24 KiB: the 0.5 MB example week is read in about 20 partitions. */
    static final long SPLIT_BYTES = 24 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(2, SPLIT_BYTES);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The benchmark week's records, each as one line of compact JSON (units and offsets as written). */
    static List<String> benchmarkLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode r : JSON.readTree(DATA.resolve("benchmark-telemetry.json").toFile())) {
            lines.add(JSON.writeValueAsString(r));
        }
        return lines;
    }

    static String assetsText() throws IOException {
        return Files.readString(ASSETS, StandardCharsets.UTF_8);
    }

    /** The carbon context {@code ecocalc report --assets} builds: the class-path packs and the registry. */
    static CarbonContext cliContext() {
        return CarbonContext.builder(FactorLibrary.fromClasspath(SparkReportJobTest.class.getClassLoader()))
                .assets(AssetRegistry.read(ASSETS)).build();
    }

    /** {@code ecocalc report <args> --out <file>}: the bytes it writes. */
    static byte[] cli(Path out, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        StringWriter err = new StringWriter();
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), all.toArray(String[]::new));
        assertThat(out).as("ecocalc report wrote nothing; stderr: %s", err).exists();
        return Files.readAllBytes(out);
    }

    static byte[] sparkBytes(SparkReportJob.Result r, Path out) throws IOException {
        SparkReportJob.write(spark, out.toString(), RunJson.toJson(r.run()).getBytes(StandardCharsets.UTF_8));
        return Files.readAllBytes(out);
    }

    @Test
    void benchmarkWeekGivesTheManifestAndReportOfOneMachine(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("benchmark-telemetry.jsonl");
        Files.write(input, benchmarkLines(), StandardCharsets.UTF_8);
        MethodSettings daily = MethodSettings.builder().period(PeriodUnit.DAY).build();

        SparkReportJob.Result spark = SparkReportJob.run(SparkReportJobTest.spark, input.toString(), daily,
                assetsText(), "assets.json");
        assertThat(spark.inputPartitions()).isGreaterThanOrEqualTo(8);

        // One machine, through the library: the same file, settings, packs and registry.
        CalculationRun one = CalculationRun.compute(EcoCalc.calculation(daily).withCarbon(cliContext()), input);
        assertThat(spark.run().manifest().results()).isEqualTo(one.manifest().results());
        assertThat(spark.run().runId()).isEqualTo(one.runId());
        assertThat(spark.run().manifest().toCanonicalBytes()).isEqualTo(one.manifest().toCanonicalBytes());
        // The manifest names the shipped packs and the registry: carbon was computed, not skipped.
        assertThat(spark.run().manifest().factorPacks()).isNotEmpty();
        assertThat(spark.run().manifest().assetRegistry()).isEqualTo(AssetRegistry.read(ASSETS).digest());

        // One machine, through the command: `ecocalc report <file> --period day --assets assets.json --out`.
        byte[] cli = cli(dir.resolve("cli.json"), input.toString(), "--period", "day", "--assets", ASSETS.toString());
        assertThat(sparkBytes(spark, dir.resolve("spark.json"))).isEqualTo(cli);

        // And the original JSON array file: the same records, so the same run.
        byte[] cliArray = cli(dir.resolve("cli-array.json"), DATA.resolve("benchmark-telemetry.json").toString(),
                "--period", "day", "--assets", ASSETS.toString());
        assertThat(RunJson.parse(new String(cliArray, StandardCharsets.UTF_8)).runId()).isEqualTo(spark.run().runId());

        // Cross-check with the hand-worked week of examples/data/README.md: 338 records, none repeated;
        // fra-1 PUE = 210,840 / 161,000 kWh (one rounding to 34 digits, half-even).
        Report report = spark.run().report();
        assertThat(report.dataset().records()).isEqualTo(338);
        assertThat(report.facility("fra-1").value(org.ecocalc.core.report.Metric.EFFICIENCY_PUE))
                .isEqualByComparingTo("1.309565217391304347826086956521739");
    }

    /**
     * Every key once (the job skips the shuffle by key) and a bounded period: the records that lie
     * partly or wholly outside it are warned about exactly as the command warns about them.
     */
    @Test
    void uniqueKeysAndABoundedPeriodGiveTheCliReportByteForByte(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("week.jsonl");
        Files.write(input, benchmarkLines(), StandardCharsets.UTF_8);
        String from = "2026-03-04T00:00:00Z";
        String to = "2026-03-06T06:30:00Z";
        MethodSettings settings = MethodSettings.builder().period(ReportingPeriod.of(PeriodUnit.MONTH)
                .within(Instant.parse(from), Instant.parse(to))).build();
        SparkReportJob.Result spark = SparkReportJob.run(SparkReportJobTest.spark, input.toString(), settings,
                null, null);
        byte[] cli = cli(dir.resolve("cli.json"), input.toString(), "--from", from, "--to", to);
        assertThat(new String(sparkBytes(spark, dir.resolve("spark.json")), StandardCharsets.UTF_8))
                .isEqualTo(new String(cli, StandardCharsets.UTF_8));
        // By construction of the week (examples/data/README.md): 168 hourly records per facility from
        // 2026-03-02 00:00Z (hour 0) to 2026-03-09 00:00Z. [03-04 00:00, 03-06 06:30) holds hours 48..101
        // whole (54) and hour 102 (06:00-07:00) partly; hours 0..47 (48) and 103..167 (65) lie wholly
        // outside: 113 per facility. The two week-long contract records lie partly outside.
        Report r = spark.run().report();
        long partly = r.problems().stream().filter(p -> p.problem().message().contains("partly")).count();
        long wholly = r.problems().stream().filter(p -> p.code() == ErrorCode.OUTSIDE_REPORTING_RANGE).count() - partly;
        assertThat(partly).isEqualTo(2 + 2);
        assertThat(wholly).isEqualTo(2 * 113);
    }

    /**
     * A messy directory: the week shuffled over three files (one with CRLF line ends and blank
     * lines), exact repeats across files, keys in conflict, malformed and invalid lines, a file the
     * job must ignore, and a bounded period so that some records lie partly or wholly outside it.
     * The job's report file (problems with their file, record and line, counts, repeats, conflicts)
     * is the CLI's, byte for byte.
     */
    @Test
    void messyDirectoryGivesTheCliReportByteForByte(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Messy messy = Messy.write(in, benchmarkLines(), 20261123L);
        String from = "2026-03-03T12:00:00Z";
        String to = "2026-03-07T00:00:00Z";
        MethodSettings settings = MethodSettings.builder().period(ReportingPeriod.of(PeriodUnit.DAY)
                .within(Instant.parse(from), Instant.parse(to))).build();

        SparkReportJob.Result spark = SparkReportJob.run(SparkReportJobTest.spark, in.toString(), settings,
                assetsText(), "assets.json");
        assertThat(spark.inputPartitions()).isGreaterThanOrEqualTo(8);
        assertThat(spark.files()).containsExactly("a.jsonl", "b.ndjson", "c.jsonl");

        byte[] cli = cli(dir.resolve("cli.json"), in.toString(), "--period", "day", "--from", from, "--to", to,
                "--assets", ASSETS.toString());
        assertThat(new String(sparkBytes(spark, dir.resolve("spark.json")), StandardCharsets.UTF_8))
                .isEqualTo(new String(cli, StandardCharsets.UTF_8));

        // What the data was built to contain, counted by construction (Messy), not by the job.
        Report r = spark.run().report();
        assertThat(r.dataset().duplicates()).isEqualTo(messy.repeats);
        assertThat(r.dataset().conflicts()).hasSize(messy.conflicts);
        assertThat(r.dataset().records()).isEqualTo(338 - messy.conflicts);
        // Refused: every bad line, and both copies of each key in conflict.
        assertThat(r.rejected()).isEqualTo(messy.badLines + 2L * messy.conflicts);
        List<ErrorCode> codes = r.problems().stream().map(RecordProblem::code).toList();
        assertThat(codes).contains(ErrorCode.MALFORMED_JSON, ErrorCode.DUPLICATE_RECORD,
                ErrorCode.CONFLICTING_DUPLICATE, ErrorCode.OUTSIDE_REPORTING_RANGE);
    }

    /** However the input is split (1 partition, or ~70), the report bytes are the same. */
    @Test
    void anySplitGivesTheSameBytes(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Messy.write(in, benchmarkLines(), 7L);
        MethodSettings monthly = MethodSettings.defaults();
        List<String> runs = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        for (long split : new long[] {128L * 1024 * 1024, 8 * 1024}) {
            spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(split));
            try {
                SparkReportJob.Result r = SparkReportJob.run(spark, in.toString(), monthly, null, null);
                runs.add(RunJson.toJson(r.run()));
                partitions.add(r.inputPartitions());
            } finally {
                spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(SPLIT_BYTES));
            }
        }
        assertThat(partitions.get(0)).isLessThanOrEqualTo(3);
        assertThat(partitions.get(1)).isGreaterThanOrEqualTo(50);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        CalculationRun one = CalculationRun.compute(EcoCalc.calculation(monthly)
                .withCarbon(CarbonContext.builder(FactorLibrary.fromClasspath(getClass().getClassLoader())).build()), in);
        assertThat(runs.get(0)).isEqualTo(one.toJson());
    }

    /**
     * A larger generated fleet: the week copied to 12 facility pairs (each copy renames the
     * facilities and sources, so every copy has its own keys), about 4,000 records in 24 facilities,
     * made messy as above and split into about 20 partitions of 512 KiB. The report file is the
     * command's, byte for byte.
     */
    @Test
    void generatedFleetGivesTheCliReportByteForByte(@TempDir Path dir) throws IOException {
        List<String> fleet = new ArrayList<>();
        for (int copy = 0; copy < 12; copy++) {
            for (String line : benchmarkLines()) {
                ObjectNode r = (ObjectNode) JSON.readTree(line);
                r.put("facility_id", r.get("facility_id").stringValue() + "-" + copy);
                r.put("source_id", r.get("source_id").stringValue() + "-" + copy);
                fleet.add(JSON.writeValueAsString(r));
            }
        }
        Path in = Files.createDirectory(dir.resolve("fleet"));
        Messy messy = Messy.write(in, fleet, 42L);
        spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(512 * 1024));
        SparkReportJob.Result r;
        try {
            r = SparkReportJob.run(spark, in.toString(), MethodSettings.builder().period(PeriodUnit.DAY).build(),
                    null, null);
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(SPLIT_BYTES));
        }
        assertThat(r.inputPartitions()).isGreaterThanOrEqualTo(8);
        byte[] cli = cli(dir.resolve("cli.json"), in.toString(), "--period", "day");
        assertThat(new String(sparkBytes(r, dir.resolve("spark.json")), StandardCharsets.UTF_8))
                .isEqualTo(new String(cli, StandardCharsets.UTF_8));
        // 12 × 338 records, less the 4 keys in conflict; 24 facilities.
        assertThat(r.run().report().dataset().records()).isEqualTo(12 * 338 - messy.conflicts);
        assertThat(r.run().report().facilities()).hasSize(24);
    }

    /**
     * A file that starts with a UTF-8 byte-order mark: the command ignores the mark (RFC 8259,
     * section 8.1, lets a parser do so) and reads the first line; the job must give the same bytes,
     * whatever Hadoop's line reader does with the mark.
     */
    @Test
    void aByteOrderMarkIsReadAsTheCommandReadsIt(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        List<String> lines = benchmarkLines();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (String.join("\n", lines.subList(0, 40)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        Files.write(in.resolve("a.jsonl"), withBom);
        Files.write(in.resolve("b.jsonl"), lines.subList(40, 80), StandardCharsets.UTF_8);
        SparkReportJob.Result r = SparkReportJob.run(spark, in.toString(), MethodSettings.defaults(), null, null);
        byte[] cli = cli(dir.resolve("cli.json"), in.toString());
        assertThat(new String(sparkBytes(r, dir.resolve("spark.json")), StandardCharsets.UTF_8))
                .isEqualTo(new String(cli, StandardCharsets.UTF_8));
        // The mark is ignored: all 80 records are counted, none refused.
        assertThat(r.run().report().dataset().records()).isEqualTo(80);
        assertThat(r.run().report().rejected()).isZero();
    }

    /** Builds the messy directory and counts what it put in. */
    static final class Messy {
        long repeats;
        int conflicts;
        int badLines;

        static Messy write(Path dir, List<String> records, long seed) throws IOException {
            Messy m = new Messy();
            Random rnd = new Random(seed);
            List<String> lines = new ArrayList<>(records);
            Collections.shuffle(lines, rnd);
            List<List<String>> files = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < lines.size(); i++) {
                files.get(i % 3).add(lines.get(i));
            }
            // Exact repeats: 30 records copied into another file (same bytes, so same digest).
            for (int i = 0; i < 30; i++) {
                files.get((i + 1) % 3).add(rnd.nextInt(files.get((i + 1) % 3).size() + 1), lines.get(i));
                m.repeats++;
            }
            // Conflicts: 4 records of the week whose copy elsewhere reports another IT energy.
            // (Records 100..103 of the shuffle: none of them was repeated above.)
            for (int i = 100; i < 104; i++) {
                ObjectNode changed = (ObjectNode) JSON.readTree(lines.get(i));
                ObjectNode energy = (ObjectNode) changed.get("energy");
                if (energy == null || energy.get("it") == null) {
                    changed.putObject("water").putObject("withdrawal").put("value", "1").put("unit", "L");
                } else {
                    ((ObjectNode) energy.get("it")).put("value", "1");
                }
                files.get((i + 2) % 3).add(JSON.writeValueAsString(changed));
                m.conflicts++;
            }
            // Bad lines: malformed JSON, a negative energy, a record without identity.
            files.get(0).add(5, "{\"source_id\": \"fra-1-bms\", \"external_event_id\":");
            files.get(1).add(7, "not json at all");
            ObjectNode negative = (ObjectNode) JSON.readTree(lines.get(200));
            negative.put("external_event_id", "negative-energy");
            ((ObjectNode) negative.get("energy").get("facility")).put("value", "-5");
            files.get(2).add(11, JSON.writeValueAsString(negative));
            ObjectNode anonymous = (ObjectNode) JSON.readTree(lines.get(201));
            anonymous.remove("source_id");
            files.get(2).add(JSON.writeValueAsString(anonymous));
            m.badLines = 4;
            // a.jsonl: LF; b.ndjson: CRLF with blank lines; c.jsonl: LF, no final line end.
            Files.writeString(dir.resolve("a.jsonl"), String.join("\n", files.get(0)) + "\n", StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < files.get(1).size(); i++) {
                b.append(files.get(1).get(i)).append("\r\n");
                if (i % 17 == 0) {
                    b.append("\r\n   \r\n");
                }
            }
            Files.writeString(dir.resolve("b.ndjson"), b, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("c.jsonl"), String.join("\n", files.get(2)), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("notes.txt"), "not telemetry\n", StandardCharsets.UTF_8);
            return m;
        }
    }
}
