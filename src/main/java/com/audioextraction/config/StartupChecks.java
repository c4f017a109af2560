package com.audioextraction.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.StartupFailure;
import com.audioextraction.ffmpeg.FfmpegBinary;
import org.apache.camel.CamelContext;

/**
 * What must hold before the service starts, failing start-up with a clear message (and a non-zero
 * exit) rather than running half broken; and the banner that says what started.
 */
public final class StartupChecks {

    private StartupChecks() {
    }

    /** A data path that exists but cannot be read is a mistake; a missing one is only a warning (fresh checkout). */
    static void dataPathReadable(Path dataPath, Path bucketRoot) {
        for (Path path : new Path[] {dataPath, bucketRoot}) {
            if (Files.exists(path) && (!Files.isDirectory(path) || !Files.isReadable(path) || !Files.isExecutable(path))) {
                throw new StartupFailure(path.toAbsolutePath() + " is not a readable directory: check audio.minio-data-path"
                        + " and audio.bucket-name, and the permissions of the user running the service");
            }
        }
    }

    /** Vert.x only logs a taken port and serves nothing: check it first (0 means any free port). */
    static void portFree(String what, String host, String port) {
        int number = Integer.parseInt(port.trim());
        if (number == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host.trim(), number));
        } catch (IOException e) {
            throw portTaken(what, host, number, e.getMessage());
        }
    }

    /** A port the service needs is not available: what to do about it. */
    public static StartupFailure portTaken(String what, String host, int port, String why) {
        return new StartupFailure("port " + port + " on " + host.trim() + " for " + what + " is not available (" + why
                + "): stop what uses it or choose another port");
    }

    /** @param bucketRoot the local bucket root, or null when videos come from S3 only; @param s3 the S3 bucket, or null */
    static String banner(CamelContext context, Path bucketRoot, String s3, FfmpegBinary ffmpeg, String broker) {
        String local = bucketRoot == null ? null : bucketRoot + (Files.isDirectory(bucketRoot) ? "" : " (missing)");
        String videos = local == null ? s3 : s3 == null ? local : local + " + " + s3;
        return String.format("http://%s:{port} | videos %s | ffmpeg %s (%s) | broker %s",
                context.resolvePropertyPlaceholders("{{camel.server.host}}"),
                videos, ffmpeg.path(), ffmpeg.origin(), broker);
    }
}
