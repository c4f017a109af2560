package com.audioextraction.ffmpeg;

import java.util.List;

import com.audioextraction.ApiException;

/**
 * Explains an ffmpeg run that ended without producing audio, as the error the client gets:
 * 422 when the file is not media or has no audio stream, 404 when it vanished, 500 otherwise,
 * with ffmpeg's own explanation in the detail (the server-side input path replaced by the savepath).
 */
public final class FfmpegFailure {

    private FfmpegFailure() {
    }

    public static ApiException beforeOutput(FfmpegProcess ffmpeg, int exit, String ffmpegInput, String savepath) {
        List<String> errors = ffmpeg.errors().stream().map(line -> line.replace(ffmpegInput, savepath)).toList();
        String line = usefulLine(errors);
        if (ffmpeg.killReason() != null) {
            return ApiException.internal("extraction stopped", ffmpeg.killReason())
                    .fromFfmpeg(ffmpeg.killReason().contains("no output") ? "stalled" : "killed");
        }
        if (contains(errors, "Format not on whitelist")) {
            return ApiException.unprocessable("not a media file", savepath + " is not a self-contained media file (a playlist,"
                    + " manifest or list that refers to other files is refused, never followed)").fromFfmpeg("not_media");
        }
        if (contains(errors, "matches no streams")) {
            return ApiException.unprocessable("no audio stream", savepath + " has no audio stream").fromFfmpeg("no_audio");
        }
        if (contains(errors, "Invalid data found when processing input") || contains(errors, "moov atom not found")
                || contains(errors, "could not find codec parameters") || contains(errors, "Unknown input format")) {
            return ApiException.unprocessable("not a media file", line).fromFfmpeg("not_media");
        }
        if (contains(errors, "No such file or directory")) {
            return ApiException.notFound("video not found", "no video at '" + savepath + "' in the bucket").fromFfmpeg("vanished");
        }
        if (exit == 0) {
            return ApiException.unprocessable("no audio", "ffmpeg produced no audio from " + savepath
                    + (line.isEmpty() ? "" : ": " + line)).fromFfmpeg("no_audio");
        }
        return ApiException.internal("ffmpeg failed", "exit " + exit + (line.isEmpty() ? "" : ": " + line)).fromFfmpeg("failed");
    }

    /** The line that says what went wrong, for a log line after output had started. */
    public static String explain(FfmpegProcess ffmpeg, int exit, String ffmpegInput, String savepath) {
        if (ffmpeg.killReason() != null) {
            return "killed: " + ffmpeg.killReason();
        }
        List<String> errors = ffmpeg.errors().stream().map(line -> line.replace(ffmpegInput, savepath)).toList();
        String line = usefulLine(errors);
        return "exit " + exit + (line.isEmpty() ? "" : ": " + line);
    }

    private static boolean contains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** The first error line that explains something (ffmpeg's closing remarks explain nothing). */
    private static String usefulLine(List<String> errors) {
        return errors.stream()
                .filter(l -> !l.startsWith("Conversion failed") && !l.startsWith("To ignore this")
                        && !l.startsWith("At least one output file"))
                .findFirst()
                .orElse(errors.isEmpty() ? "" : errors.get(errors.size() - 1));
    }
}
