package dev.l2l.runner;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input gets one line on standard error that names the file (and the field or line),
 * exit status 2, no stack trace, and leaves the files of earlier runs as they were. The experiment
 * files are in {@code src/test/resources/bad-inputs}, each with its expected message in a
 * {@code # expect:} first line.
 */
class BadInputCorpusTest {

    @TempDir
    Path directory;

    private String err;

    @TestFactory
    Stream<DynamicTest> everyBadExperimentFileIsRefused() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/bad-inputs").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "the corpus has " + files.size() + " files");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");
            Path out = directory.resolve("out-" + file.getFileName());
            assertBadInput(expected, "run", file.toString(), "--out", out.toString());
            assertTrue(err.startsWith("l2l: " + file), err);
            assertFalse(Files.exists(out), "nothing is written");
        }));
    }

    @Test
    void badArgumentsFilesAndOverrides() throws IOException {
        Path good = Files.writeString(directory.resolve("good.yaml"), "task: {type: quadratic}\noptimizer: {type: lstm}\n");
        assertBadInput("none.yaml: no such file", "run", directory.resolve("none.yaml").toString());
        assertBadInput("Unknown options: '--outt'", "run", good.toString(), "--outt", "x");
        assertBadInput("Unmatched argument", "fly");
        assertBadInput("--set novalue: expected KEY=VALUE", "run", good.toString(), "--set", "novalue");
        assertBadInput("--set training.unrol=3: unknown key 'unrol' in training", "run", good.toString(),
                "--set", "training.unrol=3");
        assertBadInput("--set training.unroll=0: training.unroll: must be positive, got 0", "run", good.toString(),
                "--set", "training.unroll=0");
        assertBadInput("no such plugin folder", "run", good.toString(), "--plugins", directory.resolve("none").toString());
        assertBadInput("missing CONFIG", "run");
    }

    @Test
    void damagedCheckpointsAndOptimizerFilesChangeNothing() throws IOException {
        Path run = Files.createDirectories(directory.resolve("run"));
        Files.writeString(run.resolve("config.yaml"), "task: {type: quadratic}\noptimizer: {type: lstm}\n");
        assertBadInput("checkpoint.zip: no checkpoint to resume from", "run", "--resume", run.toString());
        Files.write(run.resolve("checkpoint.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> before = snapshot(run);
        assertBadInput("checkpoint.zip: damaged checkpoint", "train", "--resume", run.toString());
        Map<String, byte[]> after = snapshot(run);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name));

        Path garbage = Files.write(directory.resolve("garbage.npz"), new byte[] {1, 2, 3});
        assertBadInput("garbage.npz: not a readable optimizer file", "inspect", garbage.toString());
        Path future = directory.resolve("future.npz");
        dev.l2l.runner.results.ZipArchive.write(future, Map.of("optimizer.json",
                "{\"format\": \"l2l-optimizer\", \"version\": 99}".getBytes(StandardCharsets.UTF_8)));
        assertBadInput("future.npz: format version 99 is not supported", "inspect", future.toString());
        assertBadInput("future.npz: format version 99 is not supported", "eval", future.toString(),
                run.resolve("config.yaml").toString());
    }

    private void assertBadInput(String expected, String... args) {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        err = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, String.join(" ", args) + " -> " + err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }

    private static Map<String, byte[]> snapshot(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : new ArrayList<>(list.toList())) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
