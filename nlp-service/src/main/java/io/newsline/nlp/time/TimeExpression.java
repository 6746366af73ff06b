package io.newsline.nlp.time;

import io.newsline.contracts.model.DatePrecision;
import java.time.LocalDate;

/**
 * A time expression found in a text and resolved to calendar dates.
 *
 * @param start     UTF-16 offset of the expression in the text it was found in
 * @param end       end offset, exclusive
 * @param text      the expression as written
 * @param date      the first day it denotes (for month or year precision, the first day of that month or year)
 * @param dateEnd   the last day of a range the text gives ("between November 17 and 23"), else null
 * @param precision how precisely {@code date} is known
 */
public record TimeExpression(int start, int end, String text, LocalDate date, LocalDate dateEnd,
                             DatePrecision precision) {}
