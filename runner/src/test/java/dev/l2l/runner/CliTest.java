package dev.l2l.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input exits with status 2 and one line on standard error, without a stack trace. */
class CliTest {

    @TempDir
    Path directory;

    private String err;

    @Test
    void badConfigIsOneLineAndExitTwo() throws IOException {
        Path config = directory.resolve("bad.yaml");
        Files.writeString(config, "task:\n  type: quadratic\noptimizer:\n  type: lstm\ntraining:\n  unroll: -1\n");
        Path out = directory.resolve("out");
        assertEquals(2, run("run", config.toString(), "--out", out.toString()));
        assertOneLine();
        assertTrue(err.contains("bad.yaml:6: training.unroll: must be positive, got -1"), err);
        assertFalse(Files.exists(out), "nothing is written for a config that does not load");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Path config = directory.resolve("bad.yaml");
        Files.writeString(config, "task: [\n");
        assertEquals(2, run("run", config.toString(), "--debug"));
        assertTrue(err.contains("\tat "), err);
    }

    @Test
    void missingFileUnknownOptionAndMissingArgument() {
        assertEquals(2, run("run", directory.resolve("none.yaml").toString()));
        assertOneLine();
        assertTrue(err.contains("none.yaml: no such file"), err);
        assertEquals(2, run("run", "x.yaml", "--outt", "d"));
        assertOneLine();
        assertTrue(err.contains("--outt"), err);
        assertEquals(2, run("run"));
        assertOneLine();
        assertEquals(2, run("fly"));
        assertOneLine();
        assertEquals(2, run("bench", "--mnist-meta-batches", "0"));
        assertOneLine();
        assertTrue(err.contains("--mnist-meta-batches: must be at least 1, got 0"), err);
        assertEquals(2, run("bench", "--quadratic-warmup", "0"));
        assertOneLine();
        assertTrue(err.contains("--quadratic-warmup: must be at least 1, got 0"), err);
        assertEquals(2, run("bench", "--quadratic", directory.resolve("none.yaml").toString()));
        assertOneLine();
        assertTrue(err.contains("none.yaml: no such file"), err);
    }

    private int run(String... args) {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        err = errBytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void assertOneLine() {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
    }
}
