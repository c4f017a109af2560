package com.audioextraction.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every relative link in the README and docs/ leads to a file that exists. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path page : Stream.concat(Stream.of(Path.of("README.md"), Path.of("bench", "README.md")),
                    docs.filter(p -> p.toString().endsWith(".md"))).toList()) {
                Matcher m = LINK.matcher(Files.readString(page));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.contains("://") && !Files.exists(page.resolveSibling(target))) {
                        broken.add(page + " -> " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
