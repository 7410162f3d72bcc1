package dev.l2l.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Every component registered by the discovered {@link L2lPlugin}s, by kind and name.
 *
 * <p>Duplicate or blank names, a spec class of the wrong kind, and a plugin that fails to load are
 * refused with a {@link PluginException} naming the classes and jars involved.
 */
public final class PluginRegistry {

    private final Map<ComponentKind, Map<String, Registration>> byKind = new EnumMap<>(ComponentKind.class);

    private PluginRegistry() {
        for (ComponentKind kind : ComponentKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
    }

    /** Discovers the plugins visible to {@code loader} through {@link ServiceLoader}. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<L2lPlugin> plugins = new ArrayList<>();
        Iterator<L2lPlugin> iterator = ServiceLoader.load(L2lPlugin.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                plugins.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                throw new PluginException("cannot load a plugin: " + rootMessage(e), e);
            }
        }
        return of(plugins);
    }

    /** A registry of the given plugins, in order. */
    public static PluginRegistry of(List<? extends L2lPlugin> plugins) {
        PluginRegistry registry = new PluginRegistry();
        for (L2lPlugin plugin : plugins) {
            registry.load(plugin);
        }
        return registry;
    }

    /** The registered names of a kind, sorted. */
    public List<String> names(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** Every registration of a kind, sorted by name. */
    public List<Registration> registrations(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }

    /** The registration of {@code name}, if any. */
    public Optional<Registration> find(ComponentKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The name under which {@code specClass} is registered as a component of {@code kind}. */
    public Optional<String> nameOf(ComponentKind kind, Class<?> specClass) {
        return byKind.get(kind).values().stream()
                .filter(r -> r.specClass().equals(specClass))
                .map(Registration::name)
                .findFirst();
    }

    private void load(L2lPlugin plugin) {
        Class<?> pluginClass = plugin.getClass();
        try {
            plugin.register(new Registrar(pluginClass));
        } catch (PluginException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("plugin " + pluginClass.getName() + " from " + Registration.sourceOf(pluginClass)
                    + " failed while registering: " + rootMessage(e), e);
        }
    }

    private void add(ComponentKind kind, String name, Class<? extends ComponentSpec> spec, Class<?> pluginClass) {
        String where = pluginClass.getName() + " (" + Registration.sourceOf(pluginClass) + ")";
        if (name == null || name.isBlank() || !name.equals(name.trim())) {
            throw new PluginException(where + " registers a " + kind.label() + " with a blank or padded name: '" + name + "'");
        }
        requireNonNull(spec, "spec is null");
        if (!kind.specType().isAssignableFrom(spec)) {
            throw new PluginException(where + " registers " + kind.label() + " '" + name + "' with " + spec.getName()
                    + ", which does not implement " + kind.specType().getSimpleName());
        }
        Registration existing = byKind.get(kind).get(name);
        if (existing != null) {
            throw new PluginException("two plugins register a " + kind.label() + " named '" + name + "': "
                    + existing.specClass().getName() + " from " + existing.pluginClass().getName()
                    + " (" + existing.source() + ") and " + spec.getName() + " from " + where);
        }
        byKind.get(kind).put(name, new Registration(kind, name, spec, pluginClass, Registration.sourceOf(pluginClass)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage();
        return root == e ? message : message + " (caused by " + root + ")";
    }

    private final class Registrar implements PluginRegistrar {
        private final Class<?> pluginClass;

        Registrar(Class<?> pluginClass) {
            this.pluginClass = pluginClass;
        }

        @Override
        public void task(String name, Class<? extends TaskSpec> spec) {
            add(ComponentKind.TASK, name, spec, pluginClass);
        }

        @Override
        public void optimizer(String name, Class<? extends OptimizerSpec> spec) {
            add(ComponentKind.OPTIMIZER, name, spec, pluginClass);
        }

        @Override
        public void preprocessing(String name, Class<? extends PreprocessingSpec> spec) {
            add(ComponentKind.PREPROCESSING, name, spec, pluginClass);
        }

        @Override
        public void baseline(String name, Class<? extends BaselineSpec> spec) {
            add(ComponentKind.BASELINE, name, spec, pluginClass);
        }
    }

    @Override
    public String toString() {
        return Collections.unmodifiableMap(byKind).toString();
    }
}
