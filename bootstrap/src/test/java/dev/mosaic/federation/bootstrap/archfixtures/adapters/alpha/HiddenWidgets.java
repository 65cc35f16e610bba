package dev.mosaic.federation.bootstrap.archfixtures.adapters.alpha;

import dev.mosaic.federation.bootstrap.archfixtures.application.port.out.Widgets;

/** Good: a package-private port implementation. */
final class HiddenWidgets implements Widgets {
  @Override
  public int count() {
    return 1;
  }
}
