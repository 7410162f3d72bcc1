/** What a run writes: results, curves, timing and the trained optimizer file. */
package dev.l2l.runner.results;
