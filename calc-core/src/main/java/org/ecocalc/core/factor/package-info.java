/**
 * Factor packs, the factor library, deterministic factor selection and global warming potentials.
 *
 * <ul>
 *   <li>{@link org.ecocalc.core.factor.FactorPacks} reads and checks a pack (schema, digest, rules);
 *       {@link org.ecocalc.core.factor.FactorPackLoader} finds packs on the class path (an index
 *       resource) and in directories.</li>
 *   <li>{@link org.ecocalc.core.factor.FactorLibrary} holds loaded pack versions, immutably, in the
 *       manner of {@code java.time.zone.ZoneRulesProvider}: a version loaded stays available, and
 *       loading the same version twice is an error.</li>
 *   <li>{@link org.ecocalc.core.factor.FactorSelector} chooses one factor for a
 *       {@link org.ecocalc.core.factor.FactorQuery} and explains the choice in a
 *       {@link org.ecocalc.core.factor.FactorSelection}.</li>
 *   <li>{@link org.ecocalc.core.factor.GwpTable} combines per-gas amounts into CO2e for a
 *       {@link org.ecocalc.core.factor.GwpSet} and {@link org.ecocalc.core.factor.GwpHorizon}.</li>
 * </ul>
 * The conventions of {@link org.ecocalc.core} apply (null rule, arithmetic rule, no ambient state).
 */
package org.ecocalc.core.factor;
