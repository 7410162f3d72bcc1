package dev.l2l.core;

/**
 * A data file that a task reads is missing, unreadable or not in the format expected. The message
 * names the file and says what was wrong with it; the runner prints it as one line and exits
 * with status 2.
 */
public final class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
