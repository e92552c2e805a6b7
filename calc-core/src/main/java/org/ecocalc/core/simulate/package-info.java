/**
 * The what-if simulator: projects a baseline run (a report) over N years under scenarios that
 * combine a PUE target, a renewable share, a grid-intensity trajectory or a move to another zone,
 * a load shift into low-intensity hours, a utilisation change, a hardware refresh, a WUE target
 * and workload growth; with costs in one currency (JSR 354).
 *
 * <p>Entry points: {@link org.ecocalc.core.simulate.Simulation#parse(String)} reads a scenario
 * file ({@code docs/schemas/scenario.v1.json}),
 * {@link org.ecocalc.core.simulate.Simulator#run(org.ecocalc.core.report.ReportValues, Simulation)}
 * projects it, {@link org.ecocalc.core.simulate.SimulationJson} writes the result. Every formula
 * is in {@code docs/methodology.md} ("What-if simulator"); the model is a pure function of the
 * report values and the scenario file, so the same inputs always give the same bytes.
 */
package org.ecocalc.core.simulate;
