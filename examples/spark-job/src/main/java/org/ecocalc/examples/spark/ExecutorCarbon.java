package org.ecocalc.examples.spark;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.json.CanonicalJson;

/**
 * The carbon context of this JVM (driver or executor), loaded once and shared by every task: the
 * factor packs on the class path (the {@code factor-packs} artifact inside the job's jar), the same
 * packs {@code ecocalc report} loads, and the job's asset registry. Nothing here is serialised:
 * tasks carry only {@link JobSettings}, and each JVM builds the context on first use.
 *
 * <p>Keyed by the registry's digest, so that jobs with other registries sharing an executor (a
 * long-lived session) each get their own; a context is immutable and thread-safe.
 */
final class ExecutorCarbon {
    private static final ConcurrentHashMap<String, CarbonContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, MethodSettings> SETTINGS = new ConcurrentHashMap<>();

    private ExecutorCarbon() {
    }

    /** The class-path packs, read once per JVM (lazy holder). */
    private static final class Packs {
        static final FactorLibrary LIBRARY = FactorLibrary.fromClasspath(ExecutorCarbon.class.getClassLoader());
    }

    /** The context of the class-path packs and the registry given as JSON text (null: none). */
    static CarbonContext context(String assetsJson, String assetsSource) {
        String id = assetsJson == null ? "" : CanonicalJson.sha256(assetsJson.getBytes(StandardCharsets.UTF_8));
        return CONTEXTS.computeIfAbsent(id, k -> {
            CarbonContext.Builder b = CarbonContext.builder(Packs.LIBRARY);
            if (assetsJson != null) {
                b.assets(AssetRegistry.parse(assetsJson, assetsSource));
            }
            return b.build();
        });
    }

    /** The settings of their canonical JSON, parsed once per JVM. */
    static MethodSettings settings(String json) {
        return SETTINGS.computeIfAbsent(json, MethodSettings::parse);
    }
}
