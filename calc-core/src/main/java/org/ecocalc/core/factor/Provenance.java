package org.ecocalc.core.factor;

import java.util.Objects;

/**
 * Where a value comes from and how far it can be trusted, as written in its factor pack.
 *
 * @param sourceRef    the {@code source_id} of the pack source it cites
 * @param dataset      the dataset (for example "eGRID2023 (revision 2)"), or null
 * @param table        the table or sheet, or null
 * @param edition      the edition or revision, or null
 * @param year         the data year, or null
 * @param citation     a full citation, or null (the pack source's citation applies)
 * @param url          where the value can be checked, or null (the pack source's URL applies)
 * @param confidence   the pack author's confidence in the value
 * @param secondHand   true when read from a transcription rather than the publisher's own file
 * @param illustrative true when a model estimate or placeholder rather than a published figure
 * @param notes        free text, or null
 */
public record Provenance(String sourceRef, String dataset, String table, String edition, Integer year,
        String citation, String url, Confidence confidence, boolean secondHand, boolean illustrative,
        String notes) {
    public Provenance {
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(confidence, "confidence");
    }
}
