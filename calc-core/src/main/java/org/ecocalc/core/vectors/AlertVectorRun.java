package org.ecocalc.core.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.alert.Alert;
import org.ecocalc.core.alert.AlertJson;
import org.ecocalc.core.alert.AlertSeries;
import org.ecocalc.core.alert.AlertSettings;
import org.ecocalc.core.alert.AlertSettingsException;
import org.ecocalc.core.alert.Alerts;
import org.ecocalc.core.alert.SensorBatch;
import org.ecocalc.core.alert.SensorReadingReader;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.report.InvalidReportException;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.report.ReportValues;
import org.ecocalc.core.vectors.VectorRunner.VectorError;
import tools.jackson.databind.JsonNode;

/**
 * An alert vector ({@code "input_kind": "alert"}): sensor readings (the input, one JSON Lines file)
 * and report documents ({@code reports}, one file each) evaluated by the alert rules exactly as
 * {@code ecocalc alerts} does: {@link SensorReadingReader#standard()} then
 * {@link AlertSeries#fromSensors}, {@link ReportJson#parse} then {@link AlertSeries#fromReport} of
 * {@link ReportValues#from}, the series in {@link AlertSeries#ORDER}, and {@link Alerts#evaluate}.
 *
 * <p>Settings: only {@code alerts} (the alert settings JSON, {@code docs/schemas/alert-settings.v1.json};
 * a missing member keeps its default), read as {@code ecocalc alerts --settings} reads its file; when
 * absent, the settings the reports record (they must agree), else the defaults. Package-private.
 */
final class AlertVectorRun {
    /** The settings members an alert vector reads. */
    static final Set<String> MEMBERS = Set.of("alerts");

    private AlertVectorRun() {
    }

    /** What an alert vector computes: the alerts, and the readings' problems. */
    record Outcome(List<Alert> alerts, SensorBatch readings) {
    }

    static Outcome compute(TestVector v) {
        JsonNode settings = Json.MAPPER.readTree(v.settingsJson());
        for (String name : settings.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/" + JsonExpectation.escape(name),
                        "settings member \"" + name + "\" is not read by the alert rules; an alert vector's settings"
                                + " are {\"alerts\": {alert settings}}");
            }
        }
        AlertSettings given = null;
        if (settings.has("alerts")) {
            try {
                given = AlertSettings.parse(Json.compact(settings.get("alerts")));
            } catch (AlertSettingsException ex) {
                String at = ex.setting().startsWith("/") && ex.setting().length() > 1 ? ex.setting() : "";
                throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/alerts" + at, ex.getMessage());
            }
        }
        List<AlertSeries> series = new ArrayList<>();
        SensorBatch batch = VectorRunner.withInputFile(v, in -> SensorReadingReader.standard().read(in));
        try {
            series.addAll(AlertSeries.fromSensors(batch.readings()));
        } catch (EcoCalcException ex) {
            throw new VectorError(ex.code(), "/input", ex.getMessage());
        }
        List<AlertSettings> recorded = new ArrayList<>();
        for (int i = 0; i < v.reports().size(); i++) {
            Report report;
            try {
                report = ReportJson.parse(v.reports().get(i));
            } catch (InvalidReportException ex) {
                throw new VectorError(ErrorCode.INVALID_REPORT, "/reports/" + i + ex.pointer(), ex.getMessage());
            } catch (EcoCalcException ex) {
                throw new VectorError(ex.code(), "/reports/" + i, ex.getMessage());
            }
            if (!recorded.contains(report.settings().alerts())) {
                recorded.add(report.settings().alerts());
            }
            series.addAll(AlertSeries.fromReport(ReportValues.from(report)));
        }
        AlertSettings effective;
        if (given != null) {
            effective = given;
        } else if (recorded.size() > 1) {
            throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/alerts", "the reports record different alert"
                    + " settings; give settings.alerts (as ecocalc alerts --settings)");
        } else {
            effective = recorded.isEmpty() ? AlertSettings.defaults() : recorded.get(0);
        }
        series.sort(AlertSeries.ORDER);
        return new Outcome(Alerts.evaluate(series, effective), batch);
    }

    /** Compares the alerts (each as its {@code ecocalc.alert/1} JSON), the readings' problems and rejections. */
    static void compare(TestVector v, Outcome o, List<String> f) {
        TestVector.Expected e = v.expected();
        if (e.alerts() != null) {
            JsonNode want = Json.MAPPER.readTree(e.alerts());
            if (want.size() != o.alerts().size()) {
                f.add("alerts: expected " + want.size() + ", got " + o.alerts().size() + ": "
                        + o.alerts().stream().map(Alert::toString).toList());
            } else {
                for (int i = 0; i < want.size(); i++) {
                    JsonExpectation.compare("alert " + i, "", want.get(i), AlertJson.toNode(o.alerts().get(i)),
                            v.toleranceRel(), f);
                }
            }
        }
        VectorRunner.problems(e, o.readings().problems(), f);
        if (e.rejected() != null && e.rejected() != o.readings().rejected()) {
            f.add("rejected readings: expected " + e.rejected() + ", got " + o.readings().rejected());
        }
    }
}
