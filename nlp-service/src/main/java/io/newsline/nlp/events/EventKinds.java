package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;

/** What the event types have in common: which describe one kind of happening, which are violent. */
final class EventKinds {

    private EventKinds() {}

    /** Groups of event types that describe the same kind of happening when place and date agree. */
    static String family(EventType type) {
        return switch (type) {
            case MISSILE_STRIKE, DRONE_STRIKE, AIR_STRIKE, SHELLING, EXPLOSION -> "strike";
            case PROTEST, RIOT -> "unrest";
            default -> type.name();
        };
    }

    static boolean sameFamily(EventType a, EventType b) {
        return family(a).equals(family(b));
    }

    static boolean violent(EventType type) {
        return switch (family(type)) {
            case "strike", "GROUND_ASSAULT", "ATTACK_ON_CIVILIANS", "DISASTER", "unrest", "CRIME", "TERRITORY_CAPTURE" -> true;
            default -> false;
        };
    }

    static String defaultSubtype(EventType type) {
        return switch (type) {
            case MISSILE_STRIKE -> "missile";
            case DRONE_STRIKE -> "drone";
            case AIR_STRIKE -> "airstrike";
            case SHELLING -> "shelling";
            case GROUND_ASSAULT -> "assault";
            case TERRITORY_CAPTURE -> "capture";
            case ATTACK_ON_CIVILIANS -> "attack on civilians";
            case EXPLOSION -> "explosion";
            case CASUALTY_REPORT -> "casualties";
            case PROTEST -> "protest";
            case RIOT -> "riot";
            case DISASTER -> "disaster";
            case CRIME -> "crime";
            case DIPLOMACY -> "diplomatic meeting";
            case MILITARY_AID -> "military aid";
            case DISPLACEMENT -> "displacement";
            case OTHER -> "other";
        };
    }
}
