package io.newsline.nlp.pipeline;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The statistical part of name recognition: Stanford's PTB tokenizer, its sentence splitter and one
 * CRF sequence classifier, and nothing else of CoreNLP (no POS tagging, no SUTime, no fine-grained
 * rules), which is where CoreNLP's default pipeline spends its time.
 *
 * <p>Each line of a field is tokenized on its own, so a line break always ends a sentence (news
 * text puts paragraphs, headings and bylines on lines of their own). Sentences longer than
 * {@code maxSentenceTokens} are cut into pieces: the CRF's cost grows with sentence length and a
 * text without punctuation would otherwise be one enormous sentence.
 *
 * <p>Thread-safe: the classifier is read-only once loaded.
 */
public final class NameRecognizer {

    /** CoreNLP's English 3-class model (PERSON, ORGANIZATION, LOCATION) with distributional similarity features. */
    public static final String DEFAULT_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    // Hyphenated names (Kupyansk-Uzlovoy, Artyan-Kalor) stay one token; quotes and brackets keep their characters.
    private static final String TOKENIZER_OPTIONS =
            "invertible=false,ptb3Escaping=false,splitHyphenated=false,untokenizable=noneKeep";

    private final CRFClassifier<CoreLabel> classifier;
    private final String model;
    private final int maxSentenceTokens;

    private NameRecognizer(CRFClassifier<CoreLabel> classifier, String model, int maxSentenceTokens) {
        this.classifier = classifier;
        this.model = model;
        this.maxSentenceTokens = maxSentenceTokens;
    }

    /** Loads a CRF model from the classpath (or a file path); takes a few seconds, do it once. */
    public static NameRecognizer load(String model, int maxSentenceTokens) {
        try {
            CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(model);
            return new NameRecognizer(crf, model, maxSentenceTokens);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the NER model " + model, e);
        }
    }

    public String model() {
        return model;
    }

    /**
     * Splits one field into sentences and labels every token.
     *
     * @param firstIndex the document-wide index the first sentence gets
     */
    List<TaggedSentence> tag(String field, String text, int firstIndex) {
        return tag(field, text, firstIndex, Set.of(), phrase -> false);
    }

    /**
     * As {@link #tag(String, String, int)}, reading headline-cased lines ("Russian Advances in Kharkiv
     * Region Signal Escalation") with the words the article writes in lower case elsewhere lowered: the
     * CRF takes every capitalised word of a headline for a name otherwise. A word that begins a known
     * name with the next one keeps its case ("New York", "Sri Lanka").
     */
    List<TaggedSentence> tag(String field, String text, int firstIndex, Set<String> lowercaseWords,
            Predicate<String> knownName) {
        List<TaggedSentence> sentences = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd > lineStart) {
                tagLine(field, text.substring(lineStart, lineEnd), lineStart, firstIndex, lowercaseWords, knownName,
                        sentences);
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private void tagLine(String field, String line, int offset, int firstIndex, Set<String> lowercaseWords,
            Predicate<String> knownName, List<TaggedSentence> out) {
        PTBTokenizer<CoreLabel> tokenizer =
                new PTBTokenizer<>(new StringReader(line), new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
        List<CoreLabel> words = tokenizer.tokenize();
        if (words.isEmpty()) {
            return;
        }
        for (List<CoreLabel> sentence : new WordToSentenceProcessor<CoreLabel>().process(words)) {
            for (int from = 0; from < sentence.size(); from += maxSentenceTokens) {
                List<CoreLabel> piece = sentence.subList(from, Math.min(sentence.size(), from + maxSentenceTokens));
                // classifySentence, not classify(list): only it prepares the tokens the way the model was trained on.
                List<CoreLabel> labelled = classifier.classifySentence(
                        isHeadline(piece) ? recased(piece, lowercaseWords, knownName) : piece);
                List<Token> tokens = new ArrayList<>(piece.size());
                for (int i = 0; i < piece.size(); i++) {
                    CoreLabel w = piece.get(i);
                    String label = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
                    tokens.add(new Token(w.word(), offset + w.beginPosition(), offset + w.endPosition(),
                            label == null || label.equals(classifier.backgroundSymbol()) ? Token.OUTSIDE : label));
                }
                int index = firstIndex + out.size();
                out.add(new TaggedSentence(index, field, tokens.get(0).start, tokens.get(tokens.size() - 1).end, tokens));
            }
        }
    }

    /** Most longer words capitalised: a headline or a heading, not running text. */
    static boolean isHeadline(List<CoreLabel> words) {
        int longWords = 0;
        int capitalised = 0;
        for (CoreLabel w : words) {
            String word = w.word();
            if (word.length() >= 4 && Character.isLetter(word.charAt(0))) {
                longWords++;
                if (Character.isUpperCase(word.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return longWords >= 3 && capitalised * 10 >= longWords * 6;
    }

    private static List<CoreLabel> recased(List<CoreLabel> words, Set<String> lowercaseWords, Predicate<String> knownName) {
        List<CoreLabel> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            CoreLabel w = words.get(i);
            String lower = w.word().toLowerCase(Locale.ROOT);
            boolean startsName = i + 1 < words.size() && !words.get(i + 1).word().isEmpty()
                    && Character.isUpperCase(words.get(i + 1).word().charAt(0))
                    && knownName.test(w.word() + " " + words.get(i + 1).word());
            if (!lower.equals(w.word()) && !startsName
                    && (lowercaseWords.contains(lower) || Lexicon.isFunctionWord(lower) || Lexicon.isKicker(lower))) {
                CoreLabel copy = new CoreLabel(w);
                copy.setWord(lower);
                copy.setValue(lower);
                out.add(copy);
            } else {
                out.add(w);
            }
        }
        return out;
    }
}
