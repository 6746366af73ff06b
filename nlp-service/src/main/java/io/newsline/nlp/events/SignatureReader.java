package io.newsline.nlp.events;

import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.nlp.events.EventLexicon.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what tells a happening apart from others at the same place and day, from the sentences that
 * tell it: the time of day and clock time, the target, the weapon and the district. Each field comes
 * from the first sentence that gives it, the happening's own sentence first; what no sentence gives
 * stays null.
 */
final class SignatureReader {

    /** A clock time: "00:40", "7:53 pm", "7 p.m.", "19.30 hrs"; hours and minutes in named groups. */
    private static final String CLOCK = "(?:(?<h>[01]?\\d|2[0-3]):(?<m>[0-5]\\d)(?:\\s*(?<ap>[ap])\\.?\\s?m\\b\\.?)?"
            + "|(?<h2>1[0-2]|0?[1-9])(?:[.:](?<m2>[0-5]\\d))?\\s*(?<ap2>[ap])\\.?\\s?m\\b\\.?"
            + "|(?<h3>[01]\\d|2[0-3])[.:]?(?<m3>[0-5]\\d)\\s*(?:hrs|hours|h)\\b|\\b(?<noon>noon|midday|midnight)\\b)";
    private static final Pattern RANGE = Pattern.compile("(?i)\\b(?:between|from)\\s+(?<a>" + CLOCK.replace("<", "<a")
            + ")\\s+(?:and|to|until|till)\\s+(?<b>" + CLOCK.replace("<", "<b") + ")");
    private static final Pattern TIME = Pattern.compile("(?i)(?<![\\d.:])(?:" + CLOCK + ")(?![\\d%])");
    /** Said, told, wrote ... just before a time, or "as of": when it was said or counted, not when it happened. */
    private static final Pattern SAID_BEFORE = Pattern.compile("(?i)\\b(?:said|says|told|wrote|posted|announced|reported"
            + "|stated|added|updated|confirmed)\\b[^.;]{0,25}$|\\bas\\s+(?:of|at)\\s+$");

    /** Words for a part of the day, checked in this order; "overnight" and "early hours" are the night. */
    private static final List<String[]> PARTS_OF_DAY = List.of(
            new String[] {"night", "\\b(?:overnight|at\\s+night|last\\s+night|(?:on\\s+)?the\\s+night\\s+of|night-time"
                    + "|nighttime|in\\s+the\\s+(?:early|small)\\s+hours|before\\s+dawn|pre-dawn|predawn|tonight"
                    + "|[a-z]+day\\s+night)\\b"},
            new String[] {"morning", "\\b(?:morning|dawn|daybreak)\\b"},
            new String[] {"afternoon", "\\b(?:afternoon|midday|noon)\\b"},
            new String[] {"evening", "\\b(?:evening|dusk|nightfall)\\b"});

