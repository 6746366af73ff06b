package io.newsline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A benchmark run writes its JSON to {@code bench/results/} (unless {@code --out} says elsewhere): that folder
 * must hold no tracked file a run would overwrite, and what a run writes there must not show up in git.
 */
class BenchmarkOutputsTest {

    @Test
    void benchResultsHoldsNoTrackedFileAndWhatARunWritesThereIsIgnored() throws Exception {
        Git tracked = git("ls-files", "bench/results");
        assumeTrue(tracked.exit() == 0, "not a git checkout: " + tracked.output());

        assertEquals("", tracked.output().strip(), "tracked files a benchmark run would overwrite");
        for (String written : List.of("e2e.json", "e2e-find-max.json", "ingest.json", "sse-fanout.json",
                "footprint.json", "nlp.json")) {
            assertEquals(0, git("check-ignore", "-q", "bench/results/" + written).exit(),
                    "bench/results/" + written + " is git-ignored");
        }
    }

    private record Git(int exit, String output) {}

    private static Git git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(ServiceProcess.repositoryRoot().toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException noGit) {
            return new Git(-1, noGit.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(30, TimeUnit.SECONDS) ? new Git(p.exitValue(), out) : new Git(-1, "git did not finish");
    }
}
