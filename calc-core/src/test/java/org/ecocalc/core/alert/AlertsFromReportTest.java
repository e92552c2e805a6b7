package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecocalc.core.TestRecords.energy;

import java.time.Instant;
import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.report.ReportValues;
import org.junit.jupiter.api.Test;

/** Series from a report per reporting period, read in memory and back from the report JSON. */
class AlertsFromReportTest {
    static Report report() {
        // One record per day for dc-1: PUE 1300/1000 = 1.3, then 1600/1000 = 1.6 three days running.
        return EcoCalc.report(List.of(
                energy("dc-1", "d0", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "1300", "1000"),
                energy("dc-1", "d1", "2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z", "1600", "1000"),
                energy("dc-1", "d2", "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z", "1600", "1000"),
                energy("dc-1", "d3", "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z", "1600", "1000"),
                energy("dc-2", "d0", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "1100", "1000")),
                MethodSettings.builder().period(PeriodUnit.DAY).build());
    }

    @Test
    void theJsonReadsBackToTheSameValues() {
        Report r = report();
        ReportValues mem = ReportValues.from(r);
        ReportValues json = ReportValues.parse(ReportJson.toJson(r));
        assertThat(json.groups()).isEqualTo(mem.groups());
        assertThat(json.facilities()).isEqualTo(mem.facilities());
        assertThat(json.total()).isEqualTo(mem.total());
        assertThat(json.periodUnit()).isEqualTo("day");
        assertThat(json.wueBasis()).isEqualTo("withdrawal");
        // (1300 + 3 × 1600 + 1100) / 5000 = 7200 / 5000 = 1.44.
        assertThat(json.total().value(Metric.EFFICIENCY_PUE)).isEqualByComparingTo("1.44");
        assertThat(json.facility("dc-2").value(Metric.EFFICIENCY_PUE)).isEqualByComparingTo("1.1");
        assertThat(json.facility("nope")).isNull();
        assertThat(json.groups().get(1).metric(Metric.EFFICIENCY_PUE).records()).containsExactly("dc-1-bms/d1");
    }

    @Test
    void aPueRunRaisesOneAlertNamingItsRecords() {
        List<AlertSeries> series = AlertSeries.fromReport(ReportValues.parse(ReportJson.toJson(report())));
        // Only PUE is computable in these records (no water, carbon, cooling): one series per facility.
        assertThat(series).extracting(s -> s.facilityId() + " " + s.measure()).containsExactly("dc-1 PUE", "dc-2 PUE");
        List<Alert> alerts = Alerts.evaluate(series, AlertSettings.defaults());
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRule.PUE_MAX);
            assertThat(a.facilityId()).isEqualTo("dc-1");
            assertThat(a.observed()).isEqualByComparingTo("1.6");
            assertThat(a.start()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
            assertThat(a.end()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
            assertThat(a.evidence()).flatExtracting(Observation::records).containsExactly("dc-1-bms/d1", "dc-1-bms/d2",
                    "dc-1-bms/d3");
        });
    }

    @Test
    void aBadReportIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ReportValues.parse("{\"format\":\"other/1\"}"))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REPORT))
                .hasMessageContaining("/format");
        String good = ReportJson.toJson(report());
        assertThatThrownBy(() -> ReportValues.parse(good.replaceFirst("\"value\": \"1.3\"", "\"value\": 1.3")))
                .hasMessageContaining("/results/0/efficiency/efficiency.pue/value");
        assertThatThrownBy(() -> ReportValues.parse("[")).isInstanceOfSatisfying(EcoCalcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }
}
