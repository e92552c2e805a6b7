package org.ecocalc.core.factor;

import java.util.Objects;

/**
 * The identity of one loaded factor pack version: what a calculation records so that it can be
 * reproduced ({@code egrid2023@1.0.0} and its digest).
 *
 * @param packId  the pack id
 * @param version the pack's semantic version
 * @param digest  {@code sha256:} of the pack's canonical JSON without its digest member
 */
public record PackRef(String packId, String version, String digest) {
    public PackRef {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
    }

    /** {@code packId@version}. */
    public String idAtVersion() {
        return packId + "@" + version;
    }

    @Override
    public String toString() {
        return idAtVersion();
    }
}
