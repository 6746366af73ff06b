package io.newsline.contracts.problem;

/** One thing wrong with one field (or query parameter, or header) of a request, as a problem lists it. */
public record FieldError(String field, String message) {}
