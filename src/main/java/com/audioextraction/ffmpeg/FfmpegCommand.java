package com.audioextraction.ffmpeg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.source.Source;
import org.apache.camel.Exchange;
import org.apache.camel.component.exec.ExecBinding;

/**
 * Builds ffmpeg's argument list (never a shell string) for one extraction plan: read the source
 * (from {@code start}, for {@code duration}), keep only the chosen audio stream, encode it as
 * planned, write it to stdout; and hands it to camel-exec through its headers.
 */
public class FfmpegCommand {

    private final FfmpegBinary binary;

    public FfmpegCommand(FfmpegBinary binary) {
        this.binary = binary;
    }

    /** Sets the exec headers for the plan and source in the exchange; empties the body (it would become stdin). */
    public void prepare(Exchange exchange) {
        ExtractionPlan plan = exchange.getProperty(ExchangeKeys.PLAN, ExtractionPlan.class);
        Source source = exchange.getProperty(ExchangeKeys.SOURCE, Source.class);
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_EXECUTABLE, binary.path());
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_ARGS, arguments(source, plan));
        exchange.getMessage().setBody(null);
    }

    public static List<String> arguments(Source source, ExtractionPlan plan) {
        AudioFormat format = plan.request().format();
        ExtractionOptions options = plan.request().options();
        List<String> args = new ArrayList<>();
        // no stdin; no banner or progress noise; level-tagged lines so errors can be told apart;
        // -xerror: decoding errors end the run instead of producing damaged audio
        args.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info", "-xerror"));
        // seeking before -i: fast, and sample-accurate since the audio is decoded (copy snaps to frames)
        if (options.start() != null) {
            args.addAll(List.of("-ss", seconds(options.start())));
        }
        if (options.duration() != null) {
            args.addAll(List.of("-t", seconds(options.duration())));
        }
        args.addAll(source.inputOptions());
        args.addAll(List.of("-i", source.ffmpegInput()));
        args.addAll(List.of("-map", "0:" + plan.stream().streamIndex(), "-vn", "-sn", "-dn"));
        args.addAll(format.codecArgs());
        if (plan.bitrate() != null) {
            args.addAll(List.of("-b:a", String.valueOf(plan.bitrate())));
        }
        if (!format.copiesSource()) {
            args.addAll(List.of("-ar", String.valueOf(plan.sampleRate()), "-ac", String.valueOf(plan.channels())));
        }
        // on a pipe ffmpeg would flush every packet (an MP3 frame is ~1 KB): 32 KB writes cost far less
        args.addAll(List.of("-flush_packets", "0", "-f", format.muxer(), "pipe:1"));
        return args;
    }

    private static String seconds(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
