package dev.l2l.optimizers.gru;

import dev.l2l.core.rnn.CellFactory;
import dev.l2l.optimizers.RecurrentOptimizerSpec;

/** Configuration of {@code type: gru}: a coordinatewise GRU optimizer, with the LSTM's options. */
public final class GruSpec extends RecurrentOptimizerSpec {

    @Override
    protected CellFactory cell() {
        return GruCell::new;
    }
}
