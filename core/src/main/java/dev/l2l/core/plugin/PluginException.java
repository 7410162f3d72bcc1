package dev.l2l.core.plugin;

/** A plugin that cannot be loaded or that clashes with another; the message names classes and jars. */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
