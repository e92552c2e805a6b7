/**
 * Threshold alerts: rules, settings, series and the pure evaluation that turns series into
 * {@link org.ecocalc.core.alert.Alert}s.
 *
 * <p>Series come from two sources: the metric values per reporting period of a report
 * ({@link org.ecocalc.core.alert.AlertSeries#fromReport(org.ecocalc.core.report.ReportValues)}),
 * and raw sensor readings such as room CO2 and temperature
 * ({@link org.ecocalc.core.alert.SensorReading}, read by
 * {@link org.ecocalc.core.alert.SensorReadingReader}). {@link org.ecocalc.core.alert.Alerts#evaluate}
 * is a pure function: the same series and settings give the same alerts, in the same order.
 * Thresholds are {@link org.ecocalc.core.alert.AlertSettings}, also readable from environment
 * variables. Each alert can be passed to an {@link org.ecocalc.core.alert.AlertSink} and written
 * as JSON ({@link org.ecocalc.core.alert.AlertJson}); the rules and their defaults are described
 * in {@code docs/alerts.md}.
 */
package org.ecocalc.core.alert;
