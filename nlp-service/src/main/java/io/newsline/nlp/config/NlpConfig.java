package io.newsline.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of the enrichment pipeline ({@code newsline.nlp.*}; environment variables override). */
@ConfigMapping(prefix = "newsline.nlp")
public interface NlpConfig {

    /** Classpath resource or file of the CRF model. */
    @WithDefault("edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz")
    String model();

    /** Longer sentences are cut into pieces of this many tokens before the CRF reads them. */
    @WithDefault("120")
    int maxSentenceTokens();

    /** An operator's gazetteer overlay file (places missing from GeoNames), read at start. */
    Optional<Path> gazetteerOverlay();
}
