/**
 * Owns the Lucene schema (field names, field types, analysis) and writes entries into the index
 * incrementally and crash-safely.
 */
@NullMarked
package archive.index;

import org.jspecify.annotations.NullMarked;
