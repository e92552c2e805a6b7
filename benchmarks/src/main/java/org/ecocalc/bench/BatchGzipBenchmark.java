package org.ecocalc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * gzip of one request body as the SDK's sender builds it: a JSON array of 500 LLM-call usage
 * events ({@link SdkData#call}, about 165 KB), at the level the sender uses now (1,
 * {@code BEST_SPEED}) and the JDK's default (6), which it used before (decision 0805). Score: µs per
 * batch; the compressed size is printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class BatchGzipBenchmark {
    @Param({"1", "6"})
    public int level;

    private byte[] batch;

    @Setup
    public void setUp() throws IOException {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            sb.append(i == 0 ? "" : ",").append(SdkData.call("bench", i).toJson());
        }
        batch = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("batch of 500 events: %d bytes, gzip level %d: %d bytes%n", batch.length, level,
                gzip().length);
    }

    @Benchmark
    public byte[] gzip() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(batch.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(batch);
        }
        return bos.toByteArray();
    }
}
