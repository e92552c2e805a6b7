package org.ecocalc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {
    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void calendarPeriodsInUtc() {
        Instant i = t("2026-05-17T13:45:00Z");
        assertThat(ReportingPeriod.of(PeriodUnit.DAY).periodOf(i))
                .isEqualTo(new ReportingPeriod.Span(t("2026-05-17T00:00:00Z"), t("2026-05-18T00:00:00Z")));
        assertThat(ReportingPeriod.of(PeriodUnit.MONTH).periodOf(i))
                .isEqualTo(new ReportingPeriod.Span(t("2026-05-01T00:00:00Z"), t("2026-06-01T00:00:00Z")));
        assertThat(ReportingPeriod.of(PeriodUnit.QUARTER).periodOf(i))
                .isEqualTo(new ReportingPeriod.Span(t("2026-04-01T00:00:00Z"), t("2026-07-01T00:00:00Z")));
        assertThat(ReportingPeriod.of(PeriodUnit.YEAR).periodOf(i))
                .isEqualTo(new ReportingPeriod.Span(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z")));
        assertThat(ReportingPeriod.of(PeriodUnit.ALL).periodOf(i)).isEqualTo(new ReportingPeriod.Span(null, null));
    }

    @Test
    void daysBeginAtTheGivenOffset() {
        // 23:30 UTC on 31 Jan is 08:30 on 1 Feb at +09:00: the February period begins at 31 Jan 15:00 UTC.
        ReportingPeriod tokyo = ReportingPeriod.of(PeriodUnit.MONTH).withOffset(ZoneOffset.ofHours(9));
        assertThat(tokyo.periodOf(t("2026-01-31T23:30:00Z")))
                .isEqualTo(new ReportingPeriod.Span(t("2026-01-31T15:00:00Z"), t("2026-02-28T15:00:00Z")));
    }

    @Test
    void slicesAnIntervalAtEveryBoundaryItCrosses() {
        // 22:00 on 31 Mar to 02:00 on 2 Apr, by day: three parts of 2 h, 24 h and 2 h.
        List<ReportingPeriod.Slice> s = ReportingPeriod.of(PeriodUnit.DAY)
                .slices(t("2026-03-31T22:00:00Z"), t("2026-04-02T02:00:00Z"));
        assertThat(s).extracting(ReportingPeriod.Slice::start)
                .containsExactly(t("2026-03-31T22:00:00Z"), t("2026-04-01T00:00:00Z"), t("2026-04-02T00:00:00Z"));
        assertThat(s).extracting(ReportingPeriod.Slice::end)
                .containsExactly(t("2026-04-01T00:00:00Z"), t("2026-04-02T00:00:00Z"), t("2026-04-02T02:00:00Z"));
        // By month: two parts.
        assertThat(ReportingPeriod.of(PeriodUnit.MONTH).slices(t("2026-03-31T22:00:00Z"), t("2026-04-02T02:00:00Z")))
                .hasSize(2);
    }

    @Test
    void aRangeClipsAndExcludes() {
        ReportingPeriod r = ReportingPeriod.custom(t("2026-01-01T00:00:00Z"), t("2026-02-01T00:00:00Z"));
        assertThat(r.slices(t("2025-12-31T23:00:00Z"), t("2026-01-01T01:00:00Z"))).singleElement()
                .satisfies(s -> {
                    assertThat(s.start()).isEqualTo(t("2026-01-01T00:00:00Z"));
                    assertThat(s.end()).isEqualTo(t("2026-01-01T01:00:00Z"));
                });
        assertThat(r.slices(t("2026-02-01T00:00:00Z"), t("2026-02-01T01:00:00Z"))).isEmpty();
        assertThatThrownBy(() -> ReportingPeriod.custom(t("2026-02-01T00:00:00Z"), t("2026-01-01T00:00:00Z")))
                .isInstanceOf(EcoCalcException.class).hasMessageContaining("must be after");
    }

    @Test
    void exactSecondsWithNanoseconds() {
        assertThat(ReportingPeriod.seconds(t("2026-01-01T00:00:00Z"), t("2026-01-01T00:00:01.5Z")))
                .isEqualByComparingTo("1.5");
    }
}
