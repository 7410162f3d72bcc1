package dev.l2l.tasks;

import dev.l2l.core.plugin.L2lPlugin;
import dev.l2l.core.plugin.PluginRegistrar;
import dev.l2l.tasks.cnn.CnnSpec;
import dev.l2l.tasks.mlp.MlpSpec;
import dev.l2l.tasks.quadratic.QuadraticSpec;

/** The built-in tasks, registered through {@code META-INF/services} like any third party's. */
public final class TasksPlugin implements L2lPlugin {

    @Override
    public void register(PluginRegistrar registrar) {
        registrar.task("quadratic", QuadraticSpec.class);
        registrar.task("mnist", MlpSpec.class);
        registrar.task("cnn", CnnSpec.class);
    }
}
