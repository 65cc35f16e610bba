package dev.mosaic.federation.bootstrap.archfixtures.adapters.alpha;

import dev.mosaic.federation.bootstrap.archfixtures.adapters.beta.BetaHelper;

/** Bad: one adapter calling into another. */
public final class AlphaUsingBeta {
  public String help() {
    return BetaHelper.help();
  }
}
