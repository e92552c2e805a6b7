package org.ecocalc.core.simulate;

import java.util.Map;
import java.util.TreeMap;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.ReportValues;

/**
 * Minimal report JSON written by hand (one facility, dc-1, equal to the total), so simulator tests
 * control every baseline value; read with {@link ReportValues#parse(String)}.
 */
final class BaselineReports {
    /**
     * The baseline of SimulatorTest, one year as-is: E_IT 1,000,000 kWh; E_fac 1,500,000 (PUE 1.5);
     * E_grid 1,500,000; purchased renewable 300,000 (20 % covered); water 1,800,000 L (WUE 1.8);
     * 500,000 GPU-h at 50 % utilisation; Scope 1 10,000 kg; Scope 2 location 600,000 kg (0.4 kg/kWh);
     * market 480,000 kg (1,200,000 uncovered kWh × 0.4); embodied 50,000 kg.
     */
    static final Map<Metric, String> STANDARD = Map.ofEntries(
            Map.entry(Metric.ACTIVITY_ENERGY_IT_KWH, "1000000"),
            Map.entry(Metric.ACTIVITY_ENERGY_FACILITY_KWH, "1500000"),
            Map.entry(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH, "1500000"),
            Map.entry(Metric.ACTIVITY_ENERGY_RENEWABLE_PURCHASED_KWH, "300000"),
            Map.entry(Metric.WATER_WITHDRAWAL_L, "1800000"),
            Map.entry(Metric.ACTIVITY_GPU_HOURS, "500000"),
            Map.entry(Metric.HARDWARE_UTILIZATION_PCT, "50"),
            Map.entry(Metric.CARBON_SCOPE1_KGCO2E, "10000"),
            Map.entry(Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "600000"),
            Map.entry(Metric.CARBON_SCOPE2_MARKET_KGCO2E, "480000"),
            Map.entry(Metric.CARBON_EMBODIED_KGCO2E, "50000"),
            Map.entry(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, "0.4"),
            Map.entry(Metric.EFFICIENCY_PUE, "1.5"));

    private BaselineReports() {
    }

    static ReportValues standard() {
        return of(STANDARD, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    }

    static ReportValues of(Map<Metric, String> values, String from, String to) {
        return ReportValues.parse(json(values, from, to));
    }

    static String json(Map<Metric, String> values, String from, String to) {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        for (Map.Entry<Metric, String> e : values.entrySet()) {
            sections.computeIfAbsent(e.getKey().section().id(), k -> new TreeMap<>()).put(e.getKey().id(), e.getValue());
        }
        StringBuilder g = new StringBuilder();
        g.append("\"covered\":{\"start\":\"").append(from).append("\",\"end\":\"").append(to).append("\"},\"records\":1");
        for (Map.Entry<String, Map<String, String>> s : sections.entrySet()) {
            g.append(",\"").append(s.getKey()).append("\":{");
            boolean first = true;
            for (Map.Entry<String, String> m : s.getValue().entrySet()) {
                g.append(first ? "" : ",").append('"').append(m.getKey()).append("\":{\"value\":\"").append(m.getValue())
                        .append("\",\"unit\":\"x\",\"lineage\":{\"inputs\":{},\"records_listed\":false}}");
                first = false;
            }
            g.append('}');
        }
        return "{\"format\":\"ecocalc.report/1\",\"settings\":{\"period\":{\"unit\":\"all\",\"offset\":\"Z\"},"
                + "\"wue_basis\":\"withdrawal\"},\"results\":[],\"facilities\":[{\"level\":\"facility\","
                + "\"facility_id\":\"dc-1\"," + g + "}],\"total\":{\"level\":\"total\"," + g + "}}";
    }
}
