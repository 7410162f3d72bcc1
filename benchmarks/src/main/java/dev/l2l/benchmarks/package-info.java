/** JMH microbenchmarks of the learned optimizers' step. */
package dev.l2l.benchmarks;
