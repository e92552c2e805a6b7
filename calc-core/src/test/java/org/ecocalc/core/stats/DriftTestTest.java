package org.ecocalc.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The drift statistic (Glass's Δ) against values worked out by hand. Reference values of square
 * roots: Python's decimal module, 34 digits, half-even (correctly rounded, as
 * {@code BigDecimal.sqrt} is for half-even).
 */
class DriftTestTest {
    static List<BigDecimal> values(String... v) {
        List<BigDecimal> out = new ArrayList<>();
        for (String s : v) {
            out.add(new BigDecimal(s));
        }
        return out;
    }

    @Test
    void handComputedDelta() {
        // Baseline 10, 12, 10, 12 (B = 4): S_b = 44, Q_b = 100 + 144 + 100 + 144 = 488, mean 11.
        // s_b² = (4 × 488 − 44²) / (4 × 3) = (1952 − 1936) / 12 = 16 / 12 = 1.333…;
        // s_b = √1.333333333333333333333333333333333 = 1.154700538379251529018297561003915.
        // Recent 14, 14 (R = 2): S_r = 28, mean 14.
        // Δ² = (B·S_r − R·S_b)² (B − 1) / (R² B (B·Q_b − S_b²)) = (112 − 88)² × 3 / (4 × 4 × 16) = 1728 / 256 = 6.75
        // Δ = √6.75 = 2.598076211353315940291169512258809 (= 3 / 1.1547…).
        DriftTest t = DriftTest.of(4, 2, new BigDecimal("2.5"));
        DriftTest.Result r = t.test(values("10", "12", "10", "12", "14", "14"));
        assertThat(r.baselineMean()).isEqualByComparingTo("11");
        assertThat(r.recentMean()).isEqualByComparingTo("14");
        assertThat(r.baselineSd()).isEqualByComparingTo("1.154700538379251529018297561003915");
        assertThat(r.statistic()).isEqualByComparingTo("2.598076211353315940291169512258809");
        assertThat(r.isEvaluable()).isTrue();
        assertThat(r.drift()).isTrue(); // 6.75 > 2.5² = 6.25
        assertThat(DriftTest.of(4, 2, new BigDecimal("3")).test(values("10", "12", "10", "12", "14", "14")).drift())
                .isFalse(); // 6.75 < 9
    }

    @Test
    void theDecisionIsExactNotOnTheRoundedStatistic() {
        // Δ² = 6.75 exactly. k = 2.598076211353315940291169512258809 (Δ rounded up in its last digit:
        // k² = 6.750000000000000000000000000000001…) must not count as exceeded, though the
        // rounded Δ equals k; k = 2.598076211353315940291169512258808 (below √6.75) must.
        List<BigDecimal> s = values("10", "12", "10", "12", "14", "14");
        assertThat(DriftTest.of(4, 2, new BigDecimal("2.598076211353315940291169512258809")).test(s).drift()).isFalse();
        assertThat(DriftTest.of(4, 2, new BigDecimal("2.598076211353315940291169512258808")).test(s).drift()).isTrue();
    }

    @Test
    void aShiftOfExactlyKIsNotDrift() {
        // B = 3, baseline 8, 10, 12: S = 30, Q = 308, B·Q − S² = 924 − 900 = 24, s² = 24 / 6 = 4, s = 2, mean 10.
        // Recent 16: Δ = |16 − 10| / 2 = 3; Δ² = (3 × 16 − 30)² × 2 / (1 × 3 × 24) = 648 / 72 = 9.
        DriftTest.Result r = DriftTest.of(3, 1, new BigDecimal("3")).test(values("8", "10", "12", "16"));
        assertThat(r.statistic()).isEqualByComparingTo("3");
        assertThat(r.baselineSd()).isEqualByComparingTo("2");
        assertThat(r.drift()).isFalse();
        assertThat(r.exceeds(new BigDecimal("2.999"))).isTrue();
        assertThat(r.within(new BigDecimal("3"))).isTrue();
        // A downward shift counts the same: recent 4 gives |4 − 10| / 2 = 3.
        assertThat(DriftTest.of(3, 1, BigDecimal.ONE).test(values("8", "10", "12", "4")).statistic())
                .isEqualByComparingTo("3");
    }

    @Test
    void aConstantBaselineIsNotEvaluable() {
        DriftTest.Result r = DriftTest.of(3, 1, BigDecimal.ONE).test(values("5", "5", "5", "9"));
        assertThat(r.isEvaluable()).isFalse();
        assertThat(r.statistic()).isNull();
        assertThat(r.baselineSd()).isEqualByComparingTo("0");
        assertThat(r.drift()).isFalse();
        assertThat(r.exceeds(BigDecimal.ZERO)).isFalse();
    }

    @Test
    void usesTheLastWindowsAndScansEveryPosition() {
        DriftTest t = DriftTest.of(3, 1, new BigDecimal("2.9"));
        List<BigDecimal> s = values("100", "8", "10", "12", "16");
        // The leading 100 is outside the last B + R = 4 values: same result as above (Δ = 3 > 2.9).
        assertThat(t.test(s).statistic()).isEqualByComparingTo("3");
        List<DriftTest.Result> scan = t.scan(s);
        assertThat(scan).hasSize(2); // ends at index 3 and 4
        // First window: baseline 100, 8, 10 (S = 118, Q = 10164, B·Q − S² = 30492 − 13924 = 16568), recent 12:
        // Δ² = (3 × 12 − 118)² × 2 / (1 × 3 × 16568) = 6724 × 2 / 49704 = 0.2705… < 2.9²: no drift.
        assertThat(scan.get(0).drift()).isFalse();
        assertThat(scan.get(1).drift()).isTrue();
        assertThat(t.scan(values("1", "2"))).isEmpty();
        assertThatThrownBy(() -> t.test(values("1", "2"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> DriftTest.of(1, 1, BigDecimal.ONE)).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("at least 2").extracting(e -> ((EcoCalcException) e).code())
                .isEqualTo(ErrorCode.INVALID_SETTINGS);
        assertThatThrownBy(() -> DriftTest.of(2, 0, BigDecimal.ONE)).hasMessageContaining("recent window");
        assertThatThrownBy(() -> DriftTest.of(2, 1, BigDecimal.ZERO)).hasMessageContaining("positive");
        assertThat(DriftTest.defaults().span()).isEqualTo(30);
    }
}
