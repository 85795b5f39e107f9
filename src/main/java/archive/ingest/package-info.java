/**
 * Walks a site folder and decides which files are entries, yielding {@link
 * archive.ingest.SourceFile} records, or fetches a live site politely; parses nothing.
 */
@NullMarked
package archive.ingest;

import org.jspecify.annotations.NullMarked;
