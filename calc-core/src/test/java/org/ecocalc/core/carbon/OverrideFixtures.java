package org.ecocalc.core.carbon;

import org.ecocalc.core.factor.FactorPacks;

/** A tiny organisation pack for override and residual-mix tests (values are test inputs, not data). */
final class OverrideFixtures {
    /** One facility-measured grid CO2e rate of 0.1 kg/kWh, sealed with its digest. */
    static final String PACK = FactorPacks.seal("""
            {"format": "ecocalc.factor-pack.v1", "pack_id": "org-test", "version": "1.0.0",
             "title": "Test organisation factors", "publisher": "test", "maintainer": "test",
             "licence": {"id": "LicenseRef-test", "name": "test data"},
             "citation_only": false,
             "sources": [{"source_id": "meter", "citation": "The facility's own supply-mix statement (test).", "url": "https://example.org/statement"}],
             "factors": [
              {"factor_id": "org.dc-1.grid.co2e", "version": 1, "effective_date": "2026-01-01",
               "scope": "scope2", "category": "electricity", "activity_type": "grid_electricity",
               "region": {"level": "facility", "code": "dc-1"}, "gas": "co2e", "value": "0.1", "unit": "kg/kWh",
               "gwp_set": "AR6", "source_ref": "meter", "source_dataset": "supply statement", "source_table": "mix",
               "source_edition": "2026", "source_year": 2026, "source_url": "https://example.org/statement",
               "confidence": "high"},
              {"factor_id": "org.de.residual.co2e", "version": 1, "effective_date": "2026-01-01",
               "scope": "scope2", "category": "electricity", "activity_type": "grid_electricity_residual_mix",
               "region": {"level": "country", "code": "DE"}, "gas": "co2e", "value": "600", "unit": "g/kWh",
               "gwp_set": "unknown", "source_ref": "meter", "source_dataset": "residual mix (test)", "source_table": "DE",
               "source_edition": "2026", "source_year": 2026, "source_url": "https://example.org/residual",
               "confidence": "medium"}
             ]}
            """);

    private OverrideFixtures() {
    }
}
