package io.newsline.ingest.intake;

/** One thing wrong with one field of a posted article, as the problem document lists it. */
public record FieldError(String field, String message) {}
