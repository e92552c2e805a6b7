package org.ecocalc.core.telemetry;

import java.util.Locale;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * A contractual instrument for market-based Scope 2 (GHG Protocol Scope 2 Guidance, chapter 6):
 * an energy attribute certificate, a PPA, a green tariff or a supplier-specific rate, covering an
 * amount of electricity over the record's interval.
 *
 * @param instrumentId  the instrument's id (certificate serial, contract id), unique per instrument
 * @param type          what kind of instrument, which fixes its tier in the hierarchy
 * @param energy        the electricity the instrument covers over the record's interval (kWh)
 * @param emissionRate  the emission rate it conveys (0 for a renewable certificate)
 * @param vintage       the year of the generation it represents, or null when not stated
 * @param market        the market it was issued in: an ISO 3166-1 country (such as {@code DE}) or a
 *                      market region (such as {@code EU} for the AIB guarantee-of-origin area)
 * @param scheme        the tracking scheme (GO, REC, I-REC, ...), or null
 * @param energySource  the generation source (wind, solar, hydro, ...), or null
 */
public record Instrument(String instrumentId, Type type, Quantity energy, EmissionRate emissionRate, Integer vintage,
        String market, String scheme, String energySource) {

    /** Instrument kinds, each in one tier of the market-based hierarchy. */
    public enum Type {
        /** Energy attribute certificate (GO, REC, I-REC): tier 1. */
        ENERGY_ATTRIBUTE_CERTIFICATE(1),
        /** Power purchase agreement with its attributes: tier 1. */
        PPA(1),
        /** Green tariff or utility renewable product: tier 1. */
        GREEN_TARIFF(1),
        /** Supplier- or product-specific emission rate: tier 2. */
        SUPPLIER_SPECIFIC(2);

        private final int tier;

        Type(int tier) {
            this.tier = tier;
        }

        /** The tier: 1 certificates and contracts, 2 supplier-specific rates. */
        public int tier() {
            return tier;
        }

        /** The lower-case id used in JSON ({@code energy_attribute_certificate}, ...). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type with this id, or null. */
        public static Type fromId(String id) {
            for (Type t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The pattern of an instrument id. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$";
    /** The pattern of a market: a country code or a region code. */
    public static final String MARKET_PATTERN = "^[A-Z]{2}([A-Z0-9-]{0,14})$";

    public Instrument {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(emissionRate, "emissionRate");
        Objects.requireNonNull(market, "market");
        if (!instrumentId.matches(ID_PATTERN)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.WRONG_TYPE, "/contracts",
                    "an instrument id is 1 to 128 letters, digits or . _ : @ / - (got \"" + instrumentId + "\")"));
        }
        if (!market.matches(MARKET_PATTERN)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.WRONG_TYPE, "/contracts",
                    "a market is a country code such as \"DE\" or a region such as \"EU\" (got \"" + market + "\")"));
        }
        energy = Checks.amount(energy, Dimension.ENERGY, "/contracts/energy");
    }
}
