package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
    @Test
    void signatureMatchesAnIndependentComputation() {
        byte[] body = "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
        // Computed with OpenSSL 3, independently of this code:
        //   printf '[{"a":1}]' | sha256sum
        //     -> b713f6d2a989e907c58516a7c8bb487792c8785ddbf367b80dc774bf33b85a85
        //   printf 'ecocalc-v1\n1767225600\nPOST\n/api/telemetry/ingest\nreq-1\n<that hex>' \
        //     | openssl dgst -sha256 -hmac test-secret-0123456789
        //     -> c1ae30b418bd68304c61d5c0f88fbf38a861af873cc40d84d71a7411976de697
        assertThat(RequestSigner.stringToSign(1767225600L, "POST", "/api/telemetry/ingest", "req-1", body, body.length))
                .isEqualTo("ecocalc-v1\n1767225600\nPOST\n/api/telemetry/ingest\nreq-1\n"
                        + "b713f6d2a989e907c58516a7c8bb487792c8785ddbf367b80dc774bf33b85a85");
        RequestSigner signer = new RequestSigner("test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.sign(1767225600L, "POST", "/api/telemetry/ingest", "req-1", body, body.length))
                .isEqualTo("v1=c1ae30b418bd68304c61d5c0f88fbf38a861af873cc40d84d71a7411976de697");
        assertThat(signer.toString()).doesNotContain("test-secret");
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsSigned() {
        byte[] body = "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
        byte[] padded = "[{\"a\":1}]garbage".getBytes(StandardCharsets.UTF_8);
        RequestSigner signer = new RequestSigner("test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.sign(1, "POST", "/p", "r", padded, body.length))
                .isEqualTo(signer.sign(1, "POST", "/p", "r", body, body.length));
    }
}
