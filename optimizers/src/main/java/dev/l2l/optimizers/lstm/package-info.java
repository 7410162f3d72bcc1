/** The coordinatewise LSTM optimizer (Andrychowicz et al. 2016). */
package dev.l2l.optimizers.lstm;
