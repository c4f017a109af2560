package com.audioextraction.ffmpeg;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.audioextraction.StartupFailure;

/**
 * What ffmpeg and ffprobe may open for an input, beyond the one file or URL they are given. A
 * video in the bucket is untrusted content: an HLS playlist, a DASH manifest or an ffconcat list
 * saved as {@code .mp4} would make ffmpeg read whatever files or URLs it names. So only demuxers
 * of self-contained containers are allowed ({@code -format_whitelist}), and only the one protocol
 * the input needs ({@code -protocol_whitelist}). Anything else is "not a media file".
 */
public final class InputPolicy {

    /** Demuxers that open further files, URLs or devices: never allowed, whatever the configuration says. */
    private static final Set<String> REFERENCING = Set.of("hls", "dash", "concat", "image2", "image2pipe", "webm_dash_manifest",
            "imf", "sdp", "rtsp", "rtp", "lavfi", "sbg", "ffmetadata", "tee", "data", "alsa", "fbdev", "jack", "kmsgrab", "oss",
            "pulse", "openal", "video4linux2", "v4l2", "x11grab", "iec61883", "libdc1394", "libcdio", "android_camera",
            "avfoundation", "dshow", "gdigrab", "vfwcap", "decklink", "libopenmpt", "libgme");

    private final String formats;

    private InputPolicy(String formats) {
        this.formats = formats;
    }

    /**
     * @param commaSeparated the demuxers allowed ({@code audio.input-formats}); ffmpeg matches any
     *                       one name of a demuxer's list, so {@code mov} allows {@code mov,mp4,m4a,...}
     */
    public static InputPolicy of(String commaSeparated) {
        List<String> names = Arrays.stream(commaSeparated.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new StartupFailure("audio.input-formats is empty: name the containers videos come in, e.g. mov,matroska,mpegts");
        }
        List<String> refused = names.stream().filter(n -> REFERENCING.contains(n) || n.endsWith("_pipe")).toList();
        if (!refused.isEmpty()) {
            throw new StartupFailure("audio.input-formats names " + refused + ": these demuxers open other files,"
                    + " URLs or devices, which a video in the bucket could abuse; remove them");
        }
        return new InputPolicy(names.stream().distinct().collect(Collectors.joining(",")));
    }

    /** The demuxers allowed, comma-separated. */
    public String formats() {
        return formats;
    }

    /** Input options for a local file, which ffmpeg reads with the file protocol only. */
    public List<String> localFile() {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", formats);
    }

    /** Input options for a URL of the S3 store (HTTP range requests), and nothing else. */
    public List<String> url() {
        return List.of("-protocol_whitelist", "http,https,tcp,tls", "-format_whitelist", formats);
    }
}
