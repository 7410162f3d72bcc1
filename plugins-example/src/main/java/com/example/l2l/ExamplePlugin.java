package com.example.l2l;

import com.example.l2l.mlp.MomentumMlpSpec;
import com.example.l2l.rosenbrock.RosenbrockSpec;
import dev.l2l.core.plugin.L2lPlugin;
import dev.l2l.core.plugin.PluginRegistrar;

/** Registers the example task and optimizer; listed in META-INF/services/dev.l2l.core.plugin.L2lPlugin. */
public final class ExamplePlugin implements L2lPlugin {

    @Override
    public void register(PluginRegistrar registrar) {
        registrar.task("rosenbrock", RosenbrockSpec.class);
        registrar.optimizer("momentum-mlp", MomentumMlpSpec.class);
    }
}
