package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.nlp.time.LiteralCues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that name a kind of happening, each with the event type it points to (SPEC.md's
 * ACLED-like list), a subtype, and a weight: how surely the word alone tells the type. A weapon
 * ("glide bomb", "Grad") outweighs a generic word ("attack", "strike"), which takes its type from
 * the weapons the text names around it.
 */
final class EventLexicon {

    /** The subtype of an arrest, which follows a happening rather than being one where the article told one. */
    static final String ARREST = "arrest";


    /** A word or phrase found in a sentence that names a happening. */
    record Trigger(int start, int end, EventType type, String subtype, double weight, boolean generic) {}

    private record Entry(Pattern pattern, LiteralCues cues, EventType type, String subtype, double weight,
                         boolean generic) {}

    private static final List<Entry> ENTRIES = new ArrayList<>();

    /** Generic words: they say something happened, but not with which weapon. */
    static final EventType GENERIC = EventType.OTHER;

    static {
        // Missiles; a named system becomes the subtype ("Iskander missile").
        add("\\b(?-i:Iskander(?:-M)?|Kalibr|Kinzhal|Kh-\\d+\\w*|Tochka(?:-U)?|S-[34]00|Tomahawk|ATACMS|Storm\\s+Shadow"
                + "|SCALP|Oreshnik|Zircon|Tsirkon|Onyx|Oniks|P-800|Scud|Fateh-\\d+|Qassam)"
                + "(?:\\s+(?:cruise|ballistic|hypersonic))?(?:\\s+missiles?)?", EventType.MISSILE_STRIKE, null, 1.2);
        add("\\b(?:ballistic|cruise|hypersonic|anti-ship|guided)\\s+missiles?", EventType.MISSILE_STRIKE, null, 1.1);
        add("\\bmissile\\s+(?:strikes?|attacks?|barrage|salvo|fire|launch(?:es)?)", EventType.MISSILE_STRIKE, "missile", 1.0);
        add("\\bmissiles?\\b", EventType.MISSILE_STRIKE, "missile", 0.8);
        add("\\brocket\\s+(?:strikes?|attacks?|fire|barrage)|\\brockets\\b", EventType.MISSILE_STRIKE, "rocket", 0.75);
        // Drones.
        add("\\b(?:(?-i:Shahed|Geran)(?:-\\d+)?|Lancet|kamikaze|FPV|attack|strike|suicide|loitering|explosive)[- ]drones?",
                EventType.DRONE_STRIKE, null, 1.1);
        add("\\b(?-i:Shahed|Geran)(?:-\\d+)?s?\\b", EventType.DRONE_STRIKE, "Shahed drone", 1.1);
        add("\\bdrone\\s+(?:strikes?|attacks?|raids?|swarm|barrage)", EventType.DRONE_STRIKE, "drone", 1.0);
        add("\\b(?:drones?|UAVs?|unmanned\\s+aerial\\s+vehicles?)\\b", EventType.DRONE_STRIKE, "drone", 0.8);
        // From the air.
        add("\\bglide\\s+bombs?", EventType.AIR_STRIKE, "glide bomb", 1.2);
        add("\\bguided\\s+(?:aerial|air)\\s+bombs?|\\b(?-i:KABs?|UMPK)\\b", EventType.AIR_STRIKE, "guided aerial bomb", 1.2);
        add("\\b(?-i:FAB)-\\d+\\w*", EventType.AIR_STRIKE, null, 1.2);
        add("\\b(?:air|aerial)\\s*(?:strikes?|raids?|attacks?|bombs?|bombardment)|\\bairstrikes?|\\bbombing\\s+raids?"
                + "|\\bbarrel\\s+bombs?", EventType.AIR_STRIKE, "airstrike", 1.0);
        // "bombers" are aircraft; "the bomber" of a blast is a person
        add("\\b(?:warplanes?|fighter\\s+jets?|(?<!suicide\\s)bombers|(?:strategic|long-range|heavy|stealth)\\s+bombers?"
                + "|helicopter\\s+gunships?)\\b", EventType.AIR_STRIKE, "airstrike", 0.7);
        // Aircraft of firefighting, rescue and transport are no strike: "14 aircraft dropping water", "rescue helicopters".
        add("(?<!\\b(?:rescue|firefighting|fire-fighting|water-bombing|medical|evacuation|cargo|passenger|commercial"
                + "|civilian|transport|relief|police|coast\\s+guard)\\s)\\b(?:jets|aircraft|planes|helicopters)\\b"
                + "(?!\\s+(?:\\w+\\s+){0,2}?(?:dropping|dropped|drop|carrying|carried|ferrying|airlifting|airlifted)\\s+"
                + "(?:\\w+\\s+)?(?:water|retardant|foam|aid|supplies|food|leaflets|rescuers|the\\s+injured|patients|survivors))",
                EventType.AIR_STRIKE, "airstrike", 0.6);
        add("(?<!\\b(?:suicide|car|roadside|truck)\\s)\\b(?:bombed|bombing|bombings)\\b", EventType.AIR_STRIKE, "bombing", 0.6);
        add("\\b(?:dropped|dropping|drops)\\s+(?:\\w+\\s+){0,2}bombs?\\b", EventType.AIR_STRIKE, "airstrike", 0.9);
        add("\\bbombs\\b", EventType.AIR_STRIKE, "bombing", 0.55);
        // Artillery and rocket artillery.
        add("\\b(?-i:Grad|Uragan|Smerch|Tornado-S|BM-21|BM-27|BM-30|TOS-1A?|Solntsepyok|HIMARS|MLRS|RSZOs?)\\b",
                EventType.SHELLING, null, 1.15);
        add("\\bmultiple[- ]rocket[- ]launch\\w*(?:\\s+systems?)?|\\brocket\\s+artillery", EventType.SHELLING, "MLRS", 1.15);
        add("\\bartillery\\s+(?:fire|strikes?|attacks?|barrage|shelling|shells?)", EventType.SHELLING, "artillery", 1.0);
        add("\\b(?:shelling|shelled|shells|bombardment|bombarded)\\b", EventType.SHELLING, "shelling", 0.9);
        add("\\b(?:mortars?|mortar\\s+fire)\\b", EventType.SHELLING, "mortar", 0.85);
        add("\\b(?:artillery|howitzers?|cannon\\s+fire)\\b", EventType.SHELLING, "artillery", 0.7);
        // "A massive attack on the capital", "a combined attack": how outlets name a barrage of missiles and drones
        // on a city, whose weapons the sentence does not name; troops on the ground are named as such ("ground attack").
        add("\\b(?:massive|massed|combined)\\s+attacks?\\b", EventType.MISSILE_STRIKE, "massive attack", 0.7);
        // Fighting on the ground.
        add("\\b(?:ground|infantry|armou?red|mechani[sz]ed|multi-pronged|large-scale|major)\\s+(?:assaults?|attacks?|offensive)",
                EventType.GROUND_ASSAULT, "ground assault", 1.0);
        add("\\b(?:assaults?|assaulted|stormed|storming)\\b", EventType.GROUND_ASSAULT, "assault", 0.8);
        add("\\battack(?:ed|ing)?\\s+(?:\\w+\\s+){0,2}positions\\b", EventType.GROUND_ASSAULT, "attack on positions", 0.95);
        add("\\b(?:repelled|repulsed|fended\\s+off)\\b", EventType.GROUND_ASSAULT, "repelled attack", 0.85);
        add("\\b(?:counter-?offensive|counter-?attacks?|offensive|incursion|raid)\\b", EventType.GROUND_ASSAULT, "offensive", 0.6);
        add("\\b(?:clash(?:es|ed)?|firefights?|gunfights?|fighting|battles?|skirmish(?:es)?)\\b", EventType.GROUND_ASSAULT,
                "clashes", 0.55);
        add("\\b(?:advanced|advancing|advances|advance|pushed\\s+forward)\\b", EventType.GROUND_ASSAULT, "advance", 0.5);
        // Territory changing hands.
        add("\\b(?:captured|capturing|captures|capture\\s+of|took\\s+control\\s+of|taken\\s+control\\s+of|take\\s+control\\s+of"
                + "|gained\\s+control\\s+of|seized|seizure\\s+of|liberated|liberation\\s+of|recaptured|retook|retaken"
                + "|regained\\s+control|(?:took|taken)\\s+over(?!\\s+(?:the\\s+|a\\s+|its\\s+)?(?:\\w+\\s+)?(?:investigation|case|probe"
                + "|inquiry|search|operation|running|management|duties|role|post|leadership|company|firm|talks))|fell\\s+to|fall\\s+of"
                + "|(?:have|has|had)\\s+taken(?!\\s+(?:over|to|into|part|place|away|care|steps|measures|action|hostage"
                + "|prisoner|captive|ill)\\b)"
                + "|(?:have|has|had)\\s+(?:been\\s+)?(?:fully\\s+)?taken(?!\\s+(?:over|to|into|part|place|away|care|steps"
                + "|measures|action|hostage|prisoner|captive|ill)\\b)|withdrew\\s+from|withdrawn\\s+from|retreated\\s+from"
                + "|pulled\\s+out\\s+of|occupied\\s+the|entered\\s+the\\s+(?:village|town|city))\\b",
                EventType.TERRITORY_CAPTURE, "capture", 1.05);
        // "Sievierodonetsk falls": a named place falling, as headlines put it; "rain fell" is no capture.
        add("(?<=(?-i:[A-Z][\\p{L}'’-]{2,50})\\s)falls\\b", EventType.TERRITORY_CAPTURE, "capture", 0.7);
        // Violence against civilians.
        add("\\b(?:shot|executed|massacred|abducted|tortured)\\s+(?:\\w+\\s+){0,3}civilians\\b"
                + "|\\bmassacres?\\b|\\bopened\\s+fire\\s+on\\s+(?:civilians|protesters|a\\s+crowd|the\\s+crowd)"
                + "|\\bexecutions?\\s+of\\s+(?:civilians|prisoners)|\\bmass\\s+shooting", EventType.ATTACK_ON_CIVILIANS,
                "attack on civilians", 1.15);
        // Explosions with no weapon named.
        add("\\b(?:car\\s+bomb|suicide\\s+bomb\\w*|roadside\\s+bomb|IEDs?|improvised\\s+explosive|landmines?|land\\s+mines?)\\b",
                EventType.EXPLOSION, null, 1.0);
        add("\\b(?:explosions?|blasts?|exploded|detonat\\w+|blew\\s+up)\\b", EventType.EXPLOSION, "explosion", 0.65);
        // Disasters.
        add("\\b(?:earthquakes?|quakes?|aftershocks?|tsunamis?|floods?|flooding|flood\\s*waters?|flash\\s+floods?|wildfires?|forest\\s+fires?"
                + "|bushfires?|hurricanes?|typhoons?|cyclones?|tornado(?:es)?|(?<!\\bwins\\s)(?<!\\bwon\\s)(?<!\\bwin\\s)(?<!\\belectoral\\s)landslides?(?!\\s+(?:victory|victories|win|wins|majority|defeat|re-?election))|mudslides?|avalanches?"
                // "fighting erupted", "a fire erupted": only a volcano erupts as a disaster of its own
                + "|volcanic\\s+eruption|volcano(?:es)?\\s+erupt\\w*|erupting\\s+volcano|droughts?|heat\\s*waves?|blizzards?|storms?(?!\\s+Shadow)"
                + "|dam\\s+(?:breach|collapse|burst)|building\\s+collapse|train\\s+(?:crash|derailment)|derailed"
                + "|plane\\s+crash|crashed|capsized|shipwreck|sank|fires?\\s+(?:(?:that|which)\\s+)?(?:broke\\s+out|erupted|spread"
                + "|raged)|blaze)\\b",
                EventType.DISASTER, null, 1.0);
        // Accidents on roads, rails, water and in the air, and collapses, as news tells them; headlines in the present.
        add("\\b(?:(?:road|traffic|car|bus|coach|truck|lorry|train|rail|railway|plane|air|helicopter|boat|ferry|mine|mining"
                + "|industrial)\\s+(?:accidents?|crash(?:es)?|collisions?|disasters?)|(?<!\\bby\\s)accidents?|collisions?"
                + "|collided|head-on|veered\\s+off|skidded\\s+off|derailment"
                + "|(?:plunged|plunges?|fell|falls|tumbled|tumbles|rolled|rolls|veered|veers|skidded|skids)"
                + "\\s+(?:\\w+\\s+){0,3}?into\\s+(?:(?:a|an|the)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:gorge|ravine|river|canal|valley"
                + "|sea|lake|ditch|gully|abyss|chasm|reservoir|creek)"
                + "|(?:bus|car|truck|lorry|van|minibus|tanker|vehicle|boat|ferry|train|coach)\\s+(?:\\w+\\s+){0,4}?"
                + "(?:overturned|overturns|flipped|flips)"
                + "|stampedes?|(?:mine|building|bridge|roof|wall|stand|tunnel|structure)\\s+(?:collapse|collapsed|caved\\s+in)"
                + "|ran\\s+aground)\\b", EventType.DISASTER, "accident", 0.9);
        // Protest and unrest.
        add("\\b(?:protests?|protested|protesters|protesting|demonstrations?|demonstrators|demonstrated|rall(?:y|ies|ied)"
                + "|marched|marchers|took\\s+to\\s+the\\s+streets|sit-ins?|picket\\w*|went\\s+on\\s+strike"
                + "|general\\s+strike|strike\\s+action|walkouts?|hunger\\s+strike)\\b", EventType.PROTEST, "protest", 1.0);
        add("\\b(?:riots?|rioting|rioters|rioted|looting|looted|tear\\s+gas|water\\s+cannons?|clashed\\s+with\\s+police"
                + "|clashes\\s+with\\s+police)\\b", EventType.RIOT, "riot", 1.05);
        // Crime.
        add("\\b(?:murder(?:ed|s)?|homicides?|killings|(?:a|the|mass|school|drive-by|fatal)\\s+shooting|shootings"
                + "|shooting\\s+(?:attack|spree|rampage)|stabb(?:ed|ing|ings)|robbery|robbed|kidnapp\\w+|abduct(?:ed|ion)"
                + "|shot\\s+dead|gunm[ae]n|assassinat\\w+|smuggl\\w+|fraud|arson|carjack\\w*"
                + "|burglar\\w*|hijack\\w*)\\b", EventType.CRIME, "crime", 0.85);
        // An arrest: a happening of its own only where the article tells no other (HappeningLinker).
        add("\\b(?:arrested|detained|apprehended|taken\\s+into\\s+custody)\\b", EventType.CRIME, ARREST, 0.85);
        // Diplomacy.
        add("\\bmeeting\\b[^.;]{0,60}\\bbetween\\b|\\b(?:summit|held\\s+talks|peace\\s+talks|met\\s+with|met\\b"
                + "|phone\\s+call|spoke\\s+by\\s+phone|signed\\s+(?:a|an|the)\\s+\\w+|ceasefire|truce|peace\\s+deal"
                + "|negotiations|imposed\\s+sanctions|new\\s+sanctions|state\\s+visit"
                + "|visited(?!\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:hospitals?|scene|site|victims|injured|wounded|families|area|morgue"
                + "|survivors|shelters?|camps?)\\b))\\b",
                EventType.DIPLOMACY, "diplomatic meeting", 0.9);
        add("\\b(?:meeting|talks|visit)\\b", EventType.DIPLOMACY, "diplomatic meeting", 0.5);
        // Military aid.
        add("\\b(?:military|security|defen[cs]e)\\s+(?:aid|assistance|support|package)|\\baid\\s+package|\\barms\\s+"
                + "(?:deliveries|shipments|supplies|transfers?)|\\bround\\s+of\\s+(?:military\\s+)?aid\\b",
                EventType.MILITARY_AID, "military aid", 1.0);
        // Displacement.
        add("\\b(?:evacuat\\w+|displaced|displacement|fled|fleeing|refugees?|forced\\s+to\\s+leave|left\\s+their\\s+homes"
                + "|exodus)\\b", EventType.DISPLACEMENT, "displacement", 0.75);
        // Elections and power.
        add("\\b(?:elections?|voted|voters|polls\\s+(?:opened|closed)|ballots?|referendum|run-?off|inaugurat\\w+|sworn\\s+in"
                + "|won\\s+the\\s+(?:election|vote|presidency)|coup)\\b", EventType.OTHER, "election", 0.75);
        // Words that tell a strike happened without its weapon.
        addGeneric("\\b(?:strikes?|struck|striking|targeted|targeting|hit|hits|pounded|barrage|salvo|raid"
                + "|attack(?:s|ed)?|shot\\s+down|intercepted|downed)\\b", "strike", 0.45);
        // Counts of the dead and wounded on their own.
        add("\\b(?:casualties|death\\s+toll|killed\\s+in\\s+action|losses|killed|died|injured|wounded)\\b",
                EventType.CASUALTY_REPORT, "casualties", 0.4);
    }

