package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorOverride;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.OverrideScope;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;

/**
 * The usage impact model against hand-computed values from the shipped {@code ai-inference} pack
 * (EcoLogits' coefficients and model repository, cited in the pack), the grid packs and, for the
 * organisation's sites, {@code examples/data/factor-packs/acme-sites-1.0.0.json}. The long decimals
 * were computed with {@code examples/data/usage_generate.py} (Python decimal, independently of ecocalc:
 * products and sums exact, each division by 3600 rounded once to 34 digits, half-even); the comments
 * give the arithmetic.
 *
 * <p>Constants (ai-inference@1.0.0): s_E = 5.6941388707341195e-7 Wh per token per billion active
 * parameters (α·e^{64β}), i_E = 4.052928146734005e-5 Wh per token, s_L = 6.785088094353663e-4 s per
 * token per billion, i_L = 0.0394373035742782446 s per token, 0.03 GPU per billion total parameters,
 * server share 0.00234375 kW per GPU per request, embodied 0.0005859375 kg per GPU-hour of generation.
 * Grid, 2024-11-12: US = eGRID2023 (closest by date) gases combined with AR6 = (767.209 + 0.057 × 27.9 +
 * 0.008 × 273) lb/MWh × 0.45359237 / 1000 = 0.349712142277421 kg/kWh; SE = Ember 2024 0.03582 kg/kWh.
 */
class UsageCalculatorTest {
    static final Instant T = Instant.parse("2024-11-12T10:00:00Z");
    static final FactorPack ACME = FactorPacks.read(Path.of("..", "examples", "data", "factor-packs",
            "acme-sites-1.0.0.json"));
    static final UsageCalculator SHIPPED = UsageCalculator.of(ShippedPacks.context());
    static final UsageCalculator WITH_SITES = UsageCalculator.of(CarbonContext.builder(
            ShippedPacks.LIBRARY.with(ACME)).build());

    static UsageEvent.Builder call(String provider, String model, long tokensOut) {
        return UsageEvent.llmCall("test", provider + "/" + model + "/" + tokensOut).provider(provider).model(model)
                .tokensOut(tokensOut).startedAt(T);
    }

    static void assertEstimate(Estimate e, String low, String central, String high) {
        assertThat(e).isNotNull();
        assertThat(e.low()).isEqualByComparingTo(low);
        assertThat(e.central()).isEqualByComparingTo(central);
        assertThat(e.high()).isEqualByComparingTo(high);
    }

