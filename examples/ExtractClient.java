import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Java client with java.net.http only: streams the audio of a video to a file.
 *
 *   java examples/ExtractClient.java http://localhost:8888 youtube/abc123.mp4 flac audio.flac
 */
public class ExtractClient {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java ExtractClient.java BASE_URL SAVEPATH FORMAT OUTPUT");
            System.exit(2);
        }
        String body = "{\"savepath\": \"" + args[1].replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"audio_format\": \""
                + args[2] + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0].replaceAll("/$", "") + "/extract-audio"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println(response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            System.exit(1);
        }
        Path output = Path.of(args[3]);
        Path part = output.resolveSibling(output.getFileName() + ".part");
        // a broken stream (the service resets it) throws here: the partial file is never renamed
        try (InputStream audio = response.body()) {
            Files.copy(audio, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(part, output, StandardCopyOption.REPLACE_EXISTING);
        System.err.printf("wrote %s: %d bytes, %s s of audio%n", output, Files.size(output),
                response.headers().firstValue("X-Output-Duration").orElse("?"));
    }
}
