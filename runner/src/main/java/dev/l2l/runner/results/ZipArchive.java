package dev.l2l.runner.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Named byte entries in one zip file, written atomically (temporary file, then rename): an
 * {@code .npz} when the entries are {@code .npy} arrays, which {@code numpy.load} reads as is.
 */
public final class ZipArchive {

    private ZipArchive() {
    }

    /** Writes {@code entries}, in order, to {@code target}, replacing it only once complete. */
    public static void write(Path target, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(0); // reproducible bytes
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    /** Every entry of the zip file {@code file}; an unreadable or damaged file is an {@link IOException}. */
    public static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var iterator = zip.entries();
            while (iterator.hasMoreElements()) {
                ZipEntry entry = iterator.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    entries.put(entry.getName(), bytes.toByteArray());
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("damaged archive (" + e.getMessage() + ")", e);
        }
        return entries;
    }
}
