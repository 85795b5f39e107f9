/**
 * Finds a site's entries, by walking its folder (yielding {@link archive.ingest.SourceFile}
 * records) or by discovering its pages over HTTP (URL scope, sitemaps, feeds); parses no entry.
 */
@NullMarked
package archive.ingest;

import org.jspecify.annotations.NullMarked;
