package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shell example of the README and of docs/ runs, as written, against a system of its own with the demo
 * articles posted (as {@code ./newsline up --demo} does) and one poison record dead-lettered, and answers
 * what the page says: the HTTP status and the fields its comments show, SSE framed as documented. Only the
 * host ports are put in (the pages say 8081-8083); {@code ./newsline} commands are pointed at this system
 * with {@code NEWSLINE_HOME}. Examples that cannot run here carry {@code <!-- example not run: why -->}.
 * Everything each example did is in {@code target/docs-examples/report.md}.
 */
class DocumentedExamplesIT {

    /** A stream never ends by itself: it is read this long, then stopped. */
    private static final Duration STREAM = Duration.ofSeconds(4);
    /** {@code ./newsline tail} starts a JVM first. */
    private static final Duration TAIL = Duration.ofSeconds(10);
    private static final Duration COMMAND = Duration.ofSeconds(120);
    /** The shell's exit status for a command it cannot find. */
    private static final int NOT_FOUND = 127;
    private static final Pattern HTTP_STATUS = Pattern.compile("(?m)^HTTP/[\\d.]+ (\\d{3})");
    private static final Pattern POSTED = Pattern.compile("\\(HTTP (\\d{3})\\)");
    /** {@code NAME=value} alone, not {@code NAME=value command}: the shell keeps it for what follows. */
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^([A-Za-z_]\\w*)=(\\$\\([^)]*\\)|'[^']*'|\"[^\"]*\"|[^\\s'\"]+)\\s*(#.*)?$");
    private static final Pattern SSE_LINE = Pattern.compile("^$|^(id|event|data|retry)?: .*");

    private static RunningSystem system;
    private static Path work;
    private static Path home;

    @BeforeAll
    static void startTheDemo() throws Exception {
        for (String tool : List.of("bash", "curl", "jq")) {
            assumeTrue(onPath(tool), "the docs' examples need " + tool + " (.ci/run installs it)");
        }
        work = Files.createDirectories(ServiceProcess.repositoryRoot().resolve("e2e-tests/target/docs-examples"));
        system = RunningSystem.start("docs-examples");
        home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("token"), system.token + "\n");
        Files.writeString(home.resolve("pids/kafka.pid"), system.broker.pid() + "\n");
        Files.writeString(home.resolve("pids/ingest.pid"), system.pid(RunningSystem.INGEST) + "\n");
        Files.writeString(home.resolve("pids/nlp.pid"), system.pid(RunningSystem.NLP) + "\n");
        Files.writeString(home.resolve("pids/timeline.pid"), system.pid(RunningSystem.TIMELINE) + "\n");

        // What ./newsline up --demo posts, and a record nlp-service cannot read, for the dead-letter examples.
        Run demo = run("./newsline post demo/*.json", List.of(), COMMAND);
        assertTrue(demo.exit() == 0 && !POSTED.matcher(demo.output()).results().anyMatch(m -> !m.group(1).equals("202")),
                "the demo articles were posted:\n" + demo.output());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "not-an-article", "this is not JSON")).get();
        }
        system.awaitSettled(Duration.ofMinutes(4));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.broker.bootstrapServers()))) {
            TopicPartition dlq = new TopicPartition(Topics.ARTICLES_DLQ, 0);
            await("the poison record is dead-lettered").atMost(Duration.ofMinutes(1)).until(() ->
                    admin.listOffsets(Map.of(dlq, OffsetSpec.latest())).partitionResult(dlq).get().offset() >= 1);
        }
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyExampleOfTheReadmeAndTheDocsAnswersAsDocumented() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(ServiceProcess.repositoryRoot().resolve("README.md")));
        try (Stream<Path> docs = Files.list(ServiceProcess.repositoryRoot().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("# Documented examples, as run\n");
        int ran = 0;
        for (Path page : pages) {
            ShellExamples.Page examples = ShellExamples.read(page);
            for (ShellExamples.Skipped s : examples.skipped()) {
                report.append("\n## ").append(page.getFileName()).append(':').append(s.line())
                        .append(" not run: ").append(s.reason()).append('\n');
                if (s.reason().isBlank()) {
                    failures.add(page.getFileName() + ":" + s.line() + ": a block not run must say why");
                }
            }
            // Variables a page sets (TOKEN=…, INGEST=…) hold for its later commands, as in one shell session.
            List<String> assignments = new ArrayList<>();
            for (ShellExamples.Command c : examples.commands()) {
                Duration limit = c.text().startsWith("./newsline tail") ? TAIL : c.text().contains("curl -N") ? STREAM : COMMAND;
                Run r = run(c.text(), assignments, limit);
                List<String> wrong = check(c, r, limit != COMMAND);
                ran++;
                report.append("\n## ").append(c.where()).append(wrong.isEmpty() ? "" : " FAILED").append("\n\n```\n")
                        .append(c.text()).append("\n```\nexit ").append(r.exit() == null ? "(still running, stopped)" : r.exit())
                        .append(", HTTP ").append(r.statuses()).append("\n\n```\n").append(head(r.output())).append("\n```\n");
                if (!r.errors().isBlank()) {
                    report.append("standard error:\n\n```\n").append(lastLines(r.errors())).append("\n```\n");
                }
                wrong.forEach(w -> failures.add(c.where() + ": " + w + "\n    " + c.text().replace("\n", "\n    ")));
                if (r.kept() != null) {
                    assignments.add(r.kept());
                }
            }
        }
        Files.writeString(work.resolve("report.md"), report);
        assertTrue(ran >= 30, "the pages' examples were found (" + ran + ")");
        assertTrue(failures.isEmpty(), failures.size() + " documented example(s) do not answer as documented"
                + " (each example's run: e2e-tests/target/docs-examples/report.md):\n" + String.join("\n", failures));
    }

    /** What is wrong with one example's run; empty when it answered as its page says. */
    private static List<String> check(ShellExamples.Command c, Run r, boolean stream) {
        List<String> wrong = new ArrayList<>();
        DocumentedOutput documented;
        try {
            documented = DocumentedOutput.of(c.documented());
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (r.exit() != null && r.exit() == NOT_FOUND) {
            wrong.add("needs a program this machine does not have (.ci/run may install it, or mark the block not run): "
                    + lastLines(r.errors()));
        } else if (r.exit() == null ? !stream : r.exit() != 0) {
            wrong.add(r.exit() == null ? "did not finish within " + COMMAND.toSeconds() + " s" : "exited " + r.exit()
                    + ": " + head(r.output() + "\n" + lastLines(r.errors())));
        }
        List<Integer> statuses = r.statuses();
        if (documented.status() != null) {
            if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(documented.status())) {
                wrong.add("answered HTTP " + statuses + ", documented " + documented.status());
            }
        } else if (statuses.stream().anyMatch(s -> s < 200 || s > 299)) {
            wrong.add("answered HTTP " + statuses + " where the page shows success");
        }
        boolean sse = c.text().contains("/api/timeline/stream");
        if (sse) {
            r.output().lines().filter(l -> !SSE_LINE.matcher(l).matches()).findFirst()
                    .ifPresent(l -> wrong.add("a stream line is not framed as documented ('name: value'): " + l));
        }
        if (documented.checksFields()) {
            List<JsonNode> answers = sse ? dataOf(r.output()) : json(r.output());
            List<List<String>> mismatches = answers.stream().map(documented::mismatches).toList();
            if (mismatches.stream().noneMatch(List::isEmpty)) {
                wrong.add(answers.isEmpty() ? "no JSON answer to check: " + head(r.output())
                        : "does not show the documented fields: " + String.join("; ", mismatches.get(0)));
            }
        }
        return wrong;
    }

    /** The JSON the command printed (after the headers when it printed them), as one answer. */
    private static List<JsonNode> json(String output) {
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{") || lines.get(i).startsWith("[")) {
                try {
                    return List.of(Json.mapper().readTree(String.join("\n", lines.subList(i, lines.size()))));
                } catch (IOException notFromHere) {
                    // e.g. a line of headers that starts with a brace; try the next
                }
            }
        }
        return List.of();
    }

    /** The {@code data:} of every message of a stream. */
    private static List<JsonNode> dataOf(String stream) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stream.lines().filter(l -> l.startsWith("data:")).toList()) {
            try {
                out.add(Json.mapper().readTree(line.substring(5)));
            } catch (IOException cutOff) {
                // the last message, cut off when the stream was stopped
            }
        }
        return out;
    }

    /**
     * One run of a command: its exit status (null when it was stopped at its limit), what it printed on
     * standard output and on standard error (curl's progress meter, when it has no terminal), HTTP statuses,
     * and for an assignment what it set, as {@code NAME='value'} (else null).
     */
    private record Run(Integer exit, String output, String errors, List<Integer> statuses, String kept) {}

    /**
     * Runs one command after the page's assignments so far. An assignment itself ({@code OUT=$(mktemp -d)})
     * runs once: what it set is kept, as {@code NAME='value'}, for the commands after it ({@link Run#kept}).
     */
    private static Run run(String command, List<String> assignments, Duration limit) throws Exception {
        Path headers = Files.createTempFile(work, "headers", ".txt");
        Path output = Files.createTempFile(work, "output", ".txt");
        Path errors = Files.createTempFile(work, "errors", ".txt");
        Path value = Files.createTempFile(work, "value", ".txt");
        Matcher assignment = ASSIGNMENT.matcher(command);
        String keep = assignment.matches() ? "\nprintf '%s' \"$" + assignment.group(1) + "\" > \"$NEWSLINE_EXAMPLE_VALUE\"" : "";
        String script = withPorts(String.join("\n",
                "set -o pipefail",
                // Every curl of the example also writes the headers it received, for the status check.
                "curl() { command curl -D \"$NEWSLINE_EXAMPLE_HEADERS\" \"$@\"; }",
                // By the one read rule a write token reads too: the system's token serves where a read token is shown.
                "READ_TOKEN=$(./newsline token)",
                String.join("\n", assignments),
                command)) + keep;
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script)
                .directory(ServiceProcess.repositoryRoot().toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        pb.environment().put("NEWSLINE_HOME", home.toString());
        pb.environment().put("NEWSLINE_EXAMPLE_HEADERS", headers.toString());
        pb.environment().put("NEWSLINE_EXAMPLE_VALUE", value.toString());
        pb.environment().put("NEWSLINE_INGEST_PORT", Integer.toString(system.port(RunningSystem.INGEST)));
        pb.environment().put("NEWSLINE_NLP_PORT", Integer.toString(system.port(RunningSystem.NLP)));
        pb.environment().put("NEWSLINE_TIMELINE_PORT", Integer.toString(system.port(RunningSystem.TIMELINE)));
        pb.environment().put("NEWSLINE_KAFKA_PORT", Integer.toString(system.broker.port()));
        Process p = pb.start();
        Integer exit = null;
        if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        String complained = Files.readString(errors, StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        Matcher m = HTTP_STATUS.matcher(Files.readString(headers, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            statuses.add(Integer.valueOf(m.group(1)));
        }
        if (statuses.isEmpty()) {
            POSTED.matcher(printed).results().forEach(r -> statuses.add(Integer.valueOf(r.group(1))));
        }
        String kept = assignment.matches() && exit != null && exit == 0
                ? assignment.group(1) + "='" + Files.readString(value, StandardCharsets.UTF_8).replace("'", "'\\''") + "'"
                : null;
        for (Path temporary : List.of(headers, output, errors, value)) {
            Files.delete(temporary);
        }
        return new Run(exit, printed, complained, statuses, kept);
    }

    /** The pages speak of the default ports; this system has its own. */
    private static String withPorts(String command) {
        return command.replace("localhost:8081", "localhost:" + system.port(RunningSystem.INGEST))
                .replace("localhost:8082", "localhost:" + system.port(RunningSystem.NLP))
                .replace("localhost:8083", "localhost:" + system.port(RunningSystem.TIMELINE))
                .replace("localhost:9092", system.broker.bootstrapServers());
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** The end of what a command complained of: curl's message comes after its progress meter. */
    private static String lastLines(String errors) {
        List<String> lines = errors.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static String head(String output) {
        return output.length() > 1500 ? output.substring(0, 1500) + "\n… (" + output.length() + " characters)" : output.strip();
    }
}
