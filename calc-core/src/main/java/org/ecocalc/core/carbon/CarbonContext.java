package org.ecocalc.core.carbon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorOverride;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.FactorSelector;
import org.ecocalc.core.factor.GwpTable;
import org.ecocalc.core.factor.UnknownFactorException;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import tools.jackson.databind.node.ArrayNode;

/**
 * What a carbon calculation needs besides telemetry and settings: the factor library, the approved
 * overrides, the GWP table and the asset registry. Immutable and thread-safe; it memoises factor
 * selections (a selection is a pure function of the query and the library, so memoising never
 * changes a result).
 *
 * <p>Without a factor library ({@link #none()}) every carbon metric is "not computable: no factor
 * packs loaded", never zero.
 */
public final class CarbonContext {
    /** The pack the GWP table is read from unless another is named: {@value}. */
    public static final String DEFAULT_GWP_PACK = "ipcc-gwp";
    /** How many selections the memo keeps: {@value}. */
    public static final int MEMO_LIMIT = 65_536;

    private static final CarbonContext NONE = new CarbonContext(FactorLibrary.empty(), List.of(), AssetRegistry.empty(),
            DEFAULT_GWP_PACK);

    private final FactorLibrary library;
    private final List<FactorOverride> overrides;
    private final FactorSelector selector;
    private final GwpTable gwp;
    private final AssetRegistry assets;
    private final String gwpPack;
    private final ConcurrentHashMap<FactorQuery, Object> memo = new ConcurrentHashMap<>();

    private CarbonContext(FactorLibrary library, List<FactorOverride> overrides, AssetRegistry assets, String gwpPack) {
        this.library = Objects.requireNonNull(library, "library");
        this.overrides = List.copyOf(overrides);
        this.assets = Objects.requireNonNull(assets, "assets");
        this.gwpPack = Objects.requireNonNull(gwpPack, "gwpPack");
        this.selector = FactorSelector.builder(library).overrides(this.overrides).build();
        GwpTable table = null;
        FactorPack pack = library.latest(gwpPack).orElse(null);
        if (pack != null) {
            table = GwpTable.from(pack);
        }
        this.gwp = table;
    }

    /** No factors: carbon metrics are not computable. */
    public static CarbonContext none() {
        return NONE;
    }

    /** The packs on the class path (the {@code factor-packs} artifact, if present), no overrides, no assets. */
    public static CarbonContext fromClasspath() {
        return builder(FactorLibrary.fromClasspath(CarbonContext.class.getClassLoader())).build();
    }

    /** A builder over a library. */
    public static Builder builder(FactorLibrary library) {
        return new Builder(library);
    }

    /** The factor library. */
    public FactorLibrary library() {
        return library;
    }

    /** The approved overrides. */
    public List<FactorOverride> overrides() {
        return overrides;
    }

    /** The GWP table, or null when no GWP pack is loaded. */
    public GwpTable gwp() {
        return gwp;
    }

    /** The asset registry. */
    public AssetRegistry assets() {
        return assets;
    }

    /** This context with another asset registry (same library, overrides and GWP pack). */
    public CarbonContext withAssets(AssetRegistry other) {
        return new CarbonContext(library, overrides, other, gwpPack);
    }

    /** Whether any pack is loaded. */
    public boolean hasFactors() {
        return !library.isEmpty();
    }

    /**
     * The selection for a query, or null when no factor matches (the reason is then
     * {@link #whyNot(FactorQuery)}). Memoised (at most {@value #MEMO_LIMIT} queries are kept; past
     * that the memo starts again, so a long-lived context over years of data stays small).
     */
    public FactorSelection select(FactorQuery q) {
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        Object r = memo.computeIfAbsent(q, k -> {
            try {
                return selector.select(q);
            } catch (UnknownFactorException e) {
                return e.getMessage();
            }
        });
        return r instanceof FactorSelection s ? s : null;
    }

    /** Why {@link #select(FactorQuery)} found nothing, or null when it found a factor. */
    public String whyNot(FactorQuery q) {
        Object r = memo.get(q);
        if (r == null) {
            try {
                selector.select(q);
                return null;
            } catch (UnknownFactorException e) {
                return e.getMessage();
            }
        }
        return r instanceof String s ? s : null;
    }

    /**
     * {@code sha256:} of the approved overrides as canonical JSON (in the order given: scope, scope
     * id, factor reference and pack digest, approver, day, reason), or null when there are none. A
     * run manifest records it, so that a run with other overrides is another run.
     */
    public String overridesDigest() {
        if (overrides.isEmpty()) {
            return null;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (FactorOverride o : overrides) {
            list.addObject().put("scope", o.scope().id()).put("scope_id", o.scopeId())
                    .put("factor", o.factor().reference()).put("pack_digest", o.factor().pack().digest())
                    .put("approved_by", o.approvedBy()).put("approved_on", o.approvedOn().toString())
                    .put("reason", o.reason());
        }
        return CanonicalJson.digest(Json.compact(list));
    }

    /** {@code sha256:} of the asset registry's canonical JSON, or null when it is empty. */
    public String assetsDigest() {
        return assets.isEmpty() ? null : assets.digest();
    }

    @Override
    public String toString() {
        return "CarbonContext[" + library + ", " + overrides.size() + " overrides, " + assets + "]";
    }

    /** Builds a {@link CarbonContext}. */
    public static final class Builder {
        private final FactorLibrary library;
        private final List<FactorOverride> overrides = new ArrayList<>();
        private AssetRegistry assets = AssetRegistry.empty();
        private String gwpPack = DEFAULT_GWP_PACK;

        private Builder(FactorLibrary library) {
            this.library = Objects.requireNonNull(library, "library");
        }

        /** Adds approved overrides (order does not matter). */
        public Builder overrides(Collection<FactorOverride> more) {
            more.forEach(o -> overrides.add(Objects.requireNonNull(o, "override")));
            return this;
        }

        /** Sets the asset registry (default empty). */
        public Builder assets(AssetRegistry assets) {
            this.assets = Objects.requireNonNull(assets, "assets");
        this.gwpPack = Objects.requireNonNull(gwpPack, "gwpPack");
            return this;
        }

        /** Names the pack to read GWP values from (default {@value CarbonContext#DEFAULT_GWP_PACK}, newest version). */
        public Builder gwpPack(String packId) {
            this.gwpPack = Objects.requireNonNull(packId, "packId");
            return this;
        }

        /** The context. */
        public CarbonContext build() {
            return new CarbonContext(library, overrides, assets, gwpPack);
        }
    }
}
