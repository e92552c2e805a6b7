package org.ecocalc.core.vectors;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorOverride;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorPackException;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.OverrideScope;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.MetricResult;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.usage.UsageReport;

/**
 * Runs golden test vectors: computes each vector's report from its input, packs and settings,
 * exactly as {@code ecocalc report} would (the input is written to a file and read with the
 * standard reader), and compares every expectation. Each mismatch is one line. A vector of usage
 * events ({@code "input_kind": "usage_event"}) is computed as {@code ecocalc usage} would
 * ({@link org.ecocalc.core.usage.UsageReport#calculate}: the standard usage reader, the usage
 * calculator and accumulator), with its settings read as {@code docs/test-vectors.md} says. Sensor
 * readings and reports ({@code "input_kind": "alert"}) are evaluated as {@code ecocalc alerts} does, a
 * baseline and a scenario file ({@code "scenario"}) projected as {@code ecocalc simulate} does, and a
 * report ({@code "report_validation"}) checked as {@code ecocalc validate} does; each is compared with
 * the JSON the command writes ({@code docs/test-vectors.md}).
 *
 * <p>Factor packs: {@code id@version} is resolved from the packs on the class path (the
 * {@code factor-packs} artifact), an inline pack from the vector; a pack that cannot be loaded is
 * {@link ErrorCode#FACTOR_PACK_UNAVAILABLE} at {@code /factor_packs/<i>}. Approved overrides name a
 * factor of those packs (else {@link ErrorCode#UNKNOWN_FACTOR} at {@code /overrides/<i>/factor});
 * the asset registry applies with or without packs (an invalid one is
 * {@link ErrorCode#INVALID_ASSET} at {@code /assets}).
 */
public final class VectorRunner {
    private static final VectorRunner STANDARD = new VectorRunner();

    private VectorRunner() {
    }

    /** The runner. */
    public static VectorRunner standard() {
        return STANDARD;
    }

