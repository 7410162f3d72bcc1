/**
 * Checks for plugin authors, with no test-framework dependency (failures are {@link java.lang.AssertionError}s):
 * finite differences in double precision, and contracts for recurrent cells, learned optimizers and
 * the whole meta-gradient. The built-in plugins are tested with these same checks.
 */
package dev.l2l.core.testkit;
