package com.audioextraction.probe;

import java.time.Duration;

import com.audioextraction.ApiException;
import com.audioextraction.source.Source;

/** Tells what a video holds before anything is extracted from it. */
public interface MediaProber {

    /**
     * @throws com.audioextraction.ApiException 422 when the file is not media, 500 when probing failed
     */
    MediaInfo probe(Source source, String savepath);

    /** The 504 of a probe that did not finish within {@code timeout} (a store or disk that does not answer). */
    static ApiException timedOut(String savepath, Duration timeout) {
        return new ApiException(504, "probe timed out", "reading " + savepath + " did not finish within "
                + timeout.toSeconds() + " s (audio.probe-timeout)").fromFfmpeg("probe_timeout");
    }
}
