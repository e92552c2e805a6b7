package org.ecocalc.core.carbon;

import java.nio.file.Path;
import org.ecocalc.core.factor.FactorLibrary;

/**
 * The packs shipped in factor-packs, read from the source tree (calc-core does not depend on the
 * factor-packs artifact; the tests read the same files).
 */
public final class ShippedPacks {
    /** The directory of the shipped pack files. */
    public static final Path DIR = Path.of("..", "factor-packs", "src", "main", "resources", "org", "ecocalc",
            "factorpacks");
    /** Every shipped pack. */
    public static final FactorLibrary LIBRARY = FactorLibrary.fromDirectory(DIR);

    private ShippedPacks() {
    }

    /** A context over the shipped packs. */
    public static CarbonContext context() {
        return CarbonContext.builder(LIBRARY).build();
    }
}
