package org.ecocalc.core.manifest;

import java.util.Objects;
import org.ecocalc.core.json.CanonicalJson;

/**
 * A factor pack a run used, as its manifest records it: the pack id, its version and the
 * {@code sha256:} digest the pack carries. Ordered in a manifest by id, then version.
 *
 * @param id      the pack id, such as {@code egrid2023}
 * @param version the pack's semantic version, such as {@code 1.0.0}
 * @param digest  the pack's {@code sha256:} digest
 */
public record FactorPackRef(String id, String version, String digest) implements Comparable<FactorPackRef> {
    public FactorPackRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
        if (id.isEmpty() || version.isEmpty() || id.contains("@")) {
            throw new IllegalArgumentException("a factor pack needs an id without '@' and a version (got " + id + "@"
                    + version + ")");
        }
        if (!CanonicalJson.isDigest(digest)) {
            throw new IllegalArgumentException("not a sha256: digest: " + digest);
        }
    }

    /** The pack as {@code id@version}. */
    public String idAtVersion() {
        return id + "@" + version;
    }

    @Override
    public int compareTo(FactorPackRef o) {
        int c = id.compareTo(o.id);
        return c != 0 ? c : version.compareTo(o.version);
    }

    @Override
    public String toString() {
        return idAtVersion() + " (" + digest + ")";
    }
}
