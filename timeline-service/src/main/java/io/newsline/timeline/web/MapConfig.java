package io.newsline.timeline.web;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How the web page draws its map. Without a tile server the page shows only its bundled
 * country boundaries, which is what works on a machine with no internet.
 */
@ConfigMapping(prefix = "newsline.map")
public interface MapConfig {

    /** A Leaflet tile URL template such as {@code https://tiles.example.org/{z}/{x}/{y}.png}. */
    Optional<String> tileUrl();

    /** The credit the tile provider asks for, shown as text under the map. */
    Optional<String> tileAttribution();
}
