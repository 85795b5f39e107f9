package archive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the program is called and which version it is: the version comes from the build ({@code
 * pom.xml}, through {@code product.properties}), so {@code archive --version} and the {@code
 * User-Agent} a crawl sends cannot disagree.
 */
public final class Product {

  /** The command's name. */
  public static final String NAME = "archive";

  /**
   * The crawler's product token (RFC 9309 §2.2.1): the name robots.txt groups, robots meta tags and
   * {@code X-Robots-Tag} headers address it by, and the first word of its {@code User-Agent}.
   */
  public static final String CRAWLER = NAME + "-indexer";

  private static final String VERSION = read();

  private Product() {}

  /** The version the build gave, such as {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = Product.class.getResourceAsStream("product.properties")) {
      if (in == null) {
        throw new IllegalStateException("product.properties is missing: build with ./mvnw");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
