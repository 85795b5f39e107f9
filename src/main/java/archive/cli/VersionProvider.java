package archive.cli;

import archive.ingest.Product;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every command: the version the build wrote ({@link Product}). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {Product.NAME + " " + Product.version()};
  }
}
