package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The host's compiled fast path of {@code usage-event.v1.json} accepts only what the schema (the
 * reference) accepts, on every seed event and on 60,000 seeded mutations of them; it accepts every
 * seed (the events the SDK writes), so the fast path is the one taken; and its timestamp reader
 * gives {@code OffsetDateTime.parse}'s instant wherever it answers.
 */
class UsageFastPathEquivalenceTest {
    @Test
    void whatTheFastPathAcceptsTheSchemaAccepts() {
        List<JsonNode> seeds = UsageCorpus.seeds();
        for (JsonNode s : seeds) {
            assertThat(UsageFastPath.accepts(s)).as(s.toString()).isTrue();
            assertThat(UsageSchema.validate(s)).as(s.toString()).isEmpty();
        }
        SplittableRandom random = new SplittableRandom(20261123L);
        int fastAccepted = 0;
        int schemaAccepted = 0;
        for (int i = 0; i < 60_000; i++) {
            JsonNode e = UsageCorpus.mutate(seeds, random);
            boolean schema = UsageSchema.validate(e).isEmpty();
            if (UsageFastPath.accepts(e)) {
                fastAccepted++;
                assertThat(schema).as("the schema refuses what the fast path accepted: %s", e).isTrue();
            }
            if (schema) {
                schemaAccepted++;
            }
        }
        // The mutations exercise both verdicts, and the fast path takes most of what the schema accepts.
        assertThat(fastAccepted).isGreaterThan(10_000);
        assertThat(schemaAccepted - fastAccepted).isLessThan(schemaAccepted / 5);
        assertThat(60_000 - schemaAccepted).isGreaterThan(10_000);
    }

    @Test
    void fastTimestampsAreTheJdksInstants() {
        SplittableRandom r = new SplittableRandom(4242L);
        String[] years = {"2026", "2024", "2100", "2000", "1900", "0000", "9999", "0001", "202a"};
        String[] months = {"01", "02", "04", "12", "00", "13", "1a"};
        String[] days = {"01", "28", "29", "30", "31", "00", "32"};
        String[] hours = {"00", "12", "23", "24", "99"};
        String[] minutes = {"00", "59", "60"};
        String[] seconds = {":00", ":59.999999999", "", ":60", ":5", ":00.5", ":00.000000001", ":59.999999999", ":00.1234567890",
            ":00.", ":00.12a"};
        String[] offsets = {"Z", "+05:30", "-00:00", "+00:00", "-09:45", "+17:59", "+18:00", "-18:00", "+18:01",
            "+24:00", "+05:60", "+0530", "z", "", "+05:30:00", "Z "};
        int answered = 0;
        for (int i = 0; i < 60_000; i++) {
            String s = pick(r, years) + "-" + pick(r, months) + "-" + pick(r, days) + (r.nextInt(40) == 0 ? " " : "T")
                    + pick(r, hours) + ":" + pick(r, minutes) + pick(r, seconds) + pick(r, offsets);
            java.time.Instant fast = UsageFastPath.instant(s);
            if (fast == null) {
                continue;
            }
            answered++;
            java.time.Instant jdk;
            try {
                jdk = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new AssertionError("the fast reader accepted what the JDK refuses: " + s, e);
            }
            assertThat(fast).as(s).isEqualTo(jdk);
        }
        assertThat(answered).isGreaterThan(5_000);
    }

    /** Half the time one of the first two (valid) choices, so that many strings are valid. */
    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(r.nextBoolean() ? 2 : from.length)];
    }
}
