package dev.l2l.tasks.data;

import dev.l2l.core.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFileTest {

    @TempDir
    Path temp;

    static Path fixture() {
        try {
            return Path.of(IdxFileTest.class.getResource("/idx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheRawAndTheGzippedFixture() {
        IdxFile raw = IdxFile.read(fixture().resolve("train-images-idx3-ubyte"));
        IdxFile gzipped = IdxFile.read(fixture().resolve("t10k-images-idx3-ubyte.gz"));
        assertArrayEquals(new int[] {64, 28, 28}, raw.dimensions());
        assertEquals("64×28×28", raw.shape());
        assertArrayEquals(raw.values(), gzipped.values());
        IdxFile labels = IdxFile.read(fixture().resolve("train-labels-idx1-ubyte"));
        assertArrayEquals(new byte[] {0, 1, 4, 9, 7, 7, 8, 8, 7, 3, 1, 6, 6, 8, 2, 2}, Arrays.copyOf(labels.values(), 16));
    }

    @Test
    void loadsADirectoryInTheStandardLayout() {
        assertNull(MnistFiles.missing(fixture()));
        ImageDataset train = MnistFiles.load(fixture(), MnistFiles.Split.TRAIN);
        ImageDataset test = MnistFiles.load(fixture(), MnistFiles.Split.TEST);
        assertEquals(64, train.count());
        assertEquals(784, train.pixelsPerImage());
        assertEquals(9, train.label(3));
        assertEquals(train.images(DataType.FLOAT), test.images(DataType.FLOAT));
        float max = train.images(DataType.FLOAT).maxNumber().floatValue();
        assertEquals(1f, max, 1e-6f);
        assertEquals(1.0, train.oneHotLabels(DataType.DOUBLE).getDouble(3, 9));
        assertEquals(64.0, train.oneHotLabels(DataType.DOUBLE).sumNumber().doubleValue());
    }

    @Test
    void theShippedSubsetHoldsTenThousandRealDigits() {
        ImageDataset train = MnistFiles.load(null, MnistFiles.Split.TRAIN);
        ImageDataset test = MnistFiles.load(null, MnistFiles.Split.TEST);
        assertEquals(8000, train.count());
        assertEquals(2000, test.count());
        int[] perClass = new int[10];
        for (int i = 0; i < test.count(); i++) {
            perClass[test.label(i)]++;
        }
        for (int count : perClass) {
            assertTrue(count > 150, "every class is in the held-out split: " + Arrays.toString(perClass));
        }
    }

    @Test
    void aMissingFileOrDirectoryIsNamed() {
        assertTrue(MnistFiles.missing(temp.resolve("nowhere")).startsWith("no such directory"));
        String missing = MnistFiles.missing(temp);
        assertTrue(missing.contains("train-images-idx3-ubyte[.gz]") && missing.contains("t10k-labels-idx1-ubyte[.gz]"),
                missing);
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(temp.resolve("absent")));
        assertEquals(temp.resolve("absent") + ": no such file", e.getMessage());
    }

    @Test
    void truncatedFilesAreRejectedWithWhatIsMissing() throws IOException {
        byte[] images = Files.readAllBytes(fixture().resolve("train-images-idx3-ubyte"));
        assertMessage(write("short", Arrays.copyOf(images, 1000)),
                ": truncated: 50176 values declared (64×28×28), only 984 present");
        assertMessage(write("header", Arrays.copyOf(images, 10)), ": truncated: the file ends before");
        byte[] gzipped = gzip(images);
        assertMessage(write("short.gz", Arrays.copyOf(gzipped, gzipped.length / 2)), ": truncated");
    }

    @Test
    void corruptFilesAreRejectedWithWhatIsWrong() throws IOException {
        byte[] images = Files.readAllBytes(fixture().resolve("train-images-idx3-ubyte"));
        byte[] badMagic = images.clone();
        badMagic[0] = 0x50;
        assertMessage(write("magic", badMagic), ": not an IDX file (magic number 0x50000803");
        byte[] floats = images.clone();
        floats[2] = 0x0d;
        assertMessage(write("floats", floats), ": IDX value type 0x0d is not supported");
        byte[] longer = Arrays.copyOf(images, images.length + 3);
        assertMessage(write("long", longer), ": has data after the 50176 values");
        byte[] gzipped = gzip(images);
        gzipped[gzipped.length / 2] ^= 0x5a;
        gzipped[gzipped.length / 2 + 1] ^= 0x33;
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(write("damaged.gz", gzipped)));
        assertTrue(e.getMessage().startsWith(temp.resolve("damaged.gz") + ": "), e.getMessage());
    }

    @Test
    void labelsMustMatchTheImages() throws IOException {
        IdxFile images = IdxFile.read(fixture().resolve("train-images-idx3-ubyte"));
        IdxFile tooFew = new IdxFile(new int[] {63}, new byte[63]);
        DataException count = assertThrows(DataException.class,
                () -> ImageDataset.of("x", images, "images", tooFew, "labels", 10));
        assertEquals("labels: 63 labels for the 64 images of images", count.getMessage());
        byte[] values = new byte[64];
        values[5] = 12;
        DataException label = assertThrows(DataException.class,
                () -> ImageDataset.of("x", images, "images", new IdxFile(new int[] {64}, values), "labels", 10));
        assertEquals("labels: label 12 of image 5 is not a class 0 … 9", label.getMessage());
        DataException shape = assertThrows(DataException.class,
                () -> ImageDataset.of("x", tooFew, "labels", tooFew, "labels", 10));
        assertTrue(shape.getMessage().startsWith("labels: expected images of 3 dimensions"), shape.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static void assertMessage(Path file, String expected) {
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
    }
}
