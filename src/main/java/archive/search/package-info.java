/**
 * Parses the query syntax, runs queries, ranks, builds snippets and section deep links; returns
 * plain records, never Lucene types.
 */
@NullMarked
package archive.search;

import org.jspecify.annotations.NullMarked;
