package com.audioextraction.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code attachment; filename="..."} for an output name, safe for any unicode name (RFC 6266 / 5987). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** The attachment header for {@code savepath}'s base name with the extension replaced. */
    static String attachment(String savepath, String extension) {
        String base = savepath.substring(savepath.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String name = (dot > 0 ? base.substring(0, dot) : base) + "." + extension;
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
