package org.ecocalc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;

/** Prepared inputs shared by the benchmarks (built in {@code @Setup}, never timed). */
final class Data {
    private Data() {
    }

    static byte[] jsonLines(int facilities, int hours) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TelemetryGenerator(facilities, hours, 42).write(out, true);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TelemetryRecord> records(int facilities, int hours) {
        List<TelemetryRecord> out = new ArrayList<>();
        TelemetryReader.builder().schemaValidation(false).build().read(new java.io.ByteArrayInputStream(
                jsonLines(facilities, hours)), "bench.jsonl", TelemetryReader.Format.JSON_LINES, new TelemetryHandler() {
                    @Override
                    public void onRecord(TelemetryRecord record, RecordLocation location) {
                        out.add(record);
                    }
                });
        return out;
    }
}
