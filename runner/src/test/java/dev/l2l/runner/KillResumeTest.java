package dev.l2l.runner;

import dev.l2l.runner.results.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meta-training killed with SIGKILL at random moments and resumed from its last checkpoint ends
 * with exactly the φ of a run that was never interrupted. {@code -Dl2l.kills=N} sets the number of
 * kills (3 by default, for CI).
 */
class KillResumeTest {

    private static final String CONFIG = """
            name: killed
            seed: 9
            task: {type: quadratic, dimension: 5}
            optimizer: {type: lstm, units: 8}
            training: {metaBatches: 60, metaBatchSize: 8, horizon: 20, unroll: 5, checkpointEvery: 1, logEvery: 0}
            """;

    @TempDir
    Path directory;

    @Test
    void killedRunsResumeToTheUninterruptedResult() throws Exception {
        Path config = Files.writeString(directory.resolve("killed.yaml"), CONFIG);
        Path whole = directory.resolve("whole");
        assertEquals(0, train(List.of("train", config.toString(), "--out", whole.toString()), -1));

        int kills = Integer.getInteger("l2l.kills", 3);
        Random random = new Random(kills);
        Path interrupted = directory.resolve("interrupted");
        int killed = 0;
        int attempts = 0;
        while (true) {
            boolean resume = CheckpointStore.exists(interrupted);
            List<String> args = resume ? List.of("train", "--resume", interrupted.toString())
                    : List.of("train", config.toString(), "--out", interrupted.toString());
            long killAfter = killed < kills ? 1500 + random.nextInt(2500) : -1;
            int status = train(args, killAfter);
            attempts++;
            if (status == 0) {
                break;
            }
            killed++;
            assertTrue(attempts < 4 * kills + 10, "too many attempts");
        }
        assertEquals(kills, killed, "every planned kill happened before the run finished");
        System.out.printf("killed %d times in %d attempts; resumed to the uninterrupted φ%n", killed, attempts);
        assertArrayEquals(phi(whole), phi(interrupted), "φ after " + killed + " kills equals the uninterrupted φ");
    }

    /** Runs the CLI in a new JVM; kills it with SIGKILL after {@code killAfterMillis} if that is not negative. */
    private int train(List<String> args, long killAfterMillis) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("log-" + System.nanoTime() + ".txt").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (killAfterMillis >= 0 && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return -9;
        }
        process.waitFor();
        return process.exitValue();
    }

    private static byte[] phi(Path run) throws IOException {
        try (ZipFile npz = new ZipFile(run.resolve(ExperimentRunner.OPTIMIZER_FILE).toFile())) {
            return npz.getInputStream(npz.getEntry("phi.npy")).readAllBytes();
        }
    }
}
