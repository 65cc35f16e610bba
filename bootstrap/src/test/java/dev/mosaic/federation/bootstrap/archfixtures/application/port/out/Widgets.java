package dev.mosaic.federation.bootstrap.archfixtures.application.port.out;

/** An outbound port of the fixtures. */
public interface Widgets {
  int count();
}
