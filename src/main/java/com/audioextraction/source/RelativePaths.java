package com.audioextraction.source;

/**
 * The syntax rules for a path a caller gives relative to a root (a savepath in the bucket, a job's
 * output_key in the output directory), checked before the path is resolved or opened.
 */
public final class RelativePaths {

    private RelativePaths() {
    }

    /** Why the path is refused, or null when its syntax is acceptable. */
    public static String problem(String path) {
        if (path.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        if (path.indexOf('\\') >= 0) {
            return "it contains a backslash; use / between folders";
        }
        if (path.startsWith("/")) {
            return "it is absolute; give a path relative to the root";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "it contains a '..' segment";
            }
        }
        return null;
    }
}
