/**
 * Turns one {@link archive.ingest.SourceFile} into an {@link archive.parse.Entry} (commonmark for
 * Markdown, jsoup for HTML); lenient, reports problems instead of failing.
 */
@NullMarked
package archive.parse;

import org.jspecify.annotations.NullMarked;
