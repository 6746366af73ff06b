package io.newsline.localkafka.top;

import io.newsline.contracts.kafka.Topics;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of one screen of {@code ./newsline top}, from two rounds of readings: totals from the newer one,
 * rates from the difference between them. Plain Java, no terminal in sight, so a unit test reads it.
 */
public final class TopView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** Seconds of a group's own rate within which its lag is only what it has not committed yet. */
    static final double KEEPING_UP_S = 2;

    private final String bootstrap;

    public TopView(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The screen for {@code now}, with rates since {@code before} (the same round as {@code now} gives no rates). */
    public List<String> render(Snapshot before, Snapshot now) {
        double seconds = (now.nanos() - before.nanos()) / 1e9;
        Rates rates = new Rates(before, now, seconds);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "newsline top   broker %s   %s   %s", bootstrap, CLOCK.format(now.at()),
                seconds > 0 ? String.format(Locale.ROOT, "rates over %.1f s", seconds) : "no rates yet"));
        out.add("");
        if (now.broker() == null) {
            out.add("BROKER  not answering: " + now.brokerError());
        } else {
            out.addAll(topics(now.broker(), rates).lines());
            out.add("");
            Table groups = groups(now.broker(), rates);
            out.addAll(groups.isEmpty() ? List.of("GROUP  (no consumer group has committed offsets)") : groups.lines());
            out.add("");
            out.add(deadLetters(now.broker(), rates));
        }
        out.add("");
        out.addAll(services(now.services(), rates).lines());
        out.add("");
        out.add(streams(now.services()));
        return out;
    }

    private static Table topics(BrokerSnapshot broker, Rates rates) {
        Table t = new Table("TOPIC", ">PARTITIONS", ">END OFFSETS", ">IN/s", ">OUT/s");
        for (BrokerSnapshot.TopicOffsets topic : broker.topics()) {
            Double in = rates.topicIn(topic.name());
            Double out = null;
            for (BrokerSnapshot.GroupOffsets g : broker.groups()) {
                out = add(out, g.committed().containsKey(topic.name()) ? rates.groupOut(g.group(), topic.name()) : null);
            }
            t.row(topic.name(), Integer.toString(topic.partitions()), count(topic.endTotal()), rate(in), rate(out));
        }
        return t;
    }

    private static Table groups(BrokerSnapshot broker, Rates rates) {
        Table t = new Table("GROUP", "STATE", ">MEMBERS", "TOPIC", ">LAG", ">BY PARTITION", ">OUT/s", ">DRAINED IN");
        for (BrokerSnapshot.GroupOffsets g : broker.groups()) {
            for (String topicName : g.committed().keySet()) {
                BrokerSnapshot.TopicOffsets topic = broker.topic(topicName);
                if (topic == null) {
                    continue;
                }
                Map<Integer, Long> lags = lags(g, topic);
                long lag = lags.values().stream().mapToLong(Long::longValue).sum();
                List<String> parts = lags.values().stream().map(TopView::count).toList();
                Double out = rates.groupOut(g.group(), topicName);
                Double in = rates.topicIn(topicName);
                t.row(g.group(), g.state(), Integer.toString(g.members()), topicName, count(lag),
                        String.join(" ", parts), rate(out), drain(lag, in, out));
            }
        }
        return t;
    }

    /** Per partition: end offset minus committed offset, from the earliest record where nothing is committed. */
    static Map<Integer, Long> lags(BrokerSnapshot.GroupOffsets g, BrokerSnapshot.TopicOffsets topic) {
        Map<Integer, Long> committed = g.committed().getOrDefault(topic.name(), Map.of());
        Map<Integer, Long> lags = new LinkedHashMap<>();
        topic.end().keySet().stream().sorted().forEach(p -> {
            long from = committed.getOrDefault(p, topic.start().getOrDefault(p, 0L));
            lags.put(p, Math.max(0, topic.end().get(p) - from));
        });
        return lags;
    }

    /**
     * How long the backlog takes to clear if records keep coming in and going out at the rates measured: the
     * lag over (out - in). A group that takes nothing while behind is stalled; one that takes less than comes
     * in falls further behind. A lag of no more than {@link #KEEPING_UP_S} seconds of what the group takes is
     * the records between two of its commits (every second), not a backlog: it is keeping up, and a drain
     * time computed from two nearly equal rates would only be noise.
     */
    static String drain(long lag, Double in, Double out) {
        if (lag == 0) {
            return "-";
        }
        if (in == null || out == null) {
            return "?";
        }
        if (out <= 0) {
            return "stalled";
        }
        if (lag <= out * KEEPING_UP_S) {
            return "keeping-up";
        }
        double net = out - in;
        if (net <= 0) {
            return "growing";
        }
        return duration(lag / net);
    }

    private static String deadLetters(BrokerSnapshot broker, Rates rates) {
        BrokerSnapshot.TopicOffsets dlq = broker.topic(Topics.ARTICLES_DLQ);
        if (dlq == null) {
            return "DEAD LETTERS  (no " + Topics.ARTICLES_DLQ + " topic)";
        }
        Long added = rates.topicAdded(Topics.ARTICLES_DLQ);
        return String.format(Locale.ROOT, "DEAD LETTERS  %s in %s%s", count(dlq.held()), Topics.ARTICLES_DLQ,
                added == null ? "" : added == 0 ? ", none new" : ", " + count(added) + " new");
    }

    private static Table services(List<ServiceSnapshot> services, Rates rates) {
        Table t = new Table("SERVICE", "READINESS", ">ARTICLES/s", "STAGE", ">/s", ">p50", ">p99");
        for (ServiceSnapshot s : services) {
            String readiness = switch (s.readiness()) {
                case READY -> s.detail().isEmpty() ? "ready" : "ready (" + s.detail() + ")";
                case NOT_READY -> "NOT READY (" + s.detail() + ")";
                case UNREACHABLE -> "UNREACHABLE";
            };
            List<Stage> stages = stages(s);
            Double total = null;
            for (Stage st : stages) {
                total = add(total, rates.serviceRate(s.name(), st.countName(), st.labels()));
            }
            if (stages.isEmpty()) {
                t.row(s.name(), readiness, "-", "", "", "", "");
            }
            for (int i = 0; i < stages.size(); i++) {
                Stage st = stages.get(i);
                t.row(i == 0 ? s.name() : "", i == 0 ? readiness : "", i == 0 ? rate(total) : "", st.title(),
                        rate(rates.serviceRate(s.name(), st.countName(), st.labels())),
                        seconds(st.quantile(s, "0.5")), seconds(st.quantile(s, "0.99")));
            }
        }
        return t;
    }

    /** One timed stage of a service: a {@code newsline_*_seconds} series (one per label set) that has counted something. */
    record Stage(String family, Map<String, String> labels, String title) {

        String countName() {
            return family + "_count";
        }

        Double quantile(ServiceSnapshot s, String q) {
            for (MetricSample m : s.series(family)) {
                if (q.equals(m.label("quantile")) && withoutQuantile(m.labels()).equals(labels)) {
                    return m.value();
                }
            }
            return null;
        }
    }

    static List<Stage> stages(ServiceSnapshot s) {
        List<Stage> stages = new ArrayList<>();
        for (MetricSample m : s.samples()) {
            if (m.name().startsWith("newsline_") && m.name().endsWith("_seconds_count") && m.value() > 0) {
                String family = m.name().substring(0, m.name().length() - "_count".length());
                String stage = family.substring("newsline_".length(), family.length() - "_seconds".length());
                if (stage.startsWith(s.name() + "_")) {
                    stage = stage.substring(s.name().length() + 1);
                }
                String title = (stage + " " + String.join(" ", m.labels().values())).strip().replace('_', ' ');
                stages.add(new Stage(family, m.labels(), title));
            }
        }
        return stages;
    }

    private static Map<String, String> withoutQuantile(Map<String, String> labels) {
        Map<String, String> rest = new LinkedHashMap<>(labels);
        rest.remove("quantile");
        return rest;
    }

    private static String streams(List<ServiceSnapshot> services) {
        Double subscribers = null;
        Double overflows = null;
        for (ServiceSnapshot s : services) {
            subscribers = add(subscribers, s.sum("newsline_timeline_stream_subscribers").orElse(null));
            overflows = add(overflows, s.sum("newsline_timeline_stream_overflows_total").orElse(null));
        }
        if (subscribers == null) {
            return "SSE  (no subscriber figures: no timeline service answered with them)";
        }
        return String.format(Locale.ROOT, "SSE  %s subscriber(s), %s overflow(s) since the service started",
                count(Math.round(subscribers)), overflows == null ? "?" : count(Math.round(overflows)));
    }

    /** a + b where either may be missing; null when both are. */
    private static Double add(Double a, Double b) {
        if (b == null) {
            return a;
        }
        return a == null ? b : Double.valueOf(a + b);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(Double perSecond) {
        return perSecond == null ? "-" : String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    /** A quantile in seconds; 0 means the service timed nothing in its recent window, shown as "-". */
    static String seconds(Double s) {
        if (s == null || s.isNaN() || s <= 0) {
            return "-";
        }
        if (s < 0.001) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1000);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        }
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    static String duration(double seconds) {
        long s = Math.round(Math.ceil(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
