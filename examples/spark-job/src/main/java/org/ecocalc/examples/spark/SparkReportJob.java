package org.ecocalc.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Engine;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.Problem;
import org.ecocalc.core.Severity;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunJson;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.report.DatasetSummary;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import scala.Tuple2;

/**
 * {@code ecocalc report} on Apache Spark: reads telemetry JSON Lines (a {@code .jsonl} or
 * {@code .ndjson} file, or a directory of them), computes every report metric with calc-core's
 * accumulators, and writes the report JSON with its run manifest ({@link RunJson}), the same bytes
 * {@code ecocalc report --out} writes for the same input, settings, packs and asset registry.
 *
 * <pre>
 * spark-submit --class org.ecocalc.examples.spark.SparkReportJob spark-job.jar \
 *     &lt;input&gt; &lt;output.json&gt; [--period day|month|quarter|year|all] [--assets assets.json]
 *     [--lineage-keys n] [--settings settings.json]
 * </pre>
 *
 * <p>How (the recipe of {@code docs/run-manifest.md}; details in {@code docs/scale-out.md}):
 * <ol>
 *   <li>pass 1, per partition ({@link ParseLines}): calc-core's reader parses and validates each
 *       line; a valid record becomes its key, facility, digest and normalised JSON;</li>
 *   <li>the data-set digest: a {@link DatasetDigest} per partition, merged ({@link DigestAggregator});</li>
 *   <li>pass 2, records shuffled by idempotency key ({@link KeyCopies}): each key counted once,
 *       keys in conflict not at all, problems as the CLI reports them;</li>
 *   <li>grouped by facility, a {@link ReportAccumulator} per group ({@link ReportAggregator}:
 *       reduce = {@code add}, merge = {@code merge}); the driver merges the facilities' accumulators
 *       and reads the results: periods, facilities and the total, as calc-core groups them;</li>
 *   <li>the report and {@link CalculationRun#of(Report, CarbonContext)}: the manifest.</li>
 * </ol>
 * Exact sums make the result independent of how the input is split; the digest and the problems
 * are ordered by key and by input position, never by arrival.
 */
public final class SparkReportJob {
    /** Exit code when some records were refused (as {@code ecocalc report}). */
    public static final int BAD_INPUT = 1;
    /** Exit code for wrong arguments. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: SparkReportJob <input.jsonl|dir> <output.json> [--period "
            + "day|month|quarter|year|all] [--assets assets.json] [--lineage-keys n] [--settings settings.json]";

    private SparkReportJob() {
    }

    /**
     * What a run gives besides the report: the run, and how the input was split.
     *
     * @param run             the report and its manifest
     * @param inputPartitions how many partitions the input was read in
     * @param files           the files read, in order
     */
    public record Result(CalculationRun run, int inputPartitions, List<String> files) {
    }

