package io.newsline.nlp.geo;

import java.util.Optional;

/** The bundled gazetteer, loaded once for all test classes: it is immutable and takes a second to load. */
final class BundledGazetteer {
    private static Gazetteer instance;
    static long loadMillis;

    private BundledGazetteer() {}

    static synchronized Gazetteer get() {
        if (instance == null) {
            long t0 = System.nanoTime();
            instance = Gazetteer.loadBundled(Optional.empty());
            loadMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        return instance;
    }
}
