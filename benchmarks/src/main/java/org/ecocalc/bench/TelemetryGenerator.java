package org.ecocalc.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic synthetic telemetry, seeded and deterministic: N facilities, each with one building
 * source reporting hourly energy, cooling, water, compute and hardware, a time-of-use intensity
 * point per record, occasional fuel and refrigerant events, and one contract record per facility
 * and 30 days; and, with {@code --assets FILE}, an asset registry (asset registry v1) of each
 * facility's GPU servers for embodied carbon. The same arguments always give the same bytes.
 *
 * <pre>
 * java -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' \
 *     org.ecocalc.bench.TelemetryGenerator --facilities 20 --hours 8760 --format jsonl --out year.jsonl \
 *     --assets assets.json
 * </pre>
 */
public final class TelemetryGenerator {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String[][] PLACES = {
        {"US", "CAMX", "NA"}, {"US", "ERCT", "NA"}, {"DE", "DE", "EU"}, {"SE", "SE-SE3", "EU"}, {"FR", "FR", "EU"},
        {"IE", "IE", "EU"}, {"NL", "NL", "EU"}, {"JP", "JP-TK", "APAC"}, {"SG", "SG", "APAC"}, {"GB", "GB", "EU"},
    };

    private final int facilities;
    private final int hours;
    private final long seed;

    /** A generator of {@code facilities} × {@code hours} hourly records. */
    public TelemetryGenerator(int facilities, int hours, long seed) {
        this.facilities = facilities;
        this.hours = hours;
        this.seed = seed;
    }

    /** How many records {@link #write} produces. */
    public long records() {
        return (long) facilities * hours + (long) facilities * ((hours + 719) / 720);
    }

