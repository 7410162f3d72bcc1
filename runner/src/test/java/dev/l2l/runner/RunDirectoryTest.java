package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resume, the optimizer file, eval and inspect, charts and report: the run directory as a user sees it. */
class RunDirectoryTest {

    private static final String CONFIG = """
            name: small
            seed: 5
            task: {type: quadratic, dimension: 3}
            optimizer: {type: lstm, units: 4}
            training: {metaBatches: 4, metaBatchSize: 4, horizon: 6, unroll: 3, checkpointEvery: 1, logEvery: 1}
            evaluation: {instances: 4, tuningInstances: 2, learningRates: [0.01, 0.1]}
            baselines: [{type: sgd}, {type: adam}]
            """;

    @TempDir
    Path directory;

    private String out;
    private String err;

    @Test
    void anInterruptedRunResumesToTheSameNumbers() throws IOException {
        assertResumesToTheSameNumbers("training.selectEvery=0");
    }

    @Test
    void anInterruptedRunWithPhiSelectionResumesToTheSameSelection() throws IOException {
        assertResumesToTheSameNumbers("training.selectEvery=1");
        assertTrue(out.contains("selected φ: after meta-batch "), out);
        JsonNode timing = new ObjectMapper().readTree(directory.resolve("interrupted").resolve("timing.json").toFile());
        int selected = timing.get("selectedAfterMetaBatch").asInt();
        assertTrue(selected >= 1 && selected <= 4, "selected after " + selected);
        assertTrue(timing.get("validationSeconds").asDouble() > 0);
    }

    @Test
    void anInterruptedRunWithPhiAveragingResumesToTheSameNumbers() throws IOException {
        // the average φ̄ must travel in the checkpoint: a resume without it is refused
        assertResumesToTheSameNumbers("training.averageDecay=0.5");
    }

    /** A run of CONFIG with {@code setting}, and the same stopped after 2 of 4 meta-batches and resumed, agree. */
    private void assertResumesToTheSameNumbers(String setting) throws IOException {
        Path config = Files.writeString(directory.resolve("small.yaml"), CONFIG);
        Path whole = directory.resolve("whole");
        Path interrupted = directory.resolve("interrupted");
        assertEquals(0, cli("run", config.toString(), "--out", whole.toString(), "--set", setting));
        // stop after two of the four meta-batches: the checkpoint then says 2 done
        assertEquals(0, cli("train", config.toString(), "--out", interrupted.toString(), "--set", setting,
                "--set", "training.metaBatches=2"));
        Path resolved = interrupted.resolve("config.yaml");
        Files.writeString(resolved, Files.readString(resolved).replace("metaBatches: 2", "metaBatches: 4"));
        assertEquals(0, cli("run", "--resume", interrupted.toString()));
        assertTrue(out.contains("resuming at meta-batch 3"), out);
        assertEquals(Files.readString(whole.resolve("results.json")), Files.readString(interrupted.resolve("results.json")));
    }

    @Test
    void theOptimizerFileIsAnNpzThatInspectAndEvalRead() throws IOException {
        Path config = Files.writeString(directory.resolve("small.yaml"), CONFIG);
        Path run = directory.resolve("run");
        assertEquals(0, cli("train", config.toString(), "--out", run.toString()));
        try (ZipFile npz = new ZipFile(run.resolve("optimizer.npz").toFile())) {
            byte[] phi = npz.getInputStream(npz.getEntry("phi.npy")).readAllBytes();
            assertEquals((byte) 0x93, phi[0]);
            assertEquals("NUMPY", new String(phi, 1, 5, StandardCharsets.US_ASCII));
            JsonNode metadata = new ObjectMapper().readTree(npz.getInputStream(npz.getEntry("optimizer.json")));
            assertEquals("l2l-optimizer", metadata.get("format").asText());
            assertEquals("lstm", metadata.get("type").asText());
            assertEquals(4, metadata.get("spec").get("units").asInt());
            assertEquals("quadratic", metadata.get("experiment").get("task").get("type").asText());
        }
        assertEquals(0, cli("inspect", run.toString()));
        assertTrue(out.contains("type        lstm"), out);
        Path other = Files.writeString(directory.resolve("other.yaml"),
                "task: {type: quadratic, dimension: 5}\nevaluation: {instances: 3, tuningInstances: 2, horizon: 8, "
                        + "learningRates: [0.1]}\nbaselines: [{type: nag}]\n");
        Path evaluated = directory.resolve("eval");
        assertEquals(0, cli("eval", run.resolve("optimizer.npz").toString(), other.toString(), "--out", evaluated.toString()));
        JsonNode results = new ObjectMapper().readTree(evaluated.resolve("results.json").toFile());
        assertEquals(9, results.get("optimizers").get(0).get("meanCurve").size());
        assertEquals("nag", results.get("optimizers").get(1).get("name").asText());
    }

    @Test
    void chartsAreDecodablePngsAndTheReportShowsThem() throws IOException {
        Path config = Files.writeString(directory.resolve("small.yaml"), CONFIG);
        Path run = directory.resolve("run");
        assertEquals(0, cli("run", config.toString(), "--out", run.toString()));
        for (String chart : new String[] {"loss-curves.png", "meta-training.png"}) {
            BufferedImage image = ImageIO.read(run.resolve(chart).toFile());
            assertNotNull(image, chart);
            assertEquals(960, image.getWidth());
        }
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("![mean loss per step](loss-curves.png)"), report);
        assertTrue(report.contains("| lstm | learned |"), report);
        assertTrue(report.contains("| adam | baseline |"), report);
    }

    @Test
    void damagedOrNewerOptimizerFilesAreRefused() throws IOException {
        Path config = Files.writeString(directory.resolve("small.yaml"), CONFIG);
        Path run = directory.resolve("run");
        assertEquals(0, cli("train", config.toString(), "--out", run.toString()));
        Path file = run.resolve("optimizer.npz");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(directory.resolve("truncated.npz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(2, cli("inspect", truncated.toString()));
        assertTrue(err.startsWith("l2l: " + truncated + ": not a readable optimizer file"), err);
        assertEquals(1, err.lines().count(), err);
        assertEquals(2, cli("inspect", config.toString()));
        assertEquals(1, err.lines().count(), err);
        assertArrayEquals(bytes, Files.readAllBytes(file), "the original is untouched");
    }

    @Test
    void resumeArgumentErrors() {
        assertEquals(2, cli("run", "--resume", directory.resolve("nothing").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, cli("run", "x.yaml", "--resume", directory.toString()));
        assertTrue(err.contains("--resume DIR takes the config"), err);
        assertEquals(2, cli("train"));
        assertTrue(err.contains("missing CONFIG"), err);
        assertEquals(2, cli("run", "x.yaml", "--set", "novalue"));
    }

    private int cli(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
