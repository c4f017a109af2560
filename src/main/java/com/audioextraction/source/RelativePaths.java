package com.audioextraction.source;

import java.nio.charset.StandardCharsets;

/**
 * The syntax rules for a path a caller gives relative to a root (a savepath in the bucket, a job's
 * output_key in the output directory), checked before the path is resolved or opened.
 */
public final class RelativePaths {

    /** Longest path accepted, in characters (Linux allows 4096 bytes; no bucket key needs a quarter of it). */
    public static final int MAX_LENGTH = 1024;
    /** Longest folder or file name, in bytes (Linux's NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;
    private static final int SHOWN = 120;

    private RelativePaths() {
    }

    /** Why the path is refused, or null when its syntax is acceptable. */
    public static String problem(String path) {
        if (path.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            return "it contains a control character (line break, tab, ...)";
        }
        if (path.indexOf('\\') >= 0) {
            return "it contains a backslash; use / between folders";
        }
        if (path.startsWith("/")) {
            return "it is absolute; give a path relative to the root";
        }
        if (path.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "it contains a '..' segment";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return "a folder or file name in it is longer than " + MAX_NAME_BYTES + " bytes";
            }
        }
        return null;
    }

    /** The path as it may appear in a message or a log: control characters escaped, a long one shortened. */
    public static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (path.codePointCount(0, path.length()) > SHOWN) {
            out.append("...(").append(path.length()).append(" characters)");
        }
        return out.toString();
    }
}
