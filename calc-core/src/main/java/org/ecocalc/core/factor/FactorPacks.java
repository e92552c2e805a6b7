package org.ecocalc.core.factor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads, checks and seals factor packs. Every read checks, in order: well-formed JSON (duplicate
 * keys refused), the JSON Schema {@code factor-pack.v1.json}, the digest, then the rules the schema
 * cannot express (unique factor versions, dates, units, a GWP set on every co2e value, citation-only
 * packs without values). A refusal is a {@link FactorPackException} whose problems name each field
 * by JSON Pointer.
 */
public final class FactorPacks {
    private FactorPacks() {
    }

    /**
     * Reads a pack from JSON text.
     *
     * @param json the pack
     * @param name a name for messages (file or resource name)
     * @throws FactorPackException if the pack is refused
     */
    public static FactorPack parse(String json, String name) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(name, "name");
        return PackReader.read(json, name);
    }

    /**
     * Reads a pack from a UTF-8 stream (not closed).
     *
     * @throws FactorPackException ({@link ErrorCode#INPUT_UNREADABLE}) if the stream fails, or if the pack is refused
     */
    public static FactorPack read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new FactorPackException(ErrorCode.INPUT_UNREADABLE, name + ": cannot read: " + e.getMessage(),
                    List.of(), e);
        }
    }

    /**
     * Reads a pack from a file.
     *
     * @throws FactorPackException if the file cannot be read or the pack is refused
     */
    public static FactorPack read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new FactorPackException(ErrorCode.INPUT_UNREADABLE, file + ": cannot read: " + e.getMessage(),
                    List.of(), e);
        }
    }

    /**
     * The digest a pack must declare: {@code sha256:} of the RFC 8785 canonical JSON of the pack
     * without its {@code digest} member. Any {@code digest} present in {@code json} is ignored.
     *
     * @throws FactorPackException ({@link ErrorCode#MALFORMED_JSON}) if the text is not a JSON object
     */
    public static String digestOf(String json) {
        return PackReader.digestOf(PackReader.tree(json, "pack"));
    }

    /**
     * Seals a pack for publication: sets its {@code digest} member to {@link #digestOf(String)} and
     * returns the pack as pretty JSON (LF line ends), then checks that it loads. This is how a pack
     * author produces a pack; a loaded pack is never re-sealed.
     *
     * @throws FactorPackException if the sealed pack is refused (for example by the schema)
     */
    public static String seal(String json) {
        ObjectNode root = PackReader.tree(json, "pack");
        root.put("digest", PackReader.digestOf(root));
        String sealed = Json.pretty(root);
        parse(sealed, root.has("pack_id") ? String.valueOf(root.get("pack_id").asString()) : "pack");
        return sealed;
    }
}
