package dev.l2l.core.plugin;

/**
 * The entry point of a plugin, discovered with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.l2l.core.plugin.L2lPlugin} of the plugin's
 * jar. The built-in tasks and optimizers are registered exactly this way.
 *
 * <pre>{@code
 * public final class MyPlugin implements L2lPlugin {
 *     public void register(PluginRegistrar registrar) {
 *         registrar.task("rosenbrock", RosenbrockSpec.class);
 *     }
 * }
 * }</pre>
 */
public interface L2lPlugin {

    /** Registers this plugin's components. Called once, at discovery. */
    void register(PluginRegistrar registrar);
}