    /** The {@code .json} files under a directory (or the file itself), sorted by relative path with {@code /} separators. */
    public static List<Path> vectorFiles(Path dirOrFile) {
        if (Files.isRegularFile(dirOrFile)) {
            return List.of(dirOrFile);
        }
        if (!Files.isDirectory(dirOrFile)) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file or directory: " + dirOrFile);
        }
        try (Stream<Path> s = Files.walk(dirOrFile)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> dirOrFile.relativize(p).toString().replace('\\', '/'))).toList();
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot list " + dirOrFile + ": " + e.getMessage(), e);
        }
    }

    /** Runs every vector under a directory (or one file), in path order. */
    public List<VectorResult> runAll(Path dirOrFile) {
        List<VectorResult> out = new ArrayList<>();
        for (Path p : vectorFiles(dirOrFile)) {
            out.add(runFile(p));
        }
        return out;
    }

    /** Reads and runs one vector file; a file that is not a valid vector, or not named {@code <name>.json}, fails. */
    public VectorResult runFile(Path file) {
        String fileName = file.getFileName().toString();
        TestVector v;
        try {
            v = TestVector.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new VectorResult(fileName, file.toString(), List.of("cannot read: " + e.getMessage()));
        } catch (EcoCalcException e) {
            return new VectorResult(fileName, file.toString(), List.of("invalid vector: " + e.getMessage()));
        }
        VectorResult r = run(v);
        List<String> failures = new ArrayList<>(r.failures());
        if (!fileName.equals(v.name() + ".json")) {
            failures.add(0, "the file of vector \"" + v.name() + "\" must be named " + v.name() + ".json");
        }
        return new VectorResult(v.name(), file.toString(), failures);
    }

    /**
     * Runs one vector: telemetry records through the telemetry report ({@code ecocalc report}), usage
     * events ({@code input_kind} {@code usage_event}) through the usage calculation ({@code ecocalc usage}:
     * {@link org.ecocalc.core.usage.UsageReport#calculate}), sensor readings and reports ({@code alert})
     * through the alert rules ({@code ecocalc alerts}), a baseline and a scenario file ({@code scenario})
     * through the simulator ({@code ecocalc simulate}), a report ({@code report_validation}) through the
     * validator ({@code ecocalc validate}).
     */
    public VectorResult run(TestVector v) {
        Objects.requireNonNull(v, "v");
        switch (v.inputKind()) {
            case ALERT:
                return run(v, AlertVectorRun::compute, (r, f) -> AlertVectorRun.compare(v, r, f));
            case SCENARIO:
                return run(v, ScenarioVectorRun::compute, (r, f) -> ScenarioVectorRun.compare(v, r, f));
            case REPORT_VALIDATION:
                return run(v, ValidationVectorRun::compute, (r, f) -> ValidationVectorRun.compare(v, r, f));
            default:
                break;
        }
        List<String> f = new ArrayList<>();
        TestVector.Expected e = v.expected();
        boolean usage = v.inputKind() == TestVector.InputKind.USAGE_EVENT;
        Report report = null;
        UsageReport usageReport = null;
        try {
            if (usage) {
                FactorLibrary library = resolvePacks(v);
                List<FactorOverride> overrides = resolveOverrides(v, library);
                usageReport = UsageVectorRun.compute(v, CarbonContext.builder(library).overrides(overrides).build());
            } else {
                CarbonContext carbon = carbonContext(v);
                MethodSettings settings;
                try {
                    settings = MethodSettings.parse(v.settingsJson());
                } catch (InvalidSettingsException ex) {
                    throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings" + ex.pointer(), ex.getMessage());
                }
                report = compute(v, settings, carbon);
            }
        } catch (VectorError ex) {
            if (e.error() == null) {
                f.add("unexpected error " + ex.code.id() + " at \"" + ex.pointer + "\": " + ex.getMessage());
            } else if (!e.error().code().equals(ex.code.id()) || !e.error().pointer().equals(ex.pointer)) {
                f.add("expected error " + e.error().code() + " at \"" + e.error().pointer() + "\", got " + ex.code.id()
                        + " at \"" + ex.pointer + "\": " + ex.getMessage());
            }
            return new VectorResult(v.name(), null, f);
        }
        if (e.error() != null) {
            f.add("expected error " + e.error().code() + " at \"" + e.error().pointer() + "\", but the vector ran");
            return new VectorResult(v.name(), null, f);
        }
        if (usage) {
            UsageVectorRun.compare(v, usageReport, f);
            return new VectorResult(v.name(), null, f);
        }
        metrics("total", e.metrics(), report.total(), v.toleranceRel(), f);
        for (Map.Entry<String, Map<String, String>> fe : e.facilities().entrySet()) {
            GroupResult g = report.facility(fe.getKey());
            if (g == null) {
                f.add("no facility " + fe.getKey() + " in the report");
            } else {
                metrics(fe.getKey(), fe.getValue(), g, v.toleranceRel(), f);
            }
        }
        for (TestVector.Group eg : e.groups()) {
            GroupResult g = group(report, eg);
            String label = eg.facilityId() + " " + eg.periodStart();
            if (g == null) {
                f.add("no group " + label + " in the report; groups: " + report.groups().stream()
                        .map(x -> x.facilityId() + " " + x.periodStart()).toList());
                continue;
            }
            if (eg.periodEnd() != null && !eg.periodEnd().equals(String.valueOf(g.periodEnd()))) {
                f.add(label + ": period end: expected " + eg.periodEnd() + ", got " + g.periodEnd());
            }
            metrics(label, eg.metrics(), g, v.toleranceRel(), f);
        }
        if (e.groupCount() != null && e.groupCount() != report.groups().size()) {
            f.add("group count: expected " + e.groupCount() + ", got " + report.groups().size());
        }
        problems(e, report.problems(), f);
        if (e.rejected() != null && e.rejected() != report.rejected()) {
            f.add("rejected records: expected " + e.rejected() + ", got " + report.rejected());
        }
        for (Map.Entry<String, List<String>> fe : e.factors().entrySet()) {
            Metric metric = metric(fe.getKey());
            if (metric == null) {
                f.add("factors of " + fe.getKey() + ": not a metric of this engine");
                continue;
            }
            List<String> want = new ArrayList<>(new TreeSet<>(fe.getValue()));
            TreeSet<String> got = new TreeSet<>();
            for (FactorUse u : report.total().metric(metric).lineage().factors()) {
                got.add(u.reference());
            }
            if (!want.equals(new ArrayList<>(got))) {
                f.add("total " + fe.getKey() + ": factors expected " + want + ", got " + got);
            }
        }
        TestVector.Dataset d = e.dataset();
        if (d != null) {
            if (d.records() != null && d.records() != report.dataset().records()) {
                f.add("data set records: expected " + d.records() + ", got " + report.dataset().records());
            }
            if (d.duplicates() != null && d.duplicates() != report.dataset().duplicates()) {
                f.add("data set duplicates: expected " + d.duplicates() + ", got " + report.dataset().duplicates());
            }
            List<String> conflicts = report.dataset().conflicts().stream().map(IdempotencyKey::toString).toList();
            if (d.conflicts() != null && !d.conflicts().equals(conflicts)) {
                f.add("data set conflicts: expected " + d.conflicts() + ", got " + conflicts);
            }
            if (d.digest() != null && !d.digest().equals(report.dataset().digest())) {
                f.add("data set digest: expected " + d.digest() + ", got " + report.dataset().digest());
            }
        }
        return new VectorResult(v.name(), null, f);
    }

    /**
     * Runs a vector of the alert, scenario or report-validation kind: computes it (a {@link VectorError} is the
     * whole vector's error, matched with {@code expected.error}), then compares.
     */
    private static <T> VectorResult run(TestVector v, Function<TestVector, T> compute,
            BiConsumer<T, List<String>> compare) {
        List<String> f = new ArrayList<>();
        TestVector.Expected e = v.expected();
        T result;
        try {
            result = compute.apply(v);
        } catch (VectorError ex) {
            if (e.error() == null) {
                f.add("unexpected error " + ex.code.id() + " at \"" + ex.pointer + "\": " + ex.getMessage());
            } else if (!e.error().code().equals(ex.code.id()) || !e.error().pointer().equals(ex.pointer)) {
                f.add("expected error " + e.error().code() + " at \"" + e.error().pointer() + "\", got " + ex.code.id()
                        + " at \"" + ex.pointer + "\": " + ex.getMessage());
            }
            return new VectorResult(v.name(), null, f);
        }
        if (e.error() != null) {
            f.add("expected error " + e.error().code() + " at \"" + e.error().pointer() + "\", but the vector ran");
            return new VectorResult(v.name(), null, f);
        }
        compare.accept(result, f);
        return new VectorResult(v.name(), null, f);
    }

    /** Compares every problem, in order, when the vector lists them. */
    static void problems(TestVector.Expected e, List<RecordProblem> problems, List<String> f) {
        if (e.problems() == null) {
            return;
        }
        List<TestVector.ExpectedProblem> actual = new ArrayList<>();
        for (RecordProblem p : problems) {
            actual.add(new TestVector.ExpectedProblem(p.location().index(), p.code().id(), p.problem().pointer(),
                    p.severity().id()));
        }
        if (!actual.equals(e.problems())) {
            f.add("problems: expected " + e.problems() + ", got " + actual);
        }
    }

    /** The carbon context of a vector: its packs, its approved overrides and its asset registry. */
    static CarbonContext carbonContext(TestVector v) {
        FactorLibrary library = resolvePacks(v);
        List<FactorOverride> overrides = resolveOverrides(v, library);
        AssetRegistry assets = AssetRegistry.empty();
        if (v.assetsJson() != null) {
            try {
                assets = AssetRegistry.parse(v.assetsJson(), v.name() + " /assets");
            } catch (EcoCalcException ex) {
                throw new VectorError(ErrorCode.INVALID_ASSET, "/assets", ex.getMessage());
            }
        }
        if (library.isEmpty() && overrides.isEmpty() && assets.isEmpty()) {
            return CarbonContext.none();
        }
        return CarbonContext.builder(library).overrides(overrides).assets(assets).build();
    }

    /**
     * The packs a vector names: {@code id@version} from the packs on the class path (the
     * {@code factor-packs} artifact), or a whole pack inline (a JSON object with its digest).
     */
    static FactorLibrary resolvePacks(TestVector v) {
        if (v.factorPacks().isEmpty()) {
            return FactorLibrary.empty();
        }
        List<FactorPack> packs = new ArrayList<>();
        for (int i = 0; i < v.factorPacks().size(); i++) {
            String p = v.factorPacks().get(i);
            String at = "/factor_packs/" + i;
            if (p.startsWith("{")) {
                try {
                    packs.add(FactorPacks.parse(p, v.name() + at));
                } catch (FactorPackException ex) {
                    throw new VectorError(ex.code(), at, ex.getMessage());
                }
                continue;
            }
            int sep = p.indexOf('@');
            FactorPack pack = sep <= 0 ? null : ClasspathPacks.LIBRARY.pack(p.substring(0, sep), p.substring(sep + 1))
                    .orElse(null);
            if (pack == null) {
                throw new VectorError(ErrorCode.FACTOR_PACK_UNAVAILABLE, at, "factor pack " + p
                        + " is not on the class path (packs available: " + ClasspathPacks.LIBRARY.packs().stream()
                                .map(x -> x.packId() + "@" + x.version()).toList() + ")");
            }
            packs.add(pack);
        }
        try {
            return FactorLibrary.of(packs);
        } catch (FactorPackException ex) {
            throw new VectorError(ex.code(), "/factor_packs", ex.getMessage());
        }
    }

    /** The approved overrides of a vector, each naming a factor of its packs by reference. */
    static List<FactorOverride> resolveOverrides(TestVector v, FactorLibrary library) {
        List<FactorOverride> out = new ArrayList<>();
        for (int i = 0; i < v.overrides().size(); i++) {
            TestVector.OverrideEntry o = v.overrides().get(i);
            String at = "/overrides/" + i;
            Factor factor = null;
            for (Factor f : library.factors()) {
                if (f.reference().equals(o.factor())) {
                    factor = f;
                }
            }
            if (factor == null) {
                throw new VectorError(ErrorCode.UNKNOWN_FACTOR, at + "/factor", "factor " + o.factor()
                        + " is not in the vector's packs");
            }
            OverrideScope scope = OverrideScope.valueOf(o.scope().toUpperCase(Locale.ROOT));
            try {
                out.add(FactorOverride.of(scope, o.scopeId(), factor, o.approvedBy(), LocalDate.parse(o.approvedOn()),
                        o.reason()));
            } catch (IllegalArgumentException | DateTimeException ex) {
                throw new VectorError(ErrorCode.INVALID_TEST_VECTOR, at, ex.getMessage());
            }
        }
        return out;
    }

    private static final class ClasspathPacks {
        static final FactorLibrary LIBRARY = FactorLibrary.fromClasspath(VectorRunner.class.getClassLoader());
    }

    private static Report compute(TestVector v, MethodSettings settings, CarbonContext carbon) {
        return withInputFile(v, input -> EcoCalc.calculation(settings).withCarbon(carbon).report(input));
    }

    /**
     * Writes the vector's input to a temporary file ({@code input.json} or {@code input.jsonl}), gives it to
     * the computation, and deletes it.
     */
    static <T> T withInputFile(TestVector v, Function<Path, T> computation) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ecocalc-vector");
            Path input = dir.resolve(v.inputJsonLines() ? "input.jsonl" : "input.json");
            Files.writeString(input, v.inputText(), StandardCharsets.UTF_8);
            return computation.apply(input);
        } catch (IOException ex) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot write a temporary input: " + ex.getMessage(), ex);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static GroupResult group(Report report, TestVector.Group eg) {
        for (GroupResult g : report.groups()) {
            if (g.facilityId().equals(eg.facilityId()) && String.valueOf(g.periodStart()).equals(String.valueOf(eg.periodStart()))) {
                return g;
            }
        }
        return null;
    }

    private static void metrics(String label, Map<String, String> expected, GroupResult g, BigDecimal tolerance,
            List<String> f) {
        for (Map.Entry<String, String> m : expected.entrySet()) {
            Metric metric = metric(m.getKey());
            if (metric == null) {
                f.add(label + " " + m.getKey() + ": not a metric of this engine");
                continue;
            }
            MetricResult r = g.metric(metric);
            String want = m.getValue();
            if (want == null) {
                if (r.isComputed()) {
                    f.add(label + " " + m.getKey() + ": expected not computable, got " + Decimals.toCanonicalString(r.value()));
                }
                continue;
            }
            if (!r.isComputed()) {
                f.add(label + " " + m.getKey() + ": expected " + want + ", got not computable (" + r.reason() + ")");
                continue;
            }
            if (!matches(new BigDecimal(want), r.value(), tolerance)) {
                f.add(label + " " + m.getKey() + ": expected " + want + ", got " + Decimals.toCanonicalString(r.value())
                        + (tolerance == null ? "" : " (tolerance " + tolerance.toPlainString() + " relative)"));
            }
        }
    }

    /** Exact equality of the normalised decimals, or |actual − expected| ≤ tolerance × |expected|. */
    static boolean matches(BigDecimal expected, BigDecimal actual, BigDecimal tolerance) {
        if (tolerance == null) {
            return expected.compareTo(actual) == 0;
        }
        return actual.subtract(expected).abs().compareTo(tolerance.multiply(expected.abs())) <= 0;
    }

    private static Metric metric(String id) {
        for (Metric m : Metric.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    /** A whole-vector error: code and pointer into the vector document. */
    static final class VectorError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ErrorCode code;
        final String pointer;

        VectorError(ErrorCode code, String pointer, String message) {
            super(message, null, false, false);
            this.code = code;
            this.pointer = pointer;
        }
    }
}
