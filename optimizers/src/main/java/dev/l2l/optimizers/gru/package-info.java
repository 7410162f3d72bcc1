/** The coordinatewise GRU optimizer. */
package dev.l2l.optimizers.gru;
