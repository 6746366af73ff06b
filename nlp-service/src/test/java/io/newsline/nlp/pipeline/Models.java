package io.newsline.nlp.pipeline;

import io.newsline.nlp.geo.Gazetteer;
import java.util.Optional;

/** The model and gazetteer, loaded once per test JVM: loading takes seconds, reading is thread-safe. */
final class Models {

    private static EnrichmentPipeline pipeline;

    private Models() {}

    static synchronized EnrichmentPipeline pipeline() {
        if (pipeline == null) {
            pipeline = new EnrichmentPipeline(NameRecognizer.load(NameRecognizer.DEFAULT_MODEL, 120),
                    Gazetteer.loadBundled(Optional.empty()));
        }
        return pipeline;
    }
}
