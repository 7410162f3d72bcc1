package dev.l2l.core.plugin;

import dev.l2l.core.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

class PluginRegistryTest {

    /** A task spec for registration tests; never built. */
    public static final class DummyTask implements TaskSpec {
        @Override
        public Task create() {
            throw new UnsupportedOperationException();
        }
    }

    /** Another one, to clash with the first. */
    public static final class OtherTask implements TaskSpec {
        @Override
        public Task create() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void registersByKindAndName() {
        PluginRegistry registry = PluginRegistry.of(List.of(r -> r.task("dummy", DummyTask.class)));
        assertEquals(List.of("dummy"), registry.names(ComponentKind.TASK));
        assertEquals(DummyTask.class, registry.find(ComponentKind.TASK, "dummy").orElseThrow().specClass());
        assertEquals("dummy", registry.nameOf(ComponentKind.TASK, DummyTask.class).orElseThrow());
        assertTrue(registry.names(ComponentKind.OPTIMIZER).isEmpty());
    }

    @Test
    void duplicateNamesNameBothClasses() {
        L2lPlugin first = r -> r.task("same", DummyTask.class);
        L2lPlugin second = r -> r.task("same", OtherTask.class);
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of(List.of(first, second)));
        assertTrue(e.getMessage().contains("two plugins register a task named 'same'"), e.getMessage());
        assertTrue(e.getMessage().contains(DummyTask.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherTask.class.getName()), e.getMessage());
    }

    @Test
    void aPluginThatThrowsIsNamed() {
        L2lPlugin broken = mock(L2lPlugin.class);
        doThrow(new IllegalStateException("boom")).when(broken).register(any());
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of(List.of(broken)));
        assertTrue(e.getMessage().contains(broken.getClass().getName()), e.getMessage());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void blankNamesAndWrongKindsAreRefused() {
        L2lPlugin blank = mock(L2lPlugin.class);
        doAnswer(call -> {
            call.<PluginRegistrar>getArgument(0).task(" ", DummyTask.class);
            return null;
        }).when(blank).register(any());
        assertThrows(PluginException.class, () -> PluginRegistry.of(List.of(blank)));

        @SuppressWarnings({"unchecked", "rawtypes"})
        L2lPlugin wrongKind = r -> r.optimizer("x", (Class) DummyTask.class);
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of(List.of(wrongKind)));
        assertTrue(e.getMessage().contains("does not implement OptimizerSpec"), e.getMessage());
    }
}
