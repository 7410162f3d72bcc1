package dev.l2l.optimizers;

import dev.l2l.core.groups.GroupedOptimizerSpec;
import dev.l2l.core.plugin.L2lPlugin;
import dev.l2l.core.plugin.PluginRegistrar;
import dev.l2l.optimizers.baselines.AdamSpec;
import dev.l2l.optimizers.baselines.MomentumSpec;
import dev.l2l.optimizers.baselines.NagSpec;
import dev.l2l.optimizers.baselines.RmsPropSpec;
import dev.l2l.optimizers.baselines.SgdSpec;
import dev.l2l.optimizers.gru.GruSpec;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.LogSignSpec;
import dev.l2l.optimizers.preprocessing.NoPreprocessingSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;

/** The built-in optimizers, preprocessings and baselines, registered like any third party's. */
public final class OptimizersPlugin implements L2lPlugin {

    @Override
    public void register(PluginRegistrar registrar) {
        registrar.optimizer("lstm", LstmSpec.class);
        registrar.optimizer("gru", GruSpec.class);
        registrar.optimizer("groups", GroupedOptimizerSpec.class);
        registrar.preprocessing("none", NoPreprocessingSpec.class);
        registrar.preprocessing("log-sign", LogSignSpec.class);
        registrar.preprocessing("rnnprop", RnnPropSpec.class);
        registrar.baseline("sgd", SgdSpec.class);
        registrar.baseline("momentum", MomentumSpec.class);
        registrar.baseline("nag", NagSpec.class);
        registrar.baseline("rmsprop", RmsPropSpec.class);
        registrar.baseline("adam", AdamSpec.class);
    }
}
