package dev.l2l.runner;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds plugin jars at test time from Java sources, so that they are truly not on the class path. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (class name → source) against the test class path and writes them,
     * with a service file listing {@code services}, into {@code jar}.
     */
    static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (!files.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path")));
            arguments.addAll(files);
            int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test plugin sources did not compile");
            }
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(PluginLoader.SERVICE_FILE));
            OutputStream entry = out;
            entry.write(String.join("\n", services).concat("\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A plugin registering task {@code name} (a 3-d quadratic) from class {@code pkg.GhostPlugin}. */
    static Map<String, String> taskPlugin(String pkg, String name) {
        return Map.of(pkg + ".GhostPlugin", """
                package %1$s;
                import dev.l2l.core.plugin.*;
                public final class GhostPlugin implements L2lPlugin {
                    public void register(PluginRegistrar registrar) {
                        registrar.task("%2$s", GhostSpec.class);
                    }
                }
                """.formatted(pkg, name), pkg + ".GhostSpec", """
                package %1$s;
                import dev.l2l.core.Task;
                import dev.l2l.core.plugin.TaskSpec;
                import dev.l2l.core.testkit.TestProblems;
                public final class GhostSpec implements TaskSpec {
                    public int dimension = 3;
                    public Task create() {
                        return seed -> TestProblems.quadratic(dimension, seed);
                    }
                }
                """.formatted(pkg));
    }
}
