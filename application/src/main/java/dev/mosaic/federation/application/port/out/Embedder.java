package dev.mosaic.federation.application.port.out;

import java.util.List;

/**
 * Turns text into an embedding of {@link #DIMENSIONS} floats ({@code memory.embedding} is {@code
 * vector(256)}), so a search can also rank memory by cosine similarity. A host may bind its own
 * model; the default is a deterministic feature-hashing embedder.
 */
public interface Embedder {
  int DIMENSIONS = 256;

  /**
   * The embedding of {@code text}: {@link #DIMENSIONS} finite floats, L2-normalised, or all zeros
   * when the text has nothing to embed.
   */
  List<Float> embed(String text);
}
