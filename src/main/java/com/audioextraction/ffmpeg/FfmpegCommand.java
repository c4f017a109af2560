package com.audioextraction.ffmpeg;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.jobs.OutputStore;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;

/**
 * Builds ffmpeg's argument list (never a shell string) for one extraction plan: read the source
 * (from {@code start}, for {@code duration}), keep only the chosen audio stream, encode it as
 * planned, and write it to stdout or to a file.
 */
public class FfmpegCommand {

    private final FfmpegBinary binary;

    public FfmpegCommand(FfmpegBinary binary) {
        this.binary = binary;
    }

    /** The ffmpeg to run (camel-exec's executable). */
    public String executable() {
        return binary.path();
    }

    /** ffmpeg's arguments to write the audio to its stdout, streamed to an HTTP client. */
    public List<String> toStream(Source source, ExtractionPlan plan) {
        return arguments(source, plan, null);
    }

    /** ffmpeg's arguments to decode the plan's stream and span to 16 kHz mono s16le, for the speech detector. */
    public List<String> toAnalyse(Source source, ExtractionPlan plan) {
        ExtractionRequest request = plan.request();
        ExtractionOptions options = request.options();
        ExtractionRequest pcm = new ExtractionRequest(request.id(), request.savepath(), AudioFormat.PCM, new ExtractionOptions(
                null, null, null, options.start(), options.duration(), options.track(), options.language()));
        return arguments(source, new ExtractionPlan(pcm, plan.media(), plan.stream(), 16000, 1, null, plan.outputDuration()), null);
    }

    /** ffmpeg's arguments to write a job's output file itself (so the file is complete: headers, sizes). */
    public List<String> toFile(Source source, ExtractionPlan plan, OutputStore.PendingOutput output) {
        return arguments(source, plan, output.file());
    }

    /**
     * @param file where ffmpeg writes (a file it creates, with -progress lines on stdout), or null
     *             for the audio on stdout
     */
    public static List<String> arguments(Source source, ExtractionPlan plan, Path file) {
        AudioFormat format = plan.request().format();
        ExtractionOptions options = plan.request().options();
        List<String> args = new ArrayList<>();
        // no stdin; no banner or progress noise; level-tagged lines so errors can be told apart;
        // -xerror: decoding errors end the run instead of producing damaged audio
        args.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info", "-xerror"));
        // seeking before -i: fast, and sample-accurate since the audio is decoded
        if (options.start() != null) {
            args.addAll(List.of("-ss", seconds(options.start())));
        }
        if (options.duration() != null && !format.copiesSource()) {
            args.addAll(List.of("-t", seconds(options.duration())));
        }
        args.addAll(source.inputOptions());
        args.addAll(List.of("-i", source.ffmpegInput()));
        if (format.copiesSource() && (options.start() != null || options.duration() != null)) {
            // copied packets start at the keyframe the seek landed on, seconds before the start: drop
            // those before 0 (the start) and count the duration from there, to the AAC frame (~21 ms)
            args.addAll(List.of("-ss", "0"));
            if (options.duration() != null) {
                args.addAll(List.of("-t", seconds(options.duration())));
            }
        }
        // the stream by its place among the audio streams: what a request's track names, known before the probe
        args.addAll(List.of("-map", "0:a:" + plan.stream().index(), "-vn", "-sn", "-dn"));
        if (plan.speech() != null) {
            args.addAll(List.of("-af", speechOnly(plan)));
        }
        args.addAll(format.codecArgs());
        if (plan.bitrate() != null) {
            args.addAll(List.of("-b:a", String.valueOf(plan.bitrate())));
        }
        // a rate or channel count the request or the format fixes is always given; one that only follows
        // the stream is left to ffmpeg when the stream has it already (ffmpeg keeps it): the same output,
        // and the same arguments whether or not the probe has told what the stream has (see HeadStart)
        boolean fixedRate = options.sampleRate() != null || format.defaultSampleRate().isPresent();
        if (!format.copiesSource() && (fixedRate || plan.sampleRate() != plan.stream().sampleRate())) {
            args.addAll(List.of("-ar", String.valueOf(plan.sampleRate())));
        }
        boolean fixedChannels = options.channels() != null || format.defaultChannels().isPresent();
        if (!format.copiesSource() && (fixedChannels || plan.channels() != plan.stream().channels())) {
            args.addAll(List.of("-ac", String.valueOf(plan.channels())));
        }
        if (file == null) {
            // on a pipe ffmpeg would flush every packet (an MP3 frame is ~1 KB): 32 KB writes cost far less
            args.addAll(List.of("-flush_packets", "0", "-f", format.muxer(), "pipe:1"));
        } else {
            args.addAll(List.of("-progress", "pipe:1", "-f", format.muxer(), "file:" + file));
        }
        return args;
    }

    /**
     * Keeps only the speech segments: the audio is cut into 10 ms frames at the output rate (the
     * detector's frames: segment bounds fall on them) and the frames inside a segment are kept, their
     * timestamps made continuous. Times are relative to the span's start, as the input seek makes them.
     */
    private static String speechOnly(ExtractionPlan plan) {
        double offset = plan.speech().start();
        StringBuilder select = new StringBuilder();
        for (var segment : plan.speech().segments()) {
            if (select.length() > 0) {
                select.append('+');
            }
            // a frame starting at a bound is in; 1 ms under the bounds keeps rounding from adding or losing one
            select.append("between(t,").append(seconds(segment.start() - offset - 0.001)).append(',')
                    .append(seconds(segment.end() - offset - 0.001)).append(')');
        }
        if (select.length() == 0) {
            select.append('0');
        }
        return "aresample=" + plan.sampleRate() + ",asetnsamples=n=" + plan.sampleRate() / 100 + ":p=0,aselect='" + select
                + "',asetpts=N/SR/TB";
    }

    private static String seconds(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
