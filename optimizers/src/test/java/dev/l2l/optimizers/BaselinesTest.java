package dev.l2l.optimizers;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.update.UpdateRule;
import dev.l2l.optimizers.baselines.AdamSpec;
import dev.l2l.optimizers.baselines.MomentumSpec;
import dev.l2l.optimizers.baselines.NagSpec;
import dev.l2l.optimizers.baselines.RmsPropSpec;
import dev.l2l.optimizers.baselines.SgdSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Each baseline's first two steps against the rule computed by hand (gradients g1, g2; lr 0.1). */
class BaselinesTest {

    private static final double LR = 0.1;
    private static final double[] THETA = {1.0, -2.0};
    private static final double[] G1 = {0.5, -1.0};
    private static final double[] G2 = {0.2, 0.4};

    @Test
    void sgd() {
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            expected[i] = THETA[i] - LR * G1[i] - LR * G2[i];
        }
        assertArrayEquals(expected, twoSteps(new SgdSpec()), 1e-12);
    }

    @Test
    void heavyBallMomentum() {
        double mu = 0.9;
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double v1 = G1[i];
            double v2 = mu * v1 + G2[i];
            expected[i] = THETA[i] - LR * v1 - LR * v2;
        }
        assertArrayEquals(expected, twoSteps(new MomentumSpec()), 1e-12);
    }

    @Test
    void nesterov() {
        // ND4J's form (cs231n): v' = μv − ηg; θ += −μv + (1 + μ)v'
        double mu = 0.9;
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double v0 = 0;
            double v1 = mu * v0 - LR * G1[i];
            double theta1 = THETA[i] - mu * v0 + (1 + mu) * v1;
            double v2 = mu * v1 - LR * G2[i];
            expected[i] = theta1 - mu * v1 + (1 + mu) * v2;
        }
        assertArrayEquals(expected, twoSteps(new NagSpec()), 1e-12);
    }

    @Test
    void rmsprop() {
        RmsPropSpec spec = new RmsPropSpec();
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double s = spec.epsilon; // ND4J starts the running mean at ε, not 0
            double theta = THETA[i];
            for (double g : new double[] {G1[i], G2[i]}) {
                s = spec.decay * s + (1 - spec.decay) * g * g;
                theta -= LR * g / (Math.sqrt(s) + spec.epsilon);
            }
            expected[i] = theta;
        }
        assertArrayEquals(expected, twoSteps(spec), 1e-12);
    }

    @Test
    void adam() {
        AdamSpec spec = new AdamSpec();
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double m = 0;
            double v = 0;
            double theta = THETA[i];
            int t = 0;
            for (double g : new double[] {G1[i], G2[i]}) {
                t++;
                m = spec.beta1 * m + (1 - spec.beta1) * g;
                v = spec.beta2 * v + (1 - spec.beta2) * g * g;
                double alpha = LR * Math.sqrt(1 - Math.pow(spec.beta2, t)) / (1 - Math.pow(spec.beta1, t));
                theta -= alpha * m / (Math.sqrt(v) + spec.epsilon);
            }
            expected[i] = theta;
        }
        assertArrayEquals(expected, twoSteps(spec), 1e-7);
    }

    private static double[] twoSteps(BaselineSpec spec) {
        INDArray theta = Nd4j.create(new double[][] {THETA}).castTo(DataType.DOUBLE);
        try (UpdateRule rule = new UpdateRule(spec.updater(LR), theta)) {
            rule.apply(theta, Nd4j.create(new double[][] {G1}));
            rule.apply(theta, Nd4j.create(new double[][] {G2}));
        }
        return theta.toDoubleVector();
    }
}
