/** The {@code l2l} command line: discovery, Guice wiring and the experiment runner. */
package dev.l2l.runner;
