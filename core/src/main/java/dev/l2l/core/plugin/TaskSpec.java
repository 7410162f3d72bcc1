package dev.l2l.core.plugin;

import dev.l2l.core.Task;

/** Configuration of a {@link Task}; registered with {@link PluginRegistrar#task}. */
public interface TaskSpec extends ComponentSpec {

    /** Builds the task family this configuration describes. */
    Task create();
}
