package org.ecocalc.core.usage;

import java.util.Locale;

/** What a usage event records: one LLM API call, or one GPU job. */
public enum UsageKind {
    /** One call to a large language model ({@code llm_call}): provider, model, token counts. */
    LLM_CALL,
    /** One GPU job ({@code gpu_job}): GPU-seconds, accelerator, measured energy when known. */
    GPU_JOB;

    /** The JSON id: {@code llm_call} or {@code gpu_job}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this id, or null. */
    public static UsageKind fromId(String id) {
        for (UsageKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
