package com.audioextraction.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.ffmpeg.InputPolicy;
import com.audioextraction.source.LocalFileOpener;
import com.audioextraction.source.LocalVideo;
import com.audioextraction.source.Source;

/**
 * Media the tests run on, generated with ffmpeg's lavfi sources the first time they are needed
 * (then reused from target/). Layout: {@code <root>/minio/videos/...} is the bucket, and
 * {@code <root>/minio/secret/} holds a real video outside it for the traversal tests.
 */
public final class MediaFixtures {

    public static final String BUCKET = "videos";
    /** 10 s, 320x240 H.264 + AAC 48 kHz stereo (440 Hz), index at the front. */
    public static final String TV = "tv/news.mp4";
    /** The same content with the index (moov) at the end, as ffmpeg writes by default. */
    public static final String MOOV_AT_END = "tv/moov-at-end.mp4";
    /** Video only. */
    public static final String NO_AUDIO = "tv/no-audio.mp4";
    /** The first 40% of a faststart file: the index promises more than the file holds. */
    public static final String TRUNCATED = "tv/truncated.mp4";
    /** Text with a video's name. */
    public static final String NOT_MEDIA = "tv/not-media.mp4";
    /** A unicode name with a space and a quote. */
    public static final String UNICODE = "tv/Überraschung 日本 \"live\".mp4";
    /** 5 minutes of small video with audio, for disconnects and concurrency. */
    public static final String LONG = "long/five-minutes.mp4";
    /** A symlink in the bucket that points at a real video outside it. */
    public static final String LINK_OUT = "tv/link-out.mp4";
    /** A symlinked folder in the bucket that points outside it. */
    public static final String LINK_DIR_OUT = "linkdir/secret.mp4";

    /**
     * 8 s, two audio streams: {@code ara} 5.1 at 300 Hz flagged default, then {@code eng} stereo
     * at 1000 Hz (44.1 kHz).
     */
    public static final String TWO_LANGUAGES = "tv/two-languages.mkv";
    /** 4 s of video with an MP3 audio track (not AAC). */
    public static final String MP3_AUDIO = "tv/mp3-audio.mkv";

    /**
     * A real video outside the bucket with a tone of its own (1000 Hz, 4 s): served audio or probe
     * data that shows it is a leak.
     */
    public static final String CANARY = "secret/canary.mp4";
    public static final double CANARY_SECONDS = 4.0;
    public static final double CANARY_HZ = 1000;

    /**
     * Files in the bucket whose content points at the canary: HLS playlists (absolute path, file:
     * URL, relative path out of the bucket, EXT-X-MAP), a DASH manifest and an ffconcat list (through
     * a link inside the bucket), each saved under a video's name or its own.
     */
    public static final List<String> HOSTILE = List.of("hostile/hls-absolute.mp4", "hostile/hls-file-url.m3u8",
            "hostile/hls-relative.mp4", "hostile/hls-map.m3u8", "hostile/dash.mp4", "hostile/concat.mp4",
            "hostile/concat-link.ffconcat");

    /**
     * 20 s with one keyframe every 10 s and a tone that steps every second: 200 + 50·s Hz during
     * second s (mono AAC), so where a cut starts and ends can be heard. Also as Matroska.
     */
    public static final String LONG_GOP = "tv/long-gop.mp4";
    public static final String LONG_GOP_MKV = "tv/long-gop.mkv";

    /** The tone of {@link #LONG_GOP} during second {@code s}. */
    public static double longGopHz(int second) {
        return 200 + 50 * second;
    }

    public static final double TV_SECONDS = 10.0;
    public static final double TWO_LANGUAGES_SECONDS = 8.0;
    public static final double LONG_SECONDS = 300.0;

    private static final Path ROOT = Path.of("target", "test-media").toAbsolutePath();
    private static boolean ready;

    private MediaFixtures() {
    }

    /** The MinIO data path (parent of the bucket) with every fixture in place. */
    public static synchronized Path dataPath() {
        Path data = ROOT.resolve("minio");
        if (!ready) {
            try {
                create(data);
            } catch (IOException e) {
                throw new IllegalStateException("cannot generate test media: " + e.getMessage(), e);
            }
            ready = true;
        }
        return data;
    }

    public static Path bucket() {
        return dataPath().resolve(BUCKET);
    }

