package org.ecocalc.core.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.factor.FactorPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner fails a vector for each kind of mismatch, and says what differs. */
class VectorRunnerTest {
    // Two hours of dc-1: facility 130 + 120 = 250 kWh, IT 100 + 100 = 200 kWh, PUE 1.25 by hand.
    static final String INPUT = "[{\"source_id\":\"s\",\"external_event_id\":\"a\",\"interval\":{\"start\":\"2026-06-01T00:00:00Z\","
            + "\"end\":\"2026-06-01T01:00:00Z\"},\"facility_id\":\"dc-1\",\"energy\":{\"facility\":{\"value\":\"130\",\"unit\":\"kWh\"},"
            + "\"it\":{\"value\":\"100\",\"unit\":\"kWh\"}}},{\"source_id\":\"s\",\"external_event_id\":\"b\",\"interval\":"
            + "{\"start\":\"2026-06-01T01:00:00Z\",\"end\":\"2026-06-01T02:00:00Z\"},\"facility_id\":\"dc-1\",\"energy\":"
            + "{\"facility\":{\"value\":\"120\",\"unit\":\"kWh\"},\"it\":{\"value\":\"100\",\"unit\":\"kWh\"}}}]";

    static String vector(String name, String expected, String more) {
        return "{\"format\":\"ecocalc.test-vector/1\",\"name\":\"" + name + "\",\"category\":\"metric\",\"description\":"
                + "\"PUE by hand: 250 / 200 = 1.25.\",\"expected_from\":\"hand\",\"input\":" + INPUT + more
                + ",\"expected\":" + expected + "}";
    }

    static VectorResult run(String json) {
        return VectorRunner.standard().run(TestVector.parse(json));
    }

    @Test
    void aCorrectVectorPasses() {
        assertThat(run(vector("ok", "{\"metrics\":{\"efficiency.pue\":\"1.25\",\"efficiency.chiller_cop\":null},"
                + "\"facilities\":{\"dc-1\":{\"efficiency.pue\":\"1.25\"}},\"group_count\":1,\"problems\":[],\"rejected\":0,"
                + "\"dataset\":{\"records\":2,\"duplicates\":0,\"conflicts\":[]}}", "")).failures()).isEmpty();
    }

    @Test
    void eachMismatchIsOneLine() {
        VectorResult r = run(vector("bad", "{\"metrics\":{\"efficiency.pue\":\"1.3\",\"efficiency.dcie\":null,"
                + "\"efficiency.chiller_cop\":\"1\",\"carbon.not_a_metric\":\"5\"},\"group_count\":2,"
                + "\"problems\":[{\"record\":0,\"code\":\"unknown_unit\",\"pointer\":\"/energy/it/unit\"}],\"rejected\":1,"
                + "\"dataset\":{\"records\":3}}", ""));
        assertThat(r.failures()).containsExactly(
                "total efficiency.pue: expected 1.3, got 1.25",
                "total efficiency.dcie: expected not computable, got 0.8",
                "total efficiency.chiller_cop: expected 1, got not computable (no record reports /cooling/heat_removed)",
                "total carbon.not_a_metric: not a metric of this engine",
                "group count: expected 2, got 1",
                "problems: expected [#0 error unknown_unit at \"/energy/it/unit\"], got []",
                "rejected records: expected 1, got 0",
                "data set records: expected 3, got 2");
    }

    @Test
    void aRelativeToleranceIsHonoured() {
        // |1.25 - 1.254| = 0.004 <= 0.005 × 1.254 = 0.00627; |1.25 - 1.26| = 0.01 > 0.0063.
        assertThat(run(vector("tol", "{\"metrics\":{\"efficiency.pue\":\"1.254\"}}", ",\"tolerance_rel\":\"0.005\"")).passed()).isTrue();
        assertThat(run(vector("tol", "{\"metrics\":{\"efficiency.pue\":\"1.26\"}}", ",\"tolerance_rel\":\"0.005\"")).failures())
                .containsExactly("total efficiency.pue: expected 1.26, got 1.25 (tolerance 0.005 relative)");
        assertThat(VectorRunner.matches(new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("0.005"))).isTrue();
    }

