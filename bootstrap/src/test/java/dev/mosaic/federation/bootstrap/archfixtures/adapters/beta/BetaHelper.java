package dev.mosaic.federation.bootstrap.archfixtures.adapters.beta;

/** A class of the second fixture adapter. */
public final class BetaHelper {
  private BetaHelper() {}

  public static String help() {
    return "beta";
  }
}
