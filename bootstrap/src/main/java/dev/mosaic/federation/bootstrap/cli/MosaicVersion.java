package dev.mosaic.federation.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the jar, or "development build" when run from classes. */
final class MosaicVersion implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.mosaic.federation/bootstrap/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    try (InputStream in = MosaicVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return new String[] {"mosaic (development build)"};
      }
      Properties properties = new Properties();
      properties.load(in);
      return new String[] {"mosaic " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
