package org.ecocalc.core.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunJson;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.InvalidReportException;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a report JSON ({@code ecocalc.report/1}, with or without its {@code manifest}) without its
 * inputs. Pure and deterministic: the same text always gives the same findings, in the same order.
 *
 * <ol>
 *   <li><b>Reading</b>: the text is JSON ({@link FindingCode#NOT_JSON}).</li>
 *   <li><b>Schema</b>: {@code docs/schemas/report.v1.json}, each violation a finding naming the
 *       member ({@link FindingCode#SCHEMA_VIOLATION}, at most {@value #MAX_SCHEMA_FINDINGS} listed);
 *       then the engine's reader ({@link ReportJson#parse}, {@link FindingCode#REPORT_UNREADABLE}).
 *       When either fails, validation stops there: the rules below assume a well-formed report.</li>
 *   <li><b>Totals equal their parts</b>: for every additive metric ({@link #totalAdditive()}) the
 *       total is exactly the sum of the facilities; for those the engine also sums over periods
 *       ({@link #periodAdditive()}) each facility is exactly the sum of its periods. Market-based
 *       Scope 2 (instruments are allocated within each group) and embodied carbon (amortised over
 *       each group's own time span, one division per group) are summed over facilities only.</li>
 *   <li><b>Physical bounds</b>: PUE &ge; 1 and DCiE &le; 1 in every group (ISO/IEC 30134-2).</li>
 *   <li><b>Dual reporting</b>: with {@code scope2_method: both}, every group has both Scope 2
 *       results (GHG Protocol Scope 2 Guidance, ch. 4 and 7).</li>
 *   <li><b>Factor citations</b>: every factor reference has a pack version and a factor version;
 *       every computed, non-zero Scope 1, Scope 2 and embodied number cites at least one factor
 *       (the per-unit metrics and CUE are quotients of these and are checked through them).</li>
 *   <li><b>Manifest</b>, when present: its engine and data set are the report's, {@code settings} and
 *       {@code results} are the digests of the report's members, {@code run_id} is the hash of its
 *       fields. What only the inputs can show is reported as an info.</li>
 * </ol>
 *
 * <p>Each rule, its severity and its source are in {@code docs/validation.md}.
 */
public final class ReportValidator {
    /** The most schema violations listed ({@value}); the rest are counted in one more finding. */
    public static final int MAX_SCHEMA_FINDINGS = 100;

    private static final String SEMVER = "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?";
    private static final String PACK = "[a-z0-9][a-z0-9._-]{0,63}@" + SEMVER;
    /** {@code pack@version:factor_id@version} (the pack id, version and factor id rules of factor-pack.v1.json). */
    private static final Pattern FACTOR_REFERENCE = Pattern.compile("^" + PACK + ":[a-z0-9][a-z0-9._:()-]{0,127}@[1-9][0-9]*$");
    /** {@code pack@version}: a GWP table is cited by its pack. */
    private static final Pattern PACK_REFERENCE = Pattern.compile("^" + PACK + "$");

    private static final Set<Metric> PERIOD_ADDITIVE;
    private static final Set<Metric> TOTAL_ADDITIVE;
    private static final Set<Metric> CITING = Collections.unmodifiableSet(EnumSet.of(Metric.CARBON_SCOPE1_KGCO2E,
            Metric.CARBON_SCOPE1_FUEL_KGCO2E, Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E,
            Metric.CARBON_SCOPE2_LOCATION_KGCO2E, Metric.CARBON_SCOPE2_MARKET_KGCO2E, Metric.CARBON_EMBODIED_KGCO2E));

    static {
        EnumSet<Metric> period = EnumSet.noneOf(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.id().startsWith("activity.")) {
                period.add(m);
            }
        }
        period.addAll(EnumSet.of(Metric.WATER_WITHDRAWAL_L, Metric.WATER_CONSUMPTION_L, Metric.WATER_RETURNED_L,
                Metric.WATER_EVAPORATION_L, Metric.WATER_BLOWDOWN_L, Metric.CARBON_SCOPE1_KGCO2E,
                Metric.CARBON_SCOPE1_FUEL_KGCO2E, Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E,
                Metric.CARBON_SCOPE2_LOCATION_KGCO2E));
        EnumSet<Metric> total = EnumSet.copyOf(period);
        total.add(Metric.CARBON_SCOPE2_MARKET_KGCO2E);
        total.add(Metric.CARBON_EMBODIED_KGCO2E);
        PERIOD_ADDITIVE = Collections.unmodifiableSet(period);
        TOTAL_ADDITIVE = Collections.unmodifiableSet(total);
    }

    private ReportValidator() {
    }

    /** The report schema, compiled once on first use. */
    private static final class Schema {
        static final SchemaCheck REPORT = SchemaCheck.load("report.v1.json");
    }

    /**
     * The metrics whose total is checked against the sum of the facilities: every
     * {@code activity.*} sum, the water volumes, Scope 1 and its parts, both Scope 2 methods and
     * embodied carbon.
     */
    public static Set<Metric> totalAdditive() {
        return TOTAL_ADDITIVE;
    }

    /**
     * The metrics whose facility value is checked against the sum of its periods:
     * {@link #totalAdditive()} without market-based Scope 2 and embodied carbon, which the engine
     * computes per group (see {@code docs/validation.md}).
     */
    public static Set<Metric> periodAdditive() {
        return PERIOD_ADDITIVE;
    }

    /** Validates a report JSON text (with or without its {@code manifest} member). */
    public static Validation validate(String reportJson) {
        Objects.requireNonNull(reportJson, "reportJson");
        List<Finding> out = new ArrayList<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(reportJson);
        } catch (JacksonException e) {
            out.add(new Finding(FindingCode.NOT_JSON, "", "the report is not JSON: " + e.getOriginalMessage()));
            return new Validation(out);
        }
        if (root == null || root.isMissingNode()) {
            out.add(new Finding(FindingCode.NOT_JSON, "", "the report is empty"));
            return new Validation(out);
        }
        List<Problem> violations = Schema.REPORT.validate(root);
        for (int i = 0; i < violations.size() && i < MAX_SCHEMA_FINDINGS; i++) {
            Problem p = violations.get(i);
            out.add(new Finding(FindingCode.SCHEMA_VIOLATION, p.pointer(), p.message()));
        }
        if (violations.size() > MAX_SCHEMA_FINDINGS) {
            out.add(new Finding(FindingCode.SCHEMA_VIOLATION, "", (violations.size() - MAX_SCHEMA_FINDINGS)
                    + " more schema violations not listed"));
        }
        if (!violations.isEmpty()) {
            return new Validation(out);
        }
        try {
            ReportJson.parse(reportJson);
            if (root.has(RunJson.MANIFEST_MEMBER)) {
                RunJson.parse(reportJson);
            }
        } catch (InvalidReportException e) {
            out.add(new Finding(FindingCode.REPORT_UNREADABLE, e.pointer(), e.reason()));
            return new Validation(out);
        } catch (EcoCalcException e) {
            out.add(new Finding(FindingCode.REPORT_UNREADABLE, "", e.getMessage()));
            return new Validation(out);
        }
        Rules rules = new Rules(root, out);
        rules.totals();
        rules.bounds();
        rules.dualReporting();
        rules.citations();
        rules.manifest();
        return new Validation(out);
    }

    /** Validates a report as {@link ReportJson#toJson(Report)} writes it (no manifest). */
    public static Validation validate(Report report) {
        return validate(ReportJson.toJson(Objects.requireNonNull(report, "report")));
    }

    /** Validates a run as {@link RunJson#toJson(CalculationRun)} writes it (the report with its manifest). */
    public static Validation validate(CalculationRun run) {
        return validate(RunJson.toJson(Objects.requireNonNull(run, "run")));
    }

    /** The consistency rules over a schema-valid report tree. */
    private static final class Rules {
        private final JsonNode root;
        private final List<Finding> out;
        /** Every group with its pointer, in report order: results, facilities, total. */
        private final Map<String, JsonNode> groups = new java.util.LinkedHashMap<>();

        Rules(JsonNode root, List<Finding> out) {
            this.root = root;
            this.out = out;
            JsonNode results = root.get("results");
            for (int i = 0; i < results.size(); i++) {
                groups.put("/results/" + i, results.get(i));
            }
            JsonNode facilities = root.get("facilities");
            for (int i = 0; i < facilities.size(); i++) {
                groups.put("/facilities/" + i, facilities.get(i));
            }
            groups.put("/total", root.get("total"));
        }

        // ------------------------------------------------------------ totals equal their parts

        void totals() {
            JsonNode facilities = root.get("facilities");
            List<JsonNode> all = new ArrayList<>();
            facilities.forEach(all::add);
            for (Metric m : TOTAL_ADDITIVE) {
                sum(root.get("total"), "/total", m, all, FindingCode.TOTAL_NOT_SUM_OF_FACILITIES,
                        "the total", all.size() + " facilities");
            }
            Map<String, List<JsonNode>> periods = new TreeMap<>();
            for (JsonNode g : root.get("results")) {
                periods.computeIfAbsent(g.get("facility_id").stringValue(), k -> new ArrayList<>()).add(g);
            }
            for (int i = 0; i < facilities.size(); i++) {
                JsonNode f = facilities.get(i);
                String id = f.get("facility_id").stringValue();
                List<JsonNode> parts = periods.getOrDefault(id, List.of());
                for (Metric m : PERIOD_ADDITIVE) {
                    sum(f, "/facilities/" + i, m, parts, FindingCode.FACILITY_NOT_SUM_OF_PERIODS,
                            "facility " + id, parts.size() + (parts.size() == 1 ? " period" : " periods"));
                }
            }
        }

        /** A whole with a value must be the exact sum of the parts' values (a part without one adds nothing). */
        private void sum(JsonNode whole, String at, Metric m, List<JsonNode> parts, FindingCode code, String what,
                String partsText) {
            BigDecimal w = value(whole, m);
            if (w == null) {
                return;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode p : parts) {
                BigDecimal v = value(p, m);
                if (v != null) {
                    sum = sum.add(v);
                }
            }
            if (w.compareTo(sum) != 0) {
                out.add(new Finding(code, pointer(at, m) + "/value", String.format(Locale.ROOT,
                        "%s of %s is %s, but its %s sum to %s: an additive metric's whole is the exact sum of its parts",
                        m.id(), what, Decimals.toCanonicalString(w), partsText, Decimals.toCanonicalString(sum))));
            }
        }

        // ------------------------------------------------------------ physical bounds

        void bounds() {
            for (Map.Entry<String, JsonNode> g : groups.entrySet()) {
                BigDecimal pue = value(g.getValue(), Metric.EFFICIENCY_PUE);
                if (pue != null && pue.compareTo(BigDecimal.ONE) < 0) {
                    out.add(new Finding(FindingCode.PUE_BELOW_ONE, pointer(g.getKey(), Metric.EFFICIENCY_PUE) + "/value",
                            "PUE " + Decimals.toCanonicalString(pue) + " is below 1: facility energy includes IT energy, "
                                    + "so PUE = E_DC / E_IT is at least 1 (ISO/IEC 30134-2)"));
                }
                BigDecimal dcie = value(g.getValue(), Metric.EFFICIENCY_DCIE);
                if (dcie != null && dcie.compareTo(BigDecimal.ONE) > 0) {
                    out.add(new Finding(FindingCode.DCIE_ABOVE_ONE, pointer(g.getKey(), Metric.EFFICIENCY_DCIE)
                            + "/value", "DCiE " + Decimals.toCanonicalString(dcie) + " is above 1: DCiE = E_IT / E_DC"
                                    + " = 1 / PUE is at most 1 (The Green Grid WP#6; ISO/IEC 30134-2)"));
                }
            }
        }

        // ------------------------------------------------------------ dual Scope 2 reporting

        void dualReporting() {
            String method = root.get("settings").get("scope2_method").stringValue();
            if (!"both".equals(method)) {
                return;
            }
            Metric loc = Metric.CARBON_SCOPE2_LOCATION_KGCO2E;
            Metric mkt = Metric.CARBON_SCOPE2_MARKET_KGCO2E;
            for (Map.Entry<String, JsonNode> g : groups.entrySet()) {
                JsonNode l = metric(g.getValue(), loc);
                JsonNode k = metric(g.getValue(), mkt);
                for (Metric m : new Metric[] {loc, mkt}) {
                    if (metric(g.getValue(), m) == null) {
                        out.add(new Finding(FindingCode.SCOPE2_METHOD_MISSING, pointer(g.getKey(), m), m.id()
                                + " is missing, but the settings say scope2_method \"both\": dual reporting gives "
                                + "location- and market-based Scope 2 for every group (GHG Protocol Scope 2 Guidance, "
                                + "ch. 4 and 7)"));
                    }
                }
                if (l != null && k != null && l.has("value") != k.has("value")) {
                    Metric missing = l.has("value") ? mkt : loc;
                    Metric present = l.has("value") ? loc : mkt;
                    out.add(new Finding(FindingCode.SCOPE2_METHOD_NOT_COMPUTABLE, pointer(g.getKey(), missing),
                            missing.id() + " could not be computed (" + metric(g.getValue(), missing)
                                    .get("not_computable").stringValue() + ") while " + present.id()
                                    + " was: the group reports one Scope 2 method of the two the settings ask for"));
                }
            }
        }

        // ------------------------------------------------------------ factor citations

        void citations() {
            for (Map.Entry<String, JsonNode> g : groups.entrySet()) {
                JsonNode carbon = g.getValue().get("carbon");
                if (carbon == null) {
                    continue;
                }
                for (String id : carbon.propertyNames()) {
                    Metric m = Metric.fromId(id);
                    String at = pointer(g.getKey(), m);
                    JsonNode result = carbon.get(id);
                    JsonNode factors = result.get("lineage").get("factors");
                    int cited = factors == null ? 0 : factors.size();
                    for (int j = 0; j < cited; j++) {
                        JsonNode f = factors.get(j);
                        String ref = f.get("factor").stringValue();
                        boolean gwp = f.get("role").stringValue().startsWith("gwp/");
                        if (!FACTOR_REFERENCE.matcher(ref).matches() && !(gwp && PACK_REFERENCE.matcher(ref).matches())) {
                            out.add(new Finding(FindingCode.FACTOR_REFERENCE_UNVERSIONED, at + "/lineage/factors/" + j
                                    + "/factor", "\"" + ref + "\" is not a versioned factor reference: expected "
                                    + "pack@version:factor_id@version" + (gwp ? " (or pack@version for a GWP table)" : "")));
                        }
                    }
                    BigDecimal v = value(g.getValue(), m);
                    if (!CITING.contains(m) || v == null || v.signum() == 0 || cited > 0) {
                        continue;
                    }
                    String from = fromInputs(m, result.get("lineage").get("inputs"));
                    out.add(from != null
                            ? new Finding(FindingCode.CARBON_FACTOR_FROM_INPUTS, at, m.id() + " is "
                                    + Decimals.toCanonicalString(v) + " kgCO2e and cites no factor: " + from)
                            : new Finding(FindingCode.CARBON_FACTOR_MISSING, at, m.id() + " is "
                                    + Decimals.toCanonicalString(v) + " kgCO2e but cites no factor: every carbon number "
                                    + "names the versioned factors it applied (lineage.factors)"));
                }
            }
        }

        /** Why a carbon number may lack a pack factor: its rates came with the inputs; null when they did not. */
        private static String fromInputs(Metric m, JsonNode inputs) {
            if (m == Metric.CARBON_EMBODIED_KGCO2E) {
                return "the assets' embodied totals were given in the asset registry (its hash is the manifest's "
                        + "asset_registry), not priced with pack factors";
            }
            if (m == Metric.CARBON_SCOPE2_LOCATION_KGCO2E && count(inputs, "/grid_intensity") > 0) {
                return "it was priced with the time-of-use intensities of the telemetry (/grid_intensity), which the "
                        + "data-set digest covers, not with a pack factor";
            }
            if (m == Metric.CARBON_SCOPE2_MARKET_KGCO2E && count(inputs, "/contracts") > 0) {
                return "it was priced with the contract rates of the telemetry (/contracts), which the data-set "
                        + "digest covers, not with a pack factor";
            }
            return null;
        }

        private static long count(JsonNode inputs, String field) {
            JsonNode n = inputs == null ? null : inputs.get(field);
            return n == null ? 0 : n.longValue();
        }

        // ------------------------------------------------------------ the manifest

        void manifest() {
            JsonNode m = root.get(RunJson.MANIFEST_MEMBER);
            if (m == null) {
                out.add(new Finding(FindingCode.MANIFEST_ABSENT, "", "the report has no run manifest, so its settings "
                        + "and results hashes and its run_id cannot be checked (ecocalc report --out and RunJson write "
                        + "the report with its manifest)"));
                return;
            }
            JsonNode engine = root.get("engine");
            String reportEngine = engine.get("name").stringValue() + " " + engine.get("version").stringValue();
            String manifestEngine = m.get("engine").get("name").stringValue() + " "
                    + m.get("engine").get("version").stringValue();
            if (!reportEngine.equals(manifestEngine)) {
                out.add(new Finding(FindingCode.MANIFEST_ENGINE_MISMATCH, "/manifest/engine", "the manifest names "
                        + manifestEngine + ", the report " + reportEngine));
            }
            String dataset = root.get("dataset").get("digest").stringValue();
            hash(FindingCode.MANIFEST_DATASET_MISMATCH, "/manifest/activity_dataset", m, "activity_dataset", dataset,
                    "the report's data-set digest (/dataset/digest)");
            hash(FindingCode.MANIFEST_SETTINGS_MISMATCH, "/manifest/settings", m, "settings",
                    CanonicalJson.digest(Json.compact(root.get("settings"))),
                    "sha256 of the canonical JSON of the report's settings");
            ObjectNode doc = Json.object();
            doc.set("results", root.get("results"));
            doc.set("facilities", root.get("facilities"));
            doc.set("total", root.get("total"));
            hash(FindingCode.MANIFEST_RESULTS_MISMATCH, "/manifest/results", m, "results",
                    CanonicalJson.digest(Json.compact(doc)),
                    "sha256 of the canonical JSON of the report's {results, facilities, total}");
            RunManifest manifest = RunManifest.parse(Json.compact(m));
            hash(FindingCode.MANIFEST_RUN_ID_MISMATCH, "/manifest/run_id", m, "run_id", manifest.computeRunId(),
                    "sha256 of the canonical JSON of the manifest without run_id and signature");
            out.add(new Finding(FindingCode.ACTIVITY_DATASET_NOT_CHECKED, "/manifest/activity_dataset",
                    "the activity data set" + (manifest.factorPacks().isEmpty() ? "" : ", the factor packs")
                            + (manifest.assetRegistry() == null ? "" : ", the asset registry")
                            + (manifest.factorOverrides() == null ? "" : ", the factor overrides")
                            + " and the numbers themselves can be checked only against the inputs: "
                            + "ecocalc verify <report> --inputs <telemetry> (RunVerifier)"));
            if (manifest.isSigned()) {
                out.add(new Finding(FindingCode.SIGNATURE_NOT_CHECKED, "/manifest/signature", "the manifest is signed by key "
                        + manifest.signature().keyId() + "; check the signature with its public key: "
                        + "ecocalc verify <report> --inputs <telemetry> --public-key <key.pub.pem>"));
            }
        }

        private void hash(FindingCode code, String at, JsonNode manifest, String member, String expected, String what) {
            String claimed = manifest.get(member).stringValue();
            if (!claimed.equals(expected)) {
                out.add(new Finding(code, at, "the manifest says " + claimed + ", but " + what + " is " + expected));
            }
        }

        // ------------------------------------------------------------ reading values

        private static JsonNode metric(JsonNode group, Metric m) {
            JsonNode section = group.get(m.section().id());
            return section == null ? null : section.get(m.id());
        }

        private static BigDecimal value(JsonNode group, Metric m) {
            JsonNode r = metric(group, m);
            JsonNode v = r == null ? null : r.get("value");
            return v == null ? null : new BigDecimal(v.stringValue());
        }

        private static String pointer(String group, Metric m) {
            return group + "/" + m.section().id() + "/" + m.id();
        }
    }
}
