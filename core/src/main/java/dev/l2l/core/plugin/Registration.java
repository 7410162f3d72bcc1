package dev.l2l.core.plugin;

/**
 * One registered component: its kind, the name users write after {@code type:}, its
 * configuration class, and the plugin and jar (or class folder) it came from.
 */
public record Registration(ComponentKind kind, String name, Class<? extends ComponentSpec> specClass,
                           Class<?> pluginClass, String source) {

    /** Where a class was loaded from: its jar or class folder, or "unknown". */
    public static String sourceOf(Class<?> type) {
        var domain = type.getProtectionDomain();
        if (domain == null || domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
            return "unknown";
        }
        return domain.getCodeSource().getLocation().getPath();
    }
}