    @Test
    void gpt4oWithoutAPlaceIsServedFromOpenAisDefaultCountry() {
        UsageImpact i = SHIPPED.impact(call("openai", "gpt-4o", 350).tokensIn(1200).build());
        // 440 billion total: ⌈0.03 × 440 = 13.2⌉ = 14 GPUs, rounded up to a power of two: 16.
        assertEstimate(i.gpus(), "16", "16", "16");
        // Central (88 billion active): GPU energy per token 16 × (s_E × 88 + i_E) = 0.0014502032564768048256 Wh;
        // latency 6.785088094353663e-4 × 88 + 0.0394373035742782446 = 0.099146078804590479 s;
        // server share 16 × 0.099146078804590479 × 2.34375 W / 3600 = 0.00103277165421448415625 Wh;
        // E_IT = 350 × 0.0024829749106912889818 Wh = 0.86904121874195111364 Wh; × PUE 1.2 (OpenAI, EcoLogits):
        // 0.001042849462490341372377 kWh. Low and high: the same at 44 and 132 billion active.
        assertEstimate(i.energyKwh(), "0.000743872218544166914251", "0.001042849462490341372377",
                "0.001341826706436515830503");
        // Water = E_IT × (WUE 0.569 + PUE 1.2 × 3.1321 L/kWh for US electricity, WRI via EcoLogits).
        assertEstimate(i.waterL(), "0.0026826015859952110039662396", "0.0037607932549301684131574292",
                "0.0048389849238651258223486188");
        // Operational = energy × 0.349712142277421; embodied = 350 × 16 × 0.099146078804590479 s × 0.0005859375 / 3600.
        assertEstimate(i.estimate(ImpactPart.CARBON_OPERATIONAL), "0.000260141147127738507928988865160426671",
                "0.000364697119600354276378713295400199717", "0.000469253092072970044828437725639972763");
        assertEstimate(i.estimate(ImpactPart.CARBON_EMBODIED), "0.000063156489365369861015625",
                "0.000090367519743767363671875", "0.000117578550122164866328125");
        assertEstimate(i.carbonKgCo2e(), "0.000323297636493108368944613865160426671",
                "0.000455064639344121640050588295400199717", "0.000586831642195134911156562725639972763");
        assertThat(i.regionKey()).isEqualTo("US");
        assertThat(i.sizeClass()).isNull();
        // eGRID2023 does not cover 2024: the closest by date is used and flagged.
        assertThat(i.flags()).containsExactly(UsageFlag.PROVIDER_DEFAULT_LOCATION, UsageFlag.FACTOR_DATE_FLAGGED);
        ParameterUse active = i.parameters().stream().filter(p -> p.role().equals("llm_active_parameters"))
                .findFirst().orElseThrow();
        assertThat(active.use().reference()).isEqualTo("ai-inference@1.0.0:ecologits.model.gpt-4o.active@1");
        assertThat(active.valueLow()).isEqualTo("44");
        assertThat(active.use().value()).isEqualTo("88");
        assertThat(active.valueHigh()).isEqualTo("132");
        // An estimate of an unreleased model: the pack says low confidence.
        assertThat(active.use().confidence()).isEqualTo("low");
        assertThat(i.gridFactors()).extracting(f -> f.role()).contains("grid_electricity/co2",
                "grid_electricity/ch4", "grid_electricity/n2o");
    }

    @Test
    void mistralLargeIsServedFromSwedenWithPointValues() {
        UsageImpact i = SHIPPED.impact(call("mistralai", "mistral-large-latest", 700).build());
        // Dense, 123 billion (model card via EcoLogits): ⌈0.03 × 123 = 3.69⌉ = 4 GPUs.
        assertEstimate(i.gpus(), "4", "4", "4");
        // GPU 4 × (s_E × 123 + i_E) = 0.0004422687583094788794 Wh; latency 0.1228938871348282995 s;
        // server 4 × 0.1228938871348282995 × 2.34375 / 3600 = 0.00032003616441361536328125 Wh;
        // E_IT = 700 × 0.00076230492272309424268125 = 0.533613445906165969876875 Wh; × PUE 1.16 (Mistral):
        BigDecimal energy = new BigDecimal("0.000618991597251152525057175");
        assertEstimate(i.energyKwh(), energy.toPlainString(), energy.toPlainString(), energy.toPlainString());
        // Water = 0.000533613445906165969876875 × (0.09 + 1.16 × 6.0315 (Sweden)) = × 7.08654 L.
        assertThat(i.waterL().central()).isEqualByComparingTo("0.0037814730289518813921712697625");
        // Operational = energy × Ember 2024 SE 0.03582 (published CO2e, used as published under AR6).
        assertThat(i.estimate(ImpactPart.CARBON_OPERATIONAL).central()).isEqualByComparingTo(
                energy.multiply(new BigDecimal("0.03582")));
        assertThat(i.carbonKgCo2e().central()).isEqualByComparingTo("0.0000781786077859189720217667585");
        assertThat(i.carbonKgCo2e().isPoint()).isTrue();
        assertThat(i.regionKey()).isEqualTo("SE");
        assertThat(i.flags()).containsExactly(UsageFlag.PROVIDER_DEFAULT_LOCATION);
        assertThat(i.notes()).anySatisfy(n -> assertThat(n).contains("ember2024.swe.co2e")
                .contains("used as published under AR6"));
    }

