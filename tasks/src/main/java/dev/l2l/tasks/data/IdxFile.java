package dev.l2l.tasks.data;

import dev.l2l.core.DataException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An array of unsigned bytes in the IDX format of MNIST (LeCun et al.): a 4-byte magic number
 * {@code 0x00 0x00 0x08 d} (type 0x08 = unsigned byte, d dimensions), d big-endian 32-bit sizes,
 * then the values in row-major order. Files may be gzip-compressed (recognised by their first two
 * bytes, whatever their name).
 *
 * @param dimensions the size of each dimension, outermost first
 * @param values the values, row-major, each in 0 … 255 as an unsigned byte
 */
public record IdxFile(int[] dimensions, byte[] values) {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMENSIONS = 4;

    /** Reads {@code file}; any problem becomes a {@link DataException} naming the file. */
    public static IdxFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX stream.
     *
     * @param name how to name the stream in error messages
     */
    public static IdxFile read(InputStream raw, String name) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            InputStream in = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return parse(new DataInputStream(in), name);
        } catch (EOFException e) {
            throw new DataException(name + ": truncated: the file ends before the header and values it declares");
        } catch (ZipException e) {
            throw new DataException(name + ": damaged gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static IdxFile parse(DataInputStream in, String name) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || rank < 1 || rank > MAX_DIMENSIONS) {
            throw new DataException(String.format("%s: not an IDX file (magic number 0x%08x; expected 0x000008 "
                    + "followed by the number of dimensions, 01 to %02x)", name, magic, MAX_DIMENSIONS));
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataException(String.format("%s: IDX value type 0x%02x is not supported (expected 0x08, "
                    + "unsigned bytes)", name, type));
        }
        int[] dimensions = new int[rank];
        long count = 1;
        for (int k = 0; k < rank; k++) {
            dimensions[k] = in.readInt();
            if (dimensions[k] < 0) {
                throw new DataException(name + ": dimension " + k + " has negative size " + dimensions[k]);
            }
            count *= dimensions[k];
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataException(name + ": declares more than 2^31 values");
            }
        }
        byte[] values = new byte[(int) count];
        int read = in.readNBytes(values, 0, values.length);
        if (read < values.length) {
            throw new DataException(String.format("%s: truncated: %d values declared (%s), only %d present",
                    name, count, shape(dimensions), read));
        }
        if (in.read() != -1) {
            throw new DataException(String.format("%s: has data after the %d values its header declares (%s)",
                    name, count, shape(dimensions)));
        }
        return new IdxFile(dimensions, values);
    }

    /** The dimensions written as {@code 60000×28×28}. */
    public String shape() {
        return shape(dimensions);
    }

    private static String shape(int[] dimensions) {
        StringBuilder s = new StringBuilder();
        for (int d : dimensions) {
            s.append(s.length() == 0 ? "" : "×").append(d);
        }
        return s.toString();
    }
}
