/**
 * The reference host of the ecocalc ingestion protocol ({@code docs/ingestion-protocol.md}): an
 * example, not a product. It shows what a host must do (authenticate, check signatures, validate
 * with calc-core, refuse duplicates by a unique constraint, keep an append-only audit log) and is
 * what the SDK's integration tests run against. Start it with {@link org.ecocalc.examples.host.ReferenceHost#main}.
 */
package org.ecocalc.examples.host;
