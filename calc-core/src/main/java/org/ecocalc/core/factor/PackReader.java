package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.UnitException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and checks one factor pack: JSON, schema, digest, then the checks the schema cannot express. */
final class PackReader {
    private static final int MAX_MESSAGE_PROBLEMS = 5;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    /** Categories whose factors have no gas. */
    private static final Set<String> GASLESS_CATEGORIES = Set.of("heat_content", "ai_inference", "water");

    private final String name;
    private final List<Problem> problems = new ArrayList<>();

    private PackReader(String name) {
        this.name = name;
    }

    /** Reads a pack; {@code name} (a file or resource name) prefixes every message. */
    static FactorPack read(String json, String name) {
        return new PackReader(name).readPack(json);
    }

    /** The JSON tree of a text, or a {@link FactorPackException} ({@link ErrorCode#MALFORMED_JSON}). */
    static ObjectNode tree(String json, String name) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new FactorPackException(ErrorCode.MALFORMED_JSON, name + ": not well-formed JSON: "
                    + e.getOriginalMessage(), List.of(), e);
        }
        if (node == null || !node.isObject()) {
            throw new FactorPackException(ErrorCode.FACTOR_PACK_INVALID, name + ": a factor pack is a JSON object",
                    List.of(Problem.error(ErrorCode.WRONG_TYPE, "", "a factor pack is a JSON object")), null);
        }
        return (ObjectNode) node;
    }

    /** {@code sha256:} of the canonical JSON of {@code pack} without its digest member. */
    static String digestOf(ObjectNode pack) {
        ObjectNode copy = pack.deepCopy();
        copy.remove("digest");
        return CanonicalJson.digest(Json.compact(copy));
    }

    private FactorPack readPack(String json) {
        ObjectNode root = tree(json, name);
        List<Problem> schema = PackSchema.validate(root);
        if (!schema.isEmpty()) {
            throw invalid(schema);
        }
        String declared = root.get("digest").stringValue();
        String actual = digestOf(root);
        if (!declared.equals(actual)) {
            throw new FactorPackException(ErrorCode.FACTOR_PACK_DIGEST_MISMATCH, name + ": pack "
                    + root.get("pack_id").stringValue() + "@" + root.get("version").stringValue()
                    + " declares digest " + declared + " but its content hashes to " + actual
                    + "; the pack was changed after it was sealed (a corrected value is a new version)",
                    List.of(Problem.error(ErrorCode.FACTOR_PACK_DIGEST_MISMATCH, "/digest", "content hashes to " + actual)),
                    null);
        }
        PackRef ref = new PackRef(root.get("pack_id").stringValue(), root.get("version").stringValue(), actual);
        boolean citationOnly = root.get("citation_only").booleanValue();

        Map<String, PackSource> sources = new HashMap<>();
        List<PackSource> sourceList = new ArrayList<>();
        JsonNode srcs = root.get("sources");
        for (int i = 0; i < srcs.size(); i++) {
            JsonNode s = srcs.get(i);
            PackSource ps = new PackSource(text(s, "source_id"), text(s, "citation"), text(s, "url"),
                    text(s, "retrieved_via"), text(s, "licence"));
            if (sources.put(ps.sourceId(), ps) != null) {
                problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, "/sources/" + i + "/source_id",
                        "duplicate source_id \"" + ps.sourceId() + "\""));
            }
            sourceList.add(ps);
        }

        List<Factor> factors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode fs = root.get("factors");
        for (int i = 0; i < fs.size(); i++) {
            JsonNode fn = fs.get(i);
            String key = fn.get("factor_id").stringValue() + "@" + fn.get("version").intValue();
            if (!keys.add(key)) {
                problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, "/factors/" + i + "/version",
                        "factor " + key + " appears twice (a correction is a new version)"));
            }
            Factor f = factor(fn, "/factors/" + i, ref, citationOnly, sources.keySet());
            if (f != null) {
                factors.add(f);
            }
        }

        List<GwpValue> gwps = new ArrayList<>();
        Set<String> gwpKeys = new HashSet<>();
        JsonNode gs = root.get("gwp_values");
        if (gs != null) {
            for (int i = 0; i < gs.size(); i++) {
                GwpValue g = gwp(gs.get(i), "/gwp_values/" + i, ref, citationOnly, sources.keySet());
                if (g != null) {
                    if (!gwpKeys.add(g.gas() + "|" + g.set() + "|" + g.horizon())) {
                        problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, "/gwp_values/" + i,
                                "a second " + g.set() + " GWP-" + g.horizon().years() + " value for " + g.gas()));
                    }
                    gwps.add(g);
                }
            }
        }

        List<GwpBlend> blends = new ArrayList<>();
        Set<Gas> blendGases = new HashSet<>();
        JsonNode bs = root.get("blends");
        if (bs != null) {
            for (int i = 0; i < bs.size(); i++) {
                GwpBlend b = blend(bs.get(i), "/blends/" + i, sources.keySet());
                if (b != null) {
                    if (!blendGases.add(b.gas())) {
                        problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, "/blends/" + i + "/gas",
                                "blend " + b.gas() + " is defined twice"));
                    }
                    for (GwpValue g : gwps) {
                        if (g.gas().equals(b.gas())) {
                            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, "/blends/" + i + "/gas",
                                    b.gas() + " is both a blend and a gas with its own GWP value"));
                            break;
                        }
                    }
                    blends.add(b);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        JsonNode lic = root.get("licence");
        Licence licence = new Licence(text(lic, "id"), text(lic, "name"), text(lic, "url"), text(lic, "attribution"),
                text(lic, "notes"));
        return new FactorPack(ref, text(root, "title"), text(root, "publisher"), text(root, "maintainer"), licence,
                citationOnly, text(root, "notes"), sourceList, factors, gwps, blends);
    }

    private Factor factor(JsonNode n, String at, PackRef ref, boolean citationOnly, Set<String> sourceIds) {
        int before = problems.size();
        LocalDate effective = date(n, "effective_date", at);
        LocalDate expiry = n.has("expiry_date") ? date(n, "expiry_date", at) : null;
        if (effective != null && expiry != null && !expiry.isAfter(effective)) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/expiry_date",
                    "expiry_date (" + expiry + ", exclusive) must be after effective_date (" + effective + ")"));
        }
        JsonNode r = n.get("region");
        RegionLevel level = RegionLevel.fromId(r.get("level").stringValue());
        String code = r.get("code").stringValue();
        if (level == RegionLevel.COUNTRY && !COUNTRY.matcher(code).matches()) {
            problems.add(Problem.error(ErrorCode.WRONG_TYPE, at + "/region/code",
                    "a country code is ISO 3166-1 alpha-2 in capitals, such as \"DE\" (got \"" + code + "\")"));
        }
        Region region = new Region(level, code, text(r, "name"));
        String category = text(n, "category");
        Gas gas = n.has("gas") ? gas(n, "gas", at) : null;
        boolean gasless = GASLESS_CATEGORIES.contains(category);
        if (gas == null && !gasless && !n.has("gas")) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, at + "/gas",
                    "gas is required for a factor of category " + category));
        }
        if (gas != null && gasless) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/gas",
                    "a " + category + " factor has no gas"));
        }
        String gwpSet = text(n, "gwp_set");
        if (gas != null && gas.isCo2e() && gwpSet == null) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, at + "/gwp_set",
                    "a co2e factor states the GWP set it was computed with (AR4, AR5, AR6 or unknown)"));
        }
        if (gwpSet != null && (gas == null || !gas.isCo2e())) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/gwp_set",
                    "gwp_set belongs only to a co2e factor"));
        }
        BigDecimal value = null;
        if (n.has("value")) {
            if (citationOnly) {
                problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/value",
                        "a citation-only pack carries no values"));
            } else {
                value = decimal(n, "value", at);
            }
        } else if (!citationOnly) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, at + "/value",
                    "value is required (only a citation-only pack omits values)"));
        }
        FactorUnit unit = null;
        try {
            unit = FactorUnit.parse(text(n, "unit"));
        } catch (UnitException e) {
            problems.add(Problem.error(ErrorCode.UNKNOWN_UNIT, at + "/unit", e.getMessage()));
        }
        BigDecimal low = null;
        BigDecimal high = null;
        if (n.has("value_low") || n.has("value_high")) {
            if (citationOnly) {
                problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/value_low",
                        "a citation-only pack carries no values"));
            } else {
                low = decimal(n, "value_low", at);
                high = decimal(n, "value_high", at);
                if (low != null && high != null && value != null
                        && (low.compareTo(value) > 0 || value.compareTo(high) > 0)) {
                    problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, at + "/value",
                            "value_low <= value <= value_high is required (got " + Decimals.toCanonicalString(low)
                                    + ", " + Decimals.toCanonicalString(value) + ", "
                                    + Decimals.toCanonicalString(high) + ")"));
                }
            }
        }
        BigDecimal uncertainty = n.has("uncertainty_pct") ? decimal(n, "uncertainty_pct", at) : null;
        Provenance p = provenance(n, at, sourceIds);
        if (problems.size() > before) {
            return null;
        }
        return new Factor(ref, text(n, "factor_id"), n.get("version").intValue(), effective, expiry, text(n, "scope"),
                category, text(n, "activity_type"), region, gas, value, unit, gwpSet, uncertainty, p,
                n.has("heating_value_basis") ? text(n, "heating_value_basis") : null, low, high);
    }

    private GwpValue gwp(JsonNode n, String at, PackRef ref, boolean citationOnly, Set<String> sourceIds) {
        int before = problems.size();
        Gas gas = gas(n, "gas", at);
        if (gas != null && gas.isCo2e()) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/gas", "co2e has no GWP"));
        }
        if (citationOnly) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/value",
                    "a citation-only pack carries no values"));
        }
        BigDecimal value = decimal(n, "value", at);
        Provenance p = provenance(n, at, sourceIds);
        if (problems.size() > before) {
            return null;
        }
        return new GwpValue(gas, GwpSet.fromId(text(n, "gwp_set")), GwpHorizon.ofYears(n.get("horizon").intValue()),
                value, false, p, ref);
    }

    private GwpBlend blend(JsonNode n, String at, Set<String> sourceIds) {
        int before = problems.size();
        Gas gas = gas(n, "gas", at);
        List<GwpBlend.Component> components = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        Set<Gas> seen = new HashSet<>();
        JsonNode cs = n.get("components");
        for (int i = 0; i < cs.size(); i++) {
            String cat = at + "/components/" + i;
            Gas g = gas(cs.get(i), "gas", cat);
            BigDecimal f = decimal(cs.get(i), "mass_fraction", cat);
            if (f != null && (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) > 0)) {
                problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, cat + "/mass_fraction",
                        "a mass fraction is in (0, 1]"));
            }
            if (g != null && !seen.add(g)) {
                problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, cat + "/gas", g + " appears twice"));
            }
            if (g != null && f != null) {
                components.add(new GwpBlend.Component(g, f));
                sum = sum.add(f);
            }
        }
        if (problems.size() == before && sum.compareTo(BigDecimal.ONE) != 0) {
            problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, at + "/components",
                    "mass fractions sum to " + Decimals.toCanonicalString(sum) + ", not exactly 1"));
        }
        Provenance p = provenance(n, at, sourceIds);
        if (problems.size() > before) {
            return null;
        }
        return new GwpBlend(gas, components, p);
    }

    private Provenance provenance(JsonNode n, String at, Set<String> sourceIds) {
        String ref = text(n, "source_ref");
        if (ref == null) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, at + "/source_ref", "source_ref is required"));
            ref = "";
        } else if (!sourceIds.contains(ref)) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/source_ref",
                    "source_ref \"" + ref + "\" names no entry of /sources"));
        }
        JsonNode year = n.get("source_year");
        return new Provenance(ref, text(n, "source_dataset"), text(n, "source_table"), text(n, "source_edition"),
                year == null ? null : year.intValue(), text(n, "source_citation"), text(n, "source_url"),
                Confidence.fromId(n.get("confidence").stringValue()), bool(n, "second_hand"), bool(n, "illustrative"),
                text(n, "notes"));
    }

    private Gas gas(JsonNode n, String field, String at) {
        String s = text(n, field);
        Gas g = Gas.of(s);
        if (!g.id().equals(s)) {
            problems.add(Problem.error(ErrorCode.FACTOR_PACK_INVALID, at + "/" + field,
                    "write the canonical gas id \"" + g.id() + "\" (got \"" + s + "\")"));
            return null;
        }
        return g;
    }

    private LocalDate date(JsonNode n, String field, String at) {
        String s = text(n, field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(ErrorCode.INVALID_TIMESTAMP, at + "/" + field,
                    field + " is not a calendar date YYYY-MM-DD: \"" + s + "\""));
            return null;
        }
    }

    private BigDecimal decimal(JsonNode n, String field, String at) {
        String s = text(n, field);
        BigDecimal v;
        try {
            v = Decimals.parse(s);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(Problem.error(ErrorCode.NOT_NUMERIC, at + "/" + field, field + " " + e.getMessage()));
            return null;
        }
        if (v.signum() < 0) {
            problems.add(Problem.error(ErrorCode.NEGATIVE_VALUE, at + "/" + field, field + " must not be negative"));
            return null;
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.stringValue();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.booleanValue();
    }

    private FactorPackException invalid(List<Problem> found) {
        StringBuilder sb = new StringBuilder(name).append(": factor pack refused, ").append(found.size())
                .append(found.size() == 1 ? " problem: " : " problems: ");
        for (int i = 0; i < Math.min(found.size(), MAX_MESSAGE_PROBLEMS); i++) {
            sb.append(i == 0 ? "" : "; ").append(found.get(i));
        }
        if (found.size() > MAX_MESSAGE_PROBLEMS) {
            sb.append(String.format(Locale.ROOT, "; and %d more", found.size() - MAX_MESSAGE_PROBLEMS));
        }
        return new FactorPackException(ErrorCode.FACTOR_PACK_INVALID, sb.toString(), found, null);
    }

    /** Escapes a JSON Pointer reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
