package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.CarbonSums.Channel;
import org.ecocalc.core.report.CarbonSums.InstrumentSum;

/**
 * Market-based Scope 2 for one group, per the GHG Protocol Scope 2 Guidance (2015), Table 6.3 and
 * the Scope 2 Quality Criteria (Table 7.1): instruments claim the group's consumption in tier order
 * (1 certificates and contracts, 2 supplier-specific rates; within a tier by instrument id), each
 * kWh once; what no instrument covers is priced at the residual mix where a factor exists, else at
 * the grid average, pro rata over the group's consumption. Instruments from another market are not
 * used (criterion 5); a vintage outside the consumption years is used and flagged (criterion 4);
 * instrument volume beyond the consumption is reported, never used.
 */
final class MarketAllocation {
    /**
     * The outcome: kg CO2e or the reason it cannot be computed, a line per tier or flag, and the keys of
     * the factor uses it applied (residual mix, grid average; none when instruments cover everything).
     */
    record Result(BigDecimal kgCo2e, String missing, List<String> notes, Set<CarbonSums.UseKey> factorKeys) {
        Result {
            factorKeys = Set.copyOf(factorKeys);
        }

        Result(BigDecimal kgCo2e, String missing, List<String> notes) {
            this(kgCo2e, missing, notes, Set.of());
        }

        /**
         * The sum of several facilities' results: instruments are allocated within a facility (its
         * own market), never pooled across facilities.
         */
        static Result sum(List<String> facilities, List<Result> results) {
            BigDecimal kg = BigDecimal.ZERO;
            List<String> notes = new ArrayList<>();
            java.util.HashSet<CarbonSums.UseKey> keys = new java.util.HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                Result r = results.get(i);
                if (r.missing() != null) {
                    return new Result(null, facilities.get(i) + ": " + r.missing(), notes);
                }
                kg = kg.add(r.kgCo2e());
                keys.addAll(r.factorKeys());
                for (String n : r.notes()) {
                    notes.add(facilities.get(i) + ": " + n);
                }
            }
            return new Result(Decimals.normalize(kg), null, notes, keys);
        }
    }

    private MarketAllocation() {
    }

    static Result allocate(CarbonSums c, Set<Integer> years) {
        BigDecimal consumption = c.get(Channel.S2_KWH);
        List<String> notes = new ArrayList<>();
        if (consumption == null) {
            return new Result(null, "no Scope 2 electricity reported (/energy/grid_import or /energy/facility)", notes);
        }
        List<Map.Entry<String, InstrumentSum>> order = new ArrayList<>(c.instruments.entrySet());
        order.sort(Comparator.comparing((Map.Entry<String, InstrumentSum> e) -> e.getValue().type.tier())
                .thenComparing(Map.Entry::getKey));
        BigDecimal remaining = consumption;
        BigDecimal kg = BigDecimal.ZERO;
        BigDecimal[] tierKwh = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] tierKg = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Map.Entry<String, InstrumentSum> e : order) {
            String id = e.getKey();
            InstrumentSum in = e.getValue();
            if (in.inconsistent) {
                notes.add("instrument " + id + " appears with different terms in different records: not used");
                continue;
            }
            if (!c.markets.contains(in.market)) {
                notes.add("instrument " + id + " was issued in market " + in.market + ", outside the facility's markets "
                        + c.markets + ": not used (Scope 2 Quality Criterion 5)");
                continue;
            }
            if (in.vintage != null && !years.contains(in.vintage)) {
                notes.add("instrument " + id + " has vintage " + in.vintage + ", outside the consumption years " + years
                        + " (Scope 2 Quality Criterion 4): used, flagged");
            }
            BigDecimal claim = in.kwh.min(remaining);
            BigDecimal excess = in.kwh.subtract(claim);
            if (excess.signum() > 0) {
                notes.add("instrument " + id + ": " + plain(excess) + " kWh beyond the consumption, reported and not used");
            }
            if (claim.signum() > 0) {
                BigDecimal claimKg = claim.multiply(in.rateKgPerKwh);
                kg = kg.add(claimKg);
                remaining = remaining.subtract(claim);
                int t = in.type.tier();
                tierKwh[t] = tierKwh[t].add(claim);
                tierKg[t] = tierKg[t].add(claimKg);
            }
        }
        if (tierKwh[1].signum() > 0) {
            notes.add("tier 1 certificates and contracts: " + plain(tierKwh[1]) + " kWh, " + plain(tierKg[1]) + " kgCO2e");
        }
        if (tierKwh[2].signum() > 0) {
            notes.add("tier 2 supplier-specific rates: " + plain(tierKwh[2]) + " kWh, " + plain(tierKg[2]) + " kgCO2e");
        }
        java.util.HashSet<CarbonSums.UseKey> applied = new java.util.HashSet<>();
        if (remaining.signum() > 0) {
            BigDecimal residualKwh = zero(c.get(Channel.RESIDUAL_KWH));
            BigDecimal fallbackKwh = zero(c.get(Channel.FALLBACK_KWH));
            if (residualKwh.add(fallbackKwh).compareTo(consumption) < 0) {
                return new Result(null, "uncovered electricity has neither a residual-mix nor a grid-average factor", notes);
            }
            BigDecimal priced = zero(c.get(Channel.RESIDUAL_KG)).add(zero(c.get(Channel.FALLBACK_KG)));
            // Pro rata: the uncovered share remaining / consumption of every kWh's residual or grid price.
            BigDecimal uncoveredKg = Decimals.divide(priced.multiply(remaining), consumption);
            kg = kg.add(uncoveredKg);
            if (residualKwh.signum() > 0) {
                applied.addAll(c.residualKeys);
                notes.add("tier 3 residual mix: " + plain(Decimals.divide(residualKwh.multiply(remaining), consumption))
                        + " kWh");
            }
            if (fallbackKwh.signum() > 0) {
                applied.addAll(c.gridAverageKeys);
                notes.add("tier 4 grid average (no residual-mix factor for this market; to be disclosed): "
                        + plain(Decimals.divide(fallbackKwh.multiply(remaining), consumption)) + " kWh");
            }
        }
        return new Result(Decimals.normalize(kg), null, notes, applied);
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String plain(BigDecimal v) {
        return Decimals.toCanonicalString(v);
    }
}
