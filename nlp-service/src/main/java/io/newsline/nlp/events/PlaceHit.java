package io.newsline.nlp.events;

import io.newsline.contracts.model.Place;

/** A resolved place written in a sentence, with its offsets in that sentence. */
record PlaceHit(Place place, int start, int end) {}
