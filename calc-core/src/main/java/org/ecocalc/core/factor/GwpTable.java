package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Global warming potentials by gas, IPCC set and horizon, from one factor pack, and the
 * combination of per-gas amounts into CO2 equivalent.
 *
 * <p>{@code kg CO2e = Σ kg(gas) × GWP(gas, set, horizon)}, summed exactly (IPCC AR6 WG I, Ch. 7,
 * section 7.6.1; GHG Protocol Corporate Standard, ch. 4). A blend's GWP is the mass-weighted sum
 * of its components' GWPs (EPA GHG Emission Factors Hub, Table 12 note; IPCC AR6 Annex VII
 * "global warming potential"). A gas, set and horizon without a published value is refused with
 * {@link GwpUnavailableException}: no value of another set or horizon is substituted, and methane
 * of fossil or non-fossil origin is never silently replaced by the generic methane value.
 */
public final class GwpTable {
    private final PackRef pack;
    private final Map<String, GwpValue> values;
    private final Map<Gas, GwpBlend> blends;

    private GwpTable(FactorPack pack) {
        this.pack = pack.ref();
        Map<String, GwpValue> v = new TreeMap<>();
        for (GwpValue g : pack.gwpValues()) {
            v.put(key(g.gas(), g.set(), g.horizon()), g);
        }
        Map<Gas, GwpBlend> b = new TreeMap<>();
        for (GwpBlend blend : pack.blends()) {
            b.put(blend.gas(), blend);
        }
        this.values = Collections.unmodifiableMap(v);
        this.blends = Collections.unmodifiableMap(b);
    }

    /**
     * The GWP table of a pack.
     *
     * @throws IllegalArgumentException if the pack has no GWP values
     */
    public static GwpTable from(FactorPack pack) {
        Objects.requireNonNull(pack, "pack");
        if (pack.gwpValues().isEmpty()) {
            throw new IllegalArgumentException("factor pack " + pack.ref().idAtVersion() + " has no GWP values");
        }
        return new GwpTable(pack);
    }

    /** The pack the values come from. */
    public PackRef pack() {
        return pack;
    }

    /** Every gas with at least one value, blends included, in id order. */
    public Set<Gas> gases() {
        Set<Gas> out = new TreeSet<>(blends.keySet());
        for (GwpValue v : values.values()) {
            out.add(v.gas());
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether a value exists for the gas, set and horizon (for a blend: for every component). */
    public boolean contains(Gas gas, GwpSet set, GwpHorizon horizon) {
        try {
            value(gas, set, horizon);
            return true;
        } catch (GwpUnavailableException e) {
            return false;
        }
    }

    /**
     * The GWP of a gas. For a blend, the exact mass-weighted sum of its components' values,
     * marked {@link GwpValue#derived()}.
     *
     * @throws GwpUnavailableException if no value is published for the gas, set and horizon
     */
    public GwpValue value(Gas gas, GwpSet set, GwpHorizon horizon) {
        Objects.requireNonNull(gas, "gas");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(horizon, "horizon");
        if (gas.isCo2e()) {
            throw new IllegalArgumentException("co2e is already CO2 equivalent; it has no GWP");
        }
        GwpValue v = values.get(key(gas, set, horizon));
        if (v != null) {
            return v;
        }
        GwpBlend blend = blends.get(gas);
        if (blend != null) {
            BigDecimal sum = BigDecimal.ZERO;
            for (GwpBlend.Component c : blend.components()) {
                GwpValue cv = values.get(key(c.gas(), set, horizon));
                if (cv == null) {
                    throw new GwpUnavailableException(gas, set, horizon, "component " + c.gas()
                            + " of the blend has no such value in " + pack.idAtVersion());
                }
                sum = sum.add(c.massFraction().multiply(cv.value()));
            }
            return new GwpValue(gas, set, horizon, sum, true, blend.provenance(), pack);
        }
        List<String> have = new ArrayList<>();
        for (GwpValue g : values.values()) {
            if (g.gas().equals(gas)) {
                have.add(g.set() + "/" + g.horizon().years());
            }
        }
        throw new GwpUnavailableException(gas, set, horizon, have.isEmpty()
                ? "the gas is not in " + pack.idAtVersion()
                : pack.idAtVersion() + " has it only for " + String.join(", ", have));
    }

    /**
     * Combines per-gas masses in kg into kg CO2e: {@code Σ kg(gas) × GWP(gas, set, horizon)},
     * exact (no rounding). Gases are processed in id order, so an error always names the same gas.
     *
     * @param kgByGas mass of each gas in kg (co2, ch4, n2o, refrigerants); not co2e
     * @throws GwpUnavailableException  if any gas lacks a value for the set and horizon
     * @throws IllegalArgumentException if the map contains {@link Gas#CO2E}
     */
    public BigDecimal toCo2e(Map<Gas, BigDecimal> kgByGas, GwpSet set, GwpHorizon horizon) {
        Objects.requireNonNull(kgByGas, "kgByGas");
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Gas, BigDecimal> e : new TreeMap<>(kgByGas).entrySet()) {
            sum = sum.add(e.getValue().multiply(value(e.getKey(), set, horizon).value()));
        }
        return sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
    }

    private static String key(Gas gas, GwpSet set, GwpHorizon horizon) {
        return gas.id() + "|" + set + "|" + horizon.years();
    }

    @Override
    public String toString() {
        return "GwpTable[" + pack.idAtVersion() + ", " + values.size() + " values, " + blends.size() + " blends]";
    }
}
