package vn.onestop.sample;

import java.util.SplittableRandom;

/** Independent random streams derived from the user's seed, so that one part's draws never shift another's. */
final class Seeds {
    static final long PLANTING = 1;
    static final long BEHAVIOUR = 2;
    static final long BAD_ROWS = 3;
    static final long SILENCE = 4;
    static final long DAYS = 1_000;

    private Seeds() {
    }

    static SplittableRandom stream(long seed, long purpose) {
        return new SplittableRandom(mix(mix(seed) ^ purpose));
    }

    static SplittableRandom forDay(long seed, long epochDay) {
        return stream(seed, DAYS + epochDay * 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
