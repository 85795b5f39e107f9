package archive.search;

/**
 * A section of a result that matches the query.
 *
 * @param heading the section's heading as written
 * @param anchor the fragment (without {@code #}); empty when the section has none
 * @param url the entry URL with the fragment: a deep link to the section
 * @param snippet the section's passage that matches best, else its opening words
 */
public record SectionHit(String heading, String anchor, String url, Snippet snippet) {}
