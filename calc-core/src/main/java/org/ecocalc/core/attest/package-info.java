/**
 * Report attestations ({@code ecocalc.attestation/1}): an Ed25519 signature, by someone who
 * vouches for a report, over the report's digest ({@code sha256:} of the RFC 8785 canonical JSON of
 * the whole report file, its manifest included). {@link org.ecocalc.core.attest.Attestation#create}
 * makes one with a {@link org.ecocalc.core.manifest.SigningKey};
 * {@link org.ecocalc.core.attest.Attestation#verify} checks it against the report and a
 * {@link org.ecocalc.core.manifest.VerificationKey}. The format and what the hash covers are in
 * {@code docs/attestation.md}. The conventions of {@link org.ecocalc.core} apply.
 */
package org.ecocalc.core.attest;