    /**
     * What a happening hit or where it took place, longest names first; each found word is given as the
     * first form of its line ("apartment block" is a residential building).
     */
    private static final List<String[]> TARGETS = List.of(
            new String[] {"residential building", "residential (?:building|block|high-rise)s?", "apartment (?:building|block)s?",
                "blocks? of flats", "high-rise(?: building)?s?", "multi-stor(?:e)?y (?:building|house)s?"},
            new String[] {"private house", "private (?:house|home)s?"},
            new String[] {"administrative building", "administrative buildings?", "office (?:building|block)s?"},
            new String[] {"shopping centre", "shopping (?:centre|center|mall)s?", "malls?"},
            new String[] {"hypermarket", "hypermarkets?"},
            new String[] {"supermarket", "supermarkets?"},
            new String[] {"market", "(?:open-air |food |central )?markets?"},
            new String[] {"printing house", "printing (?:house|plant|press)s?"},
            new String[] {"nursing home", "nursing homes?", "care homes?"},
            new String[] {"children's hospital", "children['’]s hospitals?"},
            new String[] {"maternity hospital", "maternity (?:hospital|ward)s?"},
            new String[] {"hospital", "hospitals?", "clinics?", "medical (?:facility|centre|center)"},
            new String[] {"kindergarten", "kindergartens?", "nursery schools?"},
            new String[] {"lyceum", "lyceums?"},
            new String[] {"school", "schools?", "gymnasiums?", "educational (?:institution|facility|establishment)s?"},
            new String[] {"university", "universit(?:y|ies)(?: buildings?)?"},
            new String[] {"dormitory", "dormitor(?:y|ies)", "hostels?"},
            new String[] {"power plant", "(?:thermal |hydroelectric |nuclear )?power (?:plant|station)s?", "substations?"},
            new String[] {"energy infrastructure", "energy (?:facility|facilities|infrastructure)"},
            new String[] {"fuel depot", "(?:fuel|oil) (?:depot|storage)s?", "petrol stations?", "gas stations?"},
            new String[] {"railway station", "(?:railway|train|bus) stations?"},
            new String[] {"airport", "airports?", "airfields?", "air bases?"},
            new String[] {"port", "ports?", "port infrastructure", "grain terminals?"},
            new String[] {"bridge", "bridges?"},
            new String[] {"factory", "factor(?:y|ies)", "plants?", "industrial (?:enterprise|facility|site)s?"},
            new String[] {"warehouse", "warehouses?", "depots?"},
            new String[] {"farm", "farms?"},
            new String[] {"church", "churches", "church", "cathedrals?", "mosques?", "synagogues?", "temples?"},
            new String[] {"restaurant", "restaurants?", "caf[eé]s?", "pizzerias?"},
            new String[] {"hotel", "hotels?"},
            new String[] {"barracks", "barracks"},
            new String[] {"checkpoint", "checkpoints?"},
            new String[] {"bus", "buses", "bus", "minibus(?:es)?"},
            new String[] {"stadium", "stadiums?"},
            new String[] {"theatre", "theat(?:re|er)s?"});
    private static final List<Entry> TARGET_ENTRIES = entries(TARGETS);
    /** "damaging nearby high-rises": what was hit around the target, taken only when nothing else is named. */
    private static final Pattern COLLATERAL_BEFORE = Pattern.compile("(?i)\\b(?:nearby|neighbou?ring|adjacent|surrounding"
            + "|several|other)\\s+(?:[\\w-]+\\s+)?$");
    /** "taken to hospital", "in hospital": where the hurt were taken, not what was hit. */
    private static final Pattern CARE_BEFORE = Pattern.compile("(?i)\\b(?:to|in|at|from|left|leave|leaving)\\s+(?:the\\s+|a\\s+)?$");

    /** Weapons the event lexicon does not type a strike by (crime, attacks on civilians). */
    private static final List<String[]> HAND_WEAPONS = List.of(
            new String[] {"car bomb", "car bombs?", "vehicle-borne (?:IED|bomb)s?"},
            new String[] {"rifle", "(?:assault |semi-automatic |hunting )?rifles?", "AK-47s?", "Kalashnikovs?"},
            new String[] {"gun", "(?:hand)?guns?", "pistols?", "firearms?", "shotguns?"},
            new String[] {"knife", "knives", "knife", "edged weapons?", "machetes?", "blades?"},
            new String[] {"grenade", "(?:hand )?grenades?"},
            new String[] {"explosive device", "improvised explosive devices?", "IEDs?", "explosive devices?"});
    private static final List<Entry> HAND_WEAPON_ENTRIES = entries(HAND_WEAPONS);

