/**
 * Separate learned optimizers for separate parameter groups (the paper's CIFAR set-up: one LSTM
 * for the convolutional parameters, one for the dense ones), combined into one
 * {@link dev.l2l.core.LearnedOptimizer} whose φ is the concatenation of theirs.
 */
package dev.l2l.core.groups;
