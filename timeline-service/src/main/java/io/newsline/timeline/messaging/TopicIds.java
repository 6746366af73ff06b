package io.newsline.timeline.messaging;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/** A topic's Kafka topic id: a topic deleted and created again under the same name gets a new one. */
final class TopicIds {

    private static final Logger LOG = Logger.getLogger(TopicIds.class);

    private TopicIds() {}

    /** The id of {@code topic}, or null when the broker does not say (the index is then trusted by its offset). */
    static String of(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "timeline-loader-topic-id");
        try (Admin admin = Admin.create(p)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).topicId()
                    .toString();
        } catch (Exception e) {
            LOG.debugf("topic id of %s not known: %s", topic, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }
}