    private static void add(String regex, EventType type, String subtype, double weight) {
        ENTRIES.add(new Entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), LiteralCues.of(regex), type, subtype,
                weight, false));
    }

    private static void addGeneric(String regex, String subtype, double weight) {
        ENTRIES.add(new Entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), LiteralCues.of(regex), GENERIC, subtype,
                weight, true));
    }

    /** Every trigger in the text, longest first where two overlap. */
    static List<Trigger> find(String text) {
        List<Trigger> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) {
            if (!e.cues.mayMatch(lower)) {
                continue;
            }
            Matcher m = e.pattern.matcher(text);
            while (m.find()) {
                if (overlaps(found, m.start(), m.end())) {
                    continue;
                }
                String subtype = e.subtype != null ? e.subtype : subtypeOf(m.group(), e.type);
                found.add(new Trigger(m.start(), m.end(), e.type, subtype, e.weight, e.generic));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** Weapons named in the text, to type a generic "strike" near them. */
    static Trigger weaponIn(String text) {
        Trigger best = null;
        for (Trigger t : find(text)) {
            if (isWeapon(t.type()) && (best == null || t.weight() > best.weight())) {
                best = t;
            }
        }
        return best;
    }

    static boolean isWeapon(EventType type) {
        return type == EventType.MISSILE_STRIKE || type == EventType.DRONE_STRIKE || type == EventType.AIR_STRIKE
                || type == EventType.SHELLING;
    }

    private static String subtypeOf(String matched, EventType type) {
        String s = matched.trim().replaceAll("\\s+", " ");
        String lower = s.toLowerCase(Locale.ROOT);
        return switch (type) {
            case MISSILE_STRIKE -> lower.contains("missile") || lower.contains("rocket") ? singular(s) : s + " missile";
            case DRONE_STRIKE -> lower.contains("drone") ? singular(s) : singular(s) + " drone";
            case SHELLING -> s.equalsIgnoreCase("grad") ? "Grad MLRS" : s;
            case DISASTER -> normaliseDisaster(lower);
            default -> lower;
        };
    }

    /** "Kh-22 cruise missiles" names the weapon "Kh-22 cruise missile". */
    private static String singular(String s) {
        String t = s.replaceAll("(?i)(missile|drone|rocket|bomb)s$", "$1");
        return t.matches("(?i)(?:kamikaze|attack|strike|suicide|loitering|explosive|fpv|lancet)[- ]drone")
                ? t.toLowerCase(Locale.ROOT).replace("fpv", "FPV") : t;
    }

    private static String normaliseDisaster(String lower) {
        if (lower.contains("quake") || lower.contains("aftershock")) {
            return "earthquake";
        }
        if (lower.startsWith("flood") || lower.contains("flood")) {
            return "flood";
        }
        if (lower.contains("fire") || lower.equals("blaze")) {
            return "fire";
        }
        if (lower.startsWith("erupt") || lower.contains("eruption")) {
            return "volcanic eruption";
        }
        if (lower.endsWith("oes")) {
            return lower.substring(0, lower.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss")) {
            return lower.substring(0, lower.length() - 1);
        }
        return lower;
    }

    private static boolean overlaps(List<Trigger> found, int start, int end) {
        for (Trigger t : found) {
            if (start < t.end() && t.start() < end) {
                return true;
            }
        }
        return false;
    }

    private EventLexicon() {}
}
