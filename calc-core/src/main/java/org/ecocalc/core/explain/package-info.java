/**
 * "Explain this number": for any metric of any group of a report, the formula, the input
 * quantities with the records they came from, the factors applied with their citation, version
 * and selection trace, the settings, the engine and the run id
 * ({@link org.ecocalc.core.explain.Explanation}, built by
 * {@link org.ecocalc.core.explain.Explainer}). The conventions of {@link org.ecocalc.core} apply.
 */
package org.ecocalc.core.explain;
