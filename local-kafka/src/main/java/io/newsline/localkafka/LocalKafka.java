package io.newsline.localkafka;

import io.newsline.contracts.kafka.Topics;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * The broker JVM: formats a single-node KRaft storage on first start, runs the Kafka server in this
 * process, creates Newsline's topics, then writes a {@code ready} file naming its bootstrap address.
 * Started by {@link KafkaBrokerProcess} (tests) and by {@code ./newsline up}.
 *
 * <p>Usage: {@code LocalKafka --data DIR [--port 9092] [--controller-port 9093]}
 */
public final class LocalKafka {

    /** A fixed cluster id: a data folder is only ever served by this one single-node cluster. */
    private static final String CLUSTER_ID = "bmV3c2xpbmUtbG9jYWwtMQ";

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 9092;
        int controllerPort = 9093;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: LocalKafka --data DIR [--port 9092] [--controller-port 9093]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            System.err.println("usage: LocalKafka --data DIR [--port 9092] [--controller-port 9093]");
            System.exit(2);
        }
        Files.createDirectories(data);
        Path ready = data.resolve("ready");
        Files.deleteIfExists(ready);

        Properties props = serverProperties(data, port, controllerPort);
        Path propsFile = data.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(propsFile)) {
            props.store(w, "Written by Newsline's LocalKafka at every start");
        }
        if (!Files.exists(data.resolve("logs").resolve("meta.properties"))) {
            int rc = StorageTool.execute(
                    new String[] {"format", "-t", CLUSTER_ID, "-c", propsFile.toString()}, System.out);
            if (rc != 0) {
                System.err.println("formatting the broker storage failed with exit code " + rc);
                System.exit(1);
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "local-kafka-shutdown"));
        server.startup();

        String bootstrap = "127.0.0.1:" + port;
        createTopics(bootstrap, System.out);
        Files.writeString(data.resolve("ready.tmp"), bootstrap + "\n");
        Files.move(data.resolve("ready.tmp"), ready);
        System.out.println("Kafka ready on " + bootstrap);
        server.awaitShutdown();
        stopped.await();
    }

    static Properties serverProperties(Path data, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", data.resolve("logs").toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A consumer group forms at once instead of waiting 3 s for more members: services are ready sooner.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their settings; a misspelt topic name should fail, not appear.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        // Compaction of news.timeline runs on small segments too, so the compacted view is exercised locally.
        p.put("log.cleaner.backoff.ms", "5000");
        return p;
    }

    /** Creates every topic of {@link Topics#ALL} that does not exist yet. */
    static void createTopics(String bootstrap, PrintStream out) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : Topics.ALL) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config()));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            for (NewTopic t : missing) {
                out.println("created topic " + t.name() + " (" + t.numPartitions() + " partitions " + t.configs() + ")");
            }
        }
    }

    private LocalKafka() {}
}
