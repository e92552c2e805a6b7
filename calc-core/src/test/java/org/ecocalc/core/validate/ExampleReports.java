package org.ecocalc.core.validate;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.manifest.CalculationRun;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real reports of the example data (examples/data/benchmark-telemetry.json, the shipped factor
 * packs and examples/data/assets.json), computed once, and a way to edit one member of them.
 */
final class ExampleReports {
    static final Path DATA = Path.of("..", "examples", "data");
    static final CarbonContext CARBON = CarbonContext.builder(ShippedPacks.LIBRARY)
            .assets(AssetRegistry.read(DATA.resolve("assets.json"))).build();
    /** The benchmark week per day: 7 days × 2 facilities (fra-1: /results/0..6, sto-1: /results/7..13). */
    static final CalculationRun DAY = run(PeriodUnit.DAY);
    /** The benchmark week per month: one period per facility. */
    static final CalculationRun MONTH = run(PeriodUnit.MONTH);

    private ExampleReports() {
    }

    private static CalculationRun run(PeriodUnit unit) {
        MethodSettings s = MethodSettings.builder().period(unit).build();
        return CalculationRun.of(EcoCalc.calculation(s).withCarbon(CARBON).report(DATA.resolve("benchmark-telemetry.json")),
                CARBON);
    }

    /** The text with one edit applied to its tree, written back as ecocalc writes JSON. */
    static String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json);
        change.accept(root);
        return Json.pretty(root);
    }

    /** The object at a JSON Pointer. */
    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
