package org.ecocalc.examples.host;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects faults in front of the reference host's ingest endpoints, one scripted fault per
 * request, in order; requests beyond the script pass through.
 */
final class FaultFilter extends Filter {
    /** A scripted fault. */
    sealed interface Fault permits Status, DropBefore, DropAfter, HoldUntilNext {
    }

    /** Answer with this status (and Retry-After when not null) without reaching the host. */
    record Status(int code, String retryAfter) implements Fault {
    }

    /** Read part of the request, then close the connection without an answer. */
    record DropBefore() implements Fault {
    }

    /** Let the host handle the request (and store its events), then close the connection without an answer. */
    record DropAfter() implements Fault {
    }

    /** Hold the request until the next one arrives (the client times out and retries), then handle it. */
    record HoldUntilNext() implements Fault {
    }

    private final ConcurrentLinkedQueue<Fault> script = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch held;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger faulted = new AtomicInteger();

    FaultFilter add(Fault f, int times) {
        for (int i = 0; i < times; i++) {
            script.add(f);
        }
        return this;
    }

    int remaining() {
        return script.size();
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (!ex.getRequestURI().getPath().endsWith("/ingest")) {
            chain.doFilter(ex);
            return;
        }
        requests.incrementAndGet();
        CountDownLatch h = held;
        if (h != null) {
            h.countDown();
        }
        Fault f = script.poll();
        if (f == null) {
            chain.doFilter(ex);
            return;
        }
        faulted.incrementAndGet();
        if (f instanceof Status s) {
            ex.getRequestBody().readAllBytes();
            byte[] body = ("{\"error\":{\"code\":\"injected\",\"message\":\"injected " + s.code() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (s.retryAfter() != null) {
                ex.getResponseHeaders().set("Retry-After", s.retryAfter());
            }
            ex.sendResponseHeaders(s.code(), body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        } else if (f instanceof DropBefore) {
            ex.getRequestBody().readNBytes(10);
            ex.close();
        } else if (f instanceof DropAfter) {
            chain.doFilter(new Dropping(ex));
        } else {
            CountDownLatch latch = new CountDownLatch(1);
            held = latch;
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held = null;
            chain.doFilter(ex);
        }
    }

    @Override
    public String description() {
        return "fault injection";
    }

    /** An exchange whose answer never leaves: the connection is closed instead. */
    private static final class Dropping extends HttpExchange {
        private final HttpExchange d;

        Dropping(HttpExchange d) {
            this.d = d;
        }

        @Override
        public void sendResponseHeaders(int code, long length) throws IOException {
            throw new IOException("injected: connection dropped after the request was handled");
        }

        @Override
        public void close() {
            d.close();
        }

        @Override
        public Headers getRequestHeaders() {
            return d.getRequestHeaders();
        }

        @Override
        public Headers getResponseHeaders() {
            return d.getResponseHeaders();
        }

        @Override
        public URI getRequestURI() {
            return d.getRequestURI();
        }

        @Override
        public String getRequestMethod() {
            return d.getRequestMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return d.getHttpContext();
        }

        @Override
        public InputStream getRequestBody() {
            return d.getRequestBody();
        }

        @Override
        public OutputStream getResponseBody() {
            return d.getResponseBody();
        }

        @Override
        public int getResponseCode() {
            return d.getResponseCode();
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return d.getRemoteAddress();
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return d.getLocalAddress();
        }

        @Override
        public String getProtocol() {
            return d.getProtocol();
        }

        @Override
        public Object getAttribute(String name) {
            return d.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            d.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            d.setStreams(i, o);
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return d.getPrincipal();
        }
    }
}
