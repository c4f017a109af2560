package com.audioextraction.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * application.properties is the one place where settings, their defaults and their meaning are
 * written; docs/configuration.md is rendered from it. When they differ this test fails and leaves
 * the fresh rendering in target/configuration.md to copy over.
 */
class ConfigurationDocTest {

    private static final Path PROPERTIES = Path.of("application.properties");
    private static final Path DOC = Path.of("docs", "configuration.md");

    @Test
    void docsConfigurationIsRenderedFromApplicationProperties() throws IOException {
        String rendered = render(Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8));
        String documented = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!rendered.equals(documented)) {
            Path fresh = Path.of("target", "configuration.md");
            Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
            assertEquals(rendered, documented, "docs/configuration.md is stale: cp " + fresh + " docs/configuration.md");
        }
    }

    /** Sections (## lines) become headings, each key a table row: key, default, the comment above it. */
    static String render(List<String> lines) {
        StringBuilder out = new StringBuilder("""
                # Configuration

                Rendered from [application.properties](../application.properties), where every setting is
                written once with its default and meaning (`ConfigurationDocTest` fails when the two differ).
                Override any key with `-Dkey=value` or an environment variable named like the key in upper case
                with `.` and `-` as `_` (`AUDIO_MINIO_DATA_PATH=/data/minio`, `CAMEL_SERVER_PORT=9000`).
                """);
        List<String> comment = new ArrayList<>();
        boolean table = false;
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("##")) {
                out.append("\n## ").append(text.replaceFirst("^#+\\s*", "")).append("\n");
                table = false;
                comment.clear();
            } else if (text.startsWith("#")) {
                comment.add(text.replaceFirst("^#\\s?", ""));
            } else if (text.contains("=")) {
                if (!table) {
                    out.append("\n| key | default | meaning |\n| --- | --- | --- |\n");
                    table = true;
                }
                String key = text.substring(0, text.indexOf('=')).strip();
                String value = text.substring(text.indexOf('=') + 1).strip();
                out.append("| `").append(key).append("` | ").append(value.isEmpty() ? "(empty)" : "`" + value.replace("|", "\\|") + "`")
                        .append(" | ").append(String.join(" ", comment).replace("|", "\\|")).append(" |\n");
                comment.clear();
            } else if (text.isEmpty()) {
                comment.clear(); // the file's own header, or a comment that belongs to no key
            }
        }
        return out.toString();
    }
}
