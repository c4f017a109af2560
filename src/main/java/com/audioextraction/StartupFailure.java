package com.audioextraction;

/**
 * Something that keeps the service from starting and that the operator can fix (a taken port, an
 * unreadable data path, a bad setting): reported as one line and exit code 1, without a stack trace.
 */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    /** The first StartupFailure in {@code failure}'s causes, or null. */
    public static StartupFailure in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure found) {
                return found;
            }
        }
        return null;
    }
}
