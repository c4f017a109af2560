package com.audioextraction.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with control characters escaped: a line break that came with a request or a job
 * (a path, an id, a key) shows as {@code \n} and cannot start a forged log line. Registered for
 * {@code %msg} in logback.xml, so every logger's messages get it, the service's and Camel's.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    /** {@code text} with CR, LF and every other control character but tab written as an escape. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t')) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) && c != '\t') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
