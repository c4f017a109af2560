package com.audioextraction.jobs;

import java.util.ArrayList;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.source.RelativePaths;

/** The rule for output keys (a job's output_key is user input), the same for a directory and a bucket. */
final class OutputKeys {

    private OutputKeys() {
    }

    /** {@code key} normalised ({@code a//b/./c.wav} -> {@code a/b/c.wav}); 400 when it is refused. */
    static String check(String key) {
        String problem = key.isBlank() ? "it is empty" : RelativePaths.problem(key);
        if (problem != null) {
            throw ApiException.badRequest("invalid output_key", "'" + RelativePaths.printable(key) + "' is refused: " + problem);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : key.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw ApiException.badRequest("invalid output_key", "'" + RelativePaths.printable(key) + "' names no file");
        }
        return String.join("/", segments);
    }
}
