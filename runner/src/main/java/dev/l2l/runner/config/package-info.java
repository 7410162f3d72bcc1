/** Experiment files: strict YAML binding of discovered component types, and one-line errors with file, line and field. */
package dev.l2l.runner.config;
