package dev.l2l.runner.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random mutations of the shipped example configs: every outcome is a valid configuration or a
 * one-line {@link UserError} naming the file, never another exception.
 */
class ConfigMutationTest {

    private static final String[] VALUES = {"-1", "0", "2.5", "1e308", "abc", "true", "null", "[]", "{}", "[1, 2]",
            "''", "{type: x}", "-0.0", "99999999999999999999", "~", "!!binary aGk=", "&a b", "*a"};
    private static final int MUTATIONS = 400;

    @TempDir
    Path directory;

    @Test
    void mutatedConfigsLoadOrFailWithOneLine() throws IOException {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        ObjectMapper yaml = ConfigMapper.yaml(registry);
        ConfigLoader loader = new ConfigLoader(registry, yaml);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("user.dir")).getParent().resolve("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(Files.readString(file));
            }
        }
        assertTrue(sources.size() >= 2, "examples found: " + sources.size());
        SplittableRandom random = new SplittableRandom(2026);
        int valid = 0;
        int refused = 0;
        for (int m = 0; m < MUTATIONS; m++) {
            String mutated = mutate(sources.get(random.nextInt(sources.size())), random);
            Path file = Files.writeString(directory.resolve("mutant-" + m + ".yaml"), mutated);
            try {
                loader.load(file);
                valid++;
            } catch (UserError e) {
                refused++;
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("mutant " + m + " threw " + e + " for:\n" + mutated, e);
            }
        }
        assertEquals(MUTATIONS, valid + refused);
        assertTrue(refused > MUTATIONS / 4, "most mutations should be refused; refused " + refused);
    }

    private static String mutate(String source, SplittableRandom random) {
        List<String> lines = new ArrayList<>(source.lines().toList());
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(6)) {
            case 0 -> lines.remove(at);
            case 1 -> {
                int colon = line.indexOf(':');
                if (colon >= 0) {
                    lines.set(at, line.substring(0, colon + 1) + " " + VALUES[random.nextInt(VALUES.length)]);
                }
            }
            case 2 -> {
                int position = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, position) + (char) ('a' + random.nextInt(26)) + line.substring(position));
            }
            case 3 -> lines.add(at, line);
            case 4 -> lines.set(at, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
            default -> {
                String text = String.join("\n", lines);
                return text.substring(0, random.nextInt(text.length() + 1));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
