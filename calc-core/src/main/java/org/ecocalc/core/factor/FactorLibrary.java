package org.ecocalc.core.factor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecocalc.core.ErrorCode;

/**
 * An immutable set of loaded factor pack versions, like {@code java.time}'s zone rules providers:
 * every version loaded stays available, loading the same pack id and version twice is an error,
 * and a calculation names the versions it used ({@link PackRef}). {@link #with(FactorPack)}
 * returns a new library.
 *
 * <p>Packs are kept in a fixed order (pack id, then semantic version), so nothing that iterates a
 * library depends on the order packs were added.
 */
public final class FactorLibrary {
    /** The order of packs in a library: pack id, then semantic-version precedence. */
    public static final Comparator<FactorPack> PACK_ORDER = Comparator.comparing(FactorPack::packId)
            .thenComparing(FactorPack::version, SemVer.PRECEDENCE);

    private static final FactorLibrary EMPTY = new FactorLibrary(List.of());

    private final List<FactorPack> packs;

    private FactorLibrary(List<FactorPack> sorted) {
        this.packs = List.copyOf(sorted);
    }

    /** A library without packs. */
    public static FactorLibrary empty() {
        return EMPTY;
    }

    /**
     * A library of the given packs.
     *
     * @throws FactorPackException ({@link ErrorCode#FACTOR_PACK_DUPLICATE}) if a pack id and version appears twice
     */
    public static FactorLibrary of(Collection<FactorPack> packs) {
        FactorLibrary lib = EMPTY;
        for (FactorPack p : packs) {
            lib = lib.with(p);
        }
        return lib;
    }

    /** A library of the given packs (see {@link #of(Collection)}). */
    public static FactorLibrary of(FactorPack... packs) {
        return of(List.of(packs));
    }

    /**
     * The packs listed by every {@value FactorPackLoader#INDEX_RESOURCE} on the class path of
     * {@code loader} (for example the {@code org.ecocalc:factor-packs} jar).
     *
     * @throws FactorPackException if an index names a missing pack, a pack is refused or duplicated
     */
    public static FactorLibrary fromClasspath(ClassLoader loader) {
        return of(FactorPackLoader.fromClasspath(loader));
    }

    /**
     * The packs in a directory: every {@code *.json} file directly in it (an organisation's own
     * licensed factors, for example).
     *
     * @throws FactorPackException if a file cannot be read, a pack is refused or duplicated
     */
    public static FactorLibrary fromDirectory(Path directory) {
        return of(FactorPackLoader.fromDirectory(directory));
    }

    /**
     * This library with one more pack version.
     *
     * @throws FactorPackException ({@link ErrorCode#FACTOR_PACK_DUPLICATE}) if that id and version is already loaded
     */
    public FactorLibrary with(FactorPack pack) {
        Objects.requireNonNull(pack, "pack");
        for (FactorPack p : packs) {
            if (p.packId().equals(pack.packId()) && p.version().equals(pack.version())) {
                String same = p.digest().equals(pack.digest()) ? "the same content" : "different content ("
                        + p.digest() + " loaded, " + pack.digest() + " offered)";
                throw new FactorPackException(ErrorCode.FACTOR_PACK_DUPLICATE, "factor pack "
                        + pack.ref().idAtVersion() + " is already loaded, with " + same
                        + "; versions are immutable, so a changed pack needs a new version");
            }
        }
        List<FactorPack> next = new ArrayList<>(packs);
        next.add(pack);
        next.sort(PACK_ORDER);
        return new FactorLibrary(next);
    }

    /** This library with more packs (see {@link #with(FactorPack)}). */
    public FactorLibrary withAll(Collection<FactorPack> more) {
        FactorLibrary lib = this;
        for (FactorPack p : more) {
            lib = lib.with(p);
        }
        return lib;
    }

    /** Every loaded pack version, ordered by {@link #PACK_ORDER}. */
    public List<FactorPack> packs() {
        return packs;
    }

    /** The pack with this id and version. */
    public Optional<FactorPack> pack(String packId, String version) {
        for (FactorPack p : packs) {
            if (p.packId().equals(packId) && p.version().equals(version)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The loaded versions of a pack, oldest first. */
    public List<FactorPack> versions(String packId) {
        List<FactorPack> out = new ArrayList<>();
        for (FactorPack p : packs) {
            if (p.packId().equals(packId)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The newest loaded version of a pack (semantic-version precedence). */
    public Optional<FactorPack> latest(String packId) {
        List<FactorPack> v = versions(packId);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** The citation-only packs (reported, never used for a number). */
    public List<FactorPack> citationOnlyPacks() {
        List<FactorPack> out = new ArrayList<>();
        for (FactorPack p : packs) {
            if (p.isCitationOnly()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Every factor of every pack, packs in {@link #PACK_ORDER}, factors in pack order. */
    public List<Factor> factors() {
        List<Factor> out = new ArrayList<>();
        for (FactorPack p : packs) {
            out.addAll(p.factors());
        }
        return List.copyOf(out);
    }

    /** Whether no pack is loaded. */
    public boolean isEmpty() {
        return packs.isEmpty();
    }

    @Override
    public String toString() {
        List<String> refs = new ArrayList<>();
        for (FactorPack p : packs) {
            refs.add(p.ref().idAtVersion());
        }
        return "FactorLibrary" + refs;
    }
}
