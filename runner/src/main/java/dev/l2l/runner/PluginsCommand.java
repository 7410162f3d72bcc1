package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code l2l plugins}: every discovered component, where it came from, and its keys with their defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered task, optimizer, preprocessing and baseline: its name, the jar it came "
                + "from, and the config keys it accepts with their defaults.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        PluginRegistry registry = main.injector().getInstance(PluginRegistry.class);
        ObjectMapper json = main.injector().getInstance(Key.get(ObjectMapper.class, Names.named("json")));
        PrintStream out = main.injector().getInstance(PrintStream.class);
        for (ComponentKind kind : ComponentKind.values()) {
            out.println(kind.label() + "s:");
            for (Registration registration : registry.registrations(kind)) {
                out.printf("  %-14s %s (%s)%n", registration.name(), registration.specClass().getName(),
                        Path.of(registration.source()).getFileName());
                out.println("      " + keys(json, registration));
            }
        }
        return 0;
    }

    private static String keys(ObjectMapper json, Registration registration) {
        JsonNode defaults;
        try {
            defaults = json.valueToTree(registration.specClass().getConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(keys unknown: " + registration.specClass().getSimpleName() + " has no usable no-argument constructor)";
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = defaults.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("type")) {
                keys.add(field.getKey() + " = " + field.getValue());
            }
        }
        return keys.isEmpty() ? "(no keys)" : String.join(", ", keys);
    }
}
