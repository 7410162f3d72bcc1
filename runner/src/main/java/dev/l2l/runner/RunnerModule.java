package dev.l2l.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.config.ConfigMapper;

import java.io.PrintStream;

/**
 * Guice wiring of the runner: the registry of discovered plugins, the mappers that know their
 * types, and the console. Commands get what they need injected.
 */
final class RunnerModule extends AbstractModule {

    private final PluginRegistry registry;
    private final PrintStream out;

    RunnerModule(PluginRegistry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(PrintStream.class).toInstance(out);
        bind(Console.class).toInstance(Console.of(out));
    }

    @Provides
    @Singleton
    @Named("yaml")
    ObjectMapper yamlMapper() {
        return ConfigMapper.yaml(registry);
    }

    @Provides
    @Singleton
    @Named("json")
    ObjectMapper jsonMapper() {
        return ConfigMapper.json(registry);
    }
}
