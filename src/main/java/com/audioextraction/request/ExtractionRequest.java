package com.audioextraction.request;

import com.audioextraction.format.AudioFormat;

/**
 * A validated extraction request: which video (its path inside the bucket) and which output format.
 *
 * @param id       short id for log lines and for the caller to quote
 * @param savepath the path inside the bucket, exactly as the caller gave it
 * @param format   the output format
 */
public record ExtractionRequest(String id, String savepath, AudioFormat format) {
}
