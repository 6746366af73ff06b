package io.newsline.localkafka.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsComments() {
        List<MetricSample> samples = PrometheusText.parse("""
                # HELP newsline_ready 1 while ready
                # TYPE newsline_ready gauge
                newsline_ready 1.0
                newsline_nlp_enrich_seconds{outcome="enriched",quantile="0.99"} 0.095
                newsline_topic_records_total{partition="2",topic="news.articles.raw"} 1234.0 1733216400000
                """);
        assertEquals(3, samples.size());
        assertEquals(new MetricSample("newsline_ready", Map.of(), 1.0), samples.get(0));
        assertEquals("enriched", samples.get(1).label("outcome"));
        assertEquals(0.095, samples.get(1).value());
        assertEquals(1234.0, samples.get(2).value(), "the timestamp is not the value");
    }

    @Test
    void unescapesLabelValuesAndReadsSpecialValues() {
        List<MetricSample> samples = PrometheusText.parse("""
                odd{path="/a\\"b\\\\c",msg="one\\ntwo, three"} +Inf
                gone NaN
                """);
        assertEquals("/a\"b\\c", samples.get(0).label("path"));
        assertEquals("one\ntwo, three", samples.get(0).label("msg"));
        assertEquals(Double.POSITIVE_INFINITY, samples.get(0).value());
        assertTrue(Double.isNaN(samples.get(1).value()));
    }

    @Test
    void aLineItCannotReadIsSkippedNotFatal() {
        List<MetricSample> samples = PrometheusText.parse("""
                broken{label="never closed 1.0
                fine 2
                no_value{a="b"}
                """);
        assertEquals(List.of(new MetricSample("fine", Map.of(), 2.0)), samples);
    }
}