    /**
     * Runs the job: {@code <input> <output> [options]} (see the class comment). The Spark master and
     * configuration come from {@code spark-submit} (or {@code spark.*} system properties).
     */
    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE_TEXT);
            System.exit(USAGE);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("ecocalc report").getOrCreate();
        int code;
        try {
            long started = System.nanoTime();
            MethodSettings settings = o.settings(spark);
            String assets = o.assets == null ? null : readText(spark, o.assets);
            Result r = run(spark, o.input, settings, assets, o.assets);
            write(spark, o.output, RunJson.toJson(r.run()).getBytes(StandardCharsets.UTF_8));
            double seconds = (System.nanoTime() - started) / 1e9;
            Report report = r.run().report();
            long seen = report.dataset().records() + report.dataset().duplicates() + report.rejected();
            System.out.printf(Locale.ROOT, "%d files, %d input partitions; %d records used, %d repeats, %d refused, "
                    + "%d problems%n", r.files().size(), r.inputPartitions(), report.dataset().records(),
                    report.dataset().duplicates(), report.rejected(), report.problemCount());
            System.out.printf(Locale.ROOT, "%d records in %.2f s (%.0f records/s)%n", seen, seconds,
                    seen / Math.max(seconds, 1e-9));
            System.out.println("run " + r.run().runId());
            System.out.println("report written to " + o.output);
            code = report.hasRejections() ? BAD_INPUT : 0;
        } catch (EcoCalcException e) {
            System.err.println("error: " + e.getMessage() + " [" + e.code().id() + "]");
            code = BAD_INPUT;
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            code = BAD_INPUT;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Computes the run of the JSON Lines at {@code input} (a file, or the {@code .jsonl} and
     * {@code .ndjson} files directly in a directory, in name order, as {@code ecocalc report} reads
     * a directory).
     *
     * @param spark        the session
     * @param input        a path Hadoop can read (local, {@code hdfs://}, {@code s3a://}, ...)
     * @param settings     the method settings
     * @param assetsJson   the asset registry's JSON text, or null for none
     * @param assetsSource the registry's name for messages, or null
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) if the input cannot be listed,
     *                          or a directory holds {@code .json} files (not JSON Lines)
     */
    public static Result run(SparkSession spark, String input, MethodSettings settings, String assetsJson,
            String assetsSource) {
        List<FileStatus> files = inputFiles(spark, input);
        Map<String, Integer> fileOrder = new HashMap<>();
        String[] paths = new String[files.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            fileOrder.put(files.get(i).getPath().getName(), i);
            paths[i] = files.get(i).getPath().toString();
            names.add(files.get(i).getPath().getName());
        }
        HashSet<String> startsWithBom = new HashSet<>();
        for (FileStatus f : files) {
            if (startsWithBom(spark, f)) {
                startsWithBom.add(f.getPath().getName());
            }
        }
        JobSettings js = new JobSettings(settings.toCanonicalJson(), assetsJson, assetsSource);
        CarbonContext carbon = js.carbon();
        Broadcast<JobSettings> job = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(js);
        Passes passes;
        try {
            passes = paths.length == 0 ? Passes.none() : passes(spark, paths, fileOrder, startsWithBom, job);
        } finally {
            job.destroy();
        }
        ReportAccumulator total = ReportAccumulator.create(settings, carbon);
        for (ReportAccumulator f : passes.facilities()) {
            total.merge(f);
        }
        long rejected = passes.conflicting();
        for (Item b : passes.blocks()) {
            rejected += b.getRejected();
        }
        Report report = new Report(Engine.NAME, Engine.VERSION, settings, passes.digest().summary(), rejected,
                locate(passes.listed(), passes.blocks()), passes.problemCount(), total.results());
        return new Result(CalculationRun.of(report, carbon), passes.partitions(), List.copyOf(names));
    }

    /**
     * What the Spark stages give the driver.
     *
     * @param partitions   input partitions
     * @param blocks       every block's counts
     * @param digest       the merged data-set digest
     * @param listed       the first problems in input order (block-relative positions)
     * @param problemCount every problem
     * @param conflicting  records refused for a conflict
     * @param facilities   one accumulator per facility (detached)
     */
    private record Passes(int partitions, List<Item> blocks, DatasetDigest digest, List<Item> listed,
            long problemCount, long conflicting, List<ReportAccumulator> facilities) {
        static Passes none() {
            return new Passes(0, List.of(), new DatasetDigest(), List.of(), 0, 0, List.of());
        }
    }

    private static Passes passes(SparkSession spark, String[] paths, Map<String, Integer> fileOrder,
            HashSet<String> startsWithBom, Broadcast<JobSettings> job) {
        Encoder<Item> items = Encoders.bean(Item.class);
        Dataset<Row> lines = spark.read().text(paths).select(col("value").cast("binary").as("value"),
                col("_metadata.file_name").as("file_name"), col("_metadata.file_block_start").as("block_start"));
        int partitions = lines.javaRDD().getNumPartitions();
        // Pass 1: parse and validate; cached, since every later query reads it.
        Dataset<Item> parsed = lines.mapPartitions(new ParseLines(job, fileOrder, startsWithBom), items)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Item> records = parsed.filter(col("kind").equalTo(Item.RECORD));
        Dataset<Item> perKey = null;
        try {
            List<Item> blocks = parsed.filter(col("kind").equalTo(Item.BLOCK)).collectAsList();
            DatasetDigest digest = records.select(col("source"), col("event"), col("digest"))
                    .as(Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING()))
                    .select(new DigestAggregator().toColumn()).first();
            DatasetSummary summary = digest.summary();
            Dataset<Item> counted;
            Dataset<Item> keyProblems;
            if (summary.duplicates() > 0 || !summary.conflicts().isEmpty()) {
                // Pass 2: every copy of a key in one call.
                perKey = records
                        .groupByKey((MapFunction<Item, String>) i -> i.getSource() + "/" + i.getEvent(),
                                Encoders.STRING())
                        .flatMapGroups(new KeyCopies(), items)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                counted = perKey.filter(col("kind").equalTo(Item.RECORD));
                keyProblems = perKey.filter(col("kind").equalTo(Item.PROBLEM));
            } else {
                // Every key appeared once (the merged digest says so): each record is its key's only
                // copy, so the shuffle by key would change nothing. Count them as they are.
                counted = records;
                keyProblems = records.filter(col("range").notEqual(Item.INSIDE))
                        .map((MapFunction<Item, Item>) KeyCopies::outsideRange, items);
            }
            Dataset<Item> problems = parsed.filter(col("kind").equalTo(Item.PROBLEM)).union(keyProblems);
            long problemCount = 0;
            long conflicting = 0;
            // Every problem of pass 2 is a conflict, one per copy: the records refused besides the reader's.
            for (Row c : problems.groupBy(col("pass")).count().collectAsList()) {
                problemCount += c.getLong(1);
                if (c.getInt(0) == 2) {
                    conflicting = c.getLong(1);
                }
            }
            List<Item> listed = problemCount == 0 ? List.of() : problems.orderBy(col("pass"), col("fileOrder"),
                    col("blockStart"), col("index"), col("seq")).limit(EcoCalc.MAX_LISTED_PROBLEMS).collectAsList();
            List<ReportAccumulator> facilities = new ArrayList<>();
            for (Tuple2<String, ReportAccumulator> f : counted
                    .groupByKey((MapFunction<Item, String>) Item::getFacility, Encoders.STRING())
                    .mapValues((MapFunction<Item, String>) Item::getJson, Encoders.STRING())
                    .agg(new ReportAggregator(job).toColumn())
                    .collectAsList()) {
                facilities.add(f._2());
            }
            return new Passes(partitions, blocks, digest, listed, problemCount, conflicting, facilities);
        } finally {
            if (perKey != null) {
                perKey.unpersist();
            }
            parsed.unpersist();
        }
    }

    /**
     * Turns block-relative positions into file positions: a block starts after the lines and
     * records of the file's earlier blocks.
     */
    static List<RecordProblem> locate(List<Item> problems, List<Item> blocks) {
        Map<String, TreeMap<Long, Item>> byFile = new HashMap<>();
        for (Item b : blocks) {
            byFile.computeIfAbsent(b.getFile(), f -> new TreeMap<>()).put(b.getBlockStart(), b);
        }
        Map<String, Map<Long, long[]>> offsets = new HashMap<>();
        for (Map.Entry<String, TreeMap<Long, Item>> e : byFile.entrySet()) {
            long lines = 0;
            long records = 0;
            Map<Long, long[]> m = new HashMap<>();
            for (Item b : e.getValue().values()) {
                m.put(b.getBlockStart(), new long[] {records, lines});
                records += b.getIndex();
                lines += b.getLine();
            }
            offsets.put(e.getKey(), m);
        }
        List<RecordProblem> out = new ArrayList<>();
        for (Item p : problems) {
            long[] off = offsets.get(p.getFile()).get(p.getBlockStart());
            IdempotencyKey key = p.getSource() == null ? null : new IdempotencyKey(p.getSource(), p.getEvent());
            out.add(new RecordProblem(new RecordLocation(p.getFile(), off[0] + p.getIndex(), off[1] + p.getLine()), key,
                    new Problem(ErrorCode.valueOf(p.getCode()), Severity.valueOf(p.getSeverity()), p.getPointer(),
                            p.getMessage())));
        }
        return out;
    }

    /** The files of the input: a file, or the JSON Lines files directly in a directory, by name. */
    static List<FileStatus> inputFiles(SparkSession spark, String input) {
        Path p = new Path(input);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus s = fs.getFileStatus(p);
            List<FileStatus> out = new ArrayList<>();
            if (!s.isDirectory()) {
                requireJsonLines(s.getPath().getName());
                out.add(s);
                return out;
            }
            for (FileStatus f : fs.listStatus(p)) {
                String n = f.getPath().getName().toLowerCase(Locale.ROOT);
                if (!f.isFile()) {
                    continue;
                }
                if (n.endsWith(".json")) {
                    requireJsonLines(f.getPath().getName());
                }
                if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
                    out.add(f);
                }
            }
            out.sort(Comparator.comparing(f -> f.getPath().getName()));
            return out;
        } catch (java.io.FileNotFoundException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file or directory: " + input, e);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot list " + input + ": " + e.getMessage(), e);
        }
    }

    /** Whether a file starts with a UTF-8 byte-order mark (Hadoop's line reader drops it; calc-core's does not). */
    static boolean startsWithBom(SparkSession spark, FileStatus f) {
        if (f.getLen() < 3) {
            return false;
        }
        Path p = f.getPath();
        try (InputStream in = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void requireJsonLines(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.endsWith(".jsonl") && !n.endsWith(".ndjson")) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "the Spark job reads JSON Lines (.jsonl, .ndjson), "
                    + "one record per line, so that a file can be split; " + name + " is not (convert it, or read it "
                    + "with ecocalc report)");
        }
    }

    /** Reads a small text file (settings, asset registry) through Hadoop, so any cluster path works. */
    static String readText(SparkSession spark, String file) {
        Path p = new Path(file);
        try (InputStream in = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the report file through Hadoop; an existing file is never overwritten. */
    static void write(SparkSession spark, String file, byte[] bytes) {
        Path p = new Path(file);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.setWriteChecksum(false);
            try (OutputStream out = fs.create(p, false)) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The command-line arguments. */
    static final class Options {
        String input;
        String output;
        String period;
        String assets;
        Integer lineageKeys;
        String settingsFile;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--period" -> o.period = v;
                        case "--assets" -> o.assets = v;
                        case "--settings" -> o.settingsFile = v;
                        case "--lineage-keys" -> {
                            try {
                                o.lineageKeys = Integer.valueOf(v);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--lineage-keys: not a number: " + v);
                            }
                        }
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                } else {
                    positional.add(a);
                }
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("expected <input> and <output>, got " + positional.size()
                        + " arguments");
            }
            if (o.settingsFile != null && (o.period != null || o.lineageKeys != null)) {
                throw new IllegalArgumentException("--settings holds every setting; do not combine it with --period "
                        + "or --lineage-keys");
            }
            o.input = positional.get(0);
            o.output = positional.get(1);
            if (o.period != null) {
                try {
                    PeriodUnit.fromId(o.period.toLowerCase(Locale.ROOT));
                } catch (EcoCalcException e) {
                    throw new IllegalArgumentException("--period: " + e.getMessage(), e);
                }
            }
            return o;
        }

        MethodSettings settings(SparkSession spark) {
            if (settingsFile != null) {
                return MethodSettings.parse(readText(spark, settingsFile));
            }
            MethodSettings.Builder b = MethodSettings.builder();
            if (period != null) {
                b.period(PeriodUnit.fromId(period.toLowerCase(Locale.ROOT)));
            }
            if (lineageKeys != null) {
                b.lineageKeyLimit(lineageKeys);
            }
            return b.build();
        }
    }
}
