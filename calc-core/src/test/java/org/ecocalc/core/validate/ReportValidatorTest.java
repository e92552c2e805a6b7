package org.ecocalc.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ecocalc.core.validate.ExampleReports.DAY;
import static org.ecocalc.core.validate.ExampleReports.MONTH;
import static org.ecocalc.core.validate.ExampleReports.at;
import static org.ecocalc.core.validate.ExampleReports.edit;

import java.math.BigDecimal;
import java.util.List;
import org.ecocalc.core.TestRecords;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.ReportJson;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consistency rules of {@link ReportValidator}: a real report of the example data passes with
 * infos only, and each finding is provoked by one edit of a real report. Values are those of
 * examples/data/README.md (the benchmark week, worked by hand there).
 */
class ReportValidatorTest {
    /** The day report with its manifest (as ecocalc report --out writes it). */
    static final String DAY_RUN = DAY.toJson();
    /** The day report without manifest (ReportJson.toJson), for edits whose only effect is the rule under test. */
    static final String DAY_REPORT = ReportJson.toJson(DAY.report());

    /** The errors and warnings, as (code, pointer). */
    private static List<Tuple> problems(Validation v) {
        return v.findings().stream().filter(f -> f.severity() != Finding.Severity.INFO)
                .map(f -> tuple(f.code(), f.pointer())).toList();
    }

