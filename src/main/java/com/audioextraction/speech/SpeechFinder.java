package com.audioextraction.speech;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the speech of a planned extraction: ffmpeg decodes the same stream and span to 16 kHz mono
 * (see FfmpegCommand#toAnalyse), the detector reads it as it comes, and the result is given in
 * source time, with the padded segments that speech_only extracts.
 */
public class SpeechFinder {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechFinder.class);
    /** More segments than this are merged at their shortest gaps: ffmpeg takes the selection as one argument (128 KiB). */
    static final int MAX_SEGMENTS = 3000;

    private final SpeechDetector detector;

    public SpeechFinder(SpeechDetector detector) {
        this.detector = detector;
    }

    public SpeechAnalysis find(FfmpegProcess ffmpeg, ExtractionPlan plan, Source source) throws IOException, InterruptedException {
        String savepath = plan.request().savepath();
        SpeechSettings settings = plan.request().options().speech();
        Counting pcm = new Counting(ffmpeg.stdout());
        SpeechDetector.Result found;
        try {
            found = detector.detect(pcm, settings);
            int exit = ffmpeg.awaitExit();
            FfmpegFailure.judge(ffmpeg, exit, pcm.count, source.ffmpegInput(), savepath);
        } finally {
            ffmpeg.kill("analysis finished");
        }
        double offset = plan.request().options().start() == null ? 0 : plan.request().options().start();
        List<Interval> speech = shift(found.speech(), offset);
        List<Interval> segments = shift(pad(found.speech(), settings.padding(), found.spanSeconds()), offset);
        SpeechAnalysis analysis = new SpeechAnalysis(savepath, plan.stream().index(), offset, Times.millis(found.spanSeconds()),
                new SpeechAnalysis.Detector(detector.name(), settings, Times.millis(found.speechLevel()),
                        Times.millis(found.threshold())),
                speech, segments, Times.millis(total(speech)), Times.millis(total(segments)));
        LOG.info("[{}] speech: {} stretches, {} s of {} s (segments {} s) in {} ms", plan.request().id(), speech.size(),
                analysis.speechSeconds(), analysis.duration(), analysis.segmentsSeconds(), ffmpeg.elapsedMillis());
        return analysis;
    }

    /** The plan, narrowed to the speech: ffmpeg extracts only the segments; the output is as long as they are. */
    public ExtractionPlan narrow(ExtractionPlan plan, SpeechAnalysis speech) {
        return plan.withSpeech(speech);
    }

    /** Each stretch widened by {@code padding} on both sides (within the span), overlapping ones merged. */
    static List<Interval> pad(List<Interval> speech, double padding, double span) {
        List<Interval> merged = new ArrayList<>();
        for (Interval stretch : speech) {
            double start = Math.max(0, stretch.start() - padding);
            double end = Math.min(span, stretch.end() + padding);
            if (!merged.isEmpty() && start <= merged.get(merged.size() - 1).end()) {
                Interval last = merged.remove(merged.size() - 1);
                merged.add(new Interval(last.start(), Math.max(last.end(), end)));
            } else {
                merged.add(new Interval(start, end));
            }
        }
        while (merged.size() > MAX_SEGMENTS) {
            int shortest = 1;
            for (int i = 2; i < merged.size(); i++) {
                if (merged.get(i).start() - merged.get(i - 1).end() < merged.get(shortest).start() - merged.get(shortest - 1).end()) {
                    shortest = i;
                }
            }
            Interval after = merged.remove(shortest);
            merged.set(shortest - 1, new Interval(merged.get(shortest - 1).start(), after.end()));
        }
        return merged;
    }

    private static List<Interval> shift(List<Interval> intervals, double offset) {
        return intervals.stream().map(i -> new Interval(Times.millis(i.start() + offset), Times.millis(i.end() + offset))).toList();
    }

    private static double total(List<Interval> intervals) {
        return intervals.stream().mapToDouble(Interval::duration).sum();
    }

    /** Counts what ffmpeg wrote, for the verdict on its run. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
