package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What each status means, and how Retry-After is read (with a fixed clock). */
class SenderRulesTest {
    @ParameterizedTest
    @CsvSource({"200,ANSWERED", "201,ANSWERED", "202,ANSWERED", "409,ANSWERED", "400,ANSWERED",
            "408,RETRY", "429,RETRY", "500,RETRY", "502,RETRY", "503,RETRY", "504,RETRY", "599,RETRY",
            "413,SPLIT",
            "401,REFUSED", "403,REFUSED", "404,REFUSED", "405,REFUSED", "415,REFUSED", "422,REFUSED", "302,REFUSED"})
    void statusRules(int status, Sender.Outcome outcome) {
        assertThat(Sender.classify(status)).isEqualTo(outcome);
    }

    @Test
    void retryAfterSecondsAndHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        assertThat(Sender.retryAfter("7", clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(Sender.retryAfter(" 0 ", clock)).isEqualTo(Duration.ZERO);
        // RFC 9110 IMF-fixdate, 90 s after the clock's instant.
        assertThat(Sender.retryAfter("Mon, 05 Jan 2026 09:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
        // A date in the past means now.
        assertThat(Sender.retryAfter("Mon, 05 Jan 2026 08:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(Sender.retryAfter("soon", clock)).isNull();
        assertThat(Sender.retryAfter(null, clock)).isNull();
    }
}
