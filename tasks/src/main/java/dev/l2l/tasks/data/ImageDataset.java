package dev.l2l.tasks.data;

import dev.l2l.core.DataException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.EnumMap;
import java.util.Map;

/**
 * Labelled greyscale images (MNIST format): {@code count} images of {@code height × width} pixels
 * scaled to [0, 1], each with a class label in 0 … {@code classes − 1}. The ND4J copies used by the
 * optimizees (images flattened to rows, labels one-hot) are made once per data type and shared;
 * they are safe to read from several threads.
 */
public final class ImageDataset {

    private final String name;
    private final int count;
    private final int height;
    private final int width;
    private final int classes;
    private final byte[] pixels;
    private final byte[] labels;
    private final Map<DataType, INDArray> images = new EnumMap<>(DataType.class);
    private final Map<DataType, INDArray> oneHot = new EnumMap<>(DataType.class);

    /**
     * Pairs an IDX image file [n × height × width] with an IDX label file [n].
     *
     * @param name how to name the data set in messages
     * @param imageFile where the images came from (for messages)
     * @param labelFile where the labels came from (for messages)
     */
    public static ImageDataset of(String name, IdxFile images, String imageFile, IdxFile labels, String labelFile,
                                  int classes) {
        if (images.dimensions().length != 3) {
            throw new DataException(imageFile + ": expected images of 3 dimensions (count×height×width), got "
                    + images.shape());
        }
        if (labels.dimensions().length != 1) {
            throw new DataException(labelFile + ": expected labels of 1 dimension (count), got " + labels.shape());
        }
        int count = images.dimensions()[0];
        if (labels.dimensions()[0] != count) {
            throw new DataException(labelFile + ": " + labels.dimensions()[0] + " labels for the " + count
                    + " images of " + imageFile);
        }
        if (count == 0) {
            throw new DataException(imageFile + ": holds no images");
        }
        byte[] values = labels.values();
        for (int i = 0; i < values.length; i++) {
            int label = Byte.toUnsignedInt(values[i]);
            if (label >= classes) {
                throw new DataException(labelFile + ": label " + label + " of image " + i + " is not a class 0 … "
                        + (classes - 1));
            }
        }
        return new ImageDataset(name, count, images.dimensions()[1], images.dimensions()[2], classes,
                images.values(), values);
    }

    private ImageDataset(String name, int count, int height, int width, int classes, byte[] pixels, byte[] labels) {
        this.name = name;
        this.count = count;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Where the data came from. */
    public String name() {
        return name;
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Pixels per image. */
    public int pixelsPerImage() {
        return height * width;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Throws a {@link DataException} unless {@code other} has images of this size and as many classes. */
    public void requireSameFormat(ImageDataset other) {
        if (other.height != height || other.width != width || other.classes != classes) {
            throw new DataException(other.name + ": images of " + other.height + "×" + other.width + " pixels in "
                    + other.classes + " classes do not match the " + height + "×" + width + " in " + classes
                    + " classes of " + name);
        }
    }

    /** Label of image {@code i}. */
    public int label(int i) {
        return Byte.toUnsignedInt(labels[i]);
    }

    /** The images as rows [count × height·width] of values in [0, 1]; shared, read only. */
    public synchronized INDArray images(DataType type) {
        return images.computeIfAbsent(type, t -> {
            float[] values = new float[pixels.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Byte.toUnsignedInt(pixels[i]) / 255f;
            }
            return Nd4j.createFromArray(values).reshape(count, (long) height * width).castTo(t);
        });
    }

    /** The labels one-hot [count × classes]; shared, read only. */
    public synchronized INDArray oneHotLabels(DataType type) {
        return oneHot.computeIfAbsent(type, t -> {
            float[] values = new float[count * classes];
            for (int i = 0; i < count; i++) {
                values[i * classes + label(i)] = 1f;
            }
            return Nd4j.createFromArray(values).reshape(count, classes).castTo(t);
        });
    }
}
