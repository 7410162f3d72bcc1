package dev.l2l.tasks.nn;

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
    };

    /** Replaces the pre-activations {@code z} by the activations. */
    public abstract void apply(INDArray z);

    /** dZ = dA ⊙ act'(z), from the activation's output a = act(z). */
    public abstract void backward(INDArray a, INDArray dA, INDArray dZ);

    /** The name used in configuration files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration name, or returns {@code null}. */
    public static Activation parse(String name) {
        return Arrays.stream(values()).filter(a -> a.configName().equals(name)).findFirst().orElse(null);
    }
}