    @Test
    void wholeVectorErrorsAreMatchedByCodeAndPointer() {
        String settings = ",\"settings\":{\"period\":{\"unit\":\"week\"}}";
        assertThat(run(vector("e", "{\"error\":{\"code\":\"invalid_settings\",\"pointer\":\"/settings/period/unit\"}}", settings))
                .passed()).isTrue();
        assertThat(run(vector("e", "{\"error\":{\"code\":\"invalid_settings\",\"pointer\":\"/settings/wue_basis\"}}", settings))
                .failures()).singleElement().asString().startsWith("expected error invalid_settings at \"/settings/wue_basis\", "
                        + "got invalid_settings at \"/settings/period/unit\"");
        assertThat(run(vector("e", "{\"error\":{\"code\":\"invalid_settings\",\"pointer\":\"/settings\"}}", "")).failures())
                .containsExactly("expected error invalid_settings at \"/settings\", but the vector ran");
        assertThat(run(vector("e", "{\"metrics\":{}}", ",\"factor_packs\":[\"egrid@1.0.0\"]")).failures()).singleElement()
                .asString().startsWith("unexpected error factor_pack_unavailable at \"/factor_packs/0\"");
    }

    /** A test pack (values are test inputs, not data): dc-1's own grid rate 0.5 kg/kWh, Germany's 0.3 kg/kWh. */
    static final String PACK = FactorPacks.seal("""
            {"format": "ecocalc.factor-pack.v1", "pack_id": "vt-test", "version": "1.0.0",
             "title": "Vector runner test factors", "publisher": "test", "maintainer": "test",
             "licence": {"id": "LicenseRef-test", "name": "test data"}, "citation_only": false,
             "sources": [{"source_id": "t", "citation": "Test values.", "url": "https://example.org/t"}],
             "factors": [
              {"factor_id": "vt.dc-1.grid.co2e", "version": 1, "effective_date": "2026-01-01", "scope": "scope2",
               "category": "electricity", "activity_type": "grid_electricity", "region": {"level": "facility", "code": "dc-1"},
               "gas": "co2e", "value": "0.5", "unit": "kg/kWh", "gwp_set": "AR6", "source_ref": "t", "source_dataset": "t",
               "source_table": "t", "source_edition": "1", "source_year": 2026, "source_url": "https://example.org/t",
               "confidence": "high"},
              {"factor_id": "vt.de.grid.co2e", "version": 2, "effective_date": "2026-01-01", "scope": "scope2",
               "category": "electricity", "activity_type": "grid_electricity", "region": {"level": "country", "code": "DE"},
               "gas": "co2e", "value": "0.3", "unit": "kg/kWh", "gwp_set": "AR6", "source_ref": "t", "source_dataset": "t",
               "source_table": "t", "source_edition": "1", "source_year": 2026, "source_url": "https://example.org/t",
               "confidence": "high"}
             ]}
            """);
    static final String WITH_PACK = ",\"factor_packs\":[{\"inline\":" + PACK + "}]";

    @Test
    void theFactorsOfALineageAreComparedAsASet() {
        // No grid_import: Scope 2 electricity = facility energy 130 + 120 = 250 kWh, priced at dc-1's own rate
        // (facility level): 250 × 0.5 = 125 kg by hand.
        assertThat(run(vector("f", "{\"metrics\":{\"carbon.scope2_location_kgco2e\":\"125\"},\"factors\":"
                + "{\"carbon.scope2_location_kgco2e\":[\"vt-test@1.0.0:vt.dc-1.grid.co2e@1\"]}}", WITH_PACK)).failures())
                .isEmpty();
        assertThat(run(vector("f", "{\"factors\":{\"carbon.scope2_location_kgco2e\":[\"vt-test@1.0.0:vt.de.grid.co2e@2\"],"
                + "\"efficiency.pue\":[\"vt-test@1.0.0:vt.dc-1.grid.co2e@1\"],\"carbon.scope9_kgco2e\":[]}}", WITH_PACK))
                .failures()).containsExactly(
                        "total carbon.scope2_location_kgco2e: factors expected [vt-test@1.0.0:vt.de.grid.co2e@2], got "
                                + "[vt-test@1.0.0:vt.dc-1.grid.co2e@1]",
                        "total efficiency.pue: factors expected [vt-test@1.0.0:vt.dc-1.grid.co2e@1], got []",
                        "factors of carbon.scope9_kgco2e: not a metric of this engine");
    }

