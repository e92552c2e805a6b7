package org.ecocalc.core.internal;

import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of {@link MethodSettings}. */
public final class SettingsJson {
    private SettingsJson() {
    }

    /** The settings as a JSON object (snake_case; open range sides omitted). */
    public static ObjectNode toNode(MethodSettings s) {
        ObjectNode n = Json.object();
        ReportingPeriod p = s.period();
        ObjectNode period = n.putObject("period");
        period.put("unit", p.unit().id());
        period.put("offset", p.offset().getId());
        if (p.from() != null) {
            period.put("from", Json.instant(p.from()));
        }
        if (p.to() != null) {
            period.put("to", Json.instant(p.to()));
        }
        n.put("wue_basis", s.wueBasis().id());
        n.put("workload_energy_basis", s.workloadEnergyBasis().id());
        n.put("lineage_key_limit", s.lineageKeyLimit());
        ObjectNode gwp = n.putObject("gwp");
        gwp.put("set", s.gwpSet().name());
        gwp.put("horizon_years", s.gwpHorizon().years());
        n.put("scope2_method", s.scope2Method().id());
        n.put("carbon_basis", s.carbonBasis().id());
        n.put("per_unit_includes_embodied", s.perUnitIncludesEmbodied());
        n.put("boundary", s.boundary().id());
        if (s.organisationId() != null) {
            n.put("organisation_id", s.organisationId());
        }
        return n;
    }
}
