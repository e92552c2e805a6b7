/**
 * Data quality: completeness, ingestion latency, outliers and drift per sensor series, and the
 * confidence attached to every metric result. Settings in
 * {@link org.ecocalc.core.quality.QualitySettings}; formulas in {@code docs/methodology.md}.
 */
package org.ecocalc.core.quality;