    /** The one finding of {@code code} at {@code pointer}, an info. */
    private static Finding infoAt(Validation v, FindingCode code, String pointer) {
        List<Finding> found = v.findings(code).stream().filter(f -> f.pointer().equals(pointer)).toList();
        assertThat(found).as(v.toText()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.INFO));
        return found.get(0);
    }

    private static Finding only(Validation v, FindingCode code) {
        assertThat(v.findings(code)).as(v.toText()).hasSize(1);
        return v.findings(code).get(0);
    }

    @Test
    void realReportsOfTheExampleDataGiveOnlyInfos() {
        for (CalculationRun run : List.of(DAY, MONTH)) {
            Validation withManifest = ReportValidator.validate(run);
            assertThat(withManifest.isValid()).as(withManifest.toText()).isTrue();
            assertThat(withManifest.findings().stream().filter(f -> f.code() != FindingCode.CARBON_FACTOR_FROM_INPUTS))
                    .extracting(Finding::code, Finding::pointer)
                    .containsExactly(tuple(FindingCode.ACTIVITY_DATASET_NOT_CHECKED, "/manifest/activity_dataset"));
            // fra-1 reports a time-of-use intensity for every hour, so its location-based Scope 2 is
            // priced with those alone and cites no pack factor: said as an info in each fra-1 group.
            assertThat(withManifest.findings(FindingCode.CARBON_FACTOR_FROM_INPUTS)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
                assertThat(f.pointer()).endsWith("/carbon/carbon.scope2_location_kgco2e");
                assertThat(f.message()).contains("/grid_intensity");
            });
            Validation without = ReportValidator.validate(run.report());
            assertThat(without.findings().stream().filter(f -> f.code() != FindingCode.CARBON_FACTOR_FROM_INPUTS))
                    .extracting(Finding::code, Finding::pointer)
                    .containsExactly(tuple(FindingCode.MANIFEST_ABSENT, ""));
            assertThat(without.findings(Finding.Severity.WARNING)).isEmpty();
        }
        // The rules had something to check: 14 day groups, carbon with factors, both Scope 2 methods.
        assertThat(DAY.report().groups()).hasSize(14);
        assertThat(DAY.report().total().metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).isComputed()).isTrue();
        assertThat(DAY.report().total().metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors()).isNotEmpty();
        // The text form ends with the summary.
        assertThat(ReportValidator.validate(MONTH).toText()).containsPattern("valid: 0 errors, 0 warnings, [0-9]+ infos?\n$");
    }

    @Test
    void aSignedRunSaysWhereItsSignatureIsChecked() {
        CalculationRun signed = MONTH.signedWith(SigningKey.generate(TestRecords.seededRandom(7)));
        Validation v = ReportValidator.validate(signed);
        assertThat(v.isValid()).isTrue();
        assertThat(v.findings().stream().filter(f -> f.code() != FindingCode.CARBON_FACTOR_FROM_INPUTS))
                .extracting(Finding::code).containsExactly(FindingCode.ACTIVITY_DATASET_NOT_CHECKED,
                        FindingCode.SIGNATURE_NOT_CHECKED);
        assertThat(v.findings(FindingCode.SIGNATURE_NOT_CHECKED).get(0).message())
                .contains(signed.manifest().signature().keyId()).contains("--public-key");
    }

    // ------------------------------------------------------------------ totals equal their parts

    @Test
    void aTotalThatIsNotTheSumOfItsFacilitiesIsAnError() {
        // IT energy: fra-1 161,000 kWh + sto-1 194,600 kWh = 355,600 kWh (examples/data/README.md); claim 355,601.
        String json = edit(DAY_REPORT, r -> at(r, "/total/activity/activity.energy_it_kwh").put("value", "355601"));
        Validation v = ReportValidator.validate(json);
        assertThat(v.isValid()).isFalse();
        assertThat(problems(v)).containsExactly(tuple(FindingCode.TOTAL_NOT_SUM_OF_FACILITIES,
                "/total/activity/activity.energy_it_kwh/value"));
        assertThat(only(v, FindingCode.TOTAL_NOT_SUM_OF_FACILITIES).message())
                .contains("is 355601, but its 2 facilities sum to 355600");
    }

    @Test
    void aFacilityThatIsNotTheSumOfItsPeriodsIsAnError() {
        // fra-1 withdraws 54,400 L a day, 380,800 L in the week; one day claiming 54,401 makes the days sum to 380,801.
        String json = edit(DAY_REPORT, r -> at(r, "/results/0/water/water.withdrawal_l").put("value", "54401"));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.FACILITY_NOT_SUM_OF_PERIODS,
                "/facilities/0/water/water.withdrawal_l/value"));
        assertThat(only(v, FindingCode.FACILITY_NOT_SUM_OF_PERIODS).message())
                .contains("facility fra-1 is 380800, but its 7 periods sum to 380801");
    }

    @Test
    void marketBasedAndEmbodiedTotalsAreTheSumsOfTheFacilities() {
        // Market-based: fra-1 36,279.2388 + sto-1 0 (its PPA covers all) = 36,279.2388 kg; claim one gram more.
        Validation market = ReportValidator.validate(edit(DAY_REPORT,
                r -> at(r, "/total/carbon/carbon.scope2_market_kgco2e").put("value", "36279.2398")));
        assertThat(problems(market)).containsExactly(tuple(FindingCode.TOTAL_NOT_SUM_OF_FACILITIES,
                "/total/carbon/carbon.scope2_market_kgco2e/value"));
        // Embodied: fra-1 96 × 7,012 × 168 / 35,040 = 3,227.441095890410958904109589041096 and sto-1
        // 128 × 7,012 × 168 / 35,040 = 4,303.254794520547945205479452054795 (README) add up exactly to
        // 7,530.695890410958904109589041095891; a total rounded to 7,530.7 is refused.
        assertThat(DAY.report().total().value(Metric.CARBON_EMBODIED_KGCO2E))
                .isEqualTo(new BigDecimal("7530.695890410958904109589041095891"));
        Validation embodied = ReportValidator.validate(edit(DAY_REPORT,
                r -> at(r, "/total/carbon/carbon.embodied_kgco2e").put("value", "7530.7")));
        assertThat(problems(embodied)).containsExactly(tuple(FindingCode.TOTAL_NOT_SUM_OF_FACILITIES,
                "/total/carbon/carbon.embodied_kgco2e/value"));
    }

    @Test
    void embodiedCarbonIsNotRequiredToBeTheSumOfThePeriods() {
        // fra-1's week is 96 × 7,012 × 168 / 35,040 rounded once to 34 digits; each day is
        // 96 × 7,012 × 24 / 35,040 = 461.0630136986301369863013698630137 (rounded once). 7 rounded days
        // give 3,227.4410958904109589041095890410959, not the week's 3,227.441095890410958904109589041096:
        // the engine does not guarantee this sum, so the validator does not assert it.
        GroupResult fra1 = DAY.report().facility("fra-1");
        BigDecimal days = BigDecimal.ZERO;
        for (GroupResult g : DAY.report().groups()) {
            if (g.facilityId().equals("fra-1")) {
                days = days.add(g.value(Metric.CARBON_EMBODIED_KGCO2E));
            }
        }
        assertThat(days).isEqualTo(new BigDecimal("3227.4410958904109589041095890410959"));
        assertThat(fra1.value(Metric.CARBON_EMBODIED_KGCO2E)).isEqualTo(new BigDecimal("3227.441095890410958904109589041096"));
        assertThat(ReportValidator.validate(DAY).isValid()).isTrue();
        assertThat(ReportValidator.periodAdditive()).doesNotContain(Metric.CARBON_EMBODIED_KGCO2E,
                Metric.CARBON_SCOPE2_MARKET_KGCO2E);
        assertThat(ReportValidator.totalAdditive()).contains(Metric.CARBON_EMBODIED_KGCO2E,
                Metric.CARBON_SCOPE2_MARKET_KGCO2E).containsAll(ReportValidator.periodAdditive());
    }

    // ------------------------------------------------------------------ physical bounds

    @Test
    void aPueBelowOneIsAnError() {
        // fra-1's PUE is 210,840 / 161,000 = 1.3096 (README); 0.99 would mean less facility energy than IT energy.
        String json = edit(DAY_REPORT, r -> at(r, "/results/0/efficiency/efficiency.pue").put("value", "0.99"));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.PUE_BELOW_ONE,
                "/results/0/efficiency/efficiency.pue/value"));
        assertThat(only(v, FindingCode.PUE_BELOW_ONE).message()).contains("PUE 0.99 is below 1").contains("ISO/IEC 30134-2");
        // Exactly 1 is allowed (all energy reaches the IT equipment).
        assertThat(ReportValidator.validate(edit(DAY_REPORT,
                r -> at(r, "/total/efficiency/efficiency.pue").put("value", "1"))).isValid()).isTrue();
    }

    @Test
    void aDcieAboveOneIsAnError() {
        String json = edit(DAY_REPORT, r -> at(r, "/facilities/1/efficiency/efficiency.dcie").put("value", "1.01"));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.DCIE_ABOVE_ONE,
                "/facilities/1/efficiency/efficiency.dcie/value"));
    }

    // ------------------------------------------------------------------ dual Scope 2 reporting

    @Test
    void aMissingScope2MethodIsAnErrorWhenTheSettingsSayBoth() {
        assertThat(DAY.report().settings().scope2Method().id()).isEqualTo("both");
        String json = edit(DAY_REPORT, r -> at(r, "/results/0/carbon").remove("carbon.scope2_market_kgco2e"));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.SCOPE2_METHOD_MISSING,
                "/results/0/carbon/carbon.scope2_market_kgco2e"));
    }

    @Test
    void oneScope2MethodNotComputableWhileTheOtherIsIsAWarning() {
        // The market-based result of fra-1 on 2 March becomes "not computable" (a reason the engine gives when
        // a market has neither a residual mix nor a grid average). Market-based Scope 2 is not summed over
        // periods, so this is the only finding.
        String json = edit(DAY_REPORT, r -> {
            ObjectNode m = at(r, "/results/0/carbon/carbon.scope2_market_kgco2e");
            m.remove("value");
            m.remove("confidence");
            m.put("not_computable", "uncovered electricity has neither a residual-mix nor a grid-average factor");
        });
        Validation v = ReportValidator.validate(json);
        assertThat(v.isValid()).isTrue();
        assertThat(problems(v)).containsExactly(tuple(FindingCode.SCOPE2_METHOD_NOT_COMPUTABLE,
                "/results/0/carbon/carbon.scope2_market_kgco2e"));
        assertThat(only(v, FindingCode.SCOPE2_METHOD_NOT_COMPUTABLE).message())
                .contains("neither a residual-mix").contains("carbon.scope2_location_kgco2e was");
    }

    @Test
    void dualReportingIsNotAskedOfASingleMethod() {
        // The same report, its settings saying "location" only: a missing market-based result is then no finding.
        String json = edit(DAY_REPORT, r -> {
            at(r, "/settings").put("scope2_method", "location");
        });
        String without = edit(json, r -> at(r, "/results/0/carbon").remove("carbon.scope2_market_kgco2e"));
        assertThat(problems(ReportValidator.validate(without))).isEmpty();
    }

    // ------------------------------------------------------------------ factor citations

    @Test
    void aCarbonNumberWithoutAFactorIsAnError() {
        // sto-1, 2 March: 30,240 kWh from the grid × Ember 2024 Sweden 35.82 g/kWh = 1,083.1968 kg, priced with
        // the annual factor only (sto-1 reports no time-of-use intensity); drop its citation.
        String at = "/results/7/carbon/carbon.scope2_location_kgco2e";
        assertThat(DAY.report().groups().get(7).value(Metric.CARBON_SCOPE2_LOCATION_KGCO2E))
                .isEqualTo(new BigDecimal("1083.1968"));
        Validation v = ReportValidator.validate(edit(DAY_REPORT, r -> at(r, at + "/lineage").remove("factors")));
        assertThat(problems(v)).containsExactly(tuple(FindingCode.CARBON_FACTOR_MISSING, at));
        assertThat(only(v, FindingCode.CARBON_FACTOR_MISSING).message()).contains("is 1083.1968 kgCO2e but cites no factor");
        // An empty list is the same as none.
        Validation empty = ReportValidator.validate(edit(DAY_REPORT, r -> at(r, at + "/lineage").putArray("factors")));
        assertThat(problems(empty)).containsExactly(tuple(FindingCode.CARBON_FACTOR_MISSING, at));
    }

    @Test
    void aCarbonNumberPricedFromTheInputsIsAnInfo() {
        // fra-1 reports time-of-use intensities (/grid_intensity): without its annual factor, the
        // location-based number rests on the telemetry's intensities alone.
        String at = "/results/0/carbon/carbon.scope2_location_kgco2e";
        assertThat(DAY.report().groups().get(0).metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().inputs())
                .anyMatch(i -> i.field().pointer().equals("/grid_intensity") && i.records() == 24);
        Validation v = ReportValidator.validate(edit(DAY_REPORT, r -> at(r, at + "/lineage").remove("factors")));
        assertThat(v.isValid()).isTrue();
        assertThat(problems(v)).isEmpty();
        assertThat(infoAt(v, FindingCode.CARBON_FACTOR_FROM_INPUTS, at).message()).contains("/grid_intensity");
    }

    @Test
    void embodiedCarbonWithoutAFactorCameFromTheAssetRegistry() {
        String at = "/results/0/carbon/carbon.embodied_kgco2e";
        Validation v = ReportValidator.validate(edit(DAY_REPORT, r -> at(r, at + "/lineage").remove("factors")));
        assertThat(problems(v)).isEmpty();
        assertThat(infoAt(v, FindingCode.CARBON_FACTOR_FROM_INPUTS, at).message()).contains("asset registry");
    }

    @Test
    void zeroAndDerivedCarbonNumbersNeedNoCitationOfTheirOwn() {
        // sto-1's market-based Scope 2 is 0 (its PPA covers every kWh), and the per-GPU-hour metric is a
        // quotient of Scope 1 and 2, checked through them: neither needs a factor list of its own.
        assertThat(DAY.report().groups().get(7).value(Metric.CARBON_SCOPE2_MARKET_KGCO2E)).isEqualTo(BigDecimal.ZERO);
        String json = edit(DAY_REPORT, r -> {
            at(r, "/results/7/carbon/carbon.scope2_market_kgco2e/lineage").remove("factors");
            at(r, "/results/7/carbon/carbon.per_gpu_hour_kgco2e/lineage").remove("factors");
        });
        assertThat(problems(ReportValidator.validate(json))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e",   // no factor version
        "ember-grid-intensity-2024:ember2024.deu.co2e@1",       // no pack version
        "ember2024.deu.co2e@1",                                 // no pack at all
        "ember-grid-intensity-2024@latest:ember2024.deu.co2e@1", // not a semantic version
        "ember-grid-intensity-2024@1.0.0",                      // a pack alone, outside a GWP role
    })
    void aFactorReferenceWithoutVersionsIsAnError(String reference) {
        String at = "/results/0/carbon/carbon.scope2_market_kgco2e/lineage/factors/0/factor";
        Validation v = ReportValidator.validate(edit(DAY_REPORT,
                r -> at(r, "/results/0/carbon/carbon.scope2_market_kgco2e/lineage/factors/0").put("factor", reference)));
        assertThat(problems(v)).containsExactly(tuple(FindingCode.FACTOR_REFERENCE_UNVERSIONED, at));
        assertThat(only(v, FindingCode.FACTOR_REFERENCE_UNVERSIONED).message()).contains(reference);
    }

    @Test
    void aGwpTableIsCitedByItsPackVersion() {
        // Refrigerant (fra-1, 5 March): mass × GWP, the GWP table cited as ipcc-gwp@1.0.0 (a pack, no factor id).
        String at = "/results/3/carbon/carbon.scope1_refrigerant_kgco2e/lineage/factors/0";
        String real = Json.MAPPER.readTree(DAY_REPORT).at(at + "/factor").stringValue();
        assertThat(real).isEqualTo("ipcc-gwp@1.0.0");
        assertThat(Json.MAPPER.readTree(DAY_REPORT).at(at + "/role").stringValue()).startsWith("gwp/");
        Validation unversioned = ReportValidator.validate(edit(DAY_REPORT, r -> at(r, at).put("factor", "ipcc-gwp")));
        assertThat(problems(unversioned)).containsExactly(tuple(FindingCode.FACTOR_REFERENCE_UNVERSIONED, at + "/factor"));
    }

    // ------------------------------------------------------------------ the manifest

    @Test
    void anEditedRunIdIsFound() {
        String json = edit(DAY_RUN, r -> at(r, "/manifest").put("run_id", flip(DAY.runId())));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.MANIFEST_RUN_ID_MISMATCH, "/manifest/run_id"));
        assertThat(only(v, FindingCode.MANIFEST_RUN_ID_MISMATCH).message()).contains(DAY.runId());
    }

    @Test
    void editedSettingsNoLongerMatchTheManifest() {
        String json = edit(DAY_RUN, r -> at(r, "/settings").put("lineage_key_limit", 21));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.MANIFEST_SETTINGS_MISMATCH, "/manifest/settings"));
        assertThat(only(v, FindingCode.MANIFEST_SETTINGS_MISMATCH).message()).contains(DAY.manifest().settings());
    }

    @Test
    void editedResultsNoLongerMatchTheManifest() {
        // Utilisation is a ratio (no sum rule): the only finding is the results hash.
        String json = edit(DAY_RUN, r -> at(r, "/total/hardware/hardware.utilization_pct").put("value", "66"));
        Validation v = ReportValidator.validate(json);
        assertThat(problems(v)).containsExactly(tuple(FindingCode.MANIFEST_RESULTS_MISMATCH, "/manifest/results"));
    }

    @Test
    void anotherDataSetOrEngineInTheReportThanInTheManifestIsFound() {
        String dataset = edit(DAY_RUN, r -> at(r, "/dataset").put("digest", flip(DAY.report().dataset().digest())));
        assertThat(problems(ReportValidator.validate(dataset))).containsExactly(
                tuple(FindingCode.MANIFEST_DATASET_MISMATCH, "/manifest/activity_dataset"));
        String engine = edit(DAY_RUN, r -> at(r, "/engine").put("version", "0.0.1"));
        assertThat(problems(ReportValidator.validate(engine))).containsExactly(
                tuple(FindingCode.MANIFEST_ENGINE_MISMATCH, "/manifest/engine"));
    }

    @Test
    void theHashesCheckedAreTheManifestsOwnDefinitions() {
        // The validator hashes the members as they stand in the file; for a report the engine wrote, that is
        // RunManifest.resultsDigest and MethodSettings.digest.
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(DAY_RUN);
        ObjectNode doc = Json.object();
        doc.set("results", root.get("results"));
        doc.set("facilities", root.get("facilities"));
        doc.set("total", root.get("total"));
        assertThat(CanonicalJson.digest(Json.compact(doc))).isEqualTo(RunManifest.resultsDigest(DAY.report()))
                .isEqualTo(DAY.manifest().results());
        assertThat(CanonicalJson.digest(Json.compact(root.get("settings")))).isEqualTo(DAY.report().settings().digest());
    }

    // ------------------------------------------------------------------ reading

    @Test
    void textThatIsNotJsonIsOneFinding() {
        Validation truncated = ReportValidator.validate(DAY_REPORT.substring(0, 1000));
        assertThat(truncated.findings()).extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.NOT_JSON, ""));
        Validation duplicate = ReportValidator.validate(DAY_REPORT.replaceFirst("\\{", "{\"format\": \"x\","));
        assertThat(duplicate.findings()).extracting(Finding::code).containsExactly(FindingCode.NOT_JSON);
        assertThat(duplicate.findings().get(0).message()).contains("format");
        assertThat(ReportValidator.validate("").findings()).extracting(Finding::code).containsExactly(FindingCode.NOT_JSON);
    }

    @Test
    void aReportTheReaderRefusesIsUnreadable() {
        // Schema-valid, but score weights 0.5 + 0.2 + 0.2 + 0.2 = 1.1 ≠ 1: the settings cannot be used.
        String json = edit(DAY_REPORT, r -> at(r, "/settings/score/weights").put("carbon", "0.5"));
        Validation v = ReportValidator.validate(json);
        assertThat(v.findings()).extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.REPORT_UNREADABLE, "/settings"));
        assertThat(v.findings().get(0).message()).contains("1.1");
    }

    /** The digest with its last hex digit changed. */
    static String flip(String digest) {
        char last = digest.charAt(digest.length() - 1);
        return digest.substring(0, digest.length() - 1) + (last == '0' ? '1' : '0');
    }
}
