package io.newsline.contracts.model;

/** The coarse classes of named entities Newsline reports. */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
