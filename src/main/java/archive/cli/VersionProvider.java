package archive.cli;

import archive.index.IndexFormat;
import archive.ingest.Product;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version} of every command: the version the build wrote ({@link Product}), then the index
 * format it writes, so that a reader of a bug report knows both.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      Product.NAME + " " + Product.version(), "index: " + IndexFormat.describe()
    };
  }
}
