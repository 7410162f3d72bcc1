/** The built-in tasks, registered by {@link dev.l2l.tasks.TasksPlugin}. */
package dev.l2l.tasks;
