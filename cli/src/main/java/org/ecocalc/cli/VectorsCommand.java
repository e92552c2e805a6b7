package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecocalc.core.vectors.VectorResult;
import org.ecocalc.core.vectors.VectorRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ecocalc vectors}: runs golden test vectors. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Runs every golden test vector (*.json, format docs/test-vectors.md) under a folder, prints one "
                + "line per failure and \"N passed, N failed\"; exits 1 on any failure."})
final class VectorsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir|file>", description = "A folder of vectors (searched recursively), or one vector.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VectorResult> results = VectorRunner.standard().runAll(dir);
        int failed = 0;
        for (VectorResult r : results) {
            if (!r.passed()) {
                failed++;
                for (String f : r.failures()) {
                    out.println("FAIL " + r.name() + ": " + f);
                }
            }
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? Main.OK : Main.BAD_INPUT;
    }
}
