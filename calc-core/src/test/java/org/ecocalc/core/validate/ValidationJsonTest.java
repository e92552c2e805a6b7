package org.ecocalc.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.junit.jupiter.api.Test;

/** The JSON form of a validation, its schema, and the registry of codes against the schema and the docs. */
class ValidationJsonTest {
    private static final Validation SAMPLE = new Validation(List.of(
            new Finding(FindingCode.PUE_BELOW_ONE, "/total/efficiency/efficiency.pue/value", "PUE 0.99 is below 1"),
            new Finding(FindingCode.SCOPE2_METHOD_NOT_COMPUTABLE, "/results/0/carbon/carbon.scope2_market_kgco2e",
                    "market-based not computable"),
            new Finding(FindingCode.MANIFEST_ABSENT, "", "no manifest")));

    @Test
    void theJsonFormListsEveryFindingWithItsSeverity() {
        // One error, one warning, one info: invalid, counts 1/1/1, findings in order.
        assertThat(SAMPLE.toJson()).isEqualTo("""
                {
                  "format": "ecocalc.validation/1",
                  "valid": false,
                  "counts": {
                    "error": 1,
                    "warning": 1,
                    "info": 1
                  },
                  "findings": [
                    {
                      "severity": "error",
                      "code": "pue_below_one",
                      "pointer": "/total/efficiency/efficiency.pue/value",
                      "message": "PUE 0.99 is below 1"
                    },
                    {
                      "severity": "warning",
                      "code": "scope2_method_not_computable",
                      "pointer": "/results/0/carbon/carbon.scope2_market_kgco2e",
                      "message": "market-based not computable"
                    },
                    {
                      "severity": "info",
                      "code": "manifest_absent",
                      "pointer": "",
                      "message": "no manifest"
                    }
                  ]
                }
                """);
        assertThat(SchemaCheck.load("validation.v1.json").validate(Json.MAPPER.readTree(SAMPLE.toJson()))).isEmpty();
        assertThat(SAMPLE.toText()).isEqualTo("""
                error   pue_below_one /total/efficiency/efficiency.pue/value: PUE 0.99 is below 1
                warning scope2_method_not_computable /results/0/carbon/carbon.scope2_market_kgco2e: market-based not computable
                info    manifest_absent (root): no manifest
                INVALID: 1 error, 1 warning, 1 info
                """);
        assertThat(SAMPLE.isValid()).isFalse();
        assertThat(new Validation(SAMPLE.findings().subList(1, 3)).isValid()).isTrue();
    }

    @Test
    void everyCodeIsInTheSchemaAndInTheDocsWithItsSeverity() throws IOException {
        String schema = Files.readString(Path.of("..", "docs", "schemas", "validation.v1.json"));
        String docs = Files.readString(Path.of("..", "docs", "validation.md"));
        for (FindingCode c : FindingCode.values()) {
            assertThat(schema).contains("\"" + c.id() + "\"");
            // docs/validation.md has a table row per code: | `code` | severity | ...
            assertThat(docs).as(c.id()).contains("| `" + c.id() + "` | " + c.severity().id() + " |");
            assertThat(FindingCode.fromId(c.id())).isEqualTo(c);
        }
        assertThatThrownBy(() -> FindingCode.fromId("pue_too_low")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFindingNamesItsMemberByJsonPointer() {
        assertThatThrownBy(() -> new Finding(FindingCode.PUE_BELOW_ONE, "total/efficiency", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Finding f = new Finding(FindingCode.SCOPE2_METHOD_NOT_COMPUTABLE, "/total", "m");
        assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(f.isError()).isFalse();
        assertThat(f).hasToString("warning scope2_method_not_computable /total: m");
    }
}
