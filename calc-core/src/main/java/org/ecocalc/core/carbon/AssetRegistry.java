package org.ecocalc.core.carbon;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.quantity.Decimals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hardware whose embodied carbon is amortised into the results (SCI, ISO/IEC 21031:
 * M = TE × TiR/EL × RR/ToR). Immutable; assets are held sorted by id. Read one with
 * {@link #read(Path)} ({@code docs/schemas/asset-registry.v1.json}) or build one with {@link #of}.
 */
public final class AssetRegistry {
    private static final AssetRegistry EMPTY = new AssetRegistry(List.of());

    private final List<Asset> assets;

    private AssetRegistry(List<Asset> assets) {
        List<Asset> sorted = new ArrayList<>(assets);
        sorted.sort(Comparator.comparing(Asset::assetId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).assetId().equals(sorted.get(i - 1).assetId())) {
                throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + sorted.get(i).assetId() + " appears twice");
            }
        }
        this.assets = List.copyOf(sorted);
    }

    /** No assets. */
    public static AssetRegistry empty() {
        return EMPTY;
    }

    /** A registry of the given assets (ids must be unique). */
    public static AssetRegistry of(List<Asset> assets) {
        return new AssetRegistry(Objects.requireNonNull(assets, "assets"));
    }

    /** Every asset, by id. */
    public List<Asset> assets() {
        return assets;
    }

    /** The assets of one facility, by id. */
    public List<Asset> forFacility(String facilityId) {
        return assets.stream().filter(a -> a.facilityId().equals(facilityId)).toList();
    }

    /** Whether there are no assets. */
    public boolean isEmpty() {
        return assets.isEmpty();
    }

    /**
     * Reads a registry: {@code {"assets": [{"asset_id", "facility_id", "embodied_kgco2e" | "components",
     * "quantity", "gpus", "lifetime_hours", "in_service", "retired"}]}}. An entry with
     * {@code "quantity": n} stands for n identical assets ({@code id#1} ... {@code id#n}).
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_ASSET}) naming the entry by JSON Pointer
     */
    public static AssetRegistry read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a registry from JSON text (see {@link #read(Path)}); {@code source} names it in errors.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_ASSET}) naming the entry by JSON Pointer
     */
    public static AssetRegistry parse(String json, String source) {
        JsonNode root;
        Object file = source;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, file + ": " + e.getOriginalMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("assets");
        if (list == null || !list.isArray()) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, file + ": /assets must be an array");
        }
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String ptr = "/assets/" + i;
            JsonNode a = list.get(i);
            try {
                int quantity = a.has("quantity") ? integer(a, "quantity", ptr) : 1;
                for (int k = 1; k <= quantity; k++) {
                    out.add(asset(a, ptr, quantity == 1 ? null : k));
                }
            } catch (EcoCalcException e) {
                throw new EcoCalcException(ErrorCode.INVALID_ASSET, file + " " + ptr + ": " + e.getMessage(), e);
            }
        }
        return new AssetRegistry(out);
    }

    private static Asset asset(JsonNode a, String ptr, Integer copy) {
        String id = text(a, "asset_id", ptr) + (copy == null ? "" : "#" + copy);
        BigDecimal te = a.has("embodied_kgco2e") ? decimal(a.get("embodied_kgco2e"), ptr + "/embodied_kgco2e") : null;
        List<Asset.Component> components = new ArrayList<>();
        JsonNode cs = a.get("components");
        if (cs != null) {
            if (!cs.isArray()) {
                throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + "/components must be an array");
            }
            for (int j = 0; j < cs.size(); j++) {
                String cp = ptr + "/components/" + j;
                components.add(new Asset.Component(text(cs.get(j), "activity", cp),
                        decimal(cs.get(j).get("count"), cp + "/count")));
            }
        }
        int gpus = a.has("gpus") ? integer(a, "gpus", ptr) : 0;
        return new Asset(id, text(a, "facility_id", ptr), te, components, gpus,
                decimal(a.get("lifetime_hours"), ptr + "/lifetime_hours"), instant(a, "in_service", ptr),
                a.has("retired") ? instant(a, "retired", ptr) : null);
    }

    private static String text(JsonNode n, String name, String ptr) {
        JsonNode v = n == null ? null : n.get(name);
        if (v == null || !v.isString() || v.stringValue().isEmpty()) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + "/" + name + " must be a non-empty string");
        }
        return v.stringValue();
    }

    private static int integer(JsonNode n, String name, String ptr) {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + "/" + name + " must be a whole number");
        }
        return v.intValue();
    }

    private static BigDecimal decimal(JsonNode v, String ptr) {
        try {
            if (v != null && v.isString()) {
                return Decimals.parse(v.stringValue());
            }
            if (v != null && v.isNumber()) {
                return Decimals.checkInputLimits(v.decimalValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + ": " + e.getMessage());
        }
        throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + " must be a decimal such as \"35040\"");
    }

    private static Instant instant(JsonNode n, String name, String ptr) {
        String t = text(n, name, ptr);
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, ptr + "/" + name
                    + " must be an ISO-8601 date-time with an offset (got \"" + t + "\")");
        }
    }

    /**
     * The registry as canonical JSON (RFC 8785): every asset by id, an entry with a quantity written
     * as its copies ({@code id#1} ... {@code id#n}), decimals as strings, instants in UTC.
     * {@link #parse} reads it back to an equal registry.
     */
    public String toCanonicalJson() {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("assets");
        for (Asset a : assets) {
            ObjectNode n = list.addObject();
            n.put("asset_id", a.assetId());
            n.put("facility_id", a.facilityId());
            if (a.embodiedKg() != null) {
                n.put("embodied_kgco2e", Json.decimal(a.embodiedKg()));
            }
            if (!a.components().isEmpty()) {
                ArrayNode cs = n.putArray("components");
                for (Asset.Component c : a.components()) {
                    cs.addObject().put("activity", c.activity()).put("count", Json.decimal(c.count()));
                }
            }
            n.put("gpus", a.gpus());
            n.put("lifetime_hours", Json.decimal(a.lifetimeHours()));
            n.put("in_service", a.inService().toString());
            if (a.retired() != null) {
                n.put("retired", a.retired().toString());
            }
        }
        return CanonicalJson.canonicalString(Json.compact(root));
    }

    /** {@code sha256:} of {@link #toCanonicalJson()}: the registry's identity in a run manifest. */
    public String digest() {
        return CanonicalJson.digest(toCanonicalJson());
    }

    @Override
    public String toString() {
        return "AssetRegistry[" + assets.size() + " assets]";
    }
}
