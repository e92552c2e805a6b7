package org.ecocalc.core.telemetry;

import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;

/**
 * Where a record was measured. Only {@code facilityId} is required; the others feed factor
 * selection (country, region, grid zone).
 *
 * @param facilityId the facility (data centre) id, matching {@value #FACILITY_ID_PATTERN}
 * @param country    ISO 3166-1 alpha-2 code such as {@code "DE"}, or null when absent
 * @param region     a region name or code such as {@code "EU"}, or null when absent
 * @param gridZone   an electricity grid zone such as the eGRID subregion {@code "CAMX"}, or null
 */
public record Place(String facilityId, String country, String region, String gridZone) {
    /** The pattern of a facility id. */
    public static final String FACILITY_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    /** The pattern of a country code. */
    public static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
    /** The longest region or grid zone. */
    public static final int MAX_NAME_LENGTH = 64;


    public Place {
        Problem p = facilityProblem(facilityId);
        if (p == null) {
            p = countryProblem(country);
        }
        if (p == null) {
            p = nameProblem(region, "/region");
        }
        if (p == null) {
            p = nameProblem(gridZone, "/grid_zone");
        }
        if (p != null) {
            throw new InvalidTelemetryException(p);
        }
    }

    /** A place with only a facility id. */
    public static Place of(String facilityId) {
        return new Place(facilityId, null, null, null);
    }

    /** This place with the given country. */
    public Place withCountry(String country) {
        return new Place(facilityId, country, region, gridZone);
    }

    /** This place with the given region. */
    public Place withRegion(String region) {
        return new Place(facilityId, country, region, gridZone);
    }

    /** This place with the given grid zone. */
    public Place withGridZone(String gridZone) {
        return new Place(facilityId, country, region, gridZone);
    }

    static Problem facilityProblem(String facilityId) {
        if (facilityId == null || facilityId.isEmpty()) {
            return Problem.error(ErrorCode.MISSING_FIELD, "/facility_id", "facility_id is required");
        }
        if (!Identifiers.isId(facilityId)) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/facility_id",
                    "facility_id must be 1 to 128 letters, digits or . _ : @ - (starting with a letter or digit)");
        }
        return null;
    }

    static Problem countryProblem(String country) {
        if (country != null && !Identifiers.isCountry(country)) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/country",
                    "country must be an ISO 3166-1 alpha-2 code in capitals, such as \"DE\"");
        }
        return null;
    }

    static Problem nameProblem(String name, String pointer) {
        if (name != null && (name.isEmpty() || name.length() > MAX_NAME_LENGTH || hasControl(name))) {
            return Problem.error(ErrorCode.WRONG_TYPE, pointer, pointer.substring(1)
                    + " must be 1 to " + MAX_NAME_LENGTH + " characters without control characters");
        }
        return null;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
