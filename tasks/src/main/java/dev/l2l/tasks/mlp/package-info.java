/** MLP classifiers of MNIST-format images (Andrychowicz et al. 2016, §3.2). */
package dev.l2l.tasks.mlp;
