package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.l2l.runner.results.OptimizerFile;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code l2l inspect FILE}: what a trained optimizer file holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print what an optimizer file (optimizer.npz, or a run directory holding one) holds: format "
                + "version, type, configuration, precision, parameters and the experiment it was trained in.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "FILE", description = "optimizer.npz, or a run directory.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        Path path = file.toFile().isDirectory() ? file.resolve(ExperimentRunner.OPTIMIZER_FILE) : file;
        ObjectMapper json = main.injector().getInstance(Key.get(ObjectMapper.class, Names.named("json")));
        ObjectMapper yaml = main.injector().getInstance(Key.get(ObjectMapper.class, Names.named("yaml")));
        OptimizerFile.Loaded loaded = new OptimizerFile(json).load(path);
        JsonNode metadata = loaded.metadata();
        INDArray phi = loaded.optimizer().parameters();
        PrintStream out = main.injector().getInstance(Console.class).out();
        out.println(path);
        out.printf(Locale.ROOT, "  format      %s, version %d%n", metadata.path("format").asText(), metadata.path("version").asInt());
        out.printf(Locale.ROOT, "  type        %s%n", metadata.path("type").asText());
        out.printf(Locale.ROOT, "  precision   %s%n", metadata.path("precision").asText());
        out.printf(Locale.ROOT, "  parameters  %d (phi.npy), norm %.6g, min %.6g, max %.6g%n", phi.length(),
                phi.norm2Number().doubleValue(), phi.minNumber().doubleValue(), phi.maxNumber().doubleValue());
        out.println("  configuration:");
        out.print(indent(yaml.writeValueAsString(metadata.path("spec"))));
        out.println("  trained in:");
        out.print(indent(yaml.writeValueAsString(metadata.path("experiment"))));
        return 0;
    }

    private static String indent(String text) {
        StringBuilder indented = new StringBuilder();
        text.lines().forEach(line -> indented.append("    ").append(line).append('\n'));
        return indented.toString();
    }
}
