package dev.l2l.runner;

import dev.l2l.core.plugin.L2lPlugin;
import dev.l2l.core.plugin.PluginException;
import dev.l2l.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the plugins: those on the class path (the built-in ones among them), through
 * {@link ServiceLoader}, and those in the jars of a plugin folder, loaded together by one class
 * loader and read from each jar's own {@code META-INF/services} entry, so that an error names the
 * jar and the class.
 */
final class PluginLoader {

    static final String SERVICE_FILE = "META-INF/services/" + L2lPlugin.class.getName();

    private PluginLoader() {
    }

    /**
     * @param folder the plugin folder; a missing folder means no plugin jars unless
     *               {@code required}, when it is an error
     */
    static PluginRegistry load(Path folder, boolean required) {
        List<L2lPlugin> plugins = new ArrayList<>(fromClassPath());
        List<Path> jars = jars(folder, required);
        if (!jars.isEmpty()) {
            URLClassLoader loader = new URLClassLoader(urls(jars), PluginLoader.class.getClassLoader());
            for (Path jar : jars) {
                for (String className : providers(jar)) {
                    plugins.add(instantiate(loader, jar, className));
                }
            }
        }
        return PluginRegistry.of(plugins);
    }

    private static List<L2lPlugin> fromClassPath() {
        List<L2lPlugin> plugins = new ArrayList<>();
        Iterator<L2lPlugin> iterator = ServiceLoader.load(L2lPlugin.class, PluginLoader.class.getClassLoader()).iterator();
        try {
            while (iterator.hasNext()) {
                plugins.add(iterator.next());
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginException("cannot load a plugin on the class path: " + e.getMessage(), e);
        }
        return plugins;
    }

    private static List<Path> jars(Path folder, boolean required) {
        if (!Files.isDirectory(folder)) {
            if (required) {
                throw new UserError(folder + ": no such plugin folder (--plugins expects a folder of plugin jars)");
            }
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UserError(folder + ": cannot list the plugin folder: " + e.getMessage(), e);
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UserError(jars.get(i) + ": not a usable jar path", e);
            }
        }
        return urls;
    }

    /** The plugin classes a jar lists in its service file (comments and blank lines skipped). */
    static List<String> providers(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICE_FILE);
            if (entry == null) {
                throw new PluginException("plugin jar " + jar + " has no " + SERVICE_FILE
                        + " listing its L2lPlugin class");
            }
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceAll("#.*", "").trim())
                        .filter(line -> !line.isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            throw new PluginException("plugin jar " + jar + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static L2lPlugin instantiate(ClassLoader loader, Path jar, String className) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!L2lPlugin.class.isAssignableFrom(type)) {
                throw new PluginException("plugin jar " + jar + ": " + className + " does not implement "
                        + L2lPlugin.class.getName());
            }
            return (L2lPlugin) type.getConstructor().newInstance();
        } catch (PluginException e) {
            throw e;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new PluginException("plugin jar " + jar + ": class " + className + " cannot be loaded: " + cause, e);
        }
    }
}
