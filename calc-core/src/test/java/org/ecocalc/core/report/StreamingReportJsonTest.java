package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer and the group-by-group results hash give exactly what the whole-tree forms
 * give: the same report bytes as pretty-printing the report's tree, and the same hash as
 * canonicalising the whole results document (RFC 8785 is compositional), on the example data for
 * every period and on an empty report.
 */
class StreamingReportJsonTest {
    static final Path EXAMPLE = Path.of("..", "examples", "data", "benchmark-telemetry.json");

    @Test
    void streamingGivesTheWholeTreeBytesAndHash() {
        for (PeriodUnit unit : List.of(PeriodUnit.DAY, PeriodUnit.MONTH, PeriodUnit.ALL)) {
            Report r = EcoCalc.calculation(MethodSettings.builder().period(unit).build())
                    .withCarbon(ShippedPacks.context().withAssets(AssetRegistry.read(Path.of("..", "examples", "data",
                            "assets.json"))))
                    .report(EXAMPLE);
            assertThat(ReportJson.toJson(r)).as(unit.id()).isEqualTo(Json.pretty(ReportJson.toNode(r)));
            assertThat(ReportJson.resultsDigest(r)).as(unit.id())
                    .isEqualTo(CanonicalJson.digest(ReportJson.toResultsJson(r)));
        }
    }

    @Test
    void anEmptyReportIsWrittenTheSameWay() {
        Report r = EcoCalc.report(List.of(), MethodSettings.defaults());
        assertThat(ReportJson.toJson(r)).isEqualTo(Json.pretty(ReportJson.toNode(r)));
        assertThat(ReportJson.resultsDigest(r)).isEqualTo(CanonicalJson.digest(ReportJson.toResultsJson(r)));
    }
}
