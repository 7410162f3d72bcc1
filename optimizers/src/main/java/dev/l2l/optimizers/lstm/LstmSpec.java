package dev.l2l.optimizers.lstm;

import dev.l2l.core.rnn.CellFactory;
import dev.l2l.optimizers.RecurrentOptimizerSpec;

/** Configuration of {@code type: lstm}: the paper's coordinatewise LSTM optimizer. */
public final class LstmSpec extends RecurrentOptimizerSpec {

    @Override
    protected CellFactory cell() {
        return LstmCell::new;
    }
}
