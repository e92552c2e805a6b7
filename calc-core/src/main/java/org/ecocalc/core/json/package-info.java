/**
 * Canonical JSON (RFC 8785, JCS) and the {@code sha256:} digests built on it.
 */
package org.ecocalc.core.json;
