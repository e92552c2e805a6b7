package org.ecocalc.examples.host;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structured logs: one JSON object per line with {@code ts}, {@code level}, {@code msg}, the
 * request's correlation id {@code request_id}, and fields. Secrets are never passed in; as a
 * second guard, any field whose name looks like a secret is written as {@code "[redacted]"}.
 */
final class JsonLog {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Appendable out;
    private final Clock clock;

    JsonLog(Appendable out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    static boolean secretName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("key") && !n.equals("key_id") && !n.equals("event_key") || n.contains("secret")
                || n.contains("signature") || n.contains("authorization") || n.contains("password")
                || n.contains("token") && !n.contains("tokens");
    }

    void log(String level, String msg, String requestId, Map<String, ?> fields) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ts", clock.instant().toString());
        n.put("level", level);
        n.put("msg", msg);
        if (requestId != null) {
            n.put("request_id", requestId);
        }
        fields.forEach((k, v) -> {
            if (secretName(k)) {
                n.put(k, "[redacted]");
            } else if (v instanceof Number num) {
                n.put(k, num.longValue());
            } else if (v != null) {
                n.put(k, String.valueOf(v));
            }
        });
        String line = MAPPER.writeValueAsString(n) + "\n";
        synchronized (out) {
            try {
                out.append(line);
            } catch (IOException e) {
                // a log line that cannot be written is not worth failing a request for
            }
        }
    }
}
