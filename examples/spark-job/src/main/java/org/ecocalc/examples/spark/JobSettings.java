package org.ecocalc.examples.spark;

import java.io.Serializable;
import java.util.Objects;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;

/**
 * What every task needs besides its rows, small enough to broadcast: the method settings as their
 * canonical JSON, and the asset registry as its JSON text (or null). Never the factor library: each
 * executor loads the packs of its class path once ({@link ExecutorCarbon}).
 *
 * @param settingsJson the settings ({@link MethodSettings#toCanonicalJson()})
 * @param assetsJson   the asset registry file's text, or null for none
 * @param assetsSource the registry's file name (for error messages), or null
 */
public record JobSettings(String settingsJson, String assetsJson, String assetsSource) implements Serializable {
    public JobSettings {
        Objects.requireNonNull(settingsJson, "settingsJson");
        if (assetsJson != null) {
            Objects.requireNonNull(assetsSource, "assetsSource");
        }
    }

    /** The settings (parsed once per executor and cached). */
    public MethodSettings settings() {
        return ExecutorCarbon.settings(settingsJson);
    }

    /** The carbon context: the class-path packs and the asset registry (loaded once per executor). */
    public CarbonContext carbon() {
        return ExecutorCarbon.context(assetsJson, assetsSource);
    }
}
