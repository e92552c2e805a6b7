package org.ecocalc.core;

import java.math.BigDecimal;
import java.time.Instant;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.telemetry.ComputeBlock;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.HardwareBlock;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.ecocalc.core.telemetry.WaterBlock;

/** Small builders for test records. */
public final class TestRecords {
    private TestRecords() {
    }

    /** kWh quantity. */
    public static Quantity kwh(String v) {
        return Quantity.of(v, Unit.KWH);
    }

    /** Litre quantity. */
    public static Quantity litres(String v) {
        return Quantity.of(v, Unit.L);
    }

    /** GPU-hour quantity. */
    public static Quantity gpuHours(String v) {
        return Quantity.of(v, Unit.GPU_H);
    }

    /** Decimal. */
    public static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A builder with identity, facility and an interval filled in. */
    public static TelemetryRecord.Builder record(String facility, String eventId, String start, String end) {
        return TelemetryRecord.builder().sourceId(facility + "-bms").externalEventId(eventId).facilityId(facility)
                .interval(Instant.parse(start), Instant.parse(end));
    }

    /** A record with facility and IT energy only. */
    public static TelemetryRecord energy(String facility, String eventId, String start, String end, String facilityKwh,
            String itKwh) {
        return record(facility, eventId, start, end)
                .energy(EnergyBlock.builder().facility(kwh(facilityKwh)).it(kwh(itKwh)).build()).build();
    }

    /** Shorthand blocks. */
    public static EnergyBlock.Builder energyBlock() {
        return EnergyBlock.builder();
    }

    /** Shorthand blocks. */
    public static WaterBlock.Builder waterBlock() {
        return WaterBlock.builder();
    }

    /** Shorthand blocks. */
    public static ComputeBlock.Builder computeBlock() {
        return ComputeBlock.builder();
    }

    /** A seeded SecureRandom (SHA1PRNG), so generated test keys are the same on every run. */
    public static java.security.SecureRandom seededRandom(long seed) {
        try {
            java.security.SecureRandom r = java.security.SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Shorthand blocks. */
    public static HardwareBlock.Builder hardwareBlock() {
        return HardwareBlock.builder();
    }
}
