package dev.l2l.tasks.nn;

import dev.l2l.core.linalg.FastMath;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Locale;

/** Hidden-layer activations of the image networks, applied in place; derivatives are written from the activation's output. */
public enum Activation {
    /** σ(z) = 1 / (1 + e^−z), the paper's; σ' = a(1 − a). */
    SIGMOID {
        @Override
        public void apply(INDArray z) {
            Transforms.sigmoid(z, false);
        }

        @Override
        public void backward(INDArray a, INDArray dA, INDArray dZ) {
            dZ.assign(a).rsubi(1.0).muli(a).muli(dA);
        }

        @Override
        public void apply(float[] z, int length) {
            FastMath.sigmoid(z, length);
        }

        @Override
        public void multiplyByDerivative(float[] d, float[] a, int length) {
            for (int k = 0; k < length; k++) {
                d[k] *= a[k] * (1 - a[k]);
            }
        }
    },
    /** max(0, z); derivative 1 where a &gt; 0. */
    RELU {
        @Override
        public void apply(INDArray z) {
            Transforms.relu(z, false);
        }

        @Override
        public void backward(INDArray a, INDArray dA, INDArray dZ) {
            dZ.assign(a);
            Transforms.sign(dZ, false).muli(dA);
        }

        @Override
        public void apply(float[] z, int length) {
            for (int k = 0; k < length; k++) {
                z[k] = Math.max(z[k], 0f);
            }
        }

        @Override
        public void multiplyByDerivative(float[] d, float[] a, int length) {
            for (int k = 0; k < length; k++) {
                d[k] = a[k] > 0 ? d[k] : 0f;
            }
        }
    },
    /** tanh z; derivative 1 − a². */
    TANH {
        @Override
        public void apply(INDArray z) {
            Transforms.tanh(z, false);
        }

        @Override
        public void backward(INDArray a, INDArray dA, INDArray dZ) {
            dZ.assign(a).muli(a).rsubi(1.0).muli(dA);
        }

        @Override
        public void apply(float[] z, int length) {
            FastMath.tanh(z, length);
        }

        @Override
        public void multiplyByDerivative(float[] d, float[] a, int length) {
            for (int k = 0; k < length; k++) {
                d[k] *= 1 - a[k] * a[k];
            }
        }
    };

    /** Replaces the pre-activations {@code z} by the activations. */
    public abstract void apply(INDArray z);

    /** dZ = dA ⊙ act'(z), from the activation's output a = act(z). */
    public abstract void backward(INDArray a, INDArray dA, INDArray dZ);

    /**
     * z[k] ← act(z[k]) for k &lt; length, in single precision ({@link FastMath}'s sigmoid and tanh,
     * within 4e-7 of the exact ones): the fast path of the MLP.
     */
    public abstract void apply(float[] z, int length);

    /** d[k] ← d[k]·act'(from the output a[k]) for k &lt; length, in single precision. */
    public abstract void multiplyByDerivative(float[] d, float[] a, int length);

    /** The name used in configuration files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration name, or returns {@code null}. */
    public static Activation parse(String name) {
        return Arrays.stream(values()).filter(a -> a.configName().equals(name)).findFirst().orElse(null);
    }
}
