package org.ecocalc.core.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.telemetry.EmissionRate;
import org.ecocalc.core.telemetry.Instrument;

/**
 * The carbon part of a group's sums: exact kg CO2e and kWh totals, the instruments seen, the
 * factors used and the reasons anything could not be priced. Every field is a sum, a union or a
 * count, so adding and merging commute.
 */
final class CarbonSums implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The channels of exact sums. */
    enum Channel {
        /** Scope 1 stationary combustion, kg CO2e. */
        FUEL_KG,
        /** Scope 1 fugitive refrigerant, kg CO2e. */
        REFRIGERANT_KG,
        /** Scope 2 electricity, kWh. */
        S2_KWH,
        /** Location-based Scope 2 (time-of-use where available), kg CO2e. */
        LOCATION_KG,
        /** Scope 2 electricity priced at the annual grid-average factor, kg CO2e (market fallback). */
        ANNUAL_KG,
        /** kWh priced by a time-of-use intensity. */
        TOU_KWH,
        /** kWh with a residual-mix factor. */
        RESIDUAL_KWH,
        /** Those kWh at the residual-mix factor, kg CO2e. */
        RESIDUAL_KG,
        /** kWh with an annual grid factor. */
        ANNUAL_KWH,
        /** kWh without a residual-mix factor but with an annual grid factor (market tier 4). */
        FALLBACK_KWH,
        /** Those kWh at the annual grid factor, kg CO2e. */
        FALLBACK_KG
    }

    static final int CHANNELS = Channel.values().length;

    final BigDecimal[] sums = new BigDecimal[CHANNELS];
    final long[] records = new long[CHANNELS];
    /** Instruments by id. */
    final TreeMap<String, InstrumentSum> instruments = new TreeMap<>();
    /** Factor uses by their identity (everything but the record count); read in {@link FactorUse#key()} order. */
    final HashMap<UseKey, FactorUse> factors = new HashMap<>();
    /** Notes ("flags") with the number of records each applies to, by category prefix ("scope2_location: ..."). */
    final Tally notes = new Tally();
    /** Why a category could not be priced, with record counts, by category prefix. */
    final Tally missing = new Tally();
    /** The countries and regions the group's records name (the facility's markets). */
    final TreeSet<String> markets = new TreeSet<>();
    /** Keys of the grid-factor uses applied to location-based kWh (kWh without a time-of-use intensity). */
    final HashSet<UseKey> locationKeys = new HashSet<>();
    /** Keys of the residual-mix uses: applied to market-based kWh that no instrument covers (tier 3). */
    final HashSet<UseKey> residualKeys = new HashSet<>();
    /** Keys of the grid-average uses of records without a residual mix: market-based tier 4. */
    final HashSet<UseKey> gridAverageKeys = new HashSet<>();

    /** One instrument's volume in the group. */
    static final class InstrumentSum implements Serializable {
        private static final long serialVersionUID = 1L;
        final Instrument.Type type;
        final BigDecimal rateKgPerKwh;
        final Integer vintage;
        final String market;
        BigDecimal kwh;
        boolean inconsistent;

        InstrumentSum(Instrument.Type type, BigDecimal rate, Integer vintage, String market, BigDecimal kwh) {
            this.type = type;
            this.rateKgPerKwh = rate;
            this.vintage = vintage;
            this.market = market;
            this.kwh = kwh;
        }

        boolean sameTerms(InstrumentSum o) {
            return type == o.type && rateKgPerKwh.compareTo(o.rateKgPerKwh) == 0 && java.util.Objects.equals(vintage,
                    o.vintage) && market.equals(o.market);
        }

        InstrumentSum copy() {
            InstrumentSum c = new InstrumentSum(type, rateKgPerKwh, vintage, market, kwh);
            c.inconsistent = inconsistent;
            return c;
        }
    }

    void add(Channel c, BigDecimal v) {
        int i = c.ordinal();
        sums[i] = sums[i] == null ? v : sums[i].add(v);
    }

    void count(Channel c) {
        records[c.ordinal()]++;
    }

    BigDecimal get(Channel c) {
        return sums[c.ordinal()];
    }

    void instrument(Instrument in, BigDecimal kwh) {
        EmissionRate rate = in.emissionRate();
        InstrumentSum s = new InstrumentSum(in.type(), rate.kgPerKwh(), in.vintage(), in.market(), kwh);
        mergeInstrument(in.instrumentId(), s);
    }

    private void mergeInstrument(String id, InstrumentSum s) {
        InstrumentSum mine = instruments.get(id);
        if (mine == null) {
            instruments.put(id, s.copy());
            return;
        }
        if (!mine.sameTerms(s) || s.inconsistent) {
            mine.inconsistent = true;
        }
        mine.kwh = mine.kwh.add(s.kwh);
    }

    /**
     * Records a factor use. {@code count} is 1 in the first group a record reaches and 0 in the
     * others, so merged totals count each record once while every group lists the factor.
     */
    void factor(FactorUse use, long count) {
        FactorUse u = use.records() == count ? use : use.plus(count - use.records());
        factors.merge(new UseKey(u), u, CarbonSums::combine);
    }

    /**
     * Two uses of one factor for one role at one match level and confidence: one use with both
     * record counts and the trace that sorts first. The selection traces of such uses differ only in
     * the dates of the records they were selected for (a factor chosen for each day of a month), so
     * the group lists the factor once, with a trace of its first day, instead of once a day. Taking
     * the least trace keeps the result independent of the order records and partitions arrive in.
     */
    static FactorUse combine(FactorUse a, FactorUse b) {
        FactorUse first = TRACE_ORDER.compare(a.trace(), b.trace()) <= 0 ? a : b;
        return first.plus(a.records() + b.records() - first.records());
    }

    /** Lexicographic order of traces, step by step. */
    private static final Comparator<List<String>> TRACE_ORDER = (x, y) -> {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };

    /** The factor uses in {@link FactorUse#key()} order (the order written in lineage). */
    List<FactorUse> factorUses() {
        List<FactorUse> out = new ArrayList<>(factors.values());
        out.sort(Comparator.comparing(FactorUse::key));
        return out;
    }

    /**
     * A factor use's identity in a group: role, factor, match level and confidence (not the trace:
     * see {@link #combine}). Hashing reuses the strings' cached hash codes, so counting a use per
     * record costs no concatenation.
     */
    record UseKey(String role, String reference, String level, String confidence) implements Serializable {
        UseKey(FactorUse u) {
            this(u.role(), u.reference(), u.level(), u.confidence());
        }
    }

    void note(String category, String text, long count) {
        notes.add(category, text, count);
    }

    void missing(String category, String text, long count) {
        missing.add(category, text, count);
    }

    boolean isMissing(String category) {
        return missing.has(category);
    }

    void merge(CarbonSums o) {
        for (int i = 0; i < CHANNELS; i++) {
            if (o.sums[i] != null) {
                sums[i] = sums[i] == null ? o.sums[i] : sums[i].add(o.sums[i]);
            }
            records[i] += o.records[i];
        }
        for (Map.Entry<String, InstrumentSum> e : o.instruments.entrySet()) {
            mergeInstrument(e.getKey(), e.getValue());
        }
        for (FactorUse u : o.factors.values()) {
            factor(u, u.records());
        }
        notes.addAll(o.notes);
        missing.addAll(o.missing);
        markets.addAll(o.markets);
        locationKeys.addAll(o.locationKeys);
        residualKeys.addAll(o.residualKeys);
        gridAverageKeys.addAll(o.gridAverageKeys);
    }

    /** Lowers record counts by those of split records counted in several groups. */
    void uncount(long[] extra) {
        for (int i = 0; i < CHANNELS; i++) {
            records[i] -= extra[i];
        }
    }
}
