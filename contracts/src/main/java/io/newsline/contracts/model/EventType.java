package io.newsline.contracts.model;

/** What kind of happening an event is; modelled on ACLED's event types. */
public enum EventType {
    AIR_STRIKE, MISSILE_STRIKE, DRONE_STRIKE, SHELLING, GROUND_ASSAULT, TERRITORY_CAPTURE,
    ATTACK_ON_CIVILIANS, EXPLOSION, CASUALTY_REPORT, PROTEST, RIOT, DISASTER, CRIME,
    DIPLOMACY, MILITARY_AID, DISPLACEMENT, OTHER
}