    @Test
    void anExplicitCountryWinsOverTheProvidersDefault() {
        // Claude Sonnet 4 in Germany: Ember 2024 DE 344.14 g/kWh, DE electricity water 1.947 L/kWh; the Anthropic
        // defaults are ranges (PUE 1.09-1.14, WUE 0.13-0.99), so even the energy has a range from the PUE alone.
        UsageImpact i = SHIPPED.impact(call("anthropic", "claude-sonnet-4-20250514", 650).country("DE")
                .region("eu-central-1").build());
        assertThat(i.flags()).doesNotContain(UsageFlag.PROVIDER_DEFAULT_LOCATION);
        assertThat(i.regionKey()).isEqualTo("eu-central-1");
        Estimate e = i.energyKwh();
        // Operational carbon is energy × 0.34414 at every bound (one grid factor, no published uncertainty).
        assertThat(i.estimate(ImpactPart.CARBON_OPERATIONAL).low()).isEqualByComparingTo(
                e.low().multiply(new BigDecimal("0.34414")));
        assertThat(i.estimate(ImpactPart.CARBON_OPERATIONAL).high()).isEqualByComparingTo(
                e.high().multiply(new BigDecimal("0.34414")));
        // Energy low uses PUE 1.09 and 44 billion active, high PUE 1.14 and 132 billion: high / low > 1.14 / 1.09.
        assertThat(e.high().multiply(new BigDecimal("1.09"))).isGreaterThan(e.low().multiply(new BigDecimal("1.14")));
    }

    @Test
    void anUnknownModelFallsBackToItsSizeClassWithLowConfidence() {
        UsageImpact i = WITH_SITES.impact(call("selfhost", "llama-3.1-70b-acme-ft", 800).facilityId("iad-gpu-1")
                .country("US").build());
        assertThat(i.sizeClass()).isEqualTo("unknown");
        assertThat(i.flags()).contains(UsageFlag.UNKNOWN_MODEL);
        // Class "unknown": active 8/88/600, total 8/440/2000 billion -> GPUs ⌈0.24⌉ = 1, 16, ⌈60⌉ = 64.
        assertEstimate(i.gpus(), "1", "16", "64");
        // PUE 1.25 and WUE 0.4 are the site's (facility level, acme-sites pack), not a provider's.
        assertEstimate(i.energyKwh(), "0.000074293820460907277240625", "0.00248297491069128898185",
                "0.043065308495674533105");
        assertThat(i.parameters()).filteredOn(p -> p.role().equals("llm_active_parameters")).singleElement()
                .satisfies(p -> {
                    assertThat(p.use().level()).isEqualTo("fallback");
                    assertThat(p.use().confidence()).isEqualTo("low");
                });
        assertThat(i.parameters()).filteredOn(p -> p.role().equals("pue")).singleElement()
                .satisfies(p -> assertThat(p.use().reference()).isEqualTo("acme-sites@1.0.0:acme.iad-gpu-1.pue@1"));
        // A size class named by the event narrows the range: "small" is 8/18/28 billion, dense (1 GPU).
        UsageImpact small = WITH_SITES.impact(call("selfhost", "tiny-model", 800).facilityId("iad-gpu-1")
                .country("US").attribute("model_size_class", "small").build());
        assertThat(small.sizeClass()).isEqualTo("small");
        assertEstimate(small.gpus(), "1", "1", "1");
    }

