/**
 * AI usage impact: usage event v1 ({@link org.ecocalc.core.usage.UsageEvent}, read by
 * {@link org.ecocalc.core.usage.UsageReader} with JSON Schema validation), the impact model
 * ({@link org.ecocalc.core.usage.UsageCalculator}: energy, water and carbon of an LLM call or a GPU
 * job, each with low, central and high values and its lineage), and the exact, order-free
 * {@link org.ecocalc.core.usage.UsageAccumulator} that groups impacts by organisation, team, user,
 * provider, model, region and day or month. The formulas and their sources are in
 * {@code docs/methodology.md}, "AI usage impact"; the factors in the {@code ai-inference} pack
 * ({@code docs/factor-packs.md}).
 */
package org.ecocalc.core.usage;
