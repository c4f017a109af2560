package com.audioextraction.ffmpeg;

import java.util.ArrayList;
import java.util.List;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import org.apache.camel.Exchange;
import org.apache.camel.component.exec.ExecBinding;

/**
 * Builds ffmpeg's argument list (never a shell string) for one extraction: read the source, keep
 * only the first audio stream, encode it in the requested format, write it to stdout; and hands it
 * to camel-exec through its headers.
 */
public class FfmpegCommand {

    private final FfmpegBinary binary;

    public FfmpegCommand(FfmpegBinary binary) {
        this.binary = binary;
    }

    /** Sets the exec headers for the request and source in the exchange; empties the body (it would become stdin). */
    public void prepare(Exchange exchange) {
        ExtractionRequest request = exchange.getProperty(ExchangeKeys.REQUEST, ExtractionRequest.class);
        Source source = exchange.getProperty(ExchangeKeys.SOURCE, Source.class);
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_EXECUTABLE, binary.path());
        exchange.getMessage().setHeader(ExecBinding.EXEC_COMMAND_ARGS, arguments(source, request.format()));
        exchange.getMessage().setBody(null);
    }

    public static List<String> arguments(Source source, AudioFormat format) {
        List<String> args = new ArrayList<>();
        // no stdin; no banner or progress noise; level-tagged lines so errors can be told apart;
        // -xerror: decoding errors end the run instead of producing damaged audio
        args.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info", "-xerror"));
        args.addAll(source.inputOptions());
        args.addAll(List.of("-i", source.ffmpegInput()));
        args.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn"));
        args.addAll(format.encoderArgs());
        args.add("pipe:1");
        return args;
    }
}
