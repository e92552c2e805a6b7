package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {
    private static EcoCalcClient.Builder valid(String endpoint) {
        return EcoCalcClient.builder().endpoint(endpoint).apiKey("key-abc-123").hmacSecret("secret-0123456789abcdef")
                .spoolDirectory(Path.of("unused"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "http://127.1.2.3",
            "https://ingest.example.com", "https://example.com/ecocalc/"})
    void acceptedEndpoints(String endpoint) {
        assertThat(valid(endpoint).settings().endpoint()).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://ingest.example.com", "http://10.0.0.5:8080", "http://localhost.example.com"})
    void plainHttpToAnotherHostIsRefused(String endpoint) {
        assertThatThrownBy(() -> valid(endpoint).settings()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain http:// is refused");
        assertThat(valid(endpoint).allowInsecureHttp(true).settings().allowInsecureHttp()).isTrue();
    }

    @Test
    void settingsAreCheckedAtOnce() {
        EcoCalcClient.Builder b = EcoCalcClient.builder();
        assertThatThrownBy(() -> b.endpoint("ftp://x")).hasMessageContaining("must be an http or https URI");
        assertThatThrownBy(() -> b.endpoint("https://x/?q=1")).hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> b.maxBatchEvents(0)).hasMessage("maxBatchEvents must be between 1 and 1000 (got 0)");
        assertThatThrownBy(() -> b.maxBatchBytes(2 << 20)).hasMessageContaining("maxBatchBytes must be between");
        assertThatThrownBy(() -> b.hmacSecret("short")).hasMessage("hmacSecret must be at least 16 bytes (got 5)");
        assertThatThrownBy(() -> b.apiKey("has space")).hasMessage("apiKey must be non-blank printable ASCII");
        assertThatThrownBy(() -> b.queueCapacity(0)).hasMessageContaining("queueCapacity must be between 1");
        assertThatThrownBy(() -> b.spoolCapBytes(10)).hasMessageContaining("spoolCapBytes must be at least 65536");
        assertThatThrownBy(() -> b.build()).isInstanceOf(IllegalStateException.class).hasMessage("endpoint is required");
        assertThatThrownBy(() -> EcoCalcClient.builder().endpoint("https://x").apiKey("k").build())
                .hasMessageStartingWith("spoolDirectory is required");
        assertThatThrownBy(() -> valid("https://x").maxBatchBytes(1024).maxEventBytes(2048).settings())
                .hasMessage("maxEventBytes (2048) must not exceed maxBatchBytes (1024)");
    }

    @Test
    void toStringNeverShowsASecret() {
        EcoCalcClient.Builder b = valid("https://x");
        assertThat(b.toString()).doesNotContain("key-abc-123").doesNotContain("secret-0123456789abcdef").contains("****");
        assertThat(b.settings().toString()).doesNotContain("key-abc-123").doesNotContain("secret-0123456789abcdef")
                .contains("apiKey=****").contains("hmacSecret=****");
    }
}
