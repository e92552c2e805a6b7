package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks of what the host holds: the store and the audit log agree that each event counted once. */
final class Audit {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Audit() {
    }

    /** How many {@code ingest_accepted} lines the audit log has per key. */
    static Map<String, Integer> acceptedPerKey(Path auditLog) {
        ChainedJsonlAuditLog.verify(auditLog);
        Map<String, Integer> out = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(auditLog, StandardCharsets.UTF_8)) {
                JsonNode n = MAPPER.readTree(line);
                if (n.get("type").stringValue().equals("ingest_accepted")) {
                    out.merge(n.get("key").stringValue(), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The store holds exactly the ids {@code prefix0 .. prefix(n-1)} of {@code source}, each accepted once. */
    static void exactlyOnce(HostFixture host, EventStore.Kind kind, String source, String prefix, int n)
            throws SQLException {
        List<String> expected = IntStream.range(0, n).mapToObj(i -> prefix + i).sorted().toList();
        assertThat(host.store().eventIds(kind, source)).containsExactlyElementsOf(expected);
        Map<String, Integer> accepted = acceptedPerKey(host.auditLog());
        Map<String, Integer> mine = accepted.entrySet().stream().filter(e -> e.getKey().startsWith(source + "/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(mine).hasSize(n);
        assertThat(mine.values()).containsOnly(1);
    }
}
