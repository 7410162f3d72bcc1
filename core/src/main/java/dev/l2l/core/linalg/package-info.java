/**
 * Single-precision building blocks for hot loops that bypass ND4J's per-op overhead: direct
 * (off-heap) float buffers, bulk copies between them and contiguous ND4J arrays, and OpenBLAS's
 * {@code sgemm} called on them directly.
 */
package dev.l2l.core.linalg;
