package dev.l2l.runner;

/**
 * A problem with what the user gave us (a file, a field, an argument). The CLI prints its message
 * as one line and exits with status 2; no stack trace unless {@code --debug}.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
