package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The projection of one scenario (or of the baseline): its parameters, its values for years 0 to
 * N, the differences from the baseline for the same years, and notes on approximations used.
 *
 * @param name     the scenario's name ({@value Simulator#BASELINE} for the baseline)
 * @param scenario the scenario's parameters, or null for the baseline
 * @param growthPctPerYear the workload growth applied, percent per year
 * @param years    years 0 to N, in order
 * @param deltas   each year minus the baseline's same year (empty for the baseline)
 * @param notes    approximations used, sorted
 */
public record Projection(String name, Scenario scenario, BigDecimal growthPctPerYear, List<YearValues> years,
        List<YearValues> deltas, List<String> notes) {
    public Projection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(growthPctPerYear, "growthPctPerYear");
        years = List.copyOf(years);
        deltas = List.copyOf(deltas);
        notes = List.copyOf(notes);
    }

    /** Year {@code y}. */
    public YearValues year(int y) {
        return years.get(y);
    }
}