    @Test
    void anOrganisationOverridesAModelsParameters() {
        // acme knows its gpt-4o deployment has 100 billion active parameters (test pack, approved override). The
        // factor is published for a facility code no event uses, so only the override selects it.
        FactorPack org = FactorPacks.parse(FactorPacks.seal("""
                {"format": "ecocalc.factor-pack.v1", "pack_id": "acme-models", "version": "1.0.0",
                 "title": "Acme model parameters (test)", "publisher": "test",
                 "licence": {"id": "CC0-1.0", "name": "CC0"}, "citation_only": false,
                 "sources": [{"source_id": "contract", "citation": "Contract annex (test).", "url": "https://example.org/c"}],
                 "factors": [{"factor_id": "acme.gpt-4o.active", "version": 1, "effective_date": "2024-01-01",
                  "scope": "none", "category": "ai_inference", "activity_type": "llm_active_parameters:gpt-4o",
                  "region": {"level": "facility", "code": "acme-contracted"}, "value": "100", "unit": "billion/unit",
                  "source_ref": "contract", "source_dataset": "contract", "source_table": "annex", "source_edition": "2024",
                  "source_year": 2024, "source_url": "https://example.org/c", "confidence": "high"}]}
                """), "acme-models");
        FactorLibrary lib = ShippedPacks.LIBRARY.with(org);
        Factor f = org.factors().get(0);
        UsageCalculator calc = UsageCalculator.of(CarbonContext.builder(lib).overrides(List.of(FactorOverride.of(
                OverrideScope.ORGANISATION, "acme", f, "sustainability lead", LocalDate.of(2024, 11, 1),
                "deployment size from the contract annex"))).build());
        UsageImpact i = calc.impact(call("openai", "gpt-4o", 500).organizationId("acme").build());
        // 100 billion at every bound: a point estimate. GPU 16 × (s_E × 100 + i_E) = 0.00155953072279489992 Wh;
        // latency 6.785088094353663e-4 × 100 + 0.0394373035742782446 = 0.1072881845178148746 s; server
        // 16 × 0.1072881845178148746 × 2.34375 / 3600 = 0.00111758525539390494375 Wh; E_IT = 500 × their sum
        // = 1.338557989094402431875 Wh; × 1.2 = 0.00160626958691328291825 kWh.
        assertEstimate(i.energyKwh(), "0.00160626958691328291825", "0.00160626958691328291825",
                "0.00160626958691328291825");
        assertThat(i.flags()).contains(UsageFlag.OVERRIDE_USED);
        assertThat(i.parameters()).filteredOn(p -> p.role().equals("llm_active_parameters")).singleElement()
                .satisfies(p -> assertThat(p.use().level()).isEqualTo("override"));
        // Another organisation still gets the pack's range.
        assertThat(calc.impact(call("openai", "gpt-4o", 500).organizationId("other").build()).energyKwh().isPoint())
                .isFalse();
    }

    @Test
    void aRegionOverridesTheGridFactorThroughAnActivityScopedOverride() {
        // An approved override for the cloud region eu-central-1 (activity id region:eu-central-1): 0.1 kg/kWh.
        FactorPack org = FactorPacks.parse(FactorPacks.seal("""
                {"format": "ecocalc.factor-pack.v1", "pack_id": "acme-grid", "version": "1.0.0",
                 "title": "Acme supplier rate (test)", "publisher": "test",
                 "licence": {"id": "CC0-1.0", "name": "CC0"}, "citation_only": false,
                 "sources": [{"source_id": "s", "citation": "Supplier statement (test).", "url": "https://example.org/s"}],
                 "factors": [{"factor_id": "acme.eu-central-1.co2e", "version": 1, "effective_date": "2024-01-01",
                  "scope": "scope2", "category": "electricity", "activity_type": "grid_electricity",
                  "region": {"level": "region", "code": "eu-central-1"}, "gas": "co2e", "value": "0.1", "unit": "kg/kWh",
                  "gwp_set": "AR6", "source_ref": "s", "source_dataset": "statement", "source_table": "2024",
                  "source_edition": "2024", "source_year": 2024, "source_url": "https://example.org/s",
                  "confidence": "high"}]}
                """), "acme-grid");
        UsageCalculator calc = UsageCalculator.of(CarbonContext.builder(ShippedPacks.LIBRARY.with(org))
                .overrides(List.of(FactorOverride.of(OverrideScope.ACTIVITY, "region:eu-central-1", org.factors().get(0),
                        "energy manager", LocalDate.of(2024, 10, 1), "supplier-specific rate")))
                .build());
        UsageImpact i = calc.impact(call("anthropic", "claude-sonnet-4-20250514", 650).country("DE")
                .region("eu-central-1").build());
        Estimate e = i.energyKwh();
        // Operational = energy × 0.1 exactly, at every bound.
        assertEstimate(i.estimate(ImpactPart.CARBON_OPERATIONAL), e.low().multiply(new BigDecimal("0.1")).toPlainString(),
                e.central().multiply(new BigDecimal("0.1")).toPlainString(),
                e.high().multiply(new BigDecimal("0.1")).toPlainString());
        assertThat(i.flags()).contains(UsageFlag.OVERRIDE_USED);
    }

