package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.Gas;

/**
 * The grid intensity (kg CO2e per kWh) that the carbon calculation applies to electricity at a
 * place and time, chosen by the same rule as location-based Scope 2 of telemetry
 * ({@code docs/methodology.md}, "Scope 2, location-based"): the selector's best CO2 and CO2e
 * candidates; within the winning source a published CO2e computed with the settings' GWP set, else
 * CO2, CH4 and N2O combined with that set, else a published CO2e of another or unstated set (noted),
 * else CO2 alone (noted). Overrides and factor validity dates apply, because every factor comes from
 * {@link CarbonContext#select}.
 *
 * <p>This is the entry point for calculations outside the telemetry report, such as the AI usage
 * impact ({@code org.ecocalc.core.usage}).
 *
 * @param kgCo2ePerKwh the rate, or null when no factor applies ({@link #missing()} says why)
 * @param uses         the factors applied (and the GWP table, when gases were combined)
 * @param notes        flags that qualify the rate (a GWP-set mismatch, CO2 only)
 * @param missing      why no rate could be chosen, or null
 */
public record GridRate(BigDecimal kgCo2ePerKwh, List<FactorUse> uses, List<String> notes, String missing) {
    /** The activity type of location-based grid electricity factors: {@value}. */
    public static final String GRID_ELECTRICITY = CarbonCalculator.GRID;

    public GridRate {
        uses = List.copyOf(uses);
        notes = List.copyOf(notes);
        if ((kgCo2ePerKwh == null) == (missing == null)) {
            throw new IllegalArgumentException("a grid rate has either a value or a reason");
        }
    }

    /**
     * Chooses the grid rate for one place and interval.
     *
     * @param context  the factor library, overrides and GWP table
     * @param settings the GWP set and horizon (the other settings are not read)
     * @param queryFor builds the query for a gas (activity type {@link #GRID_ELECTRICITY}; same place,
     *                 organisation and interval for every gas)
     * @param place    names the place in messages, such as {@code "country US"}
     */
    public static GridRate select(CarbonContext context, MethodSettings settings, Function<Gas, FactorQuery> queryFor,
            String place) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(queryFor, "queryFor");
        Objects.requireNonNull(place, "place");
        CarbonCalculator.Priced p = new CarbonCalculator(settings, context).gridRate(queryFor, place, GRID_ELECTRICITY);
        return new GridRate(p.kgCo2e(), p.uses(), p.notes(), p.missing());
    }

    /** Whether a rate was found. */
    public boolean isFound() {
        return missing == null;
    }
}