    /** A fixture opened as the service opens it (checked descriptor, default input policy). */
    public static Source open(String savepath) {
        try {
            return new LocalFileOpener(bucket(), InputPolicy.of(DEFAULT_INPUT_FORMATS))
                    .open(new LocalVideo(savepath, bucket().resolve(savepath).toRealPath()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** audio.input-formats as shipped. */
    public static final String DEFAULT_INPUT_FORMATS = defaultInputFormats();

    private static String defaultInputFormats() {
        try (var in = Files.newInputStream(Path.of("application.properties"))) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("audio.input-formats");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path data) throws IOException {
        Path bucket = data.resolve(BUCKET);
        Files.createDirectories(bucket.resolve("tv"));
        Files.createDirectories(bucket.resolve("long"));
        Files.createDirectories(data.resolve("secret"));
        Path tv = bucket.resolve(TV);
        if (!Files.exists(tv)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=10",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=10",
                    "-ac", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "128k",
                    "-movflags", "+faststart", tv.toString());
        }
        Path moovAtEnd = bucket.resolve(MOOV_AT_END);
        if (!Files.exists(moovAtEnd)) {
            ffmpeg("-i", tv.toString(), "-c", "copy", moovAtEnd.toString());
        }
        Path noAudio = bucket.resolve(NO_AUDIO);
        if (!Files.exists(noAudio)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                    noAudio.toString());
        }
        Path truncated = bucket.resolve(TRUNCATED);
        if (!Files.exists(truncated)) {
            byte[] whole = Files.readAllBytes(tv);
            Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length * 4 / 10));
        }
        Files.writeString(bucket.resolve(NOT_MEDIA), "this is not a video\n", StandardCharsets.UTF_8);
        Path unicode = bucket.resolve(UNICODE);
        if (!Files.exists(unicode)) {
            Files.copy(tv, unicode);
        }
        Path longVideo = bucket.resolve(LONG);
        if (!Files.exists(longVideo)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=5:duration=300",
                    "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000:duration=300",
                    "-ac", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "96k",
                    "-movflags", "+faststart", longVideo.toString());
        }
        Path twoLanguages = bucket.resolve(TWO_LANGUAGES);
        if (!Files.exists(twoLanguages)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=8",
                    "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000:duration=8",
                    "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=8",
                    "-map", "0:v", "-map", "1:a", "-map", "2:a", "-c:v", "libx264", "-preset", "ultrafast",
                    "-c:a", "aac", "-ac:a:0", "6", "-ac:a:1", "2",
                    "-metadata:s:a:0", "language=ara", "-metadata:s:a:1", "language=eng",
                    "-disposition:a:0", "default", "-disposition:a:1", "0", twoLanguages.toString());
        }
        Path mp3Audio = bucket.resolve(MP3_AUDIO);
        if (!Files.exists(mp3Audio)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=4",
                    "-f", "lavfi", "-i", "sine=frequency=500:sample_rate=44100:duration=4",
                    "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libmp3lame", mp3Audio.toString());
        }
        Path longGop = bucket.resolve(LONG_GOP);
        if (!Files.exists(longGop)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=20",
                    "-f", "lavfi", "-i", "aevalsrc='sin(2*PI*(200+50*floor(t))*t)':s=48000:d=20",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", "128k", "-ac", "1", "-movflags", "+faststart", longGop.toString());
        }
        Path longGopMkv = bucket.resolve(LONG_GOP_MKV);
        if (!Files.exists(longGopMkv)) {
            ffmpeg("-i", longGop.toString(), "-c", "copy", longGopMkv.toString());
        }
        Path secret = data.resolve("secret").resolve("secret.mp4");
        if (!Files.exists(secret)) {
            Files.copy(tv, secret);
        }
        link(bucket.resolve(LINK_OUT), Path.of("..", "..", "secret", "secret.mp4"));
        link(bucket.resolve("linkdir"), Path.of("..", "secret"));
        hostile(data, bucket);
    }

    private static void hostile(Path data, Path bucket) throws IOException {
        Path canary = data.resolve(CANARY);
        if (!Files.exists(canary)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=4",
                    "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=4",
                    "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart", canary.toString());
        }
        Path dir = Files.createDirectories(bucket.resolve("hostile"));
        String absolute = canary.toString();
        String hls = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n%s\n#EXT-X-ENDLIST\n";
        Files.writeString(dir.resolve("hls-absolute.mp4"), hls.formatted(absolute));
        Files.writeString(dir.resolve("hls-file-url.m3u8"), hls.formatted("file:" + absolute));
        Files.writeString(dir.resolve("hls-relative.mp4"), hls.formatted("../../secret/canary.mp4"));
        Files.writeString(dir.resolve("hls-map.m3u8"), "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\""
                + absolute + "\"\n#EXTINF:4.0,\n" + absolute + "\n#EXT-X-ENDLIST\n");
        Files.writeString(dir.resolve("dash.mp4"), """
                <?xml version="1.0"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT4S" minBufferTime="PT1S"
                     profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
                  <Period><AdaptationSet mimeType="audio/mp4"><Representation id="a" bandwidth="128000" codecs="mp4a.40.2">
                    <BaseURL>file:%s</BaseURL>
                  </Representation></AdaptationSet></Period>
                </MPD>
                """.formatted(absolute));
        link(dir.resolve("canary-link.mp4"), Path.of("..", "..", "secret", "canary.mp4"));
        Files.writeString(dir.resolve("concat.mp4"), "ffconcat version 1.0\nfile '" + absolute + "'\n");
        Files.writeString(dir.resolve("concat-link.ffconcat"), "ffconcat version 1.0\nfile 'canary-link.mp4'\n");
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.isSymbolicLink(link)) {
            Files.createSymbolicLink(link, target);
        }
    }

    private static void ffmpeg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    public static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}
