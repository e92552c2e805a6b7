package org.ecocalc.core.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetRegistryTest {
    static final Path EXAMPLE = Path.of("..", "examples", "data", "assets.json");

    @Test
    void readsTheExampleRegistryExpandingQuantities() {
        AssetRegistry r = AssetRegistry.read(EXAMPLE);
        // 96 servers at fra-1 and 128 at sto-1, each 8 GPUs.
        assertThat(r.forFacility("fra-1")).hasSize(96);
        assertThat(r.forFacility("sto-1")).hasSize(128);
        Asset first = r.forFacility("fra-1").get(0);
        assertThat(first.assetId()).isEqualTo("fra-1-hgx-h100#1");
        assertThat(first.components()).extracting(Asset.Component::activity)
                .containsExactly("gpu_nvidia_h100_80gb", "server_8xh100_excluding_gpus");
        // In service 2025-06-01 + 35,040 h (1,460 days) = 2029-05-31.
        assertThat(first.amortisedUntil()).isEqualTo(Instant.parse("2029-05-31T00:00:00Z"));
    }

    @Test
    void theExampleMatchesTheSchema() throws IOException {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("..", "docs", "schemas", "asset-registry.v1.json")), InputFormat.JSON);
        assertThat(schema.validate(Files.readString(EXAMPLE), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate("{\"assets\": [{\"asset_id\": \"a\", \"facility_id\": \"f\", \"lifetime_hours\": \"1\","
                + " \"in_service\": \"2026-01-01T00:00:00Z\"}]}", InputFormat.JSON)).as("neither TE nor components").isNotEmpty();
    }

    @Test
    void badEntriesAreNamedByPointer(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "{\"assets\": [{\"asset_id\": \"a\", \"facility_id\": \"f\", \"embodied_kgco2e\": \"10\","
                + " \"lifetime_hours\": \"0\", \"in_service\": \"2026-01-01T00:00:00Z\"}]}");
        assertThatThrownBy(() -> AssetRegistry.read(f)).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("/assets/0").hasMessageContaining("lifetime must be positive")
                .extracting(e -> ((EcoCalcException) e).code()).isEqualTo(ErrorCode.INVALID_ASSET);
        Files.writeString(f, "{\"assets\": [{\"asset_id\": \"a\", \"facility_id\": \"f\", \"embodied_kgco2e\": \"10\","
                + " \"lifetime_hours\": \"100\", \"in_service\": \"2026-01-01T00:00:00\"}]}");
        assertThatThrownBy(() -> AssetRegistry.read(f)).hasMessageContaining("/assets/0/in_service");
        assertThatThrownBy(() -> AssetRegistry.of(java.util.List.of(
                new Asset("x", "f", BigDecimal.ONE, null, 0, BigDecimal.TEN, Instant.EPOCH, null),
                new Asset("x", "f", BigDecimal.ONE, null, 0, BigDecimal.TEN, Instant.EPOCH, null))))
                .hasMessageContaining("appears twice");
    }
}
