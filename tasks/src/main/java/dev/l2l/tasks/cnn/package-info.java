/**
 * The {@code cnn} task: small convolutional networks (3×3 convolution, ReLU, 2×2 max-pooling,
 * repeated; then a dense hidden layer and softmax) classifying MNIST-format images, with their
 * parameters in two groups, {@code conv} and {@code dense}.
 */
package dev.l2l.tasks.cnn;
