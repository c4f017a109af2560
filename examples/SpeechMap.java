import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps times in speech_only audio back to the source video (java.net.http only):
 * {@code java examples/SpeechMap.java BASE_URL SAVEPATH OUTPUT_SECONDS...}. The audio is the source's
 * speech segments one after the other (X-Speech-Segments: "1.81-4.68,7.62-11.18", source seconds,
 * output order). Output time t is in segment k when c_k <= t < c_k + (e_k - s_k), c_k being the
 * length of the segments before k; its source time is s_k + (t - c_k).
 */
public class SpeechMap {

    record Segment(double start, double end) {
    }

    static List<Segment> parse(String header) {
        List<Segment> segments = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] bounds = part.split("-");
            segments.add(new Segment(Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1])));
        }
        return segments;
    }

    static double toSource(double t, List<Segment> segments) {
        double before = 0;
        for (Segment s : segments) {
            if (t < before + (s.end() - s.start())) {
                return s.start() + (t - before);
            }
            before += s.end() - s.start();
        }
        return segments.get(segments.size() - 1).end();
    }

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/extract-audio?savepath=" + URLEncoder.encode(args[1], StandardCharsets.UTF_8)
                + "&audio_format=pcm&speech_only=true";
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            System.exit(1);
        }
        try (InputStream audio = response.body()) {
            Files.copy(audio, Path.of("speech_only.pcm"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<Segment> segments = parse(response.headers().firstValue("X-Speech-Segments")
                .orElseThrow(() -> new IllegalStateException("no X-Speech-Segments header: ask /speech for the segments")));
        for (int i = 2; i < args.length; i++) {
            double t = Double.parseDouble(args[i]);
            System.out.printf("%.3f -> %.3f%n", t, toSource(t, segments));
        }
    }
}
