/** Reading MNIST-format image data sets (IDX files, plain or gzipped). */
package dev.l2l.tasks.data;
