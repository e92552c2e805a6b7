package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the host shows of its configuration: never a secret (a signing secret, a database password). */
class HostConfigTest {
    @Test
    void jdbcCredentialsNeverShow() {
        assertThat(HostConfig.displayJdbcUrl("jdbc:sqlite:/var/lib/host/ecocalc-host.db"))
                .isEqualTo("jdbc:sqlite:/var/lib/host/ecocalc-host.db");
        assertThat(HostConfig.displayJdbcUrl("jdbc:postgresql://db.internal:5432/ecocalc?user=host&password=hunter2"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/ecocalc?***");
        assertThat(HostConfig.displayJdbcUrl("jdbc:mysql://host:hunter2@db.internal/ecocalc"))
                .isEqualTo("jdbc:mysql://***@db.internal/ecocalc");
        assertThat(HostConfig.displayJdbcUrl("jdbc:sqlserver://db.internal;user=host;password=hunter2"))
                .isEqualTo("jdbc:sqlserver://db.internal;***");
    }

    @Test
    void toStringHidesKeysSecretsAndDatabasePasswords() {
        HostConfig c = HostConfig.builder().apiKey("key-123", "s3cret-s3cret-s3cret")
                .jdbcUrl("jdbc:postgresql://db/ecocalc?password=hunter2").build();
        assertThat(c.toString()).doesNotContain("key-123", "s3cret", "hunter2").contains("apiKeys=1 (hidden)");
    }
}
