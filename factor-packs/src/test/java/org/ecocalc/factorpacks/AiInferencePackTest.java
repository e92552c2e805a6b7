package org.ecocalc.factorpacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.ecocalc.core.factor.Confidence;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.FactorSelector;
import org.ecocalc.core.factor.RegionLevel;
import org.junit.jupiter.api.Test;

/**
 * The {@code ai-inference} pack: every derived value re-derived by hand from the EcoLogits constants it cites
 * (hardware_defaults.json: α, β, γ of the GPU energy regression, α_L, β_L, γ_L of the latency regression,
 * 80 GB per GPU, 16-bit weights, 1.2 memory overhead, 8 GPUs and 1.2 kW per server, 273 kg per H100,
 * 5,700 kg per server without GPUs, 94,608,000 s lifetime, batch size 64), and its provenance rules.
 */
class AiInferencePackTest {
    private static final FactorLibrary LIB = FactorLibrary.fromClasspath(AiInferencePackTest.class.getClassLoader());
    private static final FactorPack PACK = LIB.latest("ai-inference").orElseThrow();

    private static Factor f(String id) {
        return PACK.factors().stream().filter(x -> x.factorId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theDerivedCoefficientsFollowFromEcoLogitsConstants() {
        // α·e^(64β) with α = 1.1665273170451914e-06, β = -0.011205921025579175: e^(-0.7171789456370672) =
        // 0.48812734922979330..., so 5.6941388707341195e-7 Wh per token per billion (17 significant digits).
        // Checked here in binary floating point (test code only), to its 1e-15 relative precision.
        double slope = 1.1665273170451914e-06 * Math.exp(64 * -0.011205921025579175);
        BigDecimal stored = f("ecologits.llm.gpu_energy_slope.b64").value();
        assertThat(stored.precision()).isEqualTo(17);
        assertThat(Math.abs(stored.doubleValue() - slope) / slope).isLessThan(1e-15);
        // β_L × 64 + γ_L = 0.0003119310311688259 × 64 + 0.019473717579473387 = 0.0394373035742782446 s (exact).
        assertThat(f("ecologits.llm.latency_intercept.b64").value()).isEqualByComparingTo(
                new BigDecimal("0.0003119310311688259").multiply(BigDecimal.valueOf(64))
                        .add(new BigDecimal("0.019473717579473387")));
        // 1.2 × 16 / 8 bytes per parameter / 80 GB = 0.03 GPU per billion parameters.
        assertThat(f("ecologits.llm.gpus_per_parameter").value()).isEqualByComparingTo("0.03");
        // 1.2 kW / 8 GPUs / batch 64 = 0.00234375 kW per required GPU per request.
        assertThat(f("ecologits.llm.server_power_per_request_gpu.b64").value()).isEqualByComparingTo("0.00234375");
        // (273 + 5700 / 8) kg / (94,608,000 s / 3600 = 26,280 h) = 985.5 / 26,280 = 0.0375 kg per GPU-hour; / 64 per request.
        assertThat(f("ecologits.h100-sxm.embodied_per_gpu_hour").value()).isEqualByComparingTo("0.0375");
        assertThat(f("ecologits.llm.embodied_per_request_gpu_hour.b64").value()).isEqualByComparingTo("0.0005859375");
        // Host share 1.2 kW / 8 = 150 W per H100.
        assertThat(f("ecologits.h100-sxm.host_power").value()).isEqualByComparingTo("150");
    }

    @Test
    void estimatedModelSizesAreRangesMarkedIllustrativeAndLowConfidence() {
        Factor gpt4o = f("ecologits.model.gpt-4o.active");
        // EcoLogits: MoE, 440 billion total, 44 to 132 active; central = the midpoint (44 + 132) / 2 = 88.
        assertThat(gpt4o.valueLow()).isEqualByComparingTo("44");
        assertThat(gpt4o.value()).isEqualByComparingTo("88");
        assertThat(gpt4o.valueHigh()).isEqualByComparingTo("132");
        assertThat(gpt4o.confidence()).isEqualTo(Confidence.LOW);
        assertThat(gpt4o.provenance().illustrative()).isTrue();
        assertThat(gpt4o.provenance().secondHand()).isTrue();
        // Llama 3.1 8B: the model card's count, published, medium (second-hand via EcoLogits), no range.
        Factor llama = f("ecologits.model.meta-llama:meta-llama-3.1-8b-instruct.active");
        assertThat(llama.hasRange()).isFalse();
        assertThat(llama.value()).isEqualByComparingTo("8.03");
        assertThat(llama.confidence()).isEqualTo(Confidence.MEDIUM);
        for (Factor x : PACK.factors()) {
            if (x.hasRange()) {
                assertThat(x.valueLow()).as(x.reference()).isLessThanOrEqualTo(x.value());
                assertThat(x.value()).as(x.reference()).isLessThanOrEqualTo(x.valueHigh());
            }
            if (x.factorId().startsWith("ecocalc.size_class.")) {
                assertThat(x.region().level()).as(x.reference()).isEqualTo(RegionLevel.FALLBACK);
                assertThat(x.confidence()).as(x.reference()).isEqualTo(Confidence.LOW);
            }
            assertThat(x.effectiveDate()).as(x.reference()).hasToString("2024-01-01");
        }
    }

    @Test
    void providerDefaultsAreSelectedThroughTheSelector() {
        FactorSelector sel = FactorSelector.of(LIB);
        FactorSelection loc = sel.select(FactorQuery.builder("provider_location:mistralai", null)
                .interval(Instant.parse("2024-11-12T00:00:00Z"), Instant.parse("2024-11-13T00:00:00Z")).build());
        // EcoLogits: Mistral AI on Microsoft Azure in Sweden; a fallback, so low confidence.
        assertThat(loc.factor().region().code()).isEqualTo("SE");
        assertThat(loc.confidence()).isEqualTo(Confidence.LOW);
        FactorSelection pue = sel.select(FactorQuery.builder("provider_pue:anthropic", null)
                .interval(Instant.parse("2024-11-12T00:00:00Z"), Instant.parse("2024-11-13T00:00:00Z")).build());
        // EcoLogits: Anthropic on AWS and Google, PUE 1.09 to 1.14, midpoint 1.115.
        assertThat(pue.factor().valueLow()).isEqualByComparingTo("1.09");
        assertThat(pue.factor().value()).isEqualByComparingTo("1.115");
        assertThat(pue.factor().valueHigh()).isEqualByComparingTo("1.14");
        FactorSelection water = sel.select(FactorQuery.builder("electricity_water_consumption", null)
                .interval(Instant.parse("2024-11-12T00:00:00Z"), Instant.parse("2024-11-13T00:00:00Z"))
                .country("SE").build());
        // WRI method via EcoLogits electricity_mixes.json, SWE: 6.0315 L/kWh.
        assertThat(water.factor().value()).isEqualByComparingTo("6.0315");
        assertThat(water.factor().unit()).hasToString("L/kWh");
    }
}
