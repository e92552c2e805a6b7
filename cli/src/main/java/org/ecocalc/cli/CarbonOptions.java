package org.ecocalc.cli;

import java.nio.file.Path;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import picocli.CommandLine.Option;

/**
 * The options that choose a run's carbon context, shared by {@code report}, {@code verify} and
 * {@code audit-pack}: a verifier must load the same packs and registry as the run it checks.
 */
final class CarbonOptions {
    @Option(names = "--factors", paramLabel = "<dir>",
            description = "Also load the factor packs (*.json) of this directory, besides the shipped ones.")
    Path factors;

    @Option(names = "--assets", paramLabel = "<file>",
            description = "Asset registry for embodied carbon (docs/schemas/asset-registry.v1.json).")
    Path assets;

    /** The shipped packs, those of {@code --factors}, and the registry of {@code --assets}. */
    CarbonContext context() {
        FactorLibrary library = FactorLibrary.fromClasspath(CarbonOptions.class.getClassLoader());
        if (factors != null) {
            library = library.withAll(FactorLibrary.fromDirectory(factors).packs());
        }
        CarbonContext.Builder b = CarbonContext.builder(library);
        if (assets != null) {
            b.assets(readAssets());
        }
        return b.build();
    }

    /** The registry of {@code --assets}, or an empty one. */
    AssetRegistry readAssets() {
        return assets == null ? AssetRegistry.empty() : AssetRegistry.read(assets);
    }
}