    /** "the Kholodnohirskyi district", "the Shevchenkivskyi neighbourhood", "the district of Podil". */
    private static final Pattern DISTRICT = Pattern.compile("(?<name>(?:\\p{Lu}[\\p{L}’'-]+\\s+){1,2})(?<kind>district|raion"
            + "|neighbou?rhood|quarter|microdistrict|borough)\\b|\\b(?:district|neighbou?rhood|borough)\\s+of\\s+"
            + "(?<after>\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}[\\p{L}’'-]+)?)");
    /** Capitalised words before "district" that are no district's name. */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)^(?:the|a|an|this|that|in|of|central|northern|southern"
            + "|eastern|western|business|historic|residential|industrial|one|each|every|another)$");

    private record Entry(String canonical, Pattern pattern) {}

    private SignatureReader() {}

    /** The signature of a happening told by these sentences (its own first), or null when they give none. */
    static EventSignature read(List<Reading> readings) {
        EventSignature sig = EventSignature.NONE;
        for (Reading r : readings) {
            String text = r.foreground();
            if (sig.time() == null) {
                String[] clock = clockTime(text);
                if (clock != null) {
                    sig = sig.withTime(clock[0], clock[1]);
                }
            }
            if (sig.timeOfDay() == null) {
                sig = sig.withTimeOfDay(partOfDay(text));
            }
            if (sig.target() == null) {
                sig = sig.withTarget(target(text));
            }
            if (sig.weapon() == null) {
                sig = sig.withWeapon(weapon(r, text));
            }
            if (sig.district() == null) {
                sig = sig.withDistrict(district(text));
            }
        }
        if (sig.timeOfDay() == null && sig.time() != null) {
            sig = sig.withTimeOfDay(partOfClock(sig.time()));
        }
        return sig.isEmpty() ? null : sig;
    }

    /** {from, to} as HH:mm, to null unless the text gives a range; null when the text gives no clock time. */
    static String[] clockTime(String text) {
        Matcher range = RANGE.matcher(text);
        while (range.find()) {
            if (!saidJustBefore(text, range.start())) {
                return new String[] {clock(range, "a"), clock(range, "b")};
            }
        }
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            if (!saidJustBefore(text, m.start())) {
                return new String[] {clock(m, ""), null};
            }
        }
        return null;
    }

    /** night, morning, afternoon or evening from the words of the text, or null. */
    static String partOfDay(String text) {
        for (String[] part : PARTS_OF_DAY) {
            Matcher m = Pattern.compile(part[1], Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                if (!saidJustBefore(text, m.start())) {
                    return part[0];
                }
            }
        }
        return null;
    }

    /** The part of the day an HH:mm time falls in. */
    static String partOfClock(String hhmm) {
        int hour = Integer.parseInt(hhmm.substring(0, 2));
        if (hour < 5 || hour >= 22) {
            return "night";
        }
        return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
    }

    /** The first target the text names, one hit around another only when it names no other. */
    static String target(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int bestStart = Integer.MAX_VALUE;
        String best = null;
        int collateralStart = Integer.MAX_VALUE;
        String collateral = null;
        for (Entry e : TARGET_ENTRIES) {
            Matcher m = e.pattern.matcher(lower);
            while (m.find()) {
                String before = lower.substring(Math.max(0, m.start() - 25), m.start());
                if (CARE_BEFORE.matcher(before).find() && e.canonical.endsWith("hospital")) {
                    continue;
                }
                if (COLLATERAL_BEFORE.matcher(before).find()) {
                    if (m.start() < collateralStart) {
                        collateralStart = m.start();
                        collateral = e.canonical;
                    }
                    continue;
                }
                if (m.start() < bestStart) {
                    bestStart = m.start();
                    best = e.canonical;
                }
                break;
            }
        }
        return best != null ? best : collateral;
    }

    /** The weapon the sentence names: the strongest weapon trigger, else a hand weapon or a car bomb. */
    static String weapon(Reading r, String text) {
        Trigger best = null;
        for (Trigger t : r.triggers) {
            if ((EventLexicon.isWeapon(t.type()) || t.type() == EventType.EXPLOSION
                    && t.weight() >= 1.0) && (best == null || t.weight() > best.weight())) {
                best = t;
            }
        }
        if (best != null) {
            return weaponOfSubtype(best.subtype());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Entry e : HAND_WEAPON_ENTRIES) {
            if (e.pattern.matcher(lower).find()) {
                return e.canonical;
            }
        }
        return null;
    }

    /** "airstrike" and "bombing" say how, not with what; shells are fired by artillery. */
    private static String weaponOfSubtype(String subtype) {
        return switch (subtype) {
            case "airstrike", "bombing" -> null;
            case "shelling" -> "artillery";
            default -> subtype;
        };
    }

    static String district(String text) {
        Matcher m = DISTRICT.matcher(text);
        while (m.find()) {
            if (m.group("after") != null) {
                return m.group("after") + " district";
            }
            String[] words = m.group("name").trim().split("\\s+");
            int first = 0;
            while (first < words.length && NOT_A_NAME.matcher(words[first]).matches()) {
                first++;
            }
            if (first < words.length) {
                return String.join(" ", Arrays.copyOfRange(words, first, words.length)) + " "
                        + m.group("kind").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean saidJustBefore(String text, int start) {
        return SAID_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    private static String clock(Matcher m, String prefix) {
        if (m.group(prefix + "noon") != null) {
            return m.group(prefix + "noon").equalsIgnoreCase("midnight") ? "00:00" : "12:00";
        }
        String h = m.group(prefix + "h");
        String min = m.group(prefix + "m");
        String ap = m.group(prefix + "ap");
        if (h == null) {
            h = m.group(prefix + "h2");
            min = m.group(prefix + "m2");
            ap = m.group(prefix + "ap2");
        }
        if (h == null) {
            h = m.group(prefix + "h3");
            min = m.group(prefix + "m3");
        }
        int hour = Integer.parseInt(h);
        if (ap != null) {
            boolean pm = ap.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return String.format(Locale.ROOT, "%02d:%s", hour, min == null ? "00" : min);
    }

    private static List<Entry> entries(List<String[]> lines) {
        return lines.stream().map(line -> new Entry(line[0], Pattern.compile("\\b(?:" + String.join("|", List.of(line)
                .subList(1, line.length)) + ")\\b", Pattern.CASE_INSENSITIVE))).toList();
    }
}
