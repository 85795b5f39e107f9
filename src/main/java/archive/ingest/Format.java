package archive.ingest;

/** The source formats an entry can be written in. */
public enum Format {
  /** Markdown with optional YAML, TOML or JSON front matter. */
  MARKDOWN,
  /** HTML as a site generator publishes it. */
  HTML
}
