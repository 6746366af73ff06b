package io.newsline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of a Markdown page: every command of its {@code ```bash} (or {@code sh}, {@code shell}) blocks,
 * and of blocks without a language that start with {@code curl} or {@code ./newsline}, with
 * what the page says it answers. A command's answer is written in the comments after it ({@code # 401},
 * {@code # HTTP/1.1 202 Accepted {"id":"u-…"}}, {@code # {items, nextCursor}}), or, for the last command of
 * a block, in a {@code ```json} block right after it. A block that cannot run in a test (it needs Docker,
 * runs for minutes, starts its own system) is preceded by {@code <!-- example not run: <why> -->}.
 */
final class ShellExamples {

    private static final Set<String> SHELL = Set.of("bash", "sh", "shell");
    /** What a block without a language must start with to be run as shell. */
    private static final List<String> COMMANDS = List.of("curl ", "./newsline ");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern SKIP = Pattern.compile("^<!-- example not run:(.*)-->\\s*$");

    /** One command as the page shows it, where it is, and the comments that tell what it answers. */
    record Command(Path page, int line, String text, String documented) {
        String where() {
            return page.getFileName() + ":" + line;
        }
    }

    /** A block the page marks as not run, and why. */
    record Skipped(Path page, int line, String reason) {}

    /** Everything read from one page. */
    record Page(Path path, List<Command> commands, List<Skipped> skipped) {}

    private ShellExamples() {}

    static Page read(Path page) {
        try {
            return parse(page, Files.readAllLines(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Page parse(Path page, List<String> lines) {
        List<Command> commands = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher skip = SKIP.matcher(line.strip());
            if (skip.matches()) {
                marker = skip.group(1).strip();
                markerLine = i + 1;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                if (!line.isBlank()) {
                    marker = null;
                }
                continue;
            }
            int end = closing(lines, i);
            boolean shell = SHELL.contains(fence.group(1))
                    || fence.group(1).isEmpty() && startsWithCommand(lines.subList(i + 1, end));
            if (shell && marker != null) {
                skipped.add(new Skipped(page, markerLine, marker));
            } else if (shell) {
                List<Command> block = commands(page, lines, i + 1, end);
                String output = followingJson(lines, end + 1);
                if (output != null && !block.isEmpty()) {
                    Command last = block.remove(block.size() - 1);
                    block.add(new Command(page, last.line(), last.text(), (last.documented() + " " + output).strip()));
                }
                commands.addAll(block);
            }
            marker = null;
            i = end;
        }
        return new Page(page, commands, skipped);
    }

    /** A block without a language is a shell one too when its first line (past comments) runs curl or ./newsline. */
    private static boolean startsWithCommand(List<String> block) {
        return block.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .map(l -> COMMANDS.stream().anyMatch(l::startsWith)).orElse(false);
    }

    private static int closing(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new IllegalArgumentException("code block opened at line " + (open + 1) + " is never closed");
    }

    /** The content of a {@code ```json} block that follows (blank lines between allowed), or null. */
    private static String followingJson(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && lines.get(j).isBlank()) {
            j++;
        }
        if (j >= lines.size() || !lines.get(j).strip().equals("```json")) {
            return null;
        }
        int end = closing(lines, j);
        return String.join("\n", lines.subList(j + 1, end));
    }

    /**
     * The commands of one block: a command runs on over lines that end in a backslash, a pipe or {@code &&}
     * and while a quote is open; comment lines after it, and its own trailing comment, say what it answers.
     */
    private static List<Command> commands(Path page, List<String> lines, int from, int to) {
        List<Command> out = new ArrayList<>();
        StringBuilder text = null;
        StringBuilder documented = new StringBuilder();
        int start = 0;
        Quotes quotes = new Quotes();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (text == null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().startsWith("#")) {
                    if (!out.isEmpty()) {
                        Command last = out.remove(out.size() - 1);
                        out.add(new Command(page, last.line(), last.text(),
                                (last.documented() + " " + line.strip().substring(1).strip()).strip()));
                    }
                    continue;
                }
                text = new StringBuilder();
                documented.setLength(0);
                start = i + 1;
            } else {
                text.append('\n');
            }
            int comment = quotes.scan(line);
            text.append(line);
            if (comment >= 0) {
                documented.append(line.substring(comment + 1).strip());
            }
            String code = comment >= 0 ? line.substring(0, comment) : line;
            if (!quotes.open() && !continues(code.stripTrailing())) {
                out.add(new Command(page, start, text.toString(), documented.toString().strip()));
                text = null;
            }
        }
        if (text != null) {
            throw new IllegalArgumentException(page + ":" + start + ": a quote opened in this command is never closed");
        }
        return out;
    }

    /** A line ending in a backslash, a pipe or {@code &&} goes on on the next. */
    private static boolean continues(String code) {
        return code.endsWith("\\") || code.endsWith("|") || code.endsWith("&&");
    }

    /** Shell quoting followed across lines, to tell a comment from a {@code #} inside quotes. */
    static final class Quotes {
        private boolean single;
        private boolean dbl;

        boolean open() {
            return single || dbl;
        }

        /** Follows the quotes of one line; returns where a comment starts on it, or -1. */
        int scan(String line) {
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (single) {
                    single = c != '\'';
                } else if (dbl) {
                    if (c == '\\') {
                        k++;
                    } else {
                        dbl = c != '"';
                    }
                } else if (c == '\\') {
                    k++;
                } else if (c == '\'') {
                    single = true;
                } else if (c == '"') {
                    dbl = true;
                } else if (c == '#' && (k == 0 || Character.isWhitespace(line.charAt(k - 1)))) {
                    return k;
                }
            }
            return -1;
        }
    }
}
