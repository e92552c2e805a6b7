/**
 * Reproducible runs: every calculation as a {@link org.ecocalc.core.manifest.CalculationRun}, a
 * report with its {@link org.ecocalc.core.manifest.RunManifest} (the hashes of the engine, the
 * activity data set, each factor pack, the settings and the results, and the {@code run_id} over
 * them), optional Ed25519 signatures ({@link org.ecocalc.core.manifest.SigningKey},
 * {@link org.ecocalc.core.manifest.VerificationKey}), the JSON form of a run
 * ({@link org.ecocalc.core.manifest.RunJson}) and the check that recomputes a run from its inputs
 * ({@link org.ecocalc.core.manifest.RunVerifier}). The bytes each hash covers are specified in
 * {@code docs/run-manifest.md}. The conventions of {@link org.ecocalc.core} apply.
 */
package org.ecocalc.core.manifest;
