package com.audioextraction.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.source.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Probes with ffprobe's JSON output: the reliable way, used whenever ffprobe is on the machine. */
public class FfprobeProber extends ProcessProber {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTPUT = 4 * 1024 * 1024;

    public FfprobeProber(String ffprobe, FfmpegProcesses processes, Duration timeout) {
        super(ffprobe, processes, timeout);
    }

    @Override
    public MediaInfo probe(Source source, String savepath) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "level+error",
                "-print_format", "json", "-show_format", "-show_streams"));
        args.addAll(source.inputOptions());
        args.addAll(List.of("-i", source.ffmpegInput()));
        FfmpegProcesses.Completed run = run(args, MAX_OUTPUT, savepath);
        if (run.exit() != 0) {
            throw FfmpegFailure.beforeOutput(run.process(), run.exit(), source.ffmpegInput(), savepath);
        }
        try {
            return parse(JSON.readTree(run.stdout()), savepath, source.size());
        } catch (IOException e) {
            throw ApiException.internal("probe failed", "ffprobe's answer is not JSON: " + e.getMessage());
        }
    }

    static MediaInfo parse(JsonNode root, String savepath, long sourceSize) {
        JsonNode format = root.path("format");
        List<AudioStream> audio = new ArrayList<>();
        boolean video = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if (type.equals("video") && stream.path("disposition").path("attached_pic").asInt() == 0) {
                video = true;
            } else if (type.equals("audio")) {
                JsonNode tags = stream.path("tags");
                String language = tags.hasNonNull("language") ? tags.get("language").asText()
                        : tags.hasNonNull("LANGUAGE") ? tags.get("LANGUAGE").asText() : null;
                audio.add(new AudioStream(audio.size(), stream.path("index").asInt(), stream.path("codec_name").asText(null),
                        stream.path("channels").asInt(), stream.path("sample_rate").asInt(),
                        stream.hasNonNull("bit_rate") ? stream.get("bit_rate").asLong() : null,
                        language == null || language.equals("und") ? null : language,
                        stream.path("disposition").path("default").asInt() == 1));
            }
        }
        Double duration = format.hasNonNull("duration") ? format.get("duration").asDouble() : null;
        long size = format.hasNonNull("size") ? format.get("size").asLong() : sourceSize;
        return new MediaInfo(savepath, format.path("format_name").asText(null), duration, size, video, List.copyOf(audio));
    }
}
