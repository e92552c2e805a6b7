package org.ecocalc.core.factor;

import java.util.Objects;

/**
 * The licence of the data in a factor pack.
 *
 * @param id          an SPDX id ({@code CC0-1.0}) or a {@code LicenseRef-} id
 * @param name        a readable name
 * @param url         the licence text, or null
 * @param attribution the attribution the licence asks for, or null
 * @param notes       free text, or null
 */
public record Licence(String id, String name, String url, String attribution, String notes) {
    public Licence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
