/** Small helpers for the thread pools of meta-training and evaluation. */
package dev.l2l.core.concurrent;
