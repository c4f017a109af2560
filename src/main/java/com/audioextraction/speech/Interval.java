package com.audioextraction.speech;

/** A span of source time, in seconds. */
public record Interval(double start, double end) {

    public double duration() {
        return end - start;
    }
}
