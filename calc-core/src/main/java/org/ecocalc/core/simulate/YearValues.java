package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import org.ecocalc.core.quantity.Decimals;
import org.javamoney.moneta.Money;

/**
 * The projected values of one year (or, as a delta, a scenario's year minus the baseline's).
 * Energy in kWh, water in L, carbon in kg CO2e, unrounded (decimal128 at most). A value is null
 * when the baseline report could not give it (for example no water data); a cost is null when
 * one of its inputs is.
 *
 * @param year                      the year, 0 for the baseline itself
 * @param energyItKwh               IT energy
 * @param energyFacilityKwh         facility energy
 * @param energyGridKwh             grid (Scope 2) electricity
 * @param pue                       PUE
 * @param waterL                    water (the report's WUE basis)
 * @param wueLPerKwh                WUE
 * @param gpuHours                  GPU-hours
 * @param scope1Kgco2e              Scope 1
 * @param scope2LocationKgco2e      Scope 2, location-based
 * @param scope2MarketKgco2e        Scope 2, market-based
 * @param embodiedKgco2e            amortised embodied carbon
 * @param gridIntensityKgco2ePerKwh location-based grid intensity applied
 * @param costs                     the costs, or null without prices
 */
public record YearValues(int year, BigDecimal energyItKwh, BigDecimal energyFacilityKwh, BigDecimal energyGridKwh,
        BigDecimal pue, BigDecimal waterL, BigDecimal wueLPerKwh, BigDecimal gpuHours, BigDecimal scope1Kgco2e,
        BigDecimal scope2LocationKgco2e, BigDecimal scope2MarketKgco2e, BigDecimal embodiedKgco2e,
        BigDecimal gridIntensityKgco2ePerKwh, Costs costs) {

    /**
     * The costs of one year, in the simulation's currency; each null when an input is missing.
     *
     * @param electricity grid electricity × electricity price
     * @param carbon      (Scope 1 + Scope 2 basis [+ embodied]) / 1000 × carbon price per tonne
     * @param water       water / 1000 × water price per m³
     * @param total       the sum, or null when any part is null (never a partial total)
     */
    public record Costs(Money electricity, Money carbon, Money water, Money total) {
    }

    /** This year minus {@code base}, field by field (null when either is null); the year is this one's. */
    public YearValues minus(YearValues base) {
        Costs c = null;
        if (costs != null && base.costs != null) {
            c = new Costs(sub(costs.electricity, base.costs.electricity), sub(costs.carbon, base.costs.carbon),
                    sub(costs.water, base.costs.water), sub(costs.total, base.costs.total));
        }
        return new YearValues(year, sub(energyItKwh, base.energyItKwh), sub(energyFacilityKwh, base.energyFacilityKwh),
                sub(energyGridKwh, base.energyGridKwh), sub(pue, base.pue), sub(waterL, base.waterL),
                sub(wueLPerKwh, base.wueLPerKwh), sub(gpuHours, base.gpuHours), sub(scope1Kgco2e, base.scope1Kgco2e),
                sub(scope2LocationKgco2e, base.scope2LocationKgco2e), sub(scope2MarketKgco2e, base.scope2MarketKgco2e),
                sub(embodiedKgco2e, base.embodiedKgco2e), sub(gridIntensityKgco2ePerKwh, base.gridIntensityKgco2ePerKwh),
                c);
    }

    private static BigDecimal sub(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : Decimals.normalize(a.subtract(b));
    }

    private static Money sub(Money a, Money b) {
        if (a == null || b == null) {
            return null;
        }
        Prices.requireSame(a.getCurrency(), b, "a cost");
        return Prices.money(Prices.amount(a).subtract(Prices.amount(b)), a.getCurrency());
    }
}