    /** Writes JSON Lines (one record per line) or a JSON array. */
    public void write(OutputStream out, boolean jsonLines) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (!jsonLines) {
            w.write("[\n");
        }
        boolean first = true;
        for (int f = 0; f < facilities; f++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + f);
            String[] place = PLACES[f % PLACES.length];
            String fac = "dc-" + f;
            long base = 800 + rnd.nextInt(800);
            for (int h = 0; h < hours; h++) {
                Instant s = START.plusSeconds(3600L * h);
                Instant e = s.plusSeconds(3600);
                int hod = h % 24;
                long it = base + (hod >= 8 && hod < 20 ? 100 : 0) + rnd.nextInt(40);
                long cooling = it / 5 + rnd.nextInt(30);
                long facility = it + cooling + 60;
                long withdrawal = 1000 + rnd.nextInt(1500);
                StringBuilder b = new StringBuilder(900);
                b.append("{\"source_id\":\"").append(fac).append("-bms\",\"external_event_id\":\"h").append(h)
                        .append("\",\"interval\":{\"start\":\"").append(s).append("\",\"end\":\"").append(e)
                        .append("\"},\"observed_at\":\"").append(e.plusSeconds(30)).append("\",\"ingested_at\":\"")
                        .append(e.plusSeconds(60 + rnd.nextInt(120))).append("\",\"facility_id\":\"").append(fac)
                        .append("\",\"country\":\"").append(place[0]).append("\",\"grid_zone\":\"").append(place[1])
                        .append("\",\"region\":\"").append(place[2]).append("\",\"energy\":{")
                        .append(amount("facility", facility, "kWh")).append(',').append(amount("it", it, "kWh")).append(',')
                        .append(amount("cooling", cooling, "kWh")).append(',').append(amount("grid_import", facility, "kWh"))
                        .append("},\"water\":{").append(amount("withdrawal", withdrawal, "L")).append(',')
                        .append(amount("consumption", withdrawal * 3 / 4, "L")).append("},\"compute\":{")
                        .append(amount("gpu_hours", 512 + rnd.nextInt(256), "GPU-h"))
                        .append(",\"inference_requests\":").append(rnd.nextInt(100_000)).append("},\"hardware\":{")
                        .append("\"utilization_pct\":\"").append(40 + rnd.nextInt(55)).append("\"},")
                        .append("\"grid_intensity\":[{\"start\":\"").append(s).append("\",\"end\":\"").append(e)
                        .append("\",\"intensity\":{\"value\":\"").append(100 + rnd.nextInt(500))
                        .append("\",\"unit\":\"gCO2e/kWh\"},\"source\":\"synthetic\"}]");
                if (rnd.nextInt(500) == 0) {
                    b.append(",\"fuel\":[{\"fuel\":\"distillate_fuel_oil_no2\",\"quantity\":{\"value\":\"")
                            .append(50 + rnd.nextInt(200)).append(place[0].equals("US") ? "\",\"unit\":\"gal\"}}]"
                                    : "\",\"unit\":\"kg\"}}]");
                }
                if (rnd.nextInt(2000) == 0) {
                    b.append(",\"refrigerant\":[{\"refrigerant\":\"hfc-134a\",\"released\":{\"value\":\"")
                            .append(1 + rnd.nextInt(5)).append("\",\"unit\":\"kg\"}}]");
                }
                b.append('}');
                first = line(w, b, first, jsonLines);
                if (h % 720 == 0) {
                    StringBuilder c = new StringBuilder(400);
                    Instant ce = START.plusSeconds(3600L * Math.min(hours, h + 720));
                    c.append("{\"source_id\":\"").append(fac).append("-contracts\",\"external_event_id\":\"go-").append(h)
                            .append("\",\"interval\":{\"start\":\"").append(s).append("\",\"end\":\"").append(ce)
                            .append("\"},\"facility_id\":\"").append(fac).append("\",\"country\":\"").append(place[0])
                            .append("\",\"region\":\"").append(place[2]).append("\",\"contracts\":[{\"instrument_id\":\"GO-")
                            .append(fac).append('-').append(h).append("\",\"type\":\"energy_attribute_certificate\",")
                            .append(amount("energy", base * 360, "kWh")).append(",\"emission_rate\":{\"value\":\"0\",")
                            .append("\"unit\":\"kg/kWh\"},\"vintage\":2026,\"market\":\"").append(place[2]).append("\"}]}");
                    first = line(w, c, first, jsonLines);
                }
            }
        }
        if (!jsonLines) {
            w.write("\n]\n");
        }
        w.flush();
    }

    /**
     * The asset registry of the generated facilities: per facility, one fleet of 8-GPU H100 servers
     * (the GPUs and the server without GPUs as components, the activities of the shipped
     * {@code gpu-embodied} pack), 64 to 127 servers, a 4-year lifetime (35,040 h), in service
     * before the data starts.
     */
    public void writeAssets(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("{\"assets\":[\n");
        for (int f = 0; f < facilities; f++) {
            SplittableRandom rnd = new SplittableRandom(seed * 7_919L + f);
            String fac = "dc-" + f;
            w.write("{\"asset_id\":\"" + fac + "-hgx-h100\",\"facility_id\":\"" + fac + "\",\"quantity\":"
                    + (64 + rnd.nextInt(64)) + ",\"gpus\":8,\"components\":[{\"activity\":\"gpu_nvidia_h100_80gb\","
                    + "\"count\":\"8\"},{\"activity\":\"server_8xh100_excluding_gpus\",\"count\":\"1\"}],"
                    + "\"lifetime_hours\":\"35040\",\"in_service\":\"2025-06-01T00:00:00Z\"}"
                    + (f + 1 < facilities ? ",\n" : "\n"));
        }
        w.write("]}\n");
        w.flush();
    }

    private static boolean line(Writer w, CharSequence record, boolean first, boolean jsonLines) throws IOException {
        if (!jsonLines && !first) {
            w.write(",\n");
        }
        w.append(record);
        if (jsonLines) {
            w.write('\n');
        }
        return false;
    }

    private static String amount(String name, long value, String unit) {
        return "\"" + name + "\":{\"value\":\"" + value + "\",\"unit\":\"" + unit + "\"}";
    }

    /**
     * Writes a file: {@code --facilities N --hours H --seed S --format jsonl|json --out FILE
     * [--assets FILE]}.
     */
    public static void main(String[] args) throws IOException {
        int facilities = 10;
        int hours = 8760;
        long seed = 42;
        boolean jsonl = true;
        Path out = null;
        Path assets = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--facilities" -> facilities = Integer.parseInt(args[i + 1]);
                case "--hours" -> hours = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--format" -> jsonl = args[i + 1].toLowerCase(Locale.ROOT).equals("jsonl");
                case "--out" -> out = Path.of(args[i + 1]);
                case "--assets" -> assets = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        TelemetryGenerator g = new TelemetryGenerator(facilities, hours, seed);
        try (OutputStream o = Files.newOutputStream(out)) {
            g.write(o, jsonl);
        }
        System.out.printf(Locale.ROOT, "%d records, %d bytes -> %s%n", g.records(), Files.size(out), out);
        if (assets != null) {
            try (OutputStream o = Files.newOutputStream(assets)) {
                g.writeAssets(o);
            }
            System.out.printf(Locale.ROOT, "asset registry of %d facilities -> %s%n", facilities, assets);
        }
    }
}