    @Test
    void anApprovedOverrideWinsAndMustNameAFactorOfThePacks() {
        String override = ",\"overrides\":[{\"scope\":\"facility\",\"scope_id\":\"dc-1\",\"factor\":\"%s\","
                + "\"approved_by\":\"energy manager\",\"approved_on\":\"2026-05-15\",\"reason\":\"test\"}]";
        // The override (Germany's 0.3 kg/kWh) wins over dc-1's own facility factor: 250 × 0.3 = 75 kg by hand.
        assertThat(run(vector("o", "{\"metrics\":{\"carbon.scope2_location_kgco2e\":\"75\"},\"factors\":"
                + "{\"carbon.scope2_location_kgco2e\":[\"vt-test@1.0.0:vt.de.grid.co2e@2\"]}}",
                WITH_PACK + String.format(java.util.Locale.ROOT, override, "vt-test@1.0.0:vt.de.grid.co2e@2"))).failures())
                .isEmpty();
        assertThat(run(vector("o", "{\"error\":{\"code\":\"unknown_factor\",\"pointer\":\"/overrides/0/factor\"}}",
                WITH_PACK + String.format(java.util.Locale.ROOT, override, "vt-test@1.0.0:vt.de.grid.co2e@1"))).failures())
                .isEmpty();
    }

    @Test
    void anAssetRegistryAppliesWithoutPacksAndAnInvalidOneIsRefused() {
        // One asset of 8760 kg over 8760 h; the group covers 2 h: M = 8760 × 2 / 8760 = 2 kg by hand (SCI).
        String assets = ",\"assets\":{\"assets\":[{\"asset_id\":\"srv\",\"facility_id\":\"dc-1\","
                + "\"embodied_kgco2e\":\"8760\",\"lifetime_hours\":\"%s\",\"in_service\":\"2026-01-01T00:00:00Z\"}]}";
        assertThat(run(vector("a", "{\"metrics\":{\"carbon.embodied_kgco2e\":\"2\"}}",
                String.format(java.util.Locale.ROOT, assets, "8760"))).failures()).isEmpty();
        assertThat(run(vector("a", "{\"error\":{\"code\":\"invalid_asset\",\"pointer\":\"/assets\"}}",
                String.format(java.util.Locale.ROOT, assets, "0"))).failures()).isEmpty();
    }

    /**
     * Usage test pack (test inputs, not data): site gpu-1's PUE 1.5 with the range 1.4 to 1.6 and its own grid rate
     * 0.5 kg/kWh; no WUE, no water intensity of electricity and no embodied factor.
     */
    static final String USAGE_PACK = FactorPacks.seal("""
            {"format": "ecocalc.factor-pack.v1", "pack_id": "vt-usage", "version": "1.0.0",
             "title": "Vector runner usage test factors", "publisher": "test", "maintainer": "test",
             "licence": {"id": "LicenseRef-test", "name": "test data"}, "citation_only": false,
             "sources": [{"source_id": "t", "citation": "Test values.", "url": "https://example.org/t"}],
             "factors": [
              {"factor_id": "vt.gpu-1.pue", "version": 1, "effective_date": "2026-01-01", "scope": "none",
               "category": "ai_inference", "activity_type": "datacenter_pue", "region": {"level": "facility", "code": "gpu-1"},
               "value": "1.5", "value_low": "1.4", "value_high": "1.6", "unit": "kWh/kWh", "source_ref": "t",
               "source_dataset": "t", "source_table": "t", "source_edition": "1", "source_year": 2026,
               "source_url": "https://example.org/t", "confidence": "high"},
              {"factor_id": "vt.gpu-1.grid.co2e", "version": 1, "effective_date": "2026-01-01", "scope": "scope2",
               "category": "electricity", "activity_type": "grid_electricity", "region": {"level": "facility", "code": "gpu-1"},
               "gas": "co2e", "value": "0.5", "unit": "kg/kWh", "gwp_set": "AR6", "source_ref": "t", "source_dataset": "t",
               "source_table": "t", "source_edition": "1", "source_year": 2026, "source_url": "https://example.org/t",
               "confidence": "high"}
             ]}
            """);

    /** Two GPU jobs at gpu-1 with measured IT energy (2 and 1 kWh) and an LLM call refused (no model). */
    static final String USAGE_INPUT = "[{\"source_id\":\"sched\",\"external_event_id\":\"j1\",\"kind\":\"gpu_job\","
            + "\"started_at\":\"2026-06-01T00:00:00Z\",\"gpu_seconds\":\"3600\",\"facility_id\":\"gpu-1\",\"team_id\":\"ml\","
            + "\"measured_energy\":{\"value\":\"2\",\"unit\":\"kWh\"}},"
            + "{\"source_id\":\"sched\",\"external_event_id\":\"j2\",\"kind\":\"gpu_job\",\"started_at\":"
            + "\"2026-06-02T00:00:00Z\",\"gpu_seconds\":\"1800\",\"facility_id\":\"gpu-1\",\"team_id\":\"ml\","
            + "\"measured_energy\":{\"value\":\"1000\",\"unit\":\"Wh\"}},"
            + "{\"source_id\":\"gw\",\"external_event_id\":\"c1\",\"kind\":\"llm_call\",\"provider\":\"openai\","
            + "\"tokens_out\":10,\"started_at\":\"2026-06-01T00:00:00Z\"}]";

