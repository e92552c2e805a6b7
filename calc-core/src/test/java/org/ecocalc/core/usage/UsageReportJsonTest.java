package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.junit.jupiter.api.Test;

/** The usage report JSON conforms to docs/schemas/usage-report.v1.json and does not depend on how often it is written. */
class UsageReportJsonTest {
    static final SchemaCheck SCHEMA = SchemaCheck.load(UsageReportJsonTest.class,
            "/org/ecocalc/core/schemas/usage-report.v1.json", Set.of("required", "additionalProperties"));

    @Test
    void theExampleDayConformsToTheSchema() {
        UsageCalculator calc = UsageCalculator.of(CarbonContext.builder(ShippedPacks.LIBRARY.with(FactorPacks.read(
                Path.of("..", "examples", "data", "factor-packs", "acme-sites-1.0.0.json")))).build(),
                MethodSettings.defaults());
        for (String by : new String[] {"model,day", "organisation,team,user,month", "provider,region", ""}) {
            UsageReport r = UsageReport.calculate(Path.of("..", "examples", "data", "usage-events.jsonl"),
                    UsageReader.standard(), calc, UsageGrouping.parse(by, ReportingPeriod.of(PeriodUnit.ALL)), null);
            String json = UsageReportJson.toJson(r);
            assertThat(SCHEMA.validate(Json.MAPPER.readTree(json))).as(by).isEmpty();
            assertThat(UsageReportJson.toJson(r)).isEqualTo(json);
            assertThat(json).doesNotContain("E-").doesNotContain("\r");
        }
        // And the schema is not vacuous: a number where a decimal string belongs is refused.
        UsageReport r = UsageReport.calculate(Path.of("..", "examples", "data", "usage-events.jsonl"),
                UsageReader.standard(), calc, UsageGrouping.TOTAL, null);
        tools.jackson.databind.node.ObjectNode tree = UsageReportJson.tree(r);
        ((tools.jackson.databind.node.ObjectNode) tree.get("total").get("metrics")).put("usage.calls", 12);
        assertThat(SCHEMA.validate(tree)).isNotEmpty();
    }
}
