package dev.l2l.runner.results;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0), for 1-d float32 and float64 arrays: what
 * {@code numpy.load} reads. https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr':\\s*'([<>|]?[fi]\\d)',\\s*'fortran_order':\\s*(True|False),\\s*'shape':\\s*\\((\\d+),?\\),?\\s*}\\s*");

    private Npy() {
    }

    /** The bytes of a .npy file holding {@code array} flattened in c-order. */
    public static byte[] write(INDArray array) {
        boolean isDouble = array.dataType() == DataType.DOUBLE;
        long n = array.length();
        String header = "{'descr': '" + (isDouble ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': (" + n + ",), }";
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        header = header + " ".repeat(padding) + "\n";
        int width = isDouble ? 8 : 4;
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + Math.toIntExact(n * width))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII));
        INDArray flat = array.reshape(n);
        if (isDouble) {
            for (double v : flat.toDoubleVector()) {
                buffer.putDouble(v);
            }
        } else {
            for (float v : flat.toFloatVector()) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }

    /** Reads a 1-d little-endian float32 or float64 .npy; {@code name} is used in error messages. */
    public static INDArray read(byte[] bytes, String name) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buffer.remaining() == 0 || buffer.get() != b) {
                throw new IOException(name + ": not a .npy array (bad magic)");
            }
        }
        if (buffer.remaining() < 4) {
            throw new IOException(name + ": truncated .npy header");
        }
        int major = buffer.get();
        buffer.get();
        if (major != 1) {
            throw new IOException(name + ": .npy format version " + major + " is not supported (expected 1)");
        }
        int headerLength = Short.toUnsignedInt(buffer.getShort());
        if (buffer.remaining() < headerLength) {
            throw new IOException(name + ": truncated .npy header");
        }
        byte[] headerBytes = new byte[headerLength];
        buffer.get(headerBytes);
        Matcher m = HEADER.matcher(new String(headerBytes, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new IOException(name + ": unsupported .npy header (expected a 1-d float32 or float64 array)");
        }
        String descr = m.group(1);
        boolean isDouble = descr.endsWith("f8");
        if (!(descr.equals("<f8") || descr.equals("<f4")) || m.group(2).equals("True")) {
            throw new IOException(name + ": unsupported dtype " + descr + " (expected <f4 or <f8)");
        }
        int n = Integer.parseInt(m.group(3));
        int width = isDouble ? 8 : 4;
        if (buffer.remaining() != (long) n * width) {
            throw new IOException(name + ": expected " + n + " values (" + (long) n * width + " bytes), found "
                    + buffer.remaining() + " bytes");
        }
        if (isDouble) {
            double[] values = new double[n];
            buffer.asDoubleBuffer().get(values);
            return Nd4j.create(values, new long[] {n}, DataType.DOUBLE);
        }
        float[] values = new float[n];
        buffer.asFloatBuffer().get(values);
        return Nd4j.create(values, new long[] {n}, DataType.FLOAT);
    }
}
