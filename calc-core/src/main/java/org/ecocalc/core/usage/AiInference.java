package org.ecocalc.core.usage;

import java.util.Locale;

/**
 * The activity types of the factors the usage impact model reads: the contract between
 * {@link UsageCalculator} and a factor pack such as {@code ai-inference}. An organisation overrides any
 * of them with an approved {@link org.ecocalc.core.factor.FactorOverride} of the same activity type,
 * or publishes its own in a pack (a facility-level {@link #DATACENTER_PUE}, a model it hosts).
 * Units are as the pack publishes them; the calculator converts to canonical units exactly.
 *
 * <p>Model and provider keys: {@link #modelKey(String)} and {@link #providerKey(String)}.
 */
public final class AiInference {
    /** GPU energy per output token per billion active parameters, at the fixed batch size (Wh/billion). */
    public static final String LLM_GPU_ENERGY_SLOPE = "llm_gpu_energy_per_output_token_slope";
    /** GPU energy per output token, the intercept of the same regression (Wh/unit). */
    public static final String LLM_GPU_ENERGY_INTERCEPT = "llm_gpu_energy_per_output_token";
    /** Generation latency per output token per billion active parameters (s/billion). */
    public static final String LLM_LATENCY_SLOPE = "llm_latency_per_output_token_slope";
    /** Generation latency per output token, the intercept at the fixed batch size (s/unit). */
    public static final String LLM_LATENCY_INTERCEPT = "llm_latency_per_output_token";
    /** GPUs needed per billion total parameters, before rounding up to a power of two (1/billion). */
    public static final String LLM_GPUS_PER_PARAMETER = "llm_gpus_per_total_parameter";
    /** Server power (without GPUs) attributed to one request per required GPU (kWh/GPU-h). */
    public static final String LLM_SERVER_POWER = "llm_server_power_per_request_gpu";
    /** Embodied emissions attributed to one request per GPU-hour of generation (kg/GPU-h, co2e). */
    public static final String LLM_EMBODIED = "llm_embodied_per_request_gpu_hour";
    /** A fixed energy per request on top of the per-token energy (Wh/unit); none is shipped. */
    public static final String LLM_REQUEST_OVERHEAD = "llm_request_energy_overhead";
    /** Prefix of a model's active parameters (billion/unit): {@code llm_active_parameters:<model key>}. */
    public static final String LLM_ACTIVE_PARAMETERS = "llm_active_parameters:";
    /** Prefix of a model's total parameters (billion/unit): {@code llm_total_parameters:<model key>}. */
    public static final String LLM_TOTAL_PARAMETERS = "llm_total_parameters:";
    /** The model key prefix of a size class: {@code llm_active_parameters:class:<class>}. */
    public static final String SIZE_CLASS = "class:";
    /** The size class used for a model no pack knows, unless the event names another: {@value}. */
    public static final String UNKNOWN_CLASS = "unknown";
    /** Prefix of a provider's default serving location (a share, kWh/kWh, whose region is the place). */
    public static final String PROVIDER_LOCATION = "provider_location:";
    /** Prefix of a provider's data-centre PUE (kWh/kWh). */
    public static final String PROVIDER_PUE = "provider_pue:";
    /** Prefix of a provider's on-site water usage effectiveness (L/kWh). */
    public static final String PROVIDER_WUE = "provider_wue:";
    /** A site's PUE (kWh/kWh), by place; a pack may publish an industry average at the fallback level. */
    public static final String DATACENTER_PUE = "datacenter_pue";
    /** A site's on-site water usage effectiveness (L/kWh), by place. */
    public static final String DATACENTER_WUE = "datacenter_wue";
    /** Water consumed to generate a kWh of the grid's electricity (L/kWh), by place. */
    public static final String ELECTRICITY_WATER = "electricity_water_consumption";
    /** Prefix of an accelerator's power draw (Wh/GPU-h). */
    public static final String GPU_POWER = "gpu_power:";
    /** Prefix of the host (CPU, memory, ...) power per accelerator (Wh/GPU-h). */
    public static final String GPU_HOST_POWER = "gpu_host_power:";
    /** Prefix of the embodied emissions per GPU-hour of an accelerator and its share of the server (kg/GPU-h, co2e). */
    public static final String GPU_EMBODIED = "gpu_embodied:";

    private AiInference() {
    }

    /**
     * The key of a model in activity types: the name in lower case ({@link Locale#ROOT}) with
     * {@code /} replaced by {@code :} ({@code meta-llama/Meta-Llama-3.1-8B-Instruct} becomes
     * {@code meta-llama:meta-llama-3.1-8b-instruct}). A model whose key has characters a factor id
     * cannot hold simply matches no published factor.
     */
    public static String modelKey(String model) {
        return model.toLowerCase(Locale.ROOT).replace('/', ':');
    }

    /** The key of a provider or accelerator: the name in lower case ({@link Locale#ROOT}). */
    public static String providerKey(String provider) {
        return provider.toLowerCase(Locale.ROOT);
    }
}
