/**
 * Finds a site's entries: by walking its folder (yielding {@link archive.ingest.SourceFile}
 * records) or by fetching a live site politely and discovering its pages (robots.txt, URL scope,
 * sitemaps, feeds); parses no entry.
 */
@NullMarked
package archive.ingest;

import org.jspecify.annotations.NullMarked;
