package org.ecocalc.core.factor;

import java.util.ArrayList;
import java.util.List;
import org.ecocalc.core.internal.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small inline packs for tests: every value here is made up for the test and says so. */
final class TestPacks {
    private TestPacks() {
    }

    /** A pack skeleton without factors. */
    static ObjectNode skeleton(String packId, String version) {
        ObjectNode p = Json.object();
        p.put("format", "ecocalc.factor-pack.v1");
        p.put("pack_id", packId);
        p.put("version", version);
        p.put("title", "test pack " + packId);
        p.put("publisher", "test");
        ObjectNode lic = p.putObject("licence");
        lic.put("id", "CC0-1.0");
        lic.put("name", "Creative Commons Zero v1.0 Universal");
        p.put("citation_only", false);
        ObjectNode src = p.putArray("sources").addObject();
        src.put("source_id", "test");
        src.put("citation", "Made-up values for unit tests.");
        src.put("url", "https://example.org/test");
        p.putArray("factors");
        return p;
    }

    /** A factor (made-up value) for grid electricity CO2e. */
    static Builder factor(String id) {
        return new Builder(id);
    }

    /** Seals and loads a pack. */
    static FactorPack load(ObjectNode pack) {
        return FactorPacks.parse(FactorPacks.seal(Json.compact(pack)), pack.get("pack_id").stringValue());
    }

    /** A sealed pack of the given factors. */
    static FactorPack pack(String packId, String version, Builder... factors) {
        return load(with(skeleton(packId, version), List.of(factors)));
    }

    static ObjectNode with(ObjectNode pack, List<Builder> factors) {
        ArrayNode arr = (ArrayNode) pack.get("factors");
        for (Builder b : factors) {
            arr.add(b.node());
        }
        return pack;
    }

    /** Builds one factor object. */
    static final class Builder {
        private final String id;
        private int version = 1;
        private String effective = "2024-01-01";
        private String expiry = "2025-01-01";
        private String level = "country";
        private String code = "DE";
        private String activity = "grid_electricity";
        private String gas = "co2e";
        private String value = "0.5";
        private String unit = "kg/kWh";
        private String confidence = "high";
        private final List<String[]> extra = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        Builder version(int v) {
            this.version = v;
            return this;
        }

        Builder dates(String effective, String expiry) {
            this.effective = effective;
            this.expiry = expiry;
            return this;
        }

        Builder region(String level, String code) {
            this.level = level;
            this.code = code;
            return this;
        }

        Builder activity(String a) {
            this.activity = a;
            return this;
        }

        Builder gas(String g) {
            this.gas = g;
            return this;
        }

        Builder value(String v, String u) {
            this.value = v;
            this.unit = u;
            return this;
        }

        Builder confidence(String c) {
            this.confidence = c;
            return this;
        }

        ObjectNode node() {
            ObjectNode f = Json.object();
            f.put("factor_id", id);
            f.put("version", version);
            f.put("effective_date", effective);
            if (expiry != null) {
                f.put("expiry_date", expiry);
            }
            f.put("scope", gas == null ? "none" : "scope2");
            f.put("category", gas == null ? "heat_content" : "electricity");
            f.put("activity_type", activity);
            ObjectNode r = f.putObject("region");
            r.put("level", level);
            r.put("code", code);
            if (gas != null) {
                f.put("gas", gas);
            }
            if (value != null) {
                f.put("value", value);
            }
            f.put("unit", unit);
            if ("co2e".equals(gas)) {
                f.put("gwp_set", "AR6");
            }
            f.put("source_ref", "test");
            f.put("source_dataset", "test");
            f.put("source_table", "test");
            f.put("source_edition", "test");
            f.put("source_year", 2024);
            f.put("source_url", "https://example.org/test");
            f.put("confidence", confidence);
            for (String[] kv : extra) {
                f.put(kv[0], kv[1]);
            }
            return f;
        }
    }
}
