/** {@code l2l bench}: end-to-end speed figures measured on components built from experiment files. */
package dev.l2l.runner.bench;
