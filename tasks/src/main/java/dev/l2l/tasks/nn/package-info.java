/**
 * Building blocks shared by the image-classification tasks: activations, softmax cross-entropy
 * and the per-step minibatch draw.
 */
package dev.l2l.tasks.nn;
