package com.audioextraction.ffmpeg;

import java.io.IOException;
import java.util.List;

import com.audioextraction.ApiException;

/**
 * The verdict on an ended ffmpeg run, the same for a stream and a job ({@link #judge}), and what a
 * failure is called: a run that ended without audio is the error the client gets (422 when the
 * file is not media or has no audio stream, 404 when it vanished, 500 otherwise, with ffmpeg's own
 * explanation, the server-side input replaced by the savepath); a run that failed after writing
 * audio is {@link CutShort}.
 */
public final class FfmpegFailure {

    /** ffmpeg failed after audio went out: a stream is broken off, a job tried again. */
    public static final class CutShort extends IOException {

        private final String cause;

        CutShort(String message, String cause) {
            super(message);
            this.cause = cause;
        }

        /** A short cause for the metrics: {@code stalled} or {@code failed_mid_stream}. */
        public String cause() {
            return cause;
        }
    }

    private FfmpegFailure() {
    }

    /**
     * Judges an ended run: no audio at all ({@code bytesOut} 0) throws the error the caller gets; audio
     * then an error (a non-zero exit, an error line, a kill) throws {@link CutShort}; else it returns.
     */
    public static void judge(FfmpegProcess ffmpeg, int exit, long bytesOut, String ffmpegInput, String savepath) throws CutShort {
        if (bytesOut == 0) {
            throw beforeOutput(ffmpeg, exit, ffmpegInput, savepath);
        }
        if (exit != 0 || !ffmpeg.errors().isEmpty() || ffmpeg.killReason() != null) {
            boolean stalled = ffmpeg.killReason() != null && ffmpeg.killReason().contains("no output");
            throw new CutShort("ffmpeg failed after " + bytesOut + " bytes (" + explain(ffmpeg, exit, ffmpegInput, savepath) + ")",
                    stalled ? "stalled" : "failed_mid_stream");
        }
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
