/**
 * Carbon inputs beyond telemetry: the {@link org.ecocalc.core.carbon.CarbonContext} (factor
 * library, approved overrides, GWP table) and the {@link org.ecocalc.core.carbon.AssetRegistry}
 * for embodied carbon. The calculation itself happens in {@link org.ecocalc.core.report}; the
 * formulas are in {@code docs/methodology.md}.
 */
package org.ecocalc.core.carbon;
