package org.ecocalc.core.factor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;

/**
 * Finds factor packs on the class path and in directories.
 *
 * <p><b>Class path.</b> A jar that ships packs (such as {@code org.ecocalc:factor-packs}) holds an
 * index resource {@value #INDEX_RESOURCE}: UTF-8 text, one class-path resource name per line
 * (for example {@code org/ecocalc/factorpacks/egrid2023-1.0.0.json}); blank lines and lines
 * starting with {@code #} are ignored. Every index on the class path is read, so several jars can
 * ship packs. This is data only: a pack jar contains no code, and calc-core does not depend on it.
 *
 * <p><b>Directory.</b> Every regular file ending in {@code .json} directly in the directory is a
 * pack, read in file-name order.
 */
public final class FactorPackLoader {
    /** The class-path index of packs: {@value}. */
    public static final String INDEX_RESOURCE = "META-INF/ecocalc/factor-packs.index";

    private FactorPackLoader() {
    }

    /**
     * Every pack named by every index on {@code loader}'s class path.
     *
     * @throws FactorPackException ({@link ErrorCode#INPUT_UNREADABLE}) if an index names a missing
     *                             resource or cannot be read; or if a pack is refused
     */
    public static List<FactorPack> fromClasspath(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<FactorPack> out = new ArrayList<>();
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(INDEX_RESOURCE);
        } catch (IOException e) {
            throw unreadable(INDEX_RESOURCE, e);
        }
        for (URL index : Collections.list(indexes)) {
            for (String resource : readIndex(index)) {
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new FactorPackException(ErrorCode.INPUT_UNREADABLE, index + " names " + resource
                                + ", which is not on the class path");
                    }
                    out.add(FactorPacks.read(in, resource));
                } catch (IOException e) {
                    throw unreadable(resource, e);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every {@code *.json} file directly in {@code directory}, in file-name order.
     *
     * @throws FactorPackException ({@link ErrorCode#INPUT_UNREADABLE}) if the directory or a file
     *                             cannot be read; or if a pack is refused
     */
    public static List<FactorPack> fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.json")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw unreadable(directory.toString(), e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<FactorPack> out = new ArrayList<>();
        for (Path p : files) {
            out.add(FactorPacks.read(p));
        }
        return List.copyOf(out);
    }

    private static List<String> readIndex(URL index) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw unreadable(index.toString(), e);
        }
        return out;
    }

    private static FactorPackException unreadable(String what, IOException e) {
        return new FactorPackException(ErrorCode.INPUT_UNREADABLE, what + ": cannot read: " + e.getMessage(),
                List.of(), e);
    }
}
