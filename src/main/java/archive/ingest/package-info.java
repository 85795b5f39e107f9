/**
 * Walks a site folder and decides which files are entries; yields {@link archive.ingest.SourceFile}
 * records and parses nothing.
 */
@NullMarked
package archive.ingest;

import org.jspecify.annotations.NullMarked;
