package dev.l2l.runner.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, by edit distance. */
final class Names {

    private Names() {
    }

    /** The closest of {@code known} to {@code name}, if it is close enough to be a likely typo. */
    static Optional<String> closest(String name, Collection<String> known) {
        if (name == null) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** "; did you mean 'x'?" or the empty string. */
    static String suggestion(String name, Collection<String> known) {
        return closest(name, known).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
