package com.audioextraction.speech;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Seconds as the speech features write them: to the millisecond, without trailing zeros. */
final class Times {

    private Times() {
    }

    static String format(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Rounded to the millisecond. */
    static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
