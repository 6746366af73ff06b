package io.newsline.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a benchmark's rows as a table and writes them, with the machine they ran on, to bench/results. */
final class Report {

    private final String name;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> verdicts = new LinkedHashMap<>();

    Report(String name) {
        this.name = name;
    }

    void row(Map<String, Object> row) {
        rows.add(row);
    }

    void verdict(String bar, boolean met, String figure) {
        verdicts.put(bar, Map.of("met", met, "figure", figure));
    }

    void finish(Path dir) throws IOException {
        // One table per kind of row (rows with the same columns), in the order the kinds first came.
        Map<List<String>, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            tables.computeIfAbsent(new ArrayList<>(r.keySet()), k -> new ArrayList<>()).add(r);
        }
        tables.forEach((cols, table) -> {
            StringBuilder sb = new StringBuilder("\n| " + String.join(" | ", cols) + " |\n|");
            cols.forEach(c -> sb.append(" --- |"));
            for (Map<String, Object> r : table) {
                sb.append("\n|");
                cols.forEach(c -> sb.append(' ').append(r.get(c)).append(" |"));
            }
            System.out.println(sb);
        });
        verdicts.forEach((bar, v) -> System.out.println("bar: " + bar + " -> " + v));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("finishedAt", Instant.now().toString());
        json.put("machine", machine());
        json.put("rows", rows);
        json.put("bars", verdicts);
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".json");
        Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.println("wrote " + out);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.version"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
        } catch (IOException e) {
            // not Linux: leave the CPU out
        }
        return m;
    }
}
