package org.ecocalc.core.factor;

import java.util.Objects;

/**
 * A publication a factor pack's values come from.
 *
 * @param sourceId     the id factors cite in {@code source_ref}
 * @param citation     the full citation
 * @param url          where to find it
 * @param retrievedVia where the values were read, when not from the publisher's own file; or null
 * @param licence      the source's licence as stated by it, or null
 */
public record PackSource(String sourceId, String citation, String url, String retrievedVia, String licence) {
    public PackSource {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(url, "url");
    }
}
