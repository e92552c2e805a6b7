package org.ecocalc.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip whose bytes depend only on its entries: entries in the given order, stored (not
 * compressed, so no deflate implementation can change a byte), every time stamp
 * {@link #TIME} (local DOS time, no extended time fields), no comment, no extra fields.
 * Package-private.
 */
final class ZipBytes {
    /** The time stamp of every entry: 1980-02-01T00:00 (the DOS epoch plus one month, as reproducible builds use). */
    static final LocalDateTime TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private ZipBytes() {
    }

    static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getValue();
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setTimeLocal(TIME);
                z.setSize(data.length);
                z.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                z.setCrc(crc.getValue());
                zip.putNextEntry(z);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
