package io.newsline.timeline.domain;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compact sketch of an article's words that tells a copy of one text (a wire story republished by several
 * outlets, with its own headline, a line of boilerplate or a cut) from independent reports of one happening,
 * which share names, figures and quoted officials but not their sentences.
 *
 * <p>The text is read as overlapping runs of {@value #SHINGLE_WORDS} words (shingles); the sketch is a
 * MinHash of them: for each of {@value #HASHES} hash functions the smallest hash over the shingles, of
 * which the low 16 bits are kept, plus the number of shingles. The share of equal positions in two sketches
 * estimates the resemblance (Jaccard index) of their shingle sets; with the two sizes it gives the
 * containment of the shorter text in the longer, which stays high when one outlet cuts or pads the story.
 */
public record TextPrint(int shingles, short[] mins) {

    static final int SHINGLE_WORDS = 4;
    static final int HASHES = 64;
    /**
     * Texts with fewer shingles than this say too little to tell a copy from a shared phrase, and get no
     * sketch. About 30 words: a headline with a two-sentence brief.
     */
    static final int MIN_SHINGLES = 25;
    /**
     * A copy shares at least this much of the shorter text. Measured on the clusters' 28 articles and the
     * corpora's 40 more: independent reports of one happening share at most 0.13 of their 4-word shingles,
     * copies made from them (new headline, half cut, boilerplate added, one word in 15 changed) at least
     * 0.73; see docs/timeline.md, Copies.
     */
    static final double COPY_CONTAINMENT = 0.5;
    /** And at least this resemblance, so a short text is not called a copy of a long one on a few chance matches. */
    static final double COPY_RESEMBLANCE = 0.1;

    private static final String PREFIX = "m1.";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final long[] SEEDS = seeds();

    /** The sketch of a title and body, or null when the text is too short to have one. */
    public static TextPrint of(String title, String body) {
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(plain);
        long[] window = new long[SHINGLE_WORDS];
        int words = 0;
        Set<Long> shingles = new HashSet<>();
        while (m.find()) {
            window[words % SHINGLE_WORDS] = fnv(m.group());
            words++;
            if (words >= SHINGLE_WORDS) {
                long h = 0;
                for (int i = words - SHINGLE_WORDS; i < words; i++) {
                    h = mix(h * 31 + window[i % SHINGLE_WORDS]);
                }
                shingles.add(h);
            }
        }
        if (shingles.size() < MIN_SHINGLES) {
            return null;
        }
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                // mix is a bijection, so each seed gives a different random-looking order of the shingles.
                long v = mix(s ^ SEEDS[i]) >>> 1;
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        short[] kept = new short[HASHES];
        for (int i = 0; i < HASHES; i++) {
            kept[i] = (short) min[i];
        }
        return new TextPrint(shingles.size(), kept);
    }

    /** The sketch as text, as it travels in {@code EventSource.fingerprint}. */
    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(2 * HASHES);
        for (short s : mins) {
            bytes.putShort(s);
        }
        return PREFIX + shingles + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** A sketch read back from its text; null for null, or for text this version does not read. */
    public static TextPrint decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return null;
        }
        int dot = text.indexOf('.', PREFIX.length());
        try {
            int shingles = Integer.parseInt(text.substring(PREFIX.length(), dot));
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text.substring(dot + 1)));
            short[] mins = new short[HASHES];
            for (int i = 0; i < HASHES; i++) {
                mins[i] = bytes.getShort();
            }
            return new TextPrint(shingles, mins);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The estimated Jaccard index of the two texts' shingle sets. */
    public double resemblance(TextPrint other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (mins[i] == other.mins[i]) {
                same++;
            }
        }
        // Two unrelated 16-bit values are equal one time in 65,536: take that chance out of the estimate.
        double chance = 1.0 / 65_536;
        return Math.max(0, ((double) same / HASHES - chance) / (1 - chance));
    }

    /** The estimated share of the shorter text's shingles that the other text has too. */
    public double containment(TextPrint other) {
        double j = resemblance(other);
        double union = (shingles + other.shingles) / (1 + j);
        return Math.min(1, j * union / Math.min(shingles, other.shingles));
    }

    /** Whether the two texts are copies of one text. */
    public boolean copies(TextPrint other) {
        return resemblance(other) >= COPY_RESEMBLANCE && containment(other) >= COPY_CONTAINMENT;
    }

    /** FNV-1a over the word's characters: cheap, and spread well enough once {@link #mix}ed. */
    private static long fnv(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The 64-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long s = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(s);
        }
        return seeds;
    }
}
