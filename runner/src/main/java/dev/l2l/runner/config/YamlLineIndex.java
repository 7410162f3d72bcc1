package dev.l2l.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The line of every key of a YAML document, by dotted path ({@code training.unroll},
 * {@code evaluation.baselines[1].type}), so that a problem found after binding can still point at
 * its line.
 */
final class YamlLineIndex {

    private final Map<String, Integer> lines = new HashMap<>();

    YamlLineIndex(String yaml) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(pathOf(parser.getParsingContext()), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // a document that does not parse has no lines to give; the binder reports the syntax error
        }
    }

    /** The line of {@code path}, or of its nearest ancestor present in the document. */
    OptionalInt lineOf(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return OptionalInt.of(line);
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return OptionalInt.empty();
    }

    static String pathOf(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        return join(parts);
    }

    /** Joins path parts from the outermost: names with dots, indices as [i]. */
    static String join(Iterable<String> parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && path.length() > 0) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }
}
