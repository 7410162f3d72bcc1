/** Reference optimizees, usable by tasks and by tests. */
package dev.l2l.core.problems;
