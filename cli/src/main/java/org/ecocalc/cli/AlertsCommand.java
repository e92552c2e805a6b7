package org.ecocalc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.alert.Alert;
import org.ecocalc.core.alert.AlertJson;
import org.ecocalc.core.alert.AlertSeries;
import org.ecocalc.core.alert.AlertSettings;
import org.ecocalc.core.alert.AlertSettingsException;
import org.ecocalc.core.alert.AlertSeverity;
import org.ecocalc.core.alert.Alerts;
import org.ecocalc.core.alert.SensorBatch;
import org.ecocalc.core.alert.SensorReadingReader;
import org.ecocalc.core.audit.AuditEvent;
import org.ecocalc.core.audit.AuditEventType;
import org.ecocalc.core.audit.AuditLog;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.report.ReportValues;
import org.ecocalc.core.telemetry.RecordProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc alerts}: threshold alerts from report JSON (per period) and sensor readings (JSON Lines). */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Evaluates the alert rules on report JSON (metrics per period: use 'ecocalc report --period day "
                + "--out report.json') and on sensor readings (*.jsonl, docs/schemas/sensor-reading.v1.json), and "
                + "prints the alerts.",
                "Thresholds: the defaults (or the alert settings recorded in the reports), then --settings, then --env "
                        + "(ECOCALC_ALERT_* variables), then --set."})
final class AlertsCommand implements Callable<Integer> {
    /** Where --env reads the environment; tests replace it. */
    static Supplier<Map<String, String>> environment = System::getenv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<report.json|sensors.jsonl>",
            description = "Report JSON files and sensor-reading JSON Lines files (.jsonl, .ndjson).")
    List<Path> inputs;

    @Option(names = "--env", description = "Apply the ECOCALC_ALERT_* environment variables (such as ECOCALC_ALERT_PUE_MAX=1.5).")
    boolean env;

    @Option(names = "--set", paramLabel = "<name=value>",
            description = "Set one threshold or setting, such as pue_max=1.4, room_co2_max=off, consecutive_breaches=1 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--settings", paramLabel = "<file>", description = "Alert settings JSON (as printed by --show-settings).")
    Path settingsFile;

    @Option(names = "--show-settings", description = "Print the effective settings as canonical JSON and their digest.")
    boolean showSettings;

    @Option(names = {"-o", "--out"}, paramLabel = "<file>",
            description = "Write the alerts as JSON Lines, one canonical alert per line ('-' for standard output, which replaces the table).")
    String out;

    @Option(names = "--audit-log", paramLabel = "<file.jsonl>",
            description = "Append each alert raised to this hash-chained audit log (created when absent).")
    Path auditLog;

    @Option(names = "--actor", defaultValue = "ecocalc-alerts", paramLabel = "<name>",
            description = "Who is named in the audit log's events (default: ${DEFAULT-VALUE}).")
    String actor;

    @Option(names = "--fail-on", paramLabel = "<severity>",
            description = "Exit with 3 when an alert of this severity or above is raised: warning or critical.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        AlertSeverity threshold = failOn == null ? null : severity(failOn);
        List<AlertSeries> series = new ArrayList<>();
        List<AlertSettings> recorded = new ArrayList<>();
        long rejected = 0;
        for (Path in : inputs) {
            String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                SensorBatch b = SensorReadingReader.standard().read(in);
                for (RecordProblem p : b.problems()) {
                    stderr.println((p.isError() ? "error: " : "warning: ") + p);
                }
                rejected += b.rejected();
                series.addAll(AlertSeries.fromSensors(b.readings()));
            } else {
                Report report = ReportJson.parse(read(in));
                if (!recorded.contains(report.settings().alerts())) {
                    recorded.add(report.settings().alerts());
                }
                series.addAll(AlertSeries.fromReport(ReportValues.from(report)));
            }
        }
        AlertSettings settings = settings(recorded);
        series.sort(AlertSeries.ORDER);
        List<Alert> alerts = Alerts.evaluate(series, settings);
        if (auditLog != null) {
            try (AuditLog log = AuditLog.open(auditLog, Clock.systemUTC())) {
                for (Alert a : alerts) {
                    log.append(AuditEvent.of(AuditEventType.ALERT, actor, AlertJson.auditData(a)));
                }
            }
        }
        if ("-".equals(out)) {
            stdout.flush();
            OutputStream o = System.out;
            for (Alert a : alerts) {
                o.write((AlertJson.toJsonLine(a) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            o.flush();
        } else {
            if (showSettings) {
                stdout.println("settings " + settings.digest() + " " + settings.toCanonicalJson());
            }
            print(alerts, series.size(), stdout);
            if (out != null) {
                StringBuilder b = new StringBuilder();
                for (Alert a : alerts) {
                    b.append(AlertJson.toJsonLine(a)).append('\n');
                }
                Files.write(Path.of(out), b.toString().getBytes(StandardCharsets.UTF_8));
                stdout.println("alerts written to " + out);
            }
        }
        stdout.flush();
        if (rejected > 0) {
            return Main.BAD_INPUT;
        }
        if (threshold != null && alerts.stream().anyMatch(a -> a.severity().compareTo(threshold) >= 0)) {
            return Main.ALERTS;
        }
        return Main.OK;
    }

    /** The base (a --settings file, else the settings the reports record, else the defaults), then --env, then --set. */
    private AlertSettings settings(List<AlertSettings> recorded) throws IOException {
        if (settingsFile == null && recorded.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the reports record different alert settings; "
                    + "choose them with --settings <file>");
        }
        try {
            AlertSettings.Builder b = settingsFile != null ? AlertSettings.parse(read(settingsFile)).toBuilder()
                    : recorded.isEmpty() ? AlertSettings.builder() : recorded.get(0).toBuilder();
            if (env) {
                b.environment(environment.get());
            }
            for (String s : sets) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--set: expected name=value, got " + s);
                }
                b.set(s.substring(0, eq).strip().toLowerCase(Locale.ROOT), s.substring(eq + 1));
            }
            return b.build();
        } catch (AlertSettingsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "alert setting " + e.getMessage());
        }
    }

    private AlertSeverity severity(String text) {
        for (AlertSeverity s : AlertSeverity.values()) {
            if (s.id().equals(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: expected warning or critical, got " + text);
    }

    static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file: " + file);
        }
    }

    private static void print(List<Alert> alerts, int seriesCount, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"severity", "rule", "facility", "sensor", "metric", "observed", "threshold", "unit", "from",
            "to", "records"});
        for (Alert a : alerts) {
            long records = a.evidence().stream().mapToLong(o -> o.recordCount()).sum();
            rows.add(new String[] {a.severity().id(), a.rule().id(), a.facilityId(), a.sensorId() == null ? "-" : a.sensorId(),
                a.metric(), show(a.observed()), show(a.threshold()), a.unit(), a.start().toString(), a.end().toString(),
                Long.toString(records)});
        }
        Table.print(rows, 5, out);
        long critical = alerts.stream().filter(a -> a.severity() == AlertSeverity.CRITICAL).count();
        out.printf(Locale.ROOT, "%d alerts (%d critical, %d warning) from %d series%n", alerts.size(), critical,
                alerts.size() - critical, seriesCount);
    }

    /** Rounded for display only: 4 decimal places, half-even, trailing zeros stripped. */
    private static String show(java.math.BigDecimal v) {
        return Decimals.toCanonicalString(new java.math.BigDecimal(Decimals.display(v, 4)));
    }
}
