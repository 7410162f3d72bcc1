package dev.l2l.runner;

import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in plugins are found through ServiceLoader, as a third party's would be. */
class DiscoveryTest {

    @Test
    void builtInPluginsAreDiscovered() {
        PluginRegistry registry = PluginRegistry.discover(DiscoveryTest.class.getClassLoader());
        assertTrue(registry.names(ComponentKind.TASK).contains("quadratic"));
        assertTrue(registry.names(ComponentKind.OPTIMIZER).contains("lstm"));
        assertTrue(registry.names(ComponentKind.PREPROCESSING).containsAll(List.of("none", "log-sign")));
        assertEquals(List.of("adam", "momentum", "nag", "rmsprop", "sgd"), registry.names(ComponentKind.BASELINE));
        String source = registry.find(ComponentKind.OPTIMIZER, "lstm").orElseThrow().source();
        assertTrue(source.contains("optimizers"), source);
    }
}