    @Test
    void aGpuJobUsesTdpHostShareSiteFactorsAndEmbodiedShare() {
        UsageImpact i = WITH_SITES.impact(UsageEvent.gpuJob("sched", "job-101").provider("selfhost")
                .accelerator("nvidia-h100-sxm").gpuSeconds("28800").startedAt(T).facilityId("iad-gpu-1").country("US")
                .build());
        // E_IT = 28,800 GPU-s × (700 W TDP (NVIDIA) + 150 W host share (1.2 kW / 8, EcoLogits)) / 3600 = 6.8 kWh;
        // energy = 6.8 × PUE 1.25 (site) = 8.5 kWh.
        assertEstimate(i.energyKwh(), "8.5", "8.5", "8.5");
        // Water = 6.8 × (0.4 + 1.25 × 3.1321) = 6.8 × 4.315125 = 29.34285 L.
        assertEstimate(i.waterL(), "29.34285", "29.34285", "29.34285");
        // Operational = 8.5 × 0.349712142277421 = 2.9725532093580785; embodied = 28,800 × 0.0375 kg/GPU-h / 3600 = 0.3
        // (0.0375 = (273 + 5700 / 8) kg / 26,280 h, EcoLogits); carbon = 3.2725532093580785 kg.
        assertEstimate(i.estimate(ImpactPart.CARBON_OPERATIONAL), "2.9725532093580785", "2.9725532093580785",
                "2.9725532093580785");
        assertEstimate(i.estimate(ImpactPart.CARBON_EMBODIED), "0.3", "0.3", "0.3");
        assertEstimate(i.carbonKgCo2e(), "3.2725532093580785", "3.2725532093580785", "3.2725532093580785");
        assertThat(i.flags()).containsExactly(UsageFlag.GPU_POWER_TDP, UsageFlag.FACTOR_DATE_FLAGGED);
    }

    @Test
    void aMeasuredEnergyIsUsedAsItIs() {
        UsageImpact i = WITH_SITES.impact(UsageEvent.gpuJob("sched", "job-102").provider("selfhost")
                .accelerator("nvidia-h100-sxm").gpuSeconds("14400").measuredEnergy(Quantity.of("3100", Unit.WH))
                .startedAt(T).facilityId("iad-gpu-1").country("US").build());
        // 3100 Wh = 3.1 kWh × 1.25 = 3.875 kWh; water 3.1 × 4.315125 = 13.3768875 L; embodied 14,400 × 0.0375 / 3600
        // = 0.15 kg; operational 3.875 × 0.349712142277421 = 1.355134551325006375 kg.
        assertEstimate(i.energyKwh(), "3.875", "3.875", "3.875");
        assertEstimate(i.waterL(), "13.3768875", "13.3768875", "13.3768875");
        assertEstimate(i.carbonKgCo2e(), "1.505134551325006375", "1.505134551325006375", "1.505134551325006375");
        assertThat(i.flags()).contains(UsageFlag.MEASURED_ENERGY).doesNotContain(UsageFlag.GPU_POWER_TDP);
    }

