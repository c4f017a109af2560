package com.audioextraction.ffmpeg;

/**
 * The ffmpeg the service runs.
 *
 * @param path    the executable
 * @param origin  how it was chosen: {@code audio.ffmpeg-path}, {@code PATH} or {@code bundled}
 * @param version the first line of {@code ffmpeg -version}
 */
public record FfmpegBinary(String path, String origin, String version) {
}
