package com.audioextraction.probe;

import com.audioextraction.source.Source;

/** Tells what a video holds before anything is extracted from it. */
public interface MediaProber {

    /**
     * @throws com.audioextraction.ApiException 422 when the file is not media, 500 when probing failed
     */
    MediaInfo probe(Source source, String savepath);
}