    static String usageVector(String expected, String settings) {
        return "{\"format\":\"ecocalc.test-vector/1\",\"name\":\"u\",\"category\":\"usage\",\"description\":"
                + "\"Two measured GPU jobs, by hand (see the test).\",\"expected_from\":\"hand\",\"input_kind\":\"usage_event\","
                + "\"input\":" + USAGE_INPUT + ",\"factor_packs\":[{\"inline\":" + USAGE_PACK + "}],\"settings\":" + settings
                + ",\"expected\":" + expected + "}";
    }

    @Test
    void aUsageVectorRunsOnTheUsageEngine() {
        // By hand (docs/methodology.md, "GPU job": measured energy is the IT energy; energy = E_IT × PUE; operational
        // carbon = energy × grid; no embodied factor, so carbon = operational only): E_IT = 2 + 1000 Wh / 1000 = 3 kWh;
        // energy = 3 × 1.4 / 1.5 / 1.6 = 4.2 / 4.5 / 4.8 kWh; carbon = energy × 0.5 = 2.1 / 2.25 / 2.4 kg. No WUE and
        // no water intensity of electricity: water not computable. By day: 2 × 1.5 = 3 kWh on 06-01, 1 × 1.5 = 1.5 on
        // 06-02. The llm_call without a model is refused (missing_field at /model).
        String expected = "{\"metrics\":{\"usage.events\":\"2\",\"usage.gpu_jobs\":\"2\",\"usage.gpu_seconds\":\"5400\","
                + "\"usage.energy_kwh_low\":\"4.2\",\"usage.energy_kwh\":\"4.5\",\"usage.energy_kwh_high\":\"4.8\","
                + "\"usage.carbon_kgco2e_low\":\"2.1\",\"usage.carbon_kgco2e\":\"2.25\",\"usage.carbon_kgco2e_high\":\"2.4\","
                + "\"usage.water_l\":null,\"usage.water_l_high\":null,\"usage.carbon_embodied_kgco2e\":null},"
                + "\"groups\":[{\"key\":{\"team\":\"ml\"},\"period_start\":\"2026-06-01T00:00:00Z\",\"period_end\":"
                + "\"2026-06-02T00:00:00Z\",\"metrics\":{\"usage.energy_kwh\":\"3\"}},{\"key\":{\"team\":\"ml\"},"
                + "\"period_start\":\"2026-06-02T00:00:00Z\",\"metrics\":{\"usage.energy_kwh\":\"1.5\"}}],\"group_count\":2,"
                + "\"problems\":[{\"record\":2,\"code\":\"missing_field\",\"pointer\":\"/model\"}],\"rejected\":1,"
                + "\"flags\":{\"measured_energy\":2,\"embodied_not_counted\":2}}";
        VectorResult r = run(usageVector(expected, "{\"group_by\":[\"team\",\"day\"]}"));
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void aFailingUsageVectorSaysWhatDiffers() {
        String expected = "{\"metrics\":{\"usage.energy_kwh\":\"4.6\",\"usage.water_l\":\"1\",\"usage.events\":null,"
                + "\"usage.carbon_operational_kgco2e_high\":null,\"usage.nothing\":\"1\"},"
                + "\"groups\":[{\"key\":{\"team\":\"search\"},\"period_start\":null,\"metrics\":{}}],\"group_count\":2,"
                + "\"problems\":[],\"rejected\":0,\"flags\":{\"measured_energy\":2}}";
        VectorResult r = run(usageVector(expected, "{\"group_by\":[\"team\"]}"));
        assertThat(r.failures()).containsExactly(
                "total usage.energy_kwh: expected 4.6, got 4.5",
                "total usage.water_l: expected 1, got not computable (no on-site WUE for facility gpu-1: add a datacenter_wue"
                        + " or provider_wue:<provider> factor (2 events))",
                "total usage.events: expected not computable, got 2",
                "total usage.carbon_operational_kgco2e_high: expected not computable, got 2.4",
                "total usage.nothing: not a usage metric",
                "no group team=search null in the report; groups: [team=ml null]",
                "group count: expected 2, got 1",
                "problems: expected [], got [#2 error missing_field at \"/model\"]",
                "rejected events: expected 0, got 1",
                "flags: expected {measured_energy=2}, got {embodied_not_counted=2, measured_energy=2}");
    }

    @Test
    void usageSettingsAreTheOnesTheUsageCalculationReads() {
        String ran = "{\"metrics\":{\"usage.events\":\"2\"}}";
        assertThat(run(usageVector(ran, "{\"group_by\":[],\"period\":{\"offset\":\"+02:00\"},\"gwp\":{\"set\":\"AR5\","
                + "\"horizon_years\":100},\"organisation_id\":\"acme\"}")).failures()).isEmpty();
        // Events starting from 2026-06-02T00:00:00Z only: j2 alone (2 - 1 = 1 event).
        assertThat(run(usageVector("{\"metrics\":{\"usage.events\":\"1\"}}",
                "{\"period\":{\"from\":\"2026-06-02T00:00:00Z\"}}")).failures()).isEmpty();
        String error = "{\"error\":{\"code\":\"invalid_settings\",\"pointer\":\"%s\"}}";
        for (String[] c : new String[][] {
                {"{\"group_by\":[\"model\",\"week\"]}", "/settings/group_by/1"},
                {"{\"group_by\":[\"day\",\"month\"]}", "/settings/group_by/1"},
                {"{\"group_by\":[\"team\",\"team\"]}", "/settings/group_by/1"},
                {"{\"group_by\":[\"model,day\"]}", "/settings/group_by/0"},
                {"{\"group_by\":\"model\"}", "/settings/group_by"},
                {"{\"period\":{\"unit\":\"day\"}}", "/settings/period/unit"},
                {"{\"period\":{\"offset\":\"Europe/Paris\"}}", "/settings/period/offset"},
                {"{\"gwp\":{\"set\":\"AR7\",\"horizon_years\":100}}", "/settings"},
                {"{\"wue_basis\":\"cooling\"}", "/settings/wue_basis"}}) {
            assertThat(run(usageVector(String.format(java.util.Locale.ROOT, error, c[1]), c[0])).failures())
                    .as(c[0]).isEmpty();
        }
    }

    @Test
    void usageAndTelemetryMembersDoNotMix() {
        // A telemetry vector cannot expect flags or usage groups; a usage vector cannot expect facilities or a data set.
        assertThatThrownBy(() -> TestVector.parse(vector("x", "{\"flags\":{}}", "")))
                .hasMessageContaining("/expected");
        assertThatThrownBy(() -> TestVector.parse(vector("x", "{\"groups\":[{\"key\":{},\"period_start\":null,"
                + "\"metrics\":{}}]}", ""))).hasMessageContaining("/expected/groups/0");
        assertThatThrownBy(() -> TestVector.parse(usageVector("{\"facilities\":{}}", "{}")))
                .hasMessageContaining("/expected");
        assertThatThrownBy(() -> TestVector.parse(usageVector("{\"metrics\":{\"efficiency.pue\":\"1\"}}", "{}")))
                .hasMessageContaining("/expected/metrics");
        assertThat(TestVector.parse(usageVector("{\"flags\":{}}", "{}")).inputKind())
                .isEqualTo(TestVector.InputKind.USAGE_EVENT);
        assertThat(TestVector.parse(vector("x", "{\"metrics\":{}}", "")).inputKind())
                .isEqualTo(TestVector.InputKind.TELEMETRY_RECORD);
    }

    @Test
    void aVectorBreakingTheSchemaIsRefused() {
        assertThatThrownBy(() -> TestVector.parse(vector("x", "{\"metrics\":{\"efficiency.pue\":\"1.250\"}}", "")))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEST_VECTOR);
                    assertThat(e.getMessage()).contains("/expected/metrics/efficiency.pue");
                });
    }

    @Test
    void filesAreNamedAfterTheirVectorAndRunInPathOrder(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectory(dir.resolve("b")).resolve("ok.json"), vector("ok", "{\"metrics\":{\"efficiency.pue\":\"1.25\"}}", ""));
        Files.writeString(dir.resolve("a-wrong-name.json"), vector("other", "{\"metrics\":{\"efficiency.pue\":\"1.25\"}}", ""));
        Files.writeString(dir.resolve("broken.json"), "{");
        List<VectorResult> rs = VectorRunner.standard().runAll(dir);
        // Path order, with '/' between folders: a-wrong-name.json, b/ok.json, broken.json.
        assertThat(rs).extracting(VectorResult::name).containsExactly("other", "ok", "broken.json");
        assertThat(rs.get(0).failures()).containsExactly("the file of vector \"other\" must be named other.json");
        assertThat(rs.get(1).passed()).isTrue();
        assertThat(rs.get(2).failures()).singleElement().asString().startsWith("invalid vector: not JSON");
    }
}
