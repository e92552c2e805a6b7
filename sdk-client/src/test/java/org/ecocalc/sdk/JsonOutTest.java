package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonOutTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String write(String s) {
        JsonOut w = JsonOut.writer(4);
        w.string(s);
        return new String(w.buffer(), 0, w.length(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesAsRfc8259() {
        assertThat(write("a\"b\\c\n\t\u0001/é€😀")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001/é€😀\"");
    }

    @Test
    void countedSizeIsTheWrittenSizeAndTheStringRoundTrips() {
        // Any BMP or supplementary text, control characters included (lone surrogates are refused by the model).
        qt().withFixedSeed(42L).withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(s -> {
                    boolean lone = false;
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            i++;
                        } else if (Character.isSurrogate(c)) {
                            lone = true;
                        }
                    }
                    JsonOut counter = JsonOut.counter();
                    counter.string(s);
                    String written = write(s);
                    assertThat(counter.length()).isEqualTo(written.getBytes(StandardCharsets.UTF_8).length);
                    if (!lone) {
                        assertThat(JSON.readTree(written).stringValue()).isEqualTo(s);
                    }
                });
    }

    @Test
    void numbers() {
        for (long v : new long[] {0, 7, 10, 99, 100, 1_234_567_890_123L, Long.MAX_VALUE, -5, Long.MIN_VALUE}) {
            JsonOut w = JsonOut.writer(1);
            w.number(v);
            JsonOut c = JsonOut.counter();
            c.number(v);
            assertThat(new String(w.buffer(), 0, w.length(), StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
            assertThat(c.length()).isEqualTo(Long.toString(v).length());
        }
    }
}
