package org.ecocalc.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A scripted stand-in for a host, on a free loopback port: it records requests and answers as told. */
final class FakeHost implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request received. */
    record Request(String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer. */
    record Answer(int status, String body, String retryAfter) {
        static Answer of(int status, String body) {
            return new Answer(status, body, null);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeHost(Function<Request, Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-host");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> handle(ex, script));
        server.start();
    }

    private void handle(HttpExchange ex, Function<Request, Answer> script) throws IOException {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        Request r = new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), JSON.readTree(raw));
        requests.add(r);
        Answer a = script.apply(r);
        byte[] body = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (a.retryAfter() != null) {
            ex.getResponseHeaders().set("Retry-After", a.retryAfter());
        }
        ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
        ex.close();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The number of events received, over all requests. */
    int events() {
        return requests.stream().mapToInt(r -> r.body().size()).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
