package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;

/** A baseline with a momentum coefficient μ (0.9 by default). */
public abstract class MomentumRuleSpec implements BaselineSpec {

    /** μ, the momentum coefficient. */
    public double momentum = 0.9;

    @Override
    public void validate() {
        ConfigException.requireInRange("momentum", momentum, 0, 0.999999);
    }
}
