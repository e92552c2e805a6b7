/**
 * The calculation: {@link org.ecocalc.core.report.ReportAccumulator} (exact, order-free, mergeable
 * sums), the metric registry {@link org.ecocalc.core.report.Metric}, results with lineage, and the
 * {@link org.ecocalc.core.report.Report} with its JSON form. The formulas are cited in
 * {@code docs/methodology.md}.
 */
package org.ecocalc.core.report;
