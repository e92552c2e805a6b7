package org.ecocalc.core.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library holds pack versions immutably; loading from directories and the class path. */
class FactorLibraryTest {

    private static FactorPack v(String version, String value) {
        return TestPacks.pack("acme", version, TestPacks.factor("acme.de").value(value, "kg/kWh"));
    }

    @Test
    void loadingTheSameVersionTwiceIsRefused_withTheSameOrDifferentContent() {
        FactorLibrary lib = FactorLibrary.of(v("1.0.0", "0.5"));
        assertThatThrownBy(() -> lib.with(v("1.0.0", "0.5")))
                .isInstanceOfSatisfying(FactorPackException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_DUPLICATE);
                    assertThat(e.getMessage()).contains("acme@1.0.0", "the same content");
                });
        assertThatThrownBy(() -> lib.with(v("1.0.0", "0.6")))
                .isInstanceOfSatisfying(FactorPackException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_DUPLICATE);
                    assertThat(e.getMessage()).contains("different content", "new version");
                });
        assertThat(lib.packs()).hasSize(1); // unchanged: immutable
    }

    @Test
    void everyLoadedVersionStaysAvailable_orderedBySemver() {
        FactorPack a = v("1.2.0", "0.5");
        FactorPack b = v("1.10.0", "0.4");
        FactorPack c = v("1.10.0-rc.1", "0.45");
        FactorLibrary lib = FactorLibrary.empty().with(a).with(b).with(c);
        assertThat(lib.versions("acme")).extracting(FactorPack::version)
                .containsExactly("1.2.0", "1.10.0-rc.1", "1.10.0");
        assertThat(lib.latest("acme")).contains(b);
        assertThat(lib.pack("acme", "1.2.0")).contains(a);
        assertThat(lib.factors()).hasSize(3);
        assertThat(FactorLibrary.of(c, b, a).packs()).isEqualTo(lib.packs());
    }

    @Test
    void loadsEveryJsonFileOfADirectory_inFileNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.json"), seal("bravo", "1.0.0"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.json"), seal("alpha", "2.0.0"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "not a pack", StandardCharsets.UTF_8);
        assertThat(FactorPackLoader.fromDirectory(dir)).extracting(FactorPack::packId).containsExactly("alpha", "bravo");
        assertThat(FactorLibrary.fromDirectory(dir).packs()).hasSize(2);

        Files.writeString(dir.resolve("c.json"), seal("charlie", "1.0.0").replace("\"0.5\"", "\"0.7\""));
        assertThatThrownBy(() -> FactorLibrary.fromDirectory(dir))
                .isInstanceOfSatisfying(FactorPackException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_DIGEST_MISMATCH);
                    assertThat(e.getMessage()).contains("c.json");
                });
    }

    @Test
    void findsPacksThroughTheClassPathIndex(@TempDir Path dir) throws Exception {
        Path res = dir.resolve("com/example/packs");
        Files.createDirectories(res);
        Files.writeString(res.resolve("own.json"), seal("own", "1.0.0"));
        Path index = dir.resolve(FactorPackLoader.INDEX_RESOURCE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "# our licensed factors\n\ncom/example/packs/own.json\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            FactorLibrary lib = FactorLibrary.fromClasspath(cl);
            assertThat(lib.packs()).extracting(p -> p.ref().idAtVersion()).containsExactly("own@1.0.0");
        }
        Files.writeString(index, "com/example/packs/missing.json\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> FactorPackLoader.fromClasspath(cl))
                    .isInstanceOfSatisfying(FactorPackException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
                        assertThat(e.getMessage()).contains("missing.json");
                    });
        }
    }

    private static String seal(String id, String version) {
        return FactorPacks.seal(Json.compact(TestPacks.with(TestPacks.skeleton(id, version),
                List.of(TestPacks.factor(id + ".de").value("0.5", "kg/kWh")))));
    }
}
