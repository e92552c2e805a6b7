package org.ecocalc.sdk;

/** The two kinds of event, each with its own journal and endpoint. */
enum Lane {
    TELEMETRY("telemetry", Protocol.TELEMETRY_PATH),
    USAGE("usage", Protocol.USAGE_PATH);

    static final Lane[] ALL = values();

    final String dirName;
    final String path;

    Lane(String dirName, String path) {
        this.dirName = dirName;
        this.path = path;
    }

    static Lane of(Event e) {
        return e instanceof TelemetryRecord ? TELEMETRY : USAGE;
    }
}
