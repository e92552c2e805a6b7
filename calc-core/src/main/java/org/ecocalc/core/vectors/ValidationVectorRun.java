package org.ecocalc.core.vectors;

import java.util.ArrayList;
import java.util.List;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.validate.ReportValidator;
import org.ecocalc.core.validate.Validation;
import org.ecocalc.core.vectors.VectorRunner.VectorError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report-validation vector ({@code "input_kind": "report_validation"}): the input (a report document,
 * or {@code input_text} as it stands) checked exactly as {@code ecocalc validate} does
 * ({@link ReportValidator#validate(String)}), compared with the {@code ecocalc.validation/1} JSON
 * ({@link Validation#toJson()}). The findings are compared as a whole list, in order (severity, code
 * and pointer; the message only when given). Settings, packs, overrides and assets are not read.
 * Package-private.
 */
final class ValidationVectorRun {
    private ValidationVectorRun() {
    }

    static Validation compute(TestVector v) {
        JsonNode settings = Json.MAPPER.readTree(v.settingsJson());
        String name = JsonExpectation.firstMember(settings);
        if (name != null) {
            throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/" + JsonExpectation.escape(name),
                    "validating a report reads no settings");
        }
        if (!v.factorPacks().isEmpty() || !v.overrides().isEmpty() || v.assetsJson() != null) {
            throw new VectorError(ErrorCode.INVALID_TEST_VECTOR, !v.factorPacks().isEmpty() ? "/factor_packs"
                    : !v.overrides().isEmpty() ? "/overrides" : "/assets", "validating a report reads no packs,"
                            + " overrides or assets");
        }
        return ReportValidator.validate(v.inputText());
    }

    static void compare(TestVector v, Validation validation, List<String> f) {
        String wanted = v.expected().validation();
        if (wanted == null) {
            return;
        }
        ObjectNode want = (ObjectNode) Json.MAPPER.readTree(wanted);
        JsonNode actual = Json.MAPPER.readTree(validation.toJson());
        JsonNode findings = want.remove("findings");
        JsonExpectation.compare("validation", "", want, actual, null, f);
        if (findings == null) {
            return;
        }
        JsonNode got = actual.get("findings");
        List<String> item = new ArrayList<>();
        boolean same = findings.size() == got.size();
        for (int i = 0; same && i < findings.size(); i++) {
            JsonExpectation.compare("finding " + i, "", findings.get(i), got.get(i), null, item);
            same = item.isEmpty();
        }
        if (!same) {
            f.add("findings: expected " + summary(findings) + ", got " + summary(got));
        }
    }

    private static List<String> summary(JsonNode findings) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : findings) {
            out.add(text(x, "severity") + " " + text(x, "code") + " at \"" + text(x, "pointer") + "\"");
        }
        return out;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? "?" : v.isString() ? v.stringValue() : Json.compact(v);
    }
}
