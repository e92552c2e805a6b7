package org.ecocalc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/** Reading and writing files with errors the user can act on (no stack traces). */
final class Files2 {
    private Files2() {
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file: " + p);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
