/**
 * Plugin registration: a {@link dev.l2l.core.plugin.L2lPlugin} found by {@link java.util.ServiceLoader}
 * registers named component specs (tasks, optimizers, preprocessings, baselines) with a
 * {@link dev.l2l.core.plugin.PluginRegistrar}.
 */
package dev.l2l.core.plugin;
