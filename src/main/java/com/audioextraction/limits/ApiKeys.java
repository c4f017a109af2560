package com.audioextraction.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.audioextraction.ApiException;

/**
 * Optional API keys. With none configured every call is let through; with some, a call needs
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. Keys are kept only as SHA-256
 * digests and compared in constant time; they are never logged.
 */
public class ApiKeys {

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = digests;
    }

    /** Keys from a comma-separated list and/or a file with one key per line (# comments allowed). */
    public static ApiKeys of(String commaSeparated, String file) throws IOException {
        List<String> keys = new ArrayList<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keys::add);
        }
        if (file != null && !file.isBlank()) {
            try (Stream<String> lines = Files.lines(Path.of(file.strip()), StandardCharsets.UTF_8)) {
                lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(keys::add);
            }
        }
        return new ApiKeys(keys.stream().map(ApiKeys::sha256).toList());
    }

    public boolean enabled() {
        return !digests.isEmpty();
    }

    public int count() {
        return digests.size();
    }

    /** Lets the call through or throws 401. */
    public void check(String authorization, String xApiKey) {
        if (!enabled()) {
            return;
        }
        String presented = xApiKey != null ? xApiKey.strip()
                : authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
                : null;
        if (presented == null || presented.isEmpty()) {
            throw ApiException.unauthorized("send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, digest); // no early exit: the time does not tell which key is close
        }
        if (!match) {
            throw ApiException.unauthorized("the API key is not valid");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
