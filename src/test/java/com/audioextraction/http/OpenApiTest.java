package com.audioextraction.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The served OpenAPI document names the real endpoints, and docs/openapi.json is the same document. */
class OpenApiTest extends ServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServedDocumentDescribesTheRealEndpointsAndMatchesTheDocs() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode served = JSON.readTree(response.body());
        assertEquals("[\"get\",\"post\"]", JSON.writeValueAsString(fieldNames(served.path("paths").path("/extract-audio"))));
        assertEquals("[\"get\",\"post\"]", JSON.writeValueAsString(fieldNames(served.path("paths").path("/probe"))));
        assertEquals("[\"post\"]", JSON.writeValueAsString(fieldNames(served.path("paths").path("/jobs"))));
        assertEquals("[\"get\",\"post\"]", JSON.writeValueAsString(fieldNames(served.path("paths").path("/speech"))));
        assertEquals("[\"get\",\"post\"]", JSON.writeValueAsString(fieldNames(served.path("paths").path("/chunks"))));
        assertEquals(5, served.path("paths").size());

        JsonNode documented = JSON.readTree(Files.readString(Path.of("docs", "openapi.json")));
        ((ObjectNode) served).remove("servers"); // the host it was fetched from
        ((ObjectNode) documented).remove("servers");
        assertEquals(documented, served, "docs/openapi.json is stale: regenerate it (see docs/render-api.py)");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
