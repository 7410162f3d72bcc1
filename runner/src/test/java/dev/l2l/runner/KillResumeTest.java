package dev.l2l.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * kills (3 by default, for CI). Each kill waits for the run to checkpoint a random number of
 * meta-batches beyond where it started, then a random few milliseconds more, so the kills land at
 * random points of the work however fast this machine is (a kill on a timer alone missed once the
 * run got faster than the timer).
 */
class KillResumeTest {

    private static final String CONFIG = """
            name: killed
            seed: 9
            task: {type: quadratic, dimension: 5}
            optimizer: {type: lstm, units: 8}
            training: {metaBatches: 100, metaBatchSize: 8, horizon: 20, unroll: 5, checkpointEvery: 1, logEvery: 0}
            """;

    @TempDir
    Path directory;

    @Test
    void killedRunsResumeToTheUninterruptedResult() throws Exception {
        Path config = Files.writeString(directory.resolve("killed.yaml"), CONFIG);
        Path whole = directory.resolve("whole");
        assertEquals(0, train(List.of("train", config.toString(), "--out", whole.toString()), whole, -1, 0));

        int kills = Integer.getInteger("l2l.kills", 3);
        Random random = new Random(kills);
        Path interrupted = directory.resolve("interrupted");
        CheckpointStore checkpoints = new CheckpointStore(new ObjectMapper());
        int killed = 0;
        int attempts = 0;
        while (true) {
            boolean resume = CheckpointStore.exists(interrupted);
            List<String> args = resume ? List.of("train", "--resume", interrupted.toString())
                    : List.of("train", config.toString(), "--out", interrupted.toString());
            int startBatches = resume ? checkpoints.load(interrupted).completedBatches() : 0;
            int killAtBatches = killed < kills ? startBatches + 5 + random.nextInt(10) : -1;
            int status = train(args, interrupted, killAtBatches, random.nextInt(30));
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

    /**
     * Runs the CLI in a new JVM. If {@code killAtBatches} is not negative, kills it with SIGKILL
     * {@code extraMillis} after its checkpoint in {@code run} first shows that many completed
     * meta-batches; returns -9 then.
     */
    private int train(List<String> args, Path run, int killAtBatches, int extraMillis)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("log-" + System.nanoTime() + ".txt").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (killAtBatches >= 0) {
            CheckpointStore checkpoints = new CheckpointStore(new ObjectMapper());
            while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
                if (CheckpointStore.exists(run) && checkpoints.load(run).completedBatches() >= killAtBatches) {
                    Thread.sleep(extraMillis);
                    process.destroyForcibly();
                    process.waitFor();
                    return -9;
                }
            }
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
