package dev.mosaic.federation.bootstrap.archfixtures.adapters.alpha;

import dev.mosaic.federation.bootstrap.archfixtures.application.port.out.Widgets;

/** Bad: a port implementation that is public. */
public final class PublicWidgets implements Widgets {
  @Override
  public int count() {
    return 0;
  }
}
