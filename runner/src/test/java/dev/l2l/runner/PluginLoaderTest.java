package dev.l2l.runner;

import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginException;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugins from a folder of jars that are not on the class path, and their errors. */
class PluginLoaderTest {

    @TempDir
    Path folder;

    @Test
    void discoversAPluginJarOutsideTheClassPath() throws IOException {
        Path jar = PluginJars.build(folder.resolve("ghost.jar"), PluginJars.taskPlugin("ghost", "ghost"),
                List.of("ghost.GhostPlugin"));
        PluginRegistry registry = PluginLoader.load(folder, true);
        Registration ghost = registry.find(ComponentKind.TASK, "ghost").orElseThrow();
        assertEquals(jar.toString(), Path.of(ghost.source()).toString());
        assertTrue(registry.names(ComponentKind.TASK).contains("quadratic"), "built-in plugins stay");
    }

    @Test
    void aJarTaskRunsFromYamlAndIsListed() throws IOException {
        PluginJars.build(folder.resolve("ghost.jar"), PluginJars.taskPlugin("ghost", "ghost"), List.of("ghost.GhostPlugin"));
        Path config = Files.writeString(folder.resolve("ghost.yaml"), """
                task: {type: ghost, dimension: 2}
                optimizer: {type: lstm, units: 4}
                training: {metaBatches: 1, metaBatchSize: 2, horizon: 4, unroll: 2, logEvery: 0}
                evaluation: {instances: 2, tuningInstances: 2, learningRates: [0.1]}
                baselines: [{type: sgd}]
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.execute(new String[] {"run", config.toString(), "--out", folder.resolve("run").toString(),
                "--plugins", folder.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(Files.exists(folder.resolve("run/results.json")));
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        assertEquals(0, Main.execute(new String[] {"--plugins", folder.toString(), "plugins"},
                new PrintStream(listing, true, StandardCharsets.UTF_8), System.err));
        String text = listing.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ghost          ghost.GhostSpec (ghost.jar)"), text);
        assertTrue(text.contains("dimension = 3"), text);
    }

    @Test
    void aDuplicateNameNamesBothClassesAndJars() throws IOException {
        PluginJars.build(folder.resolve("clash.jar"), PluginJars.taskPlugin("clash", "quadratic"), List.of("clash.GhostPlugin"));
        PluginException e = assertThrows(PluginException.class, () -> PluginLoader.load(folder, true));
        assertTrue(e.getMessage().contains("two plugins register a task named 'quadratic'"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.l2l.tasks.quadratic.QuadraticSpec"), e.getMessage());
        assertTrue(e.getMessage().contains("clash.GhostSpec"), e.getMessage());
        assertTrue(e.getMessage().contains("clash.jar"), e.getMessage());
    }

    @Test
    void aBrokenPluginNamesTheJarAndTheClass() throws IOException {
        Path jar = PluginJars.build(folder.resolve("broken.jar"), Map.of(), List.of("com.missing.Plugin"));
        PluginException e = assertThrows(PluginException.class, () -> PluginLoader.load(folder, true));
        assertTrue(e.getMessage().startsWith("plugin jar " + jar + ": class com.missing.Plugin cannot be loaded"),
                e.getMessage());
    }

    @Test
    void aMissingFolderIsAnErrorOnlyWhenNamed() {
        Path missing = folder.resolve("none");
        assertTrue(PluginLoader.load(missing, false).names(ComponentKind.TASK).contains("quadratic"));
        UserError e = assertThrows(UserError.class, () -> PluginLoader.load(missing, true));
        assertTrue(e.getMessage().contains("no such plugin folder"), e.getMessage());
    }
}
