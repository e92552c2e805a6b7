package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a simulation: what was projected, the baseline projection and each scenario's,
 * side by side. Write it with {@link SimulationJson}.
 *
 * @param facilityId     the facility projected, or null for the report's total
 * @param coveredSeconds the span of the baseline report's group, in seconds
 * @param annualised     whether the baseline's totals were scaled to 365 days
 * @param simulation     the scenario file
 * @param baseline       the baseline (business as usual)
 * @param scenarios      the scenarios, in file order
 */
public record SimulationResult(String facilityId, BigDecimal coveredSeconds, boolean annualised, Simulation simulation,
        Projection baseline, List<Projection> scenarios) {
    public SimulationResult {
        Objects.requireNonNull(coveredSeconds, "coveredSeconds");
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(baseline, "baseline");
        scenarios = List.copyOf(scenarios);
    }

    /** The scenario with this name, or null. */
    public Projection scenario(String name) {
        for (Projection p : scenarios) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
