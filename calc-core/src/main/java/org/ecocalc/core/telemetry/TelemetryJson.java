package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.quantity.Quantity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a record in its normalised JSON form: telemetry record v1 with every amount in its
 * canonical unit, decimals as plain strings, counts as strings, timestamps in UTC. The
 * normalised form is itself a valid v1 record, and its canonical bytes (RFC 8785) are what the
 * record's digest and the data-set digest are computed over.
 */
public final class TelemetryJson {
    private TelemetryJson() {
    }

    /** The normalised record as compact JSON text. */
    public static String toJson(TelemetryRecord r) {
        return Json.compact(toNode(r));
    }

    /** The canonical (RFC 8785) UTF-8 bytes of the normalised record. */
    public static byte[] canonicalBytes(TelemetryRecord r) {
        return CanonicalJson.canonicalize(toNode(r));
    }

    /** {@code sha256:<hex>} of the canonical bytes of the normalised record. */
    public static String digest(TelemetryRecord r) {
        return CanonicalJson.sha256(canonicalBytes(r));
    }

    static ObjectNode toNode(TelemetryRecord r) {
        ObjectNode n = Json.object();
        n.put("source_id", r.key().sourceId());
        n.put("external_event_id", r.key().externalEventId());
        ObjectNode interval = n.putObject("interval");
        interval.put("start", Json.instant(r.interval().start()));
        interval.put("end", Json.instant(r.interval().end()));
        if (r.observedAt() != null) {
            n.put("observed_at", Json.instant(r.observedAt()));
        }
        if (r.ingestedAt() != null) {
            n.put("ingested_at", Json.instant(r.ingestedAt()));
        }
        Place p = r.place();
        n.put("facility_id", p.facilityId());
        putIfPresent(n, "country", p.country());
        putIfPresent(n, "region", p.region());
        putIfPresent(n, "grid_zone", p.gridZone());
        ObjectNode block = null;
        String blockName = null;
        for (TelemetryField f : TelemetryField.values()) {
            BigDecimal v = f.isList() ? null : f.valueIn(r);
            if (v == null) {
                continue;
            }
            String[] parts = f.pointer().split("/");
            if (!parts[1].equals(blockName)) {
                blockName = parts[1];
                block = n.putObject(blockName);
            }
            if (f.isAmount()) {
                block.set(parts[2], Json.amount(Quantity.of(v, f.dimension().canonicalUnit())));
            } else {
                block.put(parts[2], Json.decimal(v));
            }
        }
        if (!r.fuel().isEmpty()) {
            ArrayNode a = n.putArray("fuel");
            for (FuelUse f : r.fuel()) {
                ObjectNode e = a.addObject();
                e.put("fuel", f.fuel());
                e.set("quantity", Json.amount(f.quantity()));
                if (f.heatingValue() != null) {
                    e.put("heating_value", f.heatingValue().id());
                }
            }
        }
        if (!r.refrigerant().isEmpty()) {
            ArrayNode a = n.putArray("refrigerant");
            for (RefrigerantRelease x : r.refrigerant()) {
                ObjectNode e = a.addObject();
                e.put("refrigerant", x.refrigerant());
                e.set("released", Json.amount(x.released()));
            }
        }
        if (!r.contracts().isEmpty()) {
            ArrayNode a = n.putArray("contracts");
            for (Instrument x : r.contracts()) {
                ObjectNode e = a.addObject();
                e.put("instrument_id", x.instrumentId());
                e.put("type", x.type().id());
                e.set("energy", Json.amount(x.energy()));
                e.set("emission_rate", rate(x.emissionRate()));
                if (x.vintage() != null) {
                    e.put("vintage", x.vintage());
                }
                e.put("market", x.market());
                putIfPresent(e, "scheme", x.scheme());
                putIfPresent(e, "energy_source", x.energySource());
            }
        }
        if (!r.gridIntensity().isEmpty()) {
            ArrayNode a = n.putArray("grid_intensity");
            for (IntensityPoint p2 : r.gridIntensity()) {
                ObjectNode e = a.addObject();
                e.put("start", Json.instant(p2.start()));
                e.put("end", Json.instant(p2.end()));
                e.set("intensity", rate(p2.intensity()));
                putIfPresent(e, "source", p2.source());
                putIfPresent(e, "gwp_set", p2.gwpSet());
            }
        }
        return n;
    }

    private static ObjectNode rate(EmissionRate rate) {
        ObjectNode n = Json.object();
        n.put("value", Json.decimal(rate.kgPerKwh()));
        n.put("unit", "kg/kWh");
        return n;
    }

    private static void putIfPresent(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
