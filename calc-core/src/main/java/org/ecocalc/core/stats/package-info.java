/**
 * Deterministic statistics on decimal series, shared by alerts and data quality: the
 * {@link org.ecocalc.core.stats.DriftTest} of a recent window against a baseline window.
 *
 * <p>Arithmetic follows the rule of {@code org.ecocalc.core}: {@link java.math.BigDecimal} only,
 * sums exact, each division and square root rounded once with
 * {@link org.ecocalc.core.quantity.Decimals#MATH_CONTEXT}. No {@code double} is used.
 */
package org.ecocalc.core.stats;
