package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(30)).multiplier(2.0).maxRetryAfter(Duration.ofSeconds(60)).build();

    @Test
    void fullJitterScalesTheCap() {
        // Cap of retry n: min(30 s, 100 ms x 2^(n-1)); the delay is random x cap.
        assertThat(p.delay(1, null, 0.5)).isEqualTo(Duration.ofMillis(50));   // 0.5 x 100 ms
        assertThat(p.delay(3, null, 0.25)).isEqualTo(Duration.ofMillis(100)); // 0.25 x 400 ms
    }

    @Test
    void theCapStopsGrowingAtMaxBackoff() {
        // Retry 10: 100 ms x 2^9 = 51.2 s, above the 30 s cap: 0.5 x 30 s = 15 s.
        assertThat(p.delay(10, null, 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(p.delay(1_000_000, null, 0.5)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void retryAfterIsAFloorUpToItsCap() {
        assertThat(p.delay(1, Duration.ofSeconds(2), 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delay(1, Duration.ofHours(1), 0.5)).isEqualTo(Duration.ofSeconds(60));
        // A jittered delay longer than Retry-After stands: 0.5 x 30 s = 15 s > 2 s.
        assertThat(p.delay(20, Duration.ofSeconds(2), 0.5)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void delayIsWithinTheCap() {
        qt().withFixedSeed(20260105L).forAll(integers().between(1, 200), doubles().between(0, 0.999_999))
                .checkAssert((n, r) -> {
                    Duration d = p.delay(n, null, r);
                    long cap = (long) Math.min(30_000_000_000.0, 100_000_000.0 * Math.pow(2, n - 1));
                    assertThat(d.toNanos()).isBetween(0L, cap);
                });
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .hasMessage("initialBackoff must be positive (got PT0S)");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5))
                .hasMessageContaining("multiplier must be a finite number of at least 1 (got 0.5)");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5))
                .maxBackoff(Duration.ofSeconds(1)).build()).hasMessageContaining("must not be shorter");
        assertThatThrownBy(() -> p.delay(0, null, 0.1)).hasMessageContaining("retry must be at least 1");
        assertThat(RetryPolicy.defaults().initialBackoff()).isEqualTo(Duration.ofMillis(100));
    }
}