    @Test
    void withoutSiteOrProviderFactorsPueFallsBackAndWaterIsNotComputable() {
        UsageImpact i = SHIPPED.impact(UsageEvent.gpuJob("sched", "j").accelerator("NVIDIA-H100-SXM")
                .gpuSeconds("3600").startedAt(T).country("US").build());
        // 1 GPU-hour × 0.85 kW = 0.85 kWh × 1.58 (Uptime Institute 2023 industry average, fallback) = 1.343 kWh.
        assertEstimate(i.energyKwh(), "1.343", "1.343", "1.343");
        assertThat(i.flags()).contains(UsageFlag.FALLBACK_PUE);
        assertThat(i.waterL()).isNull();
        assertThat(i.reason(ImpactPart.WATER)).contains("no on-site WUE");
        assertThat(i.carbonKgCo2e()).isNotNull();
    }

    @Test
    void whatCannotBeComputedSaysWhy() {
        UsageImpact none = UsageCalculator.of(CarbonContext.none()).impact(call("openai", "gpt-4o", 10).build());
        for (ImpactPart p : ImpactPart.values()) {
            assertThat(none.estimate(p)).isNull();
            assertThat(none.reason(p)).isEqualTo("no factor packs loaded");
        }
        UsageImpact noTokens = SHIPPED.impact(UsageEvent.llmCall("t", "x").provider("openai").model("gpt-4o")
                .tokensIn(10).startedAt(T).build());
        assertThat(noTokens.reason(ImpactPart.ENERGY)).contains("tokens_out");
        UsageImpact tpu = SHIPPED.impact(UsageEvent.gpuJob("t", "y").accelerator("google-tpu-v5e").gpuSeconds("60")
                .startedAt(T).build());
        assertThat(tpu.reason(ImpactPart.ENERGY)).contains("google-tpu-v5e").contains("measured_energy");
        assertThat(tpu.energyKwh()).isNull();
    }

    @Test
    void longInputsAreFlagged() {
        assertThat(SHIPPED.impact(call("openai", "gpt-4o-mini", 600).tokensIn(15_000).build()).flags())
                .contains(UsageFlag.LONG_INPUT);
        assertThat(SHIPPED.impact(call("openai", "gpt-4o-mini", 600).tokensIn(9_999).build()).flags())
                .doesNotContain(UsageFlag.LONG_INPUT);
    }

    @Test
    void noPlaceAndNoProviderDefaultUsesTheWorldAverage() {
        // A self-hosted call with no place: Ember 2024 world average 473.05 g/kWh, flagged.
        UsageImpact i = SHIPPED.impact(call("selfhost", "gpt-4o", 100).build());
        assertThat(i.flags()).contains(UsageFlag.NO_LOCATION, UsageFlag.FALLBACK_PUE);
        assertThat(i.estimate(ImpactPart.CARBON_OPERATIONAL).central())
                .isEqualByComparingTo(i.energyKwh().central().multiply(new BigDecimal("0.47305")));
        assertThat(i.regionKey()).isNull();
    }

    @Test
    void gpuCountsRoundUpToAPowerOfTwo() {
        // EcoLogits: 2^⌈log2 ⌈x⌉⌉, at least one GPU.
        assertThat(UsageCalculator.gpuCount(new BigDecimal("13.2"))).isEqualByComparingTo("16");
        assertThat(UsageCalculator.gpuCount(new BigDecimal("0.24"))).isEqualByComparingTo("1");
        assertThat(UsageCalculator.gpuCount(new BigDecimal("60"))).isEqualByComparingTo("64");
        assertThat(UsageCalculator.gpuCount(new BigDecimal("3.69"))).isEqualByComparingTo("4");
        assertThat(UsageCalculator.gpuCount(new BigDecimal("2"))).isEqualByComparingTo("2");
        assertThat(UsageCalculator.gpuCount(new BigDecimal("2.0001"))).isEqualByComparingTo("4");
        assertThat(UsageCalculator.gpuCount(BigDecimal.ZERO)).isEqualByComparingTo("1");
    }
}
