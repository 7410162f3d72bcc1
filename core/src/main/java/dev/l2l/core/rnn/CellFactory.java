package dev.l2l.core.rnn;

/** Builds one layer of a recurrent optimizer: a cell reading {@code inputSize} features with {@code units} units. */
@FunctionalInterface
public interface CellFactory {

    RecurrentCell create(int inputSize, int units);
}
