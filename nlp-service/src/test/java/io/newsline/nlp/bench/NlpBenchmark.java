package io.newsline.nlp.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Article;
import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.pipeline.EnrichmentPipeline;
import io.newsline.nlp.pipeline.NameRecognizer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Newsline's enrichment against CoreNLP's default English pipeline ({@code tokenize,ssplit,pos,lemma,ner}
 * with its defaults: three CRF models, fine-grained rules, SUTime) on the same articles, in one JVM on
 * one thread: a warm-up of each, then timed runs taken in turns so that JIT and machine noise fall on
 * both alike. Each run is measured in this thread's CPU time as well as wall-clock time: on a shared
 * machine other processes steal wall-clock time, not CPU time, so documents per CPU-second is the
 * figure per core. Prints both for each pipeline and the ratio, and writes them as JSON.
 *
 * <p>Not a test: run it with {@code bench/nlp.sh}. Arguments: {@code [corpusArticlesDir] [outJson]
 * [rounds] [cpuSecondsPerRun]}.
 */
public final class NlpBenchmark {

    private NlpBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/articles");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/nlp.json");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        PrintStream console = System.out;

        List<Article> articles = read(corpus);
        long tokens = words(articles);
        console.printf("corpus: %d articles, about %d words each%n", articles.size(), tokens / articles.size());

        long t0 = System.nanoTime();
        EnrichmentPipeline newsline = new EnrichmentPipeline(
                NameRecognizer.load(NameRecognizer.DEFAULT_MODEL, 120), Gazetteer.loadBundled(Optional.empty()));
        double newslineLoad = (System.nanoTime() - t0) / 1e9;

        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("threads", "1");
        t0 = System.nanoTime();
        StanfordCoreNLP coreNlp = new StanfordCoreNLP(props);
        double coreNlpLoad = (System.nanoTime() - t0) / 1e9;
        console.printf("loaded: newsline %.1f s, corenlp default %.1f s%n", newslineLoad, coreNlpLoad);

        Consumer<Article> ours = newsline::enrich;
        Consumer<Article> theirs = a -> coreNlp.annotate(new Annotation(a.title() + "\n\n" + a.body()));

        // Warm-up: let the JIT compile both before anything is timed.
        run(articles, ours, seconds);
        run(articles, theirs, seconds);

        List<Rate> oursRuns = new ArrayList<>();
        List<Rate> theirsRuns = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            oursRuns.add(run(articles, ours, seconds));
            theirsRuns.add(run(articles, theirs, seconds));
            console.printf("round %d: newsline %.1f docs/cpu-s (%.1f docs/s wall), corenlp default %.2f docs/cpu-s (%.2f docs/s wall)%n",
                    r + 1, oursRuns.get(r).cpu(), oursRuns.get(r).wall(), theirsRuns.get(r).cpu(), theirsRuns.get(r).wall());
        }
        double oursCpu = median(oursRuns.stream().map(Rate::cpu).toList());
        double theirsCpu = median(theirsRuns.stream().map(Rate::cpu).toList());
        double oursWall = median(oursRuns.stream().map(Rate::wall).toList());
        double theirsWall = median(theirsRuns.stream().map(Rate::wall).toList());
        double ratio = oursCpu / theirsCpu;
        console.printf("newsline enrichment: %.1f documents per CPU-second of one core (%.1f/s wall)%n", oursCpu, oursWall);
        console.printf("corenlp default (tokenize,ssplit,pos,lemma,ner): %.2f documents per CPU-second (%.2f/s wall)%n",
                theirsCpu, theirsWall);
        console.printf("ratio: %.1fx per core (%.1fx wall)%n", ratio, oursWall / theirsWall);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", Instant.now().toString());
        result.put("java", System.getProperty("java.version"));
        result.put("corpus", corpus.toAbsolutePath().normalize().toString());
        result.put("documents", articles.size());
        result.put("threads", 1);
        result.put("rounds", rounds);
        result.put("cpuSecondsPerRun", seconds);
        result.put("newsline", Map.of("docsPerCpuSecond", round(oursCpu), "docsPerWallSecond", round(oursWall),
                "runsPerCpuSecond", oursRuns.stream().map(x -> round(x.cpu())).toList(),
                "loadSeconds", round(newslineLoad), "pipeline", EnrichmentPipeline.VERSION));
        result.put("corenlpDefault", Map.of("docsPerCpuSecond", round(theirsCpu), "docsPerWallSecond", round(theirsWall),
                "runsPerCpuSecond", theirsRuns.stream().map(x -> round(x.cpu())).toList(),
                "loadSeconds", round(coreNlpLoad), "annotators", "tokenize,ssplit,pos,lemma,ner"));
        result.put("ratio", round(ratio));
        result.put("ratioWall", round(oursWall / theirsWall));

        // Ukrainian and Russian articles, beside the English: the same pipeline, timed the same way (CoreNLP's
        // default pipeline reads only English, so there is no ratio). Words per CPU-second compare corpora
        // whose articles differ in length.
        Path cyrillic = Path.of(args.length > 4 ? args[4] : "../shared/corpus-uk/articles");
        if (Files.isDirectory(cyrillic)) {
            List<Article> ukRu = read(cyrillic);
            long ukRuWords = words(ukRu);
            run(ukRu, ours, seconds);
            List<Rate> ukRuRuns = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ukRuRuns.add(run(ukRu, ours, seconds));
            }
            double ukRuCpu = median(ukRuRuns.stream().map(Rate::cpu).toList());
            double englishWordsPerCpu = oursCpu * tokens / articles.size();
            double ukRuWordsPerCpu = ukRuCpu * ukRuWords / ukRu.size();
            console.printf("newsline on %d Ukrainian/Russian articles (about %d words each): %.1f documents,"
                    + " %.0f words per CPU-second (English: %.0f words per CPU-second)%n", ukRu.size(),
                    ukRuWords / ukRu.size(), ukRuCpu, ukRuWordsPerCpu, englishWordsPerCpu);
            result.put("newslineUkRu", Map.of("corpus", cyrillic.toAbsolutePath().normalize().toString(),
                    "documents", ukRu.size(), "docsPerCpuSecond", round(ukRuCpu),
                    "wordsPerCpuSecond", Math.round(ukRuWordsPerCpu),
                    "runsPerCpuSecond", ukRuRuns.stream().map(x -> round(x.cpu())).toList()));
            result.put("newslineEnglishWordsPerCpuSecond", Math.round(englishWordsPerCpu));
        } else {
            console.printf("no Ukrainian/Russian corpus at %s: only English timed%n", cyrillic);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        console.printf("written to %s%n", out);
    }

    /** One timed run: documents per wall-clock second and per second of this thread's CPU time. */
    private record Rate(double wall, double cpu) {}

    /** Passes over the corpus until at least {@code seconds} of this thread's CPU time have gone by. */
    private static Rate run(List<Article> articles, Consumer<Article> enrich, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long budget = (long) (seconds * 1e9);
        int docs = 0;
        do {
            for (Article a : articles) {
                enrich.accept(a);
                docs++;
            }
        } while (threads.getCurrentThreadCpuTime() - cpuStart < budget);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Rate(docs / wall, docs / cpu);
    }

    private static long words(List<Article> articles) {
        return articles.stream().mapToLong(a -> (a.title() + " " + a.body()).split("\\s+").length).sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static List<Article> read(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Article> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Json.mapper().readValue(f.toFile(), Article.class));
            }
            if (out.isEmpty()) {
                throw new IOException("no articles in " + dir);
            }
            return out;
        }
    }
}
